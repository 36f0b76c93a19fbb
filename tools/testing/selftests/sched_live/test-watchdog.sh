#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The safety net: a scheduler module that stops running a class of tasks
# is rolled back to builtin by the watchdog, and SysRq-S rolls any module
# back; last_exit tells why, and the module can go.  And no false alarm
# from a long SCHED_FIFO hog, which RT throttling lets the fair tasks of
# its CPU share, nor from a wait that builtin would impose too: a
# SCHED_IDLE task beside hogs, the tasks of a cgroup that cpu.max holds
# back, real-time tasks behind higher ones or the fair server.
# mysched_starve is mysched whose fair class places a
# SCHED_BATCH task far behind the others: making a task SCHED_BATCH
# starves it on demand, as long as another task shares its CPU.  Both
# rollbacks happen with threads waiting, for as long as user space wants,
# on faults in user memory inside the scheduling syscalls.

. "$(dirname "$0")/functions.sh"

SYSCALLS=$TESTDIR/sched_live_syscalls
SLEEPERS=$TESTDIR/sched_live_sleepers
SLEEPER_BOARD=/tmp/sched_live_sleepers
WORKLOAD=$TESTDIR/sched_live_workload
BOARD=/tmp/sched_live_workload
TIMEOUT=$SYSFS/watchdog_timeout_ms
# Well above what a busy host keeps a vCPU waiting (2.7 s seen with two
# guests and a hog on two host CPUs): the task the watchdog names must be
# the one a module starves, not one whose vCPU the host starved.
TIMEOUT_MS=6000
SCHED_BATCH=3
SCHED_FIFO=1
SCHED_IDLE=5
FAIR_SERVER=/sys/kernel/debug/sched/fair_server/cpu1

setup_test_suite 7

# hog - start a busy loop in the background; its PID is in $HOG
hog()
{
	sh -c 'while :; do :; done' &
	HOG=$!
}

