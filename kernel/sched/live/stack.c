// SPDX-License-Identifier: GPL-2.0
/*
 * sched_live stack: the stack check of a switch.
 *
 * A switch bypasses text: vmlinux's scheduler functions when a module
 * takes over, a module's when builtin takes back.  No task may be
 * executing in that text, or hold a return address into it, when the
 * switch happens, or it would run code that no longer matches the
 * scheduler's state, or code that is about to be unloaded.  This walks
 * the stack of every task that is not on a CPU, reliably (the ORC
 * unwinder, as livepatch does), and reports the first one that touches
 * the text.  Tasks on a CPU are the stopper threads of a stop_machine()
 * and the caller: their stacks are not the scheduler's.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bsearch.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/stacktrace.h>

#include "stack.h"

static int sched_live_range_cmp(const void *key, const void *elt)
{
	unsigned long addr = *(const unsigned long *)key;
	const struct sched_live_range *range = elt;

	if (addr < range->start)
		return -1;
	return addr >= range->end ? 1 : 0;
}

static bool sched_live_in_ranges(unsigned long addr,
				 const struct sched_live_range *ranges,
				 unsigned int nr)
{
	return bsearch(&addr, ranges, nr, sizeof(*ranges), sched_live_range_cmp);
}

/**
 * sched_live_stack_check_task() - whether one task touches the text
 * @check: the text and room for one stack trace; @check->found and
 *	   @check->addr are set when @t touches it
 * @t: a task that is not running
 *
 * Context: @t cannot run (every other CPU is stopped), and RCU read side.
 * Return: 0, or the error of a stack that cannot be walked reliably, with
 * @check->found set to @t.
 */
int sched_live_stack_check_task(struct sched_live_stack_check *check,
				struct task_struct *t)
{
	int nr, i;

	nr = stack_trace_save_tsk_reliable(t, check->entries,
					   ARRAY_SIZE(check->entries));
	if (nr < 0) {
		check->found = t;
		return nr;
	}
	for (i = 0; i < nr; i++) {
		if (sched_live_in_ranges(check->entries[i], check->ranges,
					 check->nr)) {
			check->found = t;
			check->addr = check->entries[i];
			break;
		}
	}
	return 0;
}

/**
 * sched_live_stack_find() - a task executing in, or returning into, text
 * @check: the text, as @check->nr sorted, disjoint ranges, and room for
 *	   one stack trace; @check->found and @check->addr are set
 *
 * Context: every other CPU stopped (a stop_machine() callback); tests may
 * call it while the tasks of interest sleep.
 * Return: 0 with @check->found NULL if no task touches the text, 0 with
 * @check->found set to the first one that does (no reference taken), or
 * the error of a stack that cannot be walked reliably, with @check->found
 * set to that task.
 */
int sched_live_stack_find(struct sched_live_stack_check *check)
{
	struct task_struct *g, *t;
	int ret = 0;

	check->found = NULL;
	check->addr = 0;
	rcu_read_lock();
	for_each_process_thread(g, t) {
		if (task_curr(t))
			continue;
		ret = sched_live_stack_check_task(check, t);
		if (ret || check->found)
			break;
	}
	rcu_read_unlock();
	return ret;
}
