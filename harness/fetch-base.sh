#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install Debian's linux-source-6.12 (the pinned version, or the newest 6.12
# with a warning), unpack it and make it a git repository with one base
# commit, tagged "base".  The repository is kept in the cache and reused.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

installed_version()
{
	dpkg-query -W -f='${Version}' "$BASE_PKG" 2>/dev/null || true
}

install_source_package()
{
	local have
	have=$(installed_version)
	[ "$have" = "$BASE_PIN" ] && return
	[ "$(id -u)" -eq 0 ] || die "$BASE_PKG $BASE_PIN is not installed; run as root"

	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	if apt-get install -y -qq --no-install-recommends \
			"$BASE_PKG=$BASE_PIN" >/dev/null 2>&1; then
		return
	fi
	log "WARNING: $BASE_PKG $BASE_PIN is no longer available;"
	log "WARNING: falling back to the newest $BASE_PKG, which the series was NOT tested on"
	apt-get install -y -qq --no-install-recommends "$BASE_PKG" >/dev/null
	log "WARNING: using $BASE_PKG $(installed_version)"
}

make_base_repository()
{
	local version=$1 dir=$CACHE/base tmp
	local tarball=/usr/src/$BASE_PKG.tar.xz

	if [ "$(cat "$dir/VERSION" 2>/dev/null)" = "$version" ] &&
	   git -C "$dir/linux" rev-parse -q --verify base >/dev/null; then
		log "base tree $version cached"
		return
	fi

	log "unpacking $BASE_PKG $version"
	rm -rf "$dir"
	tmp=$CACHE/base.tmp
	rm -rf "$tmp"
	mkdir -p "$tmp"
	tar -C "$tmp" -xf "$tarball"
	mv "$tmp/$BASE_PKG" "$tmp/linux"

	# Debian's tarball ends its .gitignore with a packaging block that
	# ignores every top-level entry ("/*", then "!/debian/").  Drop it, or
	# the base commit would hold almost nothing.
	# The block is the last six lines: a blank line, "#", two comment
	# lines, "#", then the two patterns.
	grep -qx '!/debian/' "$tmp/linux/.gitignore" ||
		die "unexpected .gitignore in $tarball; check the Debian block"
	sed -i '/^# Debian packaging/,$d' "$tmp/linux/.gitignore"
	sed -i '$d' "$tmp/linux/.gitignore"	# the "#" opening the block
	sed -i '${/^$/d}' "$tmp/linux/.gitignore"

	(
		cd "$tmp/linux"
		git init -q -b master
		git config user.name "sched_live base"
		git config user.email "sched_live@localhost"
		git config core.autocrlf false
		# The tarball is pristine source: every file in it belongs to
		# the base, including dotfiles that .gitignore matches.
		git add -A -f .
		GIT_AUTHOR_DATE=2025-01-01T00:00:00Z \
			GIT_COMMITTER_DATE=2025-01-01T00:00:00Z \
			git commit -q -m "Linux $version (Debian $BASE_PKG)"
		git tag base
		# Files git ignores but the tarball ships would make the tree
		# and the commit differ; none may exist.
		local untracked
		untracked=$(git status --porcelain --ignored | head -5)
		[ -z "$untracked" ] ||
			die "base commit misses files from the tarball: $untracked"
	)
	echo "$version" > "$tmp/VERSION"
	mv "$tmp" "$dir"
	log "base commit $(git -C "$dir/linux" rev-parse --short base) for $version"
}

install_source_package
make_base_repository "$(installed_version)"
