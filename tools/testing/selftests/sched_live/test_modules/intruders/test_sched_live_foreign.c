// SPDX-License-Identifier: GPL-2.0
/*
 * test_sched_live_intruder with an implementation, as a scheduler has, but
 * built for another kernel: its tag carries another boundary hash.
 */
#define TEST_SCHED_LIVE_IMPLEMENTS
#define TEST_SCHED_LIVE_TAG "0x0000000000000001ULL"
#include "test_sched_live_intruder.c"
