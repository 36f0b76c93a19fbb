#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Configure the test kernel (tinyconfig + its fragments, harness/lib.sh)
# and build it in build/obj (build/obj-distro for SCHED_LIVE_KERNEL=distro)
# with ccache.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# merge_config.sh only warns when a symbol does not stick (a dependency is
# missing); for a test kernel that is an error.  The last fragment to set
# a symbol has the last word.
verify_config()
{
	local symbol want

	while read -r symbol want; do
		case $want in
		n)
			! grep -q "^$symbol=" "$KOBJ/.config" ;;
		*)
			grep -qx "$symbol=$want" "$KOBJ/.config" ;;
		esac || die "config: '$symbol' is not '$want' (missing dependency?)"
	done < <(config_fragments | xargs cat |
		sed -n -e 's/^\(CONFIG_[A-Z0-9_]*\)=\(.*\)$/\1 \2/p' \
		       -e 's/^# \(CONFIG_[A-Z0-9_]*\) is not set$/\1 n/p' |
		awk '{ value[$1] = $2; if (!($1 in order)) order[$1] = n++ }
		     END { for (s in order) print order[s], s, value[s] }' |
		sort -n | cut -d' ' -f2-)
}

configure_kernel
verify_config
log "building the $TEST_KERNEL kernel ($JOBS jobs)"
start=$(date +%s)
kmake bzImage modules
log "kernel built in $(( $(date +%s) - start ))s"
