#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What the boundary tools cost the kernel build, as figures (not a test):
#  1. with CONFIG_SCHED_LIVE=n, vmlinux built with the boundary tools'
#     patches is compared byte for byte with vmlinux built without them,
#     same config (the patches after them change kernel code, such as the
#     module loader, whose line numbers reach the image through
#     might_sleep(); that comparison is printed too);
#  2. cold builds without ccache of the series with CONFIG_SCHED_LIVE=n and
#     =y, in the same run, and their ratio;
#  3. in the =y tree: a cold build of the extracted scheduler module, then
#     one line of kernel/sched/fair.c changed: the time to rebuild vmlinux
#     and the module, and what was rebuilt.
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
series_head=$(git -C "$KSRC" symbolic-ref -q --short HEAD || git -C "$KSRC" rev-parse HEAD)
# commit_titled TITLE - the series commit with that subject
commit_titled()
{
	git -C "$KSRC" log --format='%H %s' base..HEAD |
		awk -v title="$1" '{ hash = $1; sub(/^[^ ]* /, ""); if ($0 == title) print hash }'
}
tools_first=$(commit_titled 'scripts/sched_live: add the boundary facts plugin and analyser')
tools_last=$(commit_titled "sched_live: extract the scheduler's module sources during the build")
[ -n "$tools_first" ] && [ -n "$tools_last" ] || die "cannot find the tools' patches"

# build_at COMMIT OBJ - vmlinux of that commit with SCHED_LIVE=n
build_at()
{
	git -C "$KSRC" checkout -q --detach "$1"
	bench_build "$KSRC" "$2" n >/dev/null
}

# A failed build, or the one-line change, must not stay in build/linux.
trap 'git -C "$KSRC" checkout -q "$series_head" && git -C "$KSRC" checkout -q -- kernel/sched/fair.c' EXIT
log "1/5 SCHED_LIVE=n: before the tools, with them, the whole series"
build_at "$tools_first^" "$BUILD/bench-obj-before"
build_at "$tools_last" "$BUILD/bench-obj-tools"
build_at "$series_head" "$BUILD/bench-obj-n"
git -C "$KSRC" checkout -q "$series_head"
log "2/5 base tree, SCHED_LIVE=n"
build_at base "$BUILD/bench-obj-base"
git -C "$KSRC" checkout -q "$series_head"
identical=no
cmp -s "$BUILD/bench-obj-before/vmlinux" "$BUILD/bench-obj-tools/vmlinux" && identical=yes
echo "vmlinux with SCHED_LIVE=n identical without and with the boundary tools: $identical"
identical=no
cmp -s "$BUILD/bench-obj-base/vmlinux" "$BUILD/bench-obj-n/vmlinux" && identical=yes
echo "vmlinux with SCHED_LIVE=n, whole series, identical to the base tree's: $identical"
[ -z "$SKIP_COLD" ] || exit 0

log "3/5 series, SCHED_LIVE=n, cold (no ccache)"
cold_n=$(CCACHE_DISABLE=1 bench_build "$KSRC" "$BENCH/obj-cold-n" n)
log "4/5 series, SCHED_LIVE=y, cold (no ccache)"
cold_y=$(CCACHE_DISABLE=1 bench_build "$KSRC" "$BENCH/obj-cold-y" y)

echo "cold build, SCHED_LIVE=n: ${cold_n}s"
echo "cold build, SCHED_LIVE=y: ${cold_y}s"
awk -v n="$cold_n" -v y="$cold_y" \
	'BEGIN { printf "ratio y/n: %.3f (%+.1f%%)\n", y / n, (y / n - 1) * 100 }'

# build_module OBJ - the extracted scheduler of that build; prints seconds
build_module()
{
	local start KOBJ=$1
	local live=$KOBJ/kernel/sched/live

	start=$(date +%s)
	CCACHE_DISABLE=1 kmake M="$live/extracted" \
		KBUILD_EXTRA_SYMBOLS="$live/boundary.symvers" modules >/dev/null
	echo $(( $(date +%s) - start ))
}

log "5/5 extracted module, then one line of kernel/sched/fair.c changed"
obj=$BENCH/obj-cold-y
# Module.symvers of vmlinux, which modpost checks the module against.
CCACHE_DISABLE=1 KOBJ=$obj kmake modules >/dev/null
module_cold=$(build_module "$obj")
touch "$BENCH/before-change"
sleep 1
# A line of code the module keeps (a shared variable's initializer would
# leave the extracted sources as they are: it is vmlinux's).
sed -i 's/^\(\tcfs_rq->avg_vruntime += key \* weight\);/\1 + 0;/' \
	"$KSRC/kernel/sched/fair.c"
git -C "$KSRC" diff --quiet -- kernel/sched/fair.c && die "the one-line change did not apply"
start=$(date +%s)
CCACHE_DISABLE=1 KOBJ=$obj kmake vmlinux >/dev/null
rebuild=$(( $(date +%s) - start ))
module_rebuild=$(build_module "$obj")
git -C "$KSRC" checkout -q -- kernel/sched/fair.c

echo "extracted module, cold: ${module_cold}s"
echo "one line of fair.c changed: vmlinux rebuilt in ${rebuild}s, module in ${module_rebuild}s"
echo "objects rebuilt: $(cd "$obj" && find . -name '*.o' -newer "$BENCH/before-change" |
	sed 's:^\./::' | sort | tr '\n' ' ')"
echo "extracted sources rewritten: $(cd "$obj/kernel/sched/live/extracted" &&
	find . -type f \( -name '*.[ch]' -o -name Kbuild \) -newer "$BENCH/before-change" |
	sed 's:^\./::' | sort | tr '\n' ' ')"
