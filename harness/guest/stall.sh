#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The guest side of harness/check-stall.sh.  A switch whose last CPU is
# made late on purpose (/sys/kernel/debug/sched_live/stall) must be
# abandoned and leave everything as it was; then a CPU made late for good
# stops the guest, which the host must find and locate.  Prints one
# "ok"/"not ok" line per check.

. /checks.sh

SYSFS=/sys/kernel/sched_live
STALL=/sys/kernel/debug/sched_live/stall
TESTDIR=/kselftest/sched_live
WORKLOAD=$TESTDIR/sched_live_workload
WRITE=$TESTDIR/sched_live_write
BOARD=/tmp/stall_workload
SLEEPERS=16

insmod $TESTDIR/test_modules/mysched.ko || stop "mysched loads"
"$WORKLOAD" start $BOARD $SLEEPERS
check "workload runs before the switches" \
	equals "$("$WORKLOAD" check $BOARD)" "ok $((SLEEPERS + 5))"

echo "detach 3000" > $STALL
check "a switch with a CPU 3 s late fails with ETIMEDOUT" \
	equals "$("$WRITE" $SYSFS/active mysched)" ETIMEDOUT
check "builtin stays active" equals "$(cat $SYSFS/active)" builtin
check "the injection was used up" equals "$(cat $STALL)" none
check "every task still runs after the rollback" \
	equals "$("$WORKLOAD" check $BOARD)" "ok $((SLEEPERS + 5))"
check "the next switch succeeds" equals "$("$WRITE" $SYSFS/active mysched)" ok
check "and the one back" equals "$("$WRITE" $SYSFS/active builtin)" ok
check "every task runs after them" \
	equals "$("$WORKLOAD" check $BOARD)" "ok $((SLEEPERS + 5))"

# A CPU that never comes back: the switch cannot end, nor can the guest.
echo "# stalling a CPU for good"
echo "detach 3600000" > $STALL
"$WRITE" $SYSFS/active mysched
echo "not ok the guest went on after a CPU stalled for good"
