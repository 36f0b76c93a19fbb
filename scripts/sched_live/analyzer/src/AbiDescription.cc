// SPDX-License-Identifier: GPL-2.0
#include "AbiDescription.hh"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace sched_boundary {

namespace {

bool same_layout(const TypeLayout &a, const TypeLayout &b)
{
	return a.size == b.size && a.fields == b.fields;
}

// Every unit that sees a complete definition records it; the variants
// differ only if two definitions of one tag exist, and then both count.
std::map<std::string, std::vector<const TypeLayout *>>
layouts_by_name(const std::vector<UnitFacts> &units)
{
	std::map<std::string, std::vector<const TypeLayout *>> layouts;

	for (const UnitFacts &unit : units) {
		for (const TypeLayout &type : unit.types) {
			std::vector<const TypeLayout *> &variants = layouts[type.name];
			bool known = false;

			for (const TypeLayout *v : variants)
				known |= same_layout(*v, type);
			if (!known)
				variants.push_back(&type);
		}
	}
	return layouts;
}

std::string describe(const TypeLayout &type)
{
	std::string text = "type " + type.name + ": " + std::to_string(type.size) +
			   " bytes\n";

	for (const FieldLayout &f : type.fields)
		text += "\tfield " + std::to_string(f.offset) + " " +
			std::to_string(f.bits) + " " + f.name + ": " + f.type + "\n";
	return text;
}

} // namespace

AbiDescription::AbiDescription(const std::vector<UnitFacts> &units,
			       const SymbolTable &table,
			       const Classification &classification)
{
	const auto layouts = layouts_by_name(units);
	std::set<std::string> crossing;
	std::vector<std::string> work;
	auto reach = [&crossing, &work](const std::vector<std::string> &records) {
		for (const std::string &name : records)
			if (crossing.insert(name).second)
				work.push_back(name);
	};

	std::vector<std::string> lines;

	// Symbol ids follow the input order; the text must not.
	for (const SymbolId id : classification.members(Category::Interface)) {
		const Symbol &s = table.at(id);

		lines.push_back("function " + s.key + ": " + s.signature + "\n");
		reach(s.records);
	}
	for (const SymbolId id : classification.members(Category::Shared)) {
		const Symbol &s = table.at(id);

		lines.push_back("variable " + s.key + ": " + s.type + "\n");
		reach(s.records);
	}
	std::sort(lines.begin(), lines.end());
	text_ = "sched_live ABI description, format 1\n";
	for (const std::string &line : lines)
		text_ += line;
	while (!work.empty()) {
		const auto found = layouts.find(work.back());

		work.pop_back();
		if (found == layouts.end())
			continue;
		for (const TypeLayout *variant : found->second)
			for (const FieldLayout &f : variant->fields)
				reach(f.records);
	}
	for (const std::string &name : crossing) {
		const auto found = layouts.find(name);

		if (found == layouts.end()) {
			text_ += "type " + name + ": incomplete\n";
			continue;
		}
		std::vector<std::string> variants;

		for (const TypeLayout *variant : found->second)
			variants.push_back(describe(*variant));
		std::sort(variants.begin(), variants.end());
		for (const std::string &v : variants)
			text_ += v;
		type_count_++;
	}
	hash_ = fnv1a(text_);
}

std::string AbiDescription::c_literal(std::uint64_t hash)
{
	char buf[32];

	std::snprintf(buf, sizeof(buf), "0x%016llxULL",
		      static_cast<unsigned long long>(hash));
	return buf;
}

std::uint64_t AbiDescription::fnv1a(const std::string &bytes)
{
	std::uint64_t hash = 0xcbf29ce484222325ULL;

	for (const unsigned char c : bytes) {
		hash ^= c;
		hash *= 0x100000001b3ULL;
	}
	return hash;
}

} // namespace sched_boundary
