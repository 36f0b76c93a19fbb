// SPDX-License-Identifier: GPL-2.0
#include "JsonFields.hh"

#include <limits>

#include "Error.hh"

namespace sched_boundary {

JsonFields JsonFields::root(const nlohmann::json &object, std::string origin)
{
	return JsonFields(object, std::move(origin), true);
}

JsonFields JsonFields::nested(const nlohmann::json &object, std::string where)
{
	return JsonFields(object, std::move(where), false);
}

JsonFields::JsonFields(const nlohmann::json &object, std::string where,
		       bool is_root)
	: object_(object), where_(std::move(where)), is_root_(is_root)
{
	if (!object_.is_object())
		throw InputError(where_ + ": expected an object, found " +
				 object_.type_name());
}

bool JsonFields::has(const char *key) const
{
	return object_.contains(key);
}

const nlohmann::json &JsonFields::get(const char *key) const
{
	const auto it = object_.find(key);

	if (it == object_.end())
		throw InputError(where_ + ": missing \"" + key + "\"");
	return *it;
}

void JsonFields::wrong_type(const char *key, const char *expected) const
{
	throw InputError(member(key) + ": expected " + expected + ", found " +
			 get(key).type_name());
}

const nlohmann::json &JsonFields::array(const char *key) const
{
	const nlohmann::json &value = get(key);

	if (!value.is_array())
		wrong_type(key, "an array");
	return value;
}

const nlohmann::json &JsonFields::object(const char *key) const
{
	const nlohmann::json &value = get(key);

	if (!value.is_object())
		wrong_type(key, "an object");
	return value;
}

std::string JsonFields::string(const char *key) const
{
	const nlohmann::json &value = get(key);

	if (!value.is_string())
		wrong_type(key, "a string");
	return value.get<std::string>();
}

std::vector<std::string> JsonFields::strings(const char *key) const
{
	std::vector<std::string> strings;

	if (!has(key))
		return strings;

	const nlohmann::json &list = array(key);

	for (std::size_t i = 0; i < list.size(); i++) {
		if (!list[i].is_string())
			throw InputError(element(key, i) + ": expected a string");
		strings.push_back(list[i].get<std::string>());
	}
	return strings;
}

int JsonFields::integer(const char *key) const
{
	const nlohmann::json &value = get(key);

	if (!value.is_number_integer())
		wrong_type(key, "an integer");
	const auto n = value.get<long long>();
	if (n < std::numeric_limits<int>::min() ||
	    n > std::numeric_limits<int>::max())
		throw InputError(member(key) + ": " + std::to_string(n) +
				 " is out of range");
	return static_cast<int>(n);
}

bool JsonFields::boolean(const char *key) const
{
	const nlohmann::json &value = get(key);

	if (!value.is_boolean())
		wrong_type(key, "true or false");
	return value.get<bool>();
}

std::string JsonFields::element(const char *key, std::size_t i) const
{
	return member(key) + "[" + std::to_string(i) + "]";
}

std::string JsonFields::member(const char *key) const
{
	return where_ + (is_root_ ? ": " : ".") + key;
}

} // namespace sched_boundary
