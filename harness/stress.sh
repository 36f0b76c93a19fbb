#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The long stress run (not part of the test command, which runs the same
# two tests briefly): test-stress.sh for STRESS_CYCLES switch cycles
# (1,000) under hackbench, stress-ng, RT and deadline tasks, cgroup moves
# and CPU hotplug, then test-fuzz.sh for FUZZ_SECONDS (300), in one boot of
# the lockdep test kernel with STRESS_CPUS vCPUs (4).  Judged like the
# test command: every subtest, and no splat on the console.  Needs
# build/obj and build/initramfs from a test run; 1,000 cycles take about
# an hour to 1.5 hours on 2 cores.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

CYCLES=${STRESS_CYCLES:-1000}
FUZZ=${FUZZ_SECONDS:-300}
CPUS=${STRESS_CPUS:-4}
# A directory of its own, so that test runs can go on meanwhile.
export GUEST_OUT=$BUILD/stress

[ -f "$KOBJ/arch/x86/boot/bzImage" ] && [ -f "$GUEST_CPIO" ] ||
	die "run harness/check.sh first: it builds the kernel and the guest"

log "$CYCLES stress cycles, $FUZZ seconds of fuzzing, $CPUS vCPUs"
start=$(date +%s)
GUEST_CPUS=$CPUS GUEST_TIMEOUT=$((CYCLES * 9 + FUZZ + 600)) \
	GUEST_APPEND="kselftest_test=sched_live:test-stress.sh,sched_live:test-fuzz.sh kselftest_timeout=$((CYCLES * 9 + FUZZ + 300)) sched_live_stress_cycles=$CYCLES sched_live_fuzz_seconds=$FUZZ" \
	bash "$HARNESS/run-guest.sh" || exit 1
sed -n 's/^# # //p' "$GUEST_OUT/results.tap" | tr -d '\r'
log "stress ran $(( $(date +%s) - start ))s"
GUEST_CPUS=$CPUS bash "$HARNESS/check-guest.sh" | grep -v '^ok kunit: ' | tee "$GUEST_OUT/results.txt"
! grep -q '^not ok' "$GUEST_OUT/results.txt"
