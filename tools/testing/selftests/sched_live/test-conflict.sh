#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The other users of the scheduler text a module replaces, in both orders:
# a kprobe, a livepatch or an ftrace direct call (what a BPF fentry
# program attaches with) there refuses a switch from builtin to mysched,
# and while mysched is active they are refused themselves, with EBUSY and
# a line; /sys/kernel/sched_live/conflicts lists them.  Function tracing
# of an interface function keeps working across switches, since its entry
# still runs in vmlinux; function tracing of another replaced function
# refuses the switch.  Once the user is gone, the switch goes through.

. "$(dirname "$0")/functions.sh"

TRACEFS=/sys/kernel/tracing
# Functions mysched replaces: one only the scheduler's own code calls, one
# the rest of the kernel calls (an interface function).
INTERNAL=update_curr
INTERFACE=wake_up_process

setup_test_suite 5

[ -d $TRACEFS/events ] || mount -t tracefs nodev $TRACEFS

# vmlinux_addr FUNCTION - the address of vmlinux's FUNCTION, not a module's
vmlinux_addr()
{
	sed -n "s/^\([0-9a-f]*\) [tT] $1\$/0x\1/p" /proc/kallsyms | head -1
}

# conflicts - the conflicts file, without offsets, which vary by build
conflicts()
{
	sed 's/+0x[0-9a-f]*\/0x[0-9a-f]*$//' $SYSFS/conflicts
}

# expect_traced WHEN - the current tracer saw $1 since the trace was cleared
expect_traced()
{
	echo > $TRACEFS/trace
	sleep 0.2
	grep -q "$2" $TRACEFS/trace || fail "$2 not traced $1"
}

start_test "a kprobe on a function mysched replaces, in both orders"
load_mod mysched
addr=$(vmlinux_addr $INTERNAL)
expect_write ok $TRACEFS/kprobe_events "p:sched_live_test/vmlinux $addr"
expect_eq "conflicts" "$(conflicts)" "kprobe $INTERNAL"
expect_write EBUSY "$SYSFS/active" mysched
expect_active builtin
expect_write ok -- $TRACEFS/kprobe_events "-:sched_live_test/vmlinux"
expect_eq "conflicts without it" "$(conflicts)" ""
expect_write ok "$SYSFS/active" mysched
expect_write EBUSY $TRACEFS/kprobe_events "p:sched_live_test/vmlinux $addr"
# The module's own copy can be probed, and the probe fires.
expect_write ok $TRACEFS/kprobe_events "p:sched_live_test/mysched_copy mysched:$INTERNAL"
echo 1 > $TRACEFS/events/sched_live_test/mysched_copy/enable
sleep 0.2
echo 0 > $TRACEFS/events/sched_live_test/mysched_copy/enable
hits=$(sed -n "s/^ *mysched_copy  *\([0-9]*\) .*/\1/p" $TRACEFS/kprobe_profile)
[ "${hits:-0}" -gt 0 ] ||
	fail "the kprobe on mysched's $INTERNAL did not fire: $(cat $TRACEFS/kprobe_profile)"
expect_write ok -- $TRACEFS/kprobe_events "-:sched_live_test/mysched_copy"
expect_write ok "$SYSFS/active" builtin
unload_mod mysched
check_result "% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
sched_live: switch to 'mysched' refused: it would bypass a kprobe on $INTERNAL (conflicts: 1, all in /sys/kernel/sched_live/conflicts); remove them and try again
sched_live: switched from 'builtin' to 'mysched'
sched_live: a kprobe on $INTERNAL refused: scheduler 'mysched' replaces that function; use its copy in the module, or switch to builtin first
sched_live: switched from 'mysched' to 'builtin'
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

start_test "a livepatch of a function mysched replaces, in both orders"
load_mod mysched
load_mod $KLP target=task_prio
livepatch_wait "patching task_prio"
expect_eq "conflicts" "$(conflicts)" "ftrace-ipmodify task_prio"
expect_write EBUSY "$SYSFS/active" mysched
expect_active builtin
livepatch_remove "task_prio"
expect_eq "conflicts without it" "$(conflicts)" ""
expect_write ok "$SYSFS/active" mysched
expect_load EBUSY $KLP target=task_prio
[ -d /sys/kernel/livepatch/$KLP ] && fail "the livepatch is there"
expect_write ok "$SYSFS/active" builtin
unload_mod mysched
check_result "% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
% insmod $KLP target=task_prio
sched_live: switch to 'mysched' refused: it would bypass an ftrace IPMODIFY user (a livepatch?) on task_prio (conflicts: 1, all in /sys/kernel/sched_live/conflicts); remove them and try again
% rmmod $KLP
sched_live: switched from 'builtin' to 'mysched'
% insmod $KLP target=task_prio
sched_live: an ftrace IPMODIFY user (a livepatch?) on task_prio refused: scheduler 'mysched' replaces that function; use its copy in the module, or switch to builtin first
sched_live: switched from 'mysched' to 'builtin'
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

