// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_FACTS_LOADER_H
#define SCHED_BOUNDARY_FACTS_LOADER_H

#include <string>

#include <nlohmann/json.hpp>

#include "Facts.hh"

namespace sched_boundary {

// Reads one unit's facts file (FORMAT.md, "Facts file").  Every problem is
// an InputError naming the file and the offending field.
class FactsLoader {
public:
	UnitFacts load_file(const std::string &path) const;
	// origin names the text in messages.
	UnitFacts parse(const std::string &text, const std::string &origin) const;
	UnitFacts from_json(const nlohmann::json &facts,
			    const std::string &origin) const;
};

} // namespace sched_boundary

#endif
