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
#include <asm/text-patching.h>

#include "../../workqueue_internal.h"
#include "patch.h"
#include "stack.h"

/* Enough for any epilogue; a longer tail is no epilogue. */
#define SCHED_LIVE_EPILOGUE_MAX	16

/* Whether @insn writes to memory through its ModRM operand. */
static bool sched_live_writes_memory(const struct insn *insn)
{
	return insn->modrm.nbytes && X86_MODRM_MOD(insn->modrm.value) != 3;
}

/**
 * sched_live_plain_insn() - whether an epilogue may hold an instruction
 * @insn: the instruction, decoded
 *
 * Return: true if it moves data between registers or from memory: it
 * never branches, never writes to memory.
 */
bool sched_live_plain_insn(const struct insn *insn)
{
	u8 op = insn->opcode.bytes[0];
	insn_byte_t prefix;
	int i;

	for_each_insn_prefix(insn, i, prefix)
		if (prefix == 0xf0)			/* lock */
			return false;
	if (insn->opcode.nbytes == 2 && op == 0x0f) {
		u8 op2 = insn->opcode.bytes[1];

		if (op2 >= 0x90 && op2 <= 0x9f)		/* setcc */
			return !sched_live_writes_memory(insn);
		return op2 == 0x1f ||			/* nop */
		       (op2 >= 0x40 && op2 <= 0x4f) ||	/* cmovcc */
		       op2 == 0xb6 || op2 == 0xb7 ||	/* movzx */
		       op2 == 0xbe || op2 == 0xbf;	/* movsx */
	}
	if (insn->opcode.nbytes != 1)
		return false;
	switch (op) {
	case 0x88: case 0x89: case 0xc7:		/* mov to r/m */
	case 0x01: case 0x09: case 0x21: case 0x29: case 0x31: /* alu to r/m */
		return !sched_live_writes_memory(insn);
	case 0x81: case 0x83:				/* alu imm to r/m */
		return X86_MODRM_REG(insn->modrm.value) == 7 ||	/* cmp */
		       !sched_live_writes_memory(insn);
	}
	return (op >= 0x58 && op <= 0x5f) ||		/* pop */
	       op == 0x8a || op == 0x8b || op == 0x8d ||	/* mov, lea */
	       (op >= 0xb8 && op <= 0xbf) ||		/* mov imm */
	       op == 0x03 || op == 0x0b || op == 0x23 || op == 0x2b ||
	       op == 0x33 || op == 0x39 || op == 0x3b ||
	       op == 0x85 ||				/* alu to a register */
	       op == 0x90 || op == 0x98 || op == 0x99 ||	/* nop, cdqe, cqo */
	       op == 0xc9;				/* leave */
}

/**
 * sched_live_branch_target() - where a relative jump or call goes
 * @insn: the jump or call, decoded
 * @addr: its address
 *
 * Return: the target.
 */
unsigned long sched_live_branch_target(const struct insn *insn,
				       unsigned long addr)
{
	return addr + insn->length + insn->immediate.value;
}

/**
 * sched_live_call_target() - the function a direct call enters
 * @insn: the call, decoded
 * @addr: its address
 *
 * With call depth tracking (CONFIG_CALL_THUNKS) the kernel rewrites direct
 * calls to go to an accounting thunk in the padding in front of the
 * function, which then runs into it.  kallsyms counts the padding to the
 * symbol before, so a target within the padding's size of that symbol's
 * end enters the function after it.
 *
 * Return: where the function the call enters starts, or the call's target
 * when kallsyms does not know it.
 */
unsigned long sched_live_call_target(const struct insn *insn,
				     unsigned long addr)
{
	unsigned long to = sched_live_branch_target(insn, addr);
	unsigned long size, offset;

	if (IS_ENABLED(CONFIG_CALL_THUNKS) &&
	    kallsyms_lookup_size_offset(to, &size, &offset) && offset &&
	    size - offset <= CONFIG_FUNCTION_PADDING_BYTES)
		return to + size - offset;
	return to;
}

/*
 * Whether the conditional jump @jcc at @addr is the stack protector's: to
 * a call of __stack_chk_fail(), which never returns.
 */
