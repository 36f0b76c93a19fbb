#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# 100 switches there and back between builtin and mysched while a mixed
# workload runs: CPU hogs, threads sleeping in futex wait, nanosleep and
# pipe read, a fork/exit loop, a SCHED_FIFO and a SCHED_DEADLINE thread,
# and a hog in a cgroup under a cpu.max quota.  mysched's module is
# removed and loaded again every 10 round trips.  After every round trip
# every worker must have made progress.  Then, for the record, what a
# switch takes with 100 and with 1,000 threads (figures, not checks).

. "$(dirname "$0")/functions.sh"

WORKLOAD=$TESTDIR/sched_live_workload
BOARD=/tmp/sched_live_workload
CYCLES=100

setup_test_suite 2

start_test "$CYCLES round trips to mysched under a mixed workload, reloading it every 10"
# The watchdog watches all along, and must not fire: a task the switch
# lost would wait for ever.  On a busy host a vCPU runs a fraction of the
# time, so waits of seconds are no stall: 10 s, a third of the default.
echo 10000 > "$SYSFS/watchdog_timeout_ms"
make_quota_cgroup "20000 100000"
load_mod mysched
"$WORKLOAD" start $BOARD 48 "$CGROUP"
expect_eq "workload before the switches" "$("$WORKLOAD" check $BOARD)" "ok 54"
for i in $(seq $CYCLES); do
	if [ $((i % 10)) -eq 1 ] && [ $i -gt 1 ]; then
		unload_scheduler mysched
		load_mod mysched
	fi
	switch_to mysched
	switch_to builtin
	got=$("$WORKLOAD" check $BOARD)
	if [ "$got" != "ok 54" ]; then
		fail "after round trip $i: $got"
		break
	fi
done
"$WORKLOAD" stop $BOARD
echo 30000 > "$SYSFS/watchdog_timeout_ms"
unload_mod mysched
remove_cgroup "$CGROUP"
check_busy_result "% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
$(for i in $(seq $CYCLES); do
	if [ $((i % 10)) -eq 1 ] && [ $i -gt 1 ]; then
		echo "% rmmod mysched"
		echo "sched_live: unregistered scheduler 'mysched'"
		echo "% insmod mysched"
		echo "sched_live: registered scheduler 'mysched'"
		echo "sched_live: 'mysched' implements all the interface functions"
	fi
	echo "sched_live: switched from 'builtin' to 'mysched'"
	echo "sched_live: switched from 'mysched' to 'builtin'"
done)
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

# figures - the last switch's phases in microseconds, on one line
figures()
{
	echo "$(last_switch from) -> $(last_switch to):" \
	     "$(last_switch tasks) tasks moved," \
	     "$(last_switch rechecked) stacks checked in the window after" \
	     "$(( $(last_switch precheck_ns) / 1000 )) us before it," \
	     "stop_machine $(( $(last_switch stop_machine_ns) / 1000 )) us" \
	     "(enter $(( $(last_switch enter_ns) / 1000 ))," \
	     "check $(( $(last_switch check_ns) / 1000 ))," \
	     "detach $(( $(last_switch detach_ns) / 1000 ))," \
	     "flip $(( $(last_switch flip_ns) / 1000 ))," \
	     "adopt $(( $(last_switch adopt_ns) / 1000 ))," \
	     "attach $(( $(last_switch attach_ns) / 1000 ))," \
	     "leave $(( $(last_switch leave_ns) / 1000 )) us)," \
	     "total $(( $(last_switch total_ns) / 1000 )) us," \
	     "$(last_switch retries) retries"
}

start_test "switch figures with 100 and 1,000 sleeping threads"
load_mod mysched
for sleepers in 100 1000; do
	"$WORKLOAD" start $BOARD $sleepers
	"$WORKLOAD" check $BOARD > /dev/null
	processes=$(ls /proc | grep -c '^[0-9]')
	ktap_print_msg "$(nproc) CPUs, $processes processes, $sleepers sleepers:"
	switch_to mysched
	ktap_print_msg "  $(figures)"
	switch_to builtin
	ktap_print_msg "  $(figures)"
	got=$("$WORKLOAD" check $BOARD)
	[ "$got" = "ok $((sleepers + 5))" ] ||
		fail "$sleepers sleepers after the switches: $got"
	"$WORKLOAD" stop $BOARD
done
unload_mod mysched
check_busy_result "% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
sched_live: switched from 'builtin' to 'mysched'
sched_live: switched from 'mysched' to 'builtin'
sched_live: switched from 'builtin' to 'mysched'
sched_live: switched from 'mysched' to 'builtin'
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

ktap_finished
