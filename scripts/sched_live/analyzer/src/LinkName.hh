// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_LINK_NAME_H
#define SCHED_BOUNDARY_LINK_NAME_H

#include <string>

#include "PublishedName.hh"
#include "SymbolTable.hh"

namespace sched_boundary {

// The name a scheduler module links against to reach a symbol of
// vmlinux.  A file-scope static of the scheduler's units has none of its
// own; the sched_boundary plugin publishes it under published_name().
inline std::string link_name(const Symbol &s)
{
	return s.is_static ? published_name(s.unit, s.name) : s.name;
}

} // namespace sched_boundary

#endif
