/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SCHED_LIVE_PATCH_H
#define _KERNEL_SCHED_LIVE_PATCH_H

#include <linux/types.h>

#include <asm/text-patching.h>

/**
 * struct sched_live_patch - a jump that takes a function over
 * @at: the first byte of the site's body, where the jump goes
 * @saved: the bytes the jump replaced, saved when it was written
 * @jump: the jump
 */
struct sched_live_patch {
	void	*at;
	u8	saved[JMP32_INSN_SIZE];
	u8	jump[JMP32_INSN_SIZE];
};

bool sched_live_is_return_thunk(unsigned long to);
int sched_live_patch_check(const void *site, const void *target);
int sched_live_patch_prepare(struct sched_live_patch *patch, const void *site,
			     const void *target);
struct sched_live_window;

void sched_live_patch_write(struct sched_live_patch *patches, unsigned int nr,
			    bool apply, struct sched_live_window *w);
int sched_live_patch_apply(struct sched_live_patch *patches, unsigned int nr);
int sched_live_patch_revert(struct sched_live_patch *patches, unsigned int nr);

#endif /* _KERNEL_SCHED_LIVE_PATCH_H */
