#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# /sys/kernel/sched_live/: reads, and every kind of bad write, which must
# fail with a clear errno and log line and leave the active scheduler alone.

. "$(dirname "$0")/functions.sh"

setup_test_suite 9

start_test "files, modes and initial state"
expect_eq "mode of active" "$(stat -c %a "$SYSFS/active")" 644
expect_eq "mode of available" "$(stat -c %a "$SYSFS/available")" 444
expect_eq "mode of abi_hash" "$(stat -c %a "$SYSFS/abi_hash")" 444
expect_eq "mode of conflicts" "$(stat -c %a "$SYSFS/conflicts")" 400
expect_eq "mode of last_exit" "$(stat -c %a "$SYSFS/last_exit")" 400
expect_eq "abi_hash is 16 hex digits" \
	"$(grep -c '^[0-9a-f]\{16\}$' "$SYSFS/abi_hash")" 1
expect_active builtin
expect_available builtin
check_result ""

start_test "empty write is refused"
expect_write EINVAL "$SYSFS/active" '\n'
expect_active builtin
check_result "sched_live: write to 'active' rejected: empty name"

start_test "zero-length write changes nothing"
expect_write ok "$SYSFS/active" ''
expect_active builtin
check_result ""

start_test "overlong writes are refused"
expect_write EINVAL "$SYSFS/active" 'abcdefghijklmnopqrstuvwxyz012345\n'
expect_write EINVAL -r 4096 "$SYSFS/active" 'a'
expect_write EINVAL -r 65536 "$SYSFS/active" 'b'
expect_active builtin
check_result "sched_live: write to 'active' rejected: name longer than 31 characters
sched_live: write to 'active' rejected: name longer than 31 characters
sched_live: write to 'active' rejected: name longer than 31 characters"

start_test "embedded NUL is refused"
expect_write EINVAL "$SYSFS/active" 'builtin\0mysched\n'
expect_write EINVAL "$SYSFS/active" 'builtin\0'
expect_active builtin
check_result "sched_live: write to 'active' rejected: NUL byte inside the name
sched_live: write to 'active' rejected: NUL byte inside the name"

start_test "garbage is refused"
expect_write EINVAL "$SYSFS/active" 'Builtin\n'
expect_write EINVAL "$SYSFS/active" ' builtin\n'
expect_write EINVAL "$SYSFS/active" 'builtin\n\n'
expect_write EINVAL "$SYSFS/active" '\xff\xfe\x01'
expect_write EINVAL "$SYSFS/active" '../builtin'
expect_active builtin
check_result "sched_live: write to 'active' rejected: character outside [a-z0-9_-] in the name
sched_live: write to 'active' rejected: character outside [a-z0-9_-] in the name
sched_live: write to 'active' rejected: character outside [a-z0-9_-] in the name
sched_live: write to 'active' rejected: character outside [a-z0-9_-] in the name
sched_live: write to 'active' rejected: character outside [a-z0-9_-] in the name"

start_test "unknown name is refused with ENOENT"
expect_write ENOENT "$SYSFS/active" 'nosuchsched\n'
expect_write ENOENT "$SYSFS/active" 'nosuchsched'
expect_active builtin
check_result "sched_live: no scheduler named 'nosuchsched'; see /sys/kernel/sched_live/available
sched_live: no scheduler named 'nosuchsched'; see /sys/kernel/sched_live/available"

start_test "writes without privilege are refused"
expect_write EACCES -u 65534 "$SYSFS/active" 'builtin\n'
expect_write EPERM -d "$SYSFS/active" 'builtin\n'
expect_write EACCES "$SYSFS/available" 'builtin\n'
expect_active builtin
check_result "sched_live: write to 'active' refused: CAP_SYS_ADMIN required"

start_test "what only root may read is refused to others"
# conflicts takes the locks of kprobes, ftrace and livepatch; last_exit
# shows a task's kernel stack: root's only, and only with CAP_SYS_ADMIN,
# as /proc/PID/stack.
for f in conflicts last_exit; do
	expect_read EACCES -u 65534 "$SYSFS/$f"
	expect_read EPERM -d "$SYSFS/$f"
	expect_read ok "$SYSFS/$f"
done
expect_read ok -u 65534 "$SYSFS/abi_hash"
check_result ""

ktap_finished
