// SPDX-License-Identifier: GPL-2.0
#include "ConfigBinding.hh"

#include <algorithm>

#include "Error.hh"

namespace sched_boundary {

namespace {

SymbolKind kind_of(ConfigList list)
{
	return list == ConfigList::Interface || list == ConfigList::External ?
		       SymbolKind::Function : SymbolKind::Variable;
}

const char *kind_name(SymbolKind kind)
{
	return kind == SymbolKind::Function ? "function" : "variable";
}

} // namespace

ConfigBinding::ConfigBinding(const BoundaryConfig &config, const SymbolTable &table)
	: origin_(config.origin()), table_(table), in_boundary_(table.size(), false),
	  data_shared_by_default_(config.data_shared_by_default()),
	  forced_(table.size()), shared_state_types_(config.shared_state_types())
{
	for (SymbolId id = 0; id < table.size(); id++) {
		const Symbol &s = table.at(id);

		in_boundary_[id] = s.defined && config.covers(s.file);
	}
	bind(ConfigList::Interface, config.interface_entries());
	bind(ConfigList::External, config.external_entries());
	bind(ConfigList::External, config.external_when_built_entries(), true);
	bind(ConfigList::Shared, config.shared_entries());
	bind(ConfigList::Private, config.private_entries());
	bind_prefixes(config);
}

const char *ConfigBinding::list_name(ConfigList list)
{
	switch (list) {
	case ConfigList::Interface:
		return "interface";
	case ConfigList::External:
		return "external";
	case ConfigList::Shared:
		return "shared";
	case ConfigList::Private:
		return "private";
	}
	return "?";
}

bool ConfigBinding::in_module(SymbolId id) const
{
	return in_boundary(id) && !forced_into(id, ConfigList::External) &&
	       !weak_default(id);
}

bool ConfigBinding::weak_default(SymbolId id) const
{
	const Symbol &s = table_.at(id);

	return in_boundary(id) && s.kind == SymbolKind::Function &&
	       s.linkage == Linkage::Weak;
}

bool ConfigBinding::forced_into(SymbolId id, ConfigList list) const
{
	const std::optional<ConfigEntry> &entry = forced_.at(id);

	return entry && entry->list == list;
}

std::optional<std::string> ConfigBinding::shared_state_record(SymbolId id) const
{
	for (const std::string &record : table_.at(id).records)
		if (shared_state_types_.count(record))
			return record;
	return std::nullopt;
}

void ConfigBinding::bind(ConfigList list, const BoundaryConfig::Entries &entries,
			 bool when_built)
{
	for (const auto &[name, why] : entries) {
		for (const SymbolId id : match(list, name, when_built)) {
			std::optional<ConfigEntry> &entry = forced_[id];

			if (entry)
				throw InputError(origin_ + ": \"" + name +
						 "\" is in both \"" +
						 list_name(entry->list) + "\" and \"" +
						 list_name(list) + "\"");
			entry = ConfigEntry{ list, name, why };
		}
	}
}

// "name" is a global; "file:name" is every static called name whose body
// is in file (a static inline in a header has one copy per unit).
std::vector<SymbolId> ConfigBinding::match(ConfigList list, const std::string &name,
					   bool when_built) const
{
	const std::string where = origin_ + ": \"" + list_name(list) +
				  "\" names \"" + name + "\"";
	const SymbolKind kind = kind_of(list);
	const auto colon = name.rfind(':');
	std::vector<SymbolId> ids;

	if (colon == std::string::npos) {
		const std::optional<SymbolId> id = table_.find(name);

		// Where a config does not build a global, a static of the
		// same name outside the configured files is its stand-in (a
		// header's inline, as for preempt_model_full() without
		// PREEMPT_DYNAMIC): another function, which an entry "when
		// built" does not name.  One inside them is a mistake.
		const std::vector<SymbolId> statics = table_.statics_named(name);
		const bool stand_ins_only = std::none_of(
			statics.begin(), statics.end(),
			[this](SymbolId s) { return in_boundary_[s]; });

		if (id && table_.at(*id).defined)
			ids.push_back(*id);
		else if (!statics.empty() && !(when_built && stand_ins_only))
			throw InputError(where + ", which is static: write \"" +
					 table_.at(statics.front()).file +
					 ":" + name + "\"");
	} else {
		const std::string file = name.substr(0, colon);
		const std::vector<SymbolId> statics =
			table_.statics_named(name.substr(colon + 1));

		std::copy_if(statics.begin(), statics.end(), std::back_inserter(ids),
			     [this, &file](SymbolId id) {
				     return table_.at(id).file == file;
			     });
		const std::optional<SymbolId> global = table_.find(name.substr(colon + 1));
		if (ids.empty() && global && table_.at(*global).file == file)
			throw InputError(where + ", but " + name.substr(colon + 1) +
					 " is not static there: write just \"" +
					 name.substr(colon + 1) + "\"");
	}
	if (ids.empty() && !when_built)
		throw InputError(where + ", which matches nothing in the facts");
	for (const SymbolId id : ids) {
		const Symbol &s = table_.at(id);

		if (s.kind != kind)
			throw InputError(where + ", which is a " + kind_name(s.kind) +
					 ", not a " + kind_name(kind));
		if (!in_boundary_[id])
			throw InputError(where + ", which is defined in " + s.file +
					 ", not in one of the configured files");
	}
	return ids;
}

// A prefix matches what a config builds: one that matches nothing is no
// error.  A function a list names as well is, whatever the list: the
// prefix keeps it in vmlinux already, or contradicts the list.
void ConfigBinding::bind_prefixes(const BoundaryConfig &config)
{
	for (SymbolId id = 0; id < table_.size(); id++) {
		const Symbol &s = table_.at(id);

		if (!in_boundary_[id] || s.kind != SymbolKind::Function)
			continue;
		const std::optional<std::string> prefix =
			config.external_prefix_of(s.name);
		if (!prefix)
			continue;
		std::optional<ConfigEntry> &entry = forced_[id];
		if (entry)
			throw InputError(origin_ + ": \"" + entry->name +
					 "\" is in \"" + list_name(entry->list) +
					 "\", but its name starts with the external "
					 "prefix \"" + *prefix + "\"");
		entry = ConfigEntry{ ConfigList::External, *prefix,
				     config.external_prefixes().at(*prefix), true };
	}
}

} // namespace sched_boundary
