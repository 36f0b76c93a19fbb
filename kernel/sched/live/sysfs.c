// SPDX-License-Identifier: GPL-2.0
/*
 * sched_live sysfs interface: /sys/kernel/sched_live/
 *
 *   active	rw  name of the active scheduler; write a name to switch
 *   available	ro  names of all registered schedulers, builtin first
 *   abi_hash	ro  the scheduler ABI hash a module must be built for
 *   last_switch ro  what the last switch took, one "key value" per line
 *   conflicts	ro  the users of scheduler text a module would bypass,
 *		    which refuse a switch from builtin, one per line
 *   watchdog_timeout_ms rw  how long a task may wait to run under a
 *		    module before the kernel switches back to builtin; 0: never
 *   last_exit	ro  why the last module stopped being active, one
 *		    "key value" per line
 *   schedulers/<name>/  one directory per registered scheduler
 *
 * The directory is a kset, so that its schedulers' directories can send
 * uevents (subsystem "sched_live"): add and remove when a scheduler is
 * registered and unregistered, and change when a switch to it was tried.
 *
 * Documented in Documentation/ABI/testing/sysfs-kernel-sched_live.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/init.h>
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include "core.h"
#include "watchdog.h"

static struct kset *sched_live_kset;
static struct kobject *sched_live_schedulers_kobj;

static ssize_t active_show(struct kobject *kobj, struct kobj_attribute *attr,
			   char *buf)
{
	return sched_live_show_active(buf);
}

/*
 * The file modes already keep out everyone but root; a root process that
 * dropped CAP_SYS_ADMIN must not change the scheduler's state either.
 */
static bool sched_live_may_write(const char *file)
{
	if (capable(CAP_SYS_ADMIN))
		return true;
	pr_warn_ratelimited("write to '%s' refused: CAP_SYS_ADMIN required\n",
			    file);
	return false;
}

static ssize_t active_store(struct kobject *kobj, struct kobj_attribute *attr,
			    const char *buf, size_t count)
{
	char name[SCHED_LIVE_NAME_MAX + 1];
	const char *reason;
	int ret;

	if (!sched_live_may_write("active"))
		return -EPERM;

	ret = sched_live_parse_name(buf, count, name, &reason);
	if (ret) {
		pr_warn("write to 'active' rejected: %s\n", reason);
		return ret;
	}

	ret = sched_live_request_switch(name);
	return ret ? ret : count;
}

static ssize_t available_show(struct kobject *kobj,
			      struct kobj_attribute *attr, char *buf)
{
	return sched_live_show_available(buf);
}

static ssize_t abi_hash_show(struct kobject *kobj,
			     struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%016llx\n", sched_live_abi_hash);
}

static ssize_t last_switch_show(struct kobject *kobj,
				struct kobj_attribute *attr, char *buf)
{
	return sched_live_show_last_switch(buf);
}

/* As /proc/PID/stack: a root process that dropped CAP_SYS_ADMIN may not. */
static bool sched_live_may_read(void)
{
	return capable(CAP_SYS_ADMIN);
}

static ssize_t conflicts_show(struct kobject *kobj,
			      struct kobj_attribute *attr, char *buf)
{
	if (!sched_live_may_read())
		return -EPERM;
	return sched_live_show_conflicts(buf);
}

static ssize_t watchdog_timeout_ms_show(struct kobject *kobj,
					struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", sched_live_watchdog_timeout());
}

static ssize_t watchdog_timeout_ms_store(struct kobject *kobj,
					 struct kobj_attribute *attr,
					 const char *buf, size_t count)
{
	unsigned int ms;

	if (!sched_live_may_write("watchdog_timeout_ms"))
		return -EPERM;
	if (kstrtouint(buf, 10, &ms) || ms > SCHED_LIVE_WATCHDOG_MAX_MS) {
		pr_warn("write to 'watchdog_timeout_ms' rejected: not a number of milliseconds from 0 to %u\n",
			SCHED_LIVE_WATCHDOG_MAX_MS);
		return -EINVAL;
	}
	sched_live_watchdog_set_timeout(ms);
	return count;
}

static ssize_t last_exit_show(struct kobject *kobj,
			      struct kobj_attribute *attr, char *buf)
{
	if (!sched_live_may_read())
		return -EPERM;
	return sched_live_show_last_exit(buf);
}

/*
 * Its buffer is allocated at open: a switch back to builtin needs no
 * memory (transition.c), and neither does writing the request for it to
 * a file opened beforehand.
 */
static struct kobj_attribute active_attr =
	__ATTR_PREALLOC(active, 0644, active_show, active_store);
static struct kobj_attribute available_attr = __ATTR_RO(available);
static struct kobj_attribute abi_hash_attr = __ATTR_RO(abi_hash);
static struct kobj_attribute last_switch_attr = __ATTR_RO(last_switch);
/*
 * Root's only, with CAP_SYS_ADMIN: conflicts names every kprobe, livepatch
 * and BPF user of the scheduler and takes their locks to do so; last_exit
 * shows a task's kernel stack, which /proc/PID/stack keeps for them too.
 */
