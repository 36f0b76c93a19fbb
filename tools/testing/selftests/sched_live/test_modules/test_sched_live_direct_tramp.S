/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The direct call's trampoline: called from the __fentry__ call of the
 * traced function, it counts and returns to it.
 */

#include <linux/linkage.h>

	.text
SYM_FUNC_START(test_sched_live_direct_tramp)
	lock incq test_sched_live_direct_hits(%rip)
	RET
SYM_FUNC_END(test_sched_live_direct_tramp)
