// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_ANALYZER_H
#define SCHED_BOUNDARY_ANALYZER_H

#include <ostream>
#include <string>
#include <vector>

#include "CommandLine.hh"
#include "ToolStatus.hh"

namespace sched_boundary {

// sched-boundary-analyze as a callable, so that tests can run the whole
// tool in-process and look at its output and exit status.
class Analyzer {
public:
	static constexpr int kOk = sched_boundary::kOk;
	static constexpr int kFailure = sched_boundary::kFailure;
	static constexpr int kBadInput = sched_boundary::kBadInput;

	// Both streams must outlive the analyzer.
	Analyzer(std::ostream &out, std::ostream &err);

	// args excludes argv[0].  Returns the exit status.
	int run(const std::vector<std::string> &args) const;

private:
	void analyse(const Options &options) const;

	std::ostream &out_;
	std::ostream &err_;
};

} // namespace sched_boundary

#endif
