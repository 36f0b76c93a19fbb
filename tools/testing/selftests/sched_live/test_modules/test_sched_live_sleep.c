// SPDX-License-Identifier: GPL-2.0
/*
 * Lets user threads sleep uninterruptibly, for the selftests of sleepers
 * that outlive the scheduler they went to sleep under.
 *
 * A write of "sleep" to /sys/kernel/debug/test_sched_live_sleep sleeps in
 * TASK_UNINTERRUPTIBLE until a write of "wake" wakes every such sleeper;
 * a read gives how many sleep now.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(sleepers);
static atomic_t generation = ATOMIC_INIT(0);
static atomic_t nr_sleeping = ATOMIC_INIT(0);
static struct dentry *file;

static ssize_t sleep_write(struct file *f, const char __user *ubuf,
			   size_t count, loff_t *ppos)
{
	char cmd[8];
	int gen;

	if (count >= sizeof(cmd) || copy_from_user(cmd, ubuf, count))
		return -EINVAL;
	cmd[count] = '\0';
	strim(cmd);

	if (!strcmp(cmd, "wake")) {
		atomic_inc(&generation);
		wake_up_all(&sleepers);
		return count;
	}
	if (strcmp(cmd, "sleep"))
		return -EINVAL;

	gen = atomic_read(&generation);
	atomic_inc(&nr_sleeping);
	/* Not killable, on purpose: the sleep is uninterruptible. */
	wait_event(sleepers, atomic_read(&generation) != gen);
	atomic_dec(&nr_sleeping);
	return count;
}

static ssize_t sleep_read(struct file *f, char __user *ubuf, size_t count,
			  loff_t *ppos)
{
	char buf[16];
	int len;

	len = scnprintf(buf, sizeof(buf), "%d\n", atomic_read(&nr_sleeping));
	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static const struct file_operations sleep_fops = {
	.owner	= THIS_MODULE,
	.write	= sleep_write,
	.read	= sleep_read,
};

static int __init test_sched_live_sleep_init(void)
{
	file = debugfs_create_file("test_sched_live_sleep", 0600, NULL, NULL,
				   &sleep_fops);
	return PTR_ERR_OR_ZERO(file);
}

static void __exit test_sched_live_sleep_exit(void)
{
	debugfs_remove(file);
}

module_init(test_sched_live_sleep_init);
module_exit(test_sched_live_sleep_exit);
MODULE_DESCRIPTION("sched_live selftest: uninterruptible sleepers");
MODULE_LICENSE("GPL");
