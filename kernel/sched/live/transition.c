// SPDX-License-Identifier: GPL-2.0
/*
 * sched_live transition: making another scheduler the active one.
 *
 * A switch from scheduler "from" to scheduler "to" goes through:
 *
 *   sched_live_init_transition()	 outside stop_machine(): take a
 *					 reference on to's module, plan to's
 *					 jumps, find the text the switch
 *					 bypasses
 *   sched_live_start_transition()
 *     sched_live_precheck()		   while the system runs, the stack
 *					   check of every task that is not
 *					   running, each marked when it passes
 *   stop_machine(), on every CPU at once:
 *     sched_live_check_slice()		   every task has one of from's
 *					   classes, and no task run since its
 *					   mark executes in, or returns into,
 *					   the bypassed text
 *     from->ops->detach_cpu()		   each CPU takes its tasks off from's
 *					   runqueue (dequeue SAVE|NOCLOCK)
 *     sched_live_check_unlisted()	   the stack check of the tasks it took
 *					   that exit has unhashed, which the
 *					   task list no longer shows
 *     sched_live_flip()		   one CPU removes from's jumps and
 *					   writes to's; all serialise
 *     sched_live_adopt_slice()		   every task gets to's class of the
 *					   same rank, and to's code pointers
 *     sched_live_adopt_unlisted()	   so do the unhashed ones
 *     sched_live_adopt_hrtimer()	   every queued timer with one of
 *					   from's timer functions gets to's,
 *					   whether the switch found its owner
 *					   or not
 *     to->ops->attach_cpu()		   each CPU puts its tasks on to's
 *					   runqueue (enqueue RESTORE|NOCLOCK)
 *   sched_live_complete_transition()	 drop the reference on from's module,
 *					 record the switch, tell userspace
 *   sched_live_trace_switch()		 one trace event per phase, and one
 *					 for the outcome
 *
 * The CPUs wait for each other between the phases (window.c), none longer
 * than SCHED_LIVE_WINDOW_WAIT_MS.
 *
 * Until the flip, nothing has changed: a busy stack, a task the switch
 * cannot move, a failed allocation or a CPU that did not finish a phase in
 * time returns with from still active and its runqueues as they were.
 * After the flip nothing can fail.
 *
 * A switch to builtin allocates nothing: what it needs per CPU is set
 * aside at boot (one switch runs at a time, under sched_live_mutex), the
 * tasks it moves are linked through themselves (struct
 * sched_live_cpu_tasks), and builtin's jumps are vmlinux's own code.  A
 * rollback cannot fail for want of memory, however many tasks and CPUs
 * there are.  A busy stack is retried with backoff,
 * then refused with -EBUSY naming the task; a late CPU fails the switch
 * with -ETIMEDOUT, after the window has said which CPU it was.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/cgroup.h>
#include <linux/cpu.h>
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/kallsyms.h>
#include <linux/minmax.h>
#include <linux/memory.h>
#include <linux/mmu_context.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/rt.h>
#include <linux/sched/signal.h>
#include <linux/sched/stat.h>
#include <linux/sched_live.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/stop_machine.h>
#include <linux/sync_core.h>
#include <linux/timekeeping.h>

#include "../sched.h"
#include "audit.h"
#include "conflict.h"
#include "core.h"
#include "patch.h"
#include "stack.h"
#include "transition.h"
#include "window.h"

#define CREATE_TRACE_POINTS
#include <trace/events/sched_live.h>

/*
 * How long a busy stack is retried: a task preempted in bypassed code
 * leaves it as soon as it runs again.  The waits in between double.
 */
#define SCHED_LIVE_RETRY_MS		2000
#define SCHED_LIVE_BACKOFF_MS		1
#define SCHED_LIVE_BACKOFF_MAX_MS	128

/*
 * The barriers of the window, named after the phase each ends.  The first
 * two may abandon the switch: until the flip, every CPU can put its tasks
 * back on from's runqueue.
 */
enum sched_live_barrier {
	SCHED_LIVE_CHECKED,
	SCHED_LIVE_DETACHED,
	SCHED_LIVE_FLIPPED,
	SCHED_LIVE_ADOPTED,
	SCHED_LIVE_ATTACHED,
	SCHED_LIVE_NR_BARRIERS
};

#define SCHED_LIVE_NR_ABORTABLE	(SCHED_LIVE_DETACHED + 1)

