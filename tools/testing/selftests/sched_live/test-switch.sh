#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Live switches between builtin and the extracted scheduler, with tasks
# running, sleeping and being forked meanwhile; the refused removal of the
# active scheduler's module; and a switch refused while a thread waits
# inside code the switch would bypass; the trace events and the uevents of
# the switches; the order of SCHED_FIFO tasks of one priority, which a
# switch keeps; the taint a module scheduler leaves once its code ran.

. "$(dirname "$0")/functions.sh"

MOD=sched_live_extracted
SYSCALLS=$TESTDIR/sched_live_syscalls

# flip_keys - flip the static keys of the scheduler the kernel has, and
# flip them back: schedstats, NUMA balancing, a scheduler feature
flip_keys()
{
	local file value

	for file in /proc/sys/kernel/sched_schedstats \
		    /proc/sys/kernel/numa_balancing; do
		[ -e $file ] || continue
		value=$(cat $file)
		echo $((!value)) > $file || fail "cannot flip $file"
		echo "$value" > $file || fail "cannot restore $file"
	done
	file=/sys/kernel/debug/sched/features
	[ -w $file ] || fail "no $file (CONFIG_SCHED_DEBUG, debugfs)"
	echo NO_TTWU_QUEUE > $file && echo TTWU_QUEUE > $file ||
		fail "cannot flip the scheduler feature TTWU_QUEUE"
}

# live_patch_taint MODULE - "K" if MODULE is tainted as live patched
live_patch_taint()
{
	grep -o K /sys/module/$1/taint
}

# The parts of a switch's stop_machine(), in last_switch and its trace
WINDOW_PARTS="enter check detach flip adopt attach leave"

# expect_window_parts PARTS - last_switch's stop_machine_ns is the sum of
# its parts, of which those in PARTS took time and the others read 0
expect_window_parts()
{
	local key ns sum=0

	for key in $WINDOW_PARTS; do
		ns=$(last_switch ${key}_ns)
		sum=$((sum + ns))
		case " $1 " in
		*" $key "*) [ "$ns" -gt 0 ] || fail "last_switch ${key}_ns: $ns";;
		*)	expect_eq "last_switch ${key}_ns" "$ns" 0;;
		esac
	done
	expect_eq "stop_machine_ns, the sum of its parts" \
		"$(last_switch stop_machine_ns)" "$sum"
}

# switch_trace FROM TO - the trace events of a switch from FROM to TO,
# without their figures
switch_trace()
{
	local phase

	for phase in prepare precheck $WINDOW_PARTS stop_machine; do
		echo "sched_live_phase from=$1 to=$2 phase=$phase"
	done
	echo "sched_live_switch from=$1 to=$2 result=0"
}

setup_test_suite 8

start_test "switch to the extracted scheduler and back"
load_mod $MOD
expect_eq "live patch taint of $MOD before a switch" "$(live_patch_taint $MOD)" ""
expect_write ok "$SYSFS/active" extracted
expect_active extracted
expect_eq "last_switch result" "$(last_switch result)" 0
expect_window_parts "enter check detach flip adopt attach leave"
# Its code runs in place of the kernel's own, as a livepatch's does.
expect_eq "live patch taint of $MOD once active" "$(live_patch_taint $MOD)" K
expect_eq "live patch taint of the kernel" \
	"$(( ($(cat /proc/sys/kernel/tainted) >> 15) & 1 ))" 1
sleep 1
expect_write ok "$SYSFS/active" builtin
expect_active builtin
unload_mod $MOD
check_result "% insmod $MOD
sched_live: registered scheduler 'extracted'
sched_live: 'extracted' implements all the interface functions
sched_live: switched from 'builtin' to 'extracted'
sched_live: switched from 'extracted' to 'builtin'
% rmmod $MOD
sched_live: unregistered scheduler 'extracted'"

start_test "removing the active scheduler's module is refused"
load_mod $MOD
expect_write ok "$SYSFS/active" extracted
expect_unload_busy $MOD
expect_active extracted
expect_write ok "$SYSFS/active" builtin
unload_mod $MOD
check_result "% insmod $MOD
sched_live: registered scheduler 'extracted'
sched_live: 'extracted' implements all the interface functions
sched_live: switched from 'builtin' to 'extracted'
% rmmod $MOD
sched_live: module '$MOD' is in use: its scheduler 'extracted' is active; switch to another first
sched_live: switched from 'extracted' to 'builtin'
% rmmod $MOD
sched_live: unregistered scheduler 'extracted'"

start_test "20 switches while tasks run, sleep and fork"
load_mod $MOD
start_load
for i in $(seq 20); do
	switch_to extracted
	switch_to builtin
done
stop_load
unload_mod $MOD
check_busy_result "% insmod $MOD
sched_live: registered scheduler 'extracted'
sched_live: 'extracted' implements all the interface functions
$(for i in $(seq 20); do
	echo "sched_live: switched from 'builtin' to 'extracted'"
	echo "sched_live: switched from 'extracted' to 'builtin'"
done)
% rmmod $MOD
sched_live: unregistered scheduler 'extracted'"

start_test "two SCHED_FIFO tasks of one priority on one CPU keep their order across switches"
load_mod $MOD
# The first runs and never yields; SCHED_FIFO never lets the second run.
"$SYSCALLS" fifo-order $(($(nproc) - 1)) 12 > /tmp/sched_live_fifo_order &
fifo=$!
sleep 1
for i in 1 2 3; do
	switch_to extracted
	sleep 0.5
	switch_to builtin
	sleep 0.5
