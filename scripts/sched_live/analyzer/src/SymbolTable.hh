// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_SYMBOL_TABLE_H
#define SCHED_BOUNDARY_SYMBOL_TABLE_H

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "Facts.hh"

namespace sched_boundary {

// Index into SymbolTable.  Symbols are numbered in key order, so iterating
// by id is deterministic whatever order the facts files came in.
using SymbolId = std::size_t;

struct AddressEdge {
	SymbolId target = 0;
	AddressUseKind use = AddressUseKind::Store;
	SymbolId callee = 0;	// meaningful only for CallArg
};

struct Symbol {
	SymbolKind kind = SymbolKind::Function;
	// The global name, or "<unit>:<name>" for a static: a static inline
	// function in a header is a separate symbol in every unit using it.
	std::string key;
	std::string name;
	bool is_static = false;
	// False for a global that is referenced but that no analysed unit
	// defines: it is outside the analysed code, only its name is known.
	bool defined = false;
	std::string unit;
	Linkage linkage = Linkage::Global;
	std::string file;
	int line = 0;
	int end_line = 0;	// functions: the closing brace
	std::string signature;	// functions
	std::vector<std::string> attributes;	// functions
	std::string type;	// variables
	std::string declaration;	// variables: as a C declarator
	bool per_cpu = false;
	std::string section;	// variables
	std::vector<std::string> records;	// structs and unions its type names
	std::string scope;	// variables: the function a local static is in

	std::vector<SymbolId> calls;
	std::vector<AddressEdge> addresses;
	std::vector<SymbolId> reads;
	std::vector<SymbolId> writes;
	std::vector<SymbolId> initializer;
};

// Every defined symbol of the analysed units plus every global they
// reference without defining, with all REFs resolved to ids.
class SymbolTable {
public:
	// Throws InputError for inconsistent facts: a unit given twice, two
	// global definitions of a name, a static REF the unit does not define,
	// a name used both as a function and as a variable.
	explicit SymbolTable(const std::vector<UnitFacts> &units);

	std::size_t size() const { return symbols_.size(); }
	const Symbol &at(SymbolId id) const { return symbols_.at(id); }
	const std::vector<Symbol> &symbols() const { return symbols_; }

	std::optional<SymbolId> find(const std::string &key) const;
	// The statics called name, in every unit.
	std::vector<SymbolId> statics_named(const std::string &name) const;
	// What a user means by spelled: "name" is the global of that name, or
	// failing that every static of that name; "file:name" is every static
	// of that name whose body is in file, or that unit defines.
	std::vector<SymbolId> lookup(const std::string &spelled) const;

private:
	std::vector<Symbol> symbols_;
	std::map<std::string, SymbolId> by_key_;
	std::map<std::string, std::vector<SymbolId>> statics_by_name_;
};

} // namespace sched_boundary

#endif
