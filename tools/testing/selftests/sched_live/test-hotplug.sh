#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# CPU hotplug while mysched is active, and switches right after: a CPU
# taken offline and brought back under mysched, a switch back to builtin
# while a CPU is offline, and that CPU brought back under builtin.

. "$(dirname "$0")/functions.sh"

WORKLOAD=$TESTDIR/sched_live_workload
BOARD=/tmp/sched_live_workload
CPU1=/sys/devices/system/cpu/cpu1/online

setup_test_suite 1

start_test "CPUs go offline and online under mysched, with switches between"
[ -w $CPU1 ] || fail "cpu1 cannot be taken offline"
# The same under builtin first: whether this machine can do it at all.
expect_write ok $CPU1 0
expect_write ok $CPU1 1
load_mod mysched
"$WORKLOAD" start $BOARD 12
expect_write ok "$SYSFS/active" mysched
expect_write ok $CPU1 0
expect_eq "workload with cpu1 offline" "$("$WORKLOAD" check $BOARD)" "ok 17"
expect_write ok $CPU1 1
expect_eq "workload with cpu1 back" "$("$WORKLOAD" check $BOARD)" "ok 17"
expect_write ok "$SYSFS/active" builtin
expect_write ok "$SYSFS/active" mysched
expect_write ok $CPU1 0
expect_write ok "$SYSFS/active" builtin
expect_eq "workload under builtin, cpu1 offline" "$("$WORKLOAD" check $BOARD)" "ok 17"
expect_write ok $CPU1 1
expect_eq "workload under builtin, cpu1 back" "$("$WORKLOAD" check $BOARD)" "ok 17"
"$WORKLOAD" stop $BOARD
unload_mod mysched
check_result "% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
sched_live: switched from 'builtin' to 'mysched'
sched_live: switched from 'mysched' to 'builtin'
sched_live: switched from 'builtin' to 'mysched'
sched_live: switched from 'mysched' to 'builtin'
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

ktap_finished
