// SPDX-License-Identifier: GPL-2.0
/*
 * sched_live core: the registry of schedulers and the switch request.
 *
 * Every scheduler that can be made active is registered here by name.  The
 * scheduler compiled into vmlinux, "builtin", is always present and is not on
 * the list, so it can never be unregistered.  sched_live_mutex serialises
 * registration, unregistration and switches (transition.c).  The active
 * scheduler holds a reference on its module, and removing that module is
 * refused with -EBUSY.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cleanup.h>
#include <linux/cpu.h>
#include <linux/export.h>
#include <linux/fcntl.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/sched/ext.h>
#include <linux/slab.h>
#include <linux/stop_machine.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "conflict.h"
#include "core.h"
#include "patch.h"
#include "transition.h"
#include "uaccess.h"
#include "watchdog.h"

/* Serialises registration, switches and removal checks (core.h). */
DEFINE_MUTEX(sched_live_mutex);
static LIST_HEAD(sched_live_schedulers);

static struct sched_live_scheduler sched_live_builtin = {
	.name		= SCHED_LIVE_BUILTIN_NAME,
	.abi_version	= SCHED_LIVE_ABI_VERSION,
	.ops		= &sched_live_ops,
};

static struct sched_live_scheduler *sched_live_active = &sched_live_builtin;
static struct sched_live_switch_record sched_live_last_switch;
static struct sched_live_exit sched_live_last_exit;

/*
 * For the reports of a crash or a warning (sched_live_print_info()), which
 * come in any context: the names of the scheduler whose code runs and of
 * the last module scheduler whose code ran, copied at each flip, so that
 * a report never follows a pointer into a module that may be gone.
 */
static char sched_live_report_active[SCHED_LIVE_NAME_MAX + 1] =
	SCHED_LIVE_BUILTIN_NAME;
static char sched_live_report_module[SCHED_LIVE_NAME_MAX + 1];

static const char *const sched_live_exit_reasons[] = {
	[SCHED_LIVE_EXIT_NONE]		= "none",
	[SCHED_LIVE_EXIT_USER]		= "user",
	[SCHED_LIVE_EXIT_WATCHDOG]	= "watchdog",
	[SCHED_LIVE_EXIT_SYSRQ]		= "sysrq",
	[SCHED_LIVE_EXIT_ERROR]		= "error",
};

static bool sched_live_name_char_ok(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-';
}

/*
 * Check @len bytes at @name against the naming rules.  On failure return
 * -EINVAL and say why in @reason, for the caller's message.
 */
static int sched_live_check_name(const char *name, size_t len,
				 const char **reason)
{
	size_t i;

	if (!len) {
		*reason = "empty name";
		return -EINVAL;
	}
	if (len > SCHED_LIVE_NAME_MAX) {
		*reason = "name longer than " __stringify(SCHED_LIVE_NAME_MAX)
			  " characters";
		return -EINVAL;
	}
	if (memchr(name, '\0', len)) {
		*reason = "NUL byte inside the name";
		return -EINVAL;
	}
	for (i = 0; i < len; i++) {
		if (!sched_live_name_char_ok(name[i])) {
			*reason = "character outside [a-z0-9_-] in the name";
			return -EINVAL;
		}
	}
	return 0;
}

/**
 * sched_live_parse_name() - turn a sysfs write into a scheduler name
 * @buf:	the bytes written
 * @count:	how many
 * @name:	receives the NUL-terminated name on success
 * @reason:	receives why the input was rejected on failure
 *
 * One trailing newline is accepted, as echo(1) adds it; nothing else is
 * trimmed, so " fair" is rejected rather than silently fixed up.
 *
 * Return: 0 or -EINVAL.
 */
int sched_live_parse_name(const char *buf, size_t count,
			  char name[SCHED_LIVE_NAME_MAX + 1],
			  const char **reason)
{
	size_t len = count;
	int ret;

	if (len && buf[len - 1] == '\n')
		len--;
	ret = sched_live_check_name(buf, len, reason);
	if (ret)
		return ret;
	memcpy(name, buf, len);
	name[len] = '\0';
	return 0;
}

static struct sched_live_scheduler *sched_live_find(const char *name)
{
	struct sched_live_scheduler *sched;

	lockdep_assert_held(&sched_live_mutex);

