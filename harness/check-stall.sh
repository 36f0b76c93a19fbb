#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A CPU late in the switch's stopped window, on purpose: boot the guest in
# its "stall" mode (harness/guest/stall.sh), where the fault injection of
# CONFIG_SCHED_LIVE_FAULT_INJECTION makes the last CPU spin with
# interrupts off before it finishes its detach, first for 3 s, then for
# good.  The kernel must report the late CPU with a backtrace and roll the
# first switch back; the second stops the guest, and run-guest.sh must
# find it silent and say where each vCPU is.  Prints one "ok"/"not ok"
# line per check.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

OUT=$BUILD/stall
CPUS=4
LATE=$((CPUS - 1))
# The injection of a switch to mysched: the window's report, then the
# switch's line.
REPORT="sched_live: switch to 'mysched' abandoned: CPU[0-9]+ waited [0-9]+ ms for CPU$LATE \(late CPUs: 1\) to finish phase 'detach'; every CPU undoes its part"
ROLLED_BACK="sched_live: switch to 'mysched' rolled back: a CPU was late in it; 'builtin' stays active"

rm -rf "$OUT"
mkdir -p "$OUT"
stage_guest_mode stall "$OUT/root"
pack_initramfs "$OUT/root" "$OUT/initramfs.cpio"
GUEST_OUT=$OUT GUEST_INITRD=$OUT/initramfs.cpio GUEST_CPUS=$CPUS \
	GUEST_APPEND=guest_mode=stall GUEST_SILENCE=30 GUEST_TIMEOUT=600 \
	"$HARNESS/run-guest.sh" > "$OUT/run-guest.log" 2>&1
status=$?

# The console without carriage returns and timestamps, read once: with
# pipefail, "grep -q" in a pipe fails a writer it stops reading.
CONSOLE=$OUT/console.txt
strip_time "$OUT/console.log" > "$CONSOLE"

# The guest's own checks.
strip_cr "$OUT/results.tap" | grep -E '^(not )?ok ' | sed -E 's/^(not )?ok /&stall: /'

[ "$(grep -cE "^$REPORT\$" "$CONSOLE")" -eq 2 ]
result $? "stall: both late CPUs reported, the one that came back and the one that did not"
grep -qx "$ROLLED_BACK" "$CONSOLE"
result $? "stall: the switch with the late CPU rolled back"
# The NMI backtrace of the late CPU, up to the next line of the window.
sed -n "/^NMI backtrace for cpu $LATE\$/,/sched_live/p" "$CONSOLE" |
	grep -c 'sched_live_window_stall' > /dev/null
result $? "stall: the report has a backtrace of CPU$LATE in the stall"

[ "$status" -ne 0 ] && grep -q 'guest hung: it printed nothing' "$OUT/run-guest.log"
result $? "stall: run-guest.sh found the guest silent"
grep -qE "^  CPU$LATE " "$OUT/hang.txt" 2>/dev/null &&
	sed -n "/^  CPU$LATE /,/stack:/p" "$OUT/hang.txt" |
	grep -c 'sched_live_window_stall' > /dev/null
result $? "stall: its vCPU dump finds CPU$LATE in the stall"
