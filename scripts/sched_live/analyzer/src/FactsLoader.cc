// SPDX-License-Identifier: GPL-2.0
#include "FactsLoader.hh"

#include "Error.hh"
#include "JsonFields.hh"
#include "TextFile.hh"

namespace sched_boundary {

namespace {

constexpr int kFormat = 1;

Linkage parse_linkage(const JsonFields &fields)
{
	const std::string linkage = fields.string("linkage");

	if (linkage == "static")
		return Linkage::Static;
	if (linkage == "global")
		return Linkage::Global;
	if (linkage == "weak")
		return Linkage::Weak;
	throw InputError(fields.member("linkage") + ": unknown linkage \"" +
			 linkage + "\"");
}

Ref parse_ref(const JsonFields &fields)
{
	return Ref{ fields.string("name"), fields.boolean("static") };
}

// Calls each element of array member key with its fields.
template <typename Fn>
void for_each_element(const JsonFields &fields, const char *key, Fn &&fn)
{
	const nlohmann::json &array = fields.array(key);

	for (std::size_t i = 0; i < array.size(); i++)
		fn(JsonFields::nested(array[i], fields.element(key, i)));
}

std::vector<Ref> parse_refs(const JsonFields &fields, const char *key)
{
	std::vector<Ref> refs;

	for_each_element(fields, key, [&refs](const JsonFields &ref) {
		refs.push_back(parse_ref(ref));
	});
	return refs;
}

AddressUse parse_address_use(const JsonFields &fields)
{
	AddressUse use;
	const std::string kind = fields.string("use");

	use.target = parse_ref(fields);
	if (kind == "store") {
		use.use = AddressUseKind::Store;
	} else if (kind == "call-arg") {
		use.use = AddressUseKind::CallArg;
		use.callee = parse_ref(JsonFields::nested(
			fields.object("callee"), fields.member("callee")));
	} else {
		throw InputError(fields.member("use") + ": unknown use \"" +
				 kind + "\"");
	}
	return use;
}

TypeLayout parse_type(const JsonFields &fields)
{
	TypeLayout t;

	t.name = fields.string("name");
	t.file = fields.string("file");
	t.line = fields.integer("line");
	t.size = fields.integer("size");
	for_each_element(fields, "fields", [&t](const JsonFields &f) {
		t.fields.push_back({ f.string("name"), f.integer("offset"),
				     f.integer("bits"), f.string("type"),
				     f.strings("records") });
	});
	return t;
}

FunctionFacts parse_function(const JsonFields &fields)
{
	FunctionFacts f;

	f.name = fields.string("name");
	f.linkage = parse_linkage(fields);
	f.file = fields.string("file");
	f.line = fields.integer("line");
	f.end_line = fields.has("end_line") ? fields.integer("end_line") : f.line;
	f.signature = fields.string("signature");
	f.records = fields.strings("records");
	f.attributes = fields.strings("attributes");
	f.calls = parse_refs(fields, "calls");
	for_each_element(fields, "address_of", [&f](const JsonFields &use) {
		f.address_of.push_back(parse_address_use(use));
	});
	f.reads = parse_refs(fields, "reads");
	f.writes = parse_refs(fields, "writes");
	return f;
}

InitializerRef parse_initializer_ref(const JsonFields &fields)
{
	const std::string kind = fields.string("kind");
	InitializerRef ref;

	ref.ref = parse_ref(fields);
	if (kind == "function")
		ref.kind = SymbolKind::Function;
	else if (kind == "variable")
		ref.kind = SymbolKind::Variable;
	else
		throw InputError(fields.member("kind") + ": unknown kind \"" +
				 kind + "\"");
	return ref;
}

VariableFacts parse_variable(const JsonFields &fields)
{
	VariableFacts v;

	v.name = fields.string("name");
	v.linkage = parse_linkage(fields);
	v.file = fields.string("file");
	v.line = fields.integer("line");
	v.type = fields.string("type");
	v.declaration = fields.has("declaration") ? fields.string("declaration") : "";
	v.records = fields.strings("records");
	v.per_cpu = fields.has("per_cpu") && fields.boolean("per_cpu");
	v.section = fields.has("section") ? fields.string("section") : "";
	v.scope = fields.has("scope") ? fields.string("scope") : "";
	for_each_element(fields, "refs", [&v](const JsonFields &ref) {
		v.refs.push_back(parse_initializer_ref(ref));
	});
	return v;
}

} // namespace

UnitFacts FactsLoader::load_file(const std::string &path) const
{
	return parse(TextFile::read(path), path);
}

UnitFacts FactsLoader::parse(const std::string &text,
			     const std::string &origin) const
{
	nlohmann::json facts;

	try {
		facts = nlohmann::json::parse(text);
	} catch (const nlohmann::json::parse_error &e) {
		throw InputError(origin + ": not valid JSON: " + e.what());
	}
	return from_json(facts, origin);
}

UnitFacts FactsLoader::from_json(const nlohmann::json &facts,
				 const std::string &origin) const
{
	const JsonFields fields = JsonFields::root(facts, origin);
	const int format = fields.integer("format");
	UnitFacts unit;

	if (format != kFormat)
		throw InputError(origin + ": facts format " +
				 std::to_string(format) + ", expected " +
				 std::to_string(kFormat));
	unit.unit = fields.string("unit");
	unit.origin = origin;
	for_each_element(fields, "functions", [&unit](const JsonFields &f) {
		unit.functions.push_back(parse_function(f));
	});
	for_each_element(fields, "variables", [&unit](const JsonFields &v) {
		unit.variables.push_back(parse_variable(v));
	});
	if (fields.has("types"))
		for_each_element(fields, "types", [&unit](const JsonFields &t) {
			unit.types.push_back(parse_type(t));
		});
	return unit;
}

} // namespace sched_boundary
