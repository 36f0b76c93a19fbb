#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What the scheduler's hot path costs as a module, as figures (not a
# test): perf bench sched pipe, perf bench sched messaging and hackbench
# with the unmodified extracted scheduler active as a module against
# builtin, alternating in the same boot (harness/guest/bench.sh), in
# BENCH_BOOTS boots (2) of BENCH_ROUNDS rounds (6).  Prints the median and
# spread per scheduler and benchmark and the ratio of the medians, writes
# every run to build/bench-hot/hotpath.csv and a plot to hotpath.png.
#
# BENCH_CONFIG=1 adds what CONFIG_SCHED_LIVE=y itself costs with builtin
# active: the test kernel and the same config with =n boot in turn,
# BENCH_BOOTS times each, every boot running the rounds under builtin.
#
# perf is built from the applied tree's tools/perf, without optional
# libraries; hackbench is Debian's (rt-tests).  The guests run with
# QEMU's -icount: the guest clock counts instructions, so the figures
# measure the work each kernel does, not the host's load, which makes
# TCG's host-time figures swing by 10% from run to run.  BENCH_ICOUNT=0
# measures host time instead; read that ratio together with the spread.
#
# Needs build/obj and build/initramfs from a test run.  Takes about 15
# minutes on 2 cores, 30 with BENCH_CONFIG=1.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

NOBJ=$BUILD/bench-hot-n
OUT=$BUILD/bench-hot
PERF=$BUILD/perf
BOOTS=${BENCH_BOOTS:-2}
ROUNDS=${BENCH_ROUNDS:-6}
ICOUNT=1
[ "${BENCH_ICOUNT:-1}" = 1 ] || ICOUNT=

[ -f "$KOBJ/arch/x86/boot/bzImage" ] && [ -d "$GUEST_ROOT" ] ||
	die "run harness/check.sh first: it builds the kernel and the guest"
bash "$HARNESS/install-deps.sh" bench
rm -rf "$OUT"
mkdir -p "$OUT" "$PERF"

log "perf from tools/perf"
# Only the benchmarks are needed: every optional library is left out.
make -s -C "$KSRC/tools/perf" O="$PERF" -j"$JOBS" WERROR=0 \
	NO_LIBELF=1 NO_LIBTRACEEVENT=1 NO_LIBPYTHON=1 NO_LIBPERL=1 NO_SLANG=1 \
	NO_GTK2=1 NO_LIBUNWIND=1 NO_LIBDW_DWARF_UNWIND=1 NO_LIBBPF=1 \
	NO_JEVENTS=1 NO_LIBCRYPTO=1 NO_LIBNUMA=1 NO_LIBCAP=1 NO_LIBBABELTRACE=1 \
	NO_ZLIB=1 NO_LIBZSTD=1 NO_LZMA=1 NO_AUXTRACE=1 NO_LIBLLVM=1 \
	NO_DEMANGLE=1 NO_SDT=1 NO_LIBPFM4=1 >"$OUT/perf-build.log" 2>&1 ||
	die "perf did not build; see $OUT/perf-build.log"

stage_guest_mode bench "$OUT/stage"
stage_program "$OUT/stage" "$PERF/perf" /usr/bin/perf
pack_initramfs "$OUT/stage" "$OUT/initramfs.cpio"

echo "part,boot,kernel,scheduler,benchmark,value" > "$OUT/hotpath.csv"

# run_boot PART BOOT KERNEL SCHEDULERS - one boot of KERNEL (y or n) that
# runs the rounds under SCHEDULERS; appends its figures to the CSV
run_boot()
{
	local kernel=$KOBJ/arch/x86/boot/bzImage

	[ "$3" = n ] && kernel=$NOBJ/arch/x86/boot/bzImage
	GUEST_KERNEL=$kernel GUEST_INITRD=$OUT/initramfs.cpio \
		GUEST_CPUS=${BENCH_CPUS:-2} GUEST_TIMEOUT=3600 GUEST_SILENCE=900 \
		GUEST_ICOUNT=$ICOUNT GUEST_OUT=$OUT/guest \
		GUEST_APPEND="guest_mode=bench bench_rounds=$ROUNDS bench_schedulers=$4" \
		bash "$HARNESS/run-guest.sh" >/dev/null
	strip_cr "$OUT/guest/results.tap" > "$OUT/$1-$2-$3.txt"
	grep -q '^bench: ' "$OUT/$1-$2-$3.txt" || die "no figures from the guest"
	sed -n "s/^bench: \([a-z]*\) \([a-z]*\) \([0-9.]*\)$/$1,$2,$3,\1,\2,\3/p" \
		"$OUT/$1-$2-$3.txt" >> "$OUT/hotpath.csv"
}

