// SPDX-License-Identifier: GPL-2.0
#include <algorithm>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "Analysis.hh"
#include "Analyzer.hh"
#include "FactsBuilder.hh"
#include "JsonWriter.hh"
#include "ReportWriter.hh"
#include "TempDir.hh"
#include "TextFile.hh"

namespace sched_boundary::test {
namespace {

TEST(JsonWriter, MatchesTheExpectedFileForMiniSched)
{
	const Analysis a(minisched_units(), minisched_config());

	EXPECT_EQ(JsonWriter(a.table(), a.classification()).render(),
		  TextFile::read(data_path("minisched/expected.json")));
}

TEST(JsonWriter, InterfaceFunctionsCarrySignatureFileAndLine)
{
	const Analysis a(minisched_units(), minisched_config());
	const nlohmann::json json = JsonWriter(a.table(), a.classification()).to_json();
	const nlohmann::json &timer = json.at("interface_details").at("sched/core.c:timer_fn");

	EXPECT_EQ(json.at("format"), 1);
	EXPECT_EQ(timer.at("signature"), "void timer_fn(long unsigned int)");
	EXPECT_EQ(timer.at("file"), "sched/core.c");
	EXPECT_EQ(timer.at("line"), 17);
	EXPECT_EQ(json.at("functions").at("interface").size(),
		  json.at("interface_details").size());
	EXPECT_TRUE(std::is_sorted(json.at("functions").at("internal").begin(),
				   json.at("functions").at("internal").end()));
}

TEST(ReportWriter, ListsCountsInterfaceAndSharedData)
{
	const Analysis a(minisched_units(), minisched_config());
	const std::string report =
		ReportWriter(a.table(), a.classification(), a.explainer()).render();
	const auto has = [&report](const std::string &line) {
		return report.find(line + "\n") != std::string::npos;
	};

	EXPECT_EQ(report.rfind("# sched_live boundary report\n", 0), 0u);
	EXPECT_TRUE(has("| F_interface | 6 |"));
	EXPECT_TRUE(has("| D_shared | 2 |"));
	EXPECT_TRUE(has("| `sched/core.c:timer_fn` | `sched/core.c:17` | "
			"`void timer_fn(long unsigned int)` | its address is passed by "
			"sched_init (sched/core.c) to setup_timer (outside/user.c), which is "
			"outside the boundary files |"));
	EXPECT_TRUE(has("| `exported_hooks` | `sched/fair.c:33` | `struct hooks` | "
			"it is read by kernel_main (outside/user.c), which is outside the "
			"boundary files |"));
	EXPECT_LT(report.find("## Interface functions"), report.find("## Shared data"));
}

// Facts for a few more units than minisched, some sharing static names
// and header copies, so that order could matter if anything depended on it.
std::vector<nlohmann::json> many_units()
{
	std::vector<nlohmann::json> units;

	for (const char *name : { "core", "fair", "user" })
		units.push_back(nlohmann::json::parse(
			TextFile::read(data_path(std::string("minisched/") + name + ".json"))));
	units.push_back(UnitBuilder("sched/rt.c")
				.function("account", "static", "sched/rt.c")
				.function("rq_lock", "static", "sched/sched.h")
				.function("rt_tick").calls(local("account")).calls(local("rq_lock"))
				.takes(store(local("account")))
				.takes(call_arg(local("account"), global("setup_timer")))
				.variable("rt_hooks").holds(local("account"))
				.json());
	units.push_back(UnitBuilder("lib/other.c")
				.function("rq_lock", "static", "sched/sched.h")
				.function("other").calls(local("rq_lock")).calls(global("rt_tick"))
				.reads(global("rt_hooks")).calls(global("pick"))
				.json());
	return units;
}

// Reverses every list inside the facts: the plugin sorts them, but the
// output must not depend on that.
nlohmann::json scrambled(nlohmann::json unit)
{
	for (const char *list : { "functions", "variables" }) {
		auto &items = unit[list];

		std::reverse(items.begin(), items.end());
		for (auto &item : items)
			for (const char *inner : { "calls", "address_of", "reads", "writes", "refs" })
				if (item.contains(inner))
					std::reverse(item[inner].begin(), item[inner].end());
	}
	return unit;
}

TEST(Determinism, ShuffledFactsGiveByteIdenticalOutput)
{
	const TempDir dir;
	const std::vector<nlohmann::json> units = many_units();
	std::vector<std::string> plain;
	std::vector<std::string> reversed;

	for (std::size_t i = 0; i < units.size(); i++) {
		plain.push_back(dir.write("u" + std::to_string(i) + ".json", units[i].dump(1)));
		reversed.push_back(dir.write("r" + std::to_string(i) + ".json",
					     scrambled(units[i]).dump()));
	}
	const std::string config = dir.write("boundary.json", R"({
		// minisched plus rt.c
		"files": ["sched/core.c", "sched/fair.c", "sched/rt.c", "sched/sched.h"],
		"interface": { "schedule": "called by every sleeper" },
		"external": { "stays_in_vmlinux": "stays" }
	})");
	const std::string refs = dir.write("refs.txt", "wake_up a.o\nrt_tick b.o\n");
	const auto run = [&](std::vector<std::string> facts, const std::string &tag) {
		std::vector<std::string> args = { "--config", config, "--outside", refs,
						  "--json", dir.file(tag + ".json"),
						  "--report", dir.file(tag + ".md") };
		std::ostringstream out, err;

		args.insert(args.end(), facts.begin(), facts.end());
		EXPECT_EQ(Analyzer(out, err).run(args), 0) << err.str();
		return TextFile::read(dir.file(tag + ".json")) +
		       TextFile::read(dir.file(tag + ".md"));
	};

	const std::string expected = run(plain, "first");
	std::mt19937 random(20240601);	// fixed: a failure must reproduce
	for (int round = 0; round < 12; round++) {
		std::vector<std::string> facts = round % 2 ? reversed : plain;

		std::shuffle(facts.begin(), facts.end(), random);
		EXPECT_EQ(run(facts, "round" + std::to_string(round)), expected)
			<< "round " << round;
	}
}

} // namespace
} // namespace sched_boundary::test
