#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The extracted scheduler: the module that the kernel build wrote from its
# own scheduler links against vmlinux through the scheduler's symbol table,
# registers under its name and unloads.

. "$(dirname "$0")/functions.sh"

MOD=sched_live_extracted

setup_test_suite 1

start_test "the extracted scheduler loads, registers and unloads"
load_mod $MOD
expect_available "builtin extracted"
expect_active builtin
unload_mod $MOD
expect_available builtin
check_result "% insmod $MOD
sched_live: registered scheduler 'extracted'
sched_live: 'extracted' implements all the interface functions
% rmmod $MOD
sched_live: unregistered scheduler 'extracted'"

ktap_finished
