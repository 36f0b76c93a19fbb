#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# guest_mode=keyflip: rewrite a static branch in the scheduler's hot path
# over and over while every CPU runs through it.  TTWU_QUEUE is a
# scheduler feature key tested on every wakeup; cyclictest keeps a timer
# sleeper on each CPU, so every CPU wakes tasks from its timer interrupt,
# and leaves idle for it, while text_poke_bp() rewrites the branch.  Prints
# how many times the key flipped; a CPU that runs a stale int3 oopses and
# the guest stops (oops=panic).  Used by harness/tcg-textpoke.sh.
seconds=${keyflip_seconds:-60}
features=/sys/kernel/debug/sched/features
cyclictest -q -n -m -t "$(nproc)" -a -i 300 -D "$((seconds + 5))" > /dev/null &
flips=0
end=$(($(date +%s) + seconds))
while [ "$(date +%s)" -lt "$end" ]; do
	echo NO_TTWU_QUEUE > "$features" && echo TTWU_QUEUE > "$features" ||
		break
	flips=$((flips + 2))
	usleep 5000
done
wait
echo "# keyflip: $flips flips in ${seconds}s"
