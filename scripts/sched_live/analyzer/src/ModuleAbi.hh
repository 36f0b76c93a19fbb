// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_MODULE_ABI_H
#define SCHED_BOUNDARY_MODULE_ABI_H

#include <cstdint>
#include <string>
#include <vector>

#include "Facts.hh"

namespace sched_boundary {

// A scheduler module's ABI description as its own build lays the shared
// objects out: the kernel's description (AbiDescription, boundary.abi in
// the kernel's build directory), each struct and union in it described
// by the layouts the module's units were compiled with.  It equals the
// kernel's, hash included, unless the module's headers lay out a type
// that crosses the boundary differently, as a module whose sched.h adds
// a field to struct cfs_rq does; the kernel then refuses to register it.
// A type the module's units never complete is no concern of theirs: the
// kernel's description of it stands.
class ModuleAbi {
public:
	// Throws InputError for a kernel description that does not parse.
	ModuleAbi(const std::string &kernel_description,
		  const std::vector<UnitFacts> &module_units);

	const std::string &text() const { return text_; }
	std::uint64_t hash() const { return hash_; }
	// The types the module lays out unlike the kernel, sorted.
	const std::vector<std::string> &differing() const { return differing_; }

private:
	std::string text_;
	std::uint64_t hash_ = 0;
	std::vector<std::string> differing_;
};

} // namespace sched_boundary

#endif
