// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_BOUNDARY_HEADER_H
#define SCHED_BOUNDARY_BOUNDARY_HEADER_H

#include <string>
#include <vector>

#include "AbiDescription.hh"
#include "Classification.hh"
#include "SymbolTable.hh"

namespace sched_boundary {

// include/generated/sched_live_boundary.h: the boundary in C for the
// kernel's sched_live code and for scheduler modules.  X-macro lists of
// the interface functions and of the shared file-scope variables, sorted
// by key, and the ABI hash.
class BoundaryHeader {
public:
	// All three must outlive the header.
	BoundaryHeader(const SymbolTable &table, const Classification &classification,
		       const AbiDescription &abi);

	// Throws InputError if a listed name is not a C identifier.
	std::string render() const;

private:
	std::vector<const Symbol *> listed(Category category) const;
	std::string list(const char *macro, Category category) const;

	const SymbolTable &table_;
	const Classification &classification_;
	const AbiDescription &abi_;
};

} // namespace sched_boundary

#endif
