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
 * @rechecked: tasks whose stacks the window checked: those that ran
 *	       since the check before it, or were running then
 * @prepare_ns: planning the jumps, finding the text, allocating
 * @precheck_ns: the last attempt's stack check before the window
 * @stop_machine_ns: the last attempt's stop_machine(), from the call to
 *		     its return: the time the system stood still, the sum of
 *		     the seven parts below
 * @enter_ns: from the call until the CPU that patches runs the callback
 * @check_ns: the stack check, until every CPU had done its share
 * @detach_ns: taking the tasks off from's runqueues
 * @flip_ns: writing the jumps
 * @adopt_ns: giving tasks, timers and global state to's code
 * @attach_ns: putting the tasks on to's runqueues
 * @leave_ns: from the last phase the attempt reached until stop_machine()
 *	      returned
 * @total_ns: the whole switch, retries included
 *
 * A phase lasts from the moment every CPU had finished the one before
 * until every CPU had finished it, as the CPU that patches sees it; a
 * phase the attempt did not reach took 0.
 */
struct sched_live_switch_record {
	char		from[SCHED_LIVE_NAME_MAX + 1];
	char		to[SCHED_LIVE_NAME_MAX + 1];
	int		result;
	unsigned int	retries;
	unsigned int	tasks;
	unsigned int	rechecked;
	u64		prepare_ns;
	u64		precheck_ns;
	u64		stop_machine_ns;
	u64		enter_ns;
	u64		check_ns;
	u64		detach_ns;
	u64		flip_ns;
	u64		adopt_ns;
	u64		attach_ns;
	u64		leave_ns;
	u64		total_ns;
};

int sched_live_module_text_busy(struct module *mod);
int sched_live_switch(struct sched_live_scheduler *from,
		      struct sched_live_scheduler *to,
		      struct sched_live_switch_record *record);

#endif /* _KERNEL_SCHED_LIVE_TRANSITION_H */
