// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_EXTRACTOR_H
#define SCHED_BOUNDARY_EXTRACTOR_H

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "ToolStatus.hh"

namespace sched_boundary {

struct ExtractOptions {
	std::string config;
	std::optional<std::string> outside;
	std::string srctree;
	std::optional<std::string> exports;	// exported symbols, one per line
	std::optional<std::string> defined;	// global symbols of vmlinux, one per line
	std::string tree;			// output directory
	std::optional<std::string> symtab;	// the C table for vmlinux
	std::optional<std::string> symvers;	// the same in Module.symvers format
	std::vector<std::string> facts;
	bool help = false;
};

// sched-boundary-extract: computes the boundary as sched-boundary-analyze
// does, then writes the extracted scheduler module's sources (ModuleTree)
// and the table of the vmlinux symbols it needs (LinkTable).  Callable
// in-process, like Analyzer.
class Extractor {
public:
	static constexpr int kOk = sched_boundary::kOk;
	static constexpr int kFailure = sched_boundary::kFailure;
	static constexpr int kBadInput = sched_boundary::kBadInput;

	Extractor(std::ostream &out, std::ostream &err);

	int run(const std::vector<std::string> &args) const;

	static ExtractOptions parse(const std::vector<std::string> &args);
	static std::string usage();

private:
	void extract(const ExtractOptions &options) const;

	std::ostream &out_;
	std::ostream &err_;
};

} // namespace sched_boundary

#endif
