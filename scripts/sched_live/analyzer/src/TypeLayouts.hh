// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_TYPE_LAYOUTS_H
#define SCHED_BOUNDARY_TYPE_LAYOUTS_H

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "Facts.hh"

namespace sched_boundary {

// The struct and union layouts some units record, by name.  Every unit
// that sees a complete definition records it; the variants of a name
// differ only if two definitions of one tag exist, and then both count.
class TypeLayouts {
public:
	// The units must outlive the object.
	explicit TypeLayouts(const std::vector<UnitFacts> &units);

	bool has(const std::string &name) const { return layouts_.count(name) != 0; }
	// The variants of name; none if no unit has a complete definition.
	const std::vector<const TypeLayout *> &variants(const std::string &name) const;
	// As an ABI description lists name: one block per variant, sorted.
	std::string describe(const std::string &name) const;

	// The line that opens a type's block in a description,
	// "type <name>: <what>\n".
	static std::string heading(const std::string &name, const std::string &what);
	// The name a description's line (without its newline) opens a block
	// of, if it is a heading.  Throws InputError for a "type " line
	// without a name.
	static std::optional<std::string> heading_name(const std::string &line);

private:
	std::map<std::string, std::vector<const TypeLayout *>> layouts_;
};

} // namespace sched_boundary

#endif
