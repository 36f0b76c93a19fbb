/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SCHED_LIVE_WATCHDOG_H
#define _KERNEL_SCHED_LIVE_WATCHDOG_H

#include <linux/sched.h>
#include <linux/sched_live.h>
#include <linux/types.h>

/* Why a scheduler module stopped being the active one. */
enum sched_live_exit_reason {
	SCHED_LIVE_EXIT_NONE,
	SCHED_LIVE_EXIT_USER,		/* a write to "active" */
	SCHED_LIVE_EXIT_WATCHDOG,	/* a task waited longer than the timeout */
	SCHED_LIVE_EXIT_SYSRQ,		/* SysRq-S */
	SCHED_LIVE_EXIT_ERROR,		/* a rollback was asked for and failed */
};

#define SCHED_LIVE_EXIT_ENTRIES	16

/* The longest watchdog_timeout_ms: an hour. */
#define SCHED_LIVE_WATCHDOG_MAX_MS	3600000

/**
 * struct sched_live_exit - the record behind last_exit
 * @reason: why the module stopped, or SCHED_LIVE_EXIT_ERROR if it did not
 * @scheduler: the module's scheduler
 * @result: 0, or what the switch back to builtin failed with
 * @time_ns: when it was over, in CLOCK_BOOTTIME
 * @rollback_ns: how long the switch back took
 * @pid: the task the watchdog found waiting (watchdog only)
 * @comm: its name
 * @cpu: the CPU it waited on
 * @waited_ms: how long it had waited when found
 * @entries: its stack when found
 * @nr_entries: how many of @entries are valid
 */
struct sched_live_exit {
	enum sched_live_exit_reason	reason;
	char				scheduler[SCHED_LIVE_NAME_MAX + 1];
	int				result;
	u64				time_ns;
	u64				rollback_ns;
	pid_t				pid;
	char				comm[TASK_COMM_LEN];
	int				cpu;
	u64				waited_ms;
	unsigned long			entries[SCHED_LIVE_EXIT_ENTRIES];
	unsigned int			nr_entries;
};

int sched_live_watchdog_init(void);
void sched_live_watchdog_arm(void);
unsigned int sched_live_watchdog_timeout(void);
void sched_live_watchdog_set_timeout(unsigned int ms);

/* core.c */
bool sched_live_module_active(void);
void sched_live_rollback(struct sched_live_exit *exit);

#endif /* _KERNEL_SCHED_LIVE_WATCHDOG_H */
