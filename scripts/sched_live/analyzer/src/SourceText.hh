// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_SOURCE_TEXT_H
#define SCHED_BOUNDARY_SOURCE_TEXT_H

#include <string>
#include <vector>

namespace sched_boundary {

// A C source file as lines, with the little lexing that finding where a
// definition begins and ends needs.  The facts give the line of the name
// of each definition (and of a function's closing brace); the rest is
// read off the text, in kernel coding style.
class SourceText {
public:
	explicit SourceText(const std::string &text);

	int line_count() const { return static_cast<int>(lines_.size()); }
	// 1-based; includes the line's '\n' if it had one.
	const std::string &line(int n) const { return lines_.at(n - 1); }

	// The first line of the declaration whose name is on line n: the
	// lines above it that do not end a statement, a block or a comment
	// (a return type, attributes on a line of their own).
	int declaration_start(int n) const;
	// The line of the ';' that ends the declaration starting on line n,
	// outside brackets, comments and literals; preprocessor lines (an
	// #include inside an initializer) are skipped.  Throws InputError if
	// the file ends first.
	int statement_end(int n) const;

private:
	std::vector<std::string> lines_;
};

} // namespace sched_boundary

#endif
