// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_EXPLAINER_H
#define SCHED_BOUNDARY_EXPLAINER_H

#include <optional>
#include <string>
#include <vector>

#include "Classification.hh"
#include "SymbolTable.hh"

namespace sched_boundary {

// Puts reasons into words, following each to the symbol it points at:
//
//   hooked: interface
//     because its address is stored in exported_hooks (fair.c:33), which is shared
//     because it is read by kernel_main (user.c), which is outside the boundary files
class Explainer {
public:
	// Both must outlive the explainer.
	Explainer(const SymbolTable &table, const Classification &classification);

	// The heading line and one "  because ..." line per reason, each
	// line ending in '\n'.  Throws std::logic_error if the chain loops,
	// which would be a bug in the classifier.
	std::string explain(SymbolId id) const;
	// The symbol's own reason as a sentence, without "because".
	std::string describe(SymbolId id) const;
	// The symbols the reason chain passes through after id.
	std::vector<SymbolId> chain(SymbolId id) const;
	// "name" for a global, "file:name" for a static, as the config
	// spells them; a static's copy in another unit says which.
	std::string display_name(SymbolId id) const;

private:
	struct Step {
		std::string text;
		std::optional<SymbolId> next;
	};

	Step step(SymbolId id) const;
	std::string mention(SymbolId id) const;
	// ", which is ..." about the symbol a reason points at, continuing
	// the chain there if it is in S (so has a reason worth following).
	std::string pointee(SymbolId id, Step &step) const;

	const SymbolTable &table_;
	const Classification &classification_;
};

} // namespace sched_boundary

#endif
