// SPDX-License-Identifier: GPL-2.0
#include "OutsideRefs.hh"

#include <algorithm>
#include <sstream>
#include <tuple>

#include "Error.hh"
#include "TextFile.hh"

namespace sched_boundary {

bool OutsideRef::operator<(const OutsideRef &o) const
{
	return std::tie(symbol, object) < std::tie(o.symbol, o.object);
}

bool OutsideRef::operator==(const OutsideRef &o) const
{
	return std::tie(symbol, object) == std::tie(o.symbol, o.object);
}

OutsideRefs OutsideRefs::load_file(const std::string &path)
{
	return parse(TextFile::read(path), path);
}

OutsideRefs OutsideRefs::parse(const std::string &text, const std::string &origin)
{
	std::istringstream in(text);
	std::string line;
	OutsideRefs refs;

	for (int number = 1; std::getline(in, line); number++) {
		std::istringstream words(line);
		OutsideRef ref;
		std::string extra;

		if (!(words >> ref.symbol) || ref.symbol.front() == '#')
			continue;
		if (!(words >> ref.object) || (words >> extra))
			throw InputError(origin + ":" + std::to_string(number) +
					 ": expected \"<symbol> <object>\", found \"" +
					 line + "\"");
		refs.entries_.push_back(std::move(ref));
	}
	std::sort(refs.entries_.begin(), refs.entries_.end());
	refs.entries_.erase(std::unique(refs.entries_.begin(), refs.entries_.end()),
			    refs.entries_.end());
	return refs;
}

} // namespace sched_boundary
