// SPDX-License-Identifier: GPL-2.0
#include <gtest/gtest.h>

#include "Analysis.hh"
#include "FactsBuilder.hh"

namespace sched_boundary::test {
namespace {

// s.c is the scheduler, o.c the rest of the kernel.
const char *const kConfig = R"({
	// the scheduler
	"files": ["s.c", "s.h"]
})";

TEST(Classifier, RecursionInsideTheModuleStaysInternal)
{
	const Analysis a({
		UnitBuilder("s.c")
			.function("self", "static").calls(local("self"))
			.function("ping").calls(global("pong"))
			.function("pong").calls(global("ping")).calls(local("self"))
			.facts(),
	}, kConfig);

	EXPECT_EQ(a.category("s.c:self"), Category::Internal);
	EXPECT_EQ(a.category("ping"), Category::Internal);
	EXPECT_EQ(a.category("pong"), Category::Internal);
}

TEST(Classifier, FunctionCalledFromOutsideIsInterface)
{
	const Analysis a({
		UnitBuilder("s.c").function("wake_up").calls(global("helper"))
			.function("helper").facts(),
		UnitBuilder("o.c").function("caller").calls(global("wake_up")).facts(),
	}, kConfig);

	EXPECT_EQ(a.category("wake_up"), Category::Interface);
	EXPECT_EQ(a.category("helper"), Category::Internal);
	EXPECT_EQ(a.category("caller"), Category::Outside);
	EXPECT_EQ(a.reason("wake_up").kind, ReasonKind::UsedFromOutside);
	EXPECT_EQ(a.reason("wake_up").other, a.id("caller"));
}

TEST(Classifier, AddressTakenOutsideIsInterface)
{
	const Analysis a({
		UnitBuilder("s.c").function("handler").facts(),
		UnitBuilder("o.c").function("install").takes(store(global("handler"))).facts(),
	}, kConfig);

	EXPECT_EQ(a.category("handler"), Category::Interface);
	EXPECT_EQ(a.reason("handler").use, Use::AddressTaken);
}

TEST(Classifier, StaticStoredInAVariableDefinedOutsideIsInterface)
{
	// One unit that includes a scheduler file and a file outside S, like
	// kernel/sched/build_policy.c does.
	const Analysis a({
		UnitBuilder("build.c")
			.function("cb", "static", "s.c")
			.function("unused", "static", "s.c")
			.variable("ops", "static", "lib.h").holds(local("cb"))
			.facts(),
	}, kConfig);

	EXPECT_EQ(a.category("build.c:cb"), Category::Interface);
	EXPECT_EQ(a.reason("build.c:cb").kind, ReasonKind::InInitializer);
	EXPECT_EQ(a.category("build.c:unused"), Category::Internal);
	EXPECT_EQ(a.category("build.c:ops"), Category::Outside);
}

TEST(Classifier, CallbackPassedToAFunctionOutsideIsInterface)
{
	const Analysis a({
		UnitBuilder("s.c")
			.function("init").calls(global("setup_timer"))
			.takes(call_arg(local("timer_fn"), global("setup_timer")))
			.function("timer_fn", "static")
			.facts(),
	}, kConfig);

	EXPECT_EQ(a.category("s.c:timer_fn"), Category::Interface);
	EXPECT_EQ(a.reason("s.c:timer_fn").kind, ReasonKind::PassedOut);
	EXPECT_EQ(a.category("setup_timer"), Category::FunctionExternal);
}

TEST(Classifier, CallbackPassedToAFunctionInsideStaysInternal)
{
	const Analysis a({
		UnitBuilder("s.c")
			.function("init").calls(global("walk"))
			.takes(call_arg(local("visit"), global("walk")))
			.function("visit", "static")
			.function("walk")
			.facts(),
	}, kConfig);

	EXPECT_EQ(a.category("s.c:visit"), Category::Internal);
	EXPECT_EQ(a.category("walk"), Category::Internal);
}

TEST(Classifier, AddressStoredByTheModuleIsInterface)
{
	const Analysis a({
		UnitBuilder("s.c")
			.function("init").takes(store(local("notifier")))
			.function("notifier", "static")
			.facts(),
	}, kConfig);

	EXPECT_EQ(a.category("s.c:notifier"), Category::Interface);
	EXPECT_EQ(a.reason("s.c:notifier").kind, ReasonKind::AddressStored);
}

