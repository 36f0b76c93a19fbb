#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What a switch does to wake-up latency, as figures (not a test):
# cyclictest's worst and mean latency while a loop switches between
# builtin and mysched without pause, against the same run without
# switches, in the same boot (harness/guest/bench-latency.sh), on
# BENCH_CPUS vCPUs (2).  A switch stops every CPU, so the worst case is
# expected near the switch's downtime; the mean shows how often that
# happens.  Host time: the guest's clock must be the real one for
# cyclictest's timers, so the spread of the quiet runs is part of the
# figure.  Prints the medians and writes every run to
# build/bench-latency/latency.csv and a plot to latency.png.  Needs
# build/obj and build/initramfs from a test run; takes about 5 minutes.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

OUT=$BUILD/bench-latency

[ -f "$KOBJ/arch/x86/boot/bzImage" ] && [ -d "$GUEST_ROOT" ] ||
	die "run harness/check.sh first: it builds the kernel and the guest"
bash "$HARNESS/install-deps.sh" bench
rm -rf "$OUT"
mkdir -p "$OUT"

stage_guest_mode bench-latency "$OUT/stage"
pack_initramfs "$OUT/stage" "$OUT/initramfs.cpio"

log "cyclictest quiet and during switches, ${BENCH_ROUNDS:-3} rounds"
GUEST_INITRD=$OUT/initramfs.cpio GUEST_CPUS=${BENCH_CPUS:-2} GUEST_TIMEOUT=1800 \
	GUEST_OUT=$OUT/guest \
	GUEST_APPEND="guest_mode=bench-latency bench_rounds=${BENCH_ROUNDS:-3} bench_seconds=${BENCH_SECONDS:-20}" \
	bash "$HARNESS/run-guest.sh"
strip_cr "$OUT/guest/results.tap" > "$OUT/guest.txt"
grep -q '^latency: ' "$OUT/guest.txt" || die "no figures from the guest"
echo "vcpus,mode,max_us,avg_us,switches" > "$OUT/latency.csv"
sed -n "s/^latency: \([a-z]*\) max \([0-9]*\) avg \([0-9]*\) switches \([0-9]*\)$/${BENCH_CPUS:-2},\1,\2,\3,\4/p" \
	"$OUT/guest.txt" >> "$OUT/latency.csv"

# Debian's python, which has the python3-matplotlib the packages bring.
/usr/bin/python3 - "$OUT" <<'PY'
import csv, statistics, sys

out = sys.argv[1]
rows = list(csv.DictReader(open(f"{out}/latency.csv")))
med = {}
for mode in ("quiet", "burst"):
    sel = [r for r in rows if r["mode"] == mode]
    mx = [int(r["max_us"]) for r in sel]
    avg = [int(r["avg_us"]) for r in sel]
    med[mode] = statistics.median(mx)
    print(f"cyclictest {mode:<5}: worst latency median {med[mode]:.0f} us "
          f"(runs {', '.join(map(str, mx))}), mean median {statistics.median(avg):.0f} us, "
          f"{sum(int(r['switches']) for r in sel)} switches in {len(sel)} runs")
print(f"worst latency during switches / quiet: {med['burst'] / med['quiet']:.1f}")

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
for x, mode in enumerate(("quiet", "burst")):
    ys = [int(r["max_us"]) for r in rows if r["mode"] == mode]
    ax.scatter([x] * len(ys), ys, label=mode)
ax.set_xticks([0, 1])
ax.set_xticklabels(["no switches", "switching builtin <-> mysched"])
ax.set_yscale("log")
ax.set_ylabel("cyclictest worst latency (us)")
ax.set_title("sched_live: wake-up latency during switches")
fig.tight_layout()
fig.savefig(f"{out}/latency.png", dpi=100)
print(f"written: {out}/latency.csv, {out}/latency.png")
PY
