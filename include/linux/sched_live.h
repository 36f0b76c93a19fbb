/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Live-replaceable CPU scheduler: the contract between the kernel and a
 * scheduler module.
 *
 * A scheduler module fills a struct sched_live_scheduler and registers it
 * from its init function; it then appears in /sys/kernel/sched_live/available
 * and can be made active by writing its name to /sys/kernel/sched_live/active.
 * See Documentation/scheduler/sched-live.rst.
 */
#ifndef _LINUX_SCHED_LIVE_H
#define _LINUX_SCHED_LIVE_H

#include <linux/list.h>
#include <linux/module.h>
#include <linux/types.h>

struct kobject;
struct sched_class;
#include <linux/hrtimer_types.h>

struct sched_live_implementation;
struct sched_live_ops;
struct sched_live_patch;
struct task_struct;

/*
 * Version of this header's contract.  A module built against another
 * version is refused at registration: the layout of struct
 * sched_live_scheduler or the registration rules have changed under it.
 */
#define SCHED_LIVE_ABI_VERSION	4

/* Longest scheduler name, without the terminating NUL. */
#define SCHED_LIVE_NAME_MAX	31

/* The scheduler compiled into vmlinux.  Always registered, never removed. */
#define SCHED_LIVE_BUILTIN_NAME	"builtin"

/**
 * struct sched_live_scheduler - a scheduler that can be made active
 * @name:	 unique name of 1 to SCHED_LIVE_NAME_MAX characters out of
 *		 [a-z0-9_-]; what userspace writes to select it
 * @abi_version: SCHED_LIVE_ABI_VERSION of the headers the module was built
 *		 against
 * @abi_hash:	 SCHED_LIVE_ABI_HASH of the kernel build the module was built
 *		 against (include/generated/sched_live_boundary.h): the
 *		 scheduler boundary, its prototypes and the layouts it uses
 * @ops:	 what a switch calls on the scheduler: its own copy of the
 *		 scheduler's switch operations; without them it is registered
 *		 but cannot be made active
 * @implements:	 the interface functions the module implements
 * @nr_implements: how many
 * @sites:	 for each of @implements, the vmlinux function it takes over;
 *		 owned by the registry
 * @patches:	 the jumps to @implements while the scheduler is active;
 *		 owned by the registry
 * @nr_patches:	 how many
 * @owner:	 module providing the scheduler, set by sched_live_register()
 * @list:	 entry in the registry, owned by the registry
 * @kobj:	 its directory in /sys/kernel/sched_live/schedulers, owned by
 *		 the registry
 */
struct sched_live_scheduler {
	const char		*name;
	unsigned int		abi_version;
	u64			abi_hash;
	const struct sched_live_ops *ops;
	const struct sched_live_implementation *implements;
	unsigned int		nr_implements;
	const void		**sites;
	struct sched_live_patch	*patches;
	unsigned int		nr_patches;
	struct module		*owner;
	struct list_head	list;
	struct kobject		*kobj;
};

int __sched_live_register(struct sched_live_scheduler *sched,
			  struct module *owner);
void sched_live_unregister(struct sched_live_scheduler *sched);

/**
 * sched_live_register() - make a scheduler available for activation
 * @sched: the scheduler; must stay valid until sched_live_unregister()
 *
 * Return: 0, -EINVAL for a malformed name, -ENOEXEC when @sched was built
 * against another SCHED_LIVE_ABI_VERSION or another kernel build's
 * scheduler boundary (SCHED_LIVE_ABI_HASH), or implements what is no
 * interface function of this kernel or with code outside its module,
 * -EEXIST when the name is taken, -ENOMEM.
 */
#define sched_live_register(sched) __sched_live_register(sched, THIS_MODULE)

