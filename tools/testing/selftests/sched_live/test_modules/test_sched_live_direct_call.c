// SPDX-License-Identifier: GPL-2.0
/*
 * An ftrace direct call, as a BPF fentry program's trampoline makes one,
 * on a function of the scheduler (task_prio() by default), for the
 * selftests of the conflicts between such users and a scheduler module.
 * The trampoline (test_sched_live_direct_tramp.S) only counts its calls,
 * in the parameter "hits".
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ftrace.h>
#include <linux/module.h>
#include <linux/string.h>

void test_sched_live_direct_tramp(void);

u64 test_sched_live_direct_hits;
module_param_named(hits, test_sched_live_direct_hits, ullong, 0444);
MODULE_PARM_DESC(hits, "how many times the direct call ran");

static char *target = "task_prio";
module_param(target, charp, 0400);
MODULE_PARM_DESC(target, "the function to call out of (default task_prio)");

static struct ftrace_ops direct_ops;

static int __init test_sched_live_direct_init(void)
{
	int ret;

	ret = ftrace_set_filter(&direct_ops, target, strlen(target), 0);
	if (ret)
		return ret;
	ret = register_ftrace_direct(&direct_ops,
				     (unsigned long)test_sched_live_direct_tramp);
	if (ret)
		ftrace_free_filter(&direct_ops);
	return ret;
}

static void __exit test_sched_live_direct_exit(void)
{
	unregister_ftrace_direct(&direct_ops,
				 (unsigned long)test_sched_live_direct_tramp, true);
}

module_init(test_sched_live_direct_init);
module_exit(test_sched_live_direct_exit);
MODULE_DESCRIPTION("sched_live selftest: an ftrace direct call");
MODULE_LICENSE("GPL");
