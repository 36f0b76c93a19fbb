// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_TEXT_FILE_H
#define SCHED_BOUNDARY_TEXT_FILE_H

#include <string>

namespace sched_boundary {

// Whole-file reads and writes, with errors that name the file.
class TextFile {
public:
	// Throws InputError: an unreadable input is the user's to fix.
	static std::string read(const std::string &path);
	// Throws std::runtime_error.  Writes a temporary file and renames it,
	// so that a failed run never leaves a truncated output behind.
	static void write(const std::string &path, const std::string &text);
	// write(), unless the file already holds text: what make sees as
	// changed must have changed, or everything depending on it rebuilds.
	static void update(const std::string &path, const std::string &text);
};

} // namespace sched_boundary

#endif
