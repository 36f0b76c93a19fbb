#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot build/obj's bzImage with build/initramfs.cpio in QEMU (TCG) under a
# hard timeout.  The console goes to build/guest/console.log, the guest's
# TAP to build/guest/results.tap.  The guest powers itself off; panics
# reboot, which -no-reboot turns into an exit; anything else is killed by
# the timeout.  Exits non-zero only when QEMU could not run or timed out.
# GUEST_KERNEL and GUEST_INITRD boot another bzImage or initramfs,
# GUEST_CPUS and GUEST_APPEND change the vCPUs and the command line,
# GUEST_OUT the directory of the two files;
# GUEST_MONITOR=SOCKET puts the QEMU monitor on a unix socket, for
# debugging; GUEST_ICOUNT=1 runs the vCPUs in one thread on a clock that
# counts their instructions (QEMU -icount), for benchmarks whose time
# should measure the guest's work rather than the host's load.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

CPUS=${GUEST_CPUS:-4}
TIMEOUT=${GUEST_TIMEOUT:-900}
OUT=${GUEST_OUT:-$BUILD/guest}
APPEND="console=ttyS0 panic=-1 oops=panic printk.devkmsg=on log_buf_len=4M ${GUEST_APPEND:-}"

MONITOR=none
[ -z "${GUEST_MONITOR:-}" ] || MONITOR=unix:$GUEST_MONITOR,server,nowait

ICOUNT=()
[ -z "${GUEST_ICOUNT:-}" ] || ICOUNT=(-icount shift=0,sleep=off)

mkdir -p "$OUT"
rm -f "$OUT/console.log" "$OUT/results.tap"

log "booting guest: $CPUS vCPUs, TCG, timeout ${TIMEOUT}s"
start=$(date +%s)
rc=0
timeout -k 10 "$TIMEOUT" qemu-system-x86_64 \
	-machine pc -accel tcg -cpu max -smp "$CPUS" -m 1G "${ICOUNT[@]}" \
	-kernel "${GUEST_KERNEL:-$KOBJ/arch/x86/boot/bzImage}" \
	-initrd "${GUEST_INITRD:-$BUILD/initramfs.cpio}" \
	-append "$APPEND" \
	-display none -no-reboot \
	-monitor "$MONITOR" \
	-serial file:"$OUT/console.log" \
	-serial file:"$OUT/results.tap" </dev/null || rc=$?
log "guest ran $(( $(date +%s) - start ))s"

case $rc in
0) ;;
124|137) die "guest timed out after ${TIMEOUT}s" ;;
*) die "qemu exited with $rc" ;;
esac
