// SPDX-License-Identifier: GPL-2.0
#include "ModuleAbi.hh"

#include <optional>
#include <sstream>

#include "AbiDescription.hh"
#include "Error.hh"
#include "TypeLayouts.hh"

namespace sched_boundary {

ModuleAbi::ModuleAbi(const std::string &kernel_description,
		     const std::vector<UnitFacts> &module_units)
{
	const TypeLayouts module(module_units);
	const std::string header = AbiDescription::kHeader;
	std::istringstream in(kernel_description);
	std::string line, kernel_block, name;

	// The description's blocks of one type (one per variant) are adjacent.
	auto end_type = [&]() {
		if (name.empty())
			return;
		const std::string own = module.has(name) ? module.describe(name) : kernel_block;

		if (own != kernel_block)
			differing_.push_back(name);
		text_ += own;
		name.clear();
		kernel_block.clear();
	};

	if (kernel_description.compare(0, header.size(), header) != 0)
		throw InputError("--kernel: not a sched_live ABI description");
	while (std::getline(in, line)) {
		if (line.compare(0, 1, "\t") == 0 && !name.empty()) {
			kernel_block += line + "\n";
			continue;
		}
		const std::optional<std::string> next = TypeLayouts::heading_name(line);

		if (next && line + "\n" != TypeLayouts::heading(*next, AbiDescription::kIncomplete)) {
			if (*next != name)
				end_type();
			name = *next;
			kernel_block += line + "\n";
			continue;
		}
		end_type();
		text_ += line + "\n";
	}
	end_type();
	hash_ = AbiDescription::fnv1a(text_);
}

} // namespace sched_boundary
