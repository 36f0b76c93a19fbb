#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The main job: from a fresh machine, fetch the base, apply the series,
# build, boot the guest, switch live to mysched and back, and print the
# downtime of each switch.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

"$HARNESS/install-deps.sh"
"$HARNESS/fetch-base.sh"
"$HARNESS/apply-series.sh"
"$HARNESS/build-kernel.sh"
"$HARNESS/build-guest.sh"
GUEST_APPEND=guest_mode=demo "$HARNESS/run-guest.sh"

echo "The scheduler boundary this build computed (build/obj/kernel/sched/live/boundary.md):"
sed -n '/^## Counts/,/^## Interface/p' "$KOBJ/kernel/sched/live/boundary.md" | sed '1d;$d'

strip_cr "$GUEST_DIR/results.tap" | grep -v '^# guest-'
strip_cr "$GUEST_DIR/results.tap" | grep -q '^# guest-done$' ||
	die "the guest did not finish; see build/guest/console.log"
[ "$(strip_cr "$GUEST_DIR/results.tap" | grep -c '^downtime: .* result 0,')" = 2 ] ||
	die "a switch failed; see build/guest/console.log"
