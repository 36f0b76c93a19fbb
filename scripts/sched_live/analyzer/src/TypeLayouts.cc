// SPDX-License-Identifier: GPL-2.0
#include "TypeLayouts.hh"

#include <algorithm>

#include "Error.hh"

namespace sched_boundary {

namespace {

bool same_layout(const TypeLayout &a, const TypeLayout &b)
{
	return a.size == b.size && a.fields == b.fields;
}

constexpr const char *kHeadingStart = "type ";

std::string describe_one(const TypeLayout &type)
{
	std::string text = TypeLayouts::heading(type.name, std::to_string(type.size) + " bytes");

	for (const FieldLayout &f : type.fields)
		text += "\tfield " + std::to_string(f.offset) + " " +
			std::to_string(f.bits) + " " + f.name + ": " + f.type + "\n";
	return text;
}

} // namespace

TypeLayouts::TypeLayouts(const std::vector<UnitFacts> &units)
{
	for (const UnitFacts &unit : units) {
		for (const TypeLayout &type : unit.types) {
			std::vector<const TypeLayout *> &variants = layouts_[type.name];
			bool known = false;

			for (const TypeLayout *v : variants)
				known |= same_layout(*v, type);
			if (!known)
				variants.push_back(&type);
		}
	}
}

const std::vector<const TypeLayout *> &TypeLayouts::variants(const std::string &name) const
{
	static const std::vector<const TypeLayout *> none;
	const auto found = layouts_.find(name);

	return found == layouts_.end() ? none : found->second;
}

std::string TypeLayouts::describe(const std::string &name) const
{
	std::vector<std::string> blocks;
	std::string text;

	for (const TypeLayout *variant : variants(name))
		blocks.push_back(describe_one(*variant));
	std::sort(blocks.begin(), blocks.end());
	for (const std::string &block : blocks)
		text += block;
	return text;
}

std::string TypeLayouts::heading(const std::string &name, const std::string &what)
{
	return kHeadingStart + name + ": " + what + "\n";
}

std::optional<std::string> TypeLayouts::heading_name(const std::string &line)
{
	const std::string start = kHeadingStart;
	const std::size_t colon = line.find(": ", start.size());

	if (line.compare(0, start.size(), start) != 0)
		return std::nullopt;
	if (colon == std::string::npos)
		throw InputError("an ABI description has a malformed line: " + line);
	return line.substr(start.size(), colon - start.size());
}

} // namespace sched_boundary
