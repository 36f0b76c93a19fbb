// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_BOUNDARY_DIFF_H
#define SCHED_BOUNDARY_BOUNDARY_DIFF_H

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sched_boundary {

// What changed between two boundaries, read from two outputs of
// JsonWriter: for each set, the symbols that entered it and those that
// left it.  A kernel update or a config change moves functions across the
// boundary; this is what a reviewer of such a change reads first.
class BoundaryDiff {
public:
	struct SetChange {
		std::string set;		// "F_interface", ...
		std::vector<std::string> added;	// sorted
		std::vector<std::string> removed; // sorted
	};

	// Throws InputError if either is not a boundary (FORMAT.md).
	static BoundaryDiff between(const nlohmann::json &before,
				    const nlohmann::json &after);

	bool empty() const { return changes_.empty(); }
	// Only the sets that changed, in the order of Classification::kSets.
	const std::vector<SetChange> &changes() const { return changes_; }
	// A Markdown section body; deterministic.
	std::string render() const;

private:
	std::vector<SetChange> changes_;
};

} // namespace sched_boundary

#endif
