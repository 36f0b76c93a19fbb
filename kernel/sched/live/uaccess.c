// SPDX-License-Identifier: GPL-2.0
/*
 * sched_live uaccess: no function a switch bypasses touches user memory.
 *
 * A task waits on a fault in user memory for as long as whoever serves the
 * page wants: userfaultfd, or a FUSE file that never answers, both within
 * an unprivileged user's reach.  A switch cannot move a task that has a
 * frame in the text it bypasses, so one such task, parked in a scheduler
 * function that copies from or to user memory, would hold every switch
 * back for as long as it waits: the rollback, the watchdog's and SysRq-S's
 * included.  The boundary therefore keeps what touches user memory in
 * vmlinux (the syscall entry points and the "external" entries of
 * kernel/sched/live/boundary.conf), and this file checks that it did: over
 * the vmlinux text a scheduler module replaces, when the kernel first
 * needs that text (the first switch from builtin, or a read of
 * conflicts), and at registration over a module's text.
 *
 * A function touches user memory when the exception table has an entry for
 * a user access in it (an inlined __copy_to_user()), or when it calls a
 * vmlinux function that has one (__put_user_4(), _copy_to_user()).  A call
 * to another function of the same text is not followed, since that
 * function is checked in its turn; a call into vmlinux is followed one
 * level only: a vmlinux function that reaches user memory through a
 * further call (put_timespec64() where the compiler did not inline its
 * copy_to_user()) is not found, and a task waiting under it would still
 * hold switches back.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitfield.h>
#include <linux/extable.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/sched_live.h>
#include <asm/extable.h>
#include <asm/extable_fixup_types.h>
#include <asm/insn.h>
#include <asm/text-patching.h>

#include "core.h"
#include "stack.h"
#include "uaccess.h"

/* The bounds of vmlinux's exception table, sorted at boot. */
extern struct exception_table_entry __start___ex_table[];
extern struct exception_table_entry __stop___ex_table[];

static unsigned long sched_live_ex_insn(const struct exception_table_entry *e)
{
	return (unsigned long)&e->insn + e->insn;
}

/* Whether a fixup is one of a user access: it returns -EFAULT or a length. */
static bool sched_live_ex_user(const struct exception_table_entry *e)
{
	switch (FIELD_GET(EX_DATA_TYPE_MASK, e->data)) {
	case EX_TYPE_UACCESS:
	case EX_TYPE_UCOPY_LEN:
		return true;
	case EX_TYPE_IMM_REG:
		return (e->data & (EX_DATA_TYPE_MASK | EX_DATA_IMM_MASK)) ==
		       EX_TYPE_EFAULT_REG;
	default:
		return false;
	}
}

/*
 * The first user access in [@start, @end) that the sorted table @tab of @n
 * entries records, or 0.
 */
static unsigned long
sched_live_ex_first_user(const struct exception_table_entry *tab,
			 unsigned int n, unsigned long start, unsigned long end)
{
	unsigned int lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (sched_live_ex_insn(&tab[mid]) < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && sched_live_ex_insn(&tab[lo]) < end; lo++) {
		if (sched_live_ex_user(&tab[lo]))
			return sched_live_ex_insn(&tab[lo]);
	}
	return 0;
}

/*
 * The first user access in the text [@start, @end) of one function, which
 * is vmlinux's or @mod's; 0 if none, or if the text is some other
 * module's, which a scheduler does not call.
 */
static unsigned long sched_live_text_user(struct module *mod,
					  unsigned long start,
					  unsigned long end)
{
	if (core_kernel_text(start))
		return sched_live_ex_first_user(__start___ex_table,
						__stop___ex_table -
						__start___ex_table,
						start, end);
	if (mod && within_module(start, mod))
		return sched_live_ex_first_user(mod->extable,
						mod->num_exentries, start, end);
	return 0;
}

