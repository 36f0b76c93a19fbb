#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's uevent helper while a sched_live selftest records uevents
# (record_uevents in functions.sh): appends the sched_live ones, numbered.

[ "$SUBSYSTEM" = sched_live ] || exit 0
switch=
[ -z "$SCHED_LIVE_TO" ] ||
	switch=" $SCHED_LIVE_FROM $SCHED_LIVE_TO $SCHED_LIVE_RESULT"
echo "$SEQNUM $ACTION $DEVPATH$switch" >> /tmp/sched_live_uevents
