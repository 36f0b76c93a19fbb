// SPDX-License-Identifier: GPL-2.0
#include "Explainer.hh"

#include <stdexcept>

namespace sched_boundary {

namespace {

const char *use_phrase(Use use)
{
	switch (use) {
	case Use::Call:
		return "it is called by ";
	case Use::AddressTaken:
		return "its address is taken by ";
	case Use::Read:
		return "it is read by ";
	case Use::Write:
		return "it is written by ";
	case Use::Initializer:
		return "its address is stored in ";
	}
	return "it is used by ";
}

} // namespace

Explainer::Explainer(const SymbolTable &table, const Classification &classification)
	: table_(table), classification_(classification)
{
}

std::string Explainer::display_name(SymbolId id) const
{
	const Symbol &s = table_.at(id);

	if (!s.is_static)
		return s.name;
	if (s.file == s.unit)
		return s.file + ":" + s.name;
	return s.file + ":" + s.name + " (in unit " + s.unit + ")";
}

std::string Explainer::mention(SymbolId id) const
{
	const Symbol &s = table_.at(id);

	if (!s.defined)
		return s.name;
	if (s.kind == SymbolKind::Function)
		return s.name + " (" + s.file + ")";
	return s.name + " (" + s.file + ":" + std::to_string(s.line) + ")";
}

std::string Explainer::pointee(SymbolId id, Step &step) const
{
	if (classification_.in_boundary(id)) {
		step.next = id;
		return std::string(", which is ") +
		       Classification::word(classification_.category(id));
	}
	if (table_.at(id).defined)
		return ", which is outside the boundary files";
	return ", which is outside the analysed code";
}

Explainer::Step Explainer::step(SymbolId id) const
{
	const Reason &r = classification_.reason(id);
	const Symbol &s = table_.at(id);
	Step step;

	switch (r.kind) {
	case ReasonKind::ConfigEntry:
		step.text = "it is listed in the config: \"" + r.text + "\"";
		break;
	case ReasonKind::ExternalPrefix:
		step.text = "its name starts with \"" + r.text +
			    "\", an external prefix in the config";
		break;
	case ReasonKind::UsedFromOutside:
		step.text = use_phrase(r.use) + mention(r.other);
		step.text += pointee(r.other, step);
		break;
	case ReasonKind::OutsideReference:
		step.text = "it is referenced from " + r.text + " (outside references)";
		break;
	case ReasonKind::AddressStored:
		step.text = "its address is stored (or returned) by " + mention(r.other);
		break;
	case ReasonKind::PassedOut:
		step.text = "its address is passed by " + mention(r.other) + " to " +
			    mention(r.callee);
		step.text += pointee(r.callee, step);
		break;
	case ReasonKind::InInitializer:
		step.text = "its address is stored in " + mention(r.other);
		step.text += pointee(r.other, step);
		break;
	case ReasonKind::UsedByModule:
		step.text = use_phrase(r.use) + mention(r.other) + ", which is " +
			    Classification::word(classification_.category(r.other)) +
			    ", and " +
			    (s.defined ? "it is defined in " + s.file +
						 ", outside the boundary files" :
					 std::string("no analysed unit defines it"));
		break;
	case ReasonKind::CopiedWithHeader:
		step.text = use_phrase(r.use) + mention(r.other) + ", and it is a static " +
			    (s.kind == SymbolKind::Function ? "function" : "variable") +
			    " of " + s.file + ", which the module carries its own copy of";
		break;
	case ReasonKind::LocalStatic:
		step.text = "it is a static variable local to " + r.text +
			    ", and each copy of " + r.text + " keeps its own";
		break;
	case ReasonKind::WeakDefault:
		step.text = "it is a weak default in " + s.file +
			    ", which vmlinux may link another definition of "
			    "(an architecture's), so it stays vmlinux's";
		break;
	case ReasonKind::BoundaryDefault:
		step.text = "it is defined in " + s.file + ", one of the configured files, ";
		if (s.kind == SymbolKind::Function)
			step.text += "and nothing outside the module uses it";
		else if (classification_.category(id) == Category::Shared)
			step.text += "and the config shares data by default: the "
				     "running system's state stays in vmlinux";
		else
			step.text += "and nothing outside the module uses it";
		break;
	case ReasonKind::Unused:
		step.text = s.defined ? "it is defined in " + s.file +
						", outside the boundary files, and the "
						"module does not use it" :
					"no analysed unit defines it and the module "
					"does not use it";
		break;
	}
	return step;
}

std::string Explainer::describe(SymbolId id) const
{
	return step(id).text;
}

std::vector<SymbolId> Explainer::chain(SymbolId id) const
{
	std::vector<bool> seen(table_.size(), false);
	std::vector<SymbolId> path;

	seen[id] = true;
	for (std::optional<SymbolId> next = step(id).next; next; next = step(*next).next) {
		if (seen[*next])
			throw std::logic_error("the reasons for " + display_name(id) +
					       " go round in a circle at " +
					       display_name(*next));
		seen[*next] = true;
		path.push_back(*next);
	}
	return path;
}

std::string Explainer::explain(SymbolId id) const
{
	std::string text = display_name(id) + ": " +
			   Classification::word(classification_.category(id)) + "\n";

	text += "  because " + describe(id) + "\n";
	for (const SymbolId next : chain(id))
		text += "  because " + describe(next) + "\n";
	return text;
}

} // namespace sched_boundary
