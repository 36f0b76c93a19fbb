// SPDX-License-Identifier: GPL-2.0
/*
 * sched_live watchdog: roll a scheduler module that starves tasks back to
 * builtin.
 *
 * A scheduler module is code its user wrote, and the way it most often
 * fails is not by crashing but by not running a task that is ready to
 * run.  While a module is active, the watchdog looks at every task every
 * quarter of watchdog_timeout_ms: one that has waited on a runqueue for
 * longer than the timeout makes it switch back to builtin, through the
 * same sched_live_switch() a write to "active" uses.  SysRq-S asks for the
 * same rollback from the console.  Either way the exit is recorded for
 * last_exit, logged and sent as a uevent.
 *
 *   sched_live_watchdog_arm()	 a module became active: start looking
 *   sched_live_watchdog_check()	 the periodic look at every task
 *   sched_live_rollback()		 (core.c) the switch back to builtin
 *
 * How long a task has waited comes from sched_info (CONFIG_SCHED_INFO):
 * sched_info.last_queued is set when a task is queued and cleared when it
 * runs or leaves the runqueue, by the active scheduler's own enqueue and
 * context switch code.  A module that stops keeping it cannot be watched.
 *
 * The checks and the rollback run in a kthread worker of their own at
 * SCHED_FIFO priority, so that a module that starves the fair class does
 * not starve its own watchdog too.  A module that does not run that
 * worker, or that breaks the stopper threads stop_machine() needs, cannot
 * be rolled back by anything but a reboot.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/minmax.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/stacktrace.h>
#include <linux/sysrq.h>

#include "core.h"
#include "watchdog.h"

/* Checks per timeout: a stall is found within 1.25 timeouts. */
#define SCHED_LIVE_WATCHDOG_CHECKS	4

static unsigned int sched_live_watchdog_timeout_ms =
	CONFIG_SCHED_LIVE_WATCHDOG_TIMEOUT_MS;
static struct kthread_worker *sched_live_watchdog_worker;
static void sched_live_watchdog_fn(struct kthread_work *work);
static DEFINE_KTHREAD_DELAYED_WORK(sched_live_watchdog_work,
				   sched_live_watchdog_fn);

unsigned int sched_live_watchdog_timeout(void)
{
	return READ_ONCE(sched_live_watchdog_timeout_ms);
}

/**
 * sched_live_watchdog_arm() - look for stalls from now on, if enabled
 *
 * Called when a module became active and when the timeout changed.  The
 * work stops rearming itself once builtin is active again.
 */
void sched_live_watchdog_arm(void)
{
	unsigned int timeout = sched_live_watchdog_timeout();

	if (!sched_live_watchdog_worker || !timeout)
		return;
	kthread_mod_delayed_work(sched_live_watchdog_worker,
				 &sched_live_watchdog_work,
				 msecs_to_jiffies(timeout / SCHED_LIVE_WATCHDOG_CHECKS));
}

/**
 * sched_live_watchdog_set_timeout() - change watchdog_timeout_ms
 * @ms: the new timeout; 0 disables the watchdog
 */
void sched_live_watchdog_set_timeout(unsigned int ms)
{
	WRITE_ONCE(sched_live_watchdog_timeout_ms, ms);
	if (ms)
		sched_live_watchdog_arm();
}

/*
 * How long @p has waited on a runqueue, in nanoseconds; 0 if it is not
 * waiting.  last_queued is in the clock of the runqueue that queued it,
 * sched_clock_cpu() of that CPU.
 */
static u64 sched_live_waited_ns(struct task_struct *p)
{
	u64 queued = READ_ONCE(p->sched_info.last_queued);
	u64 now;

	if (!queued || !task_is_running(p))
		return 0;
	now = sched_clock_cpu(task_cpu(p));
	return now > queued ? now - queued : 0;
}

/* The task that has waited longest, if longer than @timeout_ns; referenced. */
static struct task_struct *sched_live_find_stalled(u64 timeout_ns, u64 *waited)
{
	struct task_struct *g, *p, *worst = NULL;
	u64 ns;

	*waited = timeout_ns;
	rcu_read_lock();
	for_each_process_thread(g, p) {
		ns = sched_live_waited_ns(p);
		if (ns > *waited) {
			*waited = ns;
			worst = p;
		}
	}
	if (worst)
		get_task_struct(worst);
	rcu_read_unlock();
	return worst;
}

static void sched_live_watchdog_check(unsigned int timeout)
{
	struct sched_live_exit exit = { .reason = SCHED_LIVE_EXIT_WATCHDOG };
	struct task_struct *p;
	u64 waited;

	p = sched_live_find_stalled((u64)timeout * NSEC_PER_MSEC, &waited);
	if (!p)
		return;
	exit.pid = task_pid_nr(p);
	get_task_comm(exit.comm, p);
	exit.cpu = task_cpu(p);
	exit.waited_ms = div_u64(waited, NSEC_PER_MSEC);
	exit.nr_entries = stack_trace_save_tsk(p, exit.entries,
					       ARRAY_SIZE(exit.entries), 0);
	put_task_struct(p);
	sched_live_rollback(&exit);
}

static void sched_live_watchdog_fn(struct kthread_work *work)
{
	unsigned int timeout = sched_live_watchdog_timeout();

	if (!timeout || !sched_live_module_active())
		return;
	sched_live_watchdog_check(timeout);
	sched_live_watchdog_arm();
}

static void sched_live_sysrq_fn(struct kthread_work *work)
{
	struct sched_live_exit exit = { .reason = SCHED_LIVE_EXIT_SYSRQ };

	sched_live_rollback(&exit);
}

static DEFINE_KTHREAD_WORK(sched_live_sysrq_work, sched_live_sysrq_fn);

/**
 * sched_live_sysrq_rollback() - SysRq-S: roll the active module back
 *
 * Interrupt context: the switch needs a task, the watchdog's.  The
 * rollback logs that builtin is active already if it is.  With sched_ext,
 * SysRq-S is its key too: sched_ext's handler calls this unless a BPF
 * scheduler is enabled, which excludes a module.
 *
 * Return: true if the rollback is queued.
 */
bool sched_live_sysrq_rollback(void)
{
	if (!sched_live_watchdog_worker)
		return false;
	kthread_queue_work(sched_live_watchdog_worker, &sched_live_sysrq_work);
	return true;
}

static void sched_live_sysrq_handler(u8 key)
{
	sched_live_sysrq_rollback();
}

static const struct sysrq_key_op sched_live_sysrq_op = {
	.handler	= sched_live_sysrq_handler,
	.help_msg	= "reset-sched-live(S)",
	.action_msg	= "Roll the scheduler back to builtin",
	.enable_mask	= SYSRQ_ENABLE_RTNICE,
};

/**
 * sched_live_watchdog_init() - start the watchdog's worker, register SysRq-S
 *
 * Return: 0 or a negative errno.
 */
int __init sched_live_watchdog_init(void)
{
	struct kthread_worker *worker;

	worker = kthread_create_worker(0, "sched_live_watchdog");
	if (IS_ERR(worker))
		return PTR_ERR(worker);
	sched_set_fifo(worker->task);
	sched_live_watchdog_worker = worker;
	/* sched_ext has the key already, and asks sched_live first. */
	if (!IS_ENABLED(CONFIG_SCHED_CLASS_EXT))
		register_sysrq_key('S', &sched_live_sysrq_op);
	return 0;
}
