#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A crash under a module scheduler says so: boot the guest in its "crash"
# mode (harness/guest/crash.sh), which switches to mysched and crashes the
# kernel on purpose with SysRq-c.  The report must name mysched as the
# active scheduler and show the kernel tainted as live patched ('K').
# Prints one "ok"/"not ok" line per check.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

OUT=$BUILD/crash
ACTIVE="Sched_live: active scheduler 'mysched', last module scheduler 'mysched'"

rm -rf "$OUT"
mkdir -p "$OUT"
stage_guest_mode crash "$OUT/root"
pack_initramfs "$OUT/root" "$OUT/initramfs.cpio"
GUEST_OUT=$OUT GUEST_INITRD=$OUT/initramfs.cpio GUEST_APPEND=guest_mode=crash \
	GUEST_TIMEOUT=600 "$HARNESS/run-guest.sh" > "$OUT/run-guest.log" 2>&1

# The console without carriage returns and timestamps, read once.
CONSOLE=$OUT/console.txt
strip_time "$OUT/console.log" > "$CONSOLE"

# The guest's own steps.
strip_cr "$OUT/results.tap" | grep -E '^(not )?ok ' | sed -E 's/^(not )?ok /&crash: /'

grep -qx "Kernel panic - not syncing: sysrq triggered crash" "$CONSOLE"
result $? "crash: the kernel crashed on purpose"
grep -qx "$ACTIVE" "$CONSOLE"
result $? "crash: the report names mysched as the active scheduler"
grep -qE '^Tainted: .*\[K\]=LIVEPATCH' "$CONSOLE"
result $? "crash: the report shows the kernel tainted as live patched"
