// SPDX-License-Identifier: GPL-2.0
#include "AbiDescription.hh"

#include <algorithm>
#include <cstdio>
#include <set>

#include "TypeLayouts.hh"

namespace sched_boundary {

AbiDescription::AbiDescription(const std::vector<UnitFacts> &units,
			       const SymbolTable &table,
			       const Classification &classification)
{
	const TypeLayouts layouts(units);
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
	text_ = kHeader;
	for (const std::string &line : lines)
		text_ += line;
	while (!work.empty()) {
		const std::string name = work.back();

		work.pop_back();
		for (const TypeLayout *variant : layouts.variants(name))
			for (const FieldLayout &f : variant->fields)
				reach(f.records);
	}
	for (const std::string &name : crossing) {
		if (!layouts.has(name)) {
			text_ += TypeLayouts::heading(name, kIncomplete);
			continue;
		}
		text_ += layouts.describe(name);
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
