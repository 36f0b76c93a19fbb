#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Static checks of the series, one result line each:
#  - checkpatch.pl --strict on every patch: no errors; a warning or check
#    passes only when the commit message justifies its type with a line
#    "checkpatch: TYPE: why";
#  - a W=1 build of kernel/sched/live with no compiler warning;
#  - sparse on kernel/sched/live with no warning;
#  - kernel-doc comments of the series' C files without warnings (of the
#    files it only changes, without warnings it adds).
# Needs a configured build/obj (build-kernel.sh).
set -uo pipefail
. "$(dirname "$0")/lib.sh"

# checkpatch's SPDX check runs python3 with ply and git from Debian.
export PATH=/usr/bin:$PATH

check_patch()
{
	local patch=$1 name out types type unjustified=

	name=$(basename "$patch")
	out=$(cd "$KSRC" && perl scripts/checkpatch.pl --strict --show-types \
		--no-summary --terse "$patch" 2>&1)
	if echo "$out" | grep -q ': ERROR:'; then
		echo "$out" | sed 's/^/#   /'
		echo "not ok checkpatch: $name"
		return
	fi
	types=$(echo "$out" | sed -n 's/.*: \(WARNING\|CHECK\):\([A-Z_]*\):.*/\2/p' | sort -u)
	for type in $types; do
		grep -q "^checkpatch: $type: " "$patch" || unjustified="$unjustified $type"
	done
	if [ -n "$unjustified" ]; then
		echo "$out" | sed 's/^/#   /'
		echo "# unjustified:$unjustified"
		echo "not ok checkpatch: $name"
	else
		echo "ok checkpatch: $name"
	fi
}

# kbuild_warnings MAKE_ARGS... - build kernel/sched/live afresh and print
# its warnings
kbuild_warnings()
{
	rm -f "$KOBJ"/kernel/sched/live/*.o
	kmake "$@" kernel/sched/live/ 2>&1 | grep -E 'warning:|error:'
}

report_clean()
{
	local name=$1 out=$2

	if [ -z "$out" ]; then
		echo "ok $name"
	else
		echo "$out" | sed 's/^/#   /'
		echo "not ok $name"
	fi
}

kerneldoc_warnings()
{
	local file added modified tmp

	added=$(git -C "$KSRC" diff --name-only --diff-filter=A base..HEAD -- '*.c' '*.h' |
		grep -v '^tools/')
	modified=$(git -C "$KSRC" diff --name-only --diff-filter=M base..HEAD -- '*.c' '*.h' |
		grep -v '^tools/')
	(cd "$KSRC" && perl scripts/kernel-doc -none -Wall $added 2>&1)
	# A file the series only changes: just the warnings it adds, line
	# numbers aside.
	tmp=$(mktemp -d)
	for file in $modified; do
		git -C "$KSRC" show "base:$file" > "$tmp/base"
		(cd "$KSRC" && perl scripts/kernel-doc -none -Wall "$tmp/base" 2>&1) |
			sed -e 's/^[^:]*:[0-9]*: //' | sort > "$tmp/before"
		(cd "$KSRC" && perl scripts/kernel-doc -none -Wall "$file" 2>&1) |
			sed -e 's/^[^:]*:[0-9]*: //' | sort > "$tmp/after"
		comm -13 "$tmp/before" "$tmp/after" | sed "s|^|$file: |"
	done
	rm -rf "$tmp"
}

for patch in "$TOP"/patches/*.patch; do
	check_patch "$patch"
done
report_clean "W=1: kernel/sched/live builds without warnings" \
	"$(kbuild_warnings W=1)"
report_clean "sparse: kernel/sched/live has no warnings" \
	"$(kbuild_warnings C=1)"
report_clean "kernel-doc: the series' kernel C files have no warnings" \
	"$(kerneldoc_warnings)"
