#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Configure (tinyconfig + harness/lean.config) and build the kernel in
# build/obj with ccache.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# merge_config.sh only warns when a symbol does not stick (a dependency is
# missing); for a test kernel that is an error.
verify_config()
{
	local want

	while read -r want; do
		grep -qx "$want" "$KOBJ/.config" ||
			die "config: '$want' did not stick (missing dependency?)"
	done < <(grep '^CONFIG_' "$HARNESS/lean.config")
}

configure_kernel
verify_config
log "building kernel ($JOBS jobs)"
start=$(date +%s)
kmake bzImage modules
log "kernel built in $(( $(date +%s) - start ))s"
