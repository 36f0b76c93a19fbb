#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Shell functions for the sched_live selftests.
#
# A test script calls setup_test_suite with its number of test cases, then
# for each case: start_test, the expect_* checks, and check_result with the
# kernel log lines the case must produce, which are compared verbatim with
# the sched_live lines that dmesg shows since start_test.

SYSFS=/sys/kernel/sched_live
TESTDIR=$(cd "$(dirname "$0")" && pwd)
WRITE=$TESTDIR/sched_live_write
LOAD=$TESTDIR/sched_live_load
MODDIR=$TESTDIR/test_modules

. "$TESTDIR/../kselftest/ktap_helpers.sh"

# Marker written to the kernel log by start_test; check_result reads from it.
MARKER_PREFIX="sched_live selftest:"

log()
{
	echo "$1" > /dev/kmsg
}

skip_all()
{
	ktap_skip_all "$1"
	exit "$KSFT_SKIP"
}

# setup_test_suite NUM_TESTS [CHECK] - check what every test needs, run
# the function CHECK (what this test needs besides), and print the plan.
# A test skipped for want of a kernel option says "kernel without
# CONFIG_NAME" last, so that a harness can tell it from one that failed to
# find what it should have.
setup_test_suite()
{
	ktap_print_header
	[ "$(id -u)" -eq 0 ] || skip_all "must be run as root"
	[ -d "$SYSFS" ] || skip_all "$SYSFS missing: kernel without CONFIG_SCHED_LIVE"
	[ -x "$WRITE" ] && [ -x "$LOAD" ] ||
		skip_all "helpers missing: build the selftests first"
	[ -z "${2:-}" ] || "$2"
	# The runner's timeout ends a test with SIGTERM: leave through the
	# EXIT trap, which puts back what the test changed.
	SUITE_ACTIVE=$(cat "$SYSFS/active")
	SUITE_WATCHDOG=$(cat "$SYSFS/watchdog_timeout_ms")
	SUITE_MODULES=$(cut -d' ' -f1 /proc/modules)
	trap 'exit 143' TERM
	trap end_test_suite EXIT
	ktap_set_plan "$1"
}

# end_test_suite - however a test ends, end what it started in the
# background (the runner reads a test's output until every process that
# holds it is gone) and leave the scheduler, the watchdog and the modules
# as the test found them, for the next test; when the test ended
# normally there is nothing left to do
end_test_suite()
{
	local pid mod

	for pid in $(jobs -p) ${LOAD_PIDS:-}; do
		kill "$pid" 2>/dev/null
	done
	[ ! -f /tmp/sched_live_workload ] ||
		"$TESTDIR/sched_live_workload" stop /tmp/sched_live_workload 2>/dev/null
	[ "$(cat "$SYSFS/active")" = "$SUITE_ACTIVE" ] ||
		"$WRITE" "$SYSFS/active" "$SUITE_ACTIVE" > /dev/null
	[ "$(cat "$SYSFS/watchdog_timeout_ms")" = "$SUITE_WATCHDOG" ] ||
		echo "$SUITE_WATCHDOG" > "$SYSFS/watchdog_timeout_ms"
	for mod in $(cut -d' ' -f1 /proc/modules); do
		echo "$SUITE_MODULES" | grep -qx "$mod" || rmmod "$mod" 2>/dev/null
	done
}

# start_test DESCRIPTION - begin a test case
start_test()
{
	TEST_DESC=$1
	TEST_ERRORS=0
	TEST_SEQ=$((${TEST_SEQ:-0} + 1))
	TEST_MARKER="$MARKER_PREFIX $TEST_SEQ $TEST_DESC"
	log "$TEST_MARKER"
}

# fail MESSAGE - record a failed check of the current test case
fail()
{
	ktap_print_msg "$TEST_DESC: $1"
	TEST_ERRORS=$((TEST_ERRORS + 1))
}

# expect_eq WHAT GOT WANT
expect_eq()
{
	[ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"
}

# write_file [OPTIONS] FILE DATA - print "ok" or the errno name of one write
write_file()
{
	"$WRITE" "$@"
}

# expect_write EXPECTED [OPTIONS] FILE DATA
expect_write()
{
	local want=$1 got

	shift
	got=$(write_file "$@")
	expect_eq "write $*" "$got" "$want"
}

# expect_read EXPECTED [-u UID] FILE - one read of FILE gives EXPECTED,
# "ok" or an errno name
expect_read()
{
	local want=$1 got

	shift
	got=$(write_file -R "$@")
	expect_eq "read $*" "$got" "$want"
}

# wait_for SECONDS COMMAND... - run COMMAND every 0.1 s until it succeeds,
# for SECONDS at most; fails if it never did
wait_for()
{
	local tries=$(($1 * 10))

	shift
	until "$@"; do
		tries=$((tries - 1))
		[ $tries -gt 0 ] || return 1
		sleep 0.1
	done
}

# reads FILE VALUE - FILE reads VALUE
reads()
{
	[ "$(cat "$1")" = "$2" ]
}

# expect_active NAME - the active scheduler is NAME
expect_active()
{
	expect_eq "active" "$(cat "$SYSFS/active")" "$1"
}

# expect_available NAMES - the registered schedulers are NAMES, in order
expect_available()
{
	expect_eq "available" "$(cat "$SYSFS/available")" "$1"
}

# load_mod MODULE [PARAMS...] - load a test module, which must load
load_mod()
{
	expect_load ok "$@"
}

# expect_load ERRNO MODULE [PARAMS...] - loading a test module gives ERRNO
# ("ok" for success)
expect_load()
{
	local want=$1 mod=$2 got

	shift 2
	log "% insmod $mod${*:+ $*}"
	got=$("$LOAD" "$MODDIR/$mod.ko" "$@")
	expect_eq "insmod $mod${*:+ $*}" "$got" "$want"
}

# module_of NAME - the module that provides scheduler NAME
module_of()
{
	case $1 in
	extracted) echo sched_live_extracted ;;
	*) echo "$1" ;;
	esac
}

