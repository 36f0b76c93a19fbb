// SPDX-License-Identifier: GPL-2.0
/*
 * sched_live sysfs interface: /sys/kernel/sched_live/
 *
 *   active	rw  name of the active scheduler; write a name to switch
 *   available	ro  names of all registered schedulers, builtin first
 *   abi_hash	ro  the scheduler ABI hash a module must be built for
 *   last_switch ro  what the last switch took, one "key value" per line
 *
 * Every switch, successful or not, also sends a change uevent.
 *
 * Documented in Documentation/ABI/testing/sysfs-kernel-sched_live.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/init.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>

#include "core.h"

static struct kobject *sched_live_kobj;

static ssize_t active_show(struct kobject *kobj, struct kobj_attribute *attr,
			   char *buf)
{
	return sched_live_show_active(buf);
}

static ssize_t active_store(struct kobject *kobj, struct kobj_attribute *attr,
			    const char *buf, size_t count)
{
	char name[SCHED_LIVE_NAME_MAX + 1];
	const char *reason;
	int ret;

	/*
	 * The file mode already keeps out everyone but root; a root process
	 * that dropped CAP_SYS_ADMIN must not switch the scheduler either.
	 */
	if (!capable(CAP_SYS_ADMIN)) {
		pr_warn_ratelimited("write to 'active' refused: CAP_SYS_ADMIN required\n");
		return -EPERM;
	}

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

static struct kobj_attribute active_attr = __ATTR_RW(active);
static struct kobj_attribute available_attr = __ATTR_RO(available);
static struct kobj_attribute abi_hash_attr = __ATTR_RO(abi_hash);
static struct kobj_attribute last_switch_attr = __ATTR_RO(last_switch);

static struct attribute *sched_live_attrs[] = {
	&active_attr.attr,
	&available_attr.attr,
	&abi_hash_attr.attr,
	&last_switch_attr.attr,
	NULL,
};

/**
 * sched_live_notify_switch() - tell userspace about a switch
 * @from: the scheduler active before
 * @to: the scheduler asked for
 * @result: 0 or the switch's error
 *
 * A change uevent on /sys/kernel/sched_live with SCHED_LIVE_FROM,
 * SCHED_LIVE_TO and SCHED_LIVE_RESULT.
 */
void sched_live_notify_switch(const char *from, const char *to, int result)
{
	char from_env[16 + SCHED_LIVE_NAME_MAX + 1];
	char to_env[16 + SCHED_LIVE_NAME_MAX + 1];
	char result_env[32];
	char *envp[] = { from_env, to_env, result_env, NULL };

	if (!sched_live_kobj)
		return;
	snprintf(from_env, sizeof(from_env), "SCHED_LIVE_FROM=%s", from);
	snprintf(to_env, sizeof(to_env), "SCHED_LIVE_TO=%s", to);
	snprintf(result_env, sizeof(result_env), "SCHED_LIVE_RESULT=%d", result);
	kobject_uevent_env(sched_live_kobj, KOBJ_CHANGE, envp);
}

static const struct attribute_group sched_live_attr_group = {
	.attrs = sched_live_attrs,
};

static int __init sched_live_sysfs_init(void)
{
	struct kobject *kobj;
	int ret;

	kobj = kobject_create_and_add("sched_live", kernel_kobj);
	if (!kobj)
		return -ENOMEM;

	ret = sysfs_create_group(kobj, &sched_live_attr_group);
	if (ret) {
		kobject_put(kobj);
		return ret;
	}
	sched_live_kobj = kobj;
	return 0;
}
late_initcall(sched_live_sysfs_init);
