// SPDX-License-Identifier: GPL-2.0
#include <gtest/gtest.h>

#include "BoundaryConfig.hh"
#include "ConfigBinding.hh"
#include "Error.hh"
#include "FactsBuilder.hh"
#include "SymbolTable.hh"

namespace sched_boundary::test {
namespace {

std::string binding_error(const SymbolTable &table, const std::string &config)
{
	try {
		const BoundaryConfig parsed = BoundaryConfig::parse(config, "boundary.json");
		const ConfigBinding binding(parsed, table);
	} catch (const InputError &e) {
		return e.what();
	}
	return "(no error)";
}

SymbolTable small_table()
{
	return SymbolTable({
		UnitBuilder("s.c").function("schedule").function("helper", "static")
			.function("__x64_sys_sched_yield").variable("runqueues")
			.function("copy", "static", "s.h").facts(),
		UnitBuilder("t.c").function("copy", "static", "s.h").facts(),
		UnitBuilder("lib.c").function("printk").facts(),
	});
}

TEST(BoundaryConfig, ParsesJsonWithComments)
{
	const BoundaryConfig config = BoundaryConfig::parse(R"(
		// the scheduler
		{
			"files": ["a.c", "b.h"],	// and its header
			/* entry points */
			"interface": { "schedule": "called by every sleeper" },
			"external_prefixes": { "__x64_sys_": "a syscall entry point" },
			"private": { "a.c:rq": "per module" }
		})",
							    "boundary.json");

	EXPECT_TRUE(config.covers("b.h"));
	EXPECT_FALSE(config.covers("c.c"));
	EXPECT_EQ(config.interface_entries().at("schedule"), "called by every sleeper");
	EXPECT_EQ(config.external_prefix_of("__x64_sys_yield"), "__x64_sys_");
	EXPECT_FALSE(config.external_prefix_of("sys_yield"));
	EXPECT_EQ(config.external_prefixes().at("__x64_sys_"), "a syscall entry point");
	EXPECT_TRUE(config.external_entries().empty());
	EXPECT_EQ(config.private_entries().size(), 1u);
}

TEST(BoundaryConfig, RejectsUnknownKeysAndMissingFiles)
{
	EXPECT_THROW(BoundaryConfig::parse(R"({"files": [], "interfaces": {}})", "b.json"),
		     InputError);
	EXPECT_THROW(BoundaryConfig::parse(R"({"interface": {}})", "b.json"), InputError);
	EXPECT_THROW(BoundaryConfig::parse(R"({"files": ["a.c"], "shared": {"x": 1}})",
					   "b.json"),
		     InputError);
}

TEST(ConfigBinding, FileNameMatchesEveryCopyOfAHeaderStatic)
{
	const SymbolTable table = small_table();
	const BoundaryConfig config = BoundaryConfig::parse(
		R"({"files": ["s.c", "s.h"], "external": {"s.h:copy": "why"}})", "b.json");
	const ConfigBinding binding(config, table);

	EXPECT_TRUE(binding.forced_into(*table.find("s.c:copy"), ConfigList::External));
	EXPECT_TRUE(binding.forced_into(*table.find("t.c:copy"), ConfigList::External));
	EXPECT_FALSE(binding.in_module(*table.find("t.c:copy")));
	EXPECT_TRUE(binding.in_module(*table.find("schedule")));
	EXPECT_FALSE(binding.in_boundary(*table.find("printk")));
}

TEST(ConfigBinding, UnknownNameIsAnError)
{
	EXPECT_EQ(binding_error(small_table(),
				R"({"files": ["s.c"], "interface": {"shcedule": "typo"}})"),
		  "boundary.json: \"interface\" names \"shcedule\", which matches "
		  "nothing in the facts");
	EXPECT_EQ(binding_error(small_table(),
				R"({"files": ["s.c"], "private": {"s.c:nothing": "x"}})"),
		  "boundary.json: \"private\" names \"s.c:nothing\", which matches "
		  "nothing in the facts");
}

TEST(ConfigBinding, AFunctionOnlySomeConfigsBuildMayBeMissing)
{
	const SymbolTable table = small_table();
	const BoundaryConfig config = BoundaryConfig::parse(
		R"({"files": ["s.c"],
		    "external_when_built": {"__cond_resched": "not built here",
					    "schedule": "built here"}})",
		"boundary.json");
	const ConfigBinding binding(config, table);

	EXPECT_TRUE(binding.forced_into(*table.find("schedule"), ConfigList::External));
	EXPECT_EQ(binding_error(table,
				R"({"files": ["s.c"],
				    "external_when_built": {"copy": "a header's stand-in here"}})"),
		  "(no error)");
	EXPECT_EQ(binding_error(table,
				R"({"files": ["s.c"], "external_when_built": {"helper": "x"}})"),
		  "boundary.json: \"external\" names \"helper\", which is static: "
		  "write \"s.c:helper\"");
	EXPECT_EQ(binding_error(table,
				R"({"files": ["s.c"], "external_when_built": {"runqueues": "x"}})"),
		  "boundary.json: \"external\" names \"runqueues\", which is a "
		  "variable, not a function");
}

