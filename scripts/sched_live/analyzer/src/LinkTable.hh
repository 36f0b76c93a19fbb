// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_LINK_TABLE_H
#define SCHED_BOUNDARY_LINK_TABLE_H

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "ModuleCode.hh"

namespace sched_boundary {

// The symbols of vmlinux that the module uses and that vmlinux does not
// export, resolved by the kernel when a scheduler module is loaded: no
// relocation is rewritten from userspace and nothing is looked up in
// kallsyms.  Two renderings: the C table linked into vmlinux, sorted by
// name for a binary search, and the same names in Module.symvers format,
// in the SCHED_LIVE namespace, for modpost to accept the module's
// references.
class LinkTable {
public:
	// Throws InputError if the module uses a static that has no link
	// name (ModuleCode::unreachable()).  With defined, only those names
	// are listed: the facts also show calls that the compiler then drops
	// (to a __compiletime_assert, to a function configured out), whose
	// targets vmlinux does not have.
	LinkTable(const ModuleCode &code, const std::set<std::string> &exported,
		  const std::optional<std::set<std::string>> &defined = std::nullopt);

	const std::set<std::string> &names() const { return names_; }
	// The C table also carries the kernel's ABI hash, the keys of the
	// interface functions a module may implement and the keys of the
	// functions whose vmlinux text an active module bypasses.
	std::string render_c(std::uint64_t abi_hash,
			     const std::set<std::string> &interface,
			     const std::set<std::string> &replaced) const;
	std::string render_symvers() const;

private:
	std::set<std::string> names_;
};

} // namespace sched_boundary

#endif
