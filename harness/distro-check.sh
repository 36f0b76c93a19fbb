#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Debian's own kernel config with sched_live (make distro-check), not part
# of the test command:
#
#  1. the amd64 config of Debian's linux-config-6.12 package, plus what
#     CONFIG_SCHED_LIVE needs and nothing else: CONFIG_GCC_PLUGINS (off in
#     Debian's config; a distribution's build then needs the
#     gcc-N-plugin-dev package) and CONFIG_SCHED_LIVE itself; Debian's
#     key and certificate files, which only its own build has, are
#     replaced by a key the build makes;
#  2. bzImage, and the sched_live test modules (mysched among them) built
#     against it and signed with its key, in a build directory of its own;
#  3. that kernel booted in QEMU with the demo guest: it loads mysched,
#     switches to it and back, and prints the downtime of both switches.
#
# Prints the build time.  Needs build/linux from a test run (the series
# applied).  The kernel build is a distribution's: about an hour on 2
# cores with a cold ccache.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

DC=$BUILD/distro-check
DC_OBJ=$DC/obj
CONFIG_PKG=linux-config-6.12

[ -d "$KSRC/kernel/sched/live" ] ||
	die "run harness/check.sh first: it applies the series to build/linux"
"$HARNESS/install-deps.sh" distro-check

# dc_make TARGET... - make in distro-check's build directory
dc_make()
{
	make -s -C "$KSRC" O="$DC_OBJ" CC="ccache gcc" HOSTCC="ccache gcc" \
		-j"$JOBS" "$@"
}

# debian_config - the path of the amd64 config the package installed
debian_config()
{
	dpkg -L $CONFIG_PKG | grep '/config\.amd64_none_amd64\.xz$' ||
		die "$CONFIG_PKG has no config.amd64_none_amd64.xz"
}

step_config()
{
	local want

	rm -rf "$DC"
	mkdir -p "$DC_OBJ"
	xz -dc "$(debian_config)" > "$DC_OBJ/.config"
	"$KSRC/scripts/config" --file "$DC_OBJ/.config" \
		--enable GCC_PLUGINS --enable SCHED_LIVE \
		--set-str SYSTEM_TRUSTED_KEYS "" \
		--set-str SYSTEM_REVOCATION_KEYS "" \
		--set-str MODULE_SIG_KEY certs/signing_key.pem
	dc_make olddefconfig
	for want in CONFIG_GCC_PLUGINS=y CONFIG_SCHED_LIVE=y; do
		grep -qx "$want" "$DC_OBJ/.config" ||
			die "config: '$want' did not stick (missing dependency?)"
	done
	log "Debian's config ($(dpkg-query -W -f='${Version}' $CONFIG_PKG)) with:"
	diff <(xz -dc "$(debian_config)" | grep '^CONFIG_' | sort) \
		<(grep '^CONFIG_' "$DC_OBJ/.config" | sort) | grep '^[<>]' >&2 || true
}

step_build()
{
	local start=$(date +%s) module

	log "building bzImage ($JOBS jobs)"
	dc_make bzImage > "$DC/build.log" 2>&1 ||
		die "the kernel build failed; see $DC/build.log"
	# A module built outside the tree links with scripts/module.lds,
	# which "make modules_prepare" writes, and reads the exports of the
	# kernel from Module.symvers, which only "make modules" writes:
	# vmlinux's part of it is all these modules need, and not Debian's
	# thousands of modules.
	dc_make modules_prepare >> "$DC/build.log" 2>&1 ||
		die "modules_prepare failed; see $DC/build.log"
	cp "$DC_OBJ/vmlinux.symvers" "$DC_OBJ/Module.symvers"
	log "building the test modules"
	dc_make headers
	make -s -C "$KSRC/tools/testing/selftests" TARGETS=sched_live \
		KDIR="$DC_OBJ" CC="ccache gcc" \
		KHDR_INCLUDES="-isystem $DC_OBJ/usr/include" \
		INSTALL_PATH="$DC/kselftest" install > "$DC/modules.log" 2>&1 ||
		die "building the test modules failed; see $DC/modules.log"
	for module in "$DC"/kselftest/sched_live/test_modules/*.ko; do
		"$DC_OBJ/scripts/sign-file" sha256 "$DC_OBJ/certs/signing_key.pem" \
			"$DC_OBJ/certs/signing_key.x509" "$module"
	done
	DC_BUILD_TIME=$(( $(date +%s) - start ))
	log "bzImage and mysched built in ${DC_BUILD_TIME}s"
}

step_boot()
{
	stage_guest_mode demo "$DC/stage"
	rm -rf "$DC/stage/kselftest"
	cp -a "$DC/kselftest" "$DC/stage/kselftest"
	pack_initramfs "$DC/stage" "$DC/initramfs.cpio"
	GUEST_OUT=$DC/guest GUEST_KERNEL="$DC_OBJ/arch/x86/boot/bzImage" \
		GUEST_INITRD="$DC/initramfs.cpio" \
		GUEST_APPEND=guest_mode=demo bash "$HARNESS/run-guest.sh" >/dev/null
	strip_cr "$DC/guest/results.tap" | grep -v '^# guest-'
	[ "$(strip_cr "$DC/guest/results.tap" | grep -c '^downtime: .* result 0,')" = 2 ] ||
		die "the guest did not switch both ways; see $DC/guest/console.log"
}

step_config
step_build
step_boot
log "distro-check passed: Debian's config, build ${DC_BUILD_TIME}s"
