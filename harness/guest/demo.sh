#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The main job's guest side: show /sys/kernel/sched_live, load the
# scheduler the kernel build extracted from itself, and show what a switch
# request to it does on this kernel.

SYSFS=/sys/kernel/sched_live
MOD=/kselftest/sched_live/test_modules/sched_live_extracted.ko

run()
{
	echo "guest# $*"
	sh -c "$*" 2>&1
}

echo "sched_live demo: start" > /dev/kmsg
run "ls -l $SYSFS"
run "cat $SYSFS/available"
run "cat $SYSFS/active"
run "cat $SYSFS/abi_hash"
run "insmod $MOD"
run "cat $SYSFS/available"
run "echo extracted > $SYSFS/active"
run "cat $SYSFS/active"
run "echo builtin > $SYSFS/active"
run "rmmod sched_live_extracted"
run "cat $SYSFS/available"
run "dmesg | sed -n '/sched_live demo: start/,\$p' | grep 'sched_live: '"
