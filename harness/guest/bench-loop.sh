#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The guest's part of harness/bench-loop.sh: load the scheduler module
# rebuilt after a one-line change, switch to it, check that the change
# runs, and print how long the load and the switch took.

SYSFS=/sys/kernel/sched_live
DEBUG=/sys/kernel/debug/sched/debug

# now_ms - the time since boot, in milliseconds (10 ms steps)
now_ms()
{
	awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime
}

start=$(now_ms)
insmod /loop/mysched.ko || exit 1
loaded=$(now_ms)
echo mysched > $SYSFS/active || exit 1
switched=$(now_ms)
if grep -q 'bench-loop: changed' $DEBUG; then
	seen=yes
else
	seen=no
fi
echo builtin > $SYSFS/active
rmmod mysched
echo "bench-loop: insmod_ms=$((loaded - start)) switch_ms=$((switched - loaded))" \
     "switch_total_ns=$(sed -n 's/^total_ns //p' $SYSFS/last_switch) change_seen=$seen"
