// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the stack check: a kthread asleep in a function is found
 * by a check of that function's text, and not by a check of other text.
 */

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/sched.h>

#include "stack.h"

/* Sleeps in schedule() called from here until kthread_stop(). */
static noinline int sched_live_kunit_sleeper(void *unused)
{
	set_current_state(TASK_INTERRUPTIBLE);
	while (!kthread_should_stop()) {
		schedule();
		set_current_state(TASK_INTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static noinline int sched_live_kunit_elsewhere(int x)
{
	return x * 3;
}

static struct sched_live_range sched_live_kunit_range_of(struct kunit *test,
							 void *fn)
{
	unsigned long size, offset;

	KUNIT_ASSERT_TRUE(test, kallsyms_lookup_size_offset((unsigned long)fn,
							    &size, &offset));
	return (struct sched_live_range){ (unsigned long)fn, (unsigned long)fn + size };
}

static void sched_live_stack_finds_a_sleeper_test(struct kunit *test)
{
	struct sched_live_stack_check *check;
	struct sched_live_range range;
	struct task_struct *sleeper;

	check = kunit_kzalloc(test, sizeof(*check), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, check);
	sleeper = kthread_run(sched_live_kunit_sleeper, NULL, "sched_live_kunit");
	KUNIT_ASSERT_FALSE(test, IS_ERR(sleeper));
	while (!wait_task_inactive(sleeper, TASK_INTERRUPTIBLE))
		usleep_range(1000, 2000);

	range = sched_live_kunit_range_of(test, sched_live_kunit_sleeper);
	check->ranges = &range;
	check->nr = 1;
	KUNIT_EXPECT_EQ(test, sched_live_stack_find(check), 0);
	KUNIT_EXPECT_PTR_EQ(test, check->found, sleeper);
	KUNIT_EXPECT_GE(test, check->addr, range.start);
	KUNIT_EXPECT_LT(test, check->addr, range.end);

	range = sched_live_kunit_range_of(test, sched_live_kunit_elsewhere);
	KUNIT_EXPECT_EQ(test, sched_live_stack_find(check), 0);
	KUNIT_EXPECT_NULL(test, check->found);

	kthread_stop(sleeper);
}

static struct kunit_case sched_live_stack_cases[] = {
	KUNIT_CASE(sched_live_stack_finds_a_sleeper_test),
	{}
};

static struct kunit_suite sched_live_stack_suite = {
	.name = "sched_live_stack",
	.test_cases = sched_live_stack_cases,
};

kunit_test_suites(&sched_live_stack_suite);

MODULE_DESCRIPTION("KUnit tests for the sched_live stack check");
MODULE_LICENSE("GPL");
