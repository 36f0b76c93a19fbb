// SPDX-License-Identifier: GPL-2.0
/*
 * Registers a scheduler entry from a module with a function that writes to
 * user memory: registration must refuse it, since a task waiting on a
 * fault in that function would hold back every switch away from it.  It
 * is built against a kernel build, whose scheduler ABI hash it claims.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/sched_live.h>
#include <linux/uaccess.h>
#include <generated/sched_live_boundary.h>

static struct sched_live_scheduler test_sched = {
	.name		= "sched_live_uaccess",
	.abi_version	= SCHED_LIVE_ABI_VERSION,
	.abi_hash	= SCHED_LIVE_ABI_HASH,
};

/* What the refusal names; never called. */
static noinline int test_sched_live_tell_user(int __user *where)
{
	return put_user(1, where);
}

/* Keeps the function in the module's text. */
static int (*test_sched_live_teller)(int __user *where) __used =
	test_sched_live_tell_user;

static int __init test_sched_live_uaccess_init(void)
{
	return sched_live_register(&test_sched);
}

static void __exit test_sched_live_uaccess_exit(void)
{
	sched_live_unregister(&test_sched);
}

module_init(test_sched_live_uaccess_init);
module_exit(test_sched_live_uaccess_exit);
MODULE_DESCRIPTION("sched_live selftest: a scheduler that touches user memory");
MODULE_LICENSE("GPL");
