#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The guest's part of harness/package.sh, on the packaged kernel: load
# mysched as built from the linux-headers package alone, switch to it
# while tasks run and back, remove it; then load the mysched of another
# kernel build, which registration must refuse for its scheduler ABI.

SYSFS=/sys/kernel/sched_live

# figure KEY - one value of last_switch
figure()
{
	sed -n "s/^$1 //p" "$SYSFS/last_switch"
}

# say LINE - one line of the result, which harness/package.sh greps
say()
{
	echo "package: $*"
}

echo "sched_live package: start" > /dev/kmsg
for i in 1 2; do (while :; do :; done) & done
for i in 1 2 3 4; do (while :; do sleep 0.0$i; done) & done

say "kernel $(uname -r), scheduler ABI $(cat $SYSFS/abi_hash)"
if insmod /pkg/mysched.ko; then
	say "insmod of the SDK-built mysched: ok"
else
	say "insmod of the SDK-built mysched: failed"
fi
for to in mysched builtin; do
	if echo $to > $SYSFS/active; then
		say "switch $(figure from) -> $(figure to): result $(figure result)," \
		    "$(figure tasks) tasks moved, system stopped for" \
		    "$(( $(figure stop_machine_ns) / 1000 )) us"
	else
		say "switch to $to: failed"
	fi
done
rmmod mysched && say "rmmod mysched: ok"

if insmod /pkg/foreign/mysched.ko 2>/dev/null; then
	say "insmod of the other build's mysched: loaded (wrong)"
	rmmod mysched
else
	say "insmod of the other build's mysched: refused"
fi
dmesg | sed -n '/sched_live package: start/,$p' | grep 'sched_live: ' |
	sed -e 's/^\[[ 0-9.]*\] //' -e 's/^/package: dmesg: /'
kill $(jobs -p) 2>/dev/null
say "done"
