// SPDX-License-Identifier: GPL-2.0
#include <gtest/gtest.h>

#include <sstream>

#include "AbiDescription.hh"
#include "Analysis.hh"
#include "Error.hh"
#include "FactsBuilder.hh"
#include "ModuleAbi.hh"
#include "ModuleAbiTool.hh"
#include "TempDir.hh"
#include "TextFile.hh"

namespace sched_boundary::test {
namespace {

const char *const kConfig = R"({ "files": ["s.c"], "data_default": "shared" })";

// The kernel: its interface takes a struct rq *, which points at a
// struct sched_class.
std::vector<UnitFacts> kernel()
{
	return {
		UnitBuilder("s.c")
			.function("wake_up").records({ "struct rq" })
			.type("struct rq", 16)
			.field("nr_running", 0, 32, "unsigned int")
			.field("class", 64, 64, "const struct sched_class *",
			       { "struct sched_class" })
			.type("struct sched_class", 8)
			.field("tick", 0, 64, "void (*)(struct rq *)", { "struct rq" })
			.facts(),
		UnitBuilder("o.c").function("caller").calls(global("wake_up")).facts(),
	};
}

std::string kernel_description()
{
	const auto units = kernel();
	const Analysis a(units, kConfig);

	return AbiDescription(units, a.table(), a.classification()).text();
}

// A module unit as the layouts-only plugin records it: types, nothing else.
UnitBuilder module_unit(int rq_size = 16)
{
	UnitBuilder unit("core.c");

	unit.type("struct rq", rq_size)
		.field("nr_running", 0, 32, "unsigned int")
		.field("class", 64, 64, "const struct sched_class *",
		       { "struct sched_class" });
	if (rq_size > 16)
		unit.field("added", 128, 32, "int");
	unit.type("struct sched_class", 8)
		.field("tick", 0, 64, "void (*)(struct rq *)", { "struct rq" });
	return unit;
}

TEST(ModuleAbi, AModuleLaidOutAsTheKernelHasTheKernelsHash)
{
	const std::string description = kernel_description();
	const ModuleAbi abi(description, { module_unit().facts() });

	EXPECT_EQ(abi.text(), description);
	EXPECT_EQ(abi.hash(), AbiDescription::fnv1a(description));
	EXPECT_TRUE(abi.differing().empty());
}

TEST(ModuleAbi, AFieldTheModuleAddsChangesTheHashAndIsNamed)
{
	const std::string description = kernel_description();
	const ModuleAbi abi(description, { module_unit(24).facts() });

	EXPECT_NE(abi.hash(), AbiDescription::fnv1a(description));
	EXPECT_EQ(abi.differing(), std::vector<std::string>{ "struct rq" });
	EXPECT_NE(abi.text().find("type struct rq: 24 bytes\n"), std::string::npos);
}

TEST(ModuleAbi, TwoDefinitionsInTheModuleAreBothDescribed)
{
	const std::string description = kernel_description();
	const ModuleAbi abi(description, { module_unit().facts(), module_unit(24).facts() });

	EXPECT_EQ(abi.differing(), std::vector<std::string>{ "struct rq" });
}

TEST(ModuleAbi, ATypeTheModuleNeverCompletesKeepsTheKernelsLayout)
{
	UnitBuilder unit("core.c");

	unit.type("struct unrelated", 4).field("x", 0, 32, "int");
	const ModuleAbi abi(kernel_description(), { unit.facts() });

	EXPECT_EQ(abi.text(), kernel_description());
}

TEST(ModuleAbi, NotADescriptionIsBadInput)
{
	EXPECT_THROW(ModuleAbi("type struct rq: 16 bytes\n", { module_unit().facts() }),
		     InputError);
	EXPECT_THROW(ModuleAbi(std::string(AbiDescription::kHeader) + "type struct rq\n",
			       { module_unit().facts() }),
		     InputError);
}

TEST(ModuleAbiTool, WritesTheHashTheModuleRegistersWith)
{
	TempDir dir;
	std::ostringstream out, err;

	TextFile::write(dir.file("boundary.abi"), kernel_description());
	TextFile::write(dir.file("core.layouts"), module_unit(24).json().dump());
	ASSERT_EQ(ModuleAbiTool(out, err).run({ "--kernel", dir.file("boundary.abi"),
						"--header", dir.file("abi.h"),
						"--description", dir.file("module.abi"),
						dir.file("core.layouts") }),
		  kOk) << err.str();

	const std::string description = TextFile::read(dir.file("module.abi"));
	const std::string header = TextFile::read(dir.file("abi.h"));

	EXPECT_NE(header.find("#define SCHED_LIVE_MODULE_ABI_HASH\t" +
			      AbiDescription::c_literal(AbiDescription::fnv1a(description)) +
			      "\n"),
		  std::string::npos);
	EXPECT_NE(header.find(" * Laid out unlike the kernel:\n *   struct rq\n"),
		  std::string::npos);
}

TEST(ModuleAbiTool, MistakesAreBadInput)
{
	/* No --header; an option twice; no layouts. */
	EXPECT_THROW(ModuleAbiTool::parse({ "--kernel", "k", "a.layouts" }), InputError);
	EXPECT_THROW(ModuleAbiTool::parse({ "--kernel", "k", "--kernel", "l", "--header", "h",
					    "a.layouts" }),
		     InputError);
	EXPECT_THROW(ModuleAbiTool::parse({ "--kernel", "k", "--header", "h" }), InputError);
}

} // namespace
} // namespace sched_boundary::test
