// SPDX-License-Identifier: GPL-2.0
/*
 * sched_live patch: the primitive that takes a vmlinux function over.
 *
 * A site is redirected by a 5-byte relative jump to its replacement,
 * written at the first byte of the function's body: after the endbr64
 * that IBT puts at the entry, and after the call to __fentry__, which
 * belongs to ftrace and is never written behind its back.  The jump lands
 * at the body of the replacement, past its own endbr64 and fentry call,
 * so tracing the site still reports the call once, under the site's name.
 *
 * The write happens in a stop_machine() callback, while every other CPU
 * spins in the stopper with interrupts off: nobody can execute the bytes
 * while they change, so plain writes through the text poking mm do, the
 * jumps of one page through one mapping of it (text_poke_stopped());
 * every CPU then serialises before it returns to the new code.  Whether
 * a task is parked inside the bytes being replaced, or anywhere in code
 * being bypassed, is the stack check's business, not this file's.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/cpu.h>
#include <linux/ftrace.h>
#include <linux/jump_label.h>
#include <linux/kallsyms.h>
#include <linux/memory.h>
#include <linux/static_call.h>
#include <linux/stop_machine.h>
#include <linux/string.h>
#include <linux/sync_core.h>

#include <asm/ibt.h>
#include <asm/nospec-branch.h>
#include <asm/text-patching.h>

#include "patch.h"
#include "window.h"

/* Where the body of the function at @fn starts. */
static unsigned long sched_live_body(unsigned long fn)
{
	unsigned long fentry = ftrace_location(fn);

	if (fentry)
		return fentry + MCOUNT_INSN_SIZE;
	if (is_endbr(*(u32 *)fn))
		return fn + ENDBR_INSN_SIZE;
	return fn;
}

/* Whether @fn is the start of a function. */
static bool sched_live_is_function(unsigned long fn)
{
	unsigned long size, offset;

	return kallsyms_lookup_size_offset(fn, &size, &offset) && !offset;
}

/* Whether the jump fits in the function at @fn from @body on. */
static bool sched_live_fits(unsigned long fn, unsigned long body)
{
	unsigned long size, offset;

	if (!kallsyms_lookup_size_offset(fn, &size, &offset) || offset)
		return false;
	return body + JMP32_INSN_SIZE <= fn + size;
}

/*
 * Whether the bytes the jump at @body would replace hold a jump label or
 * an inline static call, which their own code rewrites when a key flips
 * or a call is retargeted: it would find the jump there, or the switch
 * back would put stale bytes back over its change.  kprobes refuses the
 * same text for the same reason.
 */
static bool sched_live_text_reserved(unsigned long body)
{
	void *start = (void *)body, *end = (void *)body + JMP32_INSN_SIZE - 1;

	return jump_label_text_reserved(start, end) ||
	       static_call_text_reserved(start, end);
}

/**
 * sched_live_is_return_thunk() - whether a jump to @to is a return
 * @to: the target of a jump
 *
 * With return thunks the compiler emits every "ret" as a jump to
 * __x86_return_thunk, and apply_returns() rewrites it at boot (and at a
 * module's load) into "ret" or into a jump to the thunk the mitigations
 * chose for this CPU, x86_return_thunk.
 *
 * Return: true if @to is one of them.
 */
bool sched_live_is_return_thunk(unsigned long to)
{
	return IS_ENABLED(CONFIG_MITIGATION_RETHUNK) &&
	       (to == (unsigned long)x86_return_thunk ||
		to == (unsigned long)__x86_return_thunk);
}

/* Whether the body at @body returns at once: an empty function. */
static bool sched_live_returns_at_once(unsigned long body)
{
	const u8 *insn = (const u8 *)body;

	if (insn[0] == RET_INSN_OPCODE)
		return true;
	return insn[0] == JMP32_INSN_OPCODE &&
	       sched_live_is_return_thunk(body + JMP32_INSN_SIZE +
					  *(const s32 *)(insn + 1));
}

/**
 * sched_live_patch_check() - whether one function can take another over
 * @site: the function to take over
 * @target: the function to take it over
 *
 * An empty function too small for the jump (a weak default, a seq_file
 * stop method) need not be taken over by one that is empty too: both do
 * nothing.
 *
 * Return: 0, -ENODATA if both are empty and the site too small, -ENOSPC
 * if the site is too small otherwise, -EBUSY if its first bytes are a
 * jump label or a static call, or -EINVAL if either is not the start of a
 * function.
 */
int sched_live_patch_check(const void *site, const void *target)
{
	unsigned long from = (unsigned long)site, to = (unsigned long)target;

	if (!sched_live_is_function(from) || !sched_live_is_function(to))
		return -EINVAL;
	if (sched_live_fits(from, sched_live_body(from)))
		return sched_live_text_reserved(sched_live_body(from)) ? -EBUSY : 0;
	if (sched_live_returns_at_once(sched_live_body(from)) &&
	    sched_live_returns_at_once(sched_live_body(to)))
		return -ENODATA;
	return -ENOSPC;
}

