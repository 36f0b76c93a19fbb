// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_COMMAND_LINE_H
#define SCHED_BOUNDARY_COMMAND_LINE_H

#include <optional>
#include <string>
#include <vector>

namespace sched_boundary {

struct Options {
	std::string config;
	std::optional<std::string> outside;
	std::vector<std::string> why;
	std::optional<std::string> json;
	std::optional<std::string> report;
	// A boundary.json of an earlier build, for the report's changes section.
	std::optional<std::string> previous;
	// include/generated/sched_live_boundary.h and the ABI description.
	std::optional<std::string> header;
	std::optional<std::string> abi;
	std::vector<std::string> facts;
	bool help = false;
};

// Parses the arguments of sched-boundary-analyze (without argv[0]).
class CommandLine {
public:
	// Throws InputError for a malformed command line.
	static Options parse(const std::vector<std::string> &args);
	static std::string usage();
};

} // namespace sched_boundary

#endif
