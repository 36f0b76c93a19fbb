#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The guest's part of harness/bench-hotpath.sh: perf bench sched pipe and
# messaging, three runs each, one line of figures per run.  messaging
# uses pipes (-p): the test kernel has no networking.

loops=${bench_loops:-20000}
groups=${bench_groups:-5}
messages=${bench_messages:-50}

for run in 1 2 3; do
	/perf bench sched pipe -l "$loops" |
		sed -n 's|^ *\([0-9.]*\) usecs/op$|bench pipe: \1 usecs/op|p'
	/perf bench sched messaging -p -g "$groups" -l "$messages" |
		sed -n 's|^ *Total time: \([0-9.]*\) \[sec\]$|bench messaging: \1 sec|p'
done
