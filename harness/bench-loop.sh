#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# How long it takes from a one-line change in the extracted fair.c to that
# change running, as figures (not a test): the rebuild of the scheduler
# module on this machine, then, in a guest that is already up, loading the
# module and switching to it.  The change adds a line to the CFS part of
# /sys/kernel/debug/sched/debug, and the guest checks that it shows.
#
# Builds mysched in build/bench-loop/mysched from the kernel build's
# extracted tree (timed too, for information: the first build), changes
# fair.c, rebuilds, and boots a 2-vCPU guest.  Needs build/obj and
# build/initramfs from a test run.  Takes about 3 minutes.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

OUT=$BUILD/bench-loop
TREE=$OUT/mysched

[ -f "$KOBJ/arch/x86/boot/bzImage" ] && [ -d "$GUEST_ROOT" ] ||
	die "run harness/check.sh first: it builds the kernel and the guest"
rm -rf "$OUT"
mkdir -p "$OUT"

# seconds COMMAND... - run COMMAND quietly and print how long it took
seconds()
{
	local start=$EPOCHREALTIME

	"$@" >"$OUT/last-command.log" 2>&1 || die "failed: $*; see $OUT/last-command.log"
	echo "$EPOCHREALTIME - $start" | bc
}

first=$(seconds make -C "$TOP/samples/sched_live" KDIR="$KOBJ" OUT="$TREE")
log "first build of mysched: ${first}s"

# The one-line change, in a function /sys/kernel/debug/sched/debug runs.
sed -i '/^void print_cfs_stats(struct seq_file \*m, int cpu)$/,/^}$/ s/^\trcu_read_lock();$/\tif (m) seq_puts(m, "bench-loop: changed\\n");\n&/' \
	"$TREE/fair.c"
grep -q 'bench-loop: changed' "$TREE/fair.c" || die "the change did not apply"

rebuild=$(seconds make -C "$KOBJ" M="$TREE" modules \
	KBUILD_EXTRA_SYMBOLS="$KOBJ/kernel/sched/live/boundary.symvers" \
	SCHED_LIVE_MODULE=mysched SCHED_LIVE_NAME=mysched)
log "rebuild after the one-line change: ${rebuild}s"

stage_guest_mode bench-loop "$OUT/stage"
mkdir -p "$OUT/stage/loop"
cp "$TREE/mysched.ko" "$OUT/stage/loop/"
pack_initramfs "$OUT/stage" "$OUT/initramfs.cpio"
GUEST_INITRD=$OUT/initramfs.cpio GUEST_CPUS=2 GUEST_APPEND="guest_mode=bench-loop" \
	bash "$HARNESS/run-guest.sh" >/dev/null
line=$(strip_cr "$GUEST_DIR/results.tap" | grep '^bench-loop: ') ||
	die "no figures from the guest; see $GUEST_DIR/console.log"
echo "$line"
case $line in
*change_seen=yes*) ;;
*) die "the change did not show under mysched" ;;
esac
insmod_ms=$(echo "$line" | sed -n 's/.*insmod_ms=\([0-9]*\).*/\1/p')
switch_ms=$(echo "$line" | sed -n 's/.*switch_ms=\([0-9]*\).*/\1/p')
echo "build loop: rebuild ${rebuild}s + insmod ${insmod_ms}ms + switch ${switch_ms}ms" \
     "= $(echo "$rebuild + ($insmod_ms + $switch_ms) / 1000" | bc -l | xargs printf '%.1f')s" \
     "(first build of the module: ${first}s)"
