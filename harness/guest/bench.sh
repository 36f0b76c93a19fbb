#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The guest's part of harness/bench-hotpath.sh: perf bench sched pipe,
# perf bench sched messaging and hackbench, one run each per round and
# scheduler.  bench_schedulers=builtin,extracted (the default) switches
# between builtin and the unmodified extracted scheduler module in every
# round, builtin first in odd rounds and second in even ones, so that
# neither always runs first; "builtin" alone runs the rounds without
# switching.  One "bench:" line per run.  pipe runs both its tasks on
# CPU 0: the context switch itself, not where the wakee lands, which makes
# its figures bimodal.  Pipes only (perf's -p, hackbench's --pipe): the
# test kernel has no networking.

T=/kselftest/sched_live
rounds=${bench_rounds:-6}
loops=${bench_loops:-20000}
groups=${bench_groups:-5}
messages=${bench_messages:-50}
schedulers=$(echo "${bench_schedulers:-builtin,extracted}" | tr , " ")

# run SCHEDULER - one run of each benchmark under SCHEDULER
run()
{
	echo "$1" > /sys/kernel/sched_live/active || exit 1
	taskset -c 0 perf bench sched pipe -l "$loops" |
		sed -n "s|^ *\([0-9.]*\) usecs/op\$|bench: $1 pipe \1|p"
	perf bench sched messaging -p -g "$groups" -l "$messages" |
		sed -n "s|^ *Total time: \([0-9.]*\) \[sec\]\$|bench: $1 messaging \1|p"
	hackbench --pipe --groups "$groups" --loops "$messages" |
		sed -n "s|^Time: \([0-9.]*\)\$|bench: $1 hackbench \1|p"
}

case $schedulers in
*extracted*) insmod $T/test_modules/sched_live_extracted.ko || exit 1 ;;
esac
set -- $schedulers
for round in $(seq "$rounds"); do
	if [ $# -eq 1 ]; then
		run "$1"
	elif [ $((round % 2)) -eq 1 ]; then
		run "$1"
		run "$2"
	else
		run "$2"
		run "$1"
	fi
done
echo builtin > /sys/kernel/sched_live/active
