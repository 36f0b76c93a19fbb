#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The main job's guest side: show /sys/kernel/sched_live and what a switch
# request does on this kernel.

SYSFS=/sys/kernel/sched_live
MOD=/kselftest/sched_live/test_modules/test_sched_live_entry.ko

run()
{
	echo "guest# $*"
	sh -c "$*" 2>&1
}

echo "sched_live demo: start" > /dev/kmsg
run "ls -l $SYSFS"
run "cat $SYSFS/available"
run "cat $SYSFS/active"
run "insmod $MOD"
run "cat $SYSFS/available"
run "echo sched_live_test > $SYSFS/active"
run "cat $SYSFS/active"
run "echo builtin > $SYSFS/active"
run "rmmod test_sched_live_entry"
run "cat $SYSFS/available"
run "dmesg | sed -n '/sched_live demo: start/,\$p' | grep 'sched_live: '"
