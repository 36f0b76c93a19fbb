#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Why the distro kernel's guest runs its vCPUs in turn on one host thread
# (harness/run-guest.sh), as figures (not a test): boots the distro-shaped
# kernel in its "keyflip" mode (harness/guest/keyflip.sh), which flips a
# scheduler feature's static key for KEYFLIP_SECONDS (60) while every CPU
# wakes timer sleepers through it, once with QEMU's multi-threaded TCG and
# once with its single-threaded TCG, and prints for each how many flips
# the guest made and whether a CPU ran a temporary int3 of text_poke_bp()
# after the rewrite had finished ("Oops: int3").  If a QEMU stops oopsing
# on multi-threaded TCG, the distro guest can have a host thread per vCPU
# again.  Needs the distro kernel and its guest built.
set -euo pipefail
SCHED_LIVE_KERNEL=distro
export SCHED_LIVE_KERNEL
. "$(dirname "$0")/lib.sh"

OUT=$BUILD/tcg-textpoke
SECONDS_EACH=${KEYFLIP_SECONDS:-60}

rm -rf "$OUT"
mkdir -p "$OUT"
stage_guest_mode keyflip "$OUT/root"
pack_initramfs "$OUT/root" "$OUT/initramfs.cpio"
for thread in multi single; do
	mkdir -p "$OUT/$thread"
	GUEST_OUT=$OUT/$thread GUEST_INITRD=$OUT/initramfs.cpio \
		GUEST_TCG_THREAD=$thread GUEST_TIMEOUT=$((SECONDS_EACH + 300)) \
		GUEST_APPEND="guest_mode=keyflip keyflip_seconds=$SECONDS_EACH" \
		"$HARNESS/run-guest.sh" > "$OUT/$thread/run-guest.log" 2>&1 || true
	console=$OUT/$thread/console.txt
	strip_time "$OUT/$thread/console.log" > "$console"
	flips=$(strip_cr "$OUT/$thread/results.tap" |
		sed -n 's/^# keyflip: \([0-9]*\) flips.*/\1/p')
	if grep -q '^Oops: int3' "$console"; then
		echo "$thread-threaded TCG: Oops: int3 at $(sed -n 's/^RIP: 0010://p' "$console" | head -1)"
	elif [ -n "$flips" ] && grep -q '^# guest-done' "$OUT/$thread/results.tap"; then
		echo "$thread-threaded TCG: $flips flips in $SECONDS_EACH s, no oops"
	else
		echo "$thread-threaded TCG: the guest did not finish; see $OUT/$thread"
	fi
done
