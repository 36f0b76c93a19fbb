#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The guest side of harness/check-crash.sh: mysched becomes the active
# scheduler, then the kernel is crashed on purpose (SysRq-c), so that the
# host can read what the crash report says of the scheduler.  Prints one
# "ok"/"not ok" line per step it gets through.

. /checks.sh

SYSFS=/sys/kernel/sched_live
TESTDIR=/kselftest/sched_live

# switch_to NAME - switch, again while a busy stack refuses it (EBUSY)
switch_to()
{
	local tries=0

	until echo "$1" > $SYSFS/active; do
		tries=$((tries + 1))
		[ $tries -lt 20 ] || return 1
		sleep 0.5
	done
}

require "mysched loads" insmod $TESTDIR/test_modules/mysched.ko
require "the switch to mysched succeeds" switch_to mysched
echo "# crashing the kernel on purpose"
echo c > /proc/sysrq-trigger
echo "not ok the kernel went on after SysRq-c"
