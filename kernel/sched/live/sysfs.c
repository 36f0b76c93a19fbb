// SPDX-License-Identifier: GPL-2.0
/*
 * sched_live sysfs interface: /sys/kernel/sched_live/
 *
 *   active	rw  name of the active scheduler; write a name to switch
 *   available	ro  names of all registered schedulers, builtin first
 *
 * Documented in Documentation/ABI/testing/sysfs-kernel-sched_live.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/init.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>

#include "core.h"

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

static struct kobj_attribute active_attr = __ATTR_RW(active);
static struct kobj_attribute available_attr = __ATTR_RO(available);
static struct kobj_attribute abi_hash_attr = __ATTR_RO(abi_hash);

static struct attribute *sched_live_attrs[] = {
	&active_attr.attr,
	&available_attr.attr,
	&abi_hash_attr.attr,
	NULL,
};

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
	return 0;
}
late_initcall(sched_live_sysfs_init);
