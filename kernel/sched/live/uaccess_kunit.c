// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the check that no function a switch bypasses touches
 * user memory: a function with an inlined user access, or a call to one,
 * is found, and one without is not; schedule_tail(), which stays in
 * vmlinux for that reason, is found.
 */

#include <kunit/test.h>
#include <linux/kallsyms.h>
#include <linux/sched/task.h>
#include <linux/uaccess.h>

#include "uaccess.h"

/* An inlined copy to user memory (the caller checked access_ok()). */
static noinline unsigned long sched_live_kunit_copy_out(void __user *to,
							const void *from,
							unsigned long n)
{
	return __copy_to_user(to, from, n);
}

/* A call to an out-of-line user access, __put_user_4(). */
static noinline int sched_live_kunit_put(u32 __user *to)
{
	return put_user(1, to);
}

static noinline int sched_live_kunit_no_user(int x)
{
	return x * 3 + 1;
}

static unsigned long sched_live_kunit_find(struct kunit *test, const void *fn)
{
	unsigned long size, offset, start = (unsigned long)fn;

	KUNIT_ASSERT_TRUE(test, kallsyms_lookup_size_offset(start, &size, &offset));
	KUNIT_ASSERT_EQ(test, offset, 0);
	return sched_live_uaccess_find(NULL, start, start + size);
}

static void sched_live_uaccess_finds_user_accesses_test(struct kunit *test)
{
	const void *fn;

	fn = sched_live_kunit_copy_out;
	KUNIT_EXPECT_NE_MSG(test, sched_live_kunit_find(test, fn), 0, "%ps", fn);
	fn = sched_live_kunit_put;
	KUNIT_EXPECT_NE_MSG(test, sched_live_kunit_find(test, fn), 0, "%ps", fn);
	fn = sched_live_kunit_no_user;
	KUNIT_EXPECT_EQ_MSG(test, sched_live_kunit_find(test, fn), 0, "%ps", fn);
}

/* What the boundary keeps in vmlinux for touching user memory does. */
static void sched_live_uaccess_finds_schedule_tail_test(struct kunit *test)
{
	KUNIT_EXPECT_NE(test, sched_live_kunit_find(test, schedule_tail), 0);
}

static struct kunit_case sched_live_uaccess_cases[] = {
	KUNIT_CASE(sched_live_uaccess_finds_user_accesses_test),
	KUNIT_CASE(sched_live_uaccess_finds_schedule_tail_test),
	{}
};

static struct kunit_suite sched_live_uaccess_suite = {
	.name = "sched_live_uaccess",
	.test_cases = sched_live_uaccess_cases,
};

kunit_test_suites(&sched_live_uaccess_suite);

MODULE_DESCRIPTION("KUnit tests for the sched_live user memory check");
MODULE_LICENSE("GPL");
