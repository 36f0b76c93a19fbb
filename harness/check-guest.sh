#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Judge a guest run from build/guest/{console.log,results.tap} and print one
# "ok NAME" / "not ok NAME" line per test: each KUnit case, each kselftest
# subtest, plus the run's own checks (the guest finished, the expected
# number of CPUs came up, the console shows no splat).
set -uo pipefail
. "$(dirname "$0")/lib.sh"

CPUS=${GUEST_CPUS:-4}
CONSOLE=${GUEST_OUT:-$GUEST_DIR}/console.log
RESULTS=${GUEST_OUT:-$GUEST_DIR}/results.tap
HANG=${GUEST_OUT:-$GUEST_DIR}/hang.txt

# Kernel messages that mean the run is broken, whatever the tests said.
SPLATS='Kernel panic|BUG:|WARNING:|Oops|general protection fault|INFO: task .* blocked|rcu: INFO|detected stalls?|UBSAN:|KASAN:|possible recursive locking|inconsistent lock state|possible circular locking|Call Trace:'

# KUnit: the cases are the 4-space-indented results; the top-level plan
# says how many suites must report.
check_kunit()
{
	local plan suites

	strip_time "$CONSOLE" | awk '
		/^KTAP version 1$/ { in_kunit = 1; next }
		!in_kunit { next }
		/^    (not )?ok [0-9]+ / {
			ok = ($1 == "ok")
			sub(/^    (not )?ok [0-9]+ /, "")
			print (ok ? "ok" : "not ok") " kunit: " $0
		}'
	plan=$(strip_time "$CONSOLE" | grep -m1 -A1 '^KTAP version 1$' |
		sed -n 's/^1\.\.\([0-9]*\)$/\1/p')
	suites=$(strip_time "$CONSOLE" | grep -cE '^(not )?ok [0-9]+ ')
	[ -n "$plan" ] && [ "$plan" -gt 0 ] && [ "$suites" -eq "$plan" ]
	result $? "kunit: all ${plan:-?} suites reported (got $suites)"
}

# kselftests: each "# ok N" / "# not ok N" line of a test script is a
# test, and a skipped one fails; a script that failed or was skipped
# without a failing subtest (it crashed, timed out or missed a tool)
# counts as one more failure.  The one skip that passes is a script's
# whole skip for want of a kernel option ("kernel without CONFIG_NAME",
# functions.sh) that this kernel's .config indeed lacks: the lean kernel
# has no sched_ext, for one.
check_kselftests()
{
	awk '
		FNR == NR {
			if (/^CONFIG_[A-Z0-9_]+=/) {
				sub(/=.*/, "")
				built[$0] = 1
			}
			next
		}
		/^# 1\.\.0 # SKIP / {
			skip_reason = $0
			sub(/^# 1\.\.0 # SKIP /, "", skip_reason)
			next
		}
		/^# (not )?ok [0-9]+ / {
			# The guest has everything the tests need: a
			# skipped test is one that did not run.
			ok = ($2 == "ok") && !/ # SKIP/
			line = $0
			sub(/^# (not )?ok [0-9]+ /, "", line)
			print (ok ? "ok" : "not ok") " kselftest: " line
			if (!ok)
				sub_failed = 1
			next
		}
		/^(not )?ok [0-9]+ selftests: / {
			line = $0
			sub(/^(not )?ok [0-9]+ /, "", line)
			option = skip_reason
			if ($1 == "ok" && / # SKIP/ &&
			    sub(/.*kernel without /, "", option) &&
			    option ~ /^CONFIG_[A-Z0-9_]+$/ && !(option in built)) {
				sub(/ # SKIP.*/, "", line)
				print "# kselftest: " line " skipped: this kernel is built without " option
			}
			else if (($1 == "not" || / # SKIP/) && !sub_failed)
				print "not ok kselftest: " line
			sub_failed = 0
			skip_reason = ""
			scripts++
		}
		/^1\.\.[0-9]+$/ && !plan { plan = substr($0, 4) }
		END {
			ok = plan > 0 && scripts == plan
			print (ok ? "ok" : "not ok") " kselftest: all " plan " scripts reported (got " scripts + 0 ")"
		}' "$KOBJ/.config" <(strip_cr "$RESULTS")
}

check_guest()
{
	local cpus splats

	strip_cr "$RESULTS" | grep -q '^# guest-done$'
	result $? "guest: ran to the end"

	# run-guest.sh's report of a guest that went silent: where it was.
	[ ! -f "$HANG" ]
	result $? "guest: never went silent"
	[ ! -f "$HANG" ] || sed 's/^/#   /' "$HANG"

	cpus=$(strip_cr "$RESULTS" | sed -n 's/^# guest-cpus-online: //p')
	[ "$cpus" = "$CPUS" ]
	result $? "guest: $CPUS CPUs online (got ${cpus:-none})"

	# The audit warns on the console when a removal finds something
	# left pointing into the module: no splat means it never fired.
	grep -qx CONFIG_SCHED_LIVE_AUDIT=y "$KOBJ/.config"
	result $? "guest: every removal of a scheduler module is audited"

	splats=$(grep -E "$SPLATS" "$CONSOLE" | head -5)
	[ -z "$splats" ]
	result $? "guest: no panic, BUG, WARN, lockdep or stall on the console"
	[ -z "$splats" ] || echo "$splats" | sed 's/^/#   /'
}

[ -f "$CONSOLE" ] || die "no $CONSOLE; run harness/run-guest.sh"
touch "$RESULTS"
check_guest
check_kunit
check_kselftests