start_test "function tracing of an interface function works across switches, in both orders"
load_mod mysched
echo $INTERFACE > $TRACEFS/set_ftrace_filter
for tracer in function function_graph; do
	echo $tracer > $TRACEFS/current_tracer
	expect_eq "conflicts with $tracer" "$(conflicts)" ""
	expect_write ok "$SYSFS/active" mysched
	expect_traced "by $tracer under mysched" $INTERFACE
	expect_write ok "$SYSFS/active" builtin
	expect_traced "by $tracer back under builtin" $INTERFACE
done
echo nop > $TRACEFS/current_tracer
# And started while mysched is active.
expect_write ok "$SYSFS/active" mysched
echo function > $TRACEFS/current_tracer
expect_traced "when started under mysched" $INTERFACE
expect_write ok "$SYSFS/active" builtin
expect_traced "when started under mysched, back under builtin" $INTERFACE
echo nop > $TRACEFS/current_tracer
echo > $TRACEFS/set_ftrace_filter
unload_mod mysched
check_result "% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
sched_live: switched from 'builtin' to 'mysched'
sched_live: switched from 'mysched' to 'builtin'
sched_live: switched from 'builtin' to 'mysched'
sched_live: switched from 'mysched' to 'builtin'
sched_live: switched from 'builtin' to 'mysched'
sched_live: switched from 'mysched' to 'builtin'
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

start_test "function tracing of another function mysched replaces refuses the switch"
# Set before mysched is loaded, the filter names vmlinux's copy only.
echo $INTERNAL > $TRACEFS/set_ftrace_filter
echo function > $TRACEFS/current_tracer
load_mod mysched
expect_eq "conflicts" "$(conflicts)" "ftrace $INTERNAL"
expect_write EBUSY "$SYSFS/active" mysched
echo nop > $TRACEFS/current_tracer
expect_eq "conflicts without it" "$(conflicts)" ""
expect_write ok "$SYSFS/active" mysched
# Set while mysched is active, the filter names its copy too, which runs.
echo $INTERNAL > $TRACEFS/set_ftrace_filter
echo function > $TRACEFS/current_tracer
expect_traced "under mysched" $INTERNAL
echo nop > $TRACEFS/current_tracer
echo > $TRACEFS/set_ftrace_filter
expect_write ok "$SYSFS/active" builtin
unload_mod mysched
check_result "% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
sched_live: switch to 'mysched' refused: it would bypass function tracing on $INTERNAL (conflicts: 1, all in /sys/kernel/sched_live/conflicts); remove them and try again
sched_live: switched from 'builtin' to 'mysched'
sched_live: switched from 'mysched' to 'builtin'
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

start_test "an ftrace direct call on a function mysched replaces, in both orders"
# Loaded before mysched, the filter by name names vmlinux's copy only.
load_mod test_sched_live_direct
expect_eq "conflicts" "$(conflicts)" "ftrace-direct task_prio"
cat /proc/self/stat > /dev/null
[ "$(cat /sys/module/test_sched_live_direct/parameters/hits)" -gt 0 ] ||
	fail "the direct call on task_prio did not run"
load_mod mysched
expect_write EBUSY "$SYSFS/active" mysched
expect_active builtin
unload_mod test_sched_live_direct
expect_eq "conflicts without it" "$(conflicts)" ""
expect_write ok "$SYSFS/active" mysched
expect_load EBUSY test_sched_live_direct
expect_write ok "$SYSFS/active" builtin
unload_mod mysched
check_result "% insmod test_sched_live_direct
% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
sched_live: switch to 'mysched' refused: it would bypass an ftrace direct call (a BPF trampoline?) on task_prio (conflicts: 1, all in /sys/kernel/sched_live/conflicts); remove them and try again
% rmmod test_sched_live_direct
sched_live: switched from 'builtin' to 'mysched'
% insmod test_sched_live_direct
sched_live: an ftrace direct call (a BPF trampoline?) on task_prio refused: scheduler 'mysched' replaces that function; use its copy in the module, or switch to builtin first
sched_live: switched from 'mysched' to 'builtin'
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

ktap_finished
