// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_MODULE_TREE_H
#define SCHED_BOUNDARY_MODULE_TREE_H

#include <map>
#include <set>
#include <string>

#include "BoundaryConfig.hh"
#include "Classification.hh"
#include "ConfigBinding.hh"
#include "ModuleCode.hh"
#include "SymbolTable.hh"

namespace sched_boundary {

// The extracted scheduler: the sources of a module made of the boundary's
// interface and internal code, written from the kernel's own files.
//
// Every unit is copied, without the #include of the .c files that are not
// in the boundary; every boundary .c file is copied, without the functions
// the module does not keep (ModuleCode), with vmlinux's variables turned
// into extern declarations of their link names, and without what only a
// built-in scheduler does: CREATE_TRACE_POINTS (the tracepoints are
// vmlinux's), EXPORT_SYMBOL*() (vmlinux exports its own copy), initcalls,
// __setup() and early_param().  Interface functions and shared variables
// are marked: their prototypes and types are the module ABI.  The headers
// beside the units are copied as they are.  A Kbuild file and the module's
// glue complete the tree.
class ModuleTree {
public:
	// All must outlive the tree; srctree is the kernel source directory.
	ModuleTree(std::string srctree, const BoundaryConfig &config,
		   const SymbolTable &table, const Classification &classification,
		   const ModuleCode &code);

	// Whether name is one of the files render() writes: the tree's
	// directory also holds the module's build output.
	static bool is_source(const std::string &name);

	// File name (flat, no directories) -> contents.  Throws InputError
	// when the sources do not match the facts (a definition the text
	// does not show, a deletion across a kept definition).
	std::map<std::string, std::string> render() const;

private:
	std::set<std::string> units() const;
	std::string unit_dir() const;
	std::string render_c_file(const std::string &path, bool is_unit) const;
	std::string implementations(const std::string &unit) const;

	std::string srctree_;
	const BoundaryConfig &config_;
	const SymbolTable &table_;
	const Classification &classification_;
	const ModuleCode &code_;
};

} // namespace sched_boundary

#endif
