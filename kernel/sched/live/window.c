// SPDX-License-Identifier: GPL-2.0
/*
 * sched_live window: the CPUs of a stop_machine() callback waiting for each
 * other, every wait with a bound.
 *
 * A switch runs on every online CPU at once, with interrupts off, in
 * phases separated by barriers: no CPU detaches its runqueue before every
 * CPU has done its share of the stack check, and so on.  A CPU that never
 * arrived at a barrier would stop the machine for good, and silently: with
 * every CPU spinning with interrupts off, none of the kernel's own lockup
 * detectors runs.  So no CPU waits longer than SCHED_LIVE_WINDOW_WAIT_MS:
 *
 *   sched_live_window_init()	   before stop_machine(): name the window
 *				   and its phases
 *   sched_live_window_open()	   before each stop_machine(): nobody
 *				   arrived anywhere yet
 *   sched_live_window_wait()	   in the callback: arrive at a barrier and
 *				   wait for the other CPUs.  One that waits
 *				   too long says which CPU it waited for and
 *				   what that CPU was doing, with a backtrace
 *				   of it; at a barrier the window may be
 *				   abandoned at, it abandons it, and every
 *				   CPU, the late one too once it arrives,
 *				   undoes its part and leaves
 *   sched_live_window_progress()  in the callback, by a CPU that works
 *				   long before its next barrier (the one
 *				   that writes the jumps): a step done,
 *				   from which the waiting CPUs count again
 *   sched_live_window_abandoned() after stop_machine(): whether it was
 *
 * A late CPU is one that has made no progress for that long: one that
 * works, slowed down by a host that runs its vCPU a fraction of the time,
 * is not.
 *
 * Past the barriers that may abandon the window the CPUs have changed what
 * the others depend on (a switch's flip), so a late CPU is reported once
 * and waited for.
 *
 * Whether a barrier is passed or abandoned is decided by one atomic
 * operation on its arrival count: the last CPU to arrive makes it
 * nr_cpus, or a CPU that waited too long marks it abandoned while it is
 * still short.  Whichever comes first, every CPU reads the same outcome.
 *
 * A window needs no memory but its own: it runs in the rollback that must
 * not fail for want of memory, and the one that needs a window at a time
 * is text_mutex's holder, so where each CPU has got to is kept per CPU.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bits.h>
#include <linux/console.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/nmi.h>
#include <linux/memory.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>

#include "window.h"

#define SCHED_LIVE_WINDOW_ABANDONED	BIT(30)

/* How often a waiting CPU reads the clock: some clocks trap to the host. */
#define SCHED_LIVE_WINDOW_SPINS_PER_CLOCK	64

/* Per CPU, how many barriers of the open window it has arrived at. */
static DEFINE_PER_CPU(unsigned int, sched_live_window_passed);

#ifdef CONFIG_SCHED_LIVE_FAULT_INJECTION
static void sched_live_window_inject(struct sched_live_window *w,
				     unsigned int barrier);
#else
static inline void sched_live_window_inject(struct sched_live_window *w,
					    unsigned int barrier)
{
}
#endif

/**
 * sched_live_window_init() - prepare a window for stop_machine()
 * @w: the window
 * @name: what it does, for its messages
 * @phases: for each barrier, the name of the phase that ends at it
 * @nr_barriers: how many barriers, at most SCHED_LIVE_WINDOW_MAX_BARRIERS
 * @nr_abortable: the first this many barriers may abandon the window
 *
 * Return: 0, or -EINVAL for more barriers than a window has.
 */
int sched_live_window_init(struct sched_live_window *w, const char *name,
			   const char * const *phases, unsigned int nr_barriers,
			   unsigned int nr_abortable)
{
	if (WARN_ON_ONCE(nr_barriers > SCHED_LIVE_WINDOW_MAX_BARRIERS ||
			 nr_abortable > nr_barriers))
		return -EINVAL;
	w->name = name;
	w->phases = phases;
	w->nr_barriers = nr_barriers;
	w->nr_abortable = nr_abortable;
	return 0;
}

/**
 * sched_live_window_open() - start one stop_machine() of the window
 * @w: the window
 *
 * Context: cpus_read_lock() held, as stop_machine_cpuslocked() wants: the
 * CPUs of the window are the online ones; text_mutex held until the
 * stop_machine() returns, which makes this the only open window.
 */
