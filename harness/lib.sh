# SPDX-License-Identifier: GPL-2.0
#
# Shared settings of the sched_live harness scripts.  Sourced, not run.

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HARNESS=$TOP/harness

# Everything that may be reused by a later run (the unpacked base tree as a
# git repository, ccache) lives outside the clone, so a fresh clone in CI
# does not redo it.  So does the build directory: the kernel puts its
# absolute source path into compiler flags (-fmacro-prefix-map), which
# ccache cannot rewrite, so a tree whose path changes with the clone would
# never hit the cache.  The clone gets a "build" symlink to it.
CACHE=${SCHED_LIVE_CACHE:-$HOME/.cache/sched_live}
BUILD=${SCHED_LIVE_BUILD:-$CACHE/build}
KSRC=$BUILD/linux

# The test kernel: "lean" (tinyconfig + harness/lean.config) or "distro"
# (the same + harness/distro.config, shaped like Debian's 6.12 amd64
# kernel, booted on two NUMA nodes with nohz_full CPUs).  Each has its own
# objects, guest root, guest output and QEMU topology.
TEST_KERNEL=${SCHED_LIVE_KERNEL:-lean}
case $TEST_KERNEL in
lean)
	KERNEL_SUFFIX=
	CONFIG_FRAGMENTS=(lean.config)
	;;
distro)
	KERNEL_SUFFIX=-distro
	CONFIG_FRAGMENTS=(lean.config distro.config)
	;;
*)
	printf '[sched_live] error: SCHED_LIVE_KERNEL=%s: not lean or distro\n' \
		"$TEST_KERNEL" >&2
	exit 1
	;;
esac
KOBJ=$BUILD/obj$KERNEL_SUFFIX
GUEST_ROOT=$BUILD/initramfs$KERNEL_SUFFIX
GUEST_CPIO=$BUILD/initramfs$KERNEL_SUFFIX.cpio
GUEST_DIR=$BUILD/guest$KERNEL_SUFFIX

# The Debian package version the series is tested on.  fetch-base.sh falls
# back to the newest 6.12 package, loudly, when this one is gone.
BASE_PKG=linux-source-6.12
BASE_PIN=6.12.118-1~deb12u1

# Files the series creates in the kernel tree and that are kept in this
# repository as well, for review and for the C++ tools' tests.
OVERLAY_PATHS=(
	kernel/sched/live
	include/linux/sched_live.h
	include/trace/events/sched_live.h
	tools/testing/selftests/sched_live
	scripts/sched_live
	samples/sched_live
	Documentation/scheduler/sched-live.rst
	Documentation/ABI/testing/sysfs-kernel-sched_live
)

export CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
export CCACHE_BASEDIR=$BUILD
export CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}

JOBS=${JOBS:-$(nproc)}

log()
{
	printf '[sched_live] %s\n' "$*" >&2
}

die()
{
	printf '[sched_live] error: %s\n' "$*" >&2
	exit 1
}

# kmake ARGS...: make in the kernel tree with the out-of-tree object dir;
# the host C++ (the boundary tools) goes through ccache too, so that the
# second test kernel reuses the first one's.
kmake()
{
	make -s -C "$KSRC" O="$KOBJ" CC="ccache gcc" HOSTCC="ccache gcc" \
		HOSTCXX="ccache g++" -j"$JOBS" "$@"
}

# config_fragments - the test kernel's fragments, in the order they merge
config_fragments()
{
	printf "$HARNESS/%s\n" "${CONFIG_FRAGMENTS[@]}"
}

# configure_kernel - tinyconfig with the test kernel's fragments merged on
# top, in $KOBJ for the tree in $KSRC
configure_kernel()
{
	local fragments

	mapfile -t fragments < <(config_fragments)
	mkdir -p "$KOBJ"
	kmake tinyconfig >/dev/null
	"$KSRC/scripts/kconfig/merge_config.sh" -Q -m -O "$KOBJ" \
		"$KOBJ/.config" "${fragments[@]}" >/dev/null
	kmake olddefconfig >/dev/null
}

# result STATUS NAME - one result line from an exit status
result()
{
	if [ "$1" -eq 0 ]; then
		echo "ok $2"
	else
		echo "not ok $2"
	fi
}

# stage_guest_mode MODE DIR - in DIR, a copy of the test guest's root whose
# init runs harness/guest/MODE.sh on guest_mode=MODE; add files to it,
# then pack_initramfs DIR
stage_guest_mode()
{
	cp -a "$GUEST_ROOT" "$2"
	install -m 0755 "$HARNESS/guest/$1.sh" "$2/$1.sh"
	install -m 0644 "$HARNESS/guest/checks.sh" "$2/checks.sh"
	install -m 0755 "$HARNESS/guest/init" "$2/init"
}

# pack_initramfs DIR CPIO - DIR as a newc archive, in a stable order
pack_initramfs()
{
	(cd "$1" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) > "$2"
}

# stage_program DIR PROGRAM [PATH] - copy a dynamically linked host
# PROGRAM into the guest root DIR, at PATH (default: the same path), with
# the libraries and the loader it needs
stage_program()
{
	local lib

	install -D -m 0755 "$2" "$1${3:-$2}"
	for lib in $(ldd "$2" | grep -o '/[^ ]*'); do
		[ -e "$1$lib" ] || install -D -m 0755 "$(readlink -f "$lib")" "$1$lib"
	done
}

# The serial ports turn "\n" into "\r\n".
strip_cr()
{
	sed -e 's/\r$//' "$1"
}

# strip_time FILE - a console log without carriage returns and without
# the kernel's timestamps
strip_time()
{
	strip_cr "$1" | sed -e 's/^\[ *[0-9]*\.[0-9]*\] //'
}

# link_build_dir - make $TOP/build point at $BUILD, for people
link_build_dir()
{
	mkdir -p "$BUILD"
	[ -e "$TOP/build" ] || [ -L "$TOP/build" ] || ln -s "$BUILD" "$TOP/build"
}

# The version string of the base tree in $CACHE, written by fetch-base.sh.
base_version()
{
	cat "$CACHE/base/VERSION" 2>/dev/null || die "no base tree; run harness/fetch-base.sh"
}
