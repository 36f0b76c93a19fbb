// SPDX-License-Identifier: GPL-2.0
#include "FactsBuilder.hh"

#include <stdexcept>

#include "FactsLoader.hh"

namespace sched_boundary::test {

nlohmann::json global(const std::string &name)
{
	return { { "name", name }, { "static", false } };
}

nlohmann::json local(const std::string &name)
{
	return { { "name", name }, { "static", true } };
}

nlohmann::json store(nlohmann::json ref)
{
	ref["use"] = "store";
	return ref;
}

nlohmann::json call_arg(nlohmann::json ref, nlohmann::json callee)
{
	ref["use"] = "call-arg";
	ref["callee"] = std::move(callee);
	return ref;
}

UnitBuilder::UnitBuilder(std::string unit)
	: unit_(std::move(unit)),
	  facts_({ { "format", 1 },
		   { "unit", unit_ },
		   { "functions", nlohmann::json::array() },
		   { "variables", nlohmann::json::array() } })
{
}

std::string UnitBuilder::file_or_unit(const std::string &file) const
{
	return file.empty() ? unit_ : file;
}

// Elements are reached by index on every call: pointers into a
// nlohmann::json array would dangle as the array grows.
nlohmann::json &UnitBuilder::current(const char *list)
{
	if (!current_list_ || std::string(current_list_) != list)
		throw std::logic_error(std::string("UnitBuilder: no current ") + list);
	return facts_[list].back();
}

UnitBuilder &UnitBuilder::function(const std::string &name, const std::string &linkage,
				   const std::string &file)
{
	const int line = next_line_++;

	facts_["functions"].push_back({
		{ "name", name },
		{ "asm", name },
		{ "linkage", linkage },
		{ "file", file_or_unit(file) },
		{ "line", line },
		{ "end_line", line },
		{ "signature", "void " + name + "(void)" },
		{ "attributes", nlohmann::json::array() },
		{ "section", "" },
		{ "calls", nlohmann::json::array() },
		{ "address_of", nlohmann::json::array() },
		{ "reads", nlohmann::json::array() },
		{ "writes", nlohmann::json::array() },
	});
	current_list_ = "functions";
	return *this;
}

UnitBuilder &UnitBuilder::records(const std::vector<std::string> &names)
{
	if (!current_list_ || std::string(current_list_) == "types")
		throw std::logic_error("UnitBuilder: records() needs a function or variable");
	current(current_list_)["records"] = names;
	return *this;
}

UnitBuilder &UnitBuilder::type(const std::string &name, int size)
{
	facts_["types"].push_back({
		{ "name", name },
		{ "file", unit_ },
		{ "line", next_line_++ },
		{ "size", size },
		{ "fields", nlohmann::json::array() },
	});
	current_list_ = "types";
	return *this;
}

UnitBuilder &UnitBuilder::field(const std::string &name, int offset, int bits,
				const std::string &type,
				const std::vector<std::string> &records)
{
	current("types")["fields"].push_back({
		{ "name", name },
		{ "offset", offset },
		{ "bits", bits },
		{ "type", type },
		{ "records", records },
	});
	return *this;
}

UnitBuilder &UnitBuilder::calls(nlohmann::json ref)
{
	current("functions")["calls"].push_back(std::move(ref));
	return *this;
}

UnitBuilder &UnitBuilder::takes(nlohmann::json use)
{
	current("functions")["address_of"].push_back(std::move(use));
	return *this;
}

UnitBuilder &UnitBuilder::reads(nlohmann::json ref)
{
	current("functions")["reads"].push_back(std::move(ref));
	return *this;
}

UnitBuilder &UnitBuilder::writes(nlohmann::json ref)
{
	current("functions")["writes"].push_back(std::move(ref));
	return *this;
}

UnitBuilder &UnitBuilder::local_to(const std::string &function)
{
	current("variables")["scope"] = function;
	return *this;
}

UnitBuilder &UnitBuilder::variable(const std::string &name, const std::string &linkage,
				   const std::string &file)
{
	facts_["variables"].push_back({
		{ "name", name },
		{ "asm", name },
		{ "linkage", linkage },
		{ "file", file_or_unit(file) },
		{ "line", next_line_++ },
		{ "type", "int" },
		{ "section", "" },
		{ "per_cpu", false },
		{ "scope", "" },
		{ "refs", nlohmann::json::array() },
	});
	current_list_ = "variables";
	return *this;
}

UnitBuilder &UnitBuilder::holds(nlohmann::json ref, const std::string &kind)
{
	ref["kind"] = kind;
	current("variables")["refs"].push_back(std::move(ref));
	return *this;
}

UnitFacts UnitBuilder::facts() const
{
	return FactsLoader().from_json(facts_, unit_ + ".json");
}

} // namespace sched_boundary::test
