#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot build/obj's bzImage with build/initramfs.cpio in QEMU (TCG) under a
# hard timeout (with SCHED_LIVE_KERNEL=distro: build/obj-distro's, with
# build/initramfs-distro.cpio, output in build/guest-distro).  The console
# goes to build/guest/console.log, the guest's TAP to
# build/guest/results.tap.  The guest powers itself off; panics
# reboot, which -no-reboot turns into an exit; anything else is killed by
# the timeout.  A guest that prints nothing on either port for
# GUEST_SILENCE seconds (300) has hung: where each vCPU is
# (harness/dump-vcpus.sh) and what the kernel says of its CPUs and its
# blocked tasks when asked with SysRq (harness/sysrq-guest.sh) go to
# build/guest/hang.txt and to stderr, a SysRq list of every task to the
# console log, and only then is QEMU killed.  Exits non-zero only when QEMU could not run, hung or
# timed out.
# GUEST_KERNEL and GUEST_INITRD boot another bzImage or initramfs
# (GUEST_SYSTEM_MAP names the kernel's System.map if it is not in the
# bzImage's build directory), GUEST_CPUS and
# GUEST_APPEND change the vCPUs and the command line, GUEST_OUT the
# directory of the files; GUEST_MONITOR=SOCKET puts the QEMU monitor on
# that unix socket rather than one in GUEST_OUT, for watching the guest by
# hand; GUEST_ICOUNT=1 runs the vCPUs in one thread on a clock that
# counts their instructions (QEMU -icount), for benchmarks whose time
# should measure the guest's work rather than the host's load;
# GUEST_TCG_THREAD=single|multi overrides how the vCPUs share host
# threads (below);
# GUEST_NOISE=N runs N CPU hogs on the host while the guest runs, each
# pinned to one host CPU in turn, so that the vCPUs are preempted at
# moments nobody chose, as on a busy machine or a cloud VM.  With
# GUEST_NOISE_AFTER=PID the hogs start only when that process has ended:
# until then it is the host's other work (check.sh builds a kernel).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

CPUS=${GUEST_CPUS:-4}
TIMEOUT=${GUEST_TIMEOUT:-1800}
OUT=${GUEST_OUT:-$GUEST_DIR}
SILENCE=${GUEST_SILENCE:-300}
KERNEL=${GUEST_KERNEL:-$KOBJ/arch/x86/boot/bzImage}
# The System.map of the kernel's build directory, unless said otherwise.
SYSTEM_MAP=${GUEST_SYSTEM_MAP:-${KERNEL%/arch/x86/boot/bzImage}/System.map}
# tsc=reliable: under TCG the TSC and the HPET both follow the host's
# clock, and what the clocksource watchdog takes for TSC skew is the host
# preempting a vCPU between its two reads.  On a busy host it switches the
# guest to the HPET, whose every read traps to QEMU under its global lock:
# the guest then runs an order of magnitude slower, and its tests time out.
# sysrq_always_enabled: a hung guest is asked where it is with SysRq.
APPEND="console=ttyS0 panic=-1 oops=panic printk.devkmsg=on log_buf_len=4M tsc=reliable sysrq_always_enabled ${GUEST_APPEND:-}"

# The distro kernel boots the way distro kernels run: on two sockets of
# two-thread cores (SMT, which core scheduling needs), each socket a NUMA
# node with half of the memory, and with the second node's CPUs in full
# dynticks (nohz_full), CPU 0 keeping the housekeeping.
SMP=$CPUS
TOPOLOGY=()
if [ "$TEST_KERNEL" = distro ] && [ $((CPUS % 4)) -eq 0 ]; then
	half=$((CPUS / 2))
	SMP=$CPUS,sockets=2,cores=$((CPUS / 4)),threads=2
	TOPOLOGY=(-object memory-backend-ram,id=mem0,size=512M
		  -object memory-backend-ram,id=mem1,size=512M
		  -numa node,nodeid=0,cpus=0-$((half - 1)),memdev=mem0
		  -numa node,nodeid=1,cpus=$half-$((CPUS - 1)),memdev=mem1)
	APPEND+=" nohz_full=$half-$((CPUS - 1))"
fi

# How QEMU runs the vCPUs: one host thread each (multi), or all of them
# in turn on one (single).  The distro kernel's run in turn.  Its jump
# labels are rewritten by text_poke_bp() while the other CPUs run, and
# the multi-threaded TCG of QEMU 7.2 (Debian bookworm's) now and then
# goes on executing the temporary int3 after the rewrite has finished and
# every CPU has serialized: the kernel, rightly, finds no patch in progress
# and oopses ("Oops: int3" at a static branch).  The same kernel flipping
# a scheduler feature key every 5 ms while every CPU wakes timer sleepers
# through it oopses within seconds on multi-threaded TCG and never in
# minutes on single-threaded TCG.  The lean kernel has no jump labels and
# keeps a thread per vCPU, so that its races run truly in parallel.
TCG_THREAD=${GUEST_TCG_THREAD:-multi}
[ "$TEST_KERNEL" != distro ] || TCG_THREAD=${GUEST_TCG_THREAD:-single}
[ -z "${GUEST_ICOUNT:-}" ] || TCG_THREAD=single

