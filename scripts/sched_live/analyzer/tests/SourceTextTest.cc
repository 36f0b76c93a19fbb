// SPDX-License-Identifier: GPL-2.0
#include <gtest/gtest.h>

#include "Error.hh"
#include "SourceText.hh"

namespace sched_boundary::test {
namespace {

const char *const kSource =
	"#define FEAT(name, on)\t\\\n"		// 1
	"\t(1UL << name) * on |\n"		// 2
	"unsigned int features =\n"		// 3
	"#include \"features.h\"\n"		// 4
	"\t0;\n"				// 5
	"\n"					// 6
	"static void __init\n"			// 7
	"boot_only(void)\n"			// 8
	"{\n"					// 9
	"}\n"					// 10
	"/* a comment; with a semicolon */\n"	// 11
	"static const char *names[] = {\n"	// 12
	"\t\"a;b\", /* ; */ \"c\", // ;\n"	// 13
	"\t\";\",\n"				// 14
	"};\n"					// 15
	"int last";				// 16

TEST(SourceText, SplitsLinesKeepingNewlines)
{
	const SourceText text(kSource);

	EXPECT_EQ(text.line_count(), 16);
	EXPECT_EQ(text.line(6), "\n");
	EXPECT_EQ(text.line(16), "int last");
}

TEST(SourceText, DeclarationStartTakesTheLinesAboveTheName)
{
	const SourceText text(kSource);

	EXPECT_EQ(text.declaration_start(8), 7);
	EXPECT_EQ(text.declaration_start(12), 12);
}

TEST(SourceText, DeclarationStartStopsAtAMacroContinuation)
{
	EXPECT_EQ(SourceText(kSource).declaration_start(3), 3);
}

TEST(SourceText, StatementEndSkipsPreprocessorLinesCommentsAndLiterals)
{
	const SourceText text(kSource);

	EXPECT_EQ(text.statement_end(3), 5);
	EXPECT_EQ(text.statement_end(12), 15);
}

TEST(SourceText, AStatementWithoutEndIsBadInput)
{
	EXPECT_THROW(SourceText(kSource).statement_end(16), InputError);
}

} // namespace
} // namespace sched_boundary::test
