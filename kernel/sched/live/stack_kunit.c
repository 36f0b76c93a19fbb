// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the stack check: a kthread asleep in a function is found
 * by a check of that function's text, and not by a check of other text; a
 * kthread that would resume inside a jump the switch writes is found
 * whatever the text; what an epilogue may hold.
 */

#include <kunit/test.h>
#include <linux/array_size.h>
#include <linux/delay.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/sched.h>

#include <asm/insn.h>
#include <asm/nospec-branch.h>

#include "patch.h"
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

/* A kthread asleep in sched_live_kunit_sleeper(), and a check of its text. */
struct sched_live_kunit_sleeping {
	struct sched_live_stack_check	*check;
	struct sched_live_range		range;
	struct task_struct		*sleeper;
};

static void sched_live_kunit_sleep(struct kunit *test,
				   struct sched_live_kunit_sleeping *s)
{
	s->check = kunit_kzalloc(test, sizeof(*s->check), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s->check);
	s->sleeper = kthread_run(sched_live_kunit_sleeper, NULL, "sched_live_kunit");
	KUNIT_ASSERT_FALSE(test, IS_ERR(s->sleeper));
	while (!wait_task_inactive(s->sleeper, TASK_INTERRUPTIBLE))
		usleep_range(1000, 2000);
	s->range = sched_live_kunit_range_of(test, sched_live_kunit_sleeper);
	s->check->ranges = &s->range;
	s->check->nr = 1;
}

static void sched_live_stack_finds_a_sleeper_test(struct kunit *test)
{
	struct sched_live_kunit_sleeping s;

	sched_live_kunit_sleep(test, &s);
	KUNIT_EXPECT_EQ(test, sched_live_stack_find(s.check), 0);
	KUNIT_EXPECT_PTR_EQ(test, s.check->found, s.sleeper);
	KUNIT_EXPECT_GE(test, s.check->addr, s.range.start);
	KUNIT_EXPECT_LT(test, s.check->addr, s.range.end);

	s.range = sched_live_kunit_range_of(test, sched_live_kunit_elsewhere);
	KUNIT_EXPECT_EQ(test, sched_live_stack_find(s.check), 0);
	KUNIT_EXPECT_NULL(test, s.check->found);

	kthread_stop(s.sleeper);
}

/*
 * A task whose return address lies one byte into a jump the switch writes
 * is found even when no range holds it; one whose return address is the
 * jump's first byte runs the whole jump and is not.
 */
static void sched_live_stack_finds_a_task_inside_a_jump_test(struct kunit *test)
{
	struct sched_live_patch jump = {};
	struct sched_live_kunit_sleeping s;
	unsigned long addr;

	sched_live_kunit_sleep(test, &s);
	KUNIT_ASSERT_EQ(test, sched_live_stack_find(s.check), 0);
	KUNIT_ASSERT_PTR_EQ(test, s.check->found, s.sleeper);
	addr = s.check->addr;

	s.check->nr = 0;
	s.check->jumps = &jump;
	s.check->nr_jumps = 1;
	jump.at = (void *)(addr - 1);
	KUNIT_EXPECT_EQ(test, sched_live_stack_find(s.check), 0);
	KUNIT_EXPECT_PTR_EQ(test, s.check->found, s.sleeper);
	KUNIT_EXPECT_EQ(test, s.check->addr, addr);

	jump.at = (void *)addr;
	KUNIT_EXPECT_EQ(test, sched_live_stack_find(s.check), 0);
	KUNIT_EXPECT_NULL(test, s.check->found);

	kthread_stop(s.sleeper);
}

/* The return of a function, as the kernel patched it at boot, is one. */
static void sched_live_stack_knows_a_return_test(struct kunit *test)
{
	unsigned long addr = (unsigned long)sched_live_kunit_elsewhere;
	unsigned long size, offset, end;
	struct insn insn;

	KUNIT_ASSERT_TRUE(test, kallsyms_lookup_size_offset(addr, &size, &offset));
	for (end = addr + size; addr < end; addr += insn.length) {
		KUNIT_ASSERT_EQ(test, insn_decode_kernel(&insn, (void *)addr), 0);
		if (insn.opcode.bytes[0] == RET_INSN_OPCODE ||
		    insn.opcode.bytes[0] == JMP32_INSN_OPCODE)
			break;
	}
	KUNIT_ASSERT_LT(test, addr, end);
	kunit_info(test, "return at %pS, return thunk %ps\n", (void *)addr,
		   IS_ENABLED(CONFIG_MITIGATION_RETHUNK) ? x86_return_thunk : NULL);
	KUNIT_EXPECT_TRUE(test, sched_live_only_returns(addr));
}

struct sched_live_kunit_insn {
	const char *what;
	u8 bytes[MAX_INSN_SIZE];
	int len;
	bool plain;
};

static const struct sched_live_kunit_insn sched_live_kunit_insns[] = {
	{ "pop %rbx", { 0x5b }, 1, true },
	{ "add $0x20,%rsp", { 0x48, 0x83, 0xc4, 0x20 }, 4, true },
	{ "mov -0x8(%rbp),%rax", { 0x48, 0x8b, 0x45, 0xf8 }, 4, true },
	{ "cmpl $0x0,0x0(%rip)", { 0x83, 0x3d, 0, 0, 0, 0, 0 }, 7, true },
	{ "sete %al", { 0x0f, 0x94, 0xc0 }, 3, true },
	{ "mov %rax,-0x8(%rbp)", { 0x48, 0x89, 0x45, 0xf8 }, 4, false },
	{ "movw $0x0,0x438(%rbx)",
	  { 0x66, 0xc7, 0x83, 0x38, 0x04, 0, 0, 0, 0 }, 9, false },
	{ "lock add %eax,(%rbx)", { 0xf0, 0x01, 0x03 }, 3, false },
	{ "addl $0x1,(%rbx)", { 0x83, 0x03, 0x01 }, 3, false },
	{ "sete (%rbx)", { 0x0f, 0x94, 0x03 }, 3, false },
	{ "call *%rax", { 0xff, 0xd0 }, 2, false },
};

/* An epilogue moves data between registers and from memory, no more. */
static void sched_live_stack_epilogue_insns_test(struct kunit *test)
{
	const struct sched_live_kunit_insn *t;
	struct insn insn;

	for (t = sched_live_kunit_insns;
	     t < sched_live_kunit_insns + ARRAY_SIZE(sched_live_kunit_insns); t++) {
		KUNIT_ASSERT_EQ_MSG(test, insn_decode(&insn, t->bytes, t->len,
						      INSN_MODE_64), 0,
				    "%s", t->what);
		KUNIT_EXPECT_EQ_MSG(test, sched_live_plain_insn(&insn), t->plain,
				    "%s", t->what);
	}
}

static struct kunit_case sched_live_stack_cases[] = {
	KUNIT_CASE(sched_live_stack_finds_a_sleeper_test),
	KUNIT_CASE(sched_live_stack_finds_a_task_inside_a_jump_test),
	KUNIT_CASE(sched_live_stack_knows_a_return_test),
	KUNIT_CASE(sched_live_stack_epilogue_insns_test),
	{}
};

static struct kunit_suite sched_live_stack_suite = {
	.name = "sched_live_stack",
	.test_cases = sched_live_stack_cases,
};

kunit_test_suites(&sched_live_stack_suite);

MODULE_DESCRIPTION("KUnit tests for the sched_live stack check");
MODULE_LICENSE("GPL");