	if (!strcmp(name, sched_live_builtin.name))
		return &sched_live_builtin;
	list_for_each_entry(sched, &sched_live_schedulers, list) {
		if (!strcmp(name, sched->name))
			return sched;
	}
	return NULL;
}

/*
 * Whether the jump to @impl fits at @site.  A site too small for it, or
 * whose first bytes belong to a jump label or a static call, stays
 * vmlinux's: the same source in both, unless the module changed that
 * function, which registration then says.
 */
static bool sched_live_site_usable(struct sched_live_scheduler *sched,
				   const struct sched_live_implementation *impl,
				   const void *site)
{
	int ret = sched_live_patch_check(site, impl->addr);

	if (ret == -ENOSPC)
		pr_info("'%s' leaves '%s' to vmlinux: no room for a jump\n",
			sched->name, impl->key);
	else if (ret == -EBUSY)
		pr_info("'%s' leaves '%s' to vmlinux: its first bytes are a jump label or a static call\n",
			sched->name, impl->key);
	return !ret;
}

/*
 * Find the vmlinux function that each implementation of @sched takes over,
 * refusing a key that is not an interface function of this kernel and code
 * that is not @owner's.  A static interface function whose address vmlinux
 * never takes has no site: only code of its own unit calls it (the
 * __do_sys_ bodies), and that code is taken over itself.
 */
static int sched_live_find_sites(struct sched_live_scheduler *sched,
				 struct module *owner)
{
	const struct sched_live_implementation *impl;
	const void **sites;
	unsigned int i;

	sched->sites = NULL;
	if (!sched->nr_implements)
		return 0;
	sites = kcalloc(sched->nr_implements, sizeof(*sites), GFP_KERNEL);
	if (!sites)
		return -ENOMEM;
	for (i = 0; i < sched->nr_implements; i++) {
		impl = &sched->implements[i];
		if (!sched_live_is_interface(impl->key)) {
			pr_err("refusing scheduler '%s': '%s' is no interface function of this kernel\n",
			       sched->name, impl->key);
			goto refuse;
		}
		if (!owner || !within_module((unsigned long)impl->addr, owner)) {
			pr_err("refusing scheduler '%s': its '%s' is not in its module\n",
			       sched->name, impl->key);
			goto refuse;
		}
		sites[i] = sched_live_find_function(impl->key);
		if (!sites[i] && !strchr(impl->key, ':')) {
			pr_err("refusing scheduler '%s': interface function '%s' has no address in vmlinux\n",
			       sched->name, impl->key);
			goto refuse;
		}
		if (sites[i] && !sched_live_site_usable(sched, impl, sites[i]))
			sites[i] = NULL;
	}
	sched->sites = sites;
	return 0;

refuse:
	kfree(sites);
	return -ENOEXEC;
}

int __sched_live_register(struct sched_live_scheduler *sched,
			  struct module *owner)
{
	const char *reason;
	int ret;

	if (!sched->name) {
		pr_err("refusing a scheduler without a name\n");
		return -EINVAL;
	}
	ret = sched_live_check_name(sched->name, strlen(sched->name), &reason);
	if (ret) {
		pr_err("refusing scheduler '%s': %s\n", sched->name, reason);
		return ret;
	}
	if (sched->abi_version != SCHED_LIVE_ABI_VERSION) {
		pr_err("refusing scheduler '%s': ABI version %u, kernel has %u; rebuild it\n",
		       sched->name, sched->abi_version, SCHED_LIVE_ABI_VERSION);
		return -ENOEXEC;
	}
	if (sched->abi_hash != sched_live_abi_hash) {
		pr_err("refusing scheduler '%s': built for scheduler ABI %016llx, this kernel's is %016llx; rebuild it against this kernel\n",
		       sched->name, sched->abi_hash, sched_live_abi_hash);
		return -ENOEXEC;
	}

	if (owner) {
		ret = sched_live_uaccess_check_module(sched->name, owner);
		if (ret)
			return ret;
	}
	ret = sched_live_find_sites(sched, owner);
	if (ret)
		return ret;

