#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install the Debian bookworm packages the harness needs.  Idempotent: apt is
# only touched when a package is missing.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PACKAGES=(
	# kernel build (pahole makes the distro-shaped kernel's BTF)
	build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils kmod
	rsync git perl python3 ccache dwarves
	# static checks (checkpatch's SPDX check needs ply and git for python)
	sparse python3-ply python3-git
	# guest
	qemu-system-x86 busybox-static
	# the monitor of a guest that hangs (harness/dump-vcpus.sh)
	socat
	# the guest's workloads (hackbench, cyclictest, stress-ng)
	rt-tests stress-ng
	# boundary tools (C++)
	cmake g++ libgtest-dev nlohmann-json3-dev
)

apt_updated=

# ensure PACKAGE... - install the packages that are missing
ensure()
{
	local pkg missing=()

	for pkg in "$@"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null |
			grep -q 'ok installed' || missing+=("$pkg")
	done
	[ ${#missing[@]} -gt 0 ] || return 0

	[ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}); run as root"
	log "installing: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	if [ -z "$apt_updated" ]; then
		apt-get update -qq
		apt_updated=1
	fi
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure "${PACKAGES[@]}"
# The benchmarks' plots: harness/install-deps.sh bench
[ "${1:-}" != bench ] || ensure python3-matplotlib
# The distribution flow: harness/install-deps.sh package
[ "${1:-}" != package ] || ensure debhelper debootstrap dpkg-dev
# Debian's own config (harness/distro-check.sh): the config, and what it
# builds with (the bzImage is zstd-compressed)
[ "${1:-}" != distro-check ] || ensure linux-config-6.12 zstd
# The GCC plugin must be built against the headers of the gcc that runs it.
ensure "gcc-$(gcc -dumpversion | cut -d. -f1)-plugin-dev"
log "host packages present"
