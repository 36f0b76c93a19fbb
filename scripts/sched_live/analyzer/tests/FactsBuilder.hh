// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_TEST_FACTS_BUILDER_H
#define SCHED_BOUNDARY_TEST_FACTS_BUILDER_H

#include <string>

#include <nlohmann/json.hpp>

#include "Facts.hh"

namespace sched_boundary::test {

// REFs as the plugin writes them.
nlohmann::json global(const std::string &name);
nlohmann::json local(const std::string &name);
// USEs for address_of.
nlohmann::json store(nlohmann::json ref);
nlohmann::json call_arg(nlohmann::json ref, nlohmann::json callee);

// Writes one unit's facts in the plugin's format, so that tests state only
// what matters to them:
//
//   UnitBuilder("a.c").function("f").calls(local("g")).function("g", "static")
//
// Each function or variable gets the next line number of the unit.
class UnitBuilder {
public:
	explicit UnitBuilder(std::string unit);

	// file defaults to the unit.
	UnitBuilder &function(const std::string &name,
			      const std::string &linkage = "global",
			      const std::string &file = "");
	UnitBuilder &calls(nlohmann::json ref);
	UnitBuilder &takes(nlohmann::json use);
	UnitBuilder &reads(nlohmann::json ref);
	UnitBuilder &writes(nlohmann::json ref);

	UnitBuilder &variable(const std::string &name,
			      const std::string &linkage = "global",
			      const std::string &file = "");
	// Makes the current variable a static local to function.
	UnitBuilder &local_to(const std::string &function);
	// An address in the current variable's initializer.
	UnitBuilder &holds(nlohmann::json ref, const std::string &kind = "function");

	// The structs and unions the current function's prototype or the
	// current variable's type names.
	UnitBuilder &records(const std::vector<std::string> &names);

	// A struct or union layout, and a field of the current one.
	UnitBuilder &type(const std::string &name, int size);
	UnitBuilder &field(const std::string &name, int offset, int bits,
			   const std::string &type,
			   const std::vector<std::string> &records = {});

	const nlohmann::json &json() const { return facts_; }
	UnitFacts facts() const;

private:
	nlohmann::json &current(const char *list);
	std::string file_or_unit(const std::string &file) const;

	std::string unit_;
	nlohmann::json facts_;
	const char *current_list_ = nullptr;
	int next_line_ = 1;
};

} // namespace sched_boundary::test

#endif