TEST(ConfigBinding, StaticWithoutItsFileIsAnErrorWithAHint)
{
	EXPECT_EQ(binding_error(small_table(),
				R"({"files": ["s.c"], "interface": {"helper": "x"}})"),
		  "boundary.json: \"interface\" names \"helper\", which is static: "
		  "write \"s.c:helper\"");
}

TEST(ConfigBinding, WrongKindOrOutsideTheFilesIsAnError)
{
	EXPECT_EQ(binding_error(small_table(),
				R"({"files": ["s.c"], "shared": {"schedule": "x"}})"),
		  "boundary.json: \"shared\" names \"schedule\", which is a function, "
		  "not a variable");
	EXPECT_EQ(binding_error(small_table(),
				R"({"files": ["s.c"], "external": {"printk": "x"}})"),
		  "boundary.json: \"external\" names \"printk\", which is defined in "
		  "lib.c, not in one of the configured files");
}

TEST(ConfigBinding, ExternalAndInterfaceTogetherIsAnError)
{
	EXPECT_EQ(binding_error(small_table(), R"({"files": ["s.c"],
		"interface": {"schedule": "entry"},
		"external": {"schedule": "stays"}})"),
		  "boundary.json: \"schedule\" is in both \"interface\" and \"external\"");
}

TEST(ConfigBinding, AnExternalPrefixAndAListTogetherIsAnError)
{
	EXPECT_EQ(binding_error(small_table(), R"({"files": ["s.c"],
		"external_prefixes": {"__x64_sys_": "an entry point"},
		"external": {"__x64_sys_sched_yield": "stays"}})"),
		  "boundary.json: \"__x64_sys_sched_yield\" is in \"external\", but its "
		  "name starts with the external prefix \"__x64_sys_\"");
	EXPECT_EQ(binding_error(small_table(), R"({"files": ["s.c"],
		"external_prefixes": {"__x64_sys_": "an entry point"},
		"interface": {"__x64_sys_sched_yield": "replaced"}})"),
		  "boundary.json: \"__x64_sys_sched_yield\" is in \"interface\", but its "
		  "name starts with the external prefix \"__x64_sys_\"");
}

TEST(ConfigBinding, AnExternalPrefixKeepsWhatItMatchesInVmlinux)
{
	const SymbolTable table = small_table();
	const BoundaryConfig config = BoundaryConfig::parse(R"({"files": ["s.c"],
		"external_prefixes": {"__x64_sys_": "an entry point", "__ia32_sys_": "none here"}})",
							    "b.json");
	const ConfigBinding binding(config, table);
	const SymbolId id = *table.find("__x64_sys_sched_yield");

	EXPECT_TRUE(binding.forced_into(id, ConfigList::External));
	EXPECT_TRUE(binding.forced(id)->prefix);
	EXPECT_EQ(binding.forced(id)->why, "an entry point");
	EXPECT_FALSE(binding.in_module(id));
	EXPECT_TRUE(binding.in_module(*table.find("schedule")));
}

TEST(ConfigBinding, SharedAndPrivateTogetherIsAnError)
{
	EXPECT_EQ(binding_error(small_table(), R"({"files": ["s.c"],
		"shared": {"runqueues": "a"}, "private": {"runqueues": "b"}})"),
		  "boundary.json: \"runqueues\" is in both \"shared\" and \"private\"");
}

TEST(BoundaryConfig, DataDefaultIsPrivateUnlessSaidShared)
{
	EXPECT_FALSE(BoundaryConfig::parse(R"({"files": []})", "c").data_shared_by_default());
	EXPECT_TRUE(BoundaryConfig::parse(R"({"files": [], "data_default": "shared"})", "c")
			    .data_shared_by_default());
	EXPECT_FALSE(BoundaryConfig::parse(R"({"files": [], "data_default": "private"})", "c")
			     .data_shared_by_default());
	EXPECT_THROW(BoundaryConfig::parse(R"({"files": [], "data_default": "copy"})", "c"),
		     InputError);
}

} // namespace
} // namespace sched_boundary::test
