// SPDX-License-Identifier: GPL-2.0
/*
 * The baseline of the switch benchmarks: how long stop_machine() stops the
 * system when the stopped CPUs do nothing.  Each read of
 * /sys/kernel/debug/test_sched_live_stopwatch runs one empty
 * stop_machine() on all online CPUs and gives its nanoseconds, measured
 * as a switch measures its stop_machine_ns: from the call to the return.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/stop_machine.h>

static struct dentry *file;

static int stopwatch_nothing(void *unused)
{
	return 0;
}

static ssize_t stopwatch_read(struct file *f, char __user *ubuf, size_t count,
			      loff_t *ppos)
{
	char buf[24];
	u64 start;
	int len, ret;

	if (*ppos)
		return 0;
	start = ktime_get_ns();
	ret = stop_machine(stopwatch_nothing, NULL, NULL);
	if (ret)
		return ret;
	len = scnprintf(buf, sizeof(buf), "%llu\n", ktime_get_ns() - start);
	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static const struct file_operations stopwatch_fops = {
	.owner	= THIS_MODULE,
	.read	= stopwatch_read,
};

static int __init test_sched_live_stopwatch_init(void)
{
	file = debugfs_create_file("test_sched_live_stopwatch", 0400, NULL,
				   NULL, &stopwatch_fops);
	return PTR_ERR_OR_ZERO(file);
}

static void __exit test_sched_live_stopwatch_exit(void)
{
	debugfs_remove(file);
}

module_init(test_sched_live_stopwatch_init);
module_exit(test_sched_live_stopwatch_exit);
MODULE_DESCRIPTION("sched_live selftest: an empty stop_machine(), timed");
MODULE_LICENSE("GPL");
