// SPDX-License-Identifier: GPL-2.0
#include <gtest/gtest.h>

#include "Analysis.hh"
#include "FactsBuilder.hh"

namespace sched_boundary::test {
namespace {

std::string first_line(const std::string &text)
{
	return text.substr(0, text.find('\n'));
}

class MiniSchedWhy : public ::testing::Test {
protected:
	MiniSchedWhy() : a_(minisched_units(), minisched_config()) {}

	// The chain must end, and must end at something that needs no
	// further explanation.
	void expect_chain(const std::string &key, std::size_t length) const
	{
		const std::vector<SymbolId> chain = a_.explainer().chain(a_.id(key));

		EXPECT_EQ(chain.size(), length) << key;
		const std::string text = a_.why(key);
		EXPECT_EQ(static_cast<std::size_t>(
				  std::count(text.begin(), text.end(), '\n')),
			  length + 2)
			<< text;
	}

	Analysis a_;
};

TEST_F(MiniSchedWhy, ConfigInterface)
{
	EXPECT_EQ(a_.why("schedule"),
		  "schedule: interface\n"
		  "  because it is listed in the config: \"called by every sleeper\"\n");
	expect_chain("schedule", 0);
}

TEST_F(MiniSchedWhy, CalledFromOutside)
{
	EXPECT_EQ(a_.why("wake_up"),
		  "wake_up: interface\n"
		  "  because it is called by kernel_main (outside/user.c), which is "
		  "outside the boundary files\n");
}

TEST_F(MiniSchedWhy, AddressInASharedVariable)
{
	EXPECT_EQ(a_.why("sched/fair.c:hooked"),
		  "sched/fair.c:hooked: interface\n"
		  "  because its address is stored in exported_hooks (sched/fair.c:33), "
		  "which is shared\n"
		  "  because it is read by kernel_main (outside/user.c), which is "
		  "outside the boundary files\n");
	expect_chain("sched/fair.c:hooked", 1);
}

TEST_F(MiniSchedWhy, CalledByAFunctionKeptInVmlinux)
{
	const std::string why = a_.why("sched/fair.c:only_called_by_external");

	EXPECT_EQ(first_line(why), "sched/fair.c:only_called_by_external: interface");
	EXPECT_EQ(why.substr(why.find('\n') + 1),
		  "  because it is called by stays_in_vmlinux (sched/fair.c), which is "
		  "external\n"
		  "  because it is listed in the config: \"must keep working while no "
		  "module is loaded\"\n");
	expect_chain("sched/fair.c:only_called_by_external", 1);
}

TEST_F(MiniSchedWhy, TimerCallback)
{
	EXPECT_EQ(a_.why("sched/core.c:timer_fn"),
		  "sched/core.c:timer_fn: interface\n"
		  "  because its address is passed by sched_init (sched/core.c) to "
		  "setup_timer (outside/user.c), which is outside the boundary files\n");
}

TEST_F(MiniSchedWhy, InternalPrivateAndExternal)
{
	EXPECT_EQ(first_line(a_.why("sched/fair.c:enqueue_fair")),
		  "sched/fair.c:enqueue_fair: internal");
	expect_chain("sched/fair.c:enqueue_fair", 0);
	EXPECT_EQ(a_.why("fair_class"),
		  "fair_class: private\n"
		  "  because it is listed in the config: \"the module brings its own "
		  "class\"\n");
	EXPECT_EQ(a_.why("setup_timer"),
		  "setup_timer: external\n"
		  "  because it is called by sched_init (sched/core.c), which is "
		  "interface, and it is defined in outside/user.c, outside the boundary "
		  "files\n");
	EXPECT_EQ(first_line(a_.why("kernel_main")), "kernel_main: outside");
}

TEST_F(MiniSchedWhy, EveryChainEnds)
{
	for (SymbolId id = 0; id < a_.table().size(); id++)
		EXPECT_NO_THROW(a_.explainer().explain(id)) << a_.table().at(id).key;
}

TEST(Explainer, ChainThroughTwoSharedVariablesEndsAtTheConfig)
{
	const Analysis a({
		UnitBuilder("s.c").function("method", "static")
			.variable("aa_inner").holds(local("method"))
			.variable("zz_root").holds(global("aa_inner"), "variable")
			.facts(),
	}, R"({"files": ["s.c"], "shared": {"zz_root": "vmlinux keeps it"}})");

	EXPECT_EQ(a.why("s.c:method"),
		  "s.c:method: interface\n"
		  "  because its address is stored in aa_inner (s.c:2), which is shared\n"
		  "  because its address is stored in zz_root (s.c:3), which is shared\n"
		  "  because it is listed in the config: \"vmlinux keeps it\"\n");
	EXPECT_EQ(a.explainer().chain(a.id("s.c:method")),
		  (std::vector<SymbolId>{ a.id("aa_inner"), a.id("zz_root") }));
}

TEST(Explainer, SelfAndMutualReferencesEndWhenDataIsSharedByDefault)
{
	// LIST_HEAD_INIT(task_groups) points at itself; two list heads can
	// point at each other.  Every chain must still end.
	const Analysis a({
		UnitBuilder("s.c")
			.variable("task_groups").holds(global("task_groups"), "variable")
			.variable("head_a").holds(global("head_b"), "variable")
			.variable("head_b").holds(global("head_a"), "variable")
			.facts(),
	}, R"({"files": ["s.c"], "data_default": "shared"})");

	for (const char *name : { "task_groups", "head_a", "head_b" }) {
		EXPECT_NO_THROW(a.explainer().explain(a.id(name))) << name;
		EXPECT_EQ(a.category(name), Category::Shared) << name;
	}
}

TEST(Explainer, StaticCopyInAnotherUnitSaysWhichUnit)
{
	const Analysis a({
		UnitBuilder("b.c").function("rq_lock", "static", "s.h").facts(),
	}, R"({"files": ["s.h"]})");

	EXPECT_EQ(first_line(a.why("b.c:rq_lock")), "s.h:rq_lock (in unit b.c): internal");
}

TEST(Explainer, OutsideReferenceAndUndefinedNames)
{
	const Analysis a({
		UnitBuilder("s.c").function("try_to_wake_up").calls(global("printk")).facts(),
	}, R"({"files": ["s.c"]})", "try_to_wake_up kernel/workqueue.o\n");

	EXPECT_EQ(a.why("try_to_wake_up"),
		  "try_to_wake_up: interface\n"
		  "  because it is referenced from kernel/workqueue.o (outside references)\n");
	EXPECT_EQ(a.why("printk"),
		  "printk: external\n"
		  "  because it is called by try_to_wake_up (s.c), which is interface, and "
		  "no analysed unit defines it\n");
}

} // namespace
} // namespace sched_boundary::test
