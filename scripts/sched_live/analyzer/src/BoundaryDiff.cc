// SPDX-License-Identifier: GPL-2.0
#include "BoundaryDiff.hh"

#include <algorithm>
#include <iterator>
#include <set>

#include "Error.hh"

namespace sched_boundary {

namespace {

struct SetKey {
	const char *kind;	// the object in the JSON document
	const char *category;	// the array in it
	const char *name;	// as in the report
};

// Classification::kSets order.
constexpr SetKey kSetKeys[] = {
	{ "functions", "interface", "F_interface" },
	{ "functions", "internal", "F_internal" },
	{ "functions", "external", "F_external" },
	{ "variables", "shared", "D_shared" },
	{ "variables", "private", "D_private" },
	{ "variables", "external", "D_external" },
};

std::set<std::string> members(const nlohmann::json &boundary, const SetKey &key,
			      const char *which)
{
	const auto kind = boundary.find(key.kind);

	if (!boundary.is_object() || kind == boundary.end() || !kind->is_object())
		throw InputError(std::string(which) + " boundary has no \"" +
				 key.kind + "\" object");

	const auto list = kind->find(key.category);

	if (list == kind->end())
		return {};
	if (!list->is_array())
		throw InputError(std::string(which) + " boundary: \"" + key.kind +
				 "\"." + key.category + " is not an array");

	std::set<std::string> names;

	for (const nlohmann::json &name : *list) {
		if (!name.is_string())
			throw InputError(std::string(which) + " boundary: \"" +
					 key.kind + "\"." + key.category +
					 " holds a non-string");
		names.insert(name.get<std::string>());
	}
	return names;
}

std::vector<std::string> minus(const std::set<std::string> &a,
			       const std::set<std::string> &b)
{
	std::vector<std::string> out;

	std::set_difference(a.begin(), a.end(), b.begin(), b.end(),
			    std::back_inserter(out));
	return out;
}

} // namespace

BoundaryDiff BoundaryDiff::between(const nlohmann::json &before,
				   const nlohmann::json &after)
{
	BoundaryDiff diff;

	for (const SetKey &key : kSetKeys) {
		const std::set<std::string> old_names = members(before, key, "previous");
		const std::set<std::string> new_names = members(after, key, "current");
		SetChange change{ key.name, minus(new_names, old_names),
				  minus(old_names, new_names) };

		if (!change.added.empty() || !change.removed.empty())
			diff.changes_.push_back(std::move(change));
	}
	return diff;
}

std::string BoundaryDiff::render() const
{
	std::string text;

	if (changes_.empty())
		return "No set changed.\n";
	text = "| Set | Entered | Left |\n| --- | ---: | ---: |\n";
	for (const SetChange &change : changes_)
		text += "| " + change.set + " | " + std::to_string(change.added.size()) +
			" | " + std::to_string(change.removed.size()) + " |\n";
	for (const SetChange &change : changes_) {
		text += "\n### " + change.set + "\n\n";
		for (const std::string &name : change.added)
			text += "- entered: `" + name + "`\n";
		for (const std::string &name : change.removed)
			text += "- left: `" + name + "`\n";
	}
	return text;
}

} // namespace sched_boundary
