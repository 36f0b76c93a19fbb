// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the sched_live registry and the parsing of writes to
 * /sys/kernel/sched_live/active.
 */

#include <kunit/test.h>
#include <linux/sched_live.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "core.h"

struct parse_case {
	const char *desc;
	const char *buf;
	size_t count;
	int ret;
	const char *name;
};

#define ACCEPT(_desc, _buf, _name) \
	{ .desc = _desc, .buf = _buf, .count = sizeof(_buf) - 1, .name = _name }
#define REJECT(_desc, _buf) \
	{ .desc = _desc, .buf = _buf, .count = sizeof(_buf) - 1, .ret = -EINVAL }

static const struct parse_case parse_cases[] = {
	ACCEPT("plain name", "mysched", "mysched"),
	ACCEPT("trailing newline", "mysched\n", "mysched"),
	ACCEPT("builtin", "builtin\n", "builtin"),
	ACCEPT("digits, dash, underscore", "eevdf-2_x\n", "eevdf-2_x"),
	ACCEPT("longest name", "abcdefghijklmnopqrstuvwxyz01234",
	       "abcdefghijklmnopqrstuvwxyz01234"),
	REJECT("nothing", ""),
	REJECT("newline only", "\n"),
	REJECT("one too long", "abcdefghijklmnopqrstuvwxyz012345"),
	REJECT("embedded NUL", "my\0sched\n"),
	REJECT("trailing NUL", "mysched\0"),
	REJECT("two newlines", "mysched\n\n"),
	REJECT("leading space", " mysched"),
	REJECT("upper case", "MySched"),
	REJECT("path", "../mysched"),
	REJECT("control byte", "my\x01sched"),
	REJECT("high byte", "my\xffsched"),
};

static void parse_case_to_desc(const struct parse_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(parse, parse_cases, parse_case_to_desc);

static void sched_live_parse_test(struct kunit *test)
{
	const struct parse_case *c = test->param_value;
	char name[SCHED_LIVE_NAME_MAX + 1] = "untouched";
	const char *reason = NULL;
	int ret;

	ret = sched_live_parse_name(c->buf, c->count, name, &reason);
	KUNIT_EXPECT_EQ(test, ret, c->ret);
	if (c->ret) {
		KUNIT_EXPECT_NOT_NULL(test, reason);
		KUNIT_EXPECT_STREQ(test, name, "untouched");
	} else {
		KUNIT_EXPECT_STREQ(test, name, c->name);
	}
}

static struct sched_live_scheduler test_sched = {
	.name		= "kunit_sched",
	.abi_version	= SCHED_LIVE_ABI_VERSION,
};

static int registry_test_init(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	test->priv = buf;
	test_sched.abi_hash = sched_live_abi_hash;
	return sched_live_register(&test_sched);
}

static void registry_test_exit(struct kunit *test)
{
	sched_live_unregister(&test_sched);
}

static void sched_live_registry_lists_test(struct kunit *test)
{
	char *buf = test->priv;

	sched_live_show_available(buf);
	KUNIT_EXPECT_STREQ(test, buf, "builtin kunit_sched\n");
	sched_live_show_active(buf);
	KUNIT_EXPECT_STREQ(test, buf, "builtin\n");
}

static void sched_live_registry_refuses_test(struct kunit *test)
{
	struct sched_live_scheduler dup = {
		.name = "kunit_sched", .abi_version = SCHED_LIVE_ABI_VERSION,
		.abi_hash = sched_live_abi_hash,
	};
	struct sched_live_scheduler builtin = {
		.name = "builtin", .abi_version = SCHED_LIVE_ABI_VERSION,
		.abi_hash = sched_live_abi_hash,
	};
	struct sched_live_scheduler old_abi = {
		.name = "kunit_old", .abi_version = SCHED_LIVE_ABI_VERSION + 1,
		.abi_hash = sched_live_abi_hash,
	};
	struct sched_live_scheduler other_build = {
		.name = "kunit_other_build", .abi_version = SCHED_LIVE_ABI_VERSION,
		.abi_hash = ~sched_live_abi_hash,
	};
	struct sched_live_scheduler bad_name = {
		.name = "Kunit", .abi_version = SCHED_LIVE_ABI_VERSION,
		.abi_hash = sched_live_abi_hash,
	};
	struct sched_live_scheduler no_name = {
		.abi_version = SCHED_LIVE_ABI_VERSION,
		.abi_hash = sched_live_abi_hash,
	};
	char *buf = test->priv;

	KUNIT_EXPECT_EQ(test, sched_live_register(&dup), -EEXIST);
	KUNIT_EXPECT_EQ(test, sched_live_register(&builtin), -EEXIST);
	KUNIT_EXPECT_EQ(test, sched_live_register(&old_abi), -ENOEXEC);
	KUNIT_EXPECT_EQ(test, sched_live_register(&other_build), -ENOEXEC);
	KUNIT_EXPECT_EQ(test, sched_live_register(&bad_name), -EINVAL);
	KUNIT_EXPECT_EQ(test, sched_live_register(&no_name), -EINVAL);

	sched_live_show_available(buf);
	KUNIT_EXPECT_STREQ(test, buf, "builtin kunit_sched\n");
}

static void sched_live_request_switch_test(struct kunit *test)
{
	char *buf = test->priv;

	KUNIT_EXPECT_EQ(test, sched_live_request_switch("builtin"), 0);
	KUNIT_EXPECT_EQ(test, sched_live_request_switch("kunit_sched"),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, sched_live_request_switch("kunit_none"), -ENOENT);

	sched_live_show_active(buf);
	KUNIT_EXPECT_STREQ(test, buf, "builtin\n");
}

static void sched_live_unregister_test(struct kunit *test)
{
	struct sched_live_scheduler other = {
		.name = "kunit_other", .abi_version = SCHED_LIVE_ABI_VERSION,
		.abi_hash = sched_live_abi_hash,
	};
	char *buf = test->priv;

	KUNIT_ASSERT_EQ(test, sched_live_register(&other), 0);
	sched_live_show_available(buf);
	KUNIT_EXPECT_STREQ(test, buf, "builtin kunit_sched kunit_other\n");

	sched_live_unregister(&other);
	KUNIT_EXPECT_EQ(test, sched_live_request_switch("kunit_other"), -ENOENT);
	sched_live_show_available(buf);
	KUNIT_EXPECT_STREQ(test, buf, "builtin kunit_sched\n");
}

static struct kunit_case sched_live_parse_cases[] = {
	KUNIT_CASE_PARAM(sched_live_parse_test, parse_gen_params),
	{}
};

static struct kunit_suite sched_live_parse_suite = {
	.name = "sched_live_parse",
	.test_cases = sched_live_parse_cases,
};

static struct kunit_case sched_live_registry_cases[] = {
	KUNIT_CASE(sched_live_registry_lists_test),
	KUNIT_CASE(sched_live_registry_refuses_test),
	KUNIT_CASE(sched_live_request_switch_test),
	KUNIT_CASE(sched_live_unregister_test),
	{}
};

static struct kunit_suite sched_live_registry_suite = {
	.name = "sched_live_registry",
	.init = registry_test_init,
	.exit = registry_test_exit,
	.test_cases = sched_live_registry_cases,
};

kunit_test_suites(&sched_live_parse_suite, &sched_live_registry_suite);

MODULE_DESCRIPTION("KUnit tests for the live-replaceable scheduler");
MODULE_LICENSE("GPL");
