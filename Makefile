# SPDX-License-Identifier: GPL-2.0
#
# Shortcuts for developers; the scripts in harness/ do the work.

.PHONY: demo check patches check-bisect bench-boundary bench-hotpath bench-switch bench-loop clean

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

# What CONFIG_SCHED_LIVE costs the hot path with builtin active (figures).
bench-hotpath:
	bash harness/bench-hotpath.sh

# What a switch costs against an empty stop_machine() (figures).
bench-switch:
	bash harness/bench-switch.sh

# From a one-line change in the extracted fair.c to it running (figures).
bench-loop:
	bash harness/bench-loop.sh

clean:
	rm -rf build
