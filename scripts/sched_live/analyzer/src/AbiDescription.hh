// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_ABI_DESCRIPTION_H
#define SCHED_BOUNDARY_ABI_DESCRIPTION_H

#include <cstdint>
#include <string>
#include <vector>

#include "Classification.hh"
#include "Facts.hh"
#include "SymbolTable.hh"

namespace sched_boundary {

// The module ABI of a boundary as canonical text, and its hash.  A module
// built against one boundary may run on a kernel only if both agree on
// everything they exchange: the interface prototypes, the shared variables
// and their types, and the layout of every struct and union these name,
// followed through members, pointers and prototypes.  One fact per line,
// sorted, without source locations (moving a definition changes nothing),
// so that the descriptions of two kernels can be diffed to see why their
// hashes differ.
class AbiDescription {
public:
	// All three must outlive the description only during construction.
	AbiDescription(const std::vector<UnitFacts> &units, const SymbolTable &table,
		       const Classification &classification);

	const std::string &text() const { return text_; }
	// FNV-1a (64 bits) of text().
	std::uint64_t hash() const { return hash_; }
	// How many struct and union layouts the description holds.
	std::size_t type_count() const { return type_count_; }

	// The description's first line.
	static constexpr const char *kHeader = "sched_live ABI description, format 1\n";
	// What a type no unit defines completely is described as.
	static constexpr const char *kIncomplete = "incomplete";

	static std::uint64_t fnv1a(const std::string &bytes);
	// As C writes it: "0x0123456789abcdefULL".
	static std::string c_literal(std::uint64_t hash);

private:
	std::string text_;
	std::uint64_t hash_ = 0;
	std::size_t type_count_ = 0;
};

} // namespace sched_boundary

#endif
