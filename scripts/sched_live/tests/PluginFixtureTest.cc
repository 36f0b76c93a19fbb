// SPDX-License-Identifier: GPL-2.0
//
// End-to-end tests of the boundary tools: C fixtures are compiled with the
// GCC plugin, and the facts it writes are classified by the analyser.  The
// miniature scheduler in fixtures/minisched has one case of every rule.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "Analyzer.hh"
#include "Extractor.hh"
#include "TempDir.hh"

namespace {

using sched_boundary::Analyzer;
using sched_boundary::test::TempDir;

std::string read_file(const std::string &path)
{
	std::ifstream in(path);
	std::stringstream text;

	text << in.rdbuf();
	return text.str();
}

// Compiles C fixtures with the plugin; each source yields one facts file.
class PluginCompiler {
public:
	PluginCompiler(const TempDir &dir, std::string srctree)
		: dir_(dir), srctree_(std::move(srctree)) {}

	std::string facts_of(const std::string &source, const std::string &facts) const
	{
		const std::string out = dir_.file(facts);

		compile(source, "-c -o /dev/null -fplugin-arg-sched_boundary_plugin-output=" + out);
		return out;
	}

	// The assembly of SOURCE as vmlinux has it: statics published.
	std::string published_assembly_of(const std::string &source,
					  const std::string &assembly) const
	{
		const std::string out = dir_.file(assembly);

		compile(source, "-S -o " + out +
			" -fplugin-arg-sched_boundary_plugin-publish-statics=sched/");
		return read_file(out);
	}

private:
	void compile(const std::string &source, const std::string &options) const
	{
		const std::string cmd = std::string(FIXTURE_CC) +
			" -O2 -fplugin=" SCHED_BOUNDARY_PLUGIN
			" -fplugin-arg-sched_boundary_plugin-srctree=" + srctree_ +
			" " + options + " " + srctree_ + "/" + source;

		if (std::system(cmd.c_str()) != 0)
			ADD_FAILURE() << "failed: " << cmd;
	}

	const TempDir &dir_;
	std::string srctree_;
};

// Runs the analyser in-process and keeps its JSON output.
struct Classified {
	int status = -1;
	std::string json_text;
	nlohmann::json json;
	std::string errors;

	bool in(const char *group, const char *set, const std::string &name) const
	{
		const auto &list = json.at(group).at(set);

		return std::find(list.begin(), list.end(), name) != list.end();
	}
};

Classified classify(const TempDir &dir, const std::string &config,
		    const std::vector<std::string> &facts)
{
	std::ostringstream out, err;
	std::vector<std::string> args = { "--config", config, "--json",
					  dir.file("boundary.out.json") };
	Classified result;

	args.insert(args.end(), facts.begin(), facts.end());
	result.status = Analyzer(out, err).run(args);
	result.errors = err.str();
	if (result.status == Analyzer::kOk) {
		result.json_text = read_file(dir.file("boundary.out.json"));
		result.json = nlohmann::json::parse(result.json_text);
	}
	return result;
}

class MiniSchedTest : public ::testing::Test {
protected:
	static void SetUpTestSuite()
	{
		const std::string root = FIXTURES "/minisched";

		dir_ = new TempDir;
		PluginCompiler cc(*dir_, root);

		facts_ = {
			cc.facts_of("sched/core.c", "core.json"),
			cc.facts_of("sched/fair.c", "fair.json"),
			cc.facts_of("outside/user.c", "user.json"),
		};
		result_ = new Classified(classify(*dir_, root + "/boundary.json", facts_));
	}

	static void TearDownTestSuite()
	{
		delete result_;
		result_ = nullptr;
		delete dir_;
		dir_ = nullptr;
	}

	static bool function_in(const char *set, const std::string &name)
	{
		return result_->in("functions", set, name);
	}

	static bool variable_in(const char *set, const std::string &name)
	{
		return result_->in("variables", set, name);
	}

