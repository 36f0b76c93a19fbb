#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# mysched, the sample scheduler (samples/sched_live): its change shows
# exactly while it is active, the scheduling system calls and the
# scheduler's files in /proc and debugfs work under it, and it takes over
# from another scheduler module directly.

. "$(dirname "$0")/functions.sh"

SYSCALLS=$TESTDIR/sched_live_syscalls

setup_test_suite 4

# mysched_forks - the mysched.forks line of /proc/self/sched, or nothing
mysched_forks()
{
	sed -n 's/^mysched.forks *: *//p' /proc/self/sched
}

start_test "the mysched change shows only while mysched is active"
load_mod mysched
expect_eq "mysched.forks under builtin" "$(mysched_forks)" ""
expect_write ok "$SYSFS/active" mysched
for i in 1 2 3 4 5; do /bin/true; done
forks=$(mysched_forks)
[ -n "$forks" ] && [ "$forks" -ge 5 ] ||
	fail "mysched.forks under mysched: got '$forks', expected 5 or more"
expect_write ok "$SYSFS/active" builtin
expect_eq "mysched.forks back under builtin" "$(mysched_forks)" ""
unload_mod mysched
check_result "$MYSCHED_ROUND_TRIP"

start_test "the scheduling system calls work under mysched"
load_mod mysched
expect_eq "system calls under builtin" "$("$SYSCALLS")" ok
expect_write ok "$SYSFS/active" mysched
expect_eq "system calls under mysched" "$("$SYSCALLS")" ok
expect_write ok "$SYSFS/active" builtin
unload_mod mysched
check_result "$MYSCHED_ROUND_TRIP"

# read_files WHEN - every file of the scheduler in /proc and debugfs reads
read_files()
{
	local f

	for f in /proc/schedstat /proc/self/sched /proc/self/stat \
		 /proc/sys/kernel/sched_rr_timeslice_ms /sys/kernel/debug/sched/*; do
		[ -f "$f" ] || continue
		cat "$f" > /dev/null 2>&1 || fail "cannot read $f $1"
	done
}

start_test "the scheduler's files in procfs and debugfs read under mysched"
load_mod mysched
read_files "under builtin"
expect_write ok "$SYSFS/active" mysched
read_files "under mysched"
expect_write ok "$SYSFS/active" builtin
unload_mod mysched
check_result "$MYSCHED_ROUND_TRIP"

start_test "one module takes over from another, and the first one goes"
load_mod sched_live_extracted
load_mod mysched
expect_write ok "$SYSFS/active" extracted
expect_write ok "$SYSFS/active" mysched
unload_mod sched_live_extracted
expect_active mysched
[ -n "$(mysched_forks)" ] || fail "no mysched.forks line under mysched"
expect_write ok "$SYSFS/active" builtin
unload_mod mysched
check_result "% insmod sched_live_extracted
sched_live: registered scheduler 'extracted'
sched_live: 'extracted' implements all the interface functions
% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
sched_live: switched from 'builtin' to 'extracted'
sched_live: switched from 'extracted' to 'mysched'
% rmmod sched_live_extracted
sched_live: unregistered scheduler 'extracted'
sched_live: switched from 'mysched' to 'builtin'
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

ktap_finished
