#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the selftests of tools/testing/selftests/sched_live against the
# kernel in build/obj and pack them with busybox into build/initramfs.cpio
# (build/obj-distro and build/initramfs-distro.cpio with
# SCHED_LIVE_KERNEL=distro).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

STAGE=$GUEST_ROOT
BUSYBOX=/bin/busybox

rm -rf "$STAGE"
mkdir -p "$STAGE"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,root,etc}

# The helpers that use interfaces newer than the C library's kernel
# headers (struct_ops links) build against the kernel's own.
log "installing the kernel's UAPI headers"
kmake headers
log "building selftests"
# In parallel: the four scheduler modules (extracted, mysched and its two
# variants) are each the whole scheduler.
make -s -j"$JOBS" -C "$KSRC/tools/testing/selftests" TARGETS=sched_live \
	KDIR="$KOBJ" CC="ccache gcc" KHDR_INCLUDES="-isystem $KOBJ/usr/include" \
	INSTALL_PATH="$STAGE/kselftest" install >/dev/null

# The test modules without their debug information, which would make the
# guest's initramfs many times larger (BTF is no debug section and stays),
# as "make modules_install INSTALL_MOD_STRIP=1" installs modules.
MODULES=$STAGE/kselftest/sched_live/test_modules
strip --strip-debug "$MODULES"/*.ko

# A kernel that checks module signatures gets its test modules signed with
# the key its build made, as a distribution signs the modules it ships;
# test-lockdown.sh needs one copy of mysched left unsigned.
if grep -qx CONFIG_MODULE_SIG=y "$KOBJ/.config"; then
	cp "$MODULES/mysched.ko" "$MODULES/mysched_unsigned.ko"
	for module in "$MODULES"/*.ko; do
		[ "$module" != "$MODULES/mysched_unsigned.ko" ] || continue
		"$KOBJ/scripts/sign-file" sha256 "$KOBJ/certs/signing_key.pem" \
			"$KOBJ/certs/signing_key.x509" "$module"
	done
fi

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

pack_initramfs "$STAGE" "$GUEST_CPIO"
log "initramfs: $(du -h "$GUEST_CPIO" | cut -f1)"
