#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Bad input from every CPU at once, racing real switches and module
# removal: one writer per CPU throws random bytes and mangled names at
# every file of /sys/kernel/sched_live (sched_live_fuzz), while a loop
# switches between the registered schedulers and another removes and
# loads their modules.  The active scheduler must read as a registered one
# all along, every write must fail with a documented errno or succeed,
# every sched_live log line must be one the interface documents, and
# nothing may crash or warn.  20 seconds by default; the kernel parameter
# sched_live_fuzz_seconds=N (the environment of init) asks for more.

. "$(dirname "$0")/functions.sh"

FUZZ=$TESTDIR/sched_live_fuzz
STOP=/tmp/sched_live_fuzz.stop
FUZZ_SECONDS=${sched_live_fuzz_seconds:-20}
NAMES=builtin,extracted,mysched

# The log lines the interface documents; anything else is a failure.
KNOWN_LINES="^% |\
^sched_live: write to 'active' rejected: |\
^sched_live: no scheduler named '[a-z0-9_-]*'; see /sys/kernel/sched_live/available$|\
^sched_live: '[a-z]*' is already active$|\
^sched_live: switched from '[a-z]*' to '[a-z]*'$|\
^sched_live: switch to '[a-z]*' refused: |\
^sched_live: cannot switch to '[a-z]*': its module is going away$|\
^sched_live: module '[a-z_]*' is in use: |\
^sched_live: (un)?registered scheduler '[a-z]*'$|\
^sched_live: '[a-z]*' implements all the interface functions$|\
^sched_live: write to 'watchdog_timeout_ms' rejected: |\
^sched_live: watchdog: .* rolling back to builtin$|\
^sched_live: watchdog: builtin is already active$"

setup_test_suite 1

# switch_around - switch to a random registered scheduler until stopped
switch_around()
{
	while [ ! -e $STOP ]; do
		set -- $(echo $NAMES | tr , ' ')
		shift $((RANDOM % 3))
		write_file "$SYSFS/active" "$1" > /dev/null
	done
}

# reload_around - remove a module, when it lets itself be removed, and
# load it again, until stopped
reload_around()
{
	local mod

	while [ ! -e $STOP ]; do
		for mod in sched_live_extracted mysched; do
			rmmod $mod 2>/dev/null || continue
			"$LOAD" "$MODDIR/$mod.ko" > /dev/null
		done
		sleep 0.2
	done
}

start_test "$FUZZ_SECONDS seconds of random writes from every CPU, racing switches and rmmod"
rm -f $STOP
load_mod sched_live_extracted
load_mod mysched
switch_around &
reload_around &
got=$("$FUZZ" "$FUZZ_SECONDS" $NAMES "$SYSFS/active" "$SYSFS/available" \
	"$SYSFS/abi_hash" "$SYSFS/last_switch" "$SYSFS/conflicts" \
	"$SYSFS/watchdog_timeout_ms" "$SYSFS/last_exit")
status=$?
ktap_print_msg "$got"
[ $status -eq 0 ] || fail "sched_live_fuzz: $got"
touch $STOP
wait
# A random write may have set a timeout that later tests would trip on.
echo 30000 > "$SYSFS/watchdog_timeout_ms"

active=$(cat "$SYSFS/active")
echo " $(cat "$SYSFS/available") " | grep -q " $active " ||
	fail "'$active' is active but not registered"
[ -d "$SYSFS/schedulers/$active" ] || fail "no directory for the active '$active'"
switch_to builtin
for name in extracted mysched; do
	[ -d "$SYSFS/schedulers/$name" ] && unload_scheduler "$(module_of $name)"
done
expect_eq "registered at the end" "$(cat "$SYSFS/available")" builtin
unknown=$(test_log | grep -v -E "$KNOWN_LINES" | head -n 5)
[ -z "$unknown" ] || fail "undocumented log lines: $unknown"
expect_no_splat
end_test

ktap_finished
