// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_JSON_WRITER_H
#define SCHED_BOUNDARY_JSON_WRITER_H

#include <string>

#include <nlohmann/json.hpp>

#include "Classification.hh"
#include "SymbolTable.hh"

namespace sched_boundary {

// The machine-readable classification.  Byte-identical for the same input:
// keys and arrays are sorted, symbols are named by their keys ("name", or
// "<unit>:<name>" for a static), and nothing depends on the input order.
class JsonWriter {
public:
	// Both must outlive the writer.
	JsonWriter(const SymbolTable &table, const Classification &classification);

	nlohmann::json to_json() const;
	// 2-space indent and a trailing newline.
	std::string render() const;

private:
	nlohmann::json keys(Category category) const;
	nlohmann::json interface_details() const;

	const SymbolTable &table_;
	const Classification &classification_;
};

} // namespace sched_boundary

#endif
