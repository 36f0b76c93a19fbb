// SPDX-License-Identifier: GPL-2.0
#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "Analysis.hh"
#include "Analyzer.hh"
#include "TempDir.hh"
#include "TextFile.hh"

namespace sched_boundary::test {
namespace {

// Runs the tool in-process on the minisched facts.
class AnalyzerRun : public ::testing::Test {
protected:
	int run(std::vector<std::string> args, bool with_facts = true)
	{
		out_.str("");
		err_.str("");
		if (with_facts)
			for (const char *name : { "core", "fair", "user" })
				args.push_back(data_path(std::string("minisched/") + name + ".json"));
		return Analyzer(out_, err_).run(args);
	}

	std::string config() const { return data_path("minisched/boundary.json"); }

	TempDir dir_;
	std::ostringstream out_;
	std::ostringstream err_;
};

TEST_F(AnalyzerRun, PrintsCountsByDefault)
{
	EXPECT_EQ(run({ "--config", config() }), 0);
	EXPECT_EQ(out_.str(), "F_interface: 6\nF_internal: 6\nF_external: 2\n"
			      "D_shared: 2\nD_private: 3\nD_external: 1\n");
	EXPECT_EQ(err_.str(), "");
}

TEST_F(AnalyzerRun, WhyPrintsOneChainPerMatch)
{
	EXPECT_EQ(run({ "--config=" + config(), "--why", "schedule", "--why", "account" }), 0);
	EXPECT_EQ(out_.str(),
		  "schedule: interface\n"
		  "  because it is listed in the config: \"called by every sleeper\"\n"
		  "\n"
		  "sched/core.c:account: internal\n"
		  "  because it is defined in sched/core.c, one of the configured files, "
		  "and nothing outside the module uses it\n"
		  "\n"
		  "sched/fair.c:account: internal\n"
		  "  because it is defined in sched/fair.c, one of the configured files, "
		  "and nothing outside the module uses it\n");
}

TEST_F(AnalyzerRun, WhyUnknownNameIsBadInput)
{
	EXPECT_EQ(run({ "--config", config(), "--why", "nosuch" }), 2);
	EXPECT_EQ(err_.str(), "sched-boundary-analyze: --why nosuch: no function or "
			      "variable of that name in the facts\n");
	EXPECT_EQ(out_.str(), "");
}

TEST_F(AnalyzerRun, OutsideReferencesAreApplied)
{
	const std::string refs = dir_.write("refs.txt", "# nm -u\npick kernel/x.o\n");

	EXPECT_EQ(run({ "--config", config(), "--outside", refs, "--why", "pick" }), 0);
	EXPECT_EQ(out_.str(), "pick: interface\n"
			      "  because it is referenced from kernel/x.o (outside references)\n");
}

TEST_F(AnalyzerRun, WritesJsonAndReportQuietly)
{
	const std::string json = dir_.file("out.json");
	const std::string report = dir_.file("out.md");

	EXPECT_EQ(run({ "--config", config(), "--json", json, "--report", report }), 0);
	EXPECT_EQ(out_.str(), "");
	EXPECT_EQ(TextFile::read(json), TextFile::read(data_path("minisched/expected.json")));
	EXPECT_NE(TextFile::read(report).find("| F_interface | 6 |"), std::string::npos);
}

TEST_F(AnalyzerRun, HeaderAndAbiAreByteIdenticalOnEveryRun)
{
	const std::string header = dir_.file("boundary.h");
	const std::string abi = dir_.file("boundary.abi");

	EXPECT_EQ(run({ "--config", config(), "--header", header, "--abi", abi }), 0);
	EXPECT_EQ(out_.str(), "");

	const std::string first_header = TextFile::read(header);
	const std::string first_abi = TextFile::read(abi);

	EXPECT_NE(first_header.find("#define SCHED_LIVE_NR_INTERFACE\t6\n"), std::string::npos);
	EXPECT_EQ(first_abi.rfind("sched_live ABI description, format 1\n", 0), 0u);
	EXPECT_EQ(run({ "--config", config(), "--header", header, "--abi", abi }), 0);
	EXPECT_EQ(TextFile::read(header), first_header);
	EXPECT_EQ(TextFile::read(abi), first_abi);
}

TEST(TextFile, UpdateLeavesAnUnchangedFileAlone)
{
	TempDir dir;
	const std::string path = dir.file("out.h");

	TextFile::update(path, "one\n");
	EXPECT_EQ(TextFile::read(path), "one\n");
	std::filesystem::last_write_time(path, std::filesystem::file_time_type());
	TextFile::update(path, "one\n");
	EXPECT_EQ(std::filesystem::last_write_time(path), std::filesystem::file_time_type());
	TextFile::update(path, "two\n");
	EXPECT_EQ(TextFile::read(path), "two\n");
	EXPECT_NE(std::filesystem::last_write_time(path), std::filesystem::file_time_type());
}

TEST_F(AnalyzerRun, ReportComparesWithThePreviousBoundary)
{
	const std::string previous = dir_.file("previous.json");
	const std::string report = dir_.file("out.md");
	nlohmann::json old = nlohmann::json::parse(
		TextFile::read(data_path("minisched/expected.json")));

	old["functions"]["interface"].push_back("sched/core.c:gone_fn");
	TextFile::write(previous, old.dump());
	EXPECT_EQ(run({ "--config", config(), "--report", report, "--previous", previous }), 0);

	const std::string text = TextFile::read(report);

	EXPECT_NE(text.find("\n## Changes since the previous boundary\n\n"
			    "| Set | Entered | Left |\n| --- | ---: | ---: |\n"
			    "| F_interface | 0 | 1 |\n"),
		  std::string::npos);
	EXPECT_NE(text.find("- left: `sched/core.c:gone_fn`\n"), std::string::npos);

	TextFile::write(previous, TextFile::read(data_path("minisched/expected.json")));
	EXPECT_EQ(run({ "--config", config(), "--report", report, "--previous", previous }), 0);
	EXPECT_NE(TextFile::read(report).find("boundary\n\nNo set changed.\n"),
		  std::string::npos);
}

TEST_F(AnalyzerRun, BrokenPreviousBoundaryIsBadInput)
{
	const std::string previous = dir_.file("previous.json");

	TextFile::write(previous, "{ not json");
	EXPECT_EQ(run({ "--config", config(), "--report", dir_.file("r.md"),
			"--previous", previous }), 2);
	EXPECT_NE(err_.str().find(previous + ": "), std::string::npos);
	EXPECT_EQ(run({ "--config", config(), "--previous", previous }), 2);
	EXPECT_NE(err_.str().find("--previous needs --report"), std::string::npos);
}

TEST_F(AnalyzerRun, CommandLineMistakesAreBadInput)
{
	EXPECT_EQ(run({}), 2);
	EXPECT_EQ(err_.str().rfind("sched-boundary-analyze: --config is required\nusage: ", 0),
		  0u);
	EXPECT_EQ(run({ "--config", config() }, false), 2);
	EXPECT_EQ(err_.str().rfind("sched-boundary-analyze: no facts files given", 0), 0u);
	EXPECT_EQ(run({ "--config", config(), "--frobnicate" }), 2);
	EXPECT_EQ(err_.str().rfind("sched-boundary-analyze: unknown option --frobnicate", 0),
		  0u);
	EXPECT_EQ(run({ "--config" }, false), 2);
	EXPECT_EQ(run({ "--help" }, false), 0);
	EXPECT_EQ(out_.str().rfind("usage: sched-boundary-analyze --config", 0), 0u);
}

TEST_F(AnalyzerRun, ConfigNamingNothingIsBadInput)
{
	const std::string bad = dir_.write("bad.json", R"({
		"files": ["sched/core.c"],
		"interface": { "schedul": "typo" }
	})");

