// SPDX-License-Identifier: GPL-2.0
#include "Classifier.hh"

#include <optional>

namespace sched_boundary {

namespace {

Category forced_category(ConfigList list)
{
	switch (list) {
	case ConfigList::Interface:
		return Category::Interface;
	case ConfigList::External:
		return Category::FunctionExternal;
	case ConfigList::Shared:
		return Category::Shared;
	case ConfigList::Private:
		return Category::Private;
	}
	return Category::Outside;
}

// The state of one classification run.  Rules only ever classify a symbol
// that is still unclassified, so the first rule to apply gives the reason,
// and every symbol a reason points at was classified earlier.
class Run {
public:
	Run(const SymbolTable &table, const ConfigBinding &binding,
	    const OutsideRefs &outside)
		: table_(table), binding_(binding), outside_(outside),
		  categories_(table.size()), reasons_(table.size())
	{
	}

	Classification finish() &&;

	void apply_config();
	void mark_weak_defaults();
	void mark_module_uses_outside();
	void mark_outside_uses_module();
	void mark_outside_references();
	void mark_local_statics();
	void apply_data_default();
	void mark_escaping_addresses();
	int propagate_initializers();
	void mark_private_initializer_uses();
	void classify_the_rest();

private:
	bool set(SymbolId id, Category category, Reason reason);
	bool is_function(SymbolId id) const
	{
		return table_.at(id).kind == SymbolKind::Function;
	}
	bool module_function(SymbolId id) const
	{
		return is_function(id) && binding_.in_module(id);
	}
	// A static of a header outside the files, function or variable (often
	// local to one of its functions): every unit that includes the header
	// has its own copy, so the module carries one and vmlinux keeps its
	// own; it is never a boundary crossing.
	bool header_copy(SymbolId id) const
	{
		const Symbol &s = table_.at(id);

		return s.defined && s.is_static && !binding_.in_boundary(id) &&
		       s.file.size() > 2 &&
		       s.file.compare(s.file.size() - 2, 2, ".h") == 0;
	}
	bool copied_with_header(SymbolId id) const
	{
		return is_function(id) && header_copy(id);
	}
	// In the module, as its own code or as a header copy it carries.
	bool carried(SymbolId id) const
	{
		return module_function(id) ||
		       (categories_[id] == Category::Internal &&
			reasons_[id].kind == ReasonKind::CopiedWithHeader);
	}
	bool boundary_variable(SymbolId id) const
	{
		return !is_function(id) && binding_.in_boundary(id);
	}
	// FORMAT.md: "a variable that is not D_private".
	bool exposes_initializer(SymbolId id) const
	{
		return table_.at(id).kind == SymbolKind::Variable &&
		       (!binding_.in_boundary(id) || categories_[id] == Category::Shared);
	}
	// Classifies what an outside function uses of S.
	void outside_use(SymbolId user, SymbolId used, Use use);
	// Classifies what the module needs from vmlinux; true when that pulls
	// a header function into the module, whose own uses then count.
	bool module_use(SymbolId user, SymbolId used, Use use);