void sched_live_window_open(struct sched_live_window *w)
{
	unsigned int i;
	int cpu;

	lockdep_assert_cpus_held();
	lockdep_assert_held(&text_mutex);
	w->nr_cpus = num_online_cpus();
	for (i = 0; i < w->nr_barriers; i++)
		atomic_set(&w->arrivals[i], 0);
	for_each_possible_cpu(cpu)
		per_cpu(sched_live_window_passed, cpu) = 0;
	atomic_set(&w->reported, 0);
	atomic_set(&w->progress, 0);
}

/* The first CPU that has not arrived at @barrier, and how many have not. */
static int sched_live_window_late(struct sched_live_window *w,
				  unsigned int barrier, int *nr_late)
{
	int cpu, late = -1;

	*nr_late = 0;
	for_each_online_cpu(cpu) {
		if (READ_ONCE(per_cpu(sched_live_window_passed, cpu)) > barrier)
			continue;
		if (late < 0)
			late = cpu;
		(*nr_late)++;
	}
	return late;
}

/*
 * Print that this CPU waited @waited_ns at @barrier for @late, and a
 * backtrace of @late.  Interrupts are off in the window: the console is
 * flushed here rather than by the irq_work that printk leaves for it,
 * which would run only when the window is over, and never if the late CPU
 * does not come back.
 */
static void sched_live_window_report(struct sched_live_window *w,
				     unsigned int barrier, u64 waited_ns,
				     int late, int nr_late, bool abandon)
{
	unsigned int waited_ms = div_u64(waited_ns, NSEC_PER_MSEC);
	int waiter = smp_processor_id();

	if (abandon)
		pr_err("%s abandoned: CPU%d waited %u ms for CPU%d (late CPUs: %d) to finish phase '%s'; every CPU undoes its part\n",
		       w->name, waiter, waited_ms, late, nr_late,
		       w->phases[barrier]);
	else
		pr_err("%s: CPU%d has waited %u ms for CPU%d (late CPUs: %d) to finish phase '%s'; too late to abandon, it waits on\n",
		       w->name, waiter, waited_ms, late, nr_late,
		       w->phases[barrier]);
	if (!trigger_single_cpu_backtrace(late))
		pr_err("no backtrace of CPU%d: this architecture cannot interrupt it\n",
		       late);
	if (console_trylock())
		console_unlock();
}

/*
 * This CPU has waited @waited_ns at @barrier, where it saw @seen arrivals:
 * report the late CPU and, where the window may be abandoned, abandon it.
 * A CPU that has marked its arrival but not yet counted it is not late.
 * Return: true when this CPU abandoned the window and leaves; false when
 * it waits on: past the barriers that may abandon the window, or because
 * no CPU is late after all, or a CPU arrived meanwhile (@seen is updated
 * then).
 */
static bool sched_live_window_give_up(struct sched_live_window *w,
				      unsigned int barrier, u64 waited_ns,
				      int *seen)
{
	int nr_late, late = sched_live_window_late(w, barrier, &nr_late);

	if (late < 0)
		return false;
	if (barrier >= w->nr_abortable) {
		if (!atomic_xchg(&w->reported, 1))
			sched_live_window_report(w, barrier, waited_ns, late,
						 nr_late, false);
		return false;
	}
	if (!atomic_try_cmpxchg(&w->arrivals[barrier], seen,
				*seen | SCHED_LIVE_WINDOW_ABANDONED))
		return false;
	sched_live_window_report(w, barrier, waited_ns, late, nr_late, true);
	return true;
}

/**
 * sched_live_window_wait() - arrive at a barrier and wait for the others
 * @w: the window
 * @barrier: the barrier, counted from 0 in the order the CPUs pass them
 *
 * Context: the stop_machine() callback of @w, on every CPU of the window.
 * Return: true when every CPU arrived, false when the window was
 * abandoned: then this CPU undoes what it did since the window began and
 * leaves the callback.
 */