	guard(mutex)(&sched_live_mutex);
	if (sched_live_find(sched->name)) {
		pr_err("refusing scheduler '%s': the name is already registered\n",
		       sched->name);
		kfree(sched->sites);
		sched->sites = NULL;
		return -EEXIST;
	}
	ret = sched_live_sysfs_add(sched);
	if (ret) {
		pr_err("refusing scheduler '%s': cannot make its sysfs directory (%d)\n",
		       sched->name, ret);
		kfree(sched->sites);
		sched->sites = NULL;
		return ret;
	}
	sched->owner = owner;
	list_add_tail(&sched->list, &sched_live_schedulers);
	pr_info("registered scheduler '%s'\n", sched->name);
	if (sched->nr_implements == sched_live_nr_interface)
		pr_info("'%s' implements all the interface functions\n",
			sched->name);
	else if (sched->nr_implements)
		pr_info("'%s' implements %u of the %u interface functions\n",
			sched->name, sched->nr_implements,
			sched_live_nr_interface);
	return 0;
}
EXPORT_SYMBOL_GPL(__sched_live_register);

static int sched_live_stop_noop(void *unused)
{
	return 0;
}

/* A CPU's stopper runs its works in order: queue one more and wait. */
static void sched_live_drain_stop_works(void)
{
	int cpu;

	cpus_read_lock();
	for_each_online_cpu(cpu)
		stop_one_cpu(cpu, sched_live_stop_noop, NULL);
	cpus_read_unlock();
}

/*
 * Let run what a scheduler queued while it was active and may still run
 * its text: RCU callbacks and stop works (migration, active balancing).
 * rcu_barrier() waits for the callbacks queued before it, not for those
 * they queue; a task group's release chains two stages, of which vmlinux
 * queues the first (boundary.conf: sched_destroy_group()), so what a
 * module queued is a last stage, and one barrier is enough.  The audit
 * finds one that is not.
 */
static void sched_live_run_queued(void)
{
	rcu_barrier();
	sched_live_drain_stop_works();
}

/**
 * sched_live_unregister() - remove a scheduler from the registry
 * @sched: a scheduler registered with sched_live_register()
 *
 * Called from the module's exit function.  The scheduler is never active
 * at that point: an active scheduler holds a reference on its module, and
 * delete_module(2) refuses its module.  No task executed in its text when
 * the switch away from it was made (the stack check); what its code queued
 * while it was active can still run it, though: RCU callbacks (a task
 * group's release, a root domain's) and stop works (migration, active
 * balancing).  Both are waited for here (sched_live_run_queued()), before
 * the text goes away.
 */
void sched_live_unregister(struct sched_live_scheduler *sched)
{
	scoped_guard(mutex, &sched_live_mutex) {
		if (WARN_ON_ONCE(sched == sched_live_active))
			return;
		list_del(&sched->list);
		sched_live_sysfs_remove(sched);
		kfree(sched->sites);
		sched->sites = NULL;
	}
	sched_live_run_queued();
	pr_info("unregistered scheduler '%s'\n", sched->name);
}
EXPORT_SYMBOL_GPL(sched_live_unregister);

/* Keep what ended @from's time as the active scheduler for last_exit. */
static void sched_live_record_exit(struct sched_live_exit *exit,
				   const struct sched_live_scheduler *from,
				   const struct sched_live_switch_record *record)
{
	lockdep_assert_held(&sched_live_mutex);
	strscpy(exit->scheduler, from->name);
	exit->result = record->result;
	exit->rollback_ns = record->total_ns;
	exit->time_ns = ktime_get_boottime_ns();
	sched_live_last_exit = *exit;
}

/**
 * sched_live_note_flip() - the code of @to runs from now on
 * @to: the scheduler a switch has just flipped to
 *
 * Keeps the names a report prints (sched_live_print_info()).
 *
 * Context: the switch's stop_machine() callback, on the CPU that flips
 * the text, the others waiting.
 */
void sched_live_note_flip(const struct sched_live_scheduler *to)
{
	strscpy(sched_live_report_active, to->name);
	if (to->owner)
		strscpy(sched_live_report_module, to->name);
}

/*
 * A module scheduler's code runs in place of the kernel's own, as a
 * livepatch's does, so once a switch to it has succeeded the kernel and
 * the module are tainted TAINT_LIVEPATCH ('K'), and stay so after a switch
 * back: support tooling then knows that what ran is not the kernel it was
 * built with.  A refused switch ran none of the module's code and changes
 * nothing, taint included.  From the flip on, before the taint, a report
 * names the module already (sched_live_print_info()).
 */
