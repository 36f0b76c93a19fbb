// SPDX-License-Identifier: GPL-2.0
/*
 * sched_live conflict: the other users of the text a module bypasses.
 *
 * While a scheduler module is active, vmlinux's copies of the functions it
 * replaces no longer run, except for the __fentry__ call at the entry of
 * each interface function, which the jump sits behind.  Anyone else who
 * watches or changes that text would silently miss everything, or worse:
 * a kprobe inside it never fires again; a livepatch, an ftrace IPMODIFY
 * user, would send the callers of a function to its own copy, around the
 * module; a BPF trampoline, an ftrace direct call, would wrap code that no
 * longer runs.
 *
 * So the text is claimed from the start of a switch away from builtin
 * until the switch back to builtin is complete:
 *
 *  - the switch is refused with -EBUSY while such a user exists: a scan of
 *    the registered kprobes and of the functions ftrace traces names the
 *    first one in the log, and /sys/kernel/sched_live/conflicts lists them
 *    all;
 *  - while the text is claimed, kprobes and ftrace refuse a new user of it
 *    with -EBUSY (sched_live_text_user_check()).
 *
 * The claim is published before the scan, and kprobes and ftrace check it
 * under the locks they register users under, which the scan takes too: a
 * user either registered before the scan, which then finds it, or sees
 * the claim.
 *
 * Function tracing and kprobes at the entry of an interface function are
 * no conflict: the __fentry__ call still runs there.  Function tracing of
 * other bypassed functions is one for the switch; once the module is
 * active, a new filter by name matches the module's copy as well, so it
 * is let through.
 *
 * A switch away from a module is never refused for these: the way back
 * to builtin stays open.  Probes of the module's own text just stop
 * firing until it is active again.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ftrace.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/sched_live.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "conflict.h"
#include "stack.h"

static const char *const sched_live_user_names[] = {
	[SCHED_LIVE_KPROBE]		= "kprobe",
	[SCHED_LIVE_FTRACE]		= "ftrace",
	[SCHED_LIVE_FTRACE_IPMODIFY]	= "ftrace-ipmodify",
	[SCHED_LIVE_FTRACE_DIRECT]	= "ftrace-direct",
};

static const char *const sched_live_user_what[] = {
	[SCHED_LIVE_KPROBE]		= "a kprobe",
	[SCHED_LIVE_FTRACE]		= "function tracing",
	[SCHED_LIVE_FTRACE_IPMODIFY]	= "an ftrace IPMODIFY user (a livepatch?)",
	[SCHED_LIVE_FTRACE_DIRECT]	= "an ftrace direct call (a BPF trampoline?)",
};

/*
 * The claimed text, NULL while builtin runs it; published with release
 * semantics after the rest, and read without sched_live_mutex.
 */
static const struct sched_live_range *sched_live_claimed;
static unsigned int sched_live_nr_claimed;
/* The scheduler the text is claimed for, for the log. */
static char sched_live_claimant[SCHED_LIVE_NAME_MAX + 1];

/* Whether @user at @addr conflicts with a module that bypasses @ranges. */
static bool sched_live_user_conflicts(const struct sched_live_range *ranges,
				      unsigned int nr, unsigned long addr,
				      enum sched_live_text_user user)
{
	const struct sched_live_range *range;

	range = sched_live_find_range(addr, ranges, nr);
	if (!range)
		return false;
	if (user == SCHED_LIVE_FTRACE_IPMODIFY || user == SCHED_LIVE_FTRACE_DIRECT)
		return true;
	/* An interface function's entry still runs. */
	return !(range->interface && addr == ftrace_location(range->start));
}

/**
 * sched_live_text_user_check() - may a new user watch or change this text
 * @addr: the address of the kprobe, or of the function ftrace would call
 *	  out of
 * @user: what kind of user it is
 *
 * Called by kprobes and ftrace before they register a user.
 *
 * Context: under kprobe_mutex or ftrace_lock.
 * Return: 0, or -EBUSY, with a line, when the text is claimed for a
 * scheduler module that bypasses @addr.
 */
int sched_live_text_user_check(unsigned long addr,
			       enum sched_live_text_user user)
{
	/* Pairs with sched_live_claim_text(): the count and name come first. */
	const struct sched_live_range *ranges = smp_load_acquire(&sched_live_claimed);

	if (!ranges ||
	    !sched_live_user_conflicts(ranges, sched_live_nr_claimed, addr, user))
		return 0;
	pr_warn("%s on %pS refused: scheduler '%s' replaces that function; use its copy in the module, or switch to builtin first\n",
		sched_live_user_what[user], (void *)addr, sched_live_claimant);
	return -EBUSY;
}