/**
 * struct sched_live_symbol - a symbol of vmlinux a scheduler module may use
 * @name: its link name: the symbol's name, or for a file-scope static of
 *        the scheduler "__sched_live.<unit>.<name>"
 * @addr: its address
 *
 * The kernel build generates the table of these (sched_live_symbols[],
 * sorted by name) from the scheduler boundary: the symbols the extracted
 * scheduler uses that vmlinux does not export.
 */
struct sched_live_symbol {
	const char	*name;
	const void	*addr;
};

extern const struct sched_live_symbol sched_live_symbols[];
extern const unsigned int sched_live_nr_symbols;
/* This kernel's SCHED_LIVE_ABI_HASH, generated with sched_live_symbols[]. */
extern const u64 sched_live_abi_hash;
/* The keys of the interface functions a module may implement, sorted. */
extern const char *const sched_live_interface[];
extern const unsigned int sched_live_nr_interface;
/* The keys of the functions whose text an active module bypasses, sorted. */
extern const char *const sched_live_replaced[];
extern const unsigned int sched_live_nr_replaced;

int sched_live_may_link(const char *name, const char *license,
			const char *abi, unsigned long implements);
const void *sched_live_find_symbol(const char *name);
const void *sched_live_find_function(const char *key);
bool sched_live_is_interface(const char *key);

/**
 * struct sched_live_implementation - where a module implements an interface
 * @key: the interface function, as in include/generated/sched_live_boundary.h:
 *       its name, or "<unit>:<name>" for a static
 * @addr: the module's function
 */
struct sched_live_implementation {
	const char	*key;
	void		*addr;
};

/*
 * SCHED_LIVE_IMPLEMENTS - record that function @fn of this module
 * implements the interface function @key; the extracted scheduler's units
 * end with one per interface function they define.
 */
#define SCHED_LIVE_IMPLEMENTS(fn, key)					\
	static const struct sched_live_implementation __sched_live_impl_##fn \
	__used __section(".sched_live.implements") = { key, (void *)(fn) }

/* A scheduler's classes by rank: the order of SCHED_DATA, highest first. */
enum sched_live_class_rank {
	SCHED_LIVE_CLASS_STOP,
	SCHED_LIVE_CLASS_DL,
	SCHED_LIVE_CLASS_RT,
	SCHED_LIVE_CLASS_FAIR,
	SCHED_LIVE_CLASS_IDLE,
	SCHED_LIVE_NR_CLASSES
};

/*
 * A scheduler's hrtimer functions, by what they time.  A timer can be
 * queued where the switch finds no owner to adopt (the inactive timer of a
 * deadline task that has exited, a task group's bandwidth timer between
 * its release and its free): the switch finds it by its function.
 */
enum sched_live_timer {
	SCHED_LIVE_TIMER_DL,		/* a deadline entity's replenishment */
	SCHED_LIVE_TIMER_DL_INACTIVE,	/* a deadline entity's 0-lag time */
	SCHED_LIVE_TIMER_HRTICK,	/* a runqueue's precise tick */
	SCHED_LIVE_TIMER_CFS_PERIOD,	/* a task group's bandwidth period */
	SCHED_LIVE_TIMER_CFS_SLACK,	/* its return of unused runtime */
	SCHED_LIVE_TIMER_RT_PERIOD,	/* a task group's real-time period */
	SCHED_LIVE_NR_TIMERS
};

/* Room for what kept a CPU's tasks from being moved, in a log line. */
#define SCHED_LIVE_UNMOVED_LEN	128

/**
 * struct sched_live_cpu_tasks - the tasks a switch moves on one CPU
 * @tasks: the tasks taken off the runqueue, last detached first, linked
 *	   through their se.group_node: only the fair class's runqueue
 *	   links a task there, and dequeueing it unlinked it
 * @nr: how many
 * @unmoved: when detaching them failed with -EAGAIN, what the scheduler
 *	     could not move, in words for the log
 *
 * A switch needs no memory for the tasks it moves however many there are,
 * so a rollback never fails for want of it.
 */
