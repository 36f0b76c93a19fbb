// SPDX-License-Identifier: GPL-2.0
/*
 * sched_live audit: when a scheduler module goes, nothing may point into it.
 *
 * A switch away from a module points at the new scheduler's code whatever
 * it knows of: the tasks, the runqueues, the task groups, the root
 * domains.  A pointer it misses is only found when the kernel calls it,
 * after the module's memory is gone: a timer of a task that has already
 * exited, a work that requeues itself every second.  The fault then names
 * freed memory, far from its cause.
 *
 * With CONFIG_SCHED_LIVE_AUDIT, delete_module(2) of a scheduler module
 * first looks for such pointers, with every CPU stopped, in two kinds of
 * places:
 *
 *   - where the kernel keeps what it will call later, whoever queued it:
 *     the queued hrtimers, timers (and the works of delayed works),
 *     works, irq_works and RCU callbacks of every CPU, and every static
 *     call of vmlinux;
 *   - the scheduler's own objects, word by word, for a pointer to any part
 *     of the module, code or data: every runqueue and the sched domains
 *     of its CPU, every task's state up to its thread state (but for the
 *     record the lock and irq state checkers keep of where it has been),
 *     every task group with its per-CPU parts, every root domain.
 *
 * A hit refuses the removal with -EBUSY, after one line per hit and a
 * WARN: the module stays, its code still there for whatever points at it.
 * The rule every change to a scheduler must keep is therefore that the
 * switch re-points everything, armed or not, that the old scheduler left
 * with its code or data in it (see Documentation/scheduler/sched-live.rst).
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/hrtimer.h>
#include <linux/irq_work.h>
#include <linux/kallsyms.h>
#include <linux/mmu_context.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/static_call.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include "../sched.h"
#include "audit.h"

/* The hits an audit reports; one is enough to refuse, more help. */
#define SCHED_LIVE_AUDIT_MAX_HITS	16

/* The offset of a hit that is a queued callback, not a word of an object. */
#define SCHED_LIVE_AUDIT_QUEUED		ULONG_MAX

struct sched_live_audit_hit {
	char		where[64];
	unsigned long	offset;
	unsigned long	value;
};

struct sched_live_audit {
	struct module			*mod;
	unsigned int			nr_hits;
	struct sched_live_audit_hit	hits[SCHED_LIVE_AUDIT_MAX_HITS];
};

static bool sched_live_audit_points_in(struct sched_live_audit *audit,
				       const void *ptr)
{
	return within_module((unsigned long)ptr, audit->mod);
}

static __printf(4, 5)
void sched_live_audit_hit(struct sched_live_audit *audit, unsigned long offset,
			  const void *value, const char *fmt, ...)
{
	struct sched_live_audit_hit *hit;
	va_list args;

	if (audit->nr_hits++ >= SCHED_LIVE_AUDIT_MAX_HITS)
		return;
	hit = &audit->hits[audit->nr_hits - 1];
	hit->offset = offset;
	hit->value = (unsigned long)value;
	va_start(args, fmt);
	vsnprintf(hit->where, sizeof(hit->where), fmt, args);
	va_end(args);
}

struct sched_live_audit_gap {
	size_t	start;
	size_t	end;
};

static bool sched_live_in_gap(const struct sched_live_audit_gap *gaps,
			      unsigned int nr, size_t offset)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		if (offset >= gaps[i].start && offset < gaps[i].end)
			return true;
	}
	return false;
}

/*
 * Every word of @size bytes at @obj but those in @gaps, for a pointer into
 * the module.
 */
static void sched_live_audit_words_but(struct sched_live_audit *audit,
				       const char *what, int id,
				       const void *obj, size_t size,
				       const struct sched_live_audit_gap *gaps,
				       unsigned int nr_gaps)
{
	const unsigned long *word = obj;
	size_t i, offset;

	for (i = 0; i < size / sizeof(*word); i++) {
		offset = i * sizeof(*word);
		if (sched_live_audit_points_in(audit, (void *)word[i]) &&
		    !sched_live_in_gap(gaps, nr_gaps, offset))
			sched_live_audit_hit(audit, offset, (void *)word[i],
					     "%s %d", what, id);
	}
}

static void sched_live_audit_words(struct sched_live_audit *audit,
				   const char *what, int id, const void *obj,
				   size_t size)
{
	sched_live_audit_words_but(audit, what, id, obj, size, NULL, 0);
}

#define SCHED_LIVE_TASK_GAP(member)					\
	{ offsetof(struct task_struct, member),				\
	  offsetofend(struct task_struct, member) }