	static inline TempDir *dir_;
	static inline std::vector<std::string> facts_;
	static inline Classified *result_;
};

TEST_F(MiniSchedTest, AnalysesCleanly)
{
	ASSERT_EQ(result_->status, Analyzer::kOk) << result_->errors;
}

TEST_F(MiniSchedTest, ConfiguredEntryPointIsInterface)
{
	EXPECT_TRUE(function_in("interface", "schedule"));
}

TEST_F(MiniSchedTest, GlobalCalledFromOutsideIsInterface)
{
	EXPECT_TRUE(function_in("interface", "sched_init"));
	EXPECT_TRUE(function_in("interface", "wake_up"));	/* also recursive */
}

TEST_F(MiniSchedTest, GlobalCalledOnlyFromInsideIsInternal)
{
	EXPECT_TRUE(function_in("internal", "pick"));
}

TEST_F(MiniSchedTest, SameStaticNameInTwoFilesIsTwoFunctions)
{
	EXPECT_TRUE(function_in("internal", "sched/core.c:account"));
	EXPECT_TRUE(function_in("internal", "sched/fair.c:account"));
}

TEST_F(MiniSchedTest, InlineHelperIsInternal)
{
	EXPECT_TRUE(function_in("internal", "sched/core.c:inline_helper"));
}

TEST_F(MiniSchedTest, HeaderFunctionIsCopiedNotShared)
{
	/* The module carries its own copy of a header's static function ... */
	EXPECT_TRUE(function_in("internal", "sched/core.c:counter_add"));
	/* ... which needs what the copy calls ... */
	EXPECT_TRUE(function_in("external", "counter_overflow"));
	/* ... while the other side's copy is none of the module's business. */
	EXPECT_FALSE(function_in("internal", "outside/user.c:counter_add"));
	EXPECT_FALSE(function_in("interface", "outside/user.c:counter_add"));
}

TEST_F(MiniSchedTest, TimerCallbackEscapes)
{
	EXPECT_TRUE(function_in("interface", "sched/core.c:timer_fn"));
	EXPECT_TRUE(function_in("external", "setup_timer"));
}

TEST_F(MiniSchedTest, MethodsOfPrivateClassStayInternal)
{
	EXPECT_TRUE(variable_in("private", "fair_class"));
	EXPECT_TRUE(function_in("internal", "sched/fair.c:enqueue_fair"));
	EXPECT_TRUE(function_in("internal", "sched/fair.c:dequeue_fair"));
}

TEST_F(MiniSchedTest, PointerInSharedDataEscapesAtFixedPoint)
{
	/* exported_hooks is shared because outside code reads it ... */
	EXPECT_TRUE(variable_in("shared", "exported_hooks"));
	/* ... so the function its initializer points at is reachable. */
	EXPECT_TRUE(function_in("interface", "sched/fair.c:hooked"));
}

TEST_F(MiniSchedTest, DataReadFromOutsideIsShared)
{
	EXPECT_TRUE(variable_in("shared", "sysctl_slice"));
	EXPECT_TRUE(variable_in("private", "sched/core.c:nr_switches"));
	EXPECT_TRUE(variable_in("external", "outside_ticks"));
}

TEST_F(MiniSchedTest, ForcedExternalKeepsItsCalleesReachable)
{
	EXPECT_TRUE(function_in("external", "stays_in_vmlinux"));
	EXPECT_TRUE(function_in("interface", "sched/fair.c:only_called_by_external"));
}

TEST_F(MiniSchedTest, AStaticFunctionCanBeKeptInVmlinux)
{
	EXPECT_TRUE(function_in("external", "sched/fair.c:background_work"));
}

TEST_F(MiniSchedTest, ClassificationIgnoresInputOrder)
{
	std::vector<std::string> reversed(facts_.rbegin(), facts_.rend());
	TempDir other;
	Classified again = classify(other, FIXTURES "/minisched/boundary.json",
				    reversed);

	ASSERT_EQ(again.status, Analyzer::kOk) << again.errors;
	EXPECT_EQ(again.json_text, result_->json_text);
}

// sched-boundary-extract on the miniature scheduler.
class ExtractTest : public MiniSchedTest {
protected:
	static void SetUpTestSuite()
	{
		MiniSchedTest::SetUpTestSuite();

		const std::string root = FIXTURES "/minisched";
		std::vector<std::string> args = {
			"--config", root + "/boundary.json", "--srctree", root,
			"--tree", dir_->file("tree"), "--symtab", dir_->file("symtab.c"),
			"--symvers", dir_->file("symvers"),
		};
		std::ostringstream out, err;

		args.insert(args.end(), facts_.begin(), facts_.end());
		status_ = sched_boundary::Extractor(out, err).run(args);
		errors_ = err.str();
	}

	static std::string tree(const std::string &name)
	{
		return read_file(dir_->file("tree/" + name));
	}

	static bool has(const std::string &text, const std::string &what)
	{
		return text.find(what) != std::string::npos;
	}

	static int count(const std::string &text, const std::string &what)
	{
		int n = 0;

		for (auto at = text.find(what); at != std::string::npos;
		     at = text.find(what, at + 1))
			n++;
		return n;
	}

