#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The distribution flow (make package), not part of the test command:
#
#  1. `make bindeb-pkg` of the series' kernel, configured as the test
#     kernel plus CONFIG_SCHED_AUTOGROUP (Debian's setting), in a build
#     directory of its own;
#  2. a fresh bookworm root from debootstrap, with a compiler and the
#     linux-headers package installed, and nothing of the source tree;
#  3. mysched built there from the sample's Makefile and diff against
#     /usr/src/linux-headers-<release>;
#  4. the packaged kernel (from the linux-image package) booted in QEMU:
#     it loads that module, switches to it and back, and refuses the
#     test kernel's mysched, built for another kernel build (no
#     autogroup: another scheduler ABI).
#
# Needs build/obj and build/initramfs from a test run.  The Debian mirror
# is the host's (apt's sources), or DEBIAN_MIRROR.  Takes about 15
# minutes on 2 cores with a cold ccache, most of it the kernel build, and
# 3.5 with a warm one.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PKG=$BUILD/pkg
PKG_OBJ=$PKG/obj
ROOT=$PKG/root
SUITE=bookworm
# What building a module needs in the root; objtool, shipped in the
# headers package, links libelf.
ROOT_PACKAGES=gcc,make,libc6-dev,libelf1,patch,kmod

[ -f "$KOBJ/arch/x86/boot/bzImage" ] && [ -d "$GUEST_ROOT" ] ||
	die "run harness/check.sh first: it builds the test kernel and the guest"
"$HARNESS/install-deps.sh" package

# debian_mirror - the Debian archive apt uses on this machine
debian_mirror()
{
	local uris

	if [ -n "${DEBIAN_MIRROR:-}" ]; then
		echo "$DEBIAN_MIRROR"
		return
	fi
	uris=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list \
		2>/dev/null | sed -n -e 's/^URIs: *//p' -e 's/^deb  *\([^ ]*\) .*/\1/p')
	echo "$uris" | tr ' ' '\n' | grep '/debian/*$' | head -1
}

# pkg_make TARGET... - make in the package's build directory
pkg_make()
{
	make -s -C "$KSRC" O="$PKG_OBJ" CC="ccache gcc" HOSTCC="ccache gcc" \
		-j"$JOBS" "$@"
}

step_packages()
{
	local start=$(date +%s)

	rm -rf "$PKG"
	mkdir -p "$PKG_OBJ"
	cp "$KOBJ/.config" "$PKG_OBJ/.config"
	"$KSRC/scripts/config" --file "$PKG_OBJ/.config" --enable SCHED_AUTOGROUP
	pkg_make olddefconfig
	grep -qx 'CONFIG_SCHED_AUTOGROUP=y' "$PKG_OBJ/.config" ||
		die "config: CONFIG_SCHED_AUTOGROUP did not stick"
	log "make bindeb-pkg ($JOBS jobs)"
	pkg_make bindeb-pkg KDEB_COMPRESS=gzip >"$PKG/bindeb-pkg.log" 2>&1 ||
		die "make bindeb-pkg failed; see $PKG/bindeb-pkg.log"
	log "packages built in $(( $(date +%s) - start ))s:"
	(cd "$PKG" && ls -s --block-size=K ./*.deb)
}

step_root()
{
	local start=$(date +%s)

	local mirror

	mirror=$(debian_mirror)
	[ -n "$mirror" ] || die "no Debian mirror in apt's sources; set DEBIAN_MIRROR"
	log "debootstrap $SUITE with $ROOT_PACKAGES"
	mkdir -p "$CACHE/debootstrap"
	debootstrap --variant=minbase --include="$ROOT_PACKAGES" \
		--cache-dir="$CACHE/debootstrap" "$SUITE" "$ROOT" \
		"$mirror" >"$PKG/debootstrap.log" 2>&1 ||
		die "debootstrap failed; see $PKG/debootstrap.log"
	cp "$PKG"/linux-headers-*.deb "$ROOT/tmp/"
	chroot "$ROOT" sh -c 'dpkg -i /tmp/linux-headers-*.deb' >"$PKG/dpkg.log" ||
		die "installing the headers package failed; see $PKG/dpkg.log"
	log "root ready in $(( $(date +%s) - start ))s"
}

step_build_module()
{
	local release=$1 start=$EPOCHREALTIME

	mkdir -p "$ROOT/root/mysched"
	cp "$TOP"/samples/sched_live/{Makefile,mysched.diff} "$ROOT/root/mysched/"
	log "building mysched in the root against /usr/src/linux-headers-$release"
	chroot "$ROOT" make -C /root/mysched \
		KDIR="/usr/src/linux-headers-$release" >"$PKG/mysched.log" 2>&1 ||
		die "building mysched from the headers package failed; see $PKG/mysched.log"
	log "mysched built in $(echo "$EPOCHREALTIME - $start" | bc | xargs printf '%.1f')s"
}

step_boot()
{
	local release=$1 out=$PKG/guest

	dpkg-deb -x "$(ls "$PKG"/linux-image-"$release"_*.deb)" "$PKG/image"
	stage_guest_mode package "$PKG/stage"
	mkdir -p "$PKG/stage/pkg/foreign"
	cp "$ROOT/root/mysched/mysched/mysched.ko" "$PKG/stage/pkg/"
	cp "$GUEST_ROOT/kselftest/sched_live/test_modules/mysched.ko" \
		"$PKG/stage/pkg/foreign/"
	pack_initramfs "$PKG/stage" "$PKG/initramfs.cpio"
	GUEST_OUT=$out GUEST_KERNEL="$PKG/image/boot/vmlinuz-$release" \
		GUEST_INITRD="$PKG/initramfs.cpio" GUEST_CPUS=2 \
		GUEST_APPEND=guest_mode=package bash "$HARNESS/run-guest.sh" >/dev/null
	strip_cr "$out/results.tap" | grep '^package: ' ||
		die "no result from the guest; see $out/console.log"
}

# verdict - whether the guest did what the flow promises
verdict()
{
	local results want

	results=$(strip_cr "$PKG/guest/results.tap")
	for want in \
		'^package: insmod of the SDK-built mysched: ok$' \
		'^package: switch builtin -> mysched: result 0,' \
		'^package: switch mysched -> builtin: result 0,' \
		'^package: rmmod mysched: ok$' \
		'^package: insmod of the other build.s mysched: refused$' \
		"^package: dmesg: sched_live: refusing scheduler 'mysched': built for scheduler ABI"; do
		grep -q -- "$want" <<<"$results" || return 1
	done
}

start=$(date +%s)
step_packages
release=$(cat "$PKG_OBJ/include/config/kernel.release")
step_root
step_build_module "$release"
step_boot "$release"
verdict || die "the packaged kernel did not do what the flow expects; see $PKG/guest/console.log"
log "package flow passed in $(( $(date +%s) - start ))s"