static const char * const sched_live_phases[SCHED_LIVE_NR_BARRIERS] = {
	[SCHED_LIVE_CHECKED]	= "check",
	[SCHED_LIVE_DETACHED]	= "detach",
	[SCHED_LIVE_FLIPPED]	= "flip",
	[SCHED_LIVE_ADOPTED]	= "adopt",
	[SCHED_LIVE_ATTACHED]	= "attach",
};

/* What fork hands to the active scheduler; written with every CPU stopped. */
static const struct sched_live_ops *sched_live_active_ops = &sched_live_ops;

struct sched_live_transition {
	struct sched_live_scheduler	*from;
	struct sched_live_scheduler	*to;

	/*
	 * The text the switch bypasses: vmlinux's replaced functions when
	 * from is builtin, else from's module text and, when to is a module
	 * too, the vmlinux functions only to takes over; own_ranges when the
	 * switch made the list.
	 */
	const struct sched_live_range	*ranges;
	unsigned int			nr_ranges;
	struct sched_live_range		module_text;
	struct sched_live_range		*own_ranges;

	/* The window. */
	char				name[SCHED_LIVE_NAME_MAX + 16];
	struct sched_live_window	window;
	int				patcher;
	unsigned int			nr_cpus;
	atomic_t			slots;
	atomic_t			refused;
	atomic_t			detach_error;
	int				unmoved_cpu;	/* whose -EAGAIN it is */
	atomic_t			moved;
	struct task_struct		*busy;
	unsigned long			busy_addr;
	int				busy_error;
	/* When the CPU that patches began, and passed each barrier. */
	u64				window_start;
	u64				passed[SCHED_LIVE_NR_BARRIERS];

	/*
	 * This attempt's mark for a task whose stack passed the check
	 * before the window (task_struct.sched_live_checked); 0 when
	 * every task is checked in the window.  precheck_addr: where
	 * that check found a task.
	 */
	unsigned long			generation;
	unsigned long			precheck_addr;
	atomic_t			rechecked;

	struct sched_live_switch_record	record;
	struct sched_live_audit		*audit;
};

static DEFINE_SPINLOCK(sched_live_busy_lock);

/* The last attempt's generation; under sched_live_mutex. */
static unsigned long sched_live_generation;

/* Per CPU, what the switch or the removal check under way needs. */
static DEFINE_PER_CPU(struct sched_live_stack_check, sched_live_checks);
static DEFINE_PER_CPU(struct sched_live_cpu_tasks, sched_live_sets);

static int sched_live_class_rank(const struct sched_live_ops *ops,
				 const struct sched_class *class)
{
	int rank;

	for (rank = 0; rank < SCHED_LIVE_NR_CLASSES; rank++) {
		if (ops->classes[rank] && ops->classes[rank] == class)
			return rank;
	}
	return -1;
}

/*
 * A new task is on no list a switch walks until copy_process() puts it on
 * the task list, and sched_fork() gave it the classes and code pointers of
 * the scheduler active then.  So it is adopted twice, each time where no
 * switch can run until the task is used: by sched_cgroup_fork() under
 * p->pi_lock, before its class's task_fork(), and by copy_process() with
 * tasklist_lock held for writing, when it joins the task list, from where
 * on a switch sees it.
 */
void sched_live_adopt_new_task(struct task_struct *p)
{
	const struct sched_live_ops *ops = READ_ONCE(sched_live_active_ops);

	if (sched_live_class_rank(ops, p->sched_class) >= 0)
		return;
#ifdef CONFIG_SCHED_CLASS_EXT
	/* A BPF scheduler's class is vmlinux's, enabled only under builtin. */
	if (p->sched_class == &ext_sched_class)
		return;
#endif
	/* The choice sched_fork() makes: a new task is never deadline. */
	p->sched_class = ops->classes[rt_prio(p->prio) ? SCHED_LIVE_CLASS_RT :
							SCHED_LIVE_CLASS_FAIR];
	ops->adopt_task(p);
}

/* The text to check: @mod's. */
static void sched_live_use_module_text(struct sched_live_transition *tr,
				       struct module *mod)
{
	tr->module_text.start = (unsigned long)mod->mem[MOD_TEXT].base;
	tr->module_text.end = tr->module_text.start + mod->mem[MOD_TEXT].size;
	tr->ranges = &tr->module_text;
	tr->nr_ranges = 1;
}

