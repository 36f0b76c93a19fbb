#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Switch cycles builtin -> extracted -> mysched -> builtin, both modules
# removed and loaded again every 5 cycles, while everything that could
# trip a switch runs at once: the mixed workload of test-load.sh (CPU
# hogs, sleepers, a fork loop, SCHED_FIFO and SCHED_DEADLINE threads, a
# hog under a cpu.max quota), hackbench in a loop, stress-ng's cpu, fork,
# futex and schedpolicy stressors in rounds, the cpu/fork/futex ones in
# cgroups with cpu.max quotas that they are moved between, and CPU 1 going
# offline and online.  Every worker must progress after every cycle, every
# hackbench and stress-ng run must exit cleanly, the deadline bandwidth
# admitted must be what it was once they are all gone, and the kernel log
# must show no warning, BUG, lockdep report or RCU stall.
#
# 10 cycles by default; the kernel parameter sched_live_stress_cycles=N
# (the environment of init) asks for more.  Needs hackbench (rt-tests)
# and stress-ng.

. "$(dirname "$0")/functions.sh"

WORKLOAD=$TESTDIR/sched_live_workload
BOARD=/tmp/sched_live_workload
STATE=/tmp/sched_live_stress
CPU1=/sys/devices/system/cpu/cpu1/online
CYCLES=${sched_live_stress_cycles:-10}
RELOAD_EVERY=5

setup_test_suite 1
for tool in hackbench stress-ng; do
	command -v $tool > /dev/null ||
		skip_all "$tool missing: install rt-tests and stress-ng"
done
[ -w $CPU1 ] || skip_all "cpu1 cannot be taken offline"

# count NAME KIND - add one to the runs or failed of a background loop
count()
{
	echo $(($(cat "$STATE/$1.$2") + 1)) > "$STATE/$1.$2"
}

# stressor NAME COMMAND... - run COMMAND again and again until the stop
# file appears; count the runs and the failed runs in $STATE/NAME.*
stressor()
{
	local name=$1 status

	shift
	echo 0 > "$STATE/$name.runs"
	echo 0 > "$STATE/$name.failed"
	while [ ! -e "$STATE/stop" ]; do
		"$@" > "$STATE/$name.out" 2>&1
		status=$?
		if [ $status -ne 0 ]; then
			count "$name" failed
			echo "exit status $status" >> "$STATE/$name.out"
			cp "$STATE/$name.out" "$STATE/$name.last-failure"
		fi
		count "$name" runs
	done
}

# move_between A B - move every process of cgroup A to B and back, again
# and again
move_between()
{
	local from=$1 to=$2 pid

	echo 0 > "$STATE/moves.runs"
	echo 0 > "$STATE/moves.failed"
	while [ ! -e "$STATE/stop" ]; do
		for pid in $(cat "$from/cgroup.procs"); do
			echo "$pid" > "$to/cgroup.procs" 2>/dev/null
		done
		count moves runs
		set -- "$to" "$from"
		from=$1 to=$2
		sleep 0.2
	done
}

# toggle_cpu1 - take CPU 1 offline and bring it back, again and again;
# offlining may be refused while deadline bandwidth needs the CPU, which
# is not a failure
toggle_cpu1()
{
	echo 0 > "$STATE/hotplug.runs"
	echo 0 > "$STATE/hotplug.failed"
	while [ ! -e "$STATE/stop" ]; do
		if echo 0 2>/dev/null > $CPU1; then
			sleep 0.3
			echo 1 2>/dev/null > $CPU1 || count hotplug failed
			count hotplug runs
		fi
		sleep 0.3
	done
}

# dl_bandwidth - the deadline bandwidth each root domain has admitted, as
# /sys/kernel/debug/sched/debug shows it for every CPU
dl_bandwidth()
{
	sed -n 's/^ *\.dl_bw->total_bw *: //p' /sys/kernel/debug/sched/debug | sort | uniq -c
}

# figure NAME KIND - runs or failed of one background loop
figure()
{
	cat "$STATE/$1.$2"
}

start_test "$CYCLES cycles builtin -> extracted -> mysched -> builtin under load and hotplug"
rm -rf $STATE
mkdir -p $STATE
bandwidth=$(dl_bandwidth)
[ -n "$bandwidth" ] || fail "no deadline bandwidth in /sys/kernel/debug/sched/debug"
make_quota_cgroup "20000 100000"
A=$CGROUP-a
B=$CGROUP-b
mkdir -p $A $B
echo "30000 100000" > $A/cpu.max || fail "cannot set cpu.max of $A"
echo "50000 100000" > $B/cpu.max || fail "cannot set cpu.max of $B"
load_mod sched_live_extracted
load_mod mysched
"$WORKLOAD" start $BOARD 24 "$CGROUP"
expect_eq "workload before the cycles" "$("$WORKLOAD" check $BOARD)" "ok 30"