/*
 * What a task keeps of where it has been, for the lock and irq state
 * checkers: code addresses that are history, never called, and that stay
 * after the code they name has returned.
 */
static const struct sched_live_audit_gap sched_live_task_history[] = {
#ifdef CONFIG_TRACE_IRQFLAGS
	SCHED_LIVE_TASK_GAP(irqtrace),
#endif
#ifdef CONFIG_LOCKDEP
	SCHED_LIVE_TASK_GAP(held_locks),
#endif
#if defined(CONFIG_KCSAN) && defined(CONFIG_TRACE_IRQFLAGS)
	SCHED_LIVE_TASK_GAP(kcsan_save_irqtrace),
#endif
};

/*
 * A task's state, its class among it, up to its thread state, the
 * architecture's (registers, FPU), which is the task's and not the
 * scheduler's; without its history.
 */
static void sched_live_audit_task(struct sched_live_audit *audit,
				  struct task_struct *p)
{
	sched_live_audit_words_but(audit, "task", task_pid_nr(p), p,
				   offsetof(struct task_struct, thread),
				   sched_live_task_history,
				   ARRAY_SIZE(sched_live_task_history));
}

#define SCHED_LIVE_RQ_GAP(member)					\
	{ offsetof(struct rq, member), offsetofend(struct rq, member) }

/* Who queued the runqueue's stop works last: history, for debugging. */
static const struct sched_live_audit_gap sched_live_rq_history[] = {
#ifdef CONFIG_SMP
	SCHED_LIVE_RQ_GAP(active_balance_work.caller),
	SCHED_LIVE_RQ_GAP(push_work.caller),
#endif
};

#ifdef CONFIG_CGROUP_SCHED
static void sched_live_audit_task_group(struct sched_live_audit *audit,
					struct task_group *tg, int id)
{
	int cpu;

	sched_live_audit_words(audit, "task group", id, tg, sizeof(*tg));
	for_each_possible_cpu(cpu) {
#ifdef CONFIG_FAIR_GROUP_SCHED
		if (tg->cfs_rq && tg->cfs_rq[cpu])
			sched_live_audit_words(audit, "task group cfs_rq", id,
					       tg->cfs_rq[cpu],
					       sizeof(*tg->cfs_rq[cpu]));
		if (tg->se && tg->se[cpu])
			sched_live_audit_words(audit, "task group entity", id,
					       tg->se[cpu], sizeof(*tg->se[cpu]));
#endif
#ifdef CONFIG_RT_GROUP_SCHED
		if (tg->rt_rq && tg->rt_rq[cpu])
			sched_live_audit_words(audit, "task group rt_rq", id,
					       tg->rt_rq[cpu],
					       sizeof(*tg->rt_rq[cpu]));
		if (tg->rt_se && tg->rt_se[cpu])
			sched_live_audit_words(audit, "task group rt entity", id,
					       tg->rt_se[cpu],
					       sizeof(*tg->rt_se[cpu]));
#endif
	}
}
#endif

/* The scheduler's objects: the runqueues, tasks, groups and domains. */
static void sched_live_audit_scheduler(struct sched_live_audit *audit)
{
	struct task_struct *g, *p;
	struct sched_domain *sd;
	int cpu;

	rcu_read_lock();
	for_each_possible_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);

		sched_live_audit_words_but(audit, "runqueue of CPU", cpu, rq,
					   sizeof(*rq), sched_live_rq_history,
					   ARRAY_SIZE(sched_live_rq_history));
		sched_live_audit_task(audit, rq->idle);
#ifdef CONFIG_SMP
		sched_live_audit_words(audit, "root domain of CPU", cpu, rq->rd,
				       sizeof(*rq->rd));
		for (sd = rcu_dereference(rq->sd); sd;
		     sd = rcu_dereference(sd->parent))
			sched_live_audit_words(audit, "sched domain of CPU", cpu,
					       sd, sizeof(*sd));
#endif
	}
#ifdef CONFIG_SMP
	sched_live_audit_words(audit, "default root domain", 0,
			       &def_root_domain, sizeof(def_root_domain));
#endif
	for_each_process_thread(g, p)
		sched_live_audit_task(audit, p);
#ifdef CONFIG_CGROUP_SCHED
	{
		struct task_group *tg;
		int id = 0;

		list_for_each_entry_rcu(tg, &task_groups, list)
			sched_live_audit_task_group(audit, tg, id++);
	}
#endif
	rcu_read_unlock();
}

