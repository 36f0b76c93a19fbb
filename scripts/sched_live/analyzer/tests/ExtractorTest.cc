// SPDX-License-Identifier: GPL-2.0
#include <gtest/gtest.h>

#include "Error.hh"
#include "Extractor.hh"

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

} // namespace
} // namespace sched_boundary::test