	static inline int status_ = -1;
	static inline std::string errors_;
};

TEST_F(ExtractTest, WritesTheTree)
{
	ASSERT_EQ(status_, sched_boundary::Extractor::kOk) << errors_;
	for (const char *name : { "core.c", "fair.c", "sched.h", "Kbuild",
				  "sched_live_module.c", "sched_live_module.lds.S" })
		EXPECT_FALSE(tree(name).empty()) << name;
	/* Not a file of the boundary. */
	EXPECT_TRUE(tree("user.c").empty());
}

TEST_F(ExtractTest, BootOnlyCodeAndWhatOnlyItReachesAreLeftOut)
{
	const std::string core = tree("core.c");

	EXPECT_FALSE(has(core, "sched_init"));
	EXPECT_FALSE(has(core, "inline_helper"));
	/* Its callback is an interface, reached from vmlinux's timer. */
	EXPECT_TRUE(has(core, "static void timer_fn(unsigned long data)\n{"));
}

TEST_F(ExtractTest, FunctionsTheConfigKeepsInVmlinuxAreLeftOut)
{
	const std::string fair = tree("fair.c");

	EXPECT_FALSE(has(fair, "void stays_in_vmlinux(void)"));
	/* What it calls is an interface: vmlinux enters the module there. */
	EXPECT_TRUE(has(fair, "SCHED_LIVE_IMPLEMENTS(only_called_by_external, "));
	EXPECT_TRUE(has(fair, "void pick(void)\n{"));
}

TEST_F(ExtractTest, AMacroThatDefinesDataAndAFunctionIsLeftOutWhole)
{
	const std::string core = tree("core.c");

	ASSERT_EQ(status_, sched_boundary::Extractor::kOk) << errors_;
	EXPECT_FALSE(has(core, "ENTRY_POINT(yield)"));
	EXPECT_FALSE(has(core, "\treturn 0;\n}\n"));
	EXPECT_TRUE(has(core, "void wake_up(int x)\n{"));
}

TEST_F(ExtractTest, AStaticFunctionKeptInVmlinuxIsDeclaredByItsLinkName)
{
	const std::string fair = tree("fair.c");

	EXPECT_FALSE(has(fair, "outside_ticks -= (int)data;"));
	EXPECT_EQ(count(fair, "extern void background_work(long unsigned int) "
			      "__asm__(\"__sched_live.fair.background_work\");\n"), 1);
	EXPECT_TRUE(has(fair, "\tsetup_timer(background_work);\n"));
}

TEST_F(ExtractTest, InterfaceFunctionsAreMarkedAndListed)
{
	const std::string core = tree("core.c");

	EXPECT_TRUE(has(core, "/* sched_live: interface, entered from vmlinux; keep its "
			      "prototype */\nvoid schedule(void)\n"));
	EXPECT_TRUE(has(core, "SCHED_LIVE_IMPLEMENTS(schedule, \"schedule\");\n"));
	EXPECT_TRUE(has(core, "SCHED_LIVE_IMPLEMENTS(timer_fn, \"sched/core.c:timer_fn\");\n"));
	EXPECT_TRUE(has(core, "SCHED_LIVE_IMPLEMENTS(wake_up, \"wake_up\");\n"));
	EXPECT_FALSE(has(core, "SCHED_LIVE_IMPLEMENTS(sched_init"));
}

TEST_F(ExtractTest, SharedVariablesBecomeExternsOfTheirLinkNames)
{
	const std::string core = tree("core.c");

	EXPECT_TRUE(has(core, "extern int sysctl_slice;\n"));
	EXPECT_TRUE(has(core, "extern int core_state __asm__(\"__sched_live.core.core_state\");\n"));
	EXPECT_FALSE(has(core, "int sysctl_slice = 3;"));
	/* Declared ahead too: a static declaration left there would win. */
	EXPECT_FALSE(has(core, "static int core_limits[2];"));
	EXPECT_EQ(count(core, "extern int core_limits[2] "
			      "__asm__(\"__sched_live.core.core_limits\");\n"), 2);
	/* Private: the module's own copy. */
	EXPECT_TRUE(has(core, "static int nr_switches;\n"));
	EXPECT_TRUE(has(tree("fair.c"), "struct sched_class fair_class = {"));
}

TEST_F(ExtractTest, TheModuleImportsTheNamesThePluginPublishes)
{
	const PluginCompiler cc(*dir_, FIXTURES "/minisched");
	const std::string asm_label = "__asm__(\"";

	/* Variables of core.c; a function of fair.c, which gets an alias. */
	for (const auto &[unit, names] : { std::pair{ "core", 3u }, { "fair", 1u } }) {
		const std::string module = tree(std::string(unit) + ".c");
		const std::string vmlinux = cc.published_assembly_of(
			"sched/" + std::string(unit) + ".c", std::string(unit) + ".s");
		std::set<std::string> imported;

		for (auto at = module.find(asm_label); at != std::string::npos;
		     at = module.find(asm_label, at + 1)) {
			const auto start = at + asm_label.size();

			imported.insert(module.substr(start, module.find('"', start) - start));
		}
		EXPECT_EQ(imported.size(), names) << unit;
		for (const std::string &name : imported) {
			EXPECT_TRUE(has(vmlinux, "\t.globl\t" + name + "\n")) << name;
			/* What CONFIG_MODVERSIONS lets a module import. */
			EXPECT_LE(name.size(), 55u) << name;
		}
	}
	EXPECT_EQ(count(tree("core.c"),
			"__asm__(\"__sched_live.core.core_state_kept_across_every."), 1);
}

TEST_F(ExtractTest, TheTableListsWhatTheModuleUsesOfVmlinux)
{
	EXPECT_EQ(read_file(dir_->file("symvers")),
		  "0x00000000\t__sched_live.core.core_limits\tvmlinux\tEXPORT_SYMBOL_GPL\tSCHED_LIVE\n"
		  "0x00000000\t__sched_live.core.core_state\tvmlinux\tEXPORT_SYMBOL_GPL\tSCHED_LIVE\n"
		  "0x00000000\t__sched_live.core.core_state_kept_across_every.3caba64b\tvmlinux\t"
		  "EXPORT_SYMBOL_GPL\tSCHED_LIVE\n"
		  "0x00000000\t__sched_live.fair.background_work\tvmlinux\tEXPORT_SYMBOL_GPL\tSCHED_LIVE\n"
		  "0x00000000\tcounter_overflow\tvmlinux\tEXPORT_SYMBOL_GPL\tSCHED_LIVE\n"
		  "0x00000000\toutside_ticks\tvmlinux\tEXPORT_SYMBOL_GPL\tSCHED_LIVE\n"
		  "0x00000000\tsetup_timer\tvmlinux\tEXPORT_SYMBOL_GPL\tSCHED_LIVE\n"
		  "0x00000000\tsysctl_slice\tvmlinux\tEXPORT_SYMBOL_GPL\tSCHED_LIVE\n");
	const std::string symtab = read_file(dir_->file("symtab.c"));

	EXPECT_TRUE(has(symtab, "\t{ \"outside_ticks\", __sched_live_sym5 },\n"));
	/* The interface functions the module may implement, boot-only ones aside. */
	EXPECT_TRUE(has(symtab, "const char *const sched_live_interface[] = {\n"));
	EXPECT_TRUE(has(symtab, "\t\"sched/core.c:timer_fn\",\n"));
	EXPECT_TRUE(has(symtab, "\t\"schedule\",\n"));
	EXPECT_FALSE(has(symtab, "\"sched_init\""));
}

TEST_F(ExtractTest, OutputIsDeterministic)
{
	const std::string root = FIXTURES "/minisched";
	std::vector<std::string> args = {
		"--config", root + "/boundary.json", "--srctree", root,
		"--tree", dir_->file("again"), "--symtab", dir_->file("again.c"),
	};
	std::ostringstream out, err;

	args.insert(args.end(), facts_.rbegin(), facts_.rend());
	ASSERT_EQ(sched_boundary::Extractor(out, err).run(args), 0) << err.str();
	for (const char *name : { "core.c", "fair.c", "Kbuild" })
		EXPECT_EQ(read_file(dir_->file(std::string("again/") + name)), tree(name)) << name;
	EXPECT_EQ(read_file(dir_->file("again.c")), read_file(dir_->file("symtab.c")));
}

class FactsTest : public ::testing::Test {
protected:
	void SetUp() override
	{
		PluginCompiler cc(dir_, FIXTURES);
		const std::string path = cc.facts_of("attributes.c", "attributes.json");

		text_ = read_file(path);
		facts_ = nlohmann::json::parse(text_);
	}

