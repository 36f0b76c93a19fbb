#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What the boundary tools cost the kernel build, as figures (not a test):
#  1. with CONFIG_SCHED_LIVE=n, vmlinux built from the series is compared
#     byte for byte with vmlinux built from the base tree, same config;
#  2. cold builds without ccache of the series with CONFIG_SCHED_LIVE=n and
#     =y, in the same run, and their ratio.
# Needs build/linux from apply-series.sh.  Takes about 15 minutes on 2 cores.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

BENCH=$BUILD/bench
SKIP_COLD=${SKIP_COLD:-}	# set to only compare the vmlinux images

# Reproducible builds: nothing of the moment or the machine in vmlinux.
export KBUILD_BUILD_TIMESTAMP="2025-01-01 00:00:00"
export KBUILD_BUILD_USER=bench KBUILD_BUILD_HOST=bench KBUILD_BUILD_VERSION=1

# bench_build TREE OBJ LIVE(y|n) - configure and build; prints seconds
bench_build()
{
	local start

	local KSRC=$1 KOBJ=$2
	rm -rf "$KOBJ"
	configure_kernel
	if [ "$3" = n ]; then
		"$KSRC/scripts/config" --file "$KOBJ/.config" -d SCHED_LIVE
		kmake olddefconfig >/dev/null
	fi
	start=$(date +%s)
	kmake vmlinux >/dev/null
	echo $(( $(date +%s) - start ))
}

[ -z "$(git -C "$KSRC" status --porcelain --untracked-files=no)" ] ||
	die "$KSRC has uncommitted changes"
rm -rf "$BENCH" "$BUILD"/bench-obj-*
mkdir -p "$BENCH"

# Both images come from the same path, so that no file name differs; the
# object directories sit beside build/obj so that ccache's relative paths
# are those of the test runs and their objects are reused.
log "1/4 base tree, SCHED_LIVE=n"
series_head=$(git -C "$KSRC" symbolic-ref -q --short HEAD || git -C "$KSRC" rev-parse HEAD)
# A failed base build must not leave build/linux at the base.
trap 'git -C "$KSRC" checkout -q "$series_head"' EXIT
git -C "$KSRC" checkout -q --detach base
bench_build "$KSRC" "$BUILD/bench-obj-base" n >/dev/null
git -C "$KSRC" checkout -q "$series_head"
log "2/4 series, SCHED_LIVE=n"
bench_build "$KSRC" "$BUILD/bench-obj-n" n >/dev/null
if cmp -s "$BUILD/bench-obj-base/vmlinux" "$BUILD/bench-obj-n/vmlinux"; then
	identical=yes
else
	identical=no
fi
echo "vmlinux with SCHED_LIVE=n identical to the base tree's: $identical"
[ -z "$SKIP_COLD" ] || exit 0

log "3/4 series, SCHED_LIVE=n, cold (no ccache)"
cold_n=$(CCACHE_DISABLE=1 bench_build "$KSRC" "$BENCH/obj-cold-n" n)
log "4/4 series, SCHED_LIVE=y, cold (no ccache)"
cold_y=$(CCACHE_DISABLE=1 bench_build "$KSRC" "$BENCH/obj-cold-y" y)

echo "cold build, SCHED_LIVE=n: ${cold_n}s"
echo "cold build, SCHED_LIVE=y: ${cold_y}s"
awk -v n="$cold_n" -v y="$cold_y" \
	'BEGIN { printf "ratio y/n: %.3f (%+.1f%%)\n", y / n, (y / n - 1) * 100 }'
