// SPDX-License-Identifier: GPL-2.0
#include "BoundaryConfig.hh"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "Error.hh"
#include "JsonFields.hh"
#include "TextFile.hh"

namespace sched_boundary {

namespace {

BoundaryConfig::Entries parse_entries(const JsonFields &fields, const char *key)
{
	BoundaryConfig::Entries entries;

	if (!fields.has(key))
		return entries;
	for (const auto &[name, why] : fields.object(key).items()) {
		if (!why.is_string())
			throw InputError(fields.member(key) + ".\"" + name +
					 "\": expected a string saying why");
		if (name.empty())
			throw InputError(fields.member(key) + ": empty name");
		entries.emplace(name, why.get<std::string>());
	}
	return entries;
}

// A misspelt key would otherwise silently drop a whole list.
void check_keys(const JsonFields &fields)
{
	static constexpr std::array<const char *, 9> known = {
		"files", "interface", "external", "external_prefixes",
		"external_when_built", "shared", "private",
		"data_default", "shared_state_types",
	};

	for (const auto &item : fields.object().items()) {
		const bool ok = std::any_of(known.begin(), known.end(),
					    [&item](const char *key) {
						    return item.key() == key;
					    });
		if (!ok)
			throw InputError(fields.where() + ": unknown key \"" +
					 item.key() + "\"");
	}
}

} // namespace

BoundaryConfig BoundaryConfig::load_file(const std::string &path)
{
	return parse(TextFile::read(path), path);
}

BoundaryConfig BoundaryConfig::parse(const std::string &text,
				     const std::string &origin)
{
	nlohmann::json json;

	try {
		json = nlohmann::json::parse(text, nullptr, true, true);
	} catch (const nlohmann::json::parse_error &e) {
		throw InputError(origin + ": not valid JSON: " + e.what());
	}

	const JsonFields fields = JsonFields::root(json, origin);
	BoundaryConfig config;

	check_keys(fields);
	config.origin_ = origin;
	if (!fields.has("files"))
		throw InputError(origin + ": missing \"files\"");
	for (const std::string &file : fields.strings("files"))
		config.files_.insert(file);
	config.interface_ = parse_entries(fields, "interface");
	config.external_ = parse_entries(fields, "external");
	config.external_prefixes_ = parse_entries(fields, "external_prefixes");
	config.external_when_built_ = parse_entries(fields, "external_when_built");
	config.shared_ = parse_entries(fields, "shared");
	config.private_ = parse_entries(fields, "private");
	config.shared_state_types_ = parse_entries(fields, "shared_state_types");
	if (fields.has("data_default")) {
		const nlohmann::json &value = fields.object().at("data_default");

		if (value != "shared" && value != "private")
			throw InputError(fields.member("data_default") +
					 ": expected \"shared\" or \"private\"");
		config.data_shared_by_default_ = value == "shared";
	}
	return config;
}

bool BoundaryConfig::covers(const std::string &file) const
{
	return files_.count(file) != 0;
}

std::optional<std::string>
BoundaryConfig::external_prefix_of(const std::string &name) const
{
	const auto it = std::find_if(external_prefixes_.begin(),
				     external_prefixes_.end(),
				     [&name](const auto &entry) {
					     return name.compare(0, entry.first.size(),
								 entry.first) == 0;
				     });
	if (it == external_prefixes_.end())
		return std::nullopt;
	return it->first;
}

} // namespace sched_boundary
