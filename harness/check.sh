#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The whole test suite, from a fresh machine: install what is missing,
# apply the series to the base, check the overlay and the series
# statically, build, boot the guest (KUnit at boot, kselftests inside) and
# judge it.  Prints one "ok"/"not ok" line per test and closes with
# "N passed, N failed"; exits non-zero when anything failed.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

link_build_dir
mkdir -p "$BUILD/logs"
# Start from no objects, as a fresh machine would; ccache keeps it cheap.
rm -rf "$KOBJ" "$BUILD/obj-distro"
RESULTS=$BUILD/results.txt
: > "$RESULTS"
suite_start=$(date +%s)

# record LINE... - keep and show result lines
record()
{
	tee -a "$RESULTS"
}

# step NAME SCRIPT [ARGS...] - run a harness script whose success is one
# result; its output goes to build/logs/NAME.log
step()
{
	local name=$1 start status
	# The CPU seconds the step and the processes it waited for used:
	# its share of the host CPUs, which its wall time alone does not
	# tell when steps run side by side.
	local TIMEFORMAT='%3U %3S'

	shift
	start=$(date +%s)
	{ time "$@" > "$BUILD/logs/$name.log" 2>&1; } 2> "$BUILD/logs/$name.cpu"
	status=$?
	if [ $status -eq 0 ]; then
		echo "ok $name ($(( $(date +%s) - start ))s, CPU $(awk '{ printf "%.0f", $1 + $2 }' \
			"$BUILD/logs/$name.cpu")s)" | record
	else
		tail -n 30 "$BUILD/logs/$name.log" | sed 's/^/#   /'
		echo "not ok $name" | record
	fi
	return $status
}

# collect NAME SCRIPT [ARGS...] - run a harness script that prints result
# lines itself
collect()
{
	local name=$1

	shift
	"$@" 2> "$BUILD/logs/$name.log" | record
}

# The checks that run beside the distro kernel's guest (see below): those
# that need no guest, and the lean kernel's guests that stall and crash
# on purpose (harness/NAME.sh).  Each prints its own result lines, kept
# until they are joined.
ALONGSIDE=(test-tools static-checks check-stall check-crash)
ALONGSIDE_PID=

# alongside_start - start the checks beside the distro guest in the background
alongside_start()
{
	(
		for name in "${ALONGSIDE[@]}"; do
			collect_quietly "$name" "$HARNESS/$name.sh"
		done
	) &
	ALONGSIDE_PID=$!
}

# collect_quietly NAME SCRIPT [ARGS...] - collect, into build/logs/NAME.tap
collect_quietly()
{
	local name=$1

	shift
	"$@" 2> "$BUILD/logs/$name.log" > "$BUILD/logs/$name.tap"
}

# alongside_join - wait for the checks beside the distro guest (running them
# now if they never started) and record their result lines
alongside_join()
{
	local name

	[ -n "$ALONGSIDE_PID" ] || alongside_start
	wait "$ALONGSIDE_PID"
	for name in "${ALONGSIDE[@]}"; do
		record < "$BUILD/logs/$name.tap"
	done
}

summary()
{
	local passed failed

	# A step that ended the suite early leaves no build behind.
	[ -z "$DISTRO_BUILD_PID" ] || wait "$DISTRO_BUILD_PID"
	passed=$(grep -c '^ok ' "$RESULTS")
	failed=$(grep -c '^not ok ' "$RESULTS")
	log "suite ran $(( $(date +%s) - suite_start ))s; logs in build/logs/"
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
	exit $?
}

# The distro-shaped kernel (harness/distro.config), on two NUMA nodes with
# nohz_full CPUs: the tests of the switch and of what it leaves behind.
# Its lines are prefixed "distro kernel: "; a kernel that does not build
# fails its step and skips its guest.
# test-lockdown.sh locks the kernel down for good, so it comes last.
DISTRO_TESTS=(test-sysfs.sh test-registry.sh test-switch.sh test-mysched.sh
	      test-state.sh test-hotplug.sh test-load.sh test-pivot.sh
	      test-conflict.sh test-removal.sh test-watchdog.sh test-scx.sh
	      test-lockdown.sh)
DISTRO=(SCHED_LIVE_KERNEL=distro
	GUEST_APPEND="kselftest_test=$(printf 'sched_live:%s,' "${DISTRO_TESTS[@]}" | sed 's/,$//')")
distro()
{
	env "${DISTRO[@]}" "$@" | sed -E 's/^(not )?ok /&distro kernel: /'
}
DISTRO_BUILD_PID=
distro_build_start()
{
	step build-kernel-distro env "${DISTRO[@]}" "$HARNESS/build-kernel.sh" &
	DISTRO_BUILD_PID=$!
}
distro_steps()
{
	local built=$DISTRO_BUILD_PID

	DISTRO_BUILD_PID=
	wait "$built" || return
	collect check-boundary-distro distro "$HARNESS/check-boundary.sh"
	step build-guest-distro env "${DISTRO[@]}" "$HARNESS/build-guest.sh" || return
	# Its vCPUs take turns on one host thread (run-guest.sh), which leaves
	# a host CPU to the checks beside it.
	alongside_start
	step run-guest-distro env "${DISTRO[@]}" "$HARNESS/run-guest.sh"
	collect check-guest-distro distro "$HARNESS/check-guest.sh"
}

step install-deps "$HARNESS/install-deps.sh" || summary
step fetch-base "$HARNESS/fetch-base.sh" || summary
step apply-series "$HARNESS/apply-series.sh" || summary
collect check-overlay "$HARNESS/check-overlay.sh"
step build-kernel "$HARNESS/build-kernel.sh" || summary
# From here on the distro-shaped kernel builds in the background, beside
# the lean kernel's guest.
distro_build_start
collect check-boundary "$HARNESS/check-boundary.sh"
collect check-extracted "$HARNESS/check-extracted.sh"
step build-guest "$HARNESS/build-guest.sh" || summary
# Other work runs on every host CPU while the lean guest's tests run, so
# that a race that needs a slow vCPU shows up here rather than on a busy
# machine: the distro-shaped kernel's build, which needs doing anyway,
# then a CPU hog on every host CPU once it is done.
LEAN=(GUEST_NOISE="$(nproc)" GUEST_NOISE_AFTER="$DISTRO_BUILD_PID")
step run-guest env "${LEAN[@]}" "$HARNESS/run-guest.sh"
collect check-guest "$HARNESS/check-guest.sh"

distro_steps
alongside_join

summary
