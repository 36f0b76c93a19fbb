#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel build extracted the scheduler: the tree in build/obj builds as
# a module against the built kernel with no error and no warning, the
# module orders its classes as vmlinux does, vmlinux carries the table of
# the symbols the module may link against, and extracting again writes
# the same bytes.  One result line per check; the figures as comments.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

LIVE=$KOBJ/kernel/sched/live
TREE=$LIVE/extracted
MODULE=$TREE/sched_live_extracted.ko


if [ ! -f "$TREE/Kbuild" ] || [ ! -f "$LIVE/boundary_symtab.c" ]; then
	echo "not ok extracted: the kernel build wrote the tree and the symbol table"
	exit 0
fi
echo "ok extracted: the kernel build wrote the tree and the symbol table"

mkdir -p "$BUILD/logs"
build_log=$BUILD/logs/extracted-module.log
rm -f "$MODULE"
kmake M="$TREE" KBUILD_EXTRA_SYMBOLS="$LIVE/boundary.symvers" modules \
	> "$build_log" 2>&1
status=$?
problems=$(grep -c -E -i '(warning|error)[: ]' "$build_log")
[ "$status" = 0 ] && [ "$problems" = 0 ] && [ -f "$MODULE" ]
result $? "extracted: the tree builds as a module with 0 errors and 0 warnings (found $problems; log in build/logs)"
grep -E -i '(warning|error)[: ]' "$build_log" | head -5 | sed 's/^/#   /'

# for_each_class() walks the module's own classes, highest to lowest.
order=$(nm -n "$MODULE" 2>/dev/null |
	sed -n 's/^[0-9a-f]* [Rr] \(__sched_class_highest\|__sched_class_lowest\|[a-z]*_sched_class\)$/\1/p' |
	tr '\n' ' ')
[ "$order" = "__sched_class_highest stop_sched_class dl_sched_class rt_sched_class fair_sched_class idle_sched_class __sched_class_lowest " ]
result $? "extracted: the module's classes lie between its own highest and lowest, in vmlinux's order"

symbols=$(grep -c . "$LIVE/boundary.symvers")
grep -q ' sched_live_symbols$' <(nm "$KOBJ/vmlinux") &&
	[ "$(grep -c $'^\t{ "' "$LIVE/boundary_symtab.c")" = "$symbols" ]
result $? "extracted: vmlinux carries the table of the $symbols unexported symbols the module uses"

implements=$(cat "$TREE"/*.c | grep -c '^SCHED_LIVE_IMPLEMENTS(')
published=$(nm "$KOBJ/vmlinux" | grep -c ' __sched_live\.')
echo "# $(ls "$TREE"/*.c | wc -l) C files, $implements interface functions implemented," \
     "$symbols table symbols ($published published statics in vmlinux)," \
     "module $(stat -c %s "$MODULE" 2>/dev/null || echo 0) bytes"

again=$(mktemp -d)
"$KOBJ/scripts/sched_live/sched-boundary-extract" \
	--config "$KSRC/kernel/sched/live/boundary.conf" --srctree "$KSRC" \
	--outside "$LIVE/boundary.json.outside" \
	--exports "$LIVE/boundary_symtab.c.exports" \
	--defined "$LIVE/boundary_symtab.c.defined" \
	--tree "$again/tree" --symtab "$again/symtab.c" --symvers "$again/symvers" \
	"$KOBJ"/kernel/sched/{core,fair,build_policy,build_utility}.facts
same=0
for file in "$again"/tree/*; do
	cmp -s "$file" "$TREE/$(basename "$file")" || same=1
done
cmp -s "$again/symtab.c" "$LIVE/boundary_symtab.c" || same=1
cmp -s "$again/symvers" "$LIVE/boundary.symvers" || same=1
result $same "extracted: a second extraction writes byte-identical sources and tables"
rm -rf "$again"
