// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_TEST_ANALYSIS_H
#define SCHED_BOUNDARY_TEST_ANALYSIS_H

#include <string>
#include <vector>

#include "BoundaryConfig.hh"
#include "Classification.hh"
#include "ConfigBinding.hh"
#include "Explainer.hh"
#include "Facts.hh"
#include "OutsideRefs.hh"
#include "SymbolTable.hh"

namespace sched_boundary::test {

// The library's pipeline run on in-memory facts, with lookups by key.
class Analysis {
public:
	Analysis(const std::vector<UnitFacts> &units, const std::string &config,
		 const std::string &outside = "");

	SymbolId id(const std::string &key) const;
	Category category(const std::string &key) const;
	const Reason &reason(const std::string &key) const;
	// What --why prints for key.
	std::string why(const std::string &key) const;

	const SymbolTable &table() const { return table_; }
	const ConfigBinding &binding() const { return binding_; }
	const Classification &classification() const { return classification_; }
	const Explainer &explainer() const { return explainer_; }

private:
	BoundaryConfig config_;
	OutsideRefs outside_;
	SymbolTable table_;
	ConfigBinding binding_;
	Classification classification_;
	Explainer explainer_;
};

// Where a file under tests/data is; the minisched facts and config.
std::string data_path(const std::string &relative);
std::vector<UnitFacts> minisched_units();
std::string minisched_config();

} // namespace sched_boundary::test

#endif
