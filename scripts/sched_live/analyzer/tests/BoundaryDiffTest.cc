// SPDX-License-Identifier: GPL-2.0
#include <gtest/gtest.h>

#include "BoundaryDiff.hh"
#include "Error.hh"

namespace sched_boundary::test {
namespace {

nlohmann::json boundary(std::vector<std::string> interface,
			std::vector<std::string> shared)
{
	return { { "format", 1 },
		 { "functions", { { "interface", interface }, { "internal", nlohmann::json::array() },
				  { "external", nlohmann::json::array() } } },
		 { "variables", { { "shared", shared }, { "private", nlohmann::json::array() },
				  { "external", nlohmann::json::array() } } } };
}

TEST(BoundaryDiff, SameBoundaryHasNoChanges)
{
	const nlohmann::json b = boundary({ "schedule" }, { "runqueues" });
	const BoundaryDiff diff = BoundaryDiff::between(b, b);

	EXPECT_TRUE(diff.empty());
	EXPECT_EQ(diff.render(), "No set changed.\n");
}

TEST(BoundaryDiff, ListsWhatEnteredAndLeftEachSet)
{
	const BoundaryDiff diff = BoundaryDiff::between(
		boundary({ "a", "schedule", "z" }, { "runqueues" }),
		boundary({ "schedule", "b", "c" }, { "runqueues" }));

	ASSERT_EQ(diff.changes().size(), 1u);
	EXPECT_EQ(diff.changes()[0].set, "F_interface");
	EXPECT_EQ(diff.changes()[0].added, (std::vector<std::string>{ "b", "c" }));
	EXPECT_EQ(diff.changes()[0].removed, (std::vector<std::string>{ "a", "z" }));
	EXPECT_EQ(diff.render(),
		  "| Set | Entered | Left |\n| --- | ---: | ---: |\n"
		  "| F_interface | 2 | 2 |\n"
		  "\n### F_interface\n\n"
		  "- entered: `b`\n- entered: `c`\n- left: `a`\n- left: `z`\n");
}

TEST(BoundaryDiff, SetsAreReportedInTheirFixedOrder)
{
	const BoundaryDiff diff = BoundaryDiff::between(boundary({}, { "x" }),
							boundary({ "f" }, {}));

	ASSERT_EQ(diff.changes().size(), 2u);
	EXPECT_EQ(diff.changes()[0].set, "F_interface");
	EXPECT_EQ(diff.changes()[1].set, "D_shared");
}

TEST(BoundaryDiff, SomethingThatIsNotABoundaryIsBadInput)
{
	const nlohmann::json good = boundary({}, {});
	nlohmann::json bad_list = good;
	nlohmann::json bad_name = good;

	bad_list["functions"]["interface"] = "schedule";
	bad_name["variables"]["shared"] = { 1 };
	EXPECT_THROW(BoundaryDiff::between(nlohmann::json::array(), good), InputError);
	EXPECT_THROW(BoundaryDiff::between(good, { { "functions", {} } }), InputError);
	EXPECT_THROW(BoundaryDiff::between(bad_list, good), InputError);
	EXPECT_THROW(BoundaryDiff::between(good, bad_name), InputError);
}

} // namespace
} // namespace sched_boundary::test
