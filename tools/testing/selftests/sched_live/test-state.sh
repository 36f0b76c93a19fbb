#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# What a switch must keep, in both directions: the scheduler's sysctls
# (RT throttling included, read only: with RT group scheduling the kernel
# refuses to lower sched_rt_runtime_us again once raised), sched_features
# and the debugfs tunables, a cgroup's cpu.weight and cpu.max, and each
# task's policy, priority, nice value, affinity and deadline parameters.

. "$(dirname "$0")/functions.sh"

SYSCALLS=$TESTDIR/sched_live_syscalls
DEBUGFS=/sys/kernel/debug/sched

setup_test_suite 1

# settings - everything this test sets, one "name value" per line
settings()
{
	local f pid

	for f in /proc/sys/kernel/sched_rr_timeslice_ms \
		 /proc/sys/kernel/sched_rt_runtime_us \
		 /proc/sys/kernel/sched_rt_period_us \
		 /proc/sys/kernel/sched_schedstats \
		 $DEBUGFS/features $DEBUGFS/base_slice_ns \
		 $DEBUGFS/migration_cost_ns $DEBUGFS/nr_migrate \
		 "$CGROUP/cpu.weight" "$CGROUP/cpu.max"; do
		echo "$f $(cat "$f")"
	done
	for pid in $sleepers; do
		echo "task $("$SYSCALLS" show "$pid")"
	done
}

# tune FILE VALUE - write VALUE to FILE, to be undone by untune
tune()
{
	echo "$1 $(cat "$1")" >> /tmp/sched_live_tuned
	echo "$2" > "$1" || fail "cannot write $2 to $1"
}

# untune - write back what tune overwrote, last first
untune()
{
	local file value

	while read -r file value; do
		echo "$value" > "$file" || fail "cannot write $value back to $file"
	done <<EOF
$(tac /tmp/sched_live_tuned)
EOF
	rm -f /tmp/sched_live_tuned
}

start_test "tunables, cgroup settings and task attributes survive switches"
make_quota_cgroup "30000 100000"
echo 300 > "$CGROUP/cpu.weight"
rm -f /tmp/sched_live_tuned
tune /proc/sys/kernel/sched_rr_timeslice_ms 50
tune /proc/sys/kernel/sched_schedstats 1
tune $DEBUGFS/base_slice_ns 2000000
tune $DEBUGFS/migration_cost_ns 400000
tune $DEBUGFS/nr_migrate 16
echo NO_PLACE_LAG > $DEBUGFS/features
sleepers=
for i in 1 2 3 4; do
	sleep 1000 &
	sleepers="$sleepers $!"
done
set -- $sleepers
"$SYSCALLS" set "$1" 0 0 7 && taskset -p 2 "$1" > /dev/null
"$SYSCALLS" set "$2" 1 12 0
"$SYSCALLS" set "$3" 2 33 0 && taskset -p 1 "$3" > /dev/null
"$SYSCALLS" set "$4" 6 0 0 2000000 10000000 30000000
before=$(settings)
load_mod mysched
expect_write ok "$SYSFS/active" mysched
expect_eq "settings under mysched" "$(settings)" "$before"
expect_write ok "$SYSFS/active" builtin
expect_eq "settings back under builtin" "$(settings)" "$before"
unload_mod mysched
# A deadline task killed keeps its bandwidth a while, which would make a
# CPU that a later test takes offline refuse (EBUSY).
"$SYSCALLS" set "$4" 0 0 0
kill $sleepers
wait 2>/dev/null
untune
echo PLACE_LAG > $DEBUGFS/features
remove_cgroup "$CGROUP"
check_result "$MYSCHED_ROUND_TRIP"

ktap_finished