# cpu_ticks PID - the user and system time PID has run, in ticks
cpu_ticks()
{
	awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# expect_runs PID - PID runs again within 2 seconds
expect_runs()
{
	local before=$(cpu_ticks "$1") i

	for i in $(seq 20); do
		sleep 0.1
		[ "$(cpu_ticks "$1")" -gt "$before" ] && return
	done
	fail "task $1 did not run for 2 seconds"
}

# sleepers_start - threads asleep under the module, 12 of them in a fault
# on user memory that no one serves, inside each scheduling syscall that
# reads or writes user memory in turn (sched_getaffinity() among them),
# or in a new task's write of its TID: nothing they wait on may hold back
# a rollback, nor the removal of the module afterwards
sleepers_start()
{
	expect_eq "sleepers under the module" \
		"$("$SLEEPERS" start $SLEEPER_BOARD 60)" "sleeping 60"
}

# sleepers_wake - the sleepers of sleepers_start wake up under builtin
sleepers_wake()
{
	expect_eq "sleepers woken under builtin" \
		"$("$SLEEPERS" wake $SLEEPER_BOARD)" "woke 60 resumed 0"
}

# exit_field KEY - one line of last_exit
exit_field()
{
	sed -n "s/^$1 //p" "$SYSFS/last_exit"
}

# uptime_ms - the time since boot, in milliseconds
uptime_ms()
{
	awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime
}

# watchdog_log - test_log with the figures of the watchdog's line masked
watchdog_log()
{
	busy_log | sed -E 's/\[[0-9]+\] waited [0-9]+ ms to run on CPU [0-9]+/[PID] waited N ms to run on CPU N/'
}

start_test "watchdog_timeout_ms takes a number of milliseconds up to an hour"
expect_eq "default timeout" "$(cat $TIMEOUT)" 30000
expect_write EINVAL $TIMEOUT "soon"
expect_write EINVAL $TIMEOUT "12ms"
expect_write EINVAL $TIMEOUT "3600001"
expect_write ok $TIMEOUT "0"
expect_write ok $TIMEOUT "$TIMEOUT_MS"
expect_eq "timeout set" "$(cat $TIMEOUT)" $TIMEOUT_MS
check_result "sched_live: write to 'watchdog_timeout_ms' rejected: not a number of milliseconds from 0 to 3600000
sched_live: write to 'watchdog_timeout_ms' rejected: not a number of milliseconds from 0 to 3600000
sched_live: write to 'watchdog_timeout_ms' rejected: not a number of milliseconds from 0 to 3600000"

start_test "the watchdog rolls a module that starves SCHED_BATCH tasks back to builtin"
load_mod mysched_starve
"$WORKLOAD" start $BOARD 12
switch_to mysched_starve
sleepers_start
# Two hogs share CPU 1; once one is SCHED_BATCH, the other always wins.
hog
rival=$HOG
hog
victim=$HOG
taskset -p -c 1 $rival > /dev/null
taskset -p -c 1 $victim > /dev/null
expect_runs $victim
"$SYSCALLS" set $victim $SCHED_BATCH 0 0 || fail "cannot make the hog SCHED_BATCH"
starved=$(uptime_ms)
while [ "$(cat "$SYSFS/active")" != builtin ] &&
      [ $(($(uptime_ms) - starved)) -lt $((TIMEOUT_MS * 5 / 4 + 5000)) ]; do
	sleep 0.05
done
rolled_back=$(( $(uptime_ms) - starved ))
expect_active builtin
ktap_print_msg "rolled back ${rolled_back} ms after the starving began" \
	"(timeout $TIMEOUT_MS ms; found after $(exit_field waited_ms) ms of waiting," \
	"switch back $(( $(exit_field rollback_ns) / 1000 )) us)"
expect_eq "exit reason" "$(exit_field reason)" watchdog
expect_eq "exit scheduler" "$(exit_field scheduler)" mysched_starve
expect_eq "exit result" "$(exit_field result)" 0
expect_eq "starved task" "$(exit_field pid)" $victim
[ "$(exit_field waited_ms)" -ge $TIMEOUT_MS ] ||
	fail "waited_ms $(exit_field waited_ms) is below the timeout"
grep -q '^stack$' "$SYSFS/last_exit" || fail "no stack in last_exit"
expect_runs $victim
expect_runs $rival
expect_eq "workload after the rollback" "$("$WORKLOAD" check $BOARD)" "ok 17"
kill $rival $victim
wait $rival $victim 2>/dev/null
"$WORKLOAD" stop $BOARD
sleepers_wake
unload_mod mysched_starve
check_log watchdog_log "% insmod mysched_starve
sched_live: registered scheduler 'mysched_starve'
sched_live: 'mysched_starve' implements all the interface functions
sched_live: switched from 'builtin' to 'mysched_starve'
sched_live: watchdog: sh[PID] waited N ms to run on CPU N under 'mysched_starve' (watchdog_timeout_ms $TIMEOUT_MS); rolling back to builtin
sched_live: switched from 'mysched_starve' to 'builtin'
% rmmod mysched_starve
sched_live: unregistered scheduler 'mysched_starve'"

start_test "SysRq-S rolls mysched back while a CPU hog and sleepers run"
load_mod mysched
"$WORKLOAD" start $BOARD 12
switch_to mysched
sleepers_start
echo S > /proc/sysrq-trigger
wait_for 10 reads "$SYSFS/active" builtin
expect_active builtin
expect_eq "exit reason" "$(exit_field reason)" sysrq
expect_eq "exit scheduler" "$(exit_field scheduler)" mysched
expect_eq "no task in a SysRq exit" "$(exit_field pid)" ""
expect_eq "workload after SysRq" "$("$WORKLOAD" check $BOARD)" "ok 17"
echo S > /proc/sysrq-trigger
"$WORKLOAD" stop $BOARD
sleepers_wake
unload_mod mysched
check_busy_result "% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
sched_live: switched from 'builtin' to 'mysched'
sched_live: sysrq: rolling 'mysched' back to builtin
sched_live: switched from 'mysched' to 'builtin'
sched_live: sysrq: builtin is already active
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

# no_false_alarm SECONDS [BEFORE [AFTER]] - the waits just set up last
# SECONDS, longer than the watchdog's timeout, and mysched stays active;
# then the command BEFORE runs, the hogs in HOGS go, and the command AFTER
# runs
no_false_alarm()
{
	sleep "$1"
	expect_active mysched
	${2:-}
	# SIGKILL: a hog that has not run since its fork, SCHED_IDLE say,
	# would run this script's trap on SIGTERM and live on.
	kill -KILL $HOGS
	wait $HOGS 2>/dev/null
	${3:-}
	switch_to builtin
	expect_eq "exit reason" "$(exit_field reason)" user
	unload_mod mysched
	echo 30000 > $TIMEOUT
	check_busy_result "$MYSCHED_ROUND_TRIP"
}

# cpu1_hogs N - start N hogs on CPU 1; their PIDs are in HOGS
cpu1_hogs()
{
	local i

	HOGS=
	for i in $(seq "$1"); do
		hog
		taskset -p -c 1 $HOG > /dev/null
		HOGS="$HOGS $HOG"
	done
}

# workload_runs - every worker of the workload on $BOARD progresses
workload_runs()
{
	expect_eq "workload beside the hog" "$("$WORKLOAD" check $BOARD)" "ok 17"
}

start_test "a SCHED_FIFO hog for 20 seconds is no stall: RT throttling lets the fair tasks run"
# RT throttling makes the fair tasks of the hog's CPU wait up to a second
# at a time, longer on vCPUs a busy host keeps waiting: 10 seconds tell
# that from a stall, which would last as long as the hog.
echo 10000 > $TIMEOUT
load_mod mysched
"$WORKLOAD" start $BOARD 12
switch_to mysched
cpu1_hogs 1
"$SYSCALLS" set $HOG $SCHED_FIFO 50 0 || fail "cannot make the hog SCHED_FIFO"
no_false_alarm 20 workload_runs "$WORKLOAD stop $BOARD"

start_test "a SCHED_IDLE task beside five hogs is no stall"
# Its weight is 3 against 5120: EEVDF runs it for a slice about every
# 4 seconds.
load_mod mysched
switch_to mysched
echo 2000 > $TIMEOUT
cpu1_hogs 6
"$SYSCALLS" set $HOG $SCHED_IDLE 0 0 || fail "cannot make a hog SCHED_IDLE"
no_false_alarm 8

start_test "the tasks of a cgroup that cpu.max holds back are no stall"
# Two hogs share 5 ms a second, each turn running to a tick past the
# quota, paid back in the next periods: each runs about every 3 seconds.
make_quota_cgroup "5000 1000000"
load_mod mysched
switch_to mysched
echo 2000 > $TIMEOUT
cpu1_hogs 2
for pid in $HOGS; do
	echo $pid > $CGROUP/cgroup.procs || fail "cannot move $pid to $CGROUP"
done
no_false_alarm 8 "" "remove_cgroup $CGROUP"

# fair_server PERIOD RUNTIME - set CPU 1's fair server, in nanoseconds,
# while a fair task keeps it active: 6.12 warns when a write stops a
# server that is not
fair_server()
{
	if [ "$2" -gt "$(cat $FAIR_SERVER/period)" ]; then
		echo "$1" > $FAIR_SERVER/period && echo "$2" > $FAIR_SERVER/runtime
	else
		echo "$2" > $FAIR_SERVER/runtime && echo "$1" > $FAIR_SERVER/period
	fi || fail "cannot set the fair server of CPU 1"
}

start_test "real-time tasks behind a higher one and the fair server are no stall"
# The fair server, the deadline entity through which the fair class gets
# its share beside real-time hogs, runs a fair hog 3 seconds in 4 on CPU
# 1; the rest of the time the priority 20 hog always wins over the
# priority 10 one.
load_mod mysched
switch_to mysched
echo 2000 > $TIMEOUT
cpu1_hogs 3
set -- $HOGS
"$SYSCALLS" set $1 $SCHED_FIFO 10 0 || fail "cannot make a hog SCHED_FIFO"
"$SYSCALLS" set $2 $SCHED_FIFO 20 0 || fail "cannot make a hog SCHED_FIFO"
saved="$(cat $FAIR_SERVER/period) $(cat $FAIR_SERVER/runtime)"
fair_server 4000000000 3000000000
no_false_alarm 8 "fair_server $saved"

ktap_finished