bool sched_live_window_wait(struct sched_live_window *w, unsigned int barrier)
{
	atomic_t *arrivals = &w->arrivals[barrier];
	unsigned int spins = 0;
	int seen, progress;
	u64 start, waited;

	sched_live_window_inject(w, barrier);
	this_cpu_write(sched_live_window_passed, barrier + 1);
	seen = atomic_inc_return(arrivals);
	start = ktime_get_mono_fast_ns();
	progress = atomic_read(&w->progress);
	while (seen != w->nr_cpus) {
		if (seen & SCHED_LIVE_WINDOW_ABANDONED)
			return false;
		cpu_relax();
		if (++spins % SCHED_LIVE_WINDOW_SPINS_PER_CLOCK == 0) {
			if (atomic_read(&w->progress) != progress) {
				progress = atomic_read(&w->progress);
				start = ktime_get_mono_fast_ns();
			}
			waited = ktime_get_mono_fast_ns() - start;
			if (waited > SCHED_LIVE_WINDOW_WAIT_MS * NSEC_PER_MSEC &&
			    sched_live_window_give_up(w, barrier, waited, &seen))
				return false;
		}
		seen = atomic_read_acquire(arrivals);
	}
	return true;
}

/**
 * sched_live_window_abandoned() - whether a CPU gave up on the others
 * @w: a window whose stop_machine() has returned
 *
 * Return: true when the last stop_machine() of @w was abandoned.
 */
bool sched_live_window_abandoned(const struct sched_live_window *w)
{
	unsigned int i;

	for (i = 0; i < w->nr_abortable; i++) {
		if (atomic_read(&w->arrivals[i]) & SCHED_LIVE_WINDOW_ABANDONED)
			return true;
	}
	return false;
}

#ifdef CONFIG_SCHED_LIVE_FAULT_INJECTION
#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

/*
 * /sys/kernel/debug/sched_live/stall: "PHASE MS" makes the last online CPU
 * of the next window with a phase of that name spin for MS milliseconds,
 * interrupts off, before it arrives at the barrier that ends the phase.
 */
#define SCHED_LIVE_STALL_PHASE_MAX	15

static DEFINE_MUTEX(sched_live_stall_mutex);
static char sched_live_stall_phase[SCHED_LIVE_STALL_PHASE_MAX + 1];
static atomic_t sched_live_stall_ms;

/* Where a stalled CPU is: a name for its backtrace. */
static noinline void sched_live_window_stall(unsigned int ms)
{
	while (ms--)
		mdelay(1);
}

static void sched_live_window_inject(struct sched_live_window *w,
				     unsigned int barrier)
{
	unsigned int ms;

	/* Written before the window, with every CPU running. */
	if (!atomic_read_acquire(&sched_live_stall_ms) ||
	    smp_processor_id() != cpumask_last(cpu_online_mask) ||
	    strcmp(w->phases[barrier], sched_live_stall_phase))
		return;
	ms = atomic_xchg(&sched_live_stall_ms, 0);
	sched_live_window_stall(ms);
}

static ssize_t sched_live_stall_write(struct file *file,
				      const char __user *ubuf, size_t count,
				      loff_t *ppos)
{
	char buf[SCHED_LIVE_STALL_PHASE_MAX + 16];
	char phase[SCHED_LIVE_STALL_PHASE_MAX + 1];
	unsigned int ms;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	if (sscanf(buf, "%15s %u", phase, &ms) != 2) {
		pr_warn("stall: write \"PHASE MS\", such as \"detach 3000\"\n");
		return -EINVAL;
	}
	guard(mutex)(&sched_live_stall_mutex);
	strscpy(sched_live_stall_phase, phase);
	atomic_set_release(&sched_live_stall_ms, ms);
	return count;
}

static int sched_live_stall_show(struct seq_file *m, void *v)
{
	guard(mutex)(&sched_live_stall_mutex);
	if (atomic_read(&sched_live_stall_ms))
		seq_printf(m, "%s %d\n", sched_live_stall_phase,
			   atomic_read(&sched_live_stall_ms));
	else
		seq_puts(m, "none\n");
	return 0;
}

static int sched_live_stall_open(struct inode *inode, struct file *file)
{
	return single_open(file, sched_live_stall_show, NULL);
}

static const struct file_operations sched_live_stall_fops = {
	.owner		= THIS_MODULE,
	.open		= sched_live_stall_open,
	.read		= seq_read,
	.write		= sched_live_stall_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

static int __init sched_live_window_debugfs_init(void)
{
	struct dentry *dir = debugfs_create_dir("sched_live", NULL);

	debugfs_create_file("stall", 0600, dir, NULL, &sched_live_stall_fops);
	return 0;
}
late_initcall(sched_live_window_debugfs_init);
#endif /* CONFIG_SCHED_LIVE_FAULT_INJECTION */
