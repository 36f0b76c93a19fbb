#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What CONFIG_SCHED_LIVE costs the scheduler's hot path while builtin is
# active, as figures (not a test).  The test kernel (=y) and the same
# config with =n boot in turn, three times each, in one run; every boot
# runs a pipe ping-pong three times (harness/guest/pipebench.c: two wakeups
# and two context switches per round trip, as perf bench sched pipe).
# Prints the median and spread per kernel and the ratio of the medians.
# QEMU's TCG is noisy: read the ratio together with the spread.
#
# Needs build/obj and build/initramfs from a test run.  Takes about 5
# minutes on 2 cores.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

NOBJ=$BUILD/bench-hot-n
OUT=$BUILD/bench-hot
LOOPS=${BENCH_LOOPS:-20000}

[ -f "$KOBJ/arch/x86/boot/bzImage" ] && [ -d "$BUILD/initramfs" ] ||
	die "run harness/check.sh first: it builds the kernel and the guest"
rm -rf "$OUT"
mkdir -p "$OUT" "$NOBJ"

log "the same kernel with SCHED_LIVE=n"
cp "$KOBJ/.config" "$NOBJ/.config"
"$KSRC/scripts/config" --file "$NOBJ/.config" -d SCHED_LIVE
KOBJ=$NOBJ kmake olddefconfig >/dev/null
KOBJ=$NOBJ kmake bzImage >/dev/null
grep -q '^CONFIG_SCHED_LIVE=y' "$NOBJ/.config" && die "SCHED_LIVE is still on"

gcc -static -O2 -Wall -o "$OUT/pipebench" "$HARNESS/guest/pipebench.c"
cp -a "$BUILD/initramfs" "$OUT/stage"
install -m 0755 "$OUT/pipebench" "$OUT/stage/pipebench"
install -m 0755 "$HARNESS/guest/init" "$OUT/stage/init"
pack_initramfs "$OUT/stage" "$OUT/initramfs.cpio"

# run_bench y|n - one boot; appends its figures to $OUT/<kernel>.txt
run_bench()
{
	local kernel=$KOBJ/arch/x86/boot/bzImage

	[ "$1" = n ] && kernel=$NOBJ/arch/x86/boot/bzImage
	GUEST_KERNEL=$kernel GUEST_INITRD=$OUT/initramfs.cpio \
		GUEST_CPUS=${BENCH_CPUS:-2} GUEST_TIMEOUT=600 \
		GUEST_APPEND="guest_mode=bench bench_loops=$LOOPS" \
		bash "$HARNESS/run-guest.sh" >/dev/null
	strip_cr "$BUILD/guest/results.tap" |
		sed -n 's/^pipebench: .*, \([0-9]*\) ns per round trip$/\1/p' >> "$OUT/$1.txt"
}

for round in 1 2 3; do
	log "round $round of 3"
	run_bench y
	run_bench n
done

python3 - "$OUT/y.txt" "$OUT/n.txt" <<'PY'
import statistics, sys

runs = {}
for label, path in (("SCHED_LIVE=y, builtin active", sys.argv[1]),
                    ("SCHED_LIVE=n", sys.argv[2])):
    values = [int(v) for v in open(path).read().split()]
    if len(values) != 9:
        sys.exit(f"expected 9 figures in {path}, got {len(values)}")
    runs[label] = values
    print(f"{label}: median {statistics.median(values):.0f} ns per round trip, "
          f"min {min(values)}, max {max(values)} (9 runs)")
y, n = (statistics.median(v) for v in runs.values())
print(f"ratio y/n of the medians: {y / n:.3f} ({(y / n - 1) * 100:+.1f}%)")
PY