TEST(Classifier, VariableUsedOutsideIsSharedOtherwisePrivate)
{
	const Analysis a({
		UnitBuilder("s.c")
			.variable("sysctl_slice").variable("nr_running")
			.variable("counter", "static")
			.function("tick").reads(global("nr_running")).writes(local("counter"))
			.reads(global("jiffies"))
			.facts(),
		UnitBuilder("o.c").function("proc_show").reads(global("sysctl_slice"))
			.function("proc_write").writes(global("nr_running"))
			.variable("jiffies")
			.facts(),
	}, kConfig);

	EXPECT_EQ(a.category("sysctl_slice"), Category::Shared);
	EXPECT_EQ(a.reason("sysctl_slice").use, Use::Read);
	EXPECT_EQ(a.category("nr_running"), Category::Shared);
	EXPECT_EQ(a.reason("nr_running").use, Use::Write);
	EXPECT_EQ(a.category("s.c:counter"), Category::Private);
	EXPECT_EQ(a.category("jiffies"), Category::VariableExternal);
}

TEST(Classifier, PrivateClassKeepsItsMethodsInternal)
{
	const Analysis a({
		UnitBuilder("s.c")
			.function("enqueue", "static").function("dequeue", "static")
			.function("put_prev")
			.variable("fair_class").holds(local("dequeue")).holds(local("enqueue"))
			.holds(global("put_prev")).holds(global("lib_helper"))
			.facts(),
	}, R"({"files": ["s.c"], "private": {"fair_class": "own class"}})");

	EXPECT_EQ(a.category("fair_class"), Category::Private);
	EXPECT_EQ(a.category("s.c:enqueue"), Category::Internal);
	EXPECT_EQ(a.category("s.c:dequeue"), Category::Internal);
	EXPECT_EQ(a.category("put_prev"), Category::Internal);
	// The module's copy of the class still points into vmlinux.
	EXPECT_EQ(a.category("lib_helper"), Category::FunctionExternal);
}

TEST(Classifier, DefaultPrivateVariableKeepsItsMethodsInternal)
{
	const Analysis a({
		UnitBuilder("s.c").function("enqueue", "static")
			.variable("rt_class").holds(local("enqueue"))
			.function("pick").reads(global("rt_class"))
			.facts(),
	}, kConfig);

	EXPECT_EQ(a.category("rt_class"), Category::Private);
	EXPECT_EQ(a.category("s.c:enqueue"), Category::Internal);
}

TEST(Classifier, ForcedSharedVariableMakesItsMethodsInterface)
{
	const Analysis a({
		UnitBuilder("s.c").function("enqueue", "static").function("dequeue", "static")
			.variable("idle_class").holds(local("dequeue")).holds(local("enqueue"))
			.facts(),
	}, R"({"files": ["s.c"], "shared": {"idle_class": "vmlinux keeps it"}})");

	EXPECT_EQ(a.category("idle_class"), Category::Shared);
	EXPECT_EQ(a.category("s.c:enqueue"), Category::Interface);
	EXPECT_EQ(a.category("s.c:dequeue"), Category::Interface);
	EXPECT_EQ(a.reason("s.c:enqueue").other, a.id("idle_class"));
	EXPECT_GE(a.classification().iterations(), 2);
}

TEST(Classifier, SharingPropagatesThroughInitializersToAFixedPoint)
{
	// zz_root is shared, holds &aa_inner, which holds &method.  aa_inner
	// is visited before zz_root in a round, so it takes a second round to
	// see that it became shared, and a third to see nothing change.
	const Analysis a({
		UnitBuilder("s.c").function("method", "static")
			.variable("aa_inner").holds(local("method"))
			.variable("zz_root").holds(global("aa_inner"), "variable")
			.facts(),
	}, R"({"files": ["s.c"], "shared": {"zz_root": "vmlinux keeps it"}})");

	EXPECT_EQ(a.category("aa_inner"), Category::Shared);
	EXPECT_EQ(a.reason("aa_inner").other, a.id("zz_root"));
	EXPECT_EQ(a.category("s.c:method"), Category::Interface);
	EXPECT_EQ(a.reason("s.c:method").other, a.id("aa_inner"));
	EXPECT_EQ(a.classification().iterations(), 3);
}

