// SPDX-License-Identifier: GPL-2.0
/*
 * Keeps a kernel thread waiting inside the scheduler's own code, so that
 * the selftests can see a switch refused for a busy stack.
 *
 * "holder" disables migration and sleeps; "mover" asks to move it to
 * another CPU with set_cpus_allowed_ptr(), which waits, in the
 * scheduler's affine_move_task(), until the holder enables migration
 * again.  Writing 1 to the parameter "release" lets both finish; so does
 * unloading the module.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/sched/task.h>

static DECLARE_COMPLETION(release_done);
static DECLARE_COMPLETION(holder_ready);
static struct task_struct *holder, *mover;
static bool released;

static int holder_fn(void *unused)
{
	migrate_disable();
	complete(&holder_ready);
	wait_for_completion(&release_done);
	migrate_enable();
	while (!kthread_should_stop())
		msleep(20);
	return 0;
}

static int mover_fn(void *unused)
{
	int cpu = cpumask_any_but(cpu_online_mask, task_cpu(holder));

	set_cpus_allowed_ptr(holder, cpumask_of(cpu));
	while (!kthread_should_stop())
		msleep(20);
	return 0;
}

static int release_set(const char *val, const struct kernel_param *kp)
{
	if (!released) {
		released = true;
		complete_all(&release_done);
	}
	return 0;
}

static const struct kernel_param_ops release_ops = {
	.set = release_set,
};
module_param_cb(release, &release_ops, NULL, 0200);
MODULE_PARM_DESC(release, "write anything to let the threads finish");

static int __init test_sched_live_busy_init(void)
{
	if (num_online_cpus() < 2)
		return -ENODEV;
	holder = kthread_run(holder_fn, NULL, "slive_holder");
	if (IS_ERR(holder))
		return PTR_ERR(holder);
	get_task_struct(holder);
	wait_for_completion(&holder_ready);
	mover = kthread_run(mover_fn, NULL, "slive_mover");
	if (IS_ERR(mover)) {
		release_set(NULL, NULL);
		kthread_stop(holder);
		put_task_struct(holder);
		return PTR_ERR(mover);
	}
	get_task_struct(mover);
	pr_info("a thread waits in the scheduler until 'release'\n");
	return 0;
}

static void __exit test_sched_live_busy_exit(void)
{
	release_set(NULL, NULL);
	kthread_stop(mover);
	kthread_stop(holder);
	put_task_struct(mover);
	put_task_struct(holder);
}

module_init(test_sched_live_busy_init);
module_exit(test_sched_live_busy_exit);
MODULE_DESCRIPTION("sched_live selftest: a thread busy inside the scheduler");
MODULE_LICENSE("GPL");
