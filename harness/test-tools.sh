#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the boundary tools of the applied series (scripts/sched_live) with
# CMake and run their CTest suite.  Prints one result line per test.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

SRC=$KSRC/scripts/sched_live
OUT=$BUILD/tools

rm -rf "$OUT"
if ! cmake -S "$SRC" -B "$OUT" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null ||
   ! cmake --build "$OUT" -j"$JOBS" >/dev/null; then
	echo "not ok tools: scripts/sched_live builds with CMake"
	exit 1
fi
echo "ok tools: scripts/sched_live builds with CMake"

# ctest prints " 3/87 Test  #3: Suite.Case ......   Passed    0.01 sec".
ctest --test-dir "$OUT" -j"$JOBS" 2>&1 | awk '
	/ Test +#[0-9]+: / {
		name = $0
		sub(/.* Test +#[0-9]+: /, "", name)
		sub(/ .*/, "", name)
		ran++
		if ($0 ~ / Passed /)
			print "ok ctest: " name
		else
			print "not ok ctest: " name
	}
	END {
		if (!ran)
			print "not ok ctest: no test ran"
	}'
