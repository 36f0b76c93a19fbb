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
#include <linux/kallsyms.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/stacktrace.h>

#include <asm/insn.h>
#include <asm/nospec-branch.h>
#include <asm/text-patching.h>

#include "stack.h"

/* Enough for any epilogue; a longer tail is no epilogue. */
#define SCHED_LIVE_EPILOGUE_MAX	16

/* An instruction an epilogue may hold: it moves data, it never branches. */
static bool sched_live_plain_insn(const struct insn *insn)
{
	u8 op = insn->opcode.bytes[0];

	if (insn->opcode.nbytes == 2 && op == 0x0f) {
		u8 op2 = insn->opcode.bytes[1];

		return op2 == 0x1f ||			/* nop */
		       (op2 >= 0x40 && op2 <= 0x4f) ||	/* cmovcc */
		       (op2 >= 0x90 && op2 <= 0x9f) ||	/* setcc */
		       op2 == 0xb6 || op2 == 0xb7 ||	/* movzx */
		       op2 == 0xbe || op2 == 0xbf;	/* movsx */
	}
	if (insn->opcode.nbytes != 1)
		return false;
	return (op >= 0x58 && op <= 0x5f) ||		/* pop */
	       (op >= 0x88 && op <= 0x8b) || op == 0x8d ||	/* mov, lea */
	       (op >= 0xb8 && op <= 0xbf) || op == 0xc7 ||	/* mov imm */
	       op == 0x01 || op == 0x03 || op == 0x09 || op == 0x0b ||
	       op == 0x21 || op == 0x23 || op == 0x29 || op == 0x2b ||
	       op == 0x31 || op == 0x33 || op == 0x39 || op == 0x3b ||
	       op == 0x81 || op == 0x83 || op == 0x85 ||	/* alu */
	       op == 0x90 || op == 0x98 || op == 0x99 ||	/* nop, cdqe, cqo */
	       op == 0xc9;				/* leave */
}

/**
 * sched_live_only_returns() - whether the code at @addr only returns
 * @addr: an address in a function: a return address, or where a task was
 *	  interrupted
 *
 * A task preempted at the end of a bypassed function (the preempt_enable()
 * of its last unlock, which a stop_machine() wakeup lands on) runs nothing
 * more of it than its epilogue: moves, pops, a return.  That code touches
 * no state the switch changes, and vmlinux's text stays, so such a frame
 * need not block a switch away from builtin.  Anything that branches,
 * calls or might fault on scheduler state makes the answer no; an
 * unconditional jump forward inside the function is followed.
 *
 * Return: true if nothing but moves, pops and a return lie ahead.
 */
static bool sched_live_only_returns(unsigned long addr)
{
	unsigned long size, offset, start, end;
	struct insn insn;
	int n;

	if (!kallsyms_lookup_size_offset(addr, &size, &offset))
		return false;
	start = addr - offset;
	end = start + size;
	for (n = 0; n < SCHED_LIVE_EPILOGUE_MAX && addr < end; n++) {
		if (insn_decode_kernel(&insn, (void *)addr))
			return false;
		switch (insn.opcode.bytes[0]) {
		case RET_INSN_OPCODE:
			return true;
		case JMP32_INSN_OPCODE:
		case JMP8_INSN_OPCODE: {
			unsigned long to = addr + insn.length + insn.immediate.value;

			if (to == (unsigned long)__x86_return_thunk)
				return true;
			if (to <= addr || to >= end)
				return false;
			addr = to;
			continue;
		}
		}
		if (!sched_live_plain_insn(&insn))
			return false;
		addr += insn.length;
	}
	return false;
}

static int sched_live_range_cmp(const void *key, const void *elt)
{
	unsigned long addr = *(const unsigned long *)key;
	const struct sched_live_range *range = elt;

	if (addr < range->start)
		return -1;
	return addr >= range->end ? 1 : 0;
}

/**
 * sched_live_find_range() - the range an address lies in
 * @addr: the address
 * @ranges: sorted and disjoint
 * @nr: how many
 *
 * Return: the range of @ranges that holds @addr, or NULL.
 */
const struct sched_live_range *
sched_live_find_range(unsigned long addr, const struct sched_live_range *ranges,
		      unsigned int nr)
{
	return bsearch(&addr, ranges, nr, sizeof(*ranges), sched_live_range_cmp);
}

static bool sched_live_in_ranges(unsigned long addr,
				 const struct sched_live_range *ranges,
				 unsigned int nr)
{
	return sched_live_find_range(addr, ranges, nr);
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
					 check->nr) &&
		    !(check->epilogues_pass &&
		      sched_live_only_returns(check->entries[i]))) {
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
