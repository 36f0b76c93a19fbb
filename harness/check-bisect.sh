#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the kernel at every patch of the series, so that any patch can be a
# bisection point.  Walks a separate worktree of build/linux (made by
# apply-series.sh) with one object directory, so each step rebuilds only
# what the patch touched.  Prints one result line per patch.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

TREE=$BUILD/bisect
OBJ=$BUILD/bisect-obj

git -C "$KSRC" rev-parse -q --verify base >/dev/null ||
	die "no series in $KSRC; run harness/apply-series.sh"
git -C "$KSRC" worktree remove --force "$TREE" 2>/dev/null
rm -rf "$TREE"
git -C "$KSRC" worktree add -q --detach "$TREE" base || die "worktree"

failed=0
for commit in $(git -C "$KSRC" rev-list --reverse base..HEAD); do
	subject=$(git -C "$KSRC" log -1 --format=%s "$commit")
	git -C "$TREE" checkout -q "$commit"
	if (
		set -e
		KSRC=$TREE KOBJ=$OBJ
		configure_kernel
		kmake bzImage modules
	) > "$BUILD/logs/bisect-$commit.log" 2>&1; then
		echo "ok bisect: builds at '$subject'"
	else
		tail -n 20 "$BUILD/logs/bisect-$commit.log" | sed 's/^/#   /'
		echo "not ok bisect: builds at '$subject'"
		failed=1
	fi
done
git -C "$KSRC" worktree remove --force "$TREE"
exit $failed