static bool sched_live_is_canary_check(const struct insn *jcc,
				       unsigned long addr)
{
	unsigned long fail, to;
	struct insn call;

	if (!IS_ENABLED(CONFIG_STACKPROTECTOR))
		return false;
	fail = (unsigned long)__stack_chk_fail;
	to = sched_live_branch_target(jcc, addr);
	if (insn_decode_kernel(&call, (void *)to) ||
	    call.opcode.bytes[0] != CALL_INSN_OPCODE)
		return false;
	return sched_live_call_target(&call, to) == fail;
}

static bool sched_live_is_jcc(const struct insn *insn)
{
	u8 op = insn->opcode.bytes[0];

	return (insn->opcode.nbytes == 1 && op >= 0x70 && op <= 0x7f) ||
	       (insn->opcode.nbytes == 2 && op == 0x0f &&
		insn->opcode.bytes[1] >= 0x80 && insn->opcode.bytes[1] <= 0x8f);
}

/**
 * sched_live_only_returns() - whether the code at @addr only returns
 * @addr: an address in a function: a return address, or where a task was
 *	  interrupted
 *
 * A task preempted at the end of a bypassed function (the preempt_enable()
 * of its last unlock, which a stop_machine() wakeup lands on) runs nothing
 * more of it than its epilogue: moves, pops, the stack protector's check,
 * a return.  That code touches no state the switch changes, and vmlinux's
 * text stays, so such a frame need not block a switch away from builtin.
 * Anything that branches elsewhere, calls or writes to memory makes the
 * answer no; an unconditional jump forward inside the function is
 * followed.  What is decoded is the text as the kernel patched it at boot
 * (alternatives, return thunks).
 *
 * Return: true if nothing but moves, pops and a return lie ahead.
 */
bool sched_live_only_returns(unsigned long addr)
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
			unsigned long to = sched_live_branch_target(&insn, addr);

			if (sched_live_is_return_thunk(to))
				return true;
			if (to <= addr || to >= end)
				return false;
			addr = to;
			continue;
		}
		}
		if (!sched_live_plain_insn(&insn) &&
		    !(sched_live_is_jcc(&insn) &&
		      sched_live_is_canary_check(&insn, addr)))
			return false;
		addr += insn.length;
	}
	return false;
}

/*
 * Whether @addr lies inside one of the jumps the switch writes, past its
 * first byte: a task that resumed there after the switch would run the
 * middle of the jump.  Whatever the text around it looks like.
 */
static bool sched_live_inside_jump(const struct sched_live_stack_check *check,
				   unsigned long addr)
{
	unsigned int lo = 0, hi = check->nr_jumps, mid;
	unsigned long at;

	/* lo: the first jump above @addr */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((unsigned long)check->jumps[mid].at <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return false;
	at = (unsigned long)check->jumps[lo - 1].at;
	return addr > at && addr < at + JMP32_INSN_SIZE;
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

/*
 * Whether a worker about to call @func would run bypassed text: calling an
 * interface function's entry runs its jump, anything else in the text is
 * bypassed.
 */
static bool sched_live_calls_into(const struct sched_live_stack_check *check,
				  unsigned long func)
{
	const struct sched_live_range *range;

	range = sched_live_find_range(func, check->ranges, check->nr);
	return range && !(range->interface && func == range->start);
}

/**
 * sched_live_stack_check_task() - whether one task touches the text
 * @check: the text and room for one stack trace; @check->found and
 *	   @check->addr are set when @t touches it
 * @t: a task that is not running
 *
 * Context: @t cannot run (every other CPU is stopped, or task_call_func()
 *	    holds it off its CPU), and RCU read side.
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
	/* A worker preempted before it called its work's function. */
	if (t->flags & PF_WQ_WORKER) {
		unsigned long func = (unsigned long)wq_worker_current_func(t);

		if (func && sched_live_calls_into(check, func)) {
			check->found = t;
			check->addr = func;
			return 0;
		}
	}
	for (i = 0; i < nr; i++) {
		if (sched_live_inside_jump(check, check->entries[i]) ||
		    (sched_live_in_ranges(check->entries[i], check->ranges,
					  check->nr) &&
		     !(check->epilogues_pass &&
		       sched_live_only_returns(check->entries[i])))) {
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