	const nlohmann::json &named(const char *list, const std::string &name) const
	{
		for (const auto &entry : facts_.at(list))
			if (entry.at("name") == name)
				return entry;
		ADD_FAILURE() << "no " << list << " entry " << name;
		return empty_;
	}

	TempDir dir_;
	std::string text_;
	nlohmann::json facts_;
	nlohmann::json empty_ = nlohmann::json::object();
};

TEST_F(FactsTest, NamesTheUnitRelativeToTheSourceTree)
{
	EXPECT_EQ(facts_.at("unit"), "attributes.c");
	EXPECT_EQ(named("functions", "sleeper").at("file"), "attributes.c");
}

TEST_F(FactsTest, RecordsLinkage)
{
	EXPECT_EQ(named("functions", "sleeper").at("linkage"), "global");
	EXPECT_EQ(named("functions", "read_counter").at("linkage"), "static");
	EXPECT_EQ(named("functions", "weak_hook").at("linkage"), "weak");
	EXPECT_EQ(named("variables", "static_counter").at("linkage"), "static");
}

TEST_F(FactsTest, RecordsAttributesAndSections)
{
	const auto &sleeper = named("functions", "sleeper");

	EXPECT_EQ(sleeper.at("section"), ".sched.text");
	EXPECT_EQ(sleeper.at("attributes"), nlohmann::json({ "sched" }));
	EXPECT_EQ(named("functions", "traced_not").at("attributes"),
		  nlohmann::json({ "notrace" }));
	EXPECT_EQ(named("functions", "read_counter").at("attributes"),
		  nlohmann::json({ "inline" }));
	EXPECT_EQ(named("variables", "percpu_counter").at("per_cpu"), true);
}

TEST_F(FactsTest, RecordsSignatureAndLines)
{
	const auto &sleeper = named("functions", "sleeper");

	EXPECT_EQ(sleeper.at("signature"), "int sleeper(int *, const char *, ...)");
	EXPECT_LT(sleeper.at("line").get<int>(), sleeper.at("end_line").get<int>());
}

TEST_F(FactsTest, RecordsCallsAndData)
{
	const auto &sleeper = named("functions", "sleeper");
	std::set<std::string> calls, writes;

	for (const auto &c : sleeper.at("calls"))
		calls.insert(c.at("name"));
	for (const auto &w : sleeper.at("writes"))
		writes.insert(w.at("name"));
	EXPECT_EQ(calls, (std::set<std::string>{ "read_counter", "weak_hook" }));
	EXPECT_TRUE(writes.count("global_counter"));
	/* A function-local static gets gcc's numbered name and its scope. */
	const auto &local = facts_.at("variables");
	auto it = std::find_if(local.begin(), local.end(), [](const auto &v) {
		return v.at("scope") == "sleeper";
	});
	ASSERT_NE(it, local.end());
	EXPECT_EQ(it->at("name").template get<std::string>().rfind("nr_sleeps.", 0), 0u);
}

TEST_F(FactsTest, RecordsInitializerReferences)
{
	const auto &ops = named("variables", "counter_ops");

	ASSERT_EQ(ops.at("refs").size(), 1u);
	EXPECT_EQ(ops.at("refs")[0].at("name"), "traced_not");
	EXPECT_EQ(ops.at("refs")[0].at("kind"), "function");
}

TEST_F(FactsTest, RecordsTheLayoutsOfReachableStructs)
{
	const auto &runq = named("types", "struct runq");
	const auto none = nlohmann::json::array();
	const nlohmann::json fields = {
		{ { "name", "nr" }, { "offset", 0 }, { "bits", 32 }, { "type", "int" },
		  { "records", none } },
		{ { "name", "clock" }, { "offset", 64 }, { "bits", 64 }, { "type", "word_t" },
		  { "records", none } },
		{ { "name", "tick" }, { "offset", 64 }, { "bits", 64 },
		  { "type", "void (*)(struct runq *, int)" }, { "records", { "struct runq" } } },
		{ { "name", "state.flags" }, { "offset", 128 }, { "bits", 24 },
		  { "type", "char[3]" }, { "records", none } },
		{ { "name", "class_ops" }, { "offset", 192 }, { "bits", 64 },
		  { "type", "struct ops *" }, { "records", { "struct ops" } } },
	};

	EXPECT_EQ(runq.at("size"), 32);
	EXPECT_EQ(runq.at("file"), "attributes.c");
	EXPECT_EQ(runq.at("fields"), fields);
	/* Reached through a member pointer. */
	EXPECT_EQ(named("types", "struct ops").at("fields")[0].at("type"), "int (*)(void)");
	EXPECT_EQ(named("functions", "runq_of").at("signature"), "struct runq *runq_of(int)");
	EXPECT_EQ(named("functions", "runq_of").at("records"), nlohmann::json({ "struct runq" }));
}

TEST_F(FactsTest, OutputIsDeterministic)
{
	PluginCompiler cc(dir_, FIXTURES);

	EXPECT_EQ(read_file(cc.facts_of("attributes.c", "again.json")), text_);
}

} // namespace