static void sched_live_taint(struct module *owner)
{
	if (!test_bit(TAINT_LIVEPATCH, &owner->taints))
		pr_notice("tainting kernel with TAINT_LIVEPATCH: the scheduler of module '%s' runs in place of the kernel's\n",
			  owner->name);
	add_taint(TAINT_LIVEPATCH, LOCKDEP_STILL_OK);
	set_bit(TAINT_LIVEPATCH, &owner->taints);
}

/**
 * sched_live_print_info() - say which scheduler ran, in a report
 * @log_lvl: the log level of the report
 *
 * Called by dump_stack_print_info() for every crash, warning and
 * backtrace.  Prints nothing unless a module scheduler has been active
 * since boot.  Its label is capitalised like the others of that header
 * ("Hardware name:", "Workqueue:", "Sched_ext:").  Takes no lock: a report
 * may come from any context, and the names may be torn by a switch at
 * that moment, never dangling.
 */
void sched_live_print_info(const char *log_lvl)
{
	if (!READ_ONCE(sched_live_report_module[0]))
		return;
	printk("%sSched_live: active scheduler '%s', last module scheduler '%s'\n",
	       log_lvl, sched_live_report_active, sched_live_report_module);
}

/*
 * Switch from the active scheduler to @to: the switch is recorded for
 * last_switch and announced by a uevent, with @why for a rollback the
 * kernel asked for, and @to becomes the active one if it succeeded.
 */
static int sched_live_switch_active(struct sched_live_scheduler *to,
				    const char *why,
				    struct sched_live_switch_record *record)
{
	struct sched_live_scheduler *from = sched_live_active;
	int ret;

	lockdep_assert_held(&sched_live_mutex);
	ret = sched_live_switch(from, to, record);
	if (!ret && to->owner)
		sched_live_taint(to->owner);
	sched_live_notify_switch(from, to, ret, why);
	sched_live_last_switch = *record;
	if (!ret)
		WRITE_ONCE(sched_live_active, to);
	return ret;
}

/**
 * sched_live_request_switch() - make the named scheduler the active one
 * @name: a name that passed sched_live_parse_name()
 *
 * Return: 0 when @name is active on return, -ENOENT when no scheduler has
 * that name, -EOPNOTSUPP when it has no switch operations, or what
 * sched_live_switch() failed with.  On failure nothing
 * has changed.
 */
int sched_live_request_switch(const char *name)
{
	struct sched_live_scheduler *target, *from;
	struct sched_live_switch_record record;
	int ret;

	scoped_guard(mutex, &sched_live_mutex) {
		target = sched_live_find(name);
		if (!target) {
			pr_warn("no scheduler named '%s'; see /sys/kernel/sched_live/available\n",
				name);
			return -ENOENT;
		}
		if (target == sched_live_active) {
			pr_info("'%s' is already active\n", name);
			return 0;
		}
		if (!target->ops) {
			pr_warn("switch to '%s' refused: it has no switch operations, so it is no scheduler\n",
				name);
			return -EOPNOTSUPP;
		}
		/* The BPF scheduler sets its state under sched_live_mutex. */
		if (target->owner && scx_busy()) {
			pr_warn("switch to '%s' refused: a BPF scheduler (sched_ext) is enabled; disable it first\n",
				name);
			return -EBUSY;
		}
		from = sched_live_active;
		ret = sched_live_switch_active(target, NULL, &record);
		if (ret)
			return ret;
		if (from->owner) {
			struct sched_live_exit exit = {
				.reason = SCHED_LIVE_EXIT_USER,
			};

			sched_live_record_exit(&exit, from, &record);
		}
		if (target->owner)
			sched_live_watchdog_arm();
	}
	return 0;
}

/**
 * sched_live_hold_builtin() - keep the built-in scheduler active
 * @bpf_scheduler: the name of the BPF scheduler (sched_ext) being enabled
 *
 * A BPF scheduler is enabled only while builtin is active, and a switch to
 * a module is refused while one is enabled (scx_busy()): the enable path
 * makes its state busy between this and sched_live_release_builtin(),
 * which it calls whatever this returns.
 *
 * Return: 0, or -EBUSY if a module's scheduler is active; either way with
 * sched_live_mutex held.
 */