/* Whether @sched writes a jump in [@start, @end); its jumps are sorted. */
static bool sched_live_jumps_in(const struct sched_live_scheduler *sched,
				unsigned long start, unsigned long end)
{
	unsigned int lo = 0, hi = sched->nr_patches, mid;

	/* lo: the first jump at or above @start */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((unsigned long)sched->patches[mid].at < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sched->nr_patches &&
	       (unsigned long)sched->patches[lo].at < end;
}

/*
 * The text to check when one module takes over from another: the old
 * module's, and the vmlinux functions the new one writes a jump into and
 * the old one did not (it implements functions the old one does not),
 * which tasks may be running, with their clones and cold parts.  Module
 * memory lies above the kernel's text, so the ranges stay sorted.
 */
static int sched_live_use_both_texts(struct sched_live_transition *tr,
				     struct module *mod)
{
	const struct sched_live_range *replaced;
	struct sched_live_range *ranges;
	unsigned int nr, i, k, n = 0, nr_keys = 0;
	const char **keys;
	int ret;

	ret = sched_live_replaced_text(&replaced, &nr);
	if (ret)
		return ret;
	ranges = kvcalloc(nr + 1, sizeof(*ranges), GFP_KERNEL);
	keys = kvcalloc(nr, sizeof(*keys), GFP_KERNEL);
	if (!ranges || !keys) {
		ret = -ENOMEM;
		goto out;
	}
	/* The functions only the new module takes over, by key. */
	for (i = 0; i < nr; i++) {
		if (sched_live_jumps_in(tr->to, replaced[i].start, replaced[i].end) &&
		    !sched_live_jumps_in(tr->from, replaced[i].start, replaced[i].end))
			keys[nr_keys++] = replaced[i].key;
	}
	for (i = 0; i < nr; i++) {
		for (k = 0; k < nr_keys; k++) {
			if (!strcmp(replaced[i].key, keys[k])) {
				ranges[n++] = replaced[i];
				break;
			}
		}
	}
	sched_live_use_module_text(tr, mod);
	if (WARN_ON_ONCE(n && ranges[n - 1].end > tr->module_text.start)) {
		ret = -EINVAL;
		goto out;
	}
	ranges[n++] = tr->module_text;
	tr->own_ranges = ranges;
	tr->ranges = ranges;
	tr->nr_ranges = n;
	ranges = NULL;
out:
	kvfree(keys);
	kvfree(ranges);
	return ret;
}

/* One stack check per CPU, over the text in @tr. */
static void sched_live_prepare_checks(struct sched_live_transition *tr,
				      bool epilogues_pass)
{
	struct sched_live_stack_check *check;
	int cpu;

	lockdep_assert_held(&sched_live_mutex);
	for_each_possible_cpu(cpu) {
		check = per_cpu_ptr(&sched_live_checks, cpu);
		check->ranges = tr->ranges;
		check->nr = tr->nr_ranges;
		check->epilogues_pass = epilogues_pass;
		check->jumps = tr->to ? tr->to->patches : NULL;
		check->nr_jumps = tr->to ? tr->to->nr_patches : 0;
	}
}

static int sched_live_jump_cmp(const void *a, const void *b)
{
	const struct sched_live_patch *x = a, *y = b;

	if (x->at == y->at)
		return 0;
	return x->at < y->at ? -1 : 1;
}

/*
 * The jumps that make @sched active: one per implementation with a site,
 * sorted by address for the stack check.
 */
static int sched_live_plan_jumps(struct sched_live_scheduler *sched)
{
	struct sched_live_patch *patches;
	unsigned int i, nr = 0;
	int ret;

	if (sched->patches || !sched->owner)
		return 0;
	patches = kvcalloc(sched->nr_implements, sizeof(*patches), GFP_KERNEL);
	if (!patches)
		return -ENOMEM;
	for (i = 0; i < sched->nr_implements; i++) {
		if (!sched->sites[i])
			continue;
		ret = sched_live_patch_prepare(&patches[nr], sched->sites[i],
					       sched->implements[i].addr);
		if (ret) {
			pr_err("cannot switch to '%s': no room for a jump in '%s'\n",
			       sched->name, sched->implements[i].key);
			kvfree(patches);
			return ret;
		}
		nr++;
	}
	sort(patches, nr, sizeof(*patches), sched_live_jump_cmp, NULL);
	sched->patches = patches;
	sched->nr_patches = nr;
	return 0;
}

static void sched_live_drop_jumps(struct sched_live_scheduler *sched)
{
	kvfree(sched->patches);
	sched->patches = NULL;
	sched->nr_patches = 0;
}

static int sched_live_init_transition(struct sched_live_transition *tr)
{
	struct module *mod = tr->from->owner;
	int ret;

	if (tr->to->owner && !try_module_get(tr->to->owner)) {
		pr_warn("cannot switch to '%s': its module is going away\n",
			tr->to->name);
		return -ENOENT;
	}
	ret = sched_live_plan_jumps(tr->to);
	if (ret)
		goto put;

	if (mod && tr->to->owner)
		ret = sched_live_use_both_texts(tr, mod);
	else if (mod)
		sched_live_use_module_text(tr, mod);
	else
		ret = sched_live_replaced_text(&tr->ranges, &tr->nr_ranges);
	if (ret)
		goto drop;
	/*
	 * A module's text stays until delete_module(2) finds no task in it
	 * (sched_live_module_text_busy()).
	 */
	sched_live_prepare_checks(tr, true);
	snprintf(tr->name, sizeof(tr->name), "switch to '%s'", tr->to->name);
	ret = sched_live_window_init(&tr->window, tr->name, sched_live_phases,
				     SCHED_LIVE_NR_BARRIERS,
				     SCHED_LIVE_NR_ABORTABLE);
	if (ret)
		goto drop;
	/*
	 * Last, as nothing else can fail after it: from here on, kprobes and
	 * ftrace refuse new users of the text, until the claim is released.
	 */
	if (!mod) {
		ret = sched_live_claim_text(tr->to->name, tr->ranges,
					    tr->nr_ranges);
		if (ret)
			goto drop;
	}
	return 0;
drop:
	kvfree(tr->own_ranges);
	sched_live_drop_jumps(tr->to);
put:
	module_put(tr->to->owner);
	return ret;
}

static void sched_live_refuse(struct sched_live_transition *tr,
			      struct task_struct *t, unsigned long addr,
			      int error)
{
	spin_lock(&sched_live_busy_lock);
	if (!tr->busy) {
		tr->busy = t;
		tr->busy_addr = addr;
		tr->busy_error = error;
		get_task_struct(t);
	}
	spin_unlock(&sched_live_busy_lock);
	atomic_set(&tr->refused, 1);
}

/*
 * The stack check: no task of this slot may execute in, or return into,
 * the text the switch bypasses, and each must have one of from's classes.
 */
static void sched_live_check_slice(struct sched_live_transition *tr,
				   unsigned int slot, int cpu)
{
	struct sched_live_stack_check *check = per_cpu_ptr(&sched_live_checks, cpu);
	const struct sched_live_ops *ops = tr->from ? tr->from->ops : NULL;
	struct task_struct *g, *t;
	unsigned long i = 0;
	int ret;

	check->found = NULL;
	check->addr = 0;
	rcu_read_lock();
	for_each_process_thread(g, t) {
		/* The tasks are shared out among the CPUs by slot. */
		if (i++ % tr->nr_cpus != slot || task_curr(t))
			continue;
		if (atomic_read(&tr->refused))
			break;
		if (ops && sched_live_class_rank(ops, t->sched_class) < 0) {
			sched_live_refuse(tr, t, 0, -EINVAL);
			break;
		}
		/* Not run since its check before the window: it is as it was. */
		if (tr->generation && t->sched_live_checked == tr->generation)
			continue;
		atomic_inc(&tr->rechecked);
		ret = sched_live_stack_check_task(check, t);
		if (ret || check->found) {
			sched_live_refuse(tr, t, check->addr, ret);
			break;
		}
	}
	rcu_read_unlock();
}

/*
 * The stack check of one task before the window, under task_call_func(),
 * which keeps @t from running meanwhile.  A task that passes is marked
 * with the attempt's generation, and the mark stays until @t runs again
 * (sched_live_note_resumed(), in vmlinux's __schedule() and
 * schedule_tail(), before anything else @t runs): a task still marked in
 * the window has the stack it had here, and is not checked again.  A
 * running task, or one whose stack cannot be walked reliably, is left
 * for the window.  Return: -EBUSY when @t is in, or returns into, the
 * bypassed text.
 */
static int sched_live_precheck_task(struct task_struct *t, void *data)
{
	struct sched_live_transition *tr = data;
	struct sched_live_stack_check *check = this_cpu_ptr(&sched_live_checks);

	if (task_curr(t) || READ_ONCE(t->on_cpu))
		return 0;
	check->found = NULL;
	check->addr = 0;
	if (sched_live_stack_check_task(check, t))
		return 0;
	if (check->found) {
		tr->precheck_addr = check->addr;
		return -EBUSY;
	}
	t->sched_live_checked = tr->generation;
	return 0;
}

/*
 * Check every task's stack while the system runs, so that the window
 * checks only the tasks that ran since.  A busy stack found here refuses
 * the attempt without stopping the CPUs.  Return: 0 or -EBUSY.
 */
static int sched_live_precheck(struct sched_live_transition *tr)
{
	struct task_struct *g, *t;
	int ret = 0;

	lockdep_assert_held(&sched_live_mutex);
	/* 0 marks no attempt: a task's mark starts there. */
	if (!++sched_live_generation)
		sched_live_generation++;
	tr->generation = sched_live_generation;
	rcu_read_lock();
	for_each_process_thread(g, t) {
		if (task_call_func(t, sched_live_precheck_task, tr)) {
			sched_live_refuse(tr, t, tr->precheck_addr, 0);
			ret = -EBUSY;
			break;
		}
	}
	rcu_read_unlock();
	return ret;
}

/*
 * A task that exit has unhashed is not on the task list the stack check
 * walked, but may still be queued, and detach_cpu() took it off this
 * CPU's runqueue: check its stack now.  Return: 0, or -EBUSY when it is
 * in, or returns into, the bypassed text.
 */
static int sched_live_check_unlisted(struct sched_live_transition *tr, int cpu,
				     struct sched_live_cpu_tasks *set)
{
	struct sched_live_stack_check *check = per_cpu_ptr(&sched_live_checks, cpu);
	struct task_struct *t;
	int ret;

	list_for_each_entry(t, &set->tasks, se.group_node) {
		if (pid_alive(t))
			continue;
		ret = sched_live_stack_check_task(check, t);
		if (ret || check->found) {
			sched_live_refuse(tr, t, check->addr, ret);
			return -EBUSY;
		}
	}
	return 0;
}

/* The text switch proper; the other CPUs wait, then serialise. */
static void sched_live_flip(struct sched_live_transition *tr)
{
	sched_live_patch_write(tr->from->patches, tr->from->nr_patches, false,
			       &tr->window);
	sched_live_patch_write(tr->to->patches, tr->to->nr_patches, true,
			       &tr->window);
	WRITE_ONCE(sched_live_active_ops, tr->to->ops);
	sched_live_note_flip(tr->to);
}

static void sched_live_adopt_task(struct sched_live_transition *tr,
				  struct task_struct *t)
{
	const struct sched_live_ops *from = tr->from->ops, *to = tr->to->ops;

	t->sched_class = to->classes[sched_live_class_rank(from, t->sched_class)];
	to->adopt_task(t);
}

/* The unhashed tasks this CPU detached, which the task list lacks. */
static void sched_live_adopt_unlisted(struct sched_live_transition *tr,
				      struct sched_live_cpu_tasks *set)
{
	struct task_struct *t;

	list_for_each_entry(t, &set->tasks, se.group_node) {
		if (!pid_alive(t))
			sched_live_adopt_task(tr, t);
	}
}

static void sched_live_adopt_hrtimer(struct hrtimer *timer, void *data)
{
	struct sched_live_transition *tr = data;
	const struct sched_live_ops *from = tr->from->ops, *to = tr->to->ops;
	int i;

	for (i = 0; i < SCHED_LIVE_NR_TIMERS; i++) {
		if (from->timers[i] && timer->function == from->timers[i]) {
			timer->function = to->timers[i];
			return;
		}
	}
}

/* Every task of this slot gets to's class of the same rank. */
static void sched_live_adopt_slice(struct sched_live_transition *tr,
				   unsigned int slot)
{
	struct task_struct *g, *t;
	unsigned long i = 0;

	rcu_read_lock();
	for_each_process_thread(g, t) {
		if (i++ % tr->nr_cpus == slot)
			sched_live_adopt_task(tr, t);
	}
	rcu_read_unlock();
}

/*
 * Wait at @barrier for the other CPUs; the CPU that patches notes when it
 * went on, for the switch's record.  Return: false when the window was
 * abandoned.
 */
static bool sched_live_pass(struct sched_live_transition *tr,
			    enum sched_live_barrier barrier, bool patcher)
{
	bool passed = sched_live_window_wait(&tr->window, barrier);

	if (patcher)
		tr->passed[barrier] = ktime_get_mono_fast_ns();
	return passed;
}

static int sched_live_transition_stopped(void *data)
{
	struct sched_live_transition *tr = data;
	unsigned int slot = atomic_inc_return(&tr->slots) - 1;
	int cpu = smp_processor_id();
	bool patcher = cpu == tr->patcher;
	struct sched_live_cpu_tasks *set = per_cpu_ptr(&sched_live_sets, cpu);
	int ret;

	if (patcher)
		tr->window_start = ktime_get_mono_fast_ns();
	sched_live_check_slice(tr, slot, cpu);
	if (!sched_live_pass(tr, SCHED_LIVE_CHECKED, patcher) ||
	    atomic_read(&tr->refused))
		return 0;

	/*
	 * Each phase reads only what the phase before it wrote: a CPU that
	 * fails here must not make a slower one skip this phase.
	 */
	ret = tr->from->ops->detach_cpu(cpu, set);
	if (ret) {
		if (!atomic_cmpxchg(&tr->detach_error, 0, ret))
			tr->unmoved_cpu = cpu;
	} else if (sched_live_check_unlisted(tr, cpu, set))
		atomic_cmpxchg(&tr->detach_error, 0, -EBUSY);
	if (!sched_live_pass(tr, SCHED_LIVE_DETACHED, patcher) ||
	    atomic_read(&tr->detach_error)) {
		if (!ret)
			tr->from->ops->attach_cpu(cpu, set);
		return 0;
	}

	/* From here on, a late CPU is waited for: nothing can be undone. */
	if (patcher)
		sched_live_flip(tr);
	sched_live_pass(tr, SCHED_LIVE_FLIPPED, patcher);
	sync_core();

	sched_live_adopt_slice(tr, slot);
	sched_live_adopt_unlisted(tr, set);
	if (patcher) {
		tr->to->ops->adopt_global();
		hrtimer_walk_queued(sched_live_adopt_hrtimer, tr);
	}
	sched_live_pass(tr, SCHED_LIVE_ADOPTED, patcher);

	atomic_add(set->nr, &tr->moved);
	tr->to->ops->attach_cpu(cpu, set);
	sched_live_pass(tr, SCHED_LIVE_ATTACHED, patcher);
	return 0;
}

/*
 * The record's parts of the attempt's stop_machine(), from @start to @end:
 * they add up to the whole, each phase from the barrier before it.
 */
static void sched_live_record_window(struct sched_live_transition *tr,
				     u64 start, u64 end)
{
	struct sched_live_switch_record *r = &tr->record;
	u64 *phase_ns[SCHED_LIVE_NR_BARRIERS] = {
		[SCHED_LIVE_CHECKED]	= &r->check_ns,
		[SCHED_LIVE_DETACHED]	= &r->detach_ns,
		[SCHED_LIVE_FLIPPED]	= &r->flip_ns,
		[SCHED_LIVE_ADOPTED]	= &r->adopt_ns,
		[SCHED_LIVE_ATTACHED]	= &r->attach_ns,
	};
	u64 last = tr->window_start ?: start;
	int b;

	r->stop_machine_ns = end - start;
	r->enter_ns = last - start;
	for (b = 0; b < SCHED_LIVE_NR_BARRIERS; b++) {
		*phase_ns[b] = tr->passed[b] ? tr->passed[b] - last : 0;
		if (tr->passed[b])
			last = tr->passed[b];
	}
	r->leave_ns = end - last;
}

/*
 * One attempt.  Return: 0 when to is active, -EBUSY for a busy stack,
 * -EAGAIN when a CPU could not move its tasks, -ETIMEDOUT when
 * a CPU did not finish a phase in time, with from still active; or what
 * stop_machine() failed with.
 */
static int sched_live_start_transition(struct sched_live_transition *tr)
{
	u64 start;
	int ret;

	atomic_set(&tr->slots, 0);
	atomic_set(&tr->refused, 0);
	atomic_set(&tr->detach_error, 0);
	atomic_set(&tr->moved, 0);
	atomic_set(&tr->rechecked, 0);
	tr->window_start = 0;
	memset(tr->passed, 0, sizeof(tr->passed));

	start = ktime_get_mono_fast_ns();
	ret = sched_live_precheck(tr);
	tr->record.precheck_ns = ktime_get_mono_fast_ns() - start;
	if (ret) {
		/* Refused before the window: the CPUs were never stopped. */
		sched_live_record_window(tr, start, start);
		tr->record.rechecked = 0;
		return ret;
	}

	/*
	 * A task group is created (its bandwidth timers and locks set up by
	 * the active scheduler's code) before it is put on task_groups,
	 * where the switch finds it to adopt it; cgroup_mutex is held from
	 * one to the other.
	 */
	cgroup_lock();
	cpus_read_lock();
	mutex_lock(&text_mutex);
	tr->patcher = raw_smp_processor_id();
	tr->nr_cpus = num_online_cpus();
	sched_live_window_open(&tr->window);
	/*
	 * The clock the CPU that patches reads inside, which is safe with
	 * the others stopped: the same one here makes the parts add up.
	 */
	start = ktime_get_mono_fast_ns();
	ret = stop_machine_cpuslocked(sched_live_transition_stopped, tr,
				      cpu_online_mask);
	sched_live_record_window(tr, start, ktime_get_mono_fast_ns());
	tr->record.rechecked = atomic_read(&tr->rechecked);
	mutex_unlock(&text_mutex);
	cpus_read_unlock();
	cgroup_unlock();
	if (ret)
		return ret;

	if (sched_live_window_abandoned(&tr->window))
		return -ETIMEDOUT;
	if (atomic_read(&tr->refused))
		return -EBUSY;
	ret = atomic_read(&tr->detach_error);
	if (ret)
		return ret;
	tr->record.tasks = atomic_read(&tr->moved);
	return 0;
}

static void sched_live_report_busy(struct sched_live_transition *tr)
{
	struct task_struct *t = tr->busy;

	if (tr->busy_error == -EINVAL)
		pr_warn("switch to '%s' refused: %s[%d] has a class '%s' does not know\n",
			tr->to->name, t->comm, task_pid_nr(t), tr->from->name);
	else if (tr->busy_error)
		pr_warn("switch to '%s' refused: the stack of %s[%d] cannot be walked reliably (%d); try again\n",
			tr->to->name, t->comm, task_pid_nr(t), tr->busy_error);
	else
		pr_warn("switch to '%s' refused: %s[%d] is in %pS, which the switch bypasses; try again when it has left\n",
			tr->to->name, t->comm, task_pid_nr(t),
			(void *)tr->busy_addr);
}

static void sched_live_complete_transition(struct sched_live_transition *tr)
{
	if (tr->from->owner) {
		sched_live_drop_jumps(tr->from);
		module_put(tr->from->owner);
	}
	if (!tr->to->owner)
		sched_live_release_text();
	else if (tr->from->owner)
		sched_live_pass_claim(tr->to->name);
	pr_info("switched from '%s' to '%s'\n", tr->from->name, tr->to->name);
}

/*
 * The phases inside stop_machine() are timed there and traced here: every
 * CPU is stopped while they run.
 */
static void sched_live_trace_switch(const struct sched_live_switch_record *r)
{
	trace_sched_live_phase(r->from, r->to, "prepare", r->prepare_ns);
	trace_sched_live_phase(r->from, r->to, "precheck", r->precheck_ns);
	trace_sched_live_phase(r->from, r->to, "enter", r->enter_ns);
	trace_sched_live_phase(r->from, r->to, "check", r->check_ns);
	trace_sched_live_phase(r->from, r->to, "detach", r->detach_ns);
	trace_sched_live_phase(r->from, r->to, "flip", r->flip_ns);
	trace_sched_live_phase(r->from, r->to, "adopt", r->adopt_ns);
	trace_sched_live_phase(r->from, r->to, "attach", r->attach_ns);
	trace_sched_live_phase(r->from, r->to, "leave", r->leave_ns);
	trace_sched_live_phase(r->from, r->to, "stop_machine", r->stop_machine_ns);
	trace_sched_live_switch(r->from, r->to, r->result, r->retries, r->tasks);
}

/**
 * sched_live_switch() - make @to the active scheduler instead of @from
 * @from: the active scheduler
 * @to: a registered scheduler other than @from
 * @record: filled in with what the switch took, whatever the outcome
 *
 * Context: sched_live_mutex held; sleeps.
 * Return: 0 when @to is active, -EBUSY when a task kept executing in text
 * the switch bypasses, or -ENOMEM, -ENOENT (@to's module is going away),
 * -EINVAL (no room for a jump), -EAGAIN (tasks that could not be moved);
 * then @from is still active and nothing has changed.
 */
int sched_live_switch(struct sched_live_scheduler *from,
		      struct sched_live_scheduler *to,
		      struct sched_live_switch_record *record)
{
	struct sched_live_transition tr = { .from = from, .to = to };
	unsigned long give_up = jiffies + msecs_to_jiffies(SCHED_LIVE_RETRY_MS);
	unsigned int backoff = SCHED_LIVE_BACKOFF_MS;
	u64 start = ktime_get_ns();
	int ret;

	strscpy(tr.record.from, from->name);
	strscpy(tr.record.to, to->name);
	ret = sched_live_init_transition(&tr);
	tr.record.prepare_ns = ktime_get_ns() - start;
	if (ret)
		goto out;

	for (;;) {
		ret = sched_live_start_transition(&tr);
		if (!ret || time_after(jiffies, give_up) ||
		    (ret != -EBUSY && ret != -EAGAIN))
			break;
		if (tr.busy) {
			put_task_struct(tr.busy);
			tr.busy = NULL;
		}
		tr.record.retries++;
		msleep(backoff);
		backoff = min(2 * backoff, SCHED_LIVE_BACKOFF_MAX_MS);
	}
	if (ret == -EBUSY)
		sched_live_report_busy(&tr);
	else if (ret == -ETIMEDOUT)
		pr_warn("switch to '%s' rolled back: a CPU was late in it; '%s' stays active\n",
			to->name, from->name);
	else if (ret == -EAGAIN)
		pr_warn("switch to '%s' failed: CPU %d could not move its tasks: %s; '%s' stays active, try again\n",
			to->name, tr.unmoved_cpu,
			per_cpu(sched_live_sets, tr.unmoved_cpu).unmoved,
			from->name);
	else if (ret)
		pr_warn("switch to '%s' failed (%d); '%s' stays active\n",
			to->name, ret, from->name);
	if (tr.busy)
		put_task_struct(tr.busy);
	kvfree(tr.own_ranges);
	if (ret) {
		if (!from->owner)
			sched_live_release_text();
		sched_live_drop_jumps(to);
		module_put(to->owner);
	} else {
		sched_live_complete_transition(&tr);
	}
out:
	tr.record.result = ret;
	tr.record.total_ns = ktime_get_ns() - start;
	sched_live_trace_switch(&tr.record);
	*record = tr.record;
	return ret;
}

static int sched_live_text_check_stopped(void *data)
{
	struct sched_live_transition *tr = data;
	unsigned int slot = atomic_inc_return(&tr->slots) - 1;

	sched_live_check_slice(tr, slot, smp_processor_id());
	if (!slot)
		sched_live_audit_stopped(tr->audit);
	return 0;
}

/**
 * sched_live_module_text_busy() - refuse to remove a module still in use
 * @mod: a module that provides a scheduler that is not active
 *
 * A switch away from @mod let tasks that had nothing left to run of its
 * text but an epilogue keep their frames there.  They leave as soon as
 * they run again; until they have, @mod must stay.  With
 * CONFIG_SCHED_LIVE_AUDIT, so must a module that something still points
 * into (audit.c), which the same stopped window looks for.
 *
 * Return: 0, -EBUSY with a line naming the task or the pointer, or
 * -ENOMEM.
 */
int sched_live_module_text_busy(struct module *mod)
{
	struct sched_live_transition tr = {};
	int ret;

	sched_live_use_module_text(&tr, mod);
	tr.audit = sched_live_audit_alloc(mod);
	if (IS_ENABLED(CONFIG_SCHED_LIVE_AUDIT) && !tr.audit)
		return -ENOMEM;
	sched_live_prepare_checks(&tr, false);
	atomic_set(&tr.slots, 0);
	atomic_set(&tr.refused, 0);
	cpus_read_lock();
	tr.nr_cpus = num_online_cpus();
	ret = stop_machine_cpuslocked(sched_live_text_check_stopped, &tr,
				      cpu_online_mask);
	cpus_read_unlock();
	if (!ret && tr.busy) {
		pr_warn("module '%s' is in use: %s[%d] is in %pS; try again when it has left\n",
			mod->name, tr.busy->comm, task_pid_nr(tr.busy),
			(void *)tr.busy_addr);
		ret = -EBUSY;
	}
	if (tr.busy)
		put_task_struct(tr.busy);
	if (ret)
		kfree(tr.audit);
	else
		ret = sched_live_audit_report(tr.audit);
	return ret;
}
