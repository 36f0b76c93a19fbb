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
#include <linux/mmu_context.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/stacktrace.h>
#include <linux/sysrq.h>

#include "../sched.h"
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

/* The longest allowance the watchdog grants a task, beyond the timeout. */
#define SCHED_LIVE_WATCHDOG_MAX_NS	((u64)SCHED_LIVE_WATCHDOG_MAX_MS * NSEC_PER_MSEC)

/* @ns * @num / @den, rounded up, at most SCHED_LIVE_WATCHDOG_MAX_NS. */
static u64 sched_live_scale(u64 ns, u64 num, u64 den)
{
	const u64 max = SCHED_LIVE_WATCHDOG_MAX_NS;
	u64 ratio;

	if (!den)
		return max;
	/* 10 bits of fraction; load weights stay far below 2^53. */
	ratio = div64_u64(num << 10, den) + 1;
	if (ns > div64_u64(max << 10, ratio))
		return max;
	return min(max, (ns * ratio) >> 10);
}

/* The group entity @se is queued in, NULL at the top. */
static struct sched_entity *sched_live_parent(struct sched_entity *se)
{
#ifdef CONFIG_FAIR_GROUP_SCHED
	return se->parent;
#else
	return NULL;
#endif
}

/*
 * How long a correct fair class may keep @p waiting: EEVDF gives every
 * entity a turn of its slice (to the next tick, without HRTICK) in the
 * time the others of its runqueue take, in proportion to their weights,
 * so the wait grows with the weight beside it over its own at each level
 * of its group hierarchy: a SCHED_IDLE task beside hogs, a nice 19 task
 * beside nice -20 ones, a group of cpu.weight 1 beside one of 10000, an
 * idle group.  A group limited by cpu.max runs at most its quota in each
 * period, so its share shrinks by quota / period; while it is throttled,
 * any wait is its quota's.
 */
static u64 sched_live_fair_allowance(struct task_struct *p)
{
	struct sched_entity *se = &p->se;
	/* Without HRTICK a turn ends at a tick after the slice. */
	u64 ns = max_t(u64, se->slice, TICK_NSEC) + TICK_NSEC;
	struct cfs_rq *cfs_rq;
	unsigned long load;

#ifdef CONFIG_CFS_BANDWIDTH
	/* Held back by a quota now: it waits for a next period, or more. */
	if (cfs_rq_of(se)->throttle_count)
		return SCHED_LIVE_WATCHDOG_MAX_NS;
#endif
	for (; se; se = sched_live_parent(se)) {
		cfs_rq = cfs_rq_of(se);
		load = cfs_rq->load.weight;
		if (!se->on_rq)
			load += se->load.weight;
		ns = sched_live_scale(ns, load, se->load.weight);
#ifdef CONFIG_CFS_BANDWIDTH
		if (cfs_rq->runtime_enabled) {
			struct cfs_bandwidth *cfs_b = &cfs_rq->tg->cfs_bandwidth;
			u64 period = ktime_to_ns(cfs_b->period);

			ns = sched_live_scale(ns, period, cfs_b->quota);
			ns = min(ns + period, SCHED_LIVE_WATCHDOG_MAX_NS);
		}
#endif
	}
	/*
	 * An estimate, not a bound: turns do not come round robin, and a
	 * group pays back over the next periods what it ran past its quota
	 * until a tick noticed.  Twice it leaves room for both.
	 */
	return min(2 * ns, SCHED_LIVE_WATCHDOG_MAX_NS);
}

/* Whether RT throttling (RT_GROUP_SCHED) holds @p's class back. */
static bool sched_live_rt_throttled(struct task_struct *p)
{
#ifdef CONFIG_RT_GROUP_SCHED
	struct sched_rt_entity *rt_se;

	for (rt_se = &p->rt; rt_se; rt_se = rt_se->parent) {
		if (rt_se->rt_rq->rt_throttled)
			return true;
	}
#endif
	return false;
}

/*
 * Whether @cpu runs something a waiting real-time task of priority @prio
 * goes before: a task of lower priority, not one the fair server runs
 * (a deadline entity, through which the fair class gets its share beside
 * real-time hogs).  A snapshot, without that CPU's runqueue lock.
 */
static bool sched_live_runs_lower(int cpu, int prio)
{
	struct task_struct *curr = rcu_dereference(cpu_rq(cpu)->curr);

	return READ_ONCE(curr->prio) > prio && !READ_ONCE(curr->dl_server);
}

/*
 * Whether a correct real-time class may keep @p waiting for as long as it
 * likes: while RT throttling holds it back, or while every CPU it may run
 * on runs a task of higher or equal priority (one that is not SCHED_RR,
 * which would take turns with it), or the fair server.
 */
static bool sched_live_rt_may_wait(struct task_struct *p)
{
	struct task_struct *curr = rcu_dereference(task_rq(p)->curr);
	int cpu;

	if (sched_live_rt_throttled(p))
		return true;
	if (curr->prio == p->prio && curr->policy == SCHED_RR)
		return false;
	if (curr->prio > p->prio && !curr->dl_server)
		return false;
	if (p->nr_cpus_allowed == 1 || is_migration_disabled(p))
		return true;
	for_each_cpu_and(cpu, p->cpus_ptr, cpu_active_mask) {
		if (sched_live_runs_lower(cpu, p->prio))
			return false;
	}
	return true;
}

/*
 * How long, beyond the timeout, a correct scheduler may keep @p waiting:
 * U64_MAX if as long as it likes.  A deadline task waits at most until its
 * deadline unless its runtime is spent; a real-time one as long as higher
 * ones run; a fair one its share's due (sched_live_fair_allowance()).
 * With @p's runqueue locked, so that what its CPU runs and the weights of
 * its hierarchy hold still.
 */
static u64 sched_live_allowance(struct task_struct *p)
{
	if (dl_prio(p->prio))
		return p->dl.dl_throttled ? U64_MAX : p->dl.dl_deadline;
	if (rt_prio(p->prio))
		return sched_live_rt_may_wait(p) ? U64_MAX : 0;
	return sched_live_fair_allowance(p);
}

/*
 * How long @p has waited on a runqueue beyond what its scheduling class
 * and its share allow (sched_live_allowance()), in nanoseconds; 0 if it is
 * not waiting.  last_queued is in the clock of the runqueue that queued
 * it, sched_clock_cpu() of that CPU.  Only a task that has waited longer
 * than @timeout_ns is judged, under its runqueue lock.
 */
static u64 sched_live_overdue_ns(struct task_struct *p, u64 timeout_ns)
{
	u64 queued = READ_ONCE(p->sched_info.last_queued);
	u64 now, waited, allowed = 0;

	if (!queued || !task_is_running(p))
		return 0;
	now = sched_clock_cpu(task_cpu(p));
	if (now <= queued || now - queued <= timeout_ns)
		return 0;

	scoped_guard(task_rq_lock, p) {
		queued = p->sched_info.last_queued;
		waited = task_on_rq_queued(p) && queued && now > queued ?
			 now - queued : 0;
		if (waited > timeout_ns)
			allowed = sched_live_allowance(p);
	}

	if (allowed == U64_MAX || waited <= timeout_ns + allowed)
		return 0;
	return waited;
}

/* The task that has waited longest, if longer than @timeout_ns; referenced. */
static struct task_struct *sched_live_find_stalled(u64 timeout_ns, u64 *waited)
{
	struct task_struct *g, *p, *worst = NULL;
	u64 ns;

	*waited = timeout_ns;
	rcu_read_lock();
	for_each_process_thread(g, p) {
		ns = sched_live_overdue_ns(p, timeout_ns);
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
