// SPDX-License-Identifier: GPL-2.0
#include "JsonWriter.hh"

#include <algorithm>
#include <vector>

namespace sched_boundary {

namespace {

constexpr int kFormat = 1;

} // namespace

JsonWriter::JsonWriter(const SymbolTable &table, const Classification &classification)
	: table_(table), classification_(classification)
{
}

nlohmann::json JsonWriter::keys(Category category) const
{
	const std::vector<SymbolId> ids = classification_.members(category);
	std::vector<std::string> names;

	std::transform(ids.begin(), ids.end(), std::back_inserter(names),
		       [this](SymbolId id) { return table_.at(id).key; });
	// Ids are in key order already; sorting here keeps the output's
	// promise independent of how SymbolTable numbers symbols.
	std::sort(names.begin(), names.end());
	return names;
}

nlohmann::json JsonWriter::interface_details() const
{
	nlohmann::json details = nlohmann::json::object();

	for (const SymbolId id : classification_.members(Category::Interface)) {
		const Symbol &s = table_.at(id);

		details[s.key] = {
			{ "name", s.name },
			{ "static", s.is_static },
			{ "unit", s.unit },
			{ "file", s.file },
			{ "line", s.line },
			{ "signature", s.signature },
		};
	}
	return details;
}

nlohmann::json JsonWriter::to_json() const
{
	return {
		{ "format", kFormat },
		{ "functions",
		  {
			  { "interface", keys(Category::Interface) },
			  { "internal", keys(Category::Internal) },
			  { "external", keys(Category::FunctionExternal) },
		  } },
		{ "interface_details", interface_details() },
		{ "variables",
		  {
			  { "shared", keys(Category::Shared) },
			  { "private", keys(Category::Private) },
			  { "external", keys(Category::VariableExternal) },
		  } },
	};
}

std::string JsonWriter::render() const
{
	return to_json().dump(2) + "\n";
}

} // namespace sched_boundary
