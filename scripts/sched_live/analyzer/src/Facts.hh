// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_FACTS_H
#define SCHED_BOUNDARY_FACTS_H

#include <string>
#include <vector>

namespace sched_boundary {

// The facts as the plugin wrote them, before names are resolved across
// units; field meanings are those of FORMAT.md.

enum class Linkage { Static, Global, Weak };

enum class SymbolKind { Function, Variable };

struct Ref {
	std::string name;
	bool is_static = false;
};

enum class AddressUseKind { Store, CallArg };

struct AddressUse {
	Ref target;
	AddressUseKind use = AddressUseKind::Store;
	Ref callee;	// meaningful only for CallArg
};

struct InitializerRef {
	Ref ref;
	SymbolKind kind = SymbolKind::Function;
};

struct FunctionFacts {
	std::string name;
	Linkage linkage = Linkage::Global;
	std::string file;
	int line = 0;
	int end_line = 0;
	std::string signature;
	std::vector<std::string> records;	// structs and unions it names
	std::vector<std::string> attributes;
	std::vector<Ref> calls;
	std::vector<AddressUse> address_of;
	std::vector<Ref> reads;
	std::vector<Ref> writes;
};

struct VariableFacts {
	std::string name;
	Linkage linkage = Linkage::Global;
	std::string file;
	int line = 0;
	std::string type;
	std::string declaration;	// C declarator of the variable
	std::vector<std::string> records;
	bool per_cpu = false;
	std::string section;
	std::string scope;
	std::vector<InitializerRef> refs;
};

struct FieldLayout {
	std::string name;
	int offset = 0;		// bits
	int bits = 0;		// -1: a flexible array
	std::string type;
	std::vector<std::string> records;

	bool operator==(const FieldLayout &o) const
	{
		return name == o.name && offset == o.offset && bits == o.bits &&
		       type == o.type && records == o.records;
	}
};

struct TypeLayout {
	std::string name;	// "struct rq"
	std::string file;
	int line = 0;
	int size = 0;		// bytes
	std::vector<FieldLayout> fields;
};

struct UnitFacts {
	std::string unit;
	// Where the facts came from, so that messages can name the file.
	std::string origin;
	std::vector<FunctionFacts> functions;
	std::vector<VariableFacts> variables;
	std::vector<TypeLayout> types;
};

} // namespace sched_boundary

#endif
