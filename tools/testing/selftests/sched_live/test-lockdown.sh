#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Kernel lockdown and module signatures.  Only code that the module loader
# admitted can become the scheduler, so a signed scheduler module switches
# both ways under lockdown=integrity and lockdown=confidentiality, and root
# still reads last_exit and conflicts; an unsigned one is refused as any
# module is: with EPERM by lockdown, with EKEYREJECTED by
# module.sig_enforce.  Neither can be lifted once set, so this test runs
# last in a boot.  Skipped on a kernel without the lockdown LSM or module
# signatures.

. "$(dirname "$0")/functions.sh"

LOCKDOWN=/sys/kernel/security/lockdown
SIG_ENFORCE=/sys/module/module/parameters/sig_enforce

# needs - what this test needs besides sched_live
needs()
{
	grep -q "^securityfs " /proc/mounts ||
		mount -t securityfs none /sys/kernel/security 2>/dev/null
	[ -w $LOCKDOWN ] ||
		skip_all "no $LOCKDOWN: kernel without CONFIG_SECURITY_LOCKDOWN_LSM"
	[ -w $SIG_ENFORCE ] ||
		skip_all "no $SIG_ENFORCE: kernel without CONFIG_MODULE_SIG"
	[ -f "$MODDIR/mysched_unsigned.ko" ] ||
		skip_all "no unsigned copy of mysched in $MODDIR"
	[ "$(cat $LOCKDOWN)" = "[none] integrity confidentiality" ] ||
		skip_all "the kernel is locked down already: $(cat $LOCKDOWN)"
}

setup_test_suite 3 needs

# expect_kernel_line LINE - the kernel log since start_test has LINE
expect_kernel_line()
{
	dmesg | sed -e 's/^\[[ 0-9.]*\] //' | sed -n "/^$TEST_MARKER\$/,\$p" |
		grep -qxF "$1" || fail "no kernel log line '$1'"
}

# signed_round_trip - a signed mysched loads, switches both ways, and goes
signed_round_trip()
{
	load_mod mysched
	switch_to mysched
	switch_to builtin
	expect_read ok "$SYSFS/last_exit"
	expect_read ok "$SYSFS/conflicts"
	unload_scheduler mysched
}

start_test "lockdown=integrity: an unsigned scheduler is refused, a signed one switches"
echo integrity > $LOCKDOWN || fail "cannot lock the kernel down"
expect_eq "lockdown" "$(cat $LOCKDOWN)" "none [integrity] confidentiality"
expect_load EPERM mysched_unsigned
expect_kernel_line "Lockdown: sched_live_load: unsigned module loading is restricted; see man kernel_lockdown.7"
signed_round_trip
check_busy_result "% insmod mysched_unsigned
$MYSCHED_ROUND_TRIP"

start_test "module.sig_enforce: an unsigned scheduler is refused, a signed one switches"
echo 1 > $SIG_ENFORCE || fail "cannot enforce module signatures"
expect_load EKEYREJECTED mysched_unsigned
expect_kernel_line "Loading of unsigned module is rejected"
signed_round_trip
check_busy_result "% insmod mysched_unsigned
$MYSCHED_ROUND_TRIP"

start_test "lockdown=confidentiality: a signed scheduler switches"
echo confidentiality > $LOCKDOWN || fail "cannot lock the kernel down"
expect_eq "lockdown" "$(cat $LOCKDOWN)" "none integrity [confidentiality]"
signed_round_trip
check_busy_result "$MYSCHED_ROUND_TRIP"

ktap_finished