TEST(Classifier, OutsideReferencesMakeInterfaceAndShared)
{
	const Analysis a({
		UnitBuilder("s.c").function("try_to_wake_up").function("local_only")
			.variable("sched_tunable").variable("helper_state", "static")
			.facts(),
	}, kConfig,
		"# nm -u\ntry_to_wake_up kernel/workqueue.o\nsched_tunable kernel/sysctl.o\n"
		"printk kernel/workqueue.o\nhelper_state kernel/x.o\n");

	EXPECT_EQ(a.category("try_to_wake_up"), Category::Interface);
	EXPECT_EQ(a.reason("try_to_wake_up").kind, ReasonKind::OutsideReference);
	EXPECT_EQ(a.reason("try_to_wake_up").text, "kernel/workqueue.o");
	EXPECT_EQ(a.category("sched_tunable"), Category::Shared);
	EXPECT_EQ(a.category("local_only"), Category::Internal);
	// nm -u only ever names globals.
	EXPECT_EQ(a.category("s.c:helper_state"), Category::Private);
}

TEST(Classifier, ExternalPrefixKeepsSyscallEntriesInVmlinux)
{
	const Analysis a({
		UnitBuilder("s.c").function("__x64_sys_sched_yield")
			.calls(local("do_sched_yield"))
			.function("do_sched_yield", "static").facts(),
	}, R"({"files": ["s.c"],
	       "external_prefixes": {"__ia32_sys_": "entry", "__x64_sys_": "entry"}})");

	EXPECT_EQ(a.category("__x64_sys_sched_yield"), Category::FunctionExternal);
	EXPECT_EQ(a.reason("__x64_sys_sched_yield").kind, ReasonKind::ExternalPrefix);
	EXPECT_EQ(a.reason("__x64_sys_sched_yield").text, "__x64_sys_");
	// What the entry point calls is the scheduler's to replace.
	EXPECT_EQ(a.category("s.c:do_sched_yield"), Category::Interface);
}

TEST(Classifier, ConfigInterfaceAndExternal)
{
	const Analysis a({
		UnitBuilder("s.c").function("schedule")
			.function("sched_clock_cpu").calls(local("read_clock"))
			.reads(local("clock_state"))
			.function("read_clock", "static")
			.variable("clock_state", "static")
			.facts(),
		UnitBuilder("o.c").function("printk").calls(global("sched_clock_cpu")).facts(),
	}, R"({"files": ["s.c"],
		"interface": {"schedule": "called by every sleeper"},
		"external": {"sched_clock_cpu": "notrace, used by printk"}})");

	EXPECT_EQ(a.category("schedule"), Category::Interface);
	EXPECT_EQ(a.category("sched_clock_cpu"), Category::FunctionExternal);
	// What a function kept in vmlinux uses of S, vmlinux uses.
	EXPECT_EQ(a.category("s.c:read_clock"), Category::Interface);
	EXPECT_EQ(a.reason("s.c:read_clock").other, a.id("sched_clock_cpu"));
	EXPECT_EQ(a.category("s.c:clock_state"), Category::Shared);
	// A function that only vmlinux calls is not needed by the module.
	EXPECT_EQ(a.category("printk"), Category::Outside);
}

TEST(Classifier, ConfigPrivateWinsOverAnOutsideReader)
{
	const Analysis a({
		UnitBuilder("s.c").variable("root_task_group").facts(),
		UnitBuilder("o.c").function("cgroup").reads(global("root_task_group")).facts(),
	}, R"({"files": ["s.c"], "private": {"root_task_group": "replaced on switch"}})");

	EXPECT_EQ(a.category("root_task_group"), Category::Private);
	EXPECT_EQ(a.reason("root_task_group").kind, ReasonKind::ConfigEntry);
}

TEST(Classifier, EachCopyOfAHeaderStaticIsClassifiedOnItsOwn)
{
	const Analysis a({
		UnitBuilder("s.c").function("rq_lock", "static", "s.h")
			.function("user").calls(local("rq_lock")).facts(),
		UnitBuilder("o.c").function("rq_lock", "static", "s.h")
			.function("outside").calls(local("rq_lock")).facts(),
	}, kConfig);

	EXPECT_EQ(a.category("s.c:rq_lock"), Category::Internal);
	EXPECT_EQ(a.category("o.c:rq_lock"), Category::Interface);
	EXPECT_EQ(a.reason("o.c:rq_lock").other, a.id("outside"));
}

