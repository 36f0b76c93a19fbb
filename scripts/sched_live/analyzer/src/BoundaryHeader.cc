// SPDX-License-Identifier: GPL-2.0
#include "BoundaryHeader.hh"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <vector>

#include "Error.hh"

namespace sched_boundary {

namespace {

std::string c_string(const std::string &text)
{
	std::string out = "\"";

	for (const char c : text) {
		if (c == '"' || c == '\\')
			out += '\\';
		out += c;
	}
	return out + "\"";
}

bool is_identifier(const std::string &name)
{
	if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])))
		return false;
	return std::all_of(name.begin(), name.end(), [](char c) {
		return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
	});
}


} // namespace

BoundaryHeader::BoundaryHeader(const SymbolTable &table,
			       const Classification &classification,
			       const AbiDescription &abi)
	: table_(table), classification_(classification), abi_(abi)
{
}

// A static local to a function has no name C could use; the module never
// refers to those of the functions that stay in vmlinux.
std::vector<const Symbol *> BoundaryHeader::listed(Category category) const
{
	std::vector<const Symbol *> symbols;

	for (const SymbolId id : classification_.members(category))
		if (table_.at(id).scope.empty())
			symbols.push_back(&table_.at(id));
	std::sort(symbols.begin(), symbols.end(),
		  [](const Symbol *a, const Symbol *b) { return a->key < b->key; });
	return symbols;
}

std::string BoundaryHeader::list(const char *macro, Category category) const
{
	std::string text = std::string("#define ") + macro + "(X)";

	for (const Symbol *s : listed(category)) {
		if (!is_identifier(s->name))
			throw InputError(s->key + ": not a C identifier, cannot be listed in " +
					 macro);
		text += " \\\n\tX(" + s->name + ", " + c_string(s->unit) + ", " +
			(s->is_static ? "1" : "0") + ", " +
			c_string(s->kind == SymbolKind::Function ? s->signature : s->type) +
			")";
	}
	return text + "\n";
}

std::string BoundaryHeader::render() const
{
	return "/* SPDX-License-Identifier: GPL-2.0 */\n"
	       "/*\n"
	       " * The boundary of the live-replaceable scheduler, written by\n"
	       " * sched-boundary-analyze from kernel/sched/live/boundary.conf and the\n"
	       " * scheduler's facts.  Do not edit.\n"
	       " */\n"
	       "#ifndef __SCHED_LIVE_BOUNDARY_H\n"
	       "#define __SCHED_LIVE_BOUNDARY_H\n"
	       "\n"
	       "/* FNV-1a of the ABI description, kernel/sched/live/boundary.abi */\n"
	       "#define SCHED_LIVE_ABI_HASH\t" + AbiDescription::c_literal(abi_.hash()) + "\n"
	       "\n"
	       "#define SCHED_LIVE_NR_INTERFACE\t" +
	       std::to_string(listed(Category::Interface).size()) + "\n"
	       "#define SCHED_LIVE_NR_SHARED\t" +
	       std::to_string(listed(Category::Shared).size()) + "\n"
	       "\n"
	       "/*\n"
	       " * X(name, unit, is_static, prototype) for every interface function,\n"
	       " * and X(name, unit, is_static, type) for every shared variable, sorted\n"
	       " * by name (by unit and name for statics).\n"
	       " */\n" +
	       list("SCHED_LIVE_INTERFACE", Category::Interface) + "\n" +
	       list("SCHED_LIVE_SHARED_DATA", Category::Shared) + "\n"
	       "#endif /* __SCHED_LIVE_BOUNDARY_H */\n";
}

} // namespace sched_boundary
