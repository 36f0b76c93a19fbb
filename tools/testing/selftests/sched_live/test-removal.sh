#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Nothing points into a scheduler module once it is removed: what its
# scheduler left queued, installed or bound goes to the scheduler that
# follows it or was never the module's to leave, and the kernel's audit of
# the removal (CONFIG_SCHED_LIVE_AUDIT) finds nothing.  Each case does
# under mysched what makes the kernel keep one of the scheduler's
# functions or objects, then removes mysched and waits past the time the
# leftover would have run.  The cases of what the kernel has not
# (preemption modes, nohz_full, core scheduling) are not planned.

. "$(dirname "$0")/functions.sh"

SYSCALLS=$TESTDIR/sched_live_syscalls
PERIOD_MAX=/proc/sys/kernel/sched_deadline_period_max_us
PREEMPT=/sys/kernel/debug/sched/preempt
# "(null)" when the kernel has nohz_full but was booted without it
NOHZ_FULL=$(cat /sys/devices/system/cpu/nohz_full 2>/dev/null)

# What every case logs: mysched comes, is switched to and from, and goes.
MYSCHED_IN="% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
sched_live: switched from 'builtin' to 'mysched'"
MYSCHED_OUT="sched_live: switched from 'mysched' to 'builtin'
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

# uptime_s - seconds since boot
uptime_s()
{
	cut -d. -f1 /proc/uptime
}

# preempt_mode - the preemption mode the kernel runs in (PREEMPT_DYNAMIC)
preempt_mode()
{
	sed -n 's/.*(\([a-z]*\)).*/\1/p' $PREEMPT
}

# storm - task groups made and released for ever: a session's autogroup,
# a cpu cgroup
storm()
{
	local n=0

	while :; do
		setsid true
		n=$((n + 1))
		mkdir $CGROUP_ROOT/sched_live_storm_$n &&
			rmdir $CGROUP_ROOT/sched_live_storm_$n
	done
}

[ -e $PREEMPT ] && has_preempt=1 || has_preempt=
case $NOHZ_FULL in
""|"(null)") has_nohz_full= ;;
*) has_nohz_full=1 ;;
esac
"$SYSCALLS" core-cookie > /dev/null 2>&1 && has_core=1 || has_core=

setup_test_suite $((2 + 2 * ${has_preempt:-0} + ${has_nohz_full:-0} + ${has_core:-0}))

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
check_result "$MYSCHED_IN
$MYSCHED_OUT"

start_test "task groups released while mysched comes and goes leave nothing in it"
# A task group's release runs two RCU stages, the last one the module's.
cpu_cgroups
storm &
storm_pid=$!
for i in 1 2 3; do
	load_mod mysched
	switch_to mysched
	sleep 0.5
	switch_to builtin
	unload_scheduler mysched
done
kill $storm_pid
wait $storm_pid 2>/dev/null
rmdir $CGROUP_ROOT/sched_live_storm_* 2>/dev/null
sleep 1
expect_no_splat
check_busy_result "$(for i in 1 2 3; do echo "$MYSCHED_IN"; echo "$MYSCHED_OUT"; done)"

if [ -n "$has_preempt" ]; then
	mode=$(preempt_mode)
	echo voluntary > $PREEMPT || fail "cannot set preemption mode voluntary"

	start_test "a livepatch transition under mysched leaves nothing in it"
	# A transition puts a cond_resched() of its own in the static call,
	# and its end the preemption mode's.
	load_mod mysched
	switch_to mysched
	load_mod $KLP
	livepatch_wait "patching under mysched"
	livepatch_remove "under mysched"
	switch_to builtin
	unload_scheduler mysched
	expect_no_splat
	check_busy_result "$MYSCHED_IN
% insmod $KLP
% rmmod $KLP
$MYSCHED_OUT"

	start_test "preemption modes set under mysched leave nothing in it"
	# Each mode installs its targets of the cond_resched, might_resched
	# and preempt_schedule static calls; voluntary, the last, installs
	# cond_resched() itself.
	load_mod mysched
	switch_to mysched
	for m in full none voluntary; do
		echo $m > $PREEMPT || fail "cannot set preemption mode $m"
	done
	expect_eq "preemption mode" "$(preempt_mode)" voluntary
	switch_to builtin
	unload_scheduler mysched
	expect_no_splat
	check_busy_result "$MYSCHED_IN
$MYSCHED_OUT"

	echo "$mode" > $PREEMPT || fail "cannot set preemption mode $mode back"
fi

if [ -n "$has_nohz_full" ]; then
	cpu=${NOHZ_FULL##*[-,]}
	online=/sys/devices/system/cpu/cpu$cpu/online
	start_test "a nohz_full CPU brought up under mysched leaves nothing in it"
	# Bringing it up binds its remote tick, a work that requeues itself
	# every second; the work stops only once it has seen the CPU go.
	load_mod mysched
	switch_to mysched
	echo 0 > $online || fail "cannot take CPU $cpu down"
	sleep 2
	echo 1 > $online || fail "cannot bring CPU $cpu up"
	sleep 1
	switch_to builtin
	unload_scheduler mysched
	sleep 2
	expect_no_splat
	check_busy_result "$MYSCHED_IN
$MYSCHED_OUT"
fi

if [ -n "$has_core" ]; then
	start_test "core scheduling cookies dropped under mysched leave nothing in it"
	# The last put of a cookie queues the work that turns core
	# scheduling off.
	load_mod mysched
	switch_to mysched
	for i in $(seq 20); do
		expect_eq "core-cookie" "$("$SYSCALLS" core-cookie)" ok
	done
	switch_to builtin
	unload_scheduler mysched
	sleep 1
	expect_no_splat
	check_busy_result "$MYSCHED_IN
$MYSCHED_OUT"
fi

ktap_finished
