// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_JSON_FIELDS_H
#define SCHED_BOUNDARY_JSON_FIELDS_H

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sched_boundary {

// Typed access to JSON members that turns a missing or mistyped field into
// an InputError naming where it is ("core.json: functions[3].calls[0]"):
// nlohmann's own messages do not say which field of which file was wrong.
class JsonFields {
public:
	// The top-level object of the file named origin.
	static JsonFields root(const nlohmann::json &object, std::string origin);
	// A nested object; where is what element() or member() returned.
	static JsonFields nested(const nlohmann::json &object, std::string where);

	const nlohmann::json &object() const { return object_; }
	const std::string &where() const { return where_; }

	bool has(const char *key) const;
	const nlohmann::json &array(const char *key) const;
	const nlohmann::json &object(const char *key) const;
	std::string string(const char *key) const;
	// An array of strings; empty if the member is absent.
	std::vector<std::string> strings(const char *key) const;
	int integer(const char *key) const;
	bool boolean(const char *key) const;

	// The context for element i of array member key.
	std::string element(const char *key, std::size_t i) const;
	std::string member(const char *key) const;

private:
	JsonFields(const nlohmann::json &object, std::string where, bool is_root);

	const nlohmann::json &get(const char *key) const;
	[[noreturn]] void wrong_type(const char *key, const char *expected) const;

	const nlohmann::json &object_;
	std::string where_;
	bool is_root_;
};

} // namespace sched_boundary

#endif