int sched_live_hold_builtin(const char *bpf_scheduler)
	__acquires(&sched_live_mutex)
{
	mutex_lock(&sched_live_mutex);
	__acquire(&sched_live_mutex);
	if (sched_live_active == &sched_live_builtin)
		return 0;
	pr_warn("BPF scheduler '%s' refused: scheduler '%s' is active; write builtin to /sys/kernel/sched_live/active first\n",
		bpf_scheduler, sched_live_active->name);
	return -EBUSY;
}

/**
 * sched_live_release_builtin() - end sched_live_hold_builtin()
 */
void sched_live_release_builtin(void)
	__releases(&sched_live_mutex)
{
	__release(&sched_live_mutex);
	mutex_unlock(&sched_live_mutex);
}

/**
 * sched_live_module_active() - whether a module's scheduler is active
 *
 * Return: true unless builtin is the active scheduler.
 */
bool sched_live_module_active(void)
{
	return READ_ONCE(sched_live_active) != &sched_live_builtin;
}

/**
 * sched_live_rollback() - switch from the active module back to builtin
 * @exit: why (the watchdog's finding, or SysRq); completed and recorded
 *
 * The same switch as a write of "builtin" to active, asked for by the
 * kernel: it logs why, sends the switch's uevent with SCHED_LIVE_EXIT,
 * and records the exit for last_exit, as SCHED_LIVE_EXIT_ERROR if the
 * switch failed.  Nothing happens if builtin is active already.
 *
 * Context: the watchdog's worker; sleeps.
 */
void sched_live_rollback(struct sched_live_exit *exit)
{
	const char *why = sched_live_exit_reasons[exit->reason];
	struct sched_live_switch_record record;
	struct sched_live_scheduler *from;
	int ret;

	guard(mutex)(&sched_live_mutex);
	from = sched_live_active;
	if (from == &sched_live_builtin) {
		pr_info("%s: builtin is already active\n", why);
		return;
	}
	if (exit->reason == SCHED_LIVE_EXIT_WATCHDOG)
		pr_err("watchdog: %s[%d] waited %llu ms to run on CPU %d under '%s' (watchdog_timeout_ms %u); rolling back to builtin\n",
		       exit->comm, exit->pid, exit->waited_ms, exit->cpu,
		       from->name, sched_live_watchdog_timeout());
	else
		pr_warn("%s: rolling '%s' back to builtin\n", why, from->name);

	ret = sched_live_switch_active(&sched_live_builtin, why, &record);
	if (ret) {
		pr_err("%s: the switch back to builtin failed (%d); '%s' stays active\n",
		       why, ret, from->name);
		exit->reason = SCHED_LIVE_EXIT_ERROR;
	}
	sched_live_record_exit(exit, from, &record);
}

/**
 * sched_live_module_busy() - whether a module may not be removed
 * @mod: the module being removed
 * @flags: the flags of delete_module(2)
 *
 * Called by delete_module(2) before it stops @mod.  A module whose
 * scheduler is active is refused, and so is one a task still executes in
 * or returns into, or, with CONFIG_SCHED_LIVE_AUDIT, one something still
 * points into; otherwise its reference count, which a switch to it takes
 * first, settles the race with a switch.  A removal by force would ignore
 * that count, so it is refused for any module that provides a scheduler.
 *
 * Return: -EBUSY if @mod provides the active scheduler, a removal by force
 * (O_TRUNC) is asked for, a task is in its text or the audit found a
 * pointer into it, -ENOMEM, else 0.
 */
