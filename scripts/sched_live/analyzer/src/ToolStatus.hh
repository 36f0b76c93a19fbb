// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_TOOL_STATUS_H
#define SCHED_BOUNDARY_TOOL_STATUS_H

#include <exception>
#include <ostream>

#include "Error.hh"

namespace sched_boundary {

// The exit statuses of the tools.
constexpr int kOk = 0;
constexpr int kFailure = 1;	// something broke: an unwritable output
constexpr int kBadInput = 2;	// the user's to fix: a command line, a config

// Runs a tool's body and turns what it throws into a message on err,
// prefixed with the tool's name, and an exit status.
template <typename Body>
int run_tool(const char *prefix, std::ostream &err, Body &&body)
{
	try {
		return body();
	} catch (const InputError &e) {
		err << prefix << e.what() << "\n";
		return kBadInput;
	} catch (const std::exception &e) {
		err << prefix << e.what() << "\n";
		return kFailure;
	}
}

} // namespace sched_boundary

#endif
