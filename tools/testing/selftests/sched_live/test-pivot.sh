#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A task asleep in the scheduler holds only the kernel's own frames, so
# the scheduler it went to sleep under can be removed while it sleeps, and
# it resumes in the code of the scheduler active when it wakes up.  So
# does a task waiting, for as long as user space wants, on a fault in user
# memory that a scheduling syscall or a new task's first return to user
# space took: what touches user memory stays in vmlinux.
# 1,000 threads sleep (futex wait, nanosleep, pipe read, a fault that a
# userfaultfd holds inside each scheduling syscall that reads or writes
# user memory and in a new task's CLONE_CHILD_SETTID write, uninterruptible
# sleep in a test module) through every switch of builtin -> extracted ->
# mysched -> builtin -> mysched -> extracted -> builtin; the module left
# behind is removed before they wake.  mysched marks the tasks its
# __schedule_finish() ran in: all of them, when they wake under mysched.
# A livepatch transition, which needs a reliable stack trace of every
# task, completes with the sleepers before and after a switch.

. "$(dirname "$0")/functions.sh"

SLEEPERS=$TESTDIR/sched_live_sleepers
BOARD=/tmp/sched_live_sleepers
UNINTERRUPTIBLE=/sys/kernel/debug/test_sched_live_sleep
N=1000

setup_test_suite 2

# hop FROM TO RESUMED - N threads go to sleep under FROM; switch to TO
# (loaded if need be); remove FROM's module; wake them: all must wake up,
# RESUMED of them in mysched's code
hop()
{
	expect_eq "sleepers under $1" "$("$SLEEPERS" start $BOARD $N $UNINTERRUPTIBLE)" \
		"sleeping $N"
	[ "$2" = builtin ] || [ -d "/sys/module/$(module_of "$2")" ] ||
		load_mod "$(module_of "$2")"
	switch_to "$2"
	ktap_print_msg "$1 -> $2 with $N sleepers: $(last_switch tasks) tasks moved," \
		"stop_machine $(( $(last_switch stop_machine_ns) / 1000 )) us"
	[ "$1" = builtin ] || unload_mod "$(module_of "$1")"
	expect_eq "sleepers woken under $2" "$("$SLEEPERS" wake $BOARD)" \
		"woke $N resumed $3"
}

# hop_log FROM TO - the kernel log of hop, which loads TO afresh
hop_log()
{
	if [ "$2" != builtin ]; then
		echo "% insmod $(module_of "$2")"
		echo "sched_live: registered scheduler '$2'"
		echo "sched_live: '$2' implements all the interface functions"
	fi
	echo "sched_live: switched from '$1' to '$2'"
	if [ "$1" != builtin ]; then
		echo "% rmmod $(module_of "$1")"
		echo "sched_live: unregistered scheduler '$1'"
	fi
}

start_test "$N sleepers outlive the scheduler they slept under"
load_mod test_sched_live_sleep
hops="builtin extracted mysched builtin mysched extracted builtin"
set -- $hops
expected="% insmod test_sched_live_sleep"
while [ $# -gt 1 ]; do
	resumed=0
	[ "$2" = mysched ] && resumed=$N
	hop "$1" "$2" $resumed
	expected="$expected
$(hop_log "$1" "$2")"
	shift
done
unload_mod test_sched_live_sleep
check_busy_result "$expected
% rmmod test_sched_live_sleep"

# livepatch_cycle WHEN - apply the test livepatch and take it away again
livepatch_cycle()
{
	load_mod $KLP
	livepatch_wait "patching $1"
	expect_eq "/proc/cmdline while patched" "$(cat /proc/cmdline)" $KLP
	livepatch_remove "$1"
}

start_test "the stacks of $N sleepers stay reliable across a switch"
load_mod test_sched_live_sleep
load_mod mysched
expect_eq "sleepers under builtin" "$("$SLEEPERS" start $BOARD $N $UNINTERRUPTIBLE)" \
	"sleeping $N"
livepatch_cycle "under builtin"
switch_to mysched
livepatch_cycle "under mysched"
expect_eq "sleepers woken under mysched" "$("$SLEEPERS" wake $BOARD)" \
	"woke $N resumed $N"
switch_to builtin
unload_mod mysched
unload_mod test_sched_live_sleep
check_busy_result "% insmod test_sched_live_sleep
% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
% insmod $KLP
% rmmod $KLP
sched_live: switched from 'builtin' to 'mysched'
% insmod $KLP
% rmmod $KLP
sched_live: switched from 'mysched' to 'builtin'
% rmmod mysched
sched_live: unregistered scheduler 'mysched'
% rmmod test_sched_live_sleep"

ktap_finished