/**
 * sched_live_patch_prepare() - plan the jump from one function to another
 * @patch: filled in
 * @site: the function taken over
 * @target: the function that takes over
 *
 * The bytes the jump replaces are saved when it is written, so that a site
 * another scheduler's jump occupies at this point can be planned for too.
 *
 * Return: 0, or what sched_live_patch_check() finds.
 */
int sched_live_patch_prepare(struct sched_live_patch *patch, const void *site,
			     const void *target)
{
	unsigned long from = (unsigned long)site, to = (unsigned long)target;
	int ret;

	ret = sched_live_patch_check(site, target);
	if (ret)
		return ret;
	patch->at = (void *)sched_live_body(from);
	memcpy(patch->jump, text_gen_insn(JMP32_INSN_OPCODE, patch->at,
					  (void *)sched_live_body(to)),
	       JMP32_INSN_SIZE);
	return 0;
}

/* The most jumps written through one mapping of a page of text. */
#define SCHED_LIVE_POKE_BATCH	16

/**
 * sched_live_patch_write() - write (or remove) @nr prepared jumps
 * @patches: prepared with sched_live_patch_prepare()
 * @nr: how many
 * @apply: write the jumps, saving what they replace, rather than restore
 *	   what they replaced
 * @w: the window whose CPUs wait for the writes, told of each page
 *
 * Context: a stop_machine() callback, on one CPU, while the others wait
 * for it and then serialise (sync_core()) before they run any of the
 * text; the caller of stop_machine() holds text_mutex.
 */
void sched_live_patch_write(struct sched_live_patch *patches, unsigned int nr,
			    bool apply, struct sched_live_window *w)
{
	struct text_poke_stopped_loc locs[SCHED_LIVE_POKE_BATCH];
	unsigned long page = 0;
	unsigned int i, n = 0;

	for (i = 0; i < nr; i++) {
		struct sched_live_patch *patch = &patches[i];
		unsigned long at = (unsigned long)patch->at;

		/* The jumps are sorted: those of one page come in a row. */
		if (n && (n == ARRAY_SIZE(locs) || (at & PAGE_MASK) != page)) {
			text_poke_stopped(locs, n);
			sched_live_window_progress(w);
			n = 0;
		}
		page = at & PAGE_MASK;
		if (apply)
			memcpy(patch->saved, patch->at, JMP32_INSN_SIZE);
		locs[n].addr = patch->at;
		locs[n].opcode = apply ? patch->jump : patch->saved;
		locs[n].len = JMP32_INSN_SIZE;
		n++;
	}
	if (n) {
		text_poke_stopped(locs, n);
		sched_live_window_progress(w);
	}
}

struct sched_live_patch_work {
	struct sched_live_patch *patches;
	unsigned int nr;
	bool apply;
	int patcher;
	struct sched_live_window window;
};

/* The one barrier: the patcher has written; nothing to undo by then. */
static const char * const sched_live_patch_phases[] = { "write" };

static int sched_live_patch_stopped(void *data)
{
	struct sched_live_patch_work *work = data;

	if (smp_processor_id() == work->patcher)
		sched_live_patch_write(work->patches, work->nr, work->apply,
				       &work->window);
	sched_live_window_wait(&work->window, 0);
	sync_core();
	return 0;
}

/*
 * Apply (or revert) @nr patches at once, with every CPU stopped.  The
 * caller holds cpus_read_lock(), as stop_machine_cpuslocked() wants, and
 * text_mutex, which keeps ftrace, jump labels and static calls from
 * rewriting text meanwhile.
 */
static int sched_live_patch_all(struct sched_live_patch *patches,
				unsigned int nr, bool apply)
{
	struct sched_live_patch_work work = {
		.patches = patches,
		.nr = nr,
		.apply = apply,
		.patcher = raw_smp_processor_id(),
	};
	int ret;

	lockdep_assert_cpus_held();
	lockdep_assert_held(&text_mutex);
	ret = sched_live_window_init(&work.window, "writing jumps",
				     sched_live_patch_phases,
				     ARRAY_SIZE(sched_live_patch_phases), 0);
	if (ret)
		return ret;
	sched_live_window_open(&work.window);
	return stop_machine_cpuslocked(sched_live_patch_stopped, &work,
				       cpu_online_mask);
}

/**
 * sched_live_patch_apply() - take over the sites of @nr prepared patches
 * @patches: prepared with sched_live_patch_prepare()
 * @nr: how many
 *
 * Context: cpus_read_lock() and text_mutex held.
 * Return: 0, or what stop_machine_cpuslocked() failed with.
 */
int sched_live_patch_apply(struct sched_live_patch *patches, unsigned int nr)
{
	return sched_live_patch_all(patches, nr, true);
}

/**
 * sched_live_patch_revert() - give the sites of @nr applied patches back
 * @patches: applied with sched_live_patch_apply()
 * @nr: how many
 *
 * Context: cpus_read_lock() and text_mutex held.
 * Return: 0, or what stop_machine_cpuslocked() failed with.
 */
int sched_live_patch_revert(struct sched_live_patch *patches, unsigned int nr)
{
	return sched_live_patch_all(patches, nr, false);
}
