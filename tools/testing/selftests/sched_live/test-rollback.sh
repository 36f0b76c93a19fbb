#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A rollback needs no memory: with 10,000 threads asleep under mysched, a
# switch back to builtin written by a task that can allocate nothing
# succeeds.  Not among the distro-shaped kernel's tests: its guest runs its
# vCPUs in turn on one host thread, where 10,000 threads take minutes to
# start and to wake.

. "$(dirname "$0")/functions.sh"

SLEEPERS=$TESTDIR/sched_live_sleepers
SLEEPER_BOARD=/tmp/sched_live_sleepers
TIMEOUT=$SYSFS/watchdog_timeout_ms

setup_test_suite 1

# no_memory_for_those_who_ask VALUE - with VALUE 100, every allocation of
# a task that asks for it (/proc/PID/make-it-fail, which sched_live_write
# -m sets around its write) fails, as if no memory were left; with 0,
# none does.  Quietly: a failure report would be a splat.
no_memory_for_those_who_ask()
{
	local needs="CONFIG_FAILSLAB, CONFIG_FAIL_PAGE_ALLOC, CONFIG_FAULT_INJECTION_DEBUG_FS"
	local attr dir

	for dir in failslab fail_page_alloc; do
		dir=/sys/kernel/debug/$dir
		[ -d $dir ] || {
			fail "no $dir ($needs)"
			return
		}
		for attr in task-filter=Y ignore-gfp-wait=N verbose=0 \
			    interval=1 times=-1 probability=$1; do
			echo "${attr#*=}" > "$dir/${attr%%=*}" ||
				fail "cannot set $dir/${attr%%=*}"
		done
	done
	echo 0 > /sys/kernel/debug/fail_page_alloc/min-order &&
		echo N > /sys/kernel/debug/fail_page_alloc/ignore-gfp-highmem ||
		fail "cannot make fail_page_alloc fail every order"
}

start_test "a rollback with 10,000 threads asleep needs no memory"
# The file is opened first, its buffer with it; only then does the writer
# lose its memory.  A file whose buffer comes with the write shows that it
# has none.
# threads-max allows a thread per 128 KiB of memory: 8,000 in 1 GiB.
threads_max=$(cat /proc/sys/kernel/threads-max)
echo 65536 > /proc/sys/kernel/threads-max
load_mod mysched
switch_to mysched
expect_eq "sleepers under mysched" "$("$SLEEPERS" start $SLEEPER_BOARD 10000)" \
	"sleeping 10000"
no_memory_for_those_who_ask 100
expect_write ENOMEM -m "$TIMEOUT" 6000
expect_write ok -m "$SYSFS/active" builtin
no_memory_for_those_who_ask 0
expect_active builtin
ktap_print_msg "mysched -> builtin with 10,000 sleepers and no memory:" \
	"$(last_switch tasks) tasks moved," \
	"$(last_switch rechecked) stacks checked in the window, stop_machine" \
	"$(( $(last_switch stop_machine_ns) / 1000 )) us, whole switch" \
	"$(( $(last_switch total_ns) / 1000 )) us"
# Asleep all along, they were checked before the window, not in it.
[ "$(last_switch rechecked)" -lt 1000 ] ||
	fail "$(last_switch rechecked) stacks checked in the window with 10,000 asleep"
expect_eq "sleepers woken under builtin" "$("$SLEEPERS" wake $SLEEPER_BOARD)" \
	"woke 10000 resumed 0"
echo "$threads_max" > /proc/sys/kernel/threads-max
unload_mod mysched
check_busy_result "$MYSCHED_ROUND_TRIP"

ktap_finished