	EXPECT_EQ(run({ "--config", bad }), 2);
	EXPECT_EQ(err_.str(), "sched-boundary-analyze: " + bad +
				      ": \"interface\" names \"schedul\", which matches "
				      "nothing in the facts\n");
}

TEST_F(AnalyzerRun, ExternalInterfaceConflictIsBadInput)
{
	const std::string bad = dir_.write("bad.json", R"({
		"files": ["sched/core.c"],
		"interface": { "wake_up": "entry" },
		"external": { "wake_up": "stays" }
	})");

	EXPECT_EQ(run({ "--config", bad }), 2);
	EXPECT_NE(err_.str().find("\"wake_up\" is in both \"interface\" and \"external\""),
		  std::string::npos)
		<< err_.str();
}

TEST_F(AnalyzerRun, UnreadableOrBrokenFactsAreBadInput)
{
	EXPECT_EQ(run({ "--config", config(), dir_.file("missing.json") }), 2);
	EXPECT_NE(err_.str().find("cannot read " + dir_.file("missing.json")),
		  std::string::npos);
	EXPECT_EQ(run({ "--config", config(), dir_.write("broken.json", "{\"format\": 1,") }),
		  2);
	EXPECT_NE(err_.str().find("broken.json: not valid JSON"), std::string::npos);
}

TEST_F(AnalyzerRun, UnwritableOutputIsAFailure)
{
	EXPECT_EQ(run({ "--config", config(), "--json", dir_.file("no/such/dir/out.json") }),
		  1);
	EXPECT_EQ(err_.str().rfind("sched-boundary-analyze: cannot write ", 0), 0u);
}

} // namespace
} // namespace sched_boundary::test
