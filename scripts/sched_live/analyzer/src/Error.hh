// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_ERROR_H
#define SCHED_BOUNDARY_ERROR_H

#include <stdexcept>

namespace sched_boundary {

// Bad facts, config or command line: something the user can fix, as opposed
// to a failure of the analyser itself.  The tool exits 2 for these.
class InputError : public std::runtime_error {
public:
	using std::runtime_error::runtime_error;
};

} // namespace sched_boundary

#endif
