// SPDX-License-Identifier: GPL-2.0
#include <gtest/gtest.h>

#include "AbiDescription.hh"
#include "Analysis.hh"
#include "BoundaryHeader.hh"
#include "Error.hh"
#include "FactsBuilder.hh"

namespace sched_boundary::test {
namespace {

const char *const kConfig = R"({ "files": ["s.c"], "data_default": "shared" })";

// A scheduler whose interface takes a struct rq *, which points at a
// struct sched_class; struct unrelated is used only inside.
std::vector<UnitFacts> scheduler(int class_size = 8, int tick_offset = 64)
{
	return {
		UnitBuilder("s.c")
			.function("wake_up").records({ "struct rq" })
			.function("helper").records({ "struct unrelated" })
			.variable("runqueues").records({ "struct rq" })
			.type("struct rq", 16)
			.field("nr_running", 0, 32, "unsigned int")
			.field("class", 64, 64, "const struct sched_class *",
			       { "struct sched_class" })
			.type("struct sched_class", class_size)
			.field("tick", tick_offset, 64, "void (*)(struct rq *)", { "struct rq" })
			.type("struct unrelated", 4)
			.field("x", 0, 32, "int")
			.facts(),
		UnitBuilder("o.c").function("caller").calls(global("wake_up")).facts(),
	};
}

TEST(AbiDescription, ListsInterfaceSharedDataAndTheLayoutsTheyReach)
{
	const auto units = scheduler();
	const Analysis a(units, kConfig);
	const AbiDescription abi(units, a.table(), a.classification());

	EXPECT_EQ(abi.text(),
		  "sched_live ABI description, format 1\n"
		  "function wake_up: void wake_up(void)\n"
		  "variable runqueues: int\n"
		  "type struct rq: 16 bytes\n"
		  "\tfield 0 32 nr_running: unsigned int\n"
		  "\tfield 64 64 class: const struct sched_class *\n"
		  "type struct sched_class: 8 bytes\n"
		  "\tfield 64 64 tick: void (*)(struct rq *)\n");
	EXPECT_EQ(abi.type_count(), 2u);
	EXPECT_EQ(abi.hash(), AbiDescription::fnv1a(abi.text()));
}

TEST(AbiDescription, ALayoutChangeBehindAPointerChangesTheHash)
{
	const auto before = scheduler();
	const auto after = scheduler(8, 0);
	const Analysis a(before, kConfig), b(after, kConfig);

	EXPECT_NE(AbiDescription(before, a.table(), a.classification()).hash(),
		  AbiDescription(after, b.table(), b.classification()).hash());
}

TEST(AbiDescription, InputOrderDoesNotChangeTheHash)
{
	auto units = scheduler();
	const Analysis a(units, kConfig);
	const std::uint64_t hash = AbiDescription(units, a.table(), a.classification()).hash();

	std::swap(units[0], units[1]);
	const Analysis b(units, kConfig);

	EXPECT_EQ(AbiDescription(units, b.table(), b.classification()).hash(), hash);
}

TEST(AbiDescription, KnownFnv1aValues)
{
	EXPECT_EQ(AbiDescription::fnv1a(""), 0xcbf29ce484222325ULL);
	EXPECT_EQ(AbiDescription::fnv1a("a"), 0xaf63dc4c8601ec8cULL);
}

TEST(BoundaryHeader, XMacroListsAndTheHash)
{
	const auto units = scheduler();
	const Analysis a(units, kConfig);
	const AbiDescription abi(units, a.table(), a.classification());
	const std::string header = BoundaryHeader(a.table(), a.classification(), abi).render();
	char hash[64];

	snprintf(hash, sizeof(hash), "#define SCHED_LIVE_ABI_HASH\t0x%016llxULL\n",
		 static_cast<unsigned long long>(abi.hash()));
	EXPECT_NE(header.find(hash), std::string::npos);
	EXPECT_NE(header.find("#define SCHED_LIVE_INTERFACE(X) \\\n"
			      "\tX(wake_up, \"s.c\", 0, \"void wake_up(void)\")\n"),
		  std::string::npos);
	EXPECT_NE(header.find("#define SCHED_LIVE_SHARED_DATA(X) \\\n"
			      "\tX(runqueues, \"s.c\", 0, \"int\")\n"),
		  std::string::npos);
	EXPECT_NE(header.find("#define SCHED_LIVE_NR_INTERFACE\t1\n"), std::string::npos);
	EXPECT_EQ(header.rfind("#endif /* __SCHED_LIVE_BOUNDARY_H */\n"),
		  header.size() - 37);
}

TEST(BoundaryHeader, ANameThatIsNotAnIdentifierIsRefused)
{
	const std::vector<UnitFacts> units = {
		UnitBuilder("s.c").variable("state.3", "static").facts(),
	};
	const Analysis a(units, kConfig);
	const AbiDescription abi(units, a.table(), a.classification());

	EXPECT_THROW(BoundaryHeader(a.table(), a.classification(), abi).render(), InputError);
}

TEST(BoundaryHeader, StaticsLocalToFunctionsThatStayInVmlinuxAreNotListed)
{
	const std::vector<UnitFacts> units = {
		UnitBuilder("s.c")
			.function("stays").reads(local("warned.1"))
			.variable("warned.1", "static").local_to("stays")
			.variable("state")
			.facts(),
	};
	const Analysis a(units, R"({ "files": ["s.c"], "data_default": "shared",
				    "external": { "stays": "kernel-owned" } })");
	const AbiDescription abi(units, a.table(), a.classification());
	const std::string header = BoundaryHeader(a.table(), a.classification(), abi).render();

	EXPECT_EQ(a.category("s.c:warned.1"), Category::Shared);
	EXPECT_EQ(header.find("warned"), std::string::npos);
	EXPECT_NE(header.find("\tX(state, \"s.c\", 0, \"int\")\n"), std::string::npos);
	EXPECT_NE(header.find("#define SCHED_LIVE_NR_SHARED\t1\n"), std::string::npos);
}

} // namespace
} // namespace sched_boundary::test
