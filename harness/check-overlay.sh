#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The overlay directories of this repository must hold exactly the files
# that the series creates under those paths, with the same content; and
# every file the series creates must sit under an overlay path.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

series_files()
{
	git -C "$KSRC" diff --name-only --diff-filter=A base..HEAD | sort
}

overlay_files()
{
	local path

	for path in "${OVERLAY_PATHS[@]}"; do
		(cd "$TOP" && { [ -d "$path" ] && find "$path" -type f || \
			{ [ -f "$path" ] && echo "$path"; }; })
	done | sort
}

under_overlay()
{
	local path

	for path in "${OVERLAY_PATHS[@]}"; do
		case "$1" in
		"$path"|"$path"/*) return 0 ;;
		esac
	done
	return 1
}

status=0
while read -r file; do
	if ! under_overlay "$file"; then
		echo "# series creates $file, which is under no overlay path"
		status=1
	elif [ ! -f "$TOP/$file" ]; then
		echo "# series creates $file, missing from the overlay"
		status=1
	elif ! git -C "$KSRC" show "HEAD:$file" | cmp -s - "$TOP/$file"; then
		echo "# $file differs between the overlay and the series"
		status=1
	fi
done < <(series_files)

comm -13 <(series_files) <(overlay_files) | sed 's/^/# overlay has a file the series does not create: /'
[ -z "$(comm -13 <(series_files) <(overlay_files))" ] || status=1

if [ $status -eq 0 ]; then
	echo "ok overlay: matches the files the series creates"
else
	echo "not ok overlay: matches the files the series creates"
fi
