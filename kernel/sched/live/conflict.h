/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SCHED_LIVE_CONFLICT_H
#define _KERNEL_SCHED_LIVE_CONFLICT_H

#include <linux/types.h>

struct sched_live_range;

int sched_live_claim_text(const char *name,
			  const struct sched_live_range *ranges,
			  unsigned int nr);
void sched_live_pass_claim(const char *name);
void sched_live_release_text(void);
ssize_t sched_live_list_conflicts(char *buf,
				  const struct sched_live_range *ranges,
				  unsigned int nr);

#endif /* _KERNEL_SCHED_LIVE_CONFLICT_H */
