// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_CONFIG_BINDING_H
#define SCHED_BOUNDARY_CONFIG_BINDING_H

#include <optional>
#include <string>
#include <vector>

#include "BoundaryConfig.hh"
#include "SymbolTable.hh"

namespace sched_boundary {

enum class ConfigList { Interface, External, Shared, Private };

// A config entry that forces the classification of a symbol.
struct ConfigEntry {
	ConfigList list = ConfigList::Interface;
	std::string name;	// as spelt in the config
	std::string why;
	bool prefix = false;	// name is an external prefix the symbol's has
};

// The boundary config applied to one symbol table: which symbols are in S
// and which the config forces.  Checking the names here, against the facts,
// is what catches a stale config.
class ConfigBinding {
public:
	// Throws InputError for a name that matches nothing (or the wrong
	// kind of symbol, or one outside the configured files) and for
	// conflicting entries.  table must outlive the binding.
	ConfigBinding(const BoundaryConfig &config, const SymbolTable &table);

	bool in_boundary(SymbolId id) const { return in_boundary_.at(id); }
	bool data_shared_by_default() const { return data_shared_by_default_; }
	const std::optional<ConfigEntry> &forced(SymbolId id) const
	{
		return forced_.at(id);
	}
	// In S, not kept in vmlinux by config.external and no weak default.
	bool in_module(SymbolId id) const;
	// A weak function of S: only a default, which vmlinux may link another
	// definition of (an architecture's), so it stays vmlinux's.
	bool weak_default(SymbolId id) const;
	bool forced_into(SymbolId id, ConfigList list) const;
	// The first of the structs and unions a variable's type names that
	// the config calls shared state, if any.
	std::optional<std::string> shared_state_record(SymbolId id) const;

	static const char *list_name(ConfigList list);

private:
	// when_built: a name that matches nothing is no error.
	void bind(ConfigList list, const BoundaryConfig::Entries &entries,
		  bool when_built = false);
	std::vector<SymbolId> match(ConfigList list, const std::string &name,
				    bool when_built) const;
	void bind_prefixes(const BoundaryConfig &config);

	std::string origin_;
	const SymbolTable &table_;
	std::vector<bool> in_boundary_;
	bool data_shared_by_default_;
	std::vector<std::optional<ConfigEntry>> forced_;
	BoundaryConfig::Entries shared_state_types_;
};

} // namespace sched_boundary

#endif
