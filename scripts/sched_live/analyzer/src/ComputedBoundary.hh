// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_COMPUTED_BOUNDARY_H
#define SCHED_BOUNDARY_COMPUTED_BOUNDARY_H

#include <optional>
#include <string>
#include <vector>

#include "BoundaryConfig.hh"
#include "Classification.hh"
#include "ConfigBinding.hh"
#include "Facts.hh"
#include "OutsideRefs.hh"
#include "SymbolTable.hh"

namespace sched_boundary {

// The boundary computed from a config, the outside references and the
// facts files: what every tool starts from.  Not copyable: the binding
// and the classification refer to the table.
class ComputedBoundary {
public:
	// Throws InputError for unreadable or inconsistent input.
	ComputedBoundary(const std::string &config,
			 const std::optional<std::string> &outside,
			 const std::vector<std::string> &facts);
	ComputedBoundary(const ComputedBoundary &) = delete;
	ComputedBoundary &operator=(const ComputedBoundary &) = delete;

	const BoundaryConfig &config() const { return config_; }
	const std::vector<UnitFacts> &units() const { return units_; }
	const SymbolTable &table() const { return table_; }
	const ConfigBinding &binding() const { return binding_; }
	const Classification &classification() const { return classification_; }

private:
	BoundaryConfig config_;
	OutsideRefs outside_;
	std::vector<UnitFacts> units_;
	SymbolTable table_;
	ConfigBinding binding_;
	Classification classification_;
};

} // namespace sched_boundary

#endif