/* A queued callback: the object that holds it, or its function, is hit. */
static void sched_live_audit_queued(struct sched_live_audit *audit,
				    const char *what, const void *obj,
				    const void *func)
{
	if (sched_live_audit_points_in(audit, obj) ||
	    sched_live_audit_points_in(audit, func))
		sched_live_audit_hit(audit, SCHED_LIVE_AUDIT_QUEUED, func,
				     "%s %p", what, obj);
}

static void sched_live_audit_hrtimer(struct hrtimer *timer, void *arg)
{
	sched_live_audit_queued(arg, "queued hrtimer", timer, timer->function);
}

/* A timer, and the work that a delayed work's timer queues. */
static void sched_live_audit_timer(struct timer_list *timer, void *arg)
{
	struct delayed_work *dwork;

	sched_live_audit_queued(arg, "pending timer", timer, timer->function);
	if (timer->function != delayed_work_timer_fn)
		return;
	dwork = from_timer(dwork, timer, timer);
	sched_live_audit_queued(arg, "delayed work", dwork, dwork->work.func);
}

static void sched_live_audit_work(struct work_struct *work, void *arg)
{
	sched_live_audit_queued(arg, "queued work", work, work->func);
}

static void sched_live_audit_irq_work(struct irq_work *work, void *arg)
{
	sched_live_audit_queued(arg, "raised irq_work", work, work->func);
}

static void sched_live_audit_rcu(struct rcu_head *head, void *arg)
{
	sched_live_audit_queued(arg, "RCU callback", head, head->func);
}

/*
 * vmlinux's static calls, found by the names of their keys: a key that
 * a scheduler once retargeted (cond_resched, might_resched, the preempt
 * entry points) must not still call into the module.
 */
static int sched_live_audit_static_call(void *arg, const char *name,
					unsigned long addr)
{
	struct sched_live_audit *audit = arg;
	const struct static_call_key *key = (void *)addr;
	void *func;

	if (!str_has_prefix(name, "__SCK__"))
		return 0;
	func = READ_ONCE(key->func);
	if (sched_live_audit_points_in(audit, func))
		sched_live_audit_hit(audit, SCHED_LIVE_AUDIT_QUEUED, func,
				     "static call %s", name);
	return 0;
}

/**
 * sched_live_audit_stopped() - look for pointers into @audit's module
 * @audit: what to look for, and where the hits go
 *
 * Context: every CPU stopped (a stop_machine() callback), so that the
 * lock-free lists hold still and no callback is halfway through.
 */
void sched_live_audit_stopped(struct sched_live_audit *audit)
{
	sched_live_audit_scheduler(audit);
	hrtimer_walk_queued(sched_live_audit_hrtimer, audit);
	timer_walk_pending(sched_live_audit_timer, audit);
	workqueue_walk_pending(sched_live_audit_work, audit);
	irq_work_walk_queued(sched_live_audit_irq_work, audit);
	rcu_walk_pending_callbacks(sched_live_audit_rcu, audit);
}

struct sched_live_audit *sched_live_audit_alloc(struct module *mod)
{
	struct sched_live_audit *audit = kzalloc(sizeof(*audit), GFP_KERNEL);

	if (audit)
		audit->mod = mod;
	return audit;
}

/**
 * sched_live_audit_report() - finish an audit and say what it found
 * @audit: an audit sched_live_audit_stopped() has run, freed here
 *
 * The static calls are looked at here, outside the stopped window: their
 * keys are found by name, which takes too long for it.
 *
 * Return: 0, or -EBUSY when something points into the module.
 */
int sched_live_audit_report(struct sched_live_audit *audit)
{
	unsigned int i, shown;
	int ret = 0;

	kallsyms_on_each_symbol(sched_live_audit_static_call, audit);
	shown = min(audit->nr_hits, SCHED_LIVE_AUDIT_MAX_HITS);
	for (i = 0; i < shown; i++) {
		const struct sched_live_audit_hit *hit = &audit->hits[i];

		if (hit->offset == SCHED_LIVE_AUDIT_QUEUED)
			pr_err("audit: %s points into module '%s': %pS\n",
			       hit->where, audit->mod->name, (void *)hit->value);
		else
			pr_err("audit: %s +%#lx points into module '%s': %pS\n",
			       hit->where, hit->offset, audit->mod->name,
			       (void *)hit->value);
	}
	if (audit->nr_hits) {
		WARN(1, "sched_live: %u pointers into module '%s' are left (%s first); it stays loaded\n",
		     audit->nr_hits, audit->mod->name, audit->hits[0].where);
		ret = -EBUSY;
	}
	kfree(audit);
	return ret;
}