for boot in $(seq "$BOOTS"); do
	log "module against builtin: boot $boot of $BOOTS, $ROUNDS rounds"
	run_boot module "$boot" y builtin,extracted
done

if [ "${BENCH_CONFIG:-0}" = 1 ]; then
	log "the same kernel with SCHED_LIVE=n"
	mkdir -p "$NOBJ"
	cp "$KOBJ/.config" "$NOBJ/.config"
	"$KSRC/scripts/config" --file "$NOBJ/.config" -d SCHED_LIVE
	KOBJ=$NOBJ kmake olddefconfig >/dev/null
	KOBJ=$NOBJ kmake bzImage >/dev/null
	grep -q '^CONFIG_SCHED_LIVE=y' "$NOBJ/.config" && die "SCHED_LIVE is still on"
	for boot in $(seq "$BOOTS"); do
		log "SCHED_LIVE=y against =n: boot $boot of $BOOTS"
		run_boot config "$boot" y builtin
		run_boot config "$boot" n builtin
	done
fi

# Debian's python, which has the python3-matplotlib the packages bring.
/usr/bin/python3 - "$OUT" "${ICOUNT:+instruction-counted guest time}" <<'PY'
import csv, statistics, sys

out, clock = sys.argv[1], sys.argv[2] or "host time"
rows = list(csv.DictReader(open(f"{out}/hotpath.csv")))
units = {"pipe": "us/op", "messaging": "s", "hackbench": "s"}
comparisons = {
    "module": ("scheduler", "extracted", "builtin",
               "extracted module / builtin, same boot"),
    "config": ("kernel", "y", "n", "SCHED_LIVE=y / =n, builtin active"),
}
print(f"clock: {clock}")
print(f"{'comparison':<38} {'benchmark':<10} {'median A':>10} {'spread A':>17} "
      f"{'median B':>10} {'spread B':>17} {'A/B':>7}")
plot = []
for part, (key, a, b, label) in comparisons.items():
    for bench, unit in units.items():
        values = {}
        for side in (a, b):
            values[side] = [float(r["value"]) for r in rows
                            if r["part"] == part and r["benchmark"] == bench
                            and r[key] == side]
        if not values[a] or not values[b]:
            continue
        ma, mb = statistics.median(values[a]), statistics.median(values[b])
        spread = lambda v: f"{min(v):.3f}-{max(v):.3f}"
        print(f"{label:<38} {bench:<10} {ma:>10.3f} {spread(values[a]):>17} "
              f"{mb:>10.3f} {spread(values[b]):>17} {ma / mb:>7.3f}  "
              f"({(ma / mb - 1) * 100:+.1f}%, {len(values[a])} runs each, {unit})")
        plot.append((f"{bench}\n{part}", [v / mb for v in values[a]],
                     [v / mb for v in values[b]]))

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(8, 4.5))
for i, (name, va, vb) in enumerate(plot):
    ax.boxplot([va, vb], positions=[3 * i, 3 * i + 1], widths=0.8)
ax.set_xticks([3 * i + 0.5 for i in range(len(plot))])
ax.set_xticklabels([p[0] for p in plot])
ax.axhline(1.0, color="grey", lw=0.8)
ax.set_ylabel("time / median of the baseline\n(left: module or =y, right: builtin or =n)")
ax.set_title(f"sched_live hot path ({clock})")
fig.tight_layout()
fig.savefig(f"{out}/hotpath.png", dpi=100)
print(f"written: {out}/hotpath.csv, {out}/hotpath.png")
PY
