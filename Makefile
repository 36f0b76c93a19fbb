# SPDX-License-Identifier: GPL-2.0
#
# Shortcuts for developers; the scripts in harness/ do the work.

.PHONY: demo check patches check-bisect bench bench-boundary bench-hotpath bench-switch bench-latency bench-loop stress package distro-check tcg-textpoke clean

demo:
	bash harness/demo.sh

check:
	bash harness/check.sh

# Regenerate patches/ and the overlay from the commits in build/linux.
patches:
	bash harness/export-series.sh

# Build the kernel at every patch of the series (slow; not part of check).
check-bisect:
	bash harness/check-bisect.sh

# What the boundary tools cost the kernel build (figures, not a test).
bench-boundary:
	bash harness/bench-boundary-build.sh

# All the figures of the switch and the hot path below, in one go (about
# an hour on 2 cores).
bench: bench-switch bench-hotpath bench-latency bench-loop

# The hot path with the extracted scheduler as a module against builtin,
# in the same boot (figures); BENCH_CONFIG=1 adds SCHED_LIVE=y against =n.
bench-hotpath:
	bash harness/bench-hotpath.sh

# What a switch costs against an empty stop_machine() (figures).
bench-switch:
	bash harness/bench-switch.sh

# cyclictest's wake-up latency while switching against without (figures).
bench-latency:
	bash harness/bench-latency.sh

# From a one-line change in the extracted fair.c to it running (figures).
bench-loop:
	bash harness/bench-loop.sh

# 1,000 switch cycles under load and hotplug, then 5 minutes of sysfs
# fuzzing (slow; the test command runs both briefly).
stress:
	bash harness/stress.sh

# make bindeb-pkg, mysched built in a bookworm root from the headers
# package alone, and the packaged kernel switching to it in QEMU (slow).
package:
	bash harness/package.sh

# Debian's own 6.12 amd64 config with CONFIG_SCHED_LIVE: bzImage and
# mysched built, booted in QEMU, switched both ways (slow: about an hour
# on 2 cores).
distro-check:
	bash harness/distro-check.sh

# Why the distro-shaped kernel's guest runs on single-threaded TCG: a
# static key flipped under both kinds of TCG (about 3 minutes).
tcg-textpoke:
	bash harness/tcg-textpoke.sh

clean:
	rm -rf build
