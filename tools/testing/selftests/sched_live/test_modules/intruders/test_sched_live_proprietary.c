// SPDX-License-Identifier: GPL-2.0
/*
 * test_sched_live_intruder under a license that is not GPL-compatible: the
 * loader must refuse it for its license, whatever else it claims.
 */
#define TEST_SCHED_LIVE_IMPLEMENTS
#define TEST_SCHED_LIVE_LICENSE "Proprietary"
#include "test_sched_live_intruder.c"
