#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The registry: a module registers a second scheduler entry and removes it,
# never by force; bad registrations are refused and change nothing, and so
# are modules that import SCHED_LIVE without being schedulers, a scheduler
# whose own sources lay out a shared type unlike the kernel, and one with
# a function that touches user memory.

. "$(dirname "$0")/functions.sh"

MOD=test_sched_live_entry

setup_test_suite 9

start_test "writing the active name is a no-op"
expect_write ok "$SYSFS/active" 'builtin\n'
expect_active builtin
check_result "sched_live: 'builtin' is already active"

start_test "a module registers and unregisters an entry"
load_mod $MOD
expect_available "builtin sched_live_test"
expect_active builtin
unload_mod $MOD
expect_available builtin
check_result "% insmod $MOD
sched_live: registered scheduler 'sched_live_test'
% rmmod $MOD
sched_live: unregistered scheduler 'sched_live_test'"

start_test "a switch to an entry that is no scheduler is refused"
load_mod $MOD
expect_write EOPNOTSUPP "$SYSFS/active" 'sched_live_test\n'
expect_active builtin
unload_mod $MOD
check_result "% insmod $MOD
sched_live: registered scheduler 'sched_live_test'
sched_live: switch to 'sched_live_test' refused: it has no switch operations, so it is no scheduler
% rmmod $MOD
sched_live: unregistered scheduler 'sched_live_test'"

start_test "a removed entry cannot be selected"
load_mod $MOD
unload_mod $MOD
expect_write ENOENT "$SYSFS/active" 'sched_live_test\n'
expect_active builtin
check_result "% insmod $MOD
sched_live: registered scheduler 'sched_live_test'
% rmmod $MOD
sched_live: unregistered scheduler 'sched_live_test'
sched_live: no scheduler named 'sched_live_test'; see /sys/kernel/sched_live/available"

start_test "a module that provides a scheduler is not removed by force"
load_mod $MOD
log "% rmmod -f $MOD"
rmmod -f $MOD 2>/dev/null && fail "rmmod -f $MOD succeeded"
expect_available "builtin sched_live_test"
unload_mod $MOD
check_result "% insmod $MOD
sched_live: registered scheduler 'sched_live_test'
% rmmod -f $MOD
sched_live: module '$MOD' provides a scheduler: it cannot be removed by force; remove it without -f
% rmmod $MOD
sched_live: unregistered scheduler 'sched_live_test'"

start_test "bad registrations are refused"
expect_load EEXIST $MOD name=builtin
expect_load ENOEXEC $MOD abi_version=999
expect_load ENOEXEC $MOD abi_hash=1
expect_load ENOEXEC $MOD implements=no_such_function
expect_load EINVAL $MOD name=Bad_Name
expect_available builtin
expect_active builtin
check_result "% insmod $MOD name=builtin
sched_live: refusing scheduler 'builtin': the name is already registered
% insmod $MOD abi_version=999
sched_live: refusing scheduler 'sched_live_test': ABI version 999, kernel has 4; rebuild it
% insmod $MOD abi_hash=1
sched_live: refusing scheduler 'sched_live_test': built for scheduler ABI 0000000000000001, this kernel's is $(cat "$SYSFS/abi_hash"); rebuild it against this kernel
% insmod $MOD implements=no_such_function
sched_live: refusing scheduler 'sched_live_test': 'no_such_function' is no interface function of this kernel
% insmod $MOD name=Bad_Name
sched_live: refusing scheduler 'Bad_Name': character outside [a-z0-9_-] in the name"

start_test "only a GPL-compatible scheduler built for this kernel may import SCHED_LIVE"
expect_load ENOEXEC test_sched_live_intruder
expect_load ENOEXEC test_sched_live_untagged
expect_load ENOEXEC test_sched_live_foreign
expect_load ENOEXEC test_sched_live_proprietary
expect_available builtin
check_result "% insmod test_sched_live_intruder
sched_live: refusing module 'test_sched_live_intruder': it imports SCHED_LIVE but is no scheduler (it implements no interface function); build schedulers from this kernel's extracted scheduler
% insmod test_sched_live_untagged
sched_live: refusing module 'test_sched_live_untagged': it imports SCHED_LIVE but is no scheduler (it has no sched_live_abi tag); build schedulers from this kernel's extracted scheduler
% insmod test_sched_live_foreign
sched_live: refusing module 'test_sched_live_foreign': its sched_live_abi tag is '0x0000000000000001ULL', this kernel's is '0x$(cat "$SYSFS/abi_hash")ULL'; rebuild it against this kernel
% insmod test_sched_live_proprietary
sched_live: refusing module 'test_sched_live_proprietary': it imports SCHED_LIVE under license 'Proprietary'; only GPL-compatible schedulers may"

start_test "a scheduler whose sources lay out struct cfs_rq unlike the kernel is refused"
# mysched_layout is mysched with a field added to struct cfs_rq in its
# sched.h: built for this kernel, so the loader takes it, but its own
# layouts hash to another ABI, which registration refuses.
expect_load ENOEXEC mysched_layout
expect_available builtin
refusal="^sched_live: refusing scheduler 'mysched_layout': built for scheduler ABI"
own=$(test_log | sed -n "s/$refusal \([0-9a-f]\{16\}\),.*/\1/p")
[ -n "$own" ] && [ "$own" != "$(cat "$SYSFS/abi_hash")" ] ||
	fail "mysched_layout registered with this kernel's hash, or with none"
check_result "% insmod mysched_layout
sched_live: refusing scheduler 'mysched_layout': built for scheduler ABI $own, this kernel's is $(cat "$SYSFS/abi_hash"); rebuild it against this kernel"

start_test "a scheduler with a function that touches user memory is refused"
expect_load ENOEXEC test_sched_live_uaccess
expect_available builtin
check_result "% insmod test_sched_live_uaccess
sched_live: refusing scheduler 'sched_live_uaccess': its test_sched_live_tell_user [test_sched_live_uaccess] touches user memory at test_sched_live_tell_user [test_sched_live_uaccess], and a task waiting on a fault there would hold every switch back; leave that function to vmlinux"

ktap_finished
