// SPDX-License-Identifier: GPL-2.0
#include "Analyzer.hh"

#include <optional>

#include "AbiDescription.hh"
#include "BoundaryDiff.hh"
#include "BoundaryHeader.hh"
#include "Classification.hh"
#include "ComputedBoundary.hh"
#include "Error.hh"
#include "Explainer.hh"
#include "JsonWriter.hh"
#include "ReportWriter.hh"
#include "SymbolTable.hh"
#include "TextFile.hh"
#include "ToolStatus.hh"

namespace sched_boundary {

namespace {

constexpr const char *kPrefix = "sched-boundary-analyze: ";

nlohmann::json load_json(const std::string &path)
{
	try {
		return nlohmann::json::parse(TextFile::read(path));
	} catch (const nlohmann::json::parse_error &e) {
		throw InputError(path + ": " + e.what());
	}
}

} // namespace

Analyzer::Analyzer(std::ostream &out, std::ostream &err) : out_(out), err_(err)
{
}

int Analyzer::run(const std::vector<std::string> &args) const
{
	return run_tool(kPrefix, err_, [&]() {
		const Options options = CommandLine::parse(args);

		if (options.help) {
			out_ << CommandLine::usage() << "\n";
			return kOk;
		}
		analyse(options);
		out_.flush();
		if (!out_) {
			err_ << kPrefix << "cannot write to standard output\n";
			return kFailure;
		}
		return kOk;
	});
}

void Analyzer::analyse(const Options &options) const
{
	const ComputedBoundary boundary(options.config, options.outside, options.facts);
	const SymbolTable &table = boundary.table();
	const Classification &classification = boundary.classification();
	const Explainer explainer(table, classification);
	std::vector<std::vector<SymbolId>> why;

	// All names are checked before anything is printed or written.
	for (const std::string &name : options.why) {
		why.push_back(table.lookup(name));
		if (why.back().empty())
			throw InputError("--why " + name +
					 ": no function or variable of that name in the facts");
	}

	bool first = true;
	for (const std::vector<SymbolId> &ids : why) {
		for (const SymbolId id : ids) {
			out_ << (first ? "" : "\n") << explainer.explain(id);
			first = false;
		}
	}
	const JsonWriter json(table, classification);
	std::optional<BoundaryDiff> since;

	if (options.previous)
		since = BoundaryDiff::between(load_json(*options.previous), json.to_json());
	if (options.header || options.abi) {
		const AbiDescription abi(boundary.units(), table, classification);
		// Rendered before anything is written: it can refuse a name.
		const std::string header =
			options.header ? BoundaryHeader(table, classification, abi).render() : "";

		// Scheduler modules depend on these: rewrite them only if
		// they changed.
		if (options.abi)
			TextFile::update(*options.abi, abi.text());
		if (options.header)
			TextFile::update(*options.header, header);
	}
	if (options.json)
		TextFile::write(*options.json, json.render());
	if (options.report)
		TextFile::write(*options.report,
				ReportWriter(table, classification, explainer)
					.render(since ? &*since : nullptr));
	if (!options.why.empty() || options.json || options.report || options.header ||
	    options.abi)
		return;

	for (const Category category : Classification::kSets)
		out_ << Classification::set_name(category) << ": "
		     << classification.count(category) << "\n";
}

} // namespace sched_boundary
