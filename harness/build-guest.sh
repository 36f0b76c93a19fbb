#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the selftests of tools/testing/selftests/sched_live against the
# kernel in build/obj and pack them with busybox into build/initramfs.cpio.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

STAGE=$BUILD/initramfs
BUSYBOX=/bin/busybox

rm -rf "$STAGE"
mkdir -p "$STAGE"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,root,etc}

log "building selftests"
make -s -C "$KSRC/tools/testing/selftests" TARGETS=sched_live \
	KDIR="$KOBJ" CC="ccache gcc" \
	INSTALL_PATH="$STAGE/kselftest" install >/dev/null

# Busybox, with one symlink per applet; the kselftest runner needs a
# timeout that takes --foreground, so that one is a wrapper.
cp "$BUSYBOX" "$STAGE/bin/busybox"
"$BUSYBOX" --list-full | while read -r applet; do
	[ "$applet" = bin/busybox ] && continue
	ln -sf /bin/busybox "$STAGE/$applet"
done
# The stress test's workloads, from Debian's packages.
for program in /usr/bin/hackbench /usr/bin/cyclictest /usr/bin/stress-ng; do
	stage_program "$STAGE" "$program"
done
install -m 0755 "$HARNESS/guest/timeout" "$STAGE/usr/bin/timeout"
install -m 0755 "$HARNESS/guest/init" "$STAGE/init"
install -m 0755 "$HARNESS/guest/demo.sh" "$STAGE/demo.sh"

pack_initramfs "$STAGE" "$BUILD/initramfs.cpio"
log "initramfs: $(du -h "$BUILD/initramfs.cpio" | cut -f1)"
