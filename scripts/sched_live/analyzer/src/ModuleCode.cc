// SPDX-License-Identifier: GPL-2.0
#include "ModuleCode.hh"

#include <algorithm>

#include "LinkName.hh"

namespace sched_boundary {

ModuleCode::ModuleCode(const SymbolTable &table, const ConfigBinding &binding,
		       const Classification &classification)
	: table_(table), binding_(binding), classification_(classification),
	  kept_(table.size()), used_(table.size()), address_taken_(table.size())
{
	std::vector<SymbolId> work;

	for (const Symbol &s : table.symbols()) {
		for (const AddressEdge &a : s.addresses)
			address_taken_[a.target] = true;
		for (const SymbolId ref : s.initializer)
			address_taken_[ref] = true;
	}
	for (SymbolId id = 0; id < table.size(); id++) {
		const Symbol &s = table.at(id);

		if (s.kind == SymbolKind::Function && s.defined &&
		    classification.category(id) == Category::Interface &&
		    !is_boot_only(s)) {
			kept_[id] = true;
			work.push_back(id);
		}
		// The config names the variables the module brings its own
		// copy of; the kernel may reach them only through the module.
		if (s.kind == SymbolKind::Variable && s.defined &&
		    is_configured_private(id))
			reach(id, work);
		// The static call keys the files define: objtool names the key
		// of every static call site, and inline asm calls trampolines
		// the facts do not show (preempt_enable() calls
		// preempt_schedule's).
		if (s.kind == SymbolKind::Variable && s.defined &&
		    binding.in_boundary(id) && s.name.compare(0, 6, "__SCK_") == 0)
			reach(id, work);
	}
	while (!work.empty()) {
		const SymbolId id = work.back();
		const Symbol &s = table.at(id);

		work.pop_back();
		if (s.kind == SymbolKind::Variable) {
			for (const SymbolId ref : s.initializer)
				reach(ref, work);
			continue;
		}
		for (const SymbolId callee : s.calls)
			reach(callee, work);
		for (const AddressEdge &a : s.addresses)
			reach(a.target, work);
		for (const SymbolId v : s.reads)
			reach(v, work);
		for (const SymbolId v : s.writes)
			reach(v, work);
	}
}

std::set<std::string> ModuleCode::interface() const
{
	std::set<std::string> keys;

	for (SymbolId id = 0; id < table_.size(); id++)
		if (kept_[id] && classification_.category(id) == Category::Interface)
			keys.insert(table_.at(id).key);
	return keys;
}

std::set<std::string> ModuleCode::replaced() const
{
	std::set<std::string> keys;

	for (SymbolId id = 0; id < table_.size(); id++)
		if (kept_[id] && binding_.in_module(id))
			keys.insert(table_.at(id).key);
	return keys;
}

bool ModuleCode::is_configured_private(SymbolId id) const
{
	return binding_.forced_into(id, ConfigList::Private);
}

bool ModuleCode::is_boot_only(const Symbol &s)
{
	return std::find(s.attributes.begin(), s.attributes.end(), "init") !=
	       s.attributes.end();
}

// Code the module compiles: the functions of the files and the static
// functions of other headers, of which it carries its own copy.
bool ModuleCode::carried(SymbolId id) const
{
	const Symbol &s = table_.at(id);

	return s.kind == SymbolKind::Function && s.defined &&
	       (binding_.in_module(id) ||
		(classification_.category(id) == Category::Internal &&
		 classification_.reason(id).kind == ReasonKind::CopiedWithHeader));
}

void ModuleCode::reach(SymbolId used, std::vector<SymbolId> &work)
{
	const Symbol &s = table_.at(used);

	if (s.kind == SymbolKind::Function) {
		if (carried(used)) {
			if (!kept_[used]) {
				kept_[used] = true;
				work.push_back(used);
			}
			return;
		}
		used_[used] = true;
	} else {
		if (used_[used])
			return;
		used_[used] = true;
		// The module's own copy needs what its initializer points at.
		if (classification_.category(used) == Category::Private) {
			check_copy(used);
			work.push_back(used);
			return;
		}
	}
	if (s.is_static && !published(used)) {
		unreachable_.insert(s.key);
		return;
	}
	vmlinux_refs_.insert(link_name(s));
	// A static call site names its key too (.static_call_sites), which
	// the call's GIMPLE does not show.
	if (s.name.compare(0, 6, "__SCT_") == 0)
		vmlinux_refs_.insert("__SCK_" + s.name.substr(6));
}

// A function-local static has no name vmlinux could publish: the module
// gets a copy of its own, which for a lock, a work or a callback is a
// second one that the schedulers do not share.
void ModuleCode::check_copy(SymbolId id)
{
	const Symbol &s = table_.at(id);
	const std::optional<std::string> record = binding_.shared_state_record(id);

	if (!s.scope.empty() && record)
		duplicated_state_.insert(s.file + ":" + s.scope + "(): " + s.name +
					 " (" + *record + ")");
}

// The plugin gives the file-scope static variables of the files' .c
// files a global name, and the static functions there whose address is
// taken a global alias: the compiler emits those whatever it inlines.
bool ModuleCode::published(SymbolId id) const
{
	const Symbol &s = table_.at(id);

	return (s.kind == SymbolKind::Variable || address_taken_[id]) &&
	       binding_.in_boundary(id) && s.scope.empty() && s.file.size() > 2 &&
	       s.file.compare(s.file.size() - 2, 2, ".c") == 0;
}

} // namespace sched_boundary