	const SymbolTable &table_;
	const ConfigBinding &binding_;
	const OutsideRefs &outside_;
	std::vector<std::optional<Category>> categories_;
	std::vector<Reason> reasons_;
	int iterations_ = 0;
};

bool Run::set(SymbolId id, Category category, Reason reason)
{
	if (categories_[id])
		return false;
	categories_[id] = category;
	reasons_[id] = std::move(reason);
	return true;
}

void Run::apply_config()
{
	for (SymbolId id = 0; id < table_.size(); id++) {
		const std::optional<ConfigEntry> &entry = binding_.forced(id);

		if (entry && entry->prefix)
			set(id, forced_category(entry->list),
			    { ReasonKind::ExternalPrefix, Use::Call, 0, 0, entry->name });
		else if (entry)
			set(id, forced_category(entry->list),
			    { ReasonKind::ConfigEntry, Use::Call, 0, 0, entry->why });
	}
}

// A weak function of the files is a default that vmlinux may not even
// link: x86 overrides arch_cpu_idle_dead() and arch_cpu_idle().  Taking
// the vmlinux symbol over with the module's copy of the default would
// replace the architecture's code, so the function stays vmlinux's and the
// module calls whatever vmlinux linked.
void Run::mark_weak_defaults()
{
	for (SymbolId id = 0; id < table_.size(); id++)
		if (binding_.weak_default(id))
			set(id, Category::FunctionExternal,
			    { ReasonKind::WeakDefault, Use::Call, 0, 0, "" });
}

bool Run::module_use(SymbolId user, SymbolId used, Use use)
{
	if (binding_.in_boundary(used))
		return false;
	if (copied_with_header(used))
		return set(used, Category::Internal,
			   { ReasonKind::CopiedWithHeader, use, user, 0, "" });
	if (header_copy(used)) {
		set(used, Category::Private,
		    { ReasonKind::CopiedWithHeader, use, user, 0, "" });
		return false;
	}
	set(used, is_function(used) ? Category::FunctionExternal :
				      Category::VariableExternal,
	    { ReasonKind::UsedByModule, use, user, 0, "" });
	return false;
}

// What the module's functions use outside S, including what the header
// functions they pull in use in turn.
void Run::mark_module_uses_outside()
{
	std::vector<SymbolId> work;

	for (SymbolId id = 0; id < table_.size(); id++)
		if (module_function(id))
			work.push_back(id);
	while (!work.empty()) {
		const SymbolId id = work.back();
		const Symbol &f = table_.at(id);
		auto use = [&](SymbolId used, Use how) {
			if (module_use(id, used, how))
				work.push_back(used);
		};

		work.pop_back();
		for (const SymbolId callee : f.calls)
			use(callee, Use::Call);
		for (const AddressEdge &a : f.addresses)
			use(a.target, Use::AddressTaken);
		for (const SymbolId v : f.reads)
			use(v, Use::Read);
		for (const SymbolId v : f.writes)
			use(v, Use::Write);
	}
}

void Run::outside_use(SymbolId user, SymbolId used, Use use)
{
	const Reason reason{ ReasonKind::UsedFromOutside, use, user, 0, "" };

	if (module_function(used))
		set(used, Category::Interface, reason);
	else if (boundary_variable(used))
		set(used, Category::Shared, reason);
}

void Run::mark_outside_uses_module()
{
	for (SymbolId id = 0; id < table_.size(); id++) {
		const Symbol &f = table_.at(id);

		if (f.kind != SymbolKind::Function || !f.defined || binding_.in_module(id))
			continue;
		for (const SymbolId callee : f.calls)
			outside_use(id, callee, Use::Call);
		for (const AddressEdge &a : f.addresses)
			outside_use(id, a.target, Use::AddressTaken);
		for (const SymbolId v : f.reads)
			outside_use(id, v, Use::Read);
		for (const SymbolId v : f.writes)
			outside_use(id, v, Use::Write);
	}
}

void Run::mark_outside_references()
{
	for (const OutsideRef &ref : outside_.entries()) {
		const std::optional<SymbolId> id = table_.find(ref.symbol);
		const Reason reason{ ReasonKind::OutsideReference, Use::Call, 0, 0,
				     ref.object };

		// nm -u of all of vmlinux names much besides S: ignore the rest.
		if (!id)
			continue;
		if (module_function(*id))
			set(*id, Category::Interface, reason);
		else if (boundary_variable(*id))
			set(*id, Category::Shared, reason);
	}
}

// A static local to a function of the files belongs to that function: the
// module's copy of the function has its own (a WARN_ONCE flag, a lockdep
// key, __func__), unless the config or outside code says otherwise.
void Run::mark_local_statics()
{
	for (SymbolId id = 0; id < table_.size(); id++)
		if (boundary_variable(id) && !table_.at(id).scope.empty())
			set(id, Category::Private,
			    { ReasonKind::LocalStatic, Use::Call, 0, 0,
			      table_.at(id).scope });
}

// With "data_default": "shared", the variables no direct evidence has
// classified are shared before the initializers are followed, so that
// every reason points at a symbol classified before it.
void Run::apply_data_default()
{
	if (!binding_.data_shared_by_default())
		return;
	for (SymbolId id = 0; id < table_.size(); id++)
		if (boundary_variable(id))
			set(id, Category::Shared,
			    { ReasonKind::BoundaryDefault, Use::Call, 0, 0, "" });
}

void Run::mark_escaping_addresses()
{
	for (SymbolId id = 0; id < table_.size(); id++) {
		if (!module_function(id))
			continue;
		for (const AddressEdge &a : table_.at(id).addresses) {
			if (!module_function(a.target))
				continue;
			if (a.use == AddressUseKind::Store)
				set(a.target, Category::Interface,
				    { ReasonKind::AddressStored, Use::AddressTaken, id, 0, "" });
			else if (!carried(a.callee))
				set(a.target, Category::Interface,
				    { ReasonKind::PassedOut, Use::AddressTaken, id,
				      a.callee, "" });
		}
	}
}

// The only rule that feeds on its own output: a variable that becomes
// shared exposes its initializer, which can make more variables shared.
int Run::propagate_initializers()
{
	bool changed = true;

	while (changed) {
		changed = false;
		iterations_++;
		for (SymbolId id = 0; id < table_.size(); id++) {
			if (!exposes_initializer(id))
				continue;
			const Reason reason{ ReasonKind::InInitializer, Use::Initializer,
					     id, 0, "" };

			for (const SymbolId ref : table_.at(id).initializer) {
				if (module_function(ref))
					changed |= set(ref, Category::Interface, reason);
				else if (boundary_variable(ref))
					changed |= set(ref, Category::Shared, reason);
			}
		}
	}
	return iterations_;
}

// The module's own copy of a private variable needs what its initializer
// points at outside S.
void Run::mark_private_initializer_uses()
{
	for (SymbolId id = 0; id < table_.size(); id++) {
		if (!boundary_variable(id) || exposes_initializer(id))
			continue;
		for (const SymbolId ref : table_.at(id).initializer)
			module_use(id, ref, Use::Initializer);
	}
}

void Run::classify_the_rest()
{
	for (SymbolId id = 0; id < table_.size(); id++) {
		if (!binding_.in_boundary(id))
			set(id, Category::Outside, { ReasonKind::Unused, Use::Call, 0, 0, "" });
		else if (is_function(id))
			set(id, Category::Internal,
			    { ReasonKind::BoundaryDefault, Use::Call, 0, 0, "" });
		else
			set(id, Category::Private,
			    { ReasonKind::BoundaryDefault, Use::Call, 0, 0, "" });
	}
}

Classification Run::finish() &&
{
	std::vector<Category> categories;
	std::vector<bool> in_boundary;

	for (SymbolId id = 0; id < table_.size(); id++) {
		categories.push_back(categories_[id].value());
		in_boundary.push_back(binding_.in_boundary(id));
	}
	return Classification(std::move(categories), std::move(reasons_),
			      std::move(in_boundary), iterations_);
}

} // namespace

Classifier::Classifier(const SymbolTable &table, const ConfigBinding &binding,
		       const OutsideRefs &outside)
	: table_(table), binding_(binding), outside_(outside)
{
}

Classification Classifier::classify() const
{
	Run run(table_, binding_, outside_);

	// The order fixes which reason is recorded when several rules apply:
	// the config first, then direct evidence, then derived evidence.
	run.apply_config();
	run.mark_weak_defaults();
	run.mark_module_uses_outside();
	run.mark_outside_uses_module();
	run.mark_outside_references();
	run.mark_local_statics();
	run.apply_data_default();
	run.mark_escaping_addresses();
	run.propagate_initializers();
	run.mark_private_initializer_uses();
	run.classify_the_rest();
	return std::move(run).finish();
}

} // namespace sched_boundary