stressor hackbench-pipe hackbench --pipe --groups 2 --loops 50 &
# The cpu/fork/futex stressors run in cgroup A, whose processes are moved;
# schedpolicy sets RT and deadline policies, which a cgroup without RT
# runtime refuses, so it stays in the root cgroup.
(sh -c "echo \$PPID > $A/cgroup.procs"
 stressor stress-ng-cgroup stress-ng --cpu 1 --fork 1 --futex 1 --timeout 5 \
	--temp-path /tmp) &
stressor stress-ng-policy stress-ng --schedpolicy 1 --timeout 5 --temp-path /tmp &
move_between $A $B &
toggle_cpu1 &

for i in $(seq "$CYCLES"); do
	if [ $((i % RELOAD_EVERY)) -eq 1 ] && [ "$i" -gt 1 ]; then
		unload_scheduler sched_live_extracted
		unload_scheduler mysched
		load_mod sched_live_extracted
		load_mod mysched
	fi
	switch_to extracted
	switch_to mysched
	switch_to builtin
	got=$("$WORKLOAD" check $BOARD)
	if [ "$got" != "ok 30" ]; then
		fail "after cycle $i: $got"
		break
	fi
done

touch $STATE/stop
wait
[ "$(cat $CPU1)" = 1 ] || echo 1 > $CPU1 || fail "cpu1 stays offline"
expect_eq "workload after the cycles" "$("$WORKLOAD" check $BOARD)" "ok 30"
"$WORKLOAD" stop $BOARD
for loop in hackbench-pipe stress-ng-cgroup stress-ng-policy; do
	[ "$(figure $loop runs)" -gt 0 ] || fail "$loop never ran"
	failed=$(figure $loop failed)
	if [ "$failed" -ne 0 ]; then
		fail "$loop failed $failed of $(figure $loop runs) runs, the last with:"
		tail -n 20 "$STATE/$loop.last-failure" | sed 's/^/#   /'
	fi
done
# Every deadline task is gone, or going: a thread of a killed process
# may still be on its way out when its leader is a zombie.  What they
# were admitted must be given back.
for i in $(seq 50); do
	[ "$(dl_bandwidth)" = "$bandwidth" ] && break
	sleep 0.1
done
expect_eq "deadline bandwidth admitted" "$(dl_bandwidth)" "$bandwidth"
[ "$(figure moves runs)" -gt 0 ] || fail "no cgroup moves"
[ "$(figure hotplug runs)" -gt 0 ] || fail "cpu1 never went offline"
[ "$(figure hotplug failed)" -eq 0 ] ||
	fail "cpu1 failed to come back online $(figure hotplug failed) times"
ktap_print_msg "$CYCLES cycles: hackbench $(figure hackbench-pipe runs) runs," \
	"stress-ng $(figure stress-ng-cgroup runs) + $(figure stress-ng-policy runs) runs," \
	"$(figure moves runs) cgroup sweeps, cpu1 offline $(figure hotplug runs) times"
unload_mod mysched
unload_mod sched_live_extracted
remove_cgroup $A
remove_cgroup $B
remove_cgroup "$CGROUP"
expect_no_splat
check_busy_result "% insmod sched_live_extracted
sched_live: registered scheduler 'extracted'
sched_live: 'extracted' implements all the interface functions
% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
$(for i in $(seq "$CYCLES"); do
	if [ $((i % RELOAD_EVERY)) -eq 1 ] && [ "$i" -gt 1 ]; then
		echo "% rmmod sched_live_extracted"
		echo "sched_live: unregistered scheduler 'extracted'"
		echo "% rmmod mysched"
		echo "sched_live: unregistered scheduler 'mysched'"
		echo "% insmod sched_live_extracted"
		echo "sched_live: registered scheduler 'extracted'"
		echo "sched_live: 'extracted' implements all the interface functions"
		echo "% insmod mysched"
		echo "sched_live: registered scheduler 'mysched'"
		echo "sched_live: 'mysched' implements all the interface functions"
	fi
	echo "sched_live: switched from 'builtin' to 'extracted'"
	echo "sched_live: switched from 'extracted' to 'mysched'"
	echo "sched_live: switched from 'mysched' to 'builtin'"
done)
% rmmod mysched
sched_live: unregistered scheduler 'mysched'
% rmmod sched_live_extracted
sched_live: unregistered scheduler 'extracted'"

ktap_finished
