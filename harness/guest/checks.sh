# SPDX-License-Identifier: GPL-2.0
#
# Result lines of the guest's own checks, for the guest modes that print
# them (crash.sh, stall.sh); sourced, not run.  The host reads them from
# the guest's TAP port.

# check DESCRIPTION COMMAND... - one result line from a command's status
check()
{
	local what=$1

	shift
	if "$@"; then
		echo "ok $what"
	else
		echo "not ok $what"
	fi
}

# require DESCRIPTION COMMAND... - check, and stop here if it failed:
# what follows needs it
require()
{
	local what=$1

	shift
	"$@" || stop "$what"
	echo "ok $what"
}

# stop DESCRIPTION - a failed step that what follows needs
stop()
{
	echo "not ok $1"
	exit 1
}

# equals GOT WANT - print a mismatch, for the log
equals()
{
	[ "$1" = "$2" ] && return 0
	echo "# got '$1', expected '$2'"
	return 1
}
