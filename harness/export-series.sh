#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Regenerate patches/ from the commits on top of "base" in a kernel tree
# (build/linux unless given), and copy the files the series creates into
# this repository's overlay directories.
#
#   harness/export-series.sh [KERNEL_TREE]
set -euo pipefail
. "$(dirname "$0")/lib.sh"

tree=${1:-$KSRC}
git -C "$tree" rev-parse -q --verify base >/dev/null ||
	die "$tree has no 'base' tag; is it a tree made by apply-series.sh?"
[ -z "$(git -C "$tree" status --porcelain --untracked-files=no)" ] ||
	die "$tree has uncommitted changes; commit them first"
# Whitespace errors, found before the series is exported, with the tree's
# .gitattributes (a seven-character RST heading underline is not a
# conflict marker).
whitespace=$(git -C "$tree" diff --check base HEAD |
	grep -E '^[^+].*:[0-9]+: ' | grep -v ': leftover conflict marker$' || true)
[ -z "$whitespace" ] || die "the series adds whitespace errors:
$whitespace"

# --zero-commit and --no-signature keep the files stable from one export to
# the next; no cover letter, since "git am patches/*" would choke on it.
rm -f "$TOP"/patches/*.patch
mkdir -p "$TOP/patches"
git -C "$tree" format-patch -q --zero-commit --no-signature --no-cover-letter \
	-o "$TOP/patches" base..HEAD
log "patches/: $(ls "$TOP/patches" | wc -l) patches"

for path in "${OVERLAY_PATHS[@]}"; do
	rm -rf "${TOP:?}/$path"
	git -C "$tree" ls-files -z -- "$path" |
		while IFS= read -r -d '' file; do
			mkdir -p "$TOP/$(dirname "$file")"
			git -C "$tree" show "HEAD:$file" > "$TOP/$file"
			[ ! -x "$tree/$file" ] || chmod +x "$TOP/$file"
		done
done
log "overlay updated from $(git -C "$tree" rev-parse --short HEAD)"
