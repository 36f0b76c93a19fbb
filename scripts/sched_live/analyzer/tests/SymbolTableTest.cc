// SPDX-License-Identifier: GPL-2.0
#include <gtest/gtest.h>

#include "Error.hh"
#include "FactsBuilder.hh"
#include "SymbolTable.hh"

namespace sched_boundary::test {
namespace {

SymbolId must_find(const SymbolTable &table, const std::string &key)
{
	const std::optional<SymbolId> id = table.find(key);

	if (!id)
		ADD_FAILURE() << "no symbol " << key;
	return id.value_or(0);
}

TEST(SymbolTable, StaticRefResolvesWithinTheSameUnit)
{
	const SymbolTable table({
		UnitBuilder("a.c").function("f").calls(local("helper"))
			.function("helper", "static").facts(),
		UnitBuilder("b.c").function("helper", "static").facts(),
	});
	const Symbol &f = table.at(must_find(table, "f"));

	ASSERT_EQ(f.calls.size(), 1u);
	EXPECT_EQ(table.at(f.calls[0]).key, "a.c:helper");
}

TEST(SymbolTable, TwoUnitsWithTheSameStaticNameHaveTwoSymbols)
{
	const SymbolTable table({
		UnitBuilder("a.c").function("helper", "static").facts(),
		UnitBuilder("b.c").function("helper", "static").facts(),
	});
	const SymbolId a = must_find(table, "a.c:helper");
	const SymbolId b = must_find(table, "b.c:helper");

	EXPECT_NE(a, b);
	EXPECT_TRUE(table.at(a).is_static);
	EXPECT_EQ(table.at(b).unit, "b.c");
	EXPECT_FALSE(table.find("helper"));
	EXPECT_EQ(table.statics_named("helper"), (std::vector<SymbolId>{ a, b }));
}

TEST(SymbolTable, GlobalRefResolvesAcrossUnits)
{
	const SymbolTable table({
		UnitBuilder("a.c").function("f").calls(global("g")).reads(global("v")).facts(),
		UnitBuilder("b.c").function("g").variable("v").facts(),
	});
	const Symbol &f = table.at(must_find(table, "f"));

	ASSERT_EQ(f.calls.size(), 1u);
	EXPECT_EQ(table.at(f.calls[0]).unit, "b.c");
	ASSERT_EQ(f.reads.size(), 1u);
	EXPECT_EQ(table.at(f.reads[0]).kind, SymbolKind::Variable);
}

TEST(SymbolTable, GlobalDefinitionBeatsWeakInEitherOrder)
{
	const UnitFacts weak = UnitBuilder("a.c").function("hook", "weak").facts();
	const UnitFacts strong = UnitBuilder("b.c").function("hook").facts();

	for (const auto &units : { std::vector<UnitFacts>{ weak, strong },
				   std::vector<UnitFacts>{ strong, weak } }) {
		const SymbolTable table(units);
		const Symbol &hook = table.at(must_find(table, "hook"));

		EXPECT_EQ(hook.unit, "b.c");
		EXPECT_EQ(hook.linkage, Linkage::Global);
	}
}

TEST(SymbolTable, OfTwoWeakDefinitionsTheFirstUnitWins)
{
	const UnitFacts a = UnitBuilder("a.c").function("hook", "weak").facts();
	const UnitFacts b = UnitBuilder("b.c").function("hook", "weak").facts();

	EXPECT_EQ(SymbolTable({ b, a }).at(0).unit, "a.c");
}

TEST(SymbolTable, UnresolvedGlobalIsOutsideTheAnalysedCode)
{
	const SymbolTable table({
		UnitBuilder("a.c").function("f").calls(global("printk"))
			.reads(global("jiffies")).facts(),
	});
	const Symbol &printk = table.at(must_find(table, "printk"));
	const Symbol &jiffies = table.at(must_find(table, "jiffies"));

	EXPECT_FALSE(printk.defined);
	EXPECT_EQ(printk.kind, SymbolKind::Function);
	EXPECT_FALSE(jiffies.defined);
	EXPECT_EQ(jiffies.kind, SymbolKind::Variable);
}

TEST(SymbolTable, IdsFollowKeysWhateverTheUnitOrder)
{
	const UnitFacts a = UnitBuilder("a.c").function("zeta").function("s", "static").facts();
	const UnitFacts b = UnitBuilder("b.c").function("alpha").calls(global("ext")).facts();
	const SymbolTable table({ b, a });
	std::vector<std::string> keys;

	for (const Symbol &s : table.symbols())
		keys.push_back(s.key);
	EXPECT_EQ(keys, (std::vector<std::string>{ "a.c:s", "alpha", "ext", "zeta" }));
}

TEST(SymbolTable, LookupAcceptsNameFileAndUnitSpellings)
{
	const SymbolTable table({
		UnitBuilder("build.c").function("helper", "static", "sched.h")
			.function("f").facts(),
		UnitBuilder("other.c").function("helper", "static", "sched.h").facts(),
	});

	EXPECT_EQ(table.lookup("f").size(), 1u);
	EXPECT_EQ(table.lookup("helper").size(), 2u);
	EXPECT_EQ(table.lookup("sched.h:helper").size(), 2u);
	ASSERT_EQ(table.lookup("other.c:helper").size(), 1u);
	EXPECT_EQ(table.at(table.lookup("other.c:helper")[0]).key, "other.c:helper");
	EXPECT_TRUE(table.lookup("nothere").empty());
	EXPECT_TRUE(table.lookup("x.c:helper").empty());
}

void expect_error(const std::vector<UnitFacts> &units, const std::string &needle)
{
	try {
		const SymbolTable table(units);
		ADD_FAILURE() << "expected an InputError containing: " << needle;
	} catch (const InputError &e) {
		EXPECT_NE(std::string(e.what()).find(needle), std::string::npos)
			<< e.what();
	}
}

TEST(SymbolTable, TwoGlobalDefinitionsAreAnError)
{
	expect_error({ UnitBuilder("a.c").function("f").facts(),
		       UnitBuilder("b.c").function("f").facts() },
		     "f is also defined in a.c.json");
}

TEST(SymbolTable, StaticRefToAStaticTheUnitLacksIsAnError)
{
	expect_error({ UnitBuilder("a.c").function("f").calls(local("gone")).facts() },
		     "refers to static gone, which unit a.c does not define");
}

TEST(SymbolTable, CallingAVariableIsAnError)
{
	expect_error({ UnitBuilder("a.c").function("f").calls(global("v")).facts(),
		       UnitBuilder("b.c").variable("v").facts() },
		     "uses v as a function, but it is a variable");
}

TEST(SymbolTable, TheSameUnitTwiceIsAnError)
{
	expect_error({ UnitBuilder("a.c").function("f").facts(),
		       UnitBuilder("a.c").function("g").facts() },
		     "unit a.c is given twice");
}

} // namespace
} // namespace sched_boundary::test
