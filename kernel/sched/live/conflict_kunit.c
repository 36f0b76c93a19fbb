// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the conflict rules: what a kprobe, function tracing, an
 * ftrace IPMODIFY user and an ftrace direct call may touch while the text
 * of an interface function and of an internal one is claimed.
 */

#include <kunit/test.h>
#include <linux/ftrace.h>
#include <linux/kallsyms.h>
#include <linux/sched_live.h>
#include <linux/sort.h>

#include "conflict.h"
#include "stack.h"

/* Stand for an interface function and an internal one of a scheduler. */
static noinline int sched_live_kunit_interface(int x)
{
	return x + 1;
}

static noinline int sched_live_kunit_internal(int x)
{
	return x * 5;
}

static noinline int sched_live_kunit_outside(int x)
{
	return x - 7;
}

static void sched_live_kunit_range(struct kunit *test,
				   struct sched_live_range *range, void *fn,
				   bool interface)
{
	unsigned long size, offset;

	KUNIT_ASSERT_TRUE(test, kallsyms_lookup_size_offset((unsigned long)fn,
							    &size, &offset));
	range->start = (unsigned long)fn;
	range->end = range->start + size;
	range->interface = interface;
}

/* Where a kprobe or ftrace would hook @fn: its __fentry__ call, if any. */
static unsigned long sched_live_kunit_entry(void *fn)
{
	return ftrace_location((unsigned long)fn) ?: (unsigned long)fn;
}

static int sched_live_kunit_range_cmp(const void *a, const void *b)
{
	const struct sched_live_range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static void sched_live_conflict_rules_test(struct kunit *test)
{
	unsigned long interface = sched_live_kunit_entry(sched_live_kunit_interface);
	unsigned long internal = sched_live_kunit_entry(sched_live_kunit_internal);
	unsigned long outside = sched_live_kunit_entry(sched_live_kunit_outside);
	struct sched_live_range ranges[2];

	if (!ftrace_location(interface))
		kunit_skip(test, "the rules are about __fentry__ calls: needs ftrace");
	sched_live_kunit_range(test, &ranges[0], sched_live_kunit_interface, true);
	sched_live_kunit_range(test, &ranges[1], sched_live_kunit_internal, false);
	sort(ranges, 2, sizeof(ranges[0]), sched_live_kunit_range_cmp, NULL);

	/* Nothing is claimed: anything goes. */
	KUNIT_EXPECT_EQ(test, sched_live_text_user_check(internal, SCHED_LIVE_KPROBE), 0);
	KUNIT_EXPECT_EQ(test, sched_live_text_user_check(interface,
							 SCHED_LIVE_FTRACE_IPMODIFY), 0);

	/* Nobody uses these functions, so the claim succeeds. */
	KUNIT_ASSERT_EQ(test, sched_live_claim_text("kunit", ranges, 2), 0);

	/* An interface function's entry still runs; watching it is fine. */
	KUNIT_EXPECT_EQ(test, sched_live_text_user_check(interface, SCHED_LIVE_KPROBE), 0);
	KUNIT_EXPECT_EQ(test, sched_live_text_user_check(interface, SCHED_LIVE_FTRACE), 0);
	/* Changing where it goes is not. */
	KUNIT_EXPECT_EQ(test, sched_live_text_user_check(interface,
							 SCHED_LIVE_FTRACE_IPMODIFY),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, sched_live_text_user_check(interface,
							 SCHED_LIVE_FTRACE_DIRECT),
			-EBUSY);
	/* Inside it, and anywhere in an internal function, nothing is. */
	KUNIT_EXPECT_EQ(test, sched_live_text_user_check(interface + MCOUNT_INSN_SIZE,
							 SCHED_LIVE_KPROBE),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, sched_live_text_user_check(internal, SCHED_LIVE_KPROBE),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, sched_live_text_user_check(internal, SCHED_LIVE_FTRACE),
			-EBUSY);
	/* Text outside the claim is nobody's business. */
	KUNIT_EXPECT_EQ(test, sched_live_text_user_check(outside,
							 SCHED_LIVE_FTRACE_DIRECT),
			0);

	sched_live_release_text();
	KUNIT_EXPECT_EQ(test, sched_live_text_user_check(internal, SCHED_LIVE_KPROBE), 0);
}

static struct kunit_case sched_live_conflict_cases[] = {
	KUNIT_CASE(sched_live_conflict_rules_test),
	{}
};

static struct kunit_suite sched_live_conflict_suite = {
	.name = "sched_live_conflict",
	.test_cases = sched_live_conflict_cases,
};

kunit_test_suites(&sched_live_conflict_suite);

MODULE_DESCRIPTION("KUnit tests for the sched_live conflict rules");
MODULE_LICENSE("GPL");
