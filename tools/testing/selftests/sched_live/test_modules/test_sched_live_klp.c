// SPDX-License-Identifier: GPL-2.0
/*
 * A livepatch, of a function outside the scheduler by default: the show
 * function of /proc/cmdline.  Its transition completes only once the stack
 * of every task has been walked reliably, so the selftests use it to check
 * that sleepers' stacks stay reliable across switches of the scheduler.
 *
 * With target=task_prio it patches that scheduler function instead, with
 * an equivalent, for the selftests of the conflicts between livepatch and
 * a scheduler module.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/sched/prio.h>
#include <linux/seq_file.h>
#include <linux/string.h>

static char *target = "cmdline";
module_param(target, charp, 0400);
MODULE_PARM_DESC(target, "the function to patch: cmdline (default) or task_prio");

static int patched_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, "test_sched_live_klp\n");
	return 0;
}

static int patched_task_prio(const struct task_struct *p)
{
	return p->prio - MAX_RT_PRIO;
}

static struct klp_func funcs[] = {
	{
		.old_name = "cmdline_proc_show",
		.new_func = patched_cmdline_proc_show,
	},
	{ }
};

static struct klp_object objs[] = {
	{
		/* vmlinux */
		.funcs = funcs,
	},
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int __init test_sched_live_klp_init(void)
{
	if (!strcmp(target, "task_prio")) {
		funcs[0].old_name = "task_prio";
		funcs[0].new_func = patched_task_prio;
	} else if (strcmp(target, "cmdline")) {
		return -EINVAL;
	}
	return klp_enable_patch(&patch);
}

static void __exit test_sched_live_klp_exit(void)
{
}

module_init(test_sched_live_klp_init);
module_exit(test_sched_live_klp_exit);
MODULE_DESCRIPTION("sched_live selftest: a livepatch outside the scheduler");
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