TEST(Classifier, ExternalSetsHoldWhatTheModuleUsesOutsideS)
{
	const Analysis a({
		UnitBuilder("s.c").function("tick").calls(global("printk"))
			.calls(global("lib_fn")).reads(global("jiffies"))
			.writes(global("lib_var")).takes(store(global("lib_cb")))
			.facts(),
		UnitBuilder("o.c").function("lib_fn").calls(global("lib_only"))
			.function("lib_only").function("lib_cb").variable("lib_var").facts(),
	}, kConfig);

	EXPECT_EQ(a.category("printk"), Category::FunctionExternal);
	EXPECT_EQ(a.category("lib_fn"), Category::FunctionExternal);
	EXPECT_EQ(a.category("lib_cb"), Category::FunctionExternal);
	EXPECT_EQ(a.category("jiffies"), Category::VariableExternal);
	EXPECT_EQ(a.category("lib_var"), Category::VariableExternal);
	EXPECT_EQ(a.category("lib_only"), Category::Outside);
}

TEST(Classifier, MiniSchedFixture)
{
	const Analysis a(minisched_units(), minisched_config());

	for (const char *key : { "schedule", "wake_up", "sched_init", "sched/core.c:timer_fn",
				 "sched/fair.c:hooked",
				 "sched/fair.c:only_called_by_external" })
		EXPECT_EQ(a.category(key), Category::Interface) << key;
	for (const char *key : { "pick", "sched/core.c:account", "sched/fair.c:account",
				 "sched/core.c:inline_helper", "sched/fair.c:enqueue_fair",
				 "sched/fair.c:dequeue_fair" })
		EXPECT_EQ(a.category(key), Category::Internal) << key;
	EXPECT_EQ(a.category("stays_in_vmlinux"), Category::FunctionExternal);
	EXPECT_EQ(a.category("setup_timer"), Category::FunctionExternal);
	EXPECT_EQ(a.category("sysctl_slice"), Category::Shared);
	EXPECT_EQ(a.category("exported_hooks"), Category::Shared);
	EXPECT_EQ(a.category("fair_class"), Category::Private);
	EXPECT_EQ(a.category("sched/fair.c:fair_load"), Category::Private);
	EXPECT_EQ(a.category("outside_ticks"), Category::VariableExternal);
}

TEST(Classifier, HeaderStaticUsedByTheModuleIsCarriedWithIt)
{
	const Analysis a({
		UnitBuilder("s.c")
			.function("enqueue").calls(local("list_add"))
			.function("list_add", "static", "include/list.h")
				.calls(global("debug_check"))
			.facts(),
		UnitBuilder("o.c").function("debug_check").facts(),
	}, kConfig);

	EXPECT_EQ(a.category("s.c:list_add"), Category::Internal);
	EXPECT_EQ(a.reason("s.c:list_add").kind, ReasonKind::CopiedWithHeader);
	EXPECT_EQ(a.reason("s.c:list_add").other, a.id("enqueue"));
	/* What the carried copy uses, the module needs. */
	EXPECT_EQ(a.category("debug_check"), Category::FunctionExternal);
	EXPECT_EQ(a.reason("debug_check").other, a.id("s.c:list_add"));
}

TEST(Classifier, HeaderStaticUsedOutsideTooIsNoInterface)
{
	// A unit with a scheduler file and another one, both using the same
	// header function: each side has its copy, nothing crosses.
	const Analysis a({
		UnitBuilder("u.c")
			.function("enqueue", "global", "s.c").calls(local("list_add"))
			.function("clock_tick", "global", "clock.c").calls(local("list_add"))
			.function("list_add", "static", "include/list.h")
			.facts(),
	}, kConfig);

	EXPECT_EQ(a.category("u.c:list_add"), Category::Internal);
	EXPECT_EQ(a.category("enqueue"), Category::Internal);
}

TEST(Classifier, HeaderStaticUsedOnlyOutsideStaysOutside)
{
	const Analysis a({
		UnitBuilder("o.c").function("caller").calls(local("list_add"))
			.function("list_add", "static", "include/list.h").facts(),
	}, kConfig);

	EXPECT_EQ(a.category("o.c:list_add"), Category::Outside);
}

TEST(Classifier, AddressPassedToACarriedHeaderFunctionStaysInside)
{
	// rb_add_cached(node, tree, less): the module's own copy calls less.
	const Analysis a({
		UnitBuilder("s.c")
			.function("enqueue")
				.calls(local("rb_add"))
				.takes(call_arg(local("less"), local("rb_add")))
			.function("less", "static")
			.function("rb_add", "static", "include/rbtree.h")
			.facts(),
	}, kConfig);

	EXPECT_EQ(a.category("s.c:rb_add"), Category::Internal);
	EXPECT_EQ(a.category("s.c:less"), Category::Internal);
}

