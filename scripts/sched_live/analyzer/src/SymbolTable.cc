// SPDX-License-Identifier: GPL-2.0
#include "SymbolTable.hh"

#include <algorithm>
#include <functional>
#include <tuple>

#include "Error.hh"

namespace sched_boundary {

namespace {

const char *kind_name(SymbolKind kind)
{
	return kind == SymbolKind::Function ? "function" : "variable";
}

// One definition from the facts, before it is numbered.
struct Definition {
	SymbolKind kind = SymbolKind::Function;
	const UnitFacts *unit = nullptr;
	const FunctionFacts *function = nullptr;
	const VariableFacts *variable = nullptr;

	const std::string &name() const
	{
		return function ? function->name : variable->name;
	}
	Linkage linkage() const
	{
		return function ? function->linkage : variable->linkage;
	}
	std::string where() const
	{
		return unit->origin + ": " + kind_name(kind) + " " + name();
	}
};

struct ResolvedAddress {
	std::string target;
	AddressUseKind use;
	std::string callee;
};

// A definition's references, resolved to symbol keys.
struct ResolvedRefs {
	std::vector<std::string> calls;
	std::vector<ResolvedAddress> addresses;
	std::vector<std::string> reads;
	std::vector<std::string> writes;
	std::vector<std::string> initializer;
};

std::string static_key(const std::string &unit, const std::string &name)
{
	return unit + ":" + name;
}

template <typename T, typename Less = std::less<T>, typename Equal = std::equal_to<T>>
void sort_unique(std::vector<T> &v, Less less = Less(), Equal equal = Equal())
{
	std::sort(v.begin(), v.end(), less);
	v.erase(std::unique(v.begin(), v.end(), equal), v.end());
}

// The plugin sorts its lists by name, but which reason a symbol gets must
// not depend on that either: order the edges by id.
void canonicalize(Symbol &s)
{
	const auto tied = [](const AddressEdge &e) {
		return std::tie(e.target, e.use, e.callee);
	};

	sort_unique(s.calls);
	sort_unique(s.reads);
	sort_unique(s.writes);
	sort_unique(s.initializer);
	sort_unique(
		s.addresses,
		[&tied](const AddressEdge &a, const AddressEdge &b) { return tied(a) < tied(b); },
		[&tied](const AddressEdge &a, const AddressEdge &b) { return tied(a) == tied(b); });
}

// Turns the units' facts into numbered, resolved symbols.  Lives only for
// the duration of one SymbolTable construction.
class SymbolsBuilder {
public:
	explicit SymbolsBuilder(const std::vector<UnitFacts> &units);

	std::vector<Symbol> build();

private:
	void define_all();
	void define(const Definition &def);
	void define_global(const Definition &def);
	ResolvedRefs resolve_all(const Definition &def);
	std::string resolve(const Ref &ref, const Definition &from,
			    SymbolKind kind);
	Symbol make_symbol(const std::string &key) const;

