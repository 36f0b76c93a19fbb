// SPDX-License-Identifier: GPL-2.0
#include "Classification.hh"

#include <algorithm>
#include <stdexcept>

namespace sched_boundary {

Classification::Classification(std::vector<Category> categories,
			       std::vector<Reason> reasons,
			       std::vector<bool> in_boundary, int iterations)
	: categories_(std::move(categories)), reasons_(std::move(reasons)),
	  in_boundary_(std::move(in_boundary)), iterations_(iterations)
{
	if (reasons_.size() != categories_.size() ||
	    in_boundary_.size() != categories_.size())
		throw std::logic_error("classification: sizes disagree");
}

std::vector<SymbolId> Classification::members(Category category) const
{
	std::vector<SymbolId> ids;

	for (SymbolId id = 0; id < categories_.size(); id++)
		if (categories_[id] == category)
			ids.push_back(id);
	return ids;
}

std::size_t Classification::count(Category category) const
{
	return static_cast<std::size_t>(
		std::count(categories_.begin(), categories_.end(), category));
}

const char *Classification::set_name(Category category)
{
	switch (category) {
	case Category::Interface:
		return "F_interface";
	case Category::Internal:
		return "F_internal";
	case Category::FunctionExternal:
		return "F_external";
	case Category::Shared:
		return "D_shared";
	case Category::Private:
		return "D_private";
	case Category::VariableExternal:
		return "D_external";
	case Category::Outside:
		return "outside";
	}
	return "?";
}

const char *Classification::word(Category category)
{
	switch (category) {
	case Category::Interface:
		return "interface";
	case Category::Internal:
		return "internal";
	case Category::FunctionExternal:
	case Category::VariableExternal:
		return "external";
	case Category::Shared:
		return "shared";
	case Category::Private:
		return "private";
	case Category::Outside:
		return "outside";
	}
	return "?";
}

} // namespace sched_boundary
