// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_REPORT_WRITER_H
#define SCHED_BOUNDARY_REPORT_WRITER_H

#include <string>

#include "BoundaryDiff.hh"
#include "Classification.hh"
#include "Explainer.hh"
#include "SymbolTable.hh"

namespace sched_boundary {

// The Markdown report for people reviewing a boundary change: the set
// sizes, the interface and the shared data, each with its first reason.
// Deterministic, so that reports can be diffed.
class ReportWriter {
public:
	// All three must outlive the writer.
	ReportWriter(const SymbolTable &table, const Classification &classification,
		     const Explainer &explainer);

	// With a diff, the report ends with what changed since that boundary.
	std::string render(const BoundaryDiff *since = nullptr) const;

private:
	std::string counts() const;
	std::string interface_table() const;
	std::string shared_table() const;

	const SymbolTable &table_;
	const Classification &classification_;
	const Explainer &explainer_;
};

} // namespace sched_boundary

#endif
