#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A BPF scheduler (sched_ext) and a scheduler module exclude each other at
# run time, in both orders: while a BPF scheduler is enabled a switch to
# mysched is refused with EBUSY and a line, and while mysched is active a
# BPF scheduler is refused with EBUSY and a line; once the other is gone,
# each goes through.  SysRq-S, the key of both, takes back whichever is
# not the kernel's own.  The BPF scheduler is sched_live_scx's, which has
# no callbacks (sched_ext's defaults).  Skipped on a kernel without
# CONFIG_SCHED_CLASS_EXT.

. "$(dirname "$0")/functions.sh"

SCX=$TESTDIR/sched_live_scx
SCX_STATE=/sys/kernel/sched_ext/state
BPF_SCHED=sched_live_null

# needs - what this test needs besides sched_live
needs()
{
	[ -f $SCX_STATE ] || skip_all "no sched_ext: kernel without CONFIG_SCHED_CLASS_EXT"
	[ -x "$SCX" ] || skip_all "helper missing: build the selftests first"
}

setup_test_suite 3 needs

# scx_start - enable the BPF scheduler; SCX_RESULT is "ok" or the errno
# name of its refusal, SCX_PID the process that holds it
scx_start()
{
	local out=/tmp/sched_live_scx.out

	: > $out
	"$SCX" $BPF_SCHED > $out &
	SCX_PID=$!
	wait_for 10 test -s $out
	SCX_RESULT=$(cat $out)
}

# scx_state_is STATE - wait up to 10 s for sched_ext's state to be STATE
scx_state_is()
{
	wait_for 10 reads $SCX_STATE "$1" ||
		fail "sched_ext state: got '$(cat $SCX_STATE)', expected '$1'"
}

# scx_end - end the process that holds the BPF scheduler, if it still
# runs: a refused one has exited, an enabled one waits to be killed
scx_end()
{
	kill "$SCX_PID" 2>/dev/null
	wait "$SCX_PID" 2>/dev/null
}

# scx_stop - end the process that holds the BPF scheduler, which takes
# the scheduler with it
scx_stop()
{
	scx_end
	scx_state_is disabled
}

start_test "a BPF scheduler refuses a switch to mysched until it is gone"
load_mod mysched
scx_start
expect_eq "enable $BPF_SCHED" "$SCX_RESULT" ok
scx_state_is enabled
log "% echo mysched > active"
expect_write EBUSY "$SYSFS/active" mysched
expect_active builtin
scx_stop
switch_to mysched
switch_to builtin
unload_mod mysched
check_result "% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
sched_ext: BPF scheduler \"$BPF_SCHED\" enabled
% echo mysched > active
sched_live: switch to 'mysched' refused: a BPF scheduler (sched_ext) is enabled; disable it first
sched_ext: BPF scheduler \"$BPF_SCHED\" disabled (unregistered from user space)
% echo mysched > active
sched_live: switched from 'builtin' to 'mysched'
% echo builtin > active
sched_live: switched from 'mysched' to 'builtin'
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

start_test "an active module refuses a BPF scheduler until builtin is back"
load_mod mysched
switch_to mysched
scx_start
expect_eq "enable $BPF_SCHED under mysched" "$SCX_RESULT" EBUSY
scx_end
expect_eq "sched_ext state" "$(cat $SCX_STATE)" disabled
switch_to builtin
scx_start
expect_eq "enable $BPF_SCHED" "$SCX_RESULT" ok
scx_state_is enabled
scx_stop
unload_mod mysched
check_result "% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
% echo mysched > active
sched_live: switched from 'builtin' to 'mysched'
sched_live: BPF scheduler '$BPF_SCHED' refused: scheduler 'mysched' is active; write builtin to /sys/kernel/sched_live/active first
% echo builtin > active
sched_live: switched from 'mysched' to 'builtin'
sched_ext: BPF scheduler \"$BPF_SCHED\" enabled
sched_ext: BPF scheduler \"$BPF_SCHED\" disabled (unregistered from user space)
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

start_test "SysRq-S takes back a module, and a BPF scheduler"
load_mod mysched
switch_to mysched
echo S > /proc/sysrq-trigger
wait_for 10 reads "$SYSFS/active" builtin
expect_active builtin
scx_start
expect_eq "enable $BPF_SCHED" "$SCX_RESULT" ok
scx_state_is enabled
echo S > /proc/sysrq-trigger
scx_state_is disabled
scx_end
expect_active builtin
unload_mod mysched
check_result "% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
% echo mysched > active
sched_live: switched from 'builtin' to 'mysched'
sched_live: sysrq: rolling 'mysched' back to builtin
sched_live: switched from 'mysched' to 'builtin'
sched_ext: BPF scheduler \"$BPF_SCHED\" enabled
sched_ext: BPF scheduler \"$BPF_SCHED\" disabled (disabled by sysrq-S)
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

ktap_finished