int sched_live_module_busy(struct module *mod, unsigned int flags)
{
	struct sched_live_scheduler *sched;
	bool provides = false;

	/*
	 * Held throughout: a switch that made @mod's scheduler active while
	 * the checks below look at @mod would make them see a module in use
	 * and, with the audit, warn about it.
	 */
	guard(mutex)(&sched_live_mutex);
	if (sched_live_active->owner == mod) {
		pr_warn("module '%s' is in use: its scheduler '%s' is active; switch to another first\n",
			mod->name, sched_live_active->name);
		return -EBUSY;
	}
	list_for_each_entry(sched, &sched_live_schedulers, list)
		provides |= sched->owner == mod;
	if (!provides)
		return 0;
	/*
	 * Nothing keeps a switch to @mod's scheduler from taking a reference
	 * on @mod between here and try_stop_module(), which only a forced
	 * removal ignores.
	 */
	if (IS_ENABLED(CONFIG_MODULE_FORCE_UNLOAD) && (flags & O_TRUNC)) {
		pr_warn("module '%s' provides a scheduler: it cannot be removed by force; remove it without -f\n",
			mod->name);
		return -EBUSY;
	}
	/*
	 * What the module queued while it was active, it may still run: let
	 * that run first, so that the audit sees only what stays.
	 */
	if (IS_ENABLED(CONFIG_SCHED_LIVE_AUDIT))
		sched_live_run_queued();
	return sched_live_module_text_busy(mod);
}

ssize_t sched_live_show_last_switch(char *buf)
{
	const struct sched_live_switch_record *r = &sched_live_last_switch;

	guard(mutex)(&sched_live_mutex);
	if (!r->from[0])
		return 0;
	return sysfs_emit(buf,
			  "from %s\nto %s\nresult %d\nretries %u\ntasks %u\n"
			  "rechecked %u\nprepare_ns %llu\nprecheck_ns %llu\n"
			  "stop_machine_ns %llu\n"
			  "enter_ns %llu\ncheck_ns %llu\ndetach_ns %llu\n"
			  "flip_ns %llu\nadopt_ns %llu\nattach_ns %llu\n"
			  "leave_ns %llu\ntotal_ns %llu\n",
			  r->from, r->to, r->result, r->retries, r->tasks,
			  r->rechecked, r->prepare_ns, r->precheck_ns,
			  r->stop_machine_ns, r->enter_ns,
			  r->check_ns, r->detach_ns, r->flip_ns, r->adopt_ns,
			  r->attach_ns, r->leave_ns, r->total_ns);
}

ssize_t sched_live_show_conflicts(char *buf)
{
	const struct sched_live_range *ranges;
	unsigned int nr;
	int ret;

	guard(mutex)(&sched_live_mutex);
	ret = sched_live_replaced_text(&ranges, &nr);
	if (ret)
		return ret;
	return sched_live_list_conflicts(buf, ranges, nr);
}

ssize_t sched_live_show_last_exit(char *buf)
{
	const struct sched_live_exit *e = &sched_live_last_exit;
	unsigned int i;
	ssize_t len;

	guard(mutex)(&sched_live_mutex);
	if (e->reason == SCHED_LIVE_EXIT_NONE)
		return 0;
	len = sysfs_emit(buf,
			 "reason %s\nscheduler %s\nresult %d\ntime_ns %llu\n"
			 "rollback_ns %llu\n",
			 sched_live_exit_reasons[e->reason], e->scheduler,
			 e->result, e->time_ns, e->rollback_ns);
	if (!e->pid)
		return len;
	len += sysfs_emit_at(buf, len,
			     "pid %d\ncomm %s\ncpu %d\nwaited_ms %llu\nstack\n",
			     e->pid, e->comm, e->cpu, e->waited_ms);
	for (i = 0; i < e->nr_entries; i++)
		len += sysfs_emit_at(buf, len, " %pS\n", (void *)e->entries[i]);
	return len;
}

ssize_t sched_live_show_active(char *buf)
{
	guard(mutex)(&sched_live_mutex);
	return sysfs_emit(buf, "%s\n", sched_live_active->name);
}

ssize_t sched_live_show_available(char *buf)
{
	struct sched_live_scheduler *sched;
	ssize_t len;

	guard(mutex)(&sched_live_mutex);
	len = sysfs_emit(buf, "%s", sched_live_builtin.name);
	list_for_each_entry(sched, &sched_live_schedulers, list)
		len += sysfs_emit_at(buf, len, " %s", sched->name);
	len += sysfs_emit_at(buf, len, "\n");
	return len;
}

static int __init sched_live_init(void)
{
	int ret;

	ret = sched_live_sysfs_init();
	if (ret)
		return ret;
	ret = sched_live_watchdog_init();
	if (ret)
		return ret;
	guard(mutex)(&sched_live_mutex);
	return sched_live_sysfs_add(&sched_live_builtin);
}
late_initcall(sched_live_init);
