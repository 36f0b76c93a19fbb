#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The guest's part of harness/bench-latency.sh: cyclictest, one SCHED_FIFO
# thread per CPU waking every millisecond, for bench_seconds (20) at a
# time: once quiet, once while a loop switches between builtin and mysched
# as fast as it can, in bench_rounds (3) rounds, the order alternating.
# One "latency:" line per run with the worst and the mean wake-up latency
# over all threads, in microseconds, and the number of switches.

T=/kselftest/sched_live
SYSFS=/sys/kernel/sched_live
STOP=/tmp/bench-latency.stop
rounds=${bench_rounds:-3}
seconds=${bench_seconds:-20}

# switch_burst - switch there and back until stopped; print the count
switch_burst()
{
	local n=0

	while [ ! -e $STOP ]; do
		echo mysched > $SYSFS/active && echo builtin > $SYSFS/active &&
			n=$((n + 2))
	done
	echo $n > $STOP.count
}

# run quiet|burst - one cyclictest run
run()
{
	local switches=0

	rm -f $STOP $STOP.count
	[ "$1" = burst ] && switch_burst &
	cyclictest -q -m -p 95 -t -a -i 1000 -D "$seconds" > /tmp/cyclictest.out 2>&1 ||
		sed "s/^/cyclictest: /" /tmp/cyclictest.out
	if [ "$1" = burst ]; then
		touch $STOP
		wait
		switches=$(cat $STOP.count)
	fi
	awk -v mode="$1" -v switches="$switches" '
		/^T:/ {
			for (i = 1; i <= NF; i++) {
				if ($i == "Max:") max = $(i + 1) > max ? $(i + 1) : max
				if ($i == "Avg:") { sum += $(i + 1); n++ }
			}
		}
		END {
			if (n) printf "latency: %s max %d avg %d switches %d\n",
				mode, max, sum / n, switches
		}' /tmp/cyclictest.out
}

insmod $T/test_modules/mysched.ko || exit 1
for round in $(seq "$rounds"); do
	if [ $((round % 2)) -eq 1 ]; then
		run quiet
		run burst
	else
		run burst
		run quiet
	fi
done
echo builtin > $SYSFS/active
rmmod mysched
