// SPDX-License-Identifier: GPL-2.0
/* test_sched_live_intruder without the sched_live_abi tag. */
#define TEST_SCHED_LIVE_NO_TAG
#include "test_sched_live_intruder.c"
