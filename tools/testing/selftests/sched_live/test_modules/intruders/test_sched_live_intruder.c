// SPDX-License-Identifier: GPL-2.0
/*
 * Imports the SCHED_LIVE namespace and uses a variable of the scheduler
 * that vmlinux does not export, without being a scheduler: it carries this
 * kernel's sched_live_abi tag, copied from its headers, but implements no
 * interface function.  The module loader must refuse it before it links;
 * were it loaded, it would only print what it read.  The variants that
 * include this file change one claim each.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/sched_live.h>
#include <generated/sched_live_boundary.h>

#ifndef TEST_SCHED_LIVE_LICENSE
#define TEST_SCHED_LIVE_LICENSE "GPL"
#endif

#ifndef TEST_SCHED_LIVE_TAG
#define TEST_SCHED_LIVE_TAG __stringify(SCHED_LIVE_ABI_HASH)
#endif

/* The scheduler's, in kernel/sched/fair.c; vmlinux does not export it. */
extern unsigned int sysctl_sched_base_slice;

#ifdef TEST_SCHED_LIVE_IMPLEMENTS
/* Claims to implement an interface function; never called. */
static void test_sched_live_claim(void)
{
}

SCHED_LIVE_IMPLEMENTS(test_sched_live_claim, "schedule");
#endif

static int __init test_sched_live_intruder_init(void)
{
	pr_info("read the base slice: %u ns\n", sysctl_sched_base_slice);
	return 0;
}

static void __exit test_sched_live_intruder_exit(void)
{
}

module_init(test_sched_live_intruder_init);
module_exit(test_sched_live_intruder_exit);
MODULE_LICENSE(TEST_SCHED_LIVE_LICENSE);
MODULE_DESCRIPTION("sched_live selftest: no scheduler, yet imports SCHED_LIVE");
#ifndef TEST_SCHED_LIVE_NO_TAG
MODULE_INFO(sched_live_abi, TEST_SCHED_LIVE_TAG);
#endif
MODULE_IMPORT_NS(SCHED_LIVE);