# unload_mod MODULE
unload_mod()
{
	local out

	log "% rmmod $1"
	out=$(rmmod "$1" 2>&1) || fail "rmmod $1: $out"
}

# unload_scheduler MODULE - remove a scheduler's module, trying again while
# the kernel says EBUSY (a task still in its text); SWITCH_BUSY counts
# those refusals
unload_scheduler()
{
	local tries=0

	log "% rmmod $1"
	while ! rmmod "$1" 2>/dev/null; do
		tries=$((tries + 1))
		if [ $tries -ge 5 ]; then
			fail "rmmod $1 refused $tries times"
			return
		fi
		SWITCH_BUSY=$((${SWITCH_BUSY:-0} + 1))
		sleep 0.1
	done
}

# expect_unload_busy MODULE - removing MODULE is refused with EBUSY
expect_unload_busy()
{
	log "% rmmod $1"
	rmmod "$1" 2>/dev/null && fail "rmmod $1 succeeded"
	[ -d "/sys/module/$1" ] || fail "module $1 is gone"
}

# switch_to NAME - make NAME active, trying again while the kernel says
# EBUSY (a task it cannot move yet); SWITCH_BUSY counts those refusals
switch_to()
{
	local got tries=0

	while :; do
		log "% echo $1 > active"
		got=$(write_file "$SYSFS/active" "$1")
		[ "$got" = EBUSY ] && [ $tries -lt 5 ] || break
		tries=$((tries + 1))
		SWITCH_BUSY=$((${SWITCH_BUSY:-0} + 1))
	done
	expect_eq "switch to $1" "$got" ok
}

# last_switch KEY - one value of /sys/kernel/sched_live/last_switch
last_switch()
{
	sed -n "s/^$1 //p" "$SYSFS/last_switch"
}

# start_load - CPU hogs, sleepers and a fork loop, in the background
start_load()
{
	LOAD_PIDS=
	for i in 1 2 3 4; do
		(while :; do :; done) &
		LOAD_PIDS="$LOAD_PIDS $!"
	done
	for i in $(seq 16); do
		(while :; do sleep 0.0$i; done) &
		LOAD_PIDS="$LOAD_PIDS $!"
	done
	(while :; do /bin/true; done) &
	LOAD_PIDS="$LOAD_PIDS $!"
}

# stop_load - end what start_load started; each task must still be there
stop_load()
{
	local pid

	for pid in $LOAD_PIDS; do
		kill "$pid" 2>/dev/null || fail "load task $pid is gone"
	done
	wait 2>/dev/null
}

CGROUP_ROOT=/sys/fs/cgroup

# cpu_cgroups - mount cgroup v2 at CGROUP_ROOT, with the cpu controller
# for its children
cpu_cgroups()
{
	grep -q "^none $CGROUP_ROOT cgroup2 " /proc/mounts ||
		mount -t cgroup2 none $CGROUP_ROOT || fail "cannot mount cgroup2"
	echo +cpu > $CGROUP_ROOT/cgroup.subtree_control ||
		fail "cannot enable the cpu controller"
}

# make_quota_cgroup QUOTA - make the cgroup v2 directory CGROUP, with
# "cpu.max" QUOTA
make_quota_cgroup()
{
	CGROUP=$CGROUP_ROOT/sched_live_test
	cpu_cgroups
	mkdir -p $CGROUP || fail "cannot make $CGROUP"
	echo "$1" > $CGROUP/cpu.max || fail "cannot set cpu.max of $CGROUP"
}

# remove_cgroup DIR
remove_cgroup()
{
	rmdir "$1" || fail "cannot remove $1"
}

KLP=test_sched_live_klp

# livepatch_transition - 1 while the test livepatch is in transition; a
# patch taken away is freed as soon as its transition is over
livepatch_transition()
{
	cat /sys/kernel/livepatch/$KLP/transition 2>/dev/null || echo 0
}

# livepatch_wait WHAT - wait for the test livepatch's transition to
# complete: within 10 seconds, before livepatch would signal the tasks it
# could not check
livepatch_wait()
{
	local waited=0

	while [ "$(livepatch_transition)" = 1 ] && [ $waited -lt 100 ]; do
		sleep 0.1
		waited=$((waited + 1))
	done
	expect_eq "$1: transition" "$(livepatch_transition)" 0
	ktap_print_msg "$1: the transition took about $((waited * 100)) ms"
}