/* One scan of the users of some text. */
struct sched_live_scan {
	const struct sched_live_range	*ranges;
	unsigned int			nr;
	unsigned int			found;
	/* The first one found, for the log. */
	enum sched_live_text_user	first_user;
	unsigned long			first_addr;
	/* List them all in this sysfs buffer, if any. */
	char				*buf;
	ssize_t				len;
	unsigned int			unlisted;
};

static void sched_live_found(struct sched_live_scan *scan, unsigned long addr,
			     enum sched_live_text_user user)
{
	if (!sched_live_user_conflicts(scan->ranges, scan->nr, addr, user))
		return;
	if (!scan->found) {
		scan->first_user = user;
		scan->first_addr = addr;
	}
	/* Leave room for the line that counts what did not fit. */
	if (scan->buf && scan->len < PAGE_SIZE - 2 * KSYM_SYMBOL_LEN)
		scan->len += sysfs_emit_at(scan->buf, scan->len, "%s %pS\n",
					   sched_live_user_names[user],
					   (void *)addr);
	else
		scan->unlisted++;
	scan->found++;
}

#ifdef CONFIG_KPROBES
static int sched_live_scan_kprobe(struct kprobe *p, void *data)
{
	sched_live_found(data, (unsigned long)p->addr, SCHED_LIVE_KPROBE);
	return 0;
}
#endif

#ifdef CONFIG_DYNAMIC_FTRACE
static int sched_live_scan_ftrace(struct dyn_ftrace *rec, void *data)
{
	enum sched_live_text_user user = SCHED_LIVE_FTRACE;

	if (rec->flags & FTRACE_FL_IPMODIFY)
		user = SCHED_LIVE_FTRACE_IPMODIFY;
	else if (rec->flags & FTRACE_FL_DIRECT)
		user = SCHED_LIVE_FTRACE_DIRECT;
	sched_live_found(data, rec->ip, user);
	return 0;
}
#endif

static void sched_live_scan(struct sched_live_scan *scan)
{
#ifdef CONFIG_KPROBES
	kprobe_for_each(sched_live_scan_kprobe, scan);
#endif
#ifdef CONFIG_DYNAMIC_FTRACE
	ftrace_scan_traced(sched_live_scan_ftrace, scan);
#endif
}

/**
 * sched_live_claim_text() - claim the text a switch to a module bypasses
 * @name: the scheduler switched to
 * @ranges: vmlinux's text it bypasses, sorted and disjoint; kept
 * @nr: how many ranges
 *
 * Context: sched_live_mutex held, and nothing claimed.
 * Return: 0 with the text claimed, or -EBUSY, with the first conflict
 * named in the log and nothing claimed.
 */
int sched_live_claim_text(const char *name,
			  const struct sched_live_range *ranges,
			  unsigned int nr)
{
	struct sched_live_scan scan = { .ranges = ranges, .nr = nr };

	strscpy(sched_live_claimant, name);
	sched_live_nr_claimed = nr;
	/* A check that sees the ranges sees their count and the name. */
	smp_store_release(&sched_live_claimed, ranges);

	sched_live_scan(&scan);
	if (!scan.found)
		return 0;
	pr_warn("switch to '%s' refused: it would bypass %s on %pS (conflicts: %u, all in /sys/kernel/sched_live/conflicts); remove them and try again\n",
		name, sched_live_user_what[scan.first_user],
		(void *)scan.first_addr, scan.found);
	sched_live_release_text();
	return -EBUSY;
}

/**
 * sched_live_pass_claim() - hand the claimed text to another module
 * @name: the scheduler now active
 *
 * Context: sched_live_mutex held, and the text claimed.
 */
void sched_live_pass_claim(const char *name)
{
	strscpy(sched_live_claimant, name);
}

/**
 * sched_live_release_text() - give vmlinux's scheduler text back
 *
 * Context: sched_live_mutex held.
 */
void sched_live_release_text(void)
{
	WRITE_ONCE(sched_live_claimed, NULL);
}

/**
 * sched_live_list_conflicts() - list the users a switch to a module refuses
 * @buf: a sysfs buffer
 * @ranges: vmlinux's text a module bypasses
 * @nr: how many ranges
 *
 * One line per user, its kind and address; a last line counts those that
 * did not fit in the buffer.
 *
 * Context: sched_live_mutex held.
 * Return: the length written.
 */
ssize_t sched_live_list_conflicts(char *buf,
				  const struct sched_live_range *ranges,
				  unsigned int nr)
{
	struct sched_live_scan scan = { .ranges = ranges, .nr = nr, .buf = buf };

	sched_live_scan(&scan);
	if (scan.unlisted)
		scan.len += sysfs_emit_at(buf, scan.len, "and %u more\n",
					  scan.unlisted);
	return scan.len;
}
