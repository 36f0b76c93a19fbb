#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What a switch costs, as figures (not a test): the downtime (the
# switch's stop_machine()) and the whole switch between builtin and
# mysched, with 100, 1,000 and 10,000 sleeping threads besides CPU hogs, a
# fork loop and SCHED_FIFO and SCHED_DEADLINE threads, on 2 and 4 vCPUs;
# each as a ratio to an empty stop_machine() timed in the same boot, just
# before the switch (test module test_sched_live_stopwatch).  Also the
# stack check per task of the system.
#
# Writes the switches to build/bench-switch/switch.csv and a plot to
# build/bench-switch/switch.png, and prints the medians.  Needs build/obj
# and build/initramfs from a test run.  BENCH_CPUS, BENCH_THREADS and
# BENCH_ROUNDS change the vCPU counts ("2 4"), the thread counts
# ("100,1000,10000") and the round trips per count (5).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

OUT=$BUILD/bench-switch
THREADS=${BENCH_THREADS:-100,1000,10000}
ROUNDS=${BENCH_ROUNDS:-5}

[ -f "$KOBJ/arch/x86/boot/bzImage" ] && [ -d "$GUEST_ROOT" ] ||
	die "run harness/check.sh first: it builds the kernel and the guest"
bash "$HARNESS/install-deps.sh" bench
rm -rf "$OUT"
mkdir -p "$OUT"

stage_guest_mode bench-switch "$OUT/stage"
pack_initramfs "$OUT/stage" "$OUT/initramfs.cpio"

for cpus in ${BENCH_CPUS:-2 4}; do
	log "$cpus vCPUs, threads $THREADS, $ROUNDS round trips each"
	GUEST_INITRD=$OUT/initramfs.cpio GUEST_CPUS=$cpus GUEST_TIMEOUT=3600 \
		GUEST_APPEND="guest_mode=bench-switch bench_rounds=$ROUNDS bench_threads=$THREADS" \
		bash "$HARNESS/run-guest.sh"
	strip_cr "$GUEST_DIR/results.tap" > "$OUT/guest-$cpus.txt"
	sed -n 's/^bench-switch: /  /p' "$OUT/guest-$cpus.txt"
	grep -q '^csv:' "$OUT/guest-$cpus.txt" || die "no figures from the guest"
done

# Debian's python, which has the python3-matplotlib the packages bring.
/usr/bin/python3 - "$OUT" "$THREADS" <<'PY'
import csv, glob, statistics, sys

out, threads = sys.argv[1], sys.argv[2].split(",")
rows = []
for path in sorted(glob.glob(f"{out}/guest-*.txt")):
    lines = [l[4:].strip() for l in open(path) if l.startswith("csv:")]
    rows += list(csv.DictReader(lines))
with open(f"{out}/switch.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=rows[0].keys())
    w.writeheader()
    w.writerows(rows)

failed = [r for r in rows if r["result"] != "0"]
print(f"{len(rows)} switches, {len(failed)} failed")
print(f"{'vCPUs':>5} {'threads':>7} {'tasks':>6} {'direction':<20} "
      f"{'baseline':>9} {'downtime':>9} {'ratio':>6} {'total':>9} {'ratio':>6} "
      f"{'check/task':>10}")
# The successful switches of each point: vCPUs, threads, direction.
point = lambda r: (int(r["vcpus"]), int(r["threads"]), r["from"], r["to"])
points = {key: [r for r in rows if point(r) == key and r["result"] == "0"]
          for key in sorted({point(r) for r in rows})}
series = {}
for key, sel in points.items():
    med = lambda k: statistics.median(int(r[k]) for r in sel)
    base, down, total = med("baseline_ns"), med("stop_machine_ns"), med("total_ns")
    per_task = statistics.median(int(r["check_ns"]) / int(r["system_tasks"]) for r in sel)
    vcpus, n, src, dst = key
    print(f"{vcpus:>5} {n:>7} {int(sel[0]['system_tasks']):>6} {src + ' -> ' + dst:<20} "
          f"{base / 1e3:>7.0f}us {down / 1e3:>7.0f}us {down / base:>6.1f} "
          f"{total / 1e3:>7.0f}us {total / base:>6.1f} {per_task:>8.0f}ns")
    series.setdefault((vcpus, src, dst), []).append((n, down / base))

# Where the downtime goes: each part of stop_machine_ns (last_switch).
parts = ["enter", "check", "detach", "flip", "adopt", "attach", "leave"]
print("\nmedian parts of the downtime, us")
print(f"{'vCPUs':>5} {'threads':>7} {'direction':<20} "
      + " ".join(f"{p:>7}" for p in parts))
for (vcpus, n, src, dst), sel in points.items():
    print(f"{vcpus:>5} {n:>7} {src + ' -> ' + dst:<20} "
          + " ".join(f"{statistics.median(int(r[p + '_ns']) for r in sel) / 1e3:>7.0f}"
                     for p in parts))

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(7, 4.5))
for (vcpus, src, dst), points in sorted(series.items()):
    xs, ys = zip(*sorted(points))
    ax.plot(xs, ys, marker="o", label=f"{src} -> {dst}, {vcpus} vCPUs")
ax.set_xscale("log")
ax.set_xlabel("sleeping threads")
ax.set_ylabel("downtime / empty stop_machine()")
ax.set_title("sched_live switch downtime (median)")
ax.grid(True, which="both", alpha=0.3)
ax.legend()
fig.tight_layout()
fig.savefig(f"{out}/switch.png", dpi=100)
print(f"written: {out}/switch.csv, {out}/switch.png")
PY
