// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the patching primitive: a function taken over by another
 * and given back, with ftrace's and IBT's bytes at the entry untouched.
 */

#include <kunit/test.h>
#include <linux/cpu.h>
#include <linux/ftrace.h>
#include <linux/jump_label.h>
#include <linux/memory.h>
#include <linux/string.h>

#include <asm/text-patching.h>

#include "patch.h"

/* Read from memory, so that each function has a body the jump fits in. */
static int sched_live_kunit_bias = 1;

static noinline int sched_live_kunit_site(int x)
{
	return x + READ_ONCE(sched_live_kunit_bias);
}

static noinline int sched_live_kunit_target(int x)
{
	return x * 10 * READ_ONCE(sched_live_kunit_bias);
}

/*
 * Its body is a single "ret" (two bytes with straight-line-speculation
 * hardening): no room for a jump.  With return thunks the compiler emits
 * the "ret" as a five-byte jump to the thunk, and there is room.
 */
static noinline void sched_live_kunit_empty(void)
{
}

static DEFINE_STATIC_KEY_FALSE(sched_live_kunit_key);

/*
 * Opens with a static branch, as preempt_notifier_register() does with
 * CONFIG_PREEMPT_NOTIFIERS: with jump labels, the NOP or jump the key's
 * flips rewrite is the first instruction after ftrace's call site.
 */
static noinline int sched_live_kunit_keyed(int x)
{
	if (static_branch_unlikely(&sched_live_kunit_key))
		return x * READ_ONCE(sched_live_kunit_bias);
	return x + READ_ONCE(sched_live_kunit_bias);
}

static void sched_live_kunit_need_small_empty(struct kunit *test)
{
	if (IS_ENABLED(CONFIG_MITIGATION_RETHUNK))
		kunit_skip(test, "with return thunks an empty function has room for a jump");
}

static int sched_live_kunit_apply(struct sched_live_patch *patch, bool apply)
{
	int ret;

	cpus_read_lock();
	mutex_lock(&text_mutex);
	ret = apply ? sched_live_patch_apply(patch, 1) :
		      sched_live_patch_revert(patch, 1);
	mutex_unlock(&text_mutex);
	cpus_read_unlock();
	return ret;
}

static void sched_live_patch_takes_over_and_gives_back_test(struct kunit *test)
{
	int (*call)(int) = sched_live_kunit_site;
	unsigned long fentry = ftrace_location((unsigned long)sched_live_kunit_site);
	u8 entry[MCOUNT_INSN_SIZE + 4];
	struct sched_live_patch patch;

	/* Called through a pointer the compiler cannot see through. */
	OPTIMIZER_HIDE_VAR(call);
	memcpy(entry, sched_live_kunit_site, sizeof(entry));
	KUNIT_ASSERT_EQ(test, sched_live_patch_prepare(&patch, sched_live_kunit_site,
						       sched_live_kunit_target), 0);
	KUNIT_EXPECT_EQ(test, call(4), 5);

	KUNIT_ASSERT_EQ(test, sched_live_kunit_apply(&patch, true), 0);
	KUNIT_EXPECT_EQ(test, call(4), 40);
	/* The jump goes after ftrace's call site, never over it. */
	if (fentry)
		KUNIT_EXPECT_PTR_EQ(test, patch.at, (void *)(fentry + MCOUNT_INSN_SIZE));
	KUNIT_EXPECT_EQ(test, memcmp(entry, sched_live_kunit_site,
				     (char *)patch.at - (char *)sched_live_kunit_site), 0);

	KUNIT_ASSERT_EQ(test, sched_live_kunit_apply(&patch, false), 0);
	KUNIT_EXPECT_EQ(test, call(4), 5);
	KUNIT_EXPECT_EQ(test, memcmp(entry, sched_live_kunit_site, sizeof(entry)), 0);
}

static void sched_live_patch_refuses_a_mid_function_site_test(struct kunit *test)
{
	struct sched_live_patch patch;

	KUNIT_EXPECT_EQ(test, sched_live_patch_prepare(&patch,
						       (char *)sched_live_kunit_site + 1,
						       sched_live_kunit_target),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, sched_live_patch_prepare(&patch, sched_live_kunit_site,
						       (char *)sched_live_kunit_target + 1),
			-EINVAL);
}

static void sched_live_patch_refuses_a_site_too_small_test(struct kunit *test)
{
	struct sched_live_patch patch;

	sched_live_kunit_need_small_empty(test);
	KUNIT_EXPECT_EQ(test, sched_live_patch_prepare(&patch, sched_live_kunit_empty,
						       sched_live_kunit_target),
			-ENOSPC);
}

static void sched_live_patch_skips_empty_for_empty_test(struct kunit *test)
{
	struct sched_live_patch patch;

	sched_live_kunit_need_small_empty(test);
	KUNIT_EXPECT_EQ(test, sched_live_patch_prepare(&patch, sched_live_kunit_empty,
						       sched_live_kunit_empty),
			-ENODATA);
}

static void sched_live_patch_refuses_a_jump_label_site_test(struct kunit *test)
{
	unsigned long fentry = ftrace_location((unsigned long)sched_live_kunit_keyed);
	struct sched_live_patch patch;
	char *body;

	if (!IS_ENABLED(CONFIG_JUMP_LABEL) || !fentry)
		kunit_skip(test, "needs jump labels and ftrace's call site");
	/* Where the jump would go: after ftrace's call site, as above. */
	body = (char *)fentry + MCOUNT_INSN_SIZE;
	if (!jump_label_text_reserved(body, body + JMP32_INSN_SIZE - 1))
		kunit_skip(test, "the compiler put the static branch further in");

	/* A flip would find the jump there, and a switch back would undo it. */
	KUNIT_EXPECT_EQ(test, sched_live_patch_prepare(&patch, sched_live_kunit_keyed,
						       sched_live_kunit_target),
			-EBUSY);
}

static struct kunit_case sched_live_patch_cases[] = {
	KUNIT_CASE(sched_live_patch_takes_over_and_gives_back_test),
	KUNIT_CASE(sched_live_patch_refuses_a_mid_function_site_test),
	KUNIT_CASE(sched_live_patch_refuses_a_site_too_small_test),
	KUNIT_CASE(sched_live_patch_skips_empty_for_empty_test),
	KUNIT_CASE(sched_live_patch_refuses_a_jump_label_site_test),
	{}
};

static struct kunit_suite sched_live_patch_suite = {
	.name = "sched_live_patch",
	.test_cases = sched_live_patch_cases,
};

kunit_test_suites(&sched_live_patch_suite);

MODULE_DESCRIPTION("KUnit tests for the sched_live patching primitive");
MODULE_LICENSE("GPL");
