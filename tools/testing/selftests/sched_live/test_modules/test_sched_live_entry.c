// SPDX-License-Identifier: GPL-2.0
/*
 * Registers one scheduler entry with sched_live, so that the selftests can
 * see it in /sys/kernel/sched_live/available and request a switch to it.
 * The entry has no scheduler behind it (no switch operations), so a
 * switch to it is refused; it exercises the registry only.
 * The parameters produce the registrations the kernel must refuse.  It is
 * built against a kernel build, whose scheduler ABI hash it claims.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/sched_live.h>
#include <generated/sched_live_boundary.h>

static char *name = "sched_live_test";
module_param(name, charp, 0400);
MODULE_PARM_DESC(name, "name to register (default sched_live_test)");

static uint abi_version = SCHED_LIVE_ABI_VERSION;
module_param(abi_version, uint, 0400);
MODULE_PARM_DESC(abi_version, "ABI version to claim (default: the kernel's)");

static unsigned long long abi_hash = SCHED_LIVE_ABI_HASH;
module_param(abi_hash, ullong, 0400);
MODULE_PARM_DESC(abi_hash, "scheduler ABI hash to claim (default: this kernel build's)");

static char *implements;
module_param(implements, charp, 0400);
MODULE_PARM_DESC(implements, "claim to implement this interface function");

static struct sched_live_scheduler test_sched;
static struct sched_live_implementation test_impl;

/* Stands in for an implementation; never called. */
static void test_sched_live_impl(void)
{
}

static int __init test_sched_live_entry_init(void)
{
	test_sched.name = name;
	test_sched.abi_version = abi_version;
	test_sched.abi_hash = abi_hash;
	if (implements) {
		test_impl.key = implements;
		test_impl.addr = test_sched_live_impl;
		test_sched.implements = &test_impl;
		test_sched.nr_implements = 1;
	}
	return sched_live_register(&test_sched);
}

static void __exit test_sched_live_entry_exit(void)
{
	sched_live_unregister(&test_sched);
}

module_init(test_sched_live_entry_init);
module_exit(test_sched_live_entry_exit);
MODULE_DESCRIPTION("sched_live selftest: a registry entry");
MODULE_LICENSE("GPL");
