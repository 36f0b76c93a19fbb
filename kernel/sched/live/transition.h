/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SCHED_LIVE_TRANSITION_H
#define _KERNEL_SCHED_LIVE_TRANSITION_H

#include <linux/sched_live.h>
#include <linux/types.h>

/**
 * struct sched_live_switch_record - what one switch took
 * @from: the scheduler active before
 * @to: the scheduler asked for
 * @result: 0, or the error the switch failed with
 * @retries: attempts refused by a busy stack or an unmovable task
 * @tasks: tasks moved from one scheduler's runqueues to the other's
 * @prepare_ns: planning the jumps, finding the text, allocating
 * @stop_machine_ns: the last attempt's stop_machine(), from the call to
 *		     its return: the time the system stood still
 * @stack_check_ns: the stack check inside it
 * @rebuild_ns: from the end of the stack check to the last CPU's attach:
 *		detach, the flip and attach
 * @total_ns: the whole switch, retries included
 */
struct sched_live_switch_record {
	char		from[SCHED_LIVE_NAME_MAX + 1];
	char		to[SCHED_LIVE_NAME_MAX + 1];
	int		result;
	unsigned int	retries;
	unsigned int	tasks;
	u64		prepare_ns;
	u64		stop_machine_ns;
	u64		stack_check_ns;
	u64		rebuild_ns;
	u64		total_ns;
};

int sched_live_module_text_busy(struct module *mod);
int sched_live_switch(struct sched_live_scheduler *from,
		      struct sched_live_scheduler *to,
		      struct sched_live_switch_record *record);

#endif /* _KERNEL_SCHED_LIVE_TRANSITION_H */
