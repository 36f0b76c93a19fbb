#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Lay a fresh kernel tree in build/linux from the cached base commit and
# apply patches/ with "git am".  git am applies with no fuzz.  Whitespace
# is checked when the series is exported (export-series.sh), with the
# tree's .gitattributes, which git am cannot see for the files a patch
# adds: the sample's .diff has a space before the tab of every indented
# context line.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

base_version >/dev/null
rm -rf "$KSRC"
link_build_dir
# --shared borrows the cached objects: the clone costs a checkout only.
git clone -q --shared --branch master "$CACHE/base/linux" "$KSRC"
git -C "$KSRC" config user.name "sched_live developers"
git -C "$KSRC" config user.email "sched-live@lists.invalid"

shopt -s nullglob
patches=("$TOP"/patches/*.patch)
[ ${#patches[@]} -gt 0 ] || die "no patches in patches/"
log "applying ${#patches[@]} patches on $(base_version)"
git -C "$KSRC" am -q --whitespace=nowarn "${patches[@]}" ||
	die "git am failed; the series does not apply to $(base_version)"
