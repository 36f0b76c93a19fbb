#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What CONFIG_SCHED_LIVE costs the scheduler's hot path while builtin is
# active, as figures (not a test).  The test kernel (=y) and the same
# config with =n boot in turn, three times each, in one run; every boot
# runs perf bench sched pipe and perf bench sched messaging three times
# (harness/guest/bench.sh).  perf is built from the applied tree's
# tools/perf, without optional libraries.  Prints the median and spread
# per kernel and benchmark, and the ratio of the medians.
#
# The guests run with QEMU's -icount: the guest clock counts instructions,
# so the figures measure the work each kernel does, not the host's load,
# which makes TCG's host-time figures swing by 10% from run to run.
# BENCH_ICOUNT=0 measures host time instead; read that ratio together
# with the spread.
#
# Needs build/obj and build/initramfs from a test run.  Takes about 10
# minutes on 2 cores.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

NOBJ=$BUILD/bench-hot-n
OUT=$BUILD/bench-hot
PERF=$BUILD/perf
LOOPS=${BENCH_LOOPS:-20000}
ICOUNT=1
[ "${BENCH_ICOUNT:-1}" = 1 ] || ICOUNT=

[ -f "$KOBJ/arch/x86/boot/bzImage" ] && [ -d "$BUILD/initramfs" ] ||
	die "run harness/check.sh first: it builds the kernel and the guest"
rm -rf "$OUT"
mkdir -p "$OUT" "$NOBJ" "$PERF"

log "the same kernel with SCHED_LIVE=n"
cp "$KOBJ/.config" "$NOBJ/.config"
"$KSRC/scripts/config" --file "$NOBJ/.config" -d SCHED_LIVE
KOBJ=$NOBJ kmake olddefconfig >/dev/null
KOBJ=$NOBJ kmake bzImage >/dev/null
grep -q '^CONFIG_SCHED_LIVE=y' "$NOBJ/.config" && die "SCHED_LIVE is still on"

log "perf from tools/perf"
# Only the benchmarks are needed: every optional library is left out.
make -s -C "$KSRC/tools/perf" O="$PERF" -j"$JOBS" WERROR=0 \
	NO_LIBELF=1 NO_LIBTRACEEVENT=1 NO_LIBPYTHON=1 NO_LIBPERL=1 NO_SLANG=1 \
	NO_GTK2=1 NO_LIBUNWIND=1 NO_LIBDW_DWARF_UNWIND=1 NO_LIBBPF=1 \
	NO_JEVENTS=1 NO_LIBCRYPTO=1 NO_LIBNUMA=1 NO_LIBCAP=1 NO_LIBBABELTRACE=1 \
	NO_ZLIB=1 NO_LIBZSTD=1 NO_LZMA=1 NO_AUXTRACE=1 NO_LIBLLVM=1 \
	NO_DEMANGLE=1 NO_SDT=1 NO_LIBPFM4=1 >"$OUT/perf-build.log" 2>&1 ||
	die "perf did not build; see $OUT/perf-build.log"

cp -a "$BUILD/initramfs" "$OUT/stage"
install -m 0755 "$PERF/perf" "$OUT/stage/perf"
# perf is linked dynamically: its libraries and loader go along.
for lib in $(ldd "$PERF/perf" | grep -o '/[^ ]*'); do
	mkdir -p "$OUT/stage$(dirname "$lib")"
	cp -L "$lib" "$OUT/stage$lib"
done
install -m 0755 "$HARNESS/guest/bench.sh" "$OUT/stage/bench.sh"
install -m 0755 "$HARNESS/guest/init" "$OUT/stage/init"
pack_initramfs "$OUT/stage" "$OUT/initramfs.cpio"

# run_bench y|n - one boot; appends its figures to $OUT/<bench>-<kernel>.txt
run_bench()
{
	local kernel=$KOBJ/arch/x86/boot/bzImage

	[ "$1" = n ] && kernel=$NOBJ/arch/x86/boot/bzImage
	GUEST_KERNEL=$kernel GUEST_INITRD=$OUT/initramfs.cpio \
		GUEST_CPUS=${BENCH_CPUS:-2} GUEST_TIMEOUT=900 \
		GUEST_ICOUNT=$ICOUNT \
		GUEST_APPEND="guest_mode=bench bench_loops=$LOOPS" \
		bash "$HARNESS/run-guest.sh" >/dev/null
	strip_cr "$BUILD/guest/results.tap" > "$OUT/boot.txt"
	sed -n 's/^bench pipe: \([0-9.]*\) usecs\/op$/\1/p' "$OUT/boot.txt" >> "$OUT/pipe-$1.txt"
	sed -n 's/^bench messaging: \([0-9.]*\) sec$/\1/p' "$OUT/boot.txt" >> "$OUT/messaging-$1.txt"
}

for round in 1 2 3; do
	log "round $round of 3"
	run_bench y
	run_bench n
done

python3 - "$OUT" "${ICOUNT:+instruction-counted guest time}" <<'PY'
import statistics, sys

out = sys.argv[1]
print(f"clock: {sys.argv[2] or 'host time'}")
for bench, unit in (("pipe", "usecs/op"), ("messaging", "sec")):
    medians = []
    for kernel, label in (("y", "SCHED_LIVE=y, builtin active"), ("n", "SCHED_LIVE=n")):
        path = f"{out}/{bench}-{kernel}.txt"
        values = [float(v) for v in open(path).read().split()]
        if len(values) != 9:
            sys.exit(f"expected 9 figures in {path}, got {len(values)}")
        medians.append(statistics.median(values))
        print(f"perf bench sched {bench}, {label}: median {medians[-1]:.3f} {unit}, "
              f"min {min(values):.3f}, max {max(values):.3f} (9 runs)")
    y, n = medians
    print(f"perf bench sched {bench}: ratio y/n of the medians {y / n:.3f} "
          f"({(y / n - 1) * 100:+.1f}%)")
PY