/* The text of the function a direct call to @target enters. */
static bool sched_live_callee(unsigned long target, unsigned long *start,
			      unsigned long *end)
{
	unsigned long size, offset;

	if (!kallsyms_lookup_size_offset(target, &size, &offset) || offset)
		return false;
	*start = target;
	*end = target + size;
	return true;
}

/**
 * sched_live_uaccess_find() - where a function touches user memory
 * @mod: the module the function is in, or NULL for vmlinux
 * @start: the start of its text
 * @end: the end of its text
 *
 * A call into @mod itself is not followed: the function it enters is
 * @mod's, which the caller checks in its turn.
 *
 * Context: @mod cannot go away.
 * Return: the address in [@start, @end) of its first user access, or of
 * its first call to a vmlinux function with one; 0 if it has neither.
 */
unsigned long sched_live_uaccess_find(struct module *mod, unsigned long start,
				      unsigned long end)
{
	unsigned long addr, target, callee_start, callee_end, at;
	struct insn insn;

	at = sched_live_text_user(mod, start, end);
	if (at)
		return at;
	for (addr = start; addr < end; addr += insn.length) {
		/* Padding or data the decoder does not know ends the walk. */
		if (insn_decode_kernel(&insn, (void *)addr))
			break;
		if (insn.opcode.bytes[0] != CALL_INSN_OPCODE)
			continue;
		target = sched_live_call_target(&insn, addr);
		if (mod && within_module(target, mod))
			continue;
		if (sched_live_callee(target, &callee_start, &callee_end) &&
		    sched_live_text_user(mod, callee_start, callee_end))
			return addr;
	}
	return 0;
}

/**
 * sched_live_uaccess_check_builtin() - check the text a switch from builtin bypasses
 * @ranges: vmlinux's functions that a scheduler module replaces
 * @nr: how many
 *
 * A hit is the kernel build's fault, not a module's: its boundary left a
 * function that touches user memory to the modules.  It gets a warning,
 * for whoever changed the boundary, and switches still work.
 */
void sched_live_uaccess_check_builtin(const struct sched_live_range *ranges,
				      unsigned int nr)
{
	unsigned int i;
	unsigned long at;

	for (i = 0; i < nr; i++) {
		at = sched_live_uaccess_find(NULL, ranges[i].start,
					     ranges[i].end);
		WARN(at, "%s: %pS, which a switch from builtin bypasses, touches user memory at %pS: a task waiting on a fault there would hold every switch back; keep it in vmlinux (boundary.conf)\n",
		     KBUILD_MODNAME, (void *)ranges[i].start, (void *)at);
	}
}

/**
 * sched_live_uaccess_check_module() - refuse a scheduler that touches user memory
 * @name: the scheduler's name, for the log
 * @mod: its module
 *
 * Every function of @mod is text a switch away from it bypasses.
 *
 * Context: @mod is loading (its init calls this).
 * Return: 0, or -ENOEXEC after a line that names the function.
 */
int sched_live_uaccess_check_module(const char *name, struct module *mod)
{
	unsigned long start, at = 0;
	struct mod_kallsyms *kallsyms;
	const Elf_Sym *sym;
	unsigned int i;

	rcu_read_lock();
	kallsyms = rcu_dereference(mod->kallsyms);
	for (i = 0; i < kallsyms->num_symtab && !at; i++) {
		sym = &kallsyms->symtab[i];
		start = sym->st_value;
		if (ELF_ST_TYPE(sym->st_info) != STT_FUNC || !sym->st_size ||
		    !within_module_mem_type(start, mod, MOD_TEXT))
			continue;
		at = sched_live_uaccess_find(mod, start, start + sym->st_size);
	}
	rcu_read_unlock();
	if (!at)
		return 0;
	pr_err("refusing scheduler '%s': its %pS touches user memory at %pS, and a task waiting on a fault there would hold every switch back; leave that function to vmlinux\n",
	       name, (void *)start, (void *)at);
	return -ENOEXEC;
}