	std::vector<const UnitFacts *> units_;
	std::map<std::string, Definition> definitions_;
	std::map<std::string, SymbolKind> outside_;
};

SymbolsBuilder::SymbolsBuilder(const std::vector<UnitFacts> &units)
{
	std::transform(units.begin(), units.end(), std::back_inserter(units_),
		       [](const UnitFacts &u) { return &u; });
	// Sorted, so that which of several weak definitions wins and which
	// duplicate an error names do not depend on the argument order.
	std::sort(units_.begin(), units_.end(),
		  [](const UnitFacts *a, const UnitFacts *b) {
			  return std::tie(a->unit, a->origin) <
				 std::tie(b->unit, b->origin);
		  });
	const auto dup = std::adjacent_find(units_.begin(), units_.end(),
					    [](const UnitFacts *a, const UnitFacts *b) {
						    return a->unit == b->unit;
					    });
	if (dup != units_.end())
		throw InputError("unit " + (*dup)->unit + " is given twice: " +
				 (*dup)->origin + " and " + dup[1]->origin);
}

void SymbolsBuilder::define_all()
{
	for (const UnitFacts *unit : units_) {
		for (const FunctionFacts &f : unit->functions)
			define({ SymbolKind::Function, unit, &f, nullptr });
		for (const VariableFacts &v : unit->variables)
			define({ SymbolKind::Variable, unit, nullptr, &v });
	}
}

void SymbolsBuilder::define(const Definition &def)
{
	if (def.name().empty() || def.name().find(':') != std::string::npos)
		throw InputError(def.where() + ": not a symbol name");
	if (def.linkage() != Linkage::Static) {
		define_global(def);
		return;
	}
	if (!definitions_.emplace(static_key(def.unit->unit, def.name()), def).second)
		throw InputError(def.where() + ": unit " + def.unit->unit +
				 " defines static " + def.name() + " twice");
}

// The linker's rule: one global definition, which beats any weak ones.
void SymbolsBuilder::define_global(const Definition &def)
{
	const auto [it, inserted] = definitions_.emplace(def.name(), def);
	Definition &old = it->second;

	if (inserted)
		return;
	if (old.kind != def.kind)
		throw InputError(def.where() + ": " + def.name() + " is also a " +
				 kind_name(old.kind) + " in " + old.unit->origin);
	if (old.linkage() == Linkage::Global && def.linkage() == Linkage::Global)
		throw InputError(def.where() + ": " + def.name() +
				 " is also defined in " + old.unit->origin);
	if (old.linkage() == Linkage::Weak && def.linkage() == Linkage::Global)
		old = def;
}

std::string SymbolsBuilder::resolve(const Ref &ref, const Definition &from,
				    SymbolKind kind)
{
	if (ref.is_static) {
		const std::string key = static_key(from.unit->unit, ref.name);
		const auto it = definitions_.find(key);

		if (it == definitions_.end())
			throw InputError(from.where() + ": refers to static " +
					 ref.name + ", which unit " +
					 from.unit->unit + " does not define");
		if (it->second.kind != kind)
			throw InputError(from.where() + ": uses " + ref.name +
					 " as a " + kind_name(kind) +
					 ", but it is a " + kind_name(it->second.kind));
		return key;
	}
	if (ref.name.empty() || ref.name.find(':') != std::string::npos)
		throw InputError(from.where() + ": refers to \"" + ref.name +
				 "\", which is not a symbol name");

	const auto it = definitions_.find(ref.name);
	if (it != definitions_.end()) {
		if (it->second.kind != kind)
			throw InputError(from.where() + ": uses " + ref.name +
					 " as a " + kind_name(kind) +
					 ", but it is a " + kind_name(it->second.kind) +
					 " in " + it->second.unit->origin);
		return ref.name;
	}
	const auto [out, inserted] = outside_.emplace(ref.name, kind);
	if (!inserted && out->second != kind)
		throw InputError(from.where() + ": uses " + ref.name + " as a " +
				 kind_name(kind) + ", but elsewhere it is a " +
				 kind_name(out->second));
	return ref.name;
}

ResolvedRefs SymbolsBuilder::resolve_all(const Definition &def)
{
	ResolvedRefs out;
	const auto resolve_each = [this, &def](const std::vector<Ref> &refs,
					       SymbolKind kind) {
		std::vector<std::string> keys;

		for (const Ref &ref : refs)
			keys.push_back(resolve(ref, def, kind));
		return keys;
	};

	if (def.function) {
		out.calls = resolve_each(def.function->calls, SymbolKind::Function);
		for (const AddressUse &use : def.function->address_of) {
			ResolvedAddress a{ resolve(use.target, def, SymbolKind::Function),
					   use.use, "" };

			if (use.use == AddressUseKind::CallArg)
				a.callee = resolve(use.callee, def, SymbolKind::Function);
			out.addresses.push_back(std::move(a));
		}
		out.reads = resolve_each(def.function->reads, SymbolKind::Variable);
		out.writes = resolve_each(def.function->writes, SymbolKind::Variable);
	} else {
		for (const InitializerRef &ref : def.variable->refs)
			out.initializer.push_back(resolve(ref.ref, def, ref.kind));
	}
	return out;
}

Symbol SymbolsBuilder::make_symbol(const std::string &key) const
{
	Symbol s;
	const auto def = definitions_.find(key);

	s.key = key;
	if (def == definitions_.end()) {
		s.kind = outside_.at(key);
		s.name = key;
		return s;
	}
	const Definition &d = def->second;
	s.kind = d.kind;
	s.name = d.name();
	s.is_static = d.linkage() == Linkage::Static;
	s.defined = true;
	s.unit = d.unit->unit;
	s.linkage = d.linkage();
	if (d.function) {
		s.file = d.function->file;
		s.line = d.function->line;
		s.end_line = d.function->end_line;
		s.signature = d.function->signature;
		s.records = d.function->records;
		s.attributes = d.function->attributes;
	} else {
		s.file = d.variable->file;
		s.line = d.variable->line;
		s.type = d.variable->type;
		s.declaration = d.variable->declaration;
		s.per_cpu = d.variable->per_cpu;
		s.section = d.variable->section;
		s.records = d.variable->records;
		s.scope = d.variable->scope;
	}
	return s;
}

std::vector<Symbol> SymbolsBuilder::build()
{
	std::map<std::string, ResolvedRefs> resolved;
	std::map<std::string, SymbolId> ids;
	std::vector<Symbol> symbols;

	define_all();
	// Resolving first finds every outside name, so that all keys are
	// known before they are numbered.
	for (const auto &[key, def] : definitions_)
		resolved.emplace(key, resolve_all(def));
	for (const auto &entry : definitions_)
		ids.emplace(entry.first, 0);
	for (const auto &entry : outside_)
		ids.emplace(entry.first, 0);
	for (auto &[key, id] : ids) {
		id = symbols.size();
		symbols.push_back(make_symbol(key));
	}

	const auto id_of = [&ids](const std::string &key) { return ids.at(key); };
	const auto ids_of = [&id_of](const std::vector<std::string> &keys) {
		std::vector<SymbolId> out;

		std::transform(keys.begin(), keys.end(), std::back_inserter(out), id_of);
		return out;
	};
	for (const auto &[key, refs] : resolved) {
		Symbol &s = symbols[id_of(key)];

		s.calls = ids_of(refs.calls);
		s.reads = ids_of(refs.reads);
		s.writes = ids_of(refs.writes);
		s.initializer = ids_of(refs.initializer);
		for (const ResolvedAddress &a : refs.addresses)
			s.addresses.push_back({ id_of(a.target), a.use,
						a.use == AddressUseKind::CallArg ?
							id_of(a.callee) : 0 });
		canonicalize(s);
	}
	return symbols;
}

} // namespace

SymbolTable::SymbolTable(const std::vector<UnitFacts> &units)
	: symbols_(SymbolsBuilder(units).build())
{
	for (SymbolId id = 0; id < symbols_.size(); id++) {
		by_key_.emplace(symbols_[id].key, id);
		if (symbols_[id].is_static)
			statics_by_name_[symbols_[id].name].push_back(id);
	}
}

std::optional<SymbolId> SymbolTable::find(const std::string &key) const
{
	const auto it = by_key_.find(key);

	if (it == by_key_.end())
		return std::nullopt;
	return it->second;
}

std::vector<SymbolId> SymbolTable::statics_named(const std::string &name) const
{
	const auto it = statics_by_name_.find(name);

	if (it == statics_by_name_.end())
		return {};
	return it->second;
}

std::vector<SymbolId> SymbolTable::lookup(const std::string &spelled) const
{
	const auto colon = spelled.rfind(':');

	if (colon == std::string::npos) {
		const std::optional<SymbolId> id = find(spelled);

		return id ? std::vector<SymbolId>{ *id } : statics_named(spelled);
	}

	const std::string where = spelled.substr(0, colon);
	const std::vector<SymbolId> statics = statics_named(spelled.substr(colon + 1));
	std::vector<SymbolId> ids;

	std::copy_if(statics.begin(), statics.end(), std::back_inserter(ids),
		     [this, &where](SymbolId id) {
			     return symbols_[id].file == where || symbols_[id].unit == where;
		     });
	return ids;
}

} // namespace sched_boundary
