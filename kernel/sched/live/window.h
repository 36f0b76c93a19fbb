/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SCHED_LIVE_WINDOW_H
#define _KERNEL_SCHED_LIVE_WINDOW_H

#include <linux/atomic.h>
#include <linux/types.h>

/* How long a CPU of a window waits for the others before it gives up. */
#define SCHED_LIVE_WINDOW_WAIT_MS	1000

#define SCHED_LIVE_WINDOW_MAX_BARRIERS	8

/**
 * struct sched_live_window - the CPUs of one stop_machine() callback
 * @name: what the window does, for its messages ("switch to 'mysched'")
 * @phases: for each barrier, what the CPUs do before it ("the detach")
 * @nr_barriers: how many barriers there are
 * @nr_abortable: the first this many may abandon the window: until the
 *		  last of them is passed, every CPU can still undo its work
 * @nr_cpus: how many CPUs run the callback: the online ones
 * @arrivals: per barrier, how many CPUs arrived at it, with
 *	      SCHED_LIVE_WINDOW_ABANDONED once one gave up on it
 * @reported: a late CPU has been reported
 * @progress: bumped by a CPU that works long before its next barrier, so
 *	      that the CPUs waiting for it count from its last step
 */
struct sched_live_window {
	const char		*name;
	const char * const	*phases;
	unsigned int		nr_barriers;
	unsigned int		nr_abortable;
	unsigned int		nr_cpus;
	atomic_t		arrivals[SCHED_LIVE_WINDOW_MAX_BARRIERS];
	atomic_t		reported;
	atomic_t		progress;
};

int sched_live_window_init(struct sched_live_window *w, const char *name,
			   const char * const *phases, unsigned int nr_barriers,
			   unsigned int nr_abortable);
void sched_live_window_open(struct sched_live_window *w);
bool sched_live_window_wait(struct sched_live_window *w, unsigned int barrier);
bool sched_live_window_abandoned(const struct sched_live_window *w);

/* A step of a long phase: a CPU is late only when it stops making them. */
static inline void sched_live_window_progress(struct sched_live_window *w)
{
	atomic_inc(&w->progress);
}

#endif /* _KERNEL_SCHED_LIVE_WINDOW_H */
