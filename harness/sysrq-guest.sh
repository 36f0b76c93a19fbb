#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Press SysRq keys on a running guest's serial console:
#
#   harness/sysrq-guest.sh MONITOR CONSOLE KEY...
#
# MONITOR is the unix socket of QEMU's human monitor, CONSOLE that of the
# console's serial port (run-guest.sh makes both).  Each KEY is a break on
# the line, which the kernel's 8250 driver takes for SysRq, then the key
# itself.  What the kernel prints goes to the console's log as usual.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -ge 3 ] || die "usage: $0 MONITOR CONSOLE KEY..."
MONITOR=$1
CONSOLE=$2
shift 2

for key in "$@"; do
	# The key must reach the port after the break, on one connection.
	{ sleep 1; printf '%s' "$key"; sleep 1; } |
		socat -t 2 - "UNIX-CONNECT:$CONSOLE" &
	sleep 0.5
	echo "chardev-send-break console" |
		socat -t 2 - "UNIX-CONNECT:$MONITOR" > /dev/null
	wait $!
done
