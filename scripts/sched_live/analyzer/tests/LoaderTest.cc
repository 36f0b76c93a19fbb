// SPDX-License-Identifier: GPL-2.0
#include <functional>

#include <gtest/gtest.h>

#include "Analysis.hh"
#include "Error.hh"
#include "FactsBuilder.hh"
#include "FactsLoader.hh"
#include "OutsideRefs.hh"

namespace sched_boundary::test {
namespace {

std::string error_of(const std::function<void()> &fn)
{
	try {
		fn();
	} catch (const InputError &e) {
		return e.what();
	}
	return "(no error)";
}

TEST(FactsLoader, ReadsThePluginFormat)
{
	const UnitFacts core = FactsLoader().load_file(data_path("minisched/core.json"));

	EXPECT_EQ(core.unit, "sched/core.c");
	ASSERT_EQ(core.functions.size(), 6u);
	ASSERT_EQ(core.variables.size(), 2u);

	const FunctionFacts &init = core.functions.back();
	EXPECT_EQ(init.name, "sched_init");
	EXPECT_EQ(init.linkage, Linkage::Global);
	EXPECT_EQ(init.line, 42);
	EXPECT_EQ(init.signature, "int sched_init(void)");
	ASSERT_EQ(init.address_of.size(), 1u);
	EXPECT_EQ(init.address_of[0].target.name, "timer_fn");
	EXPECT_TRUE(init.address_of[0].target.is_static);
	EXPECT_EQ(init.address_of[0].use, AddressUseKind::CallArg);
	EXPECT_EQ(init.address_of[0].callee.name, "setup_timer");
	EXPECT_FALSE(init.address_of[0].callee.is_static);
	EXPECT_EQ(core.variables[0].linkage, Linkage::Static);
}

TEST(FactsLoader, NamesTheFileAndFieldOfAMistake)
{
	nlohmann::json facts = UnitBuilder("a.c").function("f").calls(global("g")).json();

	facts["functions"][0]["calls"][0].erase("static");
	EXPECT_EQ(error_of([&] { FactsLoader().from_json(facts, "a.json"); }),
		  "a.json: functions[0].calls[0]: missing \"static\"");

	facts["functions"][0]["calls"][0]["static"] = "no";
	EXPECT_EQ(error_of([&] { FactsLoader().from_json(facts, "a.json"); }),
		  "a.json: functions[0].calls[0].static: expected true or false, "
		  "found string");
}

TEST(FactsLoader, RejectsAnotherFormatAndBrokenJson)
{
	EXPECT_EQ(error_of([] {
			  FactsLoader().parse(R"({"format": 2, "unit": "a.c",
				"functions": [], "variables": []})", "a.json");
		  }),
		  "a.json: facts format 2, expected 1");
	EXPECT_NE(error_of([] { FactsLoader().parse("{", "a.json"); })
			  .find("a.json: not valid JSON"),
		  std::string::npos);
	EXPECT_NE(error_of([] { FactsLoader().load_file("/nonexistent/x.json"); })
			  .find("cannot read /nonexistent/x.json"),
		  std::string::npos);
}

TEST(OutsideRefs, SkipsCommentsAndBlankLinesAndSorts)
{
	const OutsideRefs refs = OutsideRefs::parse(
		"# from nm -u\n\nwake_up kernel/b.o\n  \ntry_to_wake_up kernel/a.o\r\n"
		"wake_up kernel/b.o\n",
		"refs.txt");

	EXPECT_EQ(refs.entries(),
		  (std::vector<OutsideRef>{ { "try_to_wake_up", "kernel/a.o" },
					    { "wake_up", "kernel/b.o" } }));
}

TEST(OutsideRefs, RejectsALineThatIsNotSymbolAndObject)
{
	EXPECT_EQ(error_of([] { OutsideRefs::parse("a x.o\nlonely\n", "refs.txt"); }),
		  "refs.txt:2: expected \"<symbol> <object>\", found \"lonely\"");
	EXPECT_EQ(error_of([] { OutsideRefs::parse("a x.o y\n", "refs.txt"); }),
		  "refs.txt:1: expected \"<symbol> <object>\", found \"a x.o y\"");
}

} // namespace
} // namespace sched_boundary::test
