// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_MODULE_CODE_H
#define SCHED_BOUNDARY_MODULE_CODE_H

#include <set>
#include <string>
#include <vector>

#include "Classification.hh"
#include "ConfigBinding.hh"
#include "SymbolTable.hh"

namespace sched_boundary {

// What the module's code is made of: the functions of the boundary files
// reachable from the interface and from the variables the config makes
// private, and what they use.  Boot-only code
// (__init) is no entry point: it ran before any module could be loaded,
// so sched_init() and the initcalls of the files stay out of the module,
// and so does whatever only they reach.
class ModuleCode {
public:
	// All three must outlive the object.
	ModuleCode(const SymbolTable &table, const ConfigBinding &binding,
		   const Classification &classification);

	// A function of the boundary files the module keeps.
	bool keeps(SymbolId id) const { return kept_.at(id); }
	// A variable the module's code (or a kept private initializer) uses,
	// or a function of vmlinux it calls or takes the address of.
	bool uses(SymbolId id) const { return used_.at(id); }
	// The symbols of vmlinux the module's code refers to: what it uses
	// but does not bring, by link name (LinkName.hh), sorted.
	const std::set<std::string> &vmlinux_refs() const { return vmlinux_refs_; }
	// The same, but for statics the module cannot reach, by key.
	const std::set<std::string> &unreachable() const { return unreachable_; }
	// The function-local statics the module would carry a copy of although
	// their type holds shared state (the config's shared_state_types), as
	// "file:function(): name (type)".
	const std::set<std::string> &duplicated_state() const
	{
		return duplicated_state_;
	}

	// The keys of the interface functions the module keeps, sorted.
	std::set<std::string> interface() const;
	// The keys of the functions of the files the module keeps, sorted:
	// the vmlinux code that an active module bypasses.
	std::set<std::string> replaced() const;

	static bool is_boot_only(const Symbol &s);

private:
	bool carried(SymbolId id) const;
	bool is_configured_private(SymbolId id) const;
	bool published(SymbolId id) const;
	void reach(SymbolId used, std::vector<SymbolId> &work);
	void check_copy(SymbolId id);

	const SymbolTable &table_;
	const ConfigBinding &binding_;
	const Classification &classification_;
	std::vector<bool> kept_;
	std::vector<bool> used_;
	std::vector<bool> address_taken_;
	std::set<std::string> vmlinux_refs_;
	std::set<std::string> unreachable_;
	std::set<std::string> duplicated_state_;
};

} // namespace sched_boundary

#endif
