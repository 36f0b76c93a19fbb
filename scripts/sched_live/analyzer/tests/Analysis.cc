// SPDX-License-Identifier: GPL-2.0
#include "Analysis.hh"

#include <stdexcept>

#include "Classifier.hh"
#include "FactsLoader.hh"
#include "TextFile.hh"

namespace sched_boundary::test {

Analysis::Analysis(const std::vector<UnitFacts> &units, const std::string &config,
		   const std::string &outside)
	: config_(BoundaryConfig::parse(config, "boundary.json")),
	  outside_(OutsideRefs::parse(outside, "outside.txt")), table_(units),
	  binding_(config_, table_),
	  classification_(Classifier(table_, binding_, outside_).classify()),
	  explainer_(table_, classification_)
{
}

SymbolId Analysis::id(const std::string &key) const
{
	const std::optional<SymbolId> id = table_.find(key);

	if (!id)
		throw std::out_of_range("no symbol " + key);
	return *id;
}

Category Analysis::category(const std::string &key) const
{
	return classification_.category(id(key));
}

const Reason &Analysis::reason(const std::string &key) const
{
	return classification_.reason(id(key));
}

std::string Analysis::why(const std::string &key) const
{
	return explainer_.explain(id(key));
}

std::string data_path(const std::string &relative)
{
	return std::string(ANALYZER_TEST_DATA) + "/" + relative;
}

std::vector<UnitFacts> minisched_units()
{
	const FactsLoader loader;

	return { loader.load_file(data_path("minisched/core.json")),
		 loader.load_file(data_path("minisched/fair.json")),
		 loader.load_file(data_path("minisched/user.json")) };
}

std::string minisched_config()
{
	return TextFile::read(data_path("minisched/boundary.json"));
}

} // namespace sched_boundary::test