struct sched_live_cpu_tasks {
	struct list_head	tasks;
	unsigned int		nr;
	char			unmoved[SCHED_LIVE_UNMOVED_LEN];
};

/**
 * struct sched_live_ops - what a switch calls on a scheduler
 * @classes:	  the scheduler's classes by rank; NULL for a class this
 *		  kernel does not build
 * @detach_cpu:	  on @cpu, take every queued task but the running stopper
 *		  off the scheduler's runqueue, recording them in @set, and
 *		  put the stopper; or, on failure, leave the runqueue as it was
 *		  and return -EAGAIN (a task in migration, or a real-time or
 *		  deadline task queued but not on the task list), saying
 *		  which in @set->unmoved; a fair
 *		  task that exit has unhashed is found on the runqueue and
 *		  detached with the others
 * @attach_cpu:	  on @cpu, set the stopper running and put the tasks of
 *		  @set on the scheduler's runqueue, last detached first
 * @adopt_task:	  point the code pointers the scheduler stores in @p (its
 *		  timers, its task works) at this scheduler's code
 * @adopt_global: the same for the runqueues of all possible CPUs, the
 *		  task groups and the root domains, and give every idle task
 *		  this scheduler's idle class
 * @timers:	  the scheduler's hrtimer functions by role; NULL for one
 *		  this kernel does not build
 *
 * Every CPU is stopped (a stop_machine() callback) when these are called,
 * and each CPU detaches and attaches its own runqueue.  The kernel itself
 * gives every task the class of the same rank in the scheduler it
 * switches to, between @detach_cpu of the old and @adopt_task and
 * @attach_cpu of the new.
 */
struct sched_live_ops {
	const struct sched_class *classes[SCHED_LIVE_NR_CLASSES];
	int (*detach_cpu)(int cpu, struct sched_live_cpu_tasks *set);
	void (*attach_cpu)(int cpu, struct sched_live_cpu_tasks *set);
	void (*adopt_task)(struct task_struct *p);
	void (*adopt_global)(void);
	enum hrtimer_restart (*timers[SCHED_LIVE_NR_TIMERS])(struct hrtimer *timer);
};

/*
 * Each scheduler's own copy (kernel/sched/core.c): vmlinux's is builtin's,
 * a scheduler module's is the module's.
 */
extern const struct sched_live_ops sched_live_ops;

/*
 * The users of kernel text that an active scheduler module conflicts with
 * where they touch the scheduler functions it replaces (see
 * kernel/sched/live/conflict.c).
 */
enum sched_live_text_user {
	SCHED_LIVE_KPROBE,		/* a kprobe */
	SCHED_LIVE_FTRACE,		/* function tracing */
	SCHED_LIVE_FTRACE_IPMODIFY,	/* livepatch, among others */
	SCHED_LIVE_FTRACE_DIRECT,	/* BPF trampolines, among others */
};

#ifdef CONFIG_SCHED_LIVE
void sched_live_adopt_new_task(struct task_struct *p);
int sched_live_module_busy(struct module *mod, unsigned int flags);
int sched_live_text_user_check(unsigned long addr,
			       enum sched_live_text_user user);
int sched_live_hold_builtin(const char *bpf_scheduler);
void sched_live_release_builtin(void);
bool sched_live_sysrq_rollback(void);
void sched_live_print_info(const char *log_lvl);
#else
static inline void sched_live_adopt_new_task(struct task_struct *p) { }
static inline int sched_live_module_busy(struct module *mod,
					 unsigned int flags)
{
	return 0;
}
static inline int sched_live_text_user_check(unsigned long addr,
					     enum sched_live_text_user user)
{
	return 0;
}

static inline int sched_live_hold_builtin(const char *bpf_scheduler)
{
	return 0;
}

static inline void sched_live_release_builtin(void) { }

static inline void sched_live_print_info(const char *log_lvl) { }

static inline bool sched_live_sysrq_rollback(void)
{
	return false;
}
#endif

#endif /* _LINUX_SCHED_LIVE_H */
