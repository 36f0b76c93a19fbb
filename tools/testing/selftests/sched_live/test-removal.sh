#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Nothing points into a scheduler module once it is removed: what its
# scheduler left queued goes to the scheduler that follows it, and the
# kernel's audit of the removal (CONFIG_SCHED_LIVE_AUDIT) finds nothing.
# Each case then waits past the time the leftover would have run.

. "$(dirname "$0")/functions.sh"

SYSCALLS=$TESTDIR/sched_live_syscalls
PERIOD_MAX=/proc/sys/kernel/sched_deadline_period_max_us

# uptime_s - seconds since boot
uptime_s()
{
	cut -d. -f1 /proc/uptime
}

setup_test_suite 1

start_test "a deadline task that exited under mysched leaves nothing in it"
load_mod mysched
expect_write ok "$SYSFS/active" mysched
# 1 s every 40 s: a task that exits with half of its runtime left keeps
# its bandwidth, and an inactive timer of mysched's, until 20 s after it
# started, time enough to switch back and remove mysched on CPUs a busy
# host keeps waiting.  The kernel caps a period at 4 s unless told
# otherwise.
period_max=$(cat $PERIOD_MAX)
echo 40000000 > $PERIOD_MAX
start=$(uptime_s)
"$SYSCALLS" burn 1000000000 40000000000 40000000000 ||
	fail "the deadline task failed"
echo "$period_max" > $PERIOD_MAX
expect_write ok "$SYSFS/active" builtin
unload_mod mysched
[ $(($(uptime_s) - start)) -lt 18 ] ||
	fail "the removal came after the timer had fired: too slow to tell"
while [ $(($(uptime_s) - start)) -lt 22 ]; do
	sleep 1
done
expect_no_splat
check_result "% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
sched_live: switched from 'builtin' to 'mysched'
sched_live: switched from 'mysched' to 'builtin'
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

ktap_finished