MONITOR=${GUEST_MONITOR:-$OUT/monitor.sock}
CONSOLE=$OUT/console.sock
# What a SysRq key asked for is printed once the console has been quiet
# for SYSRQ_QUIET seconds, or after SYSRQ_MAX seconds at most.
SYSRQ_QUIET=3
SYSRQ_MAX=60

ICOUNT=()
[ -z "${GUEST_ICOUNT:-}" ] || ICOUNT=(-icount shift=0,sleep=off)

HOGS=()
stop_noise()
{
	[ ${#HOGS[@]} -eq 0 ] || kill "${HOGS[@]}" 2>/dev/null || true
}
trap stop_noise EXIT
for i in $(seq "${GUEST_NOISE:-0}"); do
	taskset -c $(( (i - 1) % $(nproc) )) bash -c '
		while [ -n "$1" ] && kill -0 "$1" 2>/dev/null; do sleep 1; done
		while :; do :; done' hog "${GUEST_NOISE_AFTER:-}" &
	HOGS+=($!)
done
if [ ${#HOGS[@]} -gt 0 ] && [ -n "${GUEST_NOISE_AFTER:-}" ]; then
	log "host noise: process ${GUEST_NOISE_AFTER}, then ${#HOGS[@]} CPU hogs"
elif [ ${#HOGS[@]} -gt 0 ]; then
	log "host noise: ${#HOGS[@]} CPU hogs"
fi

mkdir -p "$OUT"
rm -f "$OUT/console.log" "$OUT/results.tap" "$OUT/hang.txt" "$MONITOR" "$CONSOLE"
: > "$OUT/console.log"
: > "$OUT/results.tap"

# console_size - how much the guest has printed on its console
console_size()
{
	stat -c %s "$OUT/console.log"
}

# output_size - how much the guest has printed on both ports
output_size()
{
	echo $(( $(console_size) + $(stat -c %s "$OUT/results.tap") ))
}

# ask_kernel KEY... - press SysRq keys and print what the kernel answered,
# once its console has been quiet for a while
ask_kernel()
{
	local before=$(console_size) size printed=-1 waited=0

	"$HARNESS/sysrq-guest.sh" "$MONITOR" "$CONSOLE" "$@" || return
	while [ $waited -lt $SYSRQ_MAX ]; do
		sleep $SYSRQ_QUIET
		waited=$((waited + SYSRQ_QUIET))
		size=$(console_size)
		[ "$size" != "$printed" ] || break
		printed=$size
	done
	tail -c +$((before + 1)) "$OUT/console.log" | tr -d '\r'
}

# report_hang - where every vCPU is, what the kernel says of its CPUs and
# blocked tasks, then what the guest printed last
report_hang()
{
	local lines

	{
		echo "guest printed nothing for ${SILENCE}s; last console line:"
		echo "  $(strip_cr "$OUT/console.log" | tail -n 1)"
		echo "last test output:"
		echo "  $(strip_cr "$OUT/results.tap" | tail -n 1)"
		"$HARNESS/dump-vcpus.sh" "$MONITOR" "$SYSTEM_MAP" ||
			echo "(the vCPUs could not be read)"
		echo "what the kernel says (SysRq l: the CPUs, w: blocked tasks):"
		ask_kernel l w | sed 's/^/  /'
		lines=$(strip_cr "$OUT/console.log" | wc -l)
		ask_kernel t > /dev/null
		echo "every task (SysRq t): console.log from line $((lines + 1))"
	} > "$OUT/hang.txt" 2>&1
	sed 's/^/[sched_live] /' "$OUT/hang.txt" >&2
}

log "booting guest: $CPUS vCPUs, TCG ($TCG_THREAD-threaded), timeout ${TIMEOUT}s"
start=$(date +%s)
timeout -k 10 "$TIMEOUT" qemu-system-x86_64 \
	-machine pc -accel tcg,thread="$TCG_THREAD" -cpu max -smp "$SMP" -m 1G "${TOPOLOGY[@]}" "${ICOUNT[@]}" \
	-kernel "$KERNEL" \
	-initrd "${GUEST_INITRD:-$GUEST_CPIO}" \
	-append "$APPEND" \
	-display none -no-reboot \
	-monitor unix:"$MONITOR",server,nowait \
	-chardev socket,id=console,path="$CONSOLE",server=on,wait=off,logfile="$OUT/console.log" \
	-serial chardev:console \
	-serial file:"$OUT/results.tap" </dev/null &
qemu=$!

# The watch: the guest prints at least every few seconds while it works.
printed=-1
quiet_since=$(date +%s)
hung=
while kill -0 $qemu 2>/dev/null; do
	sleep 5
	size=$(output_size)
	if [ "$size" != "$printed" ]; then
		printed=$size
		quiet_since=$(date +%s)
	elif [ $(( $(date +%s) - quiet_since )) -ge "$SILENCE" ]; then
		hung=1
		report_hang
		kill $qemu 2>/dev/null || true
		break
	fi
done
rc=0
wait $qemu || rc=$?
rm -f "$MONITOR" "$CONSOLE"
log "guest ran $(( $(date +%s) - start ))s"

[ -z "$hung" ] || die "guest hung: it printed nothing for ${SILENCE}s; where its vCPUs were is in $OUT/hang.txt"
case $rc in
0) ;;
124|137) die "guest timed out after ${TIMEOUT}s" ;;
*) die "qemu exited with $rc" ;;
esac