TEST(Classifier, DataSharedByDefaultKeepsStateInVmlinux)
{
	const Analysis a({
		UnitBuilder("s.c")
			.function("enqueue", "static").function("balance", "static")
			.variable("nr_running", "static")
			.variable("rt_class").holds(local("enqueue"))
			.variable("balance_ops").holds(local("balance"))
			.function("pick").reads(local("nr_running"))
				.reads(global("rt_class")).reads(global("balance_ops"))
			.facts(),
	}, R"({
		"files": ["s.c"],
		"data_default": "shared",
		"private": {"rt_class": "the module brings its own class"}
	})");

	/* State nobody else touches stays in vmlinux all the same ... */
	EXPECT_EQ(a.category("s.c:nr_running"), Category::Shared);
	EXPECT_EQ(a.reason("s.c:nr_running").kind, ReasonKind::BoundaryDefault);
	/* ... so what shared data points at is reachable from vmlinux ... */
	EXPECT_EQ(a.category("balance_ops"), Category::Shared);
	EXPECT_EQ(a.category("s.c:balance"), Category::Interface);
	/* ... and only what the config names is the module's own. */
	EXPECT_EQ(a.category("rt_class"), Category::Private);
	EXPECT_EQ(a.category("s.c:enqueue"), Category::Internal);
}

TEST(Classifier, StaticLocalToAModuleFunctionIsPrivate)
{
	const Analysis a({
		UnitBuilder("s.c")
			.function("warn_once").reads(local("warned.1")).writes(local("warned.1"))
			.variable("warned.1", "static").local_to("warn_once")
			.variable("state", "static")
			.facts(),
	}, R"({ "files": ["s.c"], "data_default": "shared" })");

	EXPECT_EQ(a.category("s.c:warned.1"), Category::Private);
	EXPECT_EQ(a.reason("s.c:warned.1").kind, ReasonKind::LocalStatic);
	EXPECT_EQ(a.why("s.c:warned.1"),
		  "s.c:warned.1: private\n  because it is a static variable local to "
		  "warn_once, and each copy of warn_once keeps its own\n");
	EXPECT_EQ(a.category("s.c:state"), Category::Shared);
}

TEST(Classifier, WeakDefaultStaysInVmlinux)
{
	const Analysis a({
		UnitBuilder("s.c")
			.function("idle_loop").calls(global("arch_idle_dead"))
			.function("arch_idle_dead", "weak")
			.facts(),
		UnitBuilder("outside.c")
			.function("cpu_die").calls(global("idle_loop"))
			.facts(),
	}, R"({ "files": ["s.c"] })");

	/* An architecture may override it: the module never takes it over. */
	EXPECT_EQ(a.category("arch_idle_dead"), Category::FunctionExternal);
	EXPECT_EQ(a.reason("arch_idle_dead").kind, ReasonKind::WeakDefault);
	EXPECT_EQ(a.why("arch_idle_dead"),
		  "arch_idle_dead: external\n  because it is a weak default in s.c, "
		  "which vmlinux may link another definition of (an "
		  "architecture's), so it stays vmlinux's\n");
	EXPECT_EQ(a.category("idle_loop"), Category::Interface);
}

TEST(Classifier, StaticOfACarriedHeaderIsPrivate)
{
	const Analysis a({
		UnitBuilder("s.c")
			.function("tick").calls(local("once"))
			.function("once", "static", "lib.h").writes(local("done.2"))
			.variable("done.2", "static", "lib.h").local_to("once")
			.variable("table", "static", "lib.h")
			.function("lookup", "static", "lib.h").reads(local("table"))
			.facts(),
	}, kConfig);

	EXPECT_EQ(a.category("s.c:once"), Category::Internal);
	EXPECT_EQ(a.category("s.c:done.2"), Category::Private);
	EXPECT_EQ(a.reason("s.c:done.2").kind, ReasonKind::CopiedWithHeader);
	EXPECT_EQ(a.reason("s.c:done.2").other, a.id("s.c:once"));
	/* Nothing the module carries reads it. */
	EXPECT_EQ(a.category("s.c:table"), Category::Outside);
}

} // namespace
} // namespace sched_boundary::test
