// SPDX-License-Identifier: GPL-2.0
#include <gtest/gtest.h>

#include "Analysis.hh"
#include "Error.hh"
#include "Extractor.hh"
#include "FactsBuilder.hh"
#include "LinkTable.hh"
#include "ModuleCode.hh"

namespace sched_boundary::test {
namespace {

TEST(ExtractorCommandLine, ReadsOptionsLikeTheAnalyser)
{
	const ExtractOptions options = Extractor::parse(
		{ "--config", "c.conf", "--srctree=src", "--tree", "out", "a.facts", "b.facts" });

	EXPECT_EQ(options.config, "c.conf");
	EXPECT_EQ(options.srctree, "src");
	EXPECT_EQ(options.tree, "out");
	EXPECT_EQ(options.facts, (std::vector<std::string>{ "a.facts", "b.facts" }));
	EXPECT_FALSE(options.symtab);
}

TEST(ExtractorCommandLine, MistakesAreBadInput)
{
	/* No --tree; an option twice; an unknown one; a value missing. */
	EXPECT_THROW(Extractor::parse({ "--config", "c", "--srctree", "s", "a.facts" }),
		     InputError);
	EXPECT_THROW(Extractor::parse({ "--config", "c", "--config", "d", "--srctree", "s",
					"--tree", "t", "a.facts" }),
		     InputError);
	EXPECT_THROW(Extractor::parse({ "--config", "c", "--srctree", "s", "--tree", "t",
					"--bogus", "a.facts" }),
		     InputError);
	EXPECT_THROW(Extractor::parse({ "--config", "c", "--srctree", "s", "--tree" }),
		     InputError);
}

constexpr const char *kStateConfig = R"({
	"files": ["s.c"], "data_default": "shared",
	"shared_state_types": { "struct work_struct": "its function outlives the module" }
})";

// put() is an interface whose local work the module would copy.
std::vector<UnitFacts> units_with_local(const std::string &type)
{
	return {
		UnitBuilder("s.c")
			.function("put").writes(local("work.0"))
			.variable("work.0", "static").local_to("put").records({ type })
			.facts(),
		UnitBuilder("o.c").function("caller").calls(global("put")).facts(),
	};
}

TEST(ModuleCode, ALocalStaticOfSharedStateIsRefused)
{
	const Analysis a(units_with_local("struct work_struct"), kStateConfig);
	const ModuleCode code(a.table(), a.binding(), a.classification());

	EXPECT_EQ(code.duplicated_state(),
		  (std::set<std::string>{ "s.c:put(): work.0 (struct work_struct)" }));
	EXPECT_THROW(LinkTable(code, {}, std::nullopt), InputError);
}

TEST(ModuleCode, ALocalStaticOfOtherStateIsCopied)
{
	const Analysis a(units_with_local("struct ratelimit_state"), kStateConfig);
	const ModuleCode code(a.table(), a.binding(), a.classification());

	EXPECT_TRUE(code.duplicated_state().empty());
	EXPECT_NO_THROW(LinkTable(code, {}, std::nullopt));
}

constexpr const char *kKeptStaticConfig = R"({
	"files": ["s.c"],
	"external": { "s.c:work_fn": "sleeps where no switch may wait for it" }
})";

TEST(ModuleCode, AStaticFunctionKeptInVmlinuxIsReachedByItsAlias)
{
	/* put() hands vmlinux's static work_fn() to o.c's queue(). */
	const Analysis a({ UnitBuilder("s.c")
				   .function("put")
				   .takes(call_arg(local("work_fn"), global("queue")))
				   .function("work_fn", "static")
				   .facts(),
			   UnitBuilder("o.c")
				   .function("caller").calls(global("put"))
				   .function("queue")
				   .facts() },
			 kKeptStaticConfig);
	const ModuleCode code(a.table(), a.binding(), a.classification());

	EXPECT_FALSE(code.keeps(a.id("s.c:work_fn")));
	EXPECT_TRUE(code.uses(a.id("s.c:work_fn")));
	EXPECT_TRUE(code.vmlinux_refs().count("__sched_live.s.work_fn"));
	EXPECT_NO_THROW(LinkTable(code, {}, std::nullopt));
}

// Only a static function whose address is taken has text of its own,
// and so an alias; one that is only called may be inlined everywhere.
TEST(ModuleCode, AStaticFunctionOnlyCalledCannotBeKeptInVmlinux)
{
	UnitBuilder s("s.c");

	s.function("put").calls(local("work_fn")).function("work_fn", "static");
	const Analysis a({ s.facts(), UnitBuilder("o.c").function("caller")
						.calls(global("put")).facts() },
			 kKeptStaticConfig);
	const ModuleCode code(a.table(), a.binding(), a.classification());

	EXPECT_EQ(code.unreachable(), (std::set<std::string>{ "s.c:work_fn" }));
	EXPECT_THROW(LinkTable(code, {}, std::nullopt), InputError);
}

} // namespace
} // namespace sched_boundary::test
