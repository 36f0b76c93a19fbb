#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel build computed the scheduler boundary: build/obj holds a
# boundary.json newer than vmlinux.a, and it puts the functions everybody
# knows to be entry points (or not) where they belong; the generated
# header and ABI description are there, and running the analyser again on
# the same inputs writes the same bytes.  One result line per check; the
# counts as a comment.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

BOUNDARY=$KOBJ/kernel/sched/live/boundary.json

if [ -f "$BOUNDARY" ] && [ ! "$KOBJ/vmlinux.a" -nt "$BOUNDARY" ]; then
	echo "ok boundary: computed by the kernel build"
else
	echo "not ok boundary: computed by the kernel build"
	exit 0
fi

python3 - "$BOUNDARY" "$KOBJ/.config" <<'PY'
import json
import sys

boundary = json.load(open(sys.argv[1]))
config = set(open(sys.argv[2]).read().split("\n"))
sets = {f"F_{k}": v for k, v in boundary["functions"].items()}
sets.update({f"D_{k}": v for k, v in boundary["variables"].items()})
print("# " + ", ".join(f"{k} {len(v)}" for k, v in sorted(sets.items())))

expected = {
    "F_interface": ["wake_up_process", "sched_tick", "sched_fork",
                    "set_user_nice", "sched_getaffinity",
                    "__schedule_pick", "__schedule_finish"],
    # Kernel-owned: a sleeper's frames, from schedule() down to the switch;
    # what queues the first of a task group's RCU stages; what reads or
    # writes user memory (a syscall entry point, a new task's TID write, a
    # debugfs write).
    # A syscall without arguments has no wrapper: its __x64_sys_ entry
    # point is an alias of the __do_sys_ function, which the boundary names.
    "F_external": ["schedule", "kernel/sched/core.c:__schedule",
                   "preempt_schedule_irq", "schedule_idle",
                   "sched_destroy_group", "schedule_tail",
                   "__x64_sys_sched_getaffinity",
                   "kernel/sched/build_policy.c:__do_sys_sched_yield",
                   "kernel/sched/build_utility.c:sched_verbose_write",
                   "kernel/sched/build_utility.c:sched_fair_server_runtime_write"],
    "F_internal": ["kernel/sched/fair.c:enqueue_task_fair",
                   "kernel/sched/core.c:finish_task_switch"],
    "D_shared": ["runqueues", "root_task_group", "task_groups",
                 "sysctl_sched_base_slice", "def_root_domain"],
    "D_private": ["fair_sched_class", "rt_sched_class",
                  "kernel/sched/build_policy.c:rt_push_head"],
}
# With PREEMPT_DYNAMIC: a task preempted at cond_resched() has its frame,
# and only vmlinux installs the static calls' targets.
if "CONFIG_PREEMPT_DYNAMIC=y" in config:
    expected["F_external"] += ["__cond_resched", "sched_dynamic_update",
                               "sched_dynamic_klp_enable",
                               "kernel/sched/core.c:klp_cond_resched"]
# With NUMA balancing: a task sleeping in cond_resched() during its scan,
# on its way back to user space, has its frame.
if "CONFIG_NUMA_BALANCING=y" in config:
    expected["F_external"] += ["kernel/sched/fair.c:task_numa_work"]
for set_name, names in expected.items():
    for name in names:
        ok = name in sets[set_name]
        print(f"{'ok' if ok else 'not ok'} boundary: {name} is in {set_name}")
PY

LIVE=$KOBJ/kernel/sched/live
HEADER=$KOBJ/include/generated/sched_live_boundary.h


grep -q '^#define SCHED_LIVE_ABI_HASH	0x[0-9a-f]\{16\}ULL$' "$HEADER" &&
	grep -q '^	X(wake_up_process, "kernel/sched/core.c", 0, "int wake_up_process(struct task_struct \*)") \\$' "$HEADER" &&
	grep -q '^	X(runqueues, "kernel/sched/core.c", 0, "struct rq") \\$' "$HEADER"
result $? "boundary: sched_live_boundary.h has the hash, wake_up_process and runqueues"

missing=
for type in task_struct rq sched_entity sched_class cfs_rq rt_rq; do
	grep -q "^type struct $type: [0-9]* bytes\$" "$LIVE/boundary.abi" ||
		missing="$missing $type"
done
[ -z "$missing" ]
result $? "boundary: the ABI description has the layouts of task_struct, rq, sched_entity, sched_class, cfs_rq, rt_rq${missing:+ (missing:$missing)}"
echo "# ABI hash $(sed -n 's/^#define SCHED_LIVE_ABI_HASH\t//p' "$HEADER"), $(grep -c '^type ' "$LIVE/boundary.abi") struct and union layouts"

again=$(mktemp -d)
previous=
[ -f "$LIVE/boundary.json.prev" ] && previous="--previous $LIVE/boundary.json.prev"
# shellcheck disable=SC2086
"$KOBJ/scripts/sched_live/sched-boundary-analyze" \
	--config "$KSRC/kernel/sched/live/boundary.conf" \
	--outside "$LIVE/boundary.json.outside" --json "$again/boundary.json" \
	--report "$again/boundary.md" --header "$again/sched_live_boundary.h" \
	--abi "$again/boundary.abi" $previous \
	"$KOBJ"/kernel/sched/{core,fair,build_policy,build_utility}.facts
cmp -s "$again/boundary.json" "$LIVE/boundary.json" &&
	cmp -s "$again/boundary.md" "$LIVE/boundary.md" &&
	cmp -s "$again/boundary.abi" "$LIVE/boundary.abi" &&
	cmp -s "$again/sched_live_boundary.h" "$HEADER"
result $? "boundary: a second run writes byte-identical json, report, ABI and header"
rm -rf "$again"
