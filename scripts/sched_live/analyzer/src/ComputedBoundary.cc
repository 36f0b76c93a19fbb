// SPDX-License-Identifier: GPL-2.0
#include "ComputedBoundary.hh"

#include "Classifier.hh"
#include "FactsLoader.hh"

namespace sched_boundary {

namespace {

std::vector<UnitFacts> load_all(const std::vector<std::string> &paths)
{
	const FactsLoader loader;
	std::vector<UnitFacts> units;

	for (const std::string &path : paths)
		units.push_back(loader.load_file(path));
	return units;
}

} // namespace

ComputedBoundary::ComputedBoundary(const std::string &config,
				   const std::optional<std::string> &outside,
				   const std::vector<std::string> &facts)
	: config_(BoundaryConfig::load_file(config)),
	  outside_(outside ? OutsideRefs::load_file(*outside) : OutsideRefs()),
	  units_(load_all(facts)), table_(units_), binding_(config_, table_),
	  classification_(Classifier(table_, binding_, outside_).classify())
{
}

} // namespace sched_boundary
