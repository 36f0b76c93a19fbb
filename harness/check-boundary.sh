#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel build computed the scheduler boundary: build/obj holds a
# boundary.json newer than vmlinux.a, and it puts the functions everybody
# knows to be entry points (or not) where they belong.  One result line
# per check; the counts as a comment.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

BOUNDARY=$KOBJ/kernel/sched/live/boundary.json

if [ -f "$BOUNDARY" ] && [ ! "$KOBJ/vmlinux.a" -nt "$BOUNDARY" ]; then
	echo "ok boundary: computed by the kernel build"
else
	echo "not ok boundary: computed by the kernel build"
	exit 0
fi

python3 - "$BOUNDARY" <<'PY'
import json
import sys

boundary = json.load(open(sys.argv[1]))
sets = {f"F_{k}": v for k, v in boundary["functions"].items()}
sets.update({f"D_{k}": v for k, v in boundary["variables"].items()})
print("# " + ", ".join(f"{k} {len(v)}" for k, v in sorted(sets.items())))

expected = {
    "F_interface": ["schedule", "wake_up_process", "sched_tick", "sched_fork",
                    "schedule_tail", "set_user_nice",
                    "kernel/sched/core.c:__schedule",
                    "kernel/sched/build_policy.c:__do_sys_sched_yield"],
    "F_internal": ["kernel/sched/fair.c:enqueue_task_fair",
                   "kernel/sched/core.c:finish_task_switch"],
    "D_shared": ["runqueues", "root_task_group", "task_groups",
                 "sysctl_sched_base_slice", "def_root_domain"],
    "D_private": ["fair_sched_class", "rt_sched_class",
                  "kernel/sched/build_policy.c:rt_push_head"],
}
for set_name, names in expected.items():
    for name in names:
        ok = name in sets[set_name]
        print(f"{'ok' if ok else 'not ok'} boundary: {name} is in {set_name}")
PY
