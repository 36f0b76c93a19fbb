// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_MODULE_ABI_TOOL_H
#define SCHED_BOUNDARY_MODULE_ABI_TOOL_H

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "ToolStatus.hh"

namespace sched_boundary {

struct ModuleAbiOptions {
	std::string kernel;			// the kernel's boundary.abi
	std::string header;			// the header to write
	std::optional<std::string> description;	// the module's description
	std::vector<std::string> layouts;	// the units' layouts-only facts
	bool help = false;
};

// sched-boundary-abi: run by a scheduler module's build, writes the
// header that gives the module the hash it registers with,
// SCHED_LIVE_MODULE_ABI_HASH (ModuleAbi).  Callable in-process, like
// Analyzer.
class ModuleAbiTool {
public:
	ModuleAbiTool(std::ostream &out, std::ostream &err);

	int run(const std::vector<std::string> &args) const;

	static ModuleAbiOptions parse(const std::vector<std::string> &args);
	static std::string usage();

private:
	void write(const ModuleAbiOptions &options) const;

	std::ostream &out_;
	std::ostream &err_;
};

} // namespace sched_boundary

#endif