# livepatch_remove WHEN - take the test livepatch away and unload it
livepatch_remove()
{
	local waited=0

	echo 0 > /sys/kernel/livepatch/$KLP/enabled
	livepatch_wait "unpatching $1"
	# The patch lets go of its module once it is freed, after the transition.
	while [ -d /sys/kernel/livepatch/$KLP ] && [ $waited -lt 50 ]; do
		sleep 0.1
		waited=$((waited + 1))
	done
	unload_mod $KLP
}

UEVENTS=/tmp/sched_live_uevents

# record_uevents - record the uevents of sched_live from now on
record_uevents()
{
	: > $UEVENTS
	echo "$TESTDIR/uevent-helper.sh" > /sys/kernel/uevent_helper ||
		fail "cannot set the uevent helper (CONFIG_UEVENT_HELPER)"
}

# recorded_uevents COUNT - stop recording once COUNT uevents came in, or
# after 5 seconds (the kernel runs the helper without waiting for it), and
# print them in the order the kernel sent them
recorded_uevents()
{
	local waited=0

	while [ "$(wc -l < $UEVENTS)" -lt "$1" ] && [ $waited -lt 50 ]; do
		sleep 0.1
		waited=$((waited + 1))
	done
	echo > /sys/kernel/uevent_helper
	sort -n $UEVENTS | cut -d' ' -f2-
}

# The kernel log since the current test's marker, without timestamps, and
# only the lines of sched_live, of sched_ext, of the test modules and of
# the commands.
# Which functions are too small for a jump, or start with a jump label,
# depends on the configuration and on how the compiler laid out this
# build, so those lines are left out; task IDs read [PID].
test_log()
{
	dmesg | sed -e 's/^\[[ 0-9.]*\] //' -e 's/\[[0-9]*\] is in /[PID] is in /' \
		-e 's/+0x[0-9a-f]*\/0x[0-9a-f]*//g' |
		sed -n "/^$TEST_MARKER\$/,\$p" | sed 1d |
		grep -E '^(sched_live|sched_ext|test_sched_live_[a-z_]*): |^% ' |
		grep -v -e 'taints kernel' -e 'tainting kernel' \
			-e "' to vmlinux: no room for a jump$" \
			-e "' to vmlinux: its first bytes are a jump label or a static call$"
}

# busy_log - test_log without the refusals switch_to and unload_scheduler
# tried again after
busy_log()
{
	test_log | sed -e '/^% echo .* > active$/d' \
		-e "/^sched_live: switch to '.*' refused: .* try again/d" \
		-e "/^sched_live: module '.*' is in use: .* try again when it has left$/d"
}

# The kernel log of the commonest case: mysched loaded, switched to and
# back, and removed
MYSCHED_ROUND_TRIP="% insmod mysched
sched_live: registered scheduler 'mysched'
sched_live: 'mysched' implements all the interface functions
sched_live: switched from 'builtin' to 'mysched'
sched_live: switched from 'mysched' to 'builtin'
% rmmod mysched
sched_live: unregistered scheduler 'mysched'"

# check_result EXPECTED_LOG - finish the test case: it passes when every
# check held and the kernel log matches EXPECTED_LOG line for line
check_result()
{
	check_log test_log "$1"
}

# What the kernel logs when it warns, oopses, finds a lock problem, a
# stall or a hung task.
SPLATS='WARNING:|BUG:|Oops|INFO: task .* blocked|rcu: INFO|detected stalls?'
SPLATS="$SPLATS|possible recursive locking|inconsistent lock state"
SPLATS="$SPLATS|possible circular locking|Call Trace:"

# expect_no_splat - the kernel log since start_test shows none of SPLATS
expect_no_splat()
{
	local splats

	splats=$(dmesg | sed -n "/$TEST_MARKER\$/,\$p" | grep -E "$SPLATS" | head -n 5)
	[ -z "$splats" ] || fail "the kernel log shows: $splats"
}

# check_busy_result EXPECTED_LOG - check_result for a test that switches
# with switch_to: the refusals it retried are not part of the log
check_busy_result()
{
	check_log busy_log "$1"
	[ -z "${SWITCH_BUSY:-}" ] ||
		ktap_print_msg "$TEST_DESC: $SWITCH_BUSY switches were refused once as busy"
	SWITCH_BUSY=
}

check_log()
{
	local got

	got=$($1)
	if [ "$got" != "$2" ]; then
		fail "kernel log differs"
		ktap_print_msg "expected:"
		echo "$2" | sed 's/^/#   /'
		ktap_print_msg "got:"
		echo "$got" | sed 's/^/#   /'
	fi
	end_test
}

# end_test - the case passes if no check failed since start_test
end_test()
{
	if [ "$TEST_ERRORS" -eq 0 ]; then
		ktap_test_pass "$TEST_DESC"
	else
		ktap_test_fail "$TEST_DESC"
	fi
}