static struct kobj_attribute conflicts_attr = __ATTR_RO_MODE(conflicts, 0400);
static struct kobj_attribute watchdog_timeout_ms_attr = __ATTR_RW(watchdog_timeout_ms);
static struct kobj_attribute last_exit_attr = __ATTR_RO_MODE(last_exit, 0400);

static struct attribute *sched_live_attrs[] = {
	&active_attr.attr,
	&available_attr.attr,
	&abi_hash_attr.attr,
	&last_switch_attr.attr,
	&conflicts_attr.attr,
	&watchdog_timeout_ms_attr.attr,
	&last_exit_attr.attr,
	NULL,
};

static void sched_live_scheduler_release(struct kobject *kobj)
{
	kfree(kobj);
}

static const struct kobj_type sched_live_scheduler_ktype = {
	.release	= sched_live_scheduler_release,
	.sysfs_ops	= &kobj_sysfs_ops,
};

/**
 * sched_live_sysfs_add() - give a registered scheduler its directory
 * @sched: the scheduler, being registered
 *
 * Makes /sys/kernel/sched_live/schedulers/<name> and sends its add uevent.
 * The directory is the registry's own allocation, not part of @sched, so
 * that it may outlive the module for as long as userspace holds it open.
 *
 * Return: 0, -ENODEV before sched_live_sysfs_init(), or -ENOMEM.
 */
int sched_live_sysfs_add(struct sched_live_scheduler *sched)
{
	struct kobject *kobj;
	int ret;

	if (!sched_live_kset)
		return -ENODEV;

	kobj = kzalloc(sizeof(*kobj), GFP_KERNEL);
	if (!kobj)
		return -ENOMEM;
	kobj->kset = sched_live_kset;
	ret = kobject_init_and_add(kobj, &sched_live_scheduler_ktype,
				   sched_live_schedulers_kobj, "%s", sched->name);
	if (ret) {
		kobject_put(kobj);
		return ret;
	}
	kobject_uevent(kobj, KOBJ_ADD);
	sched->kobj = kobj;
	return 0;
}

/**
 * sched_live_sysfs_remove() - remove a scheduler's directory
 * @sched: the scheduler, being unregistered
 *
 * Its remove uevent is sent when the last reference goes.
 */
void sched_live_sysfs_remove(struct sched_live_scheduler *sched)
{
	kobject_del(sched->kobj);
	kobject_put(sched->kobj);
	sched->kobj = NULL;
}

/**
 * sched_live_notify_switch() - tell userspace about a switch
 * @from: the scheduler active before
 * @to: the scheduler asked for
 * @result: 0 or the switch's error
 * @exit: why the kernel rolled @from back ("watchdog", "sysrq"), or NULL
 *	  for a switch userspace asked for
 *
 * A change uevent on @to's directory with SCHED_LIVE_FROM, SCHED_LIVE_TO
 * and SCHED_LIVE_RESULT, and SCHED_LIVE_EXIT for a rollback.
 */
void sched_live_notify_switch(const struct sched_live_scheduler *from,
			      const struct sched_live_scheduler *to, int result,
			      const char *exit)
{
	char from_env[16 + SCHED_LIVE_NAME_MAX + 1];
	char to_env[16 + SCHED_LIVE_NAME_MAX + 1];
	char result_env[32];
	char exit_env[32];
	char *envp[] = { from_env, to_env, result_env, exit ? exit_env : NULL, NULL };

	snprintf(from_env, sizeof(from_env), "SCHED_LIVE_FROM=%s", from->name);
	snprintf(to_env, sizeof(to_env), "SCHED_LIVE_TO=%s", to->name);
	snprintf(result_env, sizeof(result_env), "SCHED_LIVE_RESULT=%d", result);
	if (exit)
		snprintf(exit_env, sizeof(exit_env), "SCHED_LIVE_EXIT=%s", exit);
	kobject_uevent_env(to->kobj, KOBJ_CHANGE, envp);
}

static const struct attribute_group sched_live_attr_group = {
	.attrs = sched_live_attrs,
};

/**
 * sched_live_sysfs_init() - make /sys/kernel/sched_live
 *
 * Called once at boot, before any scheduler gets its directory.
 *
 * Return: 0 or a negative errno.
 */
int __init sched_live_sysfs_init(void)
{
	int ret;

	sched_live_kset = kset_create_and_add("sched_live", NULL, kernel_kobj);
	if (!sched_live_kset)
		return -ENOMEM;
	ret = sysfs_create_group(&sched_live_kset->kobj, &sched_live_attr_group);
	if (ret)
		goto unregister;
	sched_live_schedulers_kobj = kobject_create_and_add("schedulers",
							    &sched_live_kset->kobj);
	if (!sched_live_schedulers_kobj) {
		ret = -ENOMEM;
		goto unregister;
	}
	return 0;

unregister:
	kset_unregister(sched_live_kset);
	sched_live_kset = NULL;
	return ret;
}
