// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_CLASSIFICATION_H
#define SCHED_BOUNDARY_CLASSIFICATION_H

#include <array>
#include <cstddef>
#include <vector>

#include "Reason.hh"
#include "SymbolTable.hh"

namespace sched_boundary {

enum class Category {
	Interface,		// F_interface
	Internal,		// F_internal
	FunctionExternal,	// F_external
	Shared,			// D_shared
	Private,		// D_private
	VariableExternal,	// D_external
	Outside,		// not in S and not used by the module
};

// The result of Classifier: one category and one reason per symbol id.
class Classification {
public:
	// The six sets of FORMAT.md, in its order.
	static constexpr std::array<Category, 6> kSets = {
		Category::Interface, Category::Internal, Category::FunctionExternal,
		Category::Shared,    Category::Private,  Category::VariableExternal,
	};

	Classification(std::vector<Category> categories, std::vector<Reason> reasons,
		       std::vector<bool> in_boundary, int iterations);

	std::size_t size() const { return categories_.size(); }
	Category category(SymbolId id) const { return categories_.at(id); }
	const Reason &reason(SymbolId id) const { return reasons_.at(id); }
	bool in_boundary(SymbolId id) const { return in_boundary_.at(id); }
	// Rounds of the fixed-point loop, the last one changing nothing.
	int iterations() const { return iterations_; }

	// In id order, which is key order.
	std::vector<SymbolId> members(Category category) const;
	std::size_t count(Category category) const;

	// "F_interface", ... as in FORMAT.md.
	static const char *set_name(Category category);
	// "interface", "shared", ...: the word --why and the JSON use.
	static const char *word(Category category);

private:
	std::vector<Category> categories_;
	std::vector<Reason> reasons_;
	std::vector<bool> in_boundary_;
	int iterations_;
};

} // namespace sched_boundary

#endif
