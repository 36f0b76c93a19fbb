#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The main job's guest side: load mysched, the sample scheduler built from
# the scheduler this kernel build extracted from itself, switch to it live
# while tasks run and sleep, show that it schedules, switch back, remove
# it, and print what each switch took.

SYSFS=/sys/kernel/sched_live
MODDIR=/kselftest/sched_live/test_modules

run()
{
	echo "guest# $*"
	sh -c "$*" 2>&1
}

# figure KEY - one value of last_switch
figure()
{
	sed -n "s/^$1 //p" "$SYSFS/last_switch"
}

# downtime - the last switch's figures in microseconds, on one line: the
# time the system stood still and its parts
downtime()
{
	local parts="" key

	for key in enter check detach flip adopt attach leave; do
		parts="$parts${parts:+, }$key $(( $(figure ${key}_ns) / 1000 ))"
	done
	echo "$(figure from) -> $(figure to): result $(figure result)," \
	     "$(figure tasks) tasks moved, system stopped for" \
	     "$(( $(figure stop_machine_ns) / 1000 )) us ($parts us)," \
	     "whole switch $(( $(figure total_ns) / 1000 )) us"
}

echo "sched_live demo: start" > /dev/kmsg
# Something to move: CPU hogs and sleepers.
for i in 1 2; do (while :; do :; done) & done
for i in 1 2 3 4 5 6 7 8; do (while :; do sleep 0.0$i; done) & done

run "ls -l $SYSFS"
run "cat $SYSFS/available $SYSFS/active $SYSFS/abi_hash"
run "insmod $MODDIR/mysched.ko"
run "cat $SYSFS/available"
run "echo mysched > $SYSFS/active"
run "cat $SYSFS/active"
run "cat $SYSFS/last_switch"
to_mysched=$(downtime)
run "head -3 /proc/self/sched"
run "echo builtin > $SYSFS/active"
back=$(downtime)
run "head -3 /proc/self/sched"
run "rmmod mysched"
run "cat $SYSFS/available"
run "dmesg | sed -n '/sched_live demo: start/,\$p' | grep 'sched_live: '"
kill $(jobs -p) 2>/dev/null
echo "downtime: $to_mysched"
echo "downtime: $back"
