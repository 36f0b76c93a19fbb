// SPDX-License-Identifier: GPL-2.0
#include "ReportWriter.hh"

#include <vector>

namespace sched_boundary {

namespace {

// A table cell must not end the cell early.
std::string cell(const std::string &text)
{
	std::string out;

	for (const char c : text) {
		if (c == '|')
			out += '\\';
		out += c == '\n' ? ' ' : c;
	}
	return out;
}

std::string code(const std::string &text)
{
	return text.empty() ? std::string() : "`" + cell(text) + "`";
}

} // namespace

ReportWriter::ReportWriter(const SymbolTable &table,
			   const Classification &classification,
			   const Explainer &explainer)
	: table_(table), classification_(classification), explainer_(explainer)
{
}

std::string ReportWriter::counts() const
{
	std::string text = "| Set | Count |\n| --- | ---: |\n";

	for (const Category category : Classification::kSets)
		text += std::string("| ") + Classification::set_name(category) + " | " +
			std::to_string(classification_.count(category)) + " |\n";
	return text;
}

std::string ReportWriter::interface_table() const
{
	const std::vector<SymbolId> ids = classification_.members(Category::Interface);
	std::string text;

	if (ids.empty())
		return "None.\n";
	text = "| Function | Location | Signature | Why |\n"
	       "| --- | --- | --- | --- |\n";
	for (const SymbolId id : ids) {
		const Symbol &s = table_.at(id);

		text += "| " + code(explainer_.display_name(id)) + " | " +
			code(s.file + ":" + std::to_string(s.line)) + " | " +
			code(s.signature) + " | " + cell(explainer_.describe(id)) +
			" |\n";
	}
	return text;
}

std::string ReportWriter::shared_table() const
{
	const std::vector<SymbolId> ids = classification_.members(Category::Shared);
	std::string text;

	if (ids.empty())
		return "None.\n";
	text = "| Variable | Location | Type | Why |\n"
	       "| --- | --- | --- | --- |\n";
	for (const SymbolId id : ids) {
		const Symbol &s = table_.at(id);

		text += "| " + code(explainer_.display_name(id)) + " | " +
			code(s.file + ":" + std::to_string(s.line)) + " | " +
			code(s.type) + " | " + cell(explainer_.describe(id)) + " |\n";
	}
	return text;
}

std::string ReportWriter::render(const BoundaryDiff *since) const
{
	std::string changes;

	if (since)
		changes = "\n## Changes since the previous boundary\n\n" + since->render();
	return "# sched_live boundary report\n\n"
	       "## Counts\n\n" +
	       counts() +
	       "\n## Interface functions\n\n"
	       "Functions in the module that code staying in vmlinux reaches.\n\n" +
	       interface_table() +
	       "\n## Shared data\n\n"
	       "Variables in the boundary files that code staying in vmlinux also "
	       "uses: the module must not bring its own copy.\n\n" +
	       shared_table() + changes;
}

} // namespace sched_boundary
