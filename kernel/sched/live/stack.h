/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SCHED_LIVE_STACK_H
#define _KERNEL_SCHED_LIVE_STACK_H

#include <linux/types.h>

struct insn;
struct sched_live_patch;
struct task_struct;

/*
 * Text a switch bypasses: [start, end); @interface when it is an interface
 * function's, whose entry (its __fentry__ call) still runs; @key, the
 * boundary key of the function it is the text of (its own, a clone's or a
 * cold part's), for vmlinux's text.
 */
struct sched_live_range {
	unsigned long	start;
	unsigned long	end;
	bool		interface;
	const char	*key;
};

/**
 * struct sched_live_stack_check - one stack check
 * @ranges: the text, sorted and disjoint
 * @nr: how many ranges
 * @epilogues_pass: a task that has nothing left to run of the text but an
 *		    epilogue does not count; for text that stays
 * @jumps: the jumps the switch writes, sorted by address; a task inside
 *	   one of them past its first byte always counts
 * @nr_jumps: how many
 * @found: the task found, if any
 * @addr: the address in its stack that lies in @ranges
 * @entries: room for one stack trace
 */
struct sched_live_stack_check {
	const struct sched_live_range	*ranges;
	unsigned int			nr;
	bool				epilogues_pass;
	const struct sched_live_patch	*jumps;
	unsigned int			nr_jumps;
	struct task_struct		*found;
	unsigned long			addr;
	unsigned long			entries[64];
};

const struct sched_live_range *
sched_live_find_range(unsigned long addr, const struct sched_live_range *ranges,
		      unsigned int nr);
bool sched_live_plain_insn(const struct insn *insn);
unsigned long sched_live_branch_target(const struct insn *insn,
				       unsigned long addr);
unsigned long sched_live_call_target(const struct insn *insn,
				     unsigned long addr);
bool sched_live_only_returns(unsigned long addr);
int sched_live_stack_check_task(struct sched_live_stack_check *check,
				struct task_struct *t);
int sched_live_stack_find(struct sched_live_stack_check *check);

#endif /* _KERNEL_SCHED_LIVE_STACK_H */
