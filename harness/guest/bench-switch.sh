#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The guest's part of harness/bench-switch.sh: while 2 CPU hogs, a fork
# loop, a SCHED_FIFO and a SCHED_DEADLINE thread run, for each thread
# count that many threads sleep (futex, nanosleep, pipe), and rounds of an
# empty stop_machine() (the baseline) and a switch between builtin and
# mysched follow.  One "csv:" line per switch.

T=/kselftest/sched_live
SYSFS=/sys/kernel/sched_live
STOPWATCH=/sys/kernel/debug/test_sched_live_stopwatch
BOARD=/tmp/sched_live_workload
SLEEPERS=/tmp/sched_live_sleepers
rounds=${bench_rounds:-5}
threads=$(echo "${bench_threads:-100,1000,10000}" | tr , ' ')

# baseline - the median of 5 empty stop_machine()s, in nanoseconds: one
# alone swings tenfold in an emulated guest, with how fast the other
# vCPUs answer
baseline()
{
	for i in 1 2 3 4 5; do
		cat $STOPWATCH
	done | sort -n | sed -n 3p
}

# figure KEY - one value of last_switch
figure()
{
	sed -n "s/^$1 //p" "$SYSFS/last_switch"
}

# The default limit, from the guest's memory, is below 10,000 threads.
echo 65536 > /proc/sys/kernel/threads-max
insmod $T/test_modules/mysched.ko || exit 1
insmod $T/test_modules/test_sched_live_stopwatch.ko || exit 1
cpus=$(nproc)
echo "csv: vcpus,threads,system_tasks,from,to,result,tasks,retries,baseline_ns,stop_machine_ns,enter_ns,check_ns,detach_ns,flip_ns,adopt_ns,attach_ns,leave_ns,total_ns"
$T/sched_live_workload start $BOARD 0
for n in $threads; do
	echo "bench-switch: $($T/sched_live_sleepers start $SLEEPERS "$n")"
	system_tasks=$(ls -d /proc/[0-9]*/task/[0-9]* | wc -l)
	for round in $(seq "$rounds"); do
		for to in mysched builtin; do
			baseline=$(baseline)
			echo $to > $SYSFS/active
			echo "csv: $cpus,$n,$system_tasks,$(figure from),$(figure to),$(figure result)," \
			     "$(figure tasks),$(figure retries),$baseline," \
			     "$(figure stop_machine_ns),$(figure enter_ns)," \
			     "$(figure check_ns),$(figure detach_ns)," \
			     "$(figure flip_ns),$(figure adopt_ns)," \
			     "$(figure attach_ns),$(figure leave_ns)," \
			     "$(figure total_ns)" | tr -d ' '
		done
	done
	echo "bench-switch: $($T/sched_live_sleepers wake $SLEEPERS)"
	echo "bench-switch: workload $($T/sched_live_workload check $BOARD)"
done
$T/sched_live_workload stop $BOARD
rmmod test_sched_live_stopwatch
rmmod mysched
