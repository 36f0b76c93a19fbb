#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Where every vCPU of a running guest is, from QEMU's human monitor:
#
#   harness/dump-vcpus.sh SOCKET SYSTEM_MAP [SAMPLES]
#
# For each of SAMPLES samples (3 by default, 2 s apart) the guest is
# stopped, and each vCPU's RIP, whether it has interrupts enabled (IF) and
# whether it is halted are printed, with the RIP symbolised from
# SYSTEM_MAP, and so are the kernel text addresses found in the top of its
# stack, innermost first: candidate return addresses, not an unwound
# backtrace.  Then the guest continues.  run-guest.sh calls this when a
# guest goes silent; with GUEST_MONITOR=SOCKET it serves for a guest one
# watches by hand too.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -ge 2 ] || die "usage: $0 SOCKET SYSTEM_MAP [SAMPLES]"
SOCKET=$1
SYSTEM_MAP=$2
SAMPLES=${3:-3}
# How many words of each stack are searched for text addresses.
STACK_WORDS=64

# monitor COMMAND... - run human monitor commands, print what they print,
# without the prompts and the line editing the monitor echoes back
monitor()
{
	printf '%s\n' "$@" |
		socat -t 5 - "UNIX-CONNECT:$SOCKET" |
		tr -d '\r' | { grep -v -e '^(qemu) ' -e '^QEMU .* monitor' || true; }
}

# symbolise - replace each kernel text address (16 hex digits, alone in
# its field) read from stdin by SYMBOL+0xOFFSET; modules' addresses and
# those outside any text symbol stay as they are
symbolise()
{
	awk -v map="$SYSTEM_MAP" '
		function hex(s,   i, n) {
			n = 0
			for (i = 1; i <= length(s); i++)
				n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
			return n
		}
		# Fixed-width lower-case hex compares as text in address order.
		function lookup(a,   lo, hi, mid) {
			if (a < addr[1] || a >= etext)
				return a
			lo = 1; hi = n
			while (lo < hi) {
				mid = int((lo + hi + 1) / 2)
				if (addr[mid] <= a) lo = mid; else hi = mid - 1
			}
			return sprintf("%s+0x%x", name[lo],
				       hex(substr(a, 9)) - hex(substr(addr[lo], 9)))
		}
		BEGIN {
			while ((getline line < map) > 0) {
				split(line, f, " ")
				if (f[3] == "_etext")
					etext = f[1]
				if (f[2] !~ /^[tTwW]$/)
					continue
				addr[++n] = f[1]; name[n] = f[3]
			}
			if (!n)
				exit 1
		}
		{
			for (i = 1; i <= NF; i++)
				if (length($i) == 16 && $i ~ /^[0-9a-f]+$/)
					$i = lookup($i)
			print
		}'
}

# registers - "CPU RIP RFLAGS RSP HLT" for each vCPU, from one stopped guest
registers()
{
	local cpus=() cpu

	mapfile -t cpus < <(monitor "info cpus" |
		sed -n 's/^[* ] CPU #\([0-9]*\):.*/\1/p')
	for cpu in "${cpus[@]}"; do
		monitor "cpu $cpu" "info registers" | awk -v cpu="$cpu" '
			{
				for (i = 1; i <= NF; i++) {
					split($i, kv, "=")
					r[kv[1]] = tolower(kv[2])
				}
			}
			END { print cpu, r["RIP"], r["RFL"], r["RSP"], r["HLT"] }'
	done
}

# stack CPU RSP - the kernel text addresses in the top of a vCPU's stack
stack()
{
	monitor "cpu $1" "x /${STACK_WORDS}gx 0x$2" |
		grep -o '0xffffffff8[0-9a-f]*' | sed 's/^0x//' | symbolise |
		grep -v '^ffffffff' | awk '!seen[$0]++' | head -n 12 | paste -sd' '
}

[ -S "$SOCKET" ] || die "no monitor socket at $SOCKET"
[ -r "$SYSTEM_MAP" ] || die "no System.map at $SYSTEM_MAP"
for sample in $(seq "$SAMPLES"); do
	monitor stop > /dev/null
	echo "vCPUs, sample $sample of $SAMPLES:"
	# All registers first: the monitor takes one client at a time.
	mapfile -t regs < <(registers)
	for line in "${regs[@]}"; do
		read -r cpu rip rflags rsp halted <<< "$line"
		printf '  CPU%s %s IF=%d%s\n' "$cpu" \
			"$(echo "$rip" | symbolise)" \
			$(( (16#$rflags >> 9) & 1 )) \
			"$([ "$halted" = 1 ] && echo ' halted')"
		printf '    stack: %s\n' "$(stack "$cpu" "$rsp")"
	done
	monitor cont > /dev/null
	[ "$sample" -eq "$SAMPLES" ] || sleep 2
done