done
wait $fifo
expect_eq "fifo-order" "$(cat /tmp/sched_live_fifo_order)" ok
unload_mod $MOD
check_busy_result "% insmod $MOD
sched_live: registered scheduler 'extracted'
sched_live: 'extracted' implements all the interface functions
$(for i in 1 2 3; do
	echo "sched_live: switched from 'builtin' to 'extracted'"
	echo "sched_live: switched from 'extracted' to 'builtin'"
done)
% rmmod $MOD
sched_live: unregistered scheduler 'extracted'"

start_test "static keys flipped between switches"
# A key's jump sites in the replaced functions and in the module's copies
# are the kernel's to patch: a switch must neither overwrite them nor undo
# a flip.
load_mod $MOD
flip_keys
switch_to extracted
flip_keys
switch_to builtin
flip_keys
switch_to extracted
flip_keys
switch_to builtin
unload_mod $MOD
expect_no_splat
check_busy_result "% insmod $MOD
sched_live: registered scheduler 'extracted'
sched_live: 'extracted' implements all the interface functions
sched_live: switched from 'builtin' to 'extracted'
sched_live: switched from 'extracted' to 'builtin'
sched_live: switched from 'builtin' to 'extracted'
sched_live: switched from 'extracted' to 'builtin'
% rmmod $MOD
sched_live: unregistered scheduler 'extracted'"

start_test "a switch is refused while a thread waits inside bypassed code"
record_uevents
load_mod mysched
load_mod test_sched_live_busy
expect_write EBUSY "$SYSFS/active" mysched
expect_active builtin
expect_eq "last_switch result" "$(last_switch result)" -16
# The check before the window finds it: the CPUs are never stopped.
expect_window_parts ""
[ "$(last_switch precheck_ns)" -gt 0 ] || fail "no check before the window"
refusal="refused: slive_mover\[PID\] is in .*, which the switch bypasses"
test_log | grep -q "^sched_live: switch to 'mysched' $refusal; try again when it has left$" ||
	fail "no refusal naming slive_mover"
echo 1 > /sys/module/test_sched_live_busy/parameters/release
expect_write ok "$SYSFS/active" mysched
expect_write ok "$SYSFS/active" builtin
unload_mod test_sched_live_busy
unload_mod mysched
test_log | grep -q "^sched_live: switched from 'mysched' to 'builtin'$" ||
	fail "no switch after the release"
expect_eq "uevents" "$(recorded_uevents 5)" \
"add /kernel/sched_live/schedulers/mysched
change /kernel/sched_live/schedulers/mysched builtin mysched -16
change /kernel/sched_live/schedulers/mysched builtin mysched 0
change /kernel/sched_live/schedulers/builtin mysched builtin 0
remove /kernel/sched_live/schedulers/mysched"
if [ "$TEST_ERRORS" -eq 0 ]; then
	ktap_test_pass "$TEST_DESC"
else
	ktap_test_fail "$TEST_DESC"
fi

start_test "every switch is traced, phase by phase"
TRACEFS=/sys/kernel/tracing
[ -d $TRACEFS/events ] || mount -t tracefs nodev $TRACEFS
echo 1 > $TRACEFS/events/sched_live/enable
echo > $TRACEFS/trace
load_mod $MOD
expect_write ok "$SYSFS/active" extracted
expect_write ok "$SYSFS/active" builtin
unload_mod $MOD
echo 0 > $TRACEFS/events/sched_live/enable
expect_eq "trace" "$(sed -n 's/.* \(sched_live_[a-z]*\): \(.*\)/\1 \2/p' $TRACEFS/trace |
	sed -e 's/ ns=[0-9]*$//' -e 's/ retries=[0-9]* tasks=[0-9]*$//')" \
"$(switch_trace builtin extracted)
$(switch_trace extracted builtin)"
check_result "% insmod $MOD
sched_live: registered scheduler 'extracted'
sched_live: 'extracted' implements all the interface functions
sched_live: switched from 'builtin' to 'extracted'
sched_live: switched from 'extracted' to 'builtin'
% rmmod $MOD
sched_live: unregistered scheduler 'extracted'"

start_test "a uevent for each scheduler added and removed and each switch tried"
record_uevents
load_mod $MOD
expect_eq "directories" "$(ls $SYSFS/schedulers | tr '\n' ' ')" "builtin extracted "
expect_write ok "$SYSFS/active" extracted
expect_write ok "$SYSFS/active" extracted
expect_write ENOENT "$SYSFS/active" nosuch
expect_write ok "$SYSFS/active" builtin
unload_mod $MOD
expect_eq "uevents" "$(recorded_uevents 4)" \
"add /kernel/sched_live/schedulers/extracted
change /kernel/sched_live/schedulers/extracted builtin extracted 0
change /kernel/sched_live/schedulers/builtin extracted builtin 0
remove /kernel/sched_live/schedulers/extracted"
expect_eq "directories" "$(ls $SYSFS/schedulers)" builtin
check_result "% insmod $MOD
sched_live: registered scheduler 'extracted'
sched_live: 'extracted' implements all the interface functions
sched_live: switched from 'builtin' to 'extracted'
sched_live: 'extracted' is already active
sched_live: no scheduler named 'nosuch'; see /sys/kernel/sched_live/available
sched_live: switched from 'extracted' to 'builtin'
% rmmod $MOD
sched_live: unregistered scheduler 'extracted'"

ktap_finished
