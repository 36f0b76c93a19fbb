#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install the Debian bookworm packages the harness needs.  Idempotent: apt is
# only touched when a package is missing.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PACKAGES=(
	# kernel build
	build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils kmod
	rsync git perl python3 ccache
	# static checks (checkpatch's SPDX check needs ply and git for python)
	sparse python3-ply python3-git
	# guest
	qemu-system-x86 busybox-static
)

missing=()
for pkg in "${PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
	log "host packages present"
	exit 0
fi

[ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}); run as root"
log "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
