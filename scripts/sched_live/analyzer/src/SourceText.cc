// SPDX-License-Identifier: GPL-2.0
#include "SourceText.hh"

#include "Error.hh"

namespace sched_boundary {

namespace {

std::string trimmed(const std::string &line)
{
	const auto first = line.find_first_not_of(" \t\r\n");

	if (first == std::string::npos)
		return "";
	return line.substr(first, line.find_last_not_of(" \t\r\n") - first + 1);
}

bool ends_with(const std::string &s, const std::string &tail)
{
	return s.size() >= tail.size() &&
	       s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Whether the line above a declaration belongs to something else.
bool ends_something(const std::string &line)
{
	const std::string t = trimmed(line);

	return t.empty() || t[0] == '#' || t.compare(0, 2, "//") == 0 ||
	       ends_with(t, ";") || ends_with(t, "}") || ends_with(t, "{") ||
	       ends_with(t, "*/") || ends_with(t, "\\");
}

} // namespace

SourceText::SourceText(const std::string &text)
{
	std::string::size_type start = 0;

	while (start < text.size()) {
		const auto end = text.find('\n', start);

		if (end == std::string::npos) {
			lines_.push_back(text.substr(start));
			break;
		}
		lines_.push_back(text.substr(start, end - start + 1));
		start = end + 1;
	}
}

int SourceText::declaration_start(int n) const
{
	// A line continuing a macro definition belongs to the macro.
	while (n > 1 && !ends_something(line(n - 1)) &&
	       !(n > 2 && ends_with(trimmed(line(n - 2)), "\\")))
		n--;
	return n;
}

int SourceText::statement_end(int n) const
{
	enum { Code, Comment, String, Char } state = Code;
	int depth = 0;

	for (int i = n; i <= line_count(); i++) {
		const std::string &text = line(i);

		if (state == Code && trimmed(text).compare(0, 1, "#") == 0)
			continue;
		for (std::size_t c = 0; c < text.size(); c++) {
			const char ch = text[c];
			const char next = c + 1 < text.size() ? text[c + 1] : '\0';

			switch (state) {
			case Comment:
				if (ch == '*' && next == '/') {
					state = Code;
					c++;
				}
				continue;
			case String:
			case Char:
				if (ch == '\\')
					c++;
				else if (ch == (state == String ? '"' : '\''))
					state = Code;
				continue;
			case Code:
				break;
			}
			if (ch == '/' && next == '*') {
				state = Comment;
				c++;
			} else if (ch == '/' && next == '/') {
				break;
			} else if (ch == '"') {
				state = String;
			} else if (ch == '\'') {
				state = Char;
			} else if (ch == '(' || ch == '[' || ch == '{') {
				depth++;
			} else if (ch == ')' || ch == ']' || ch == '}') {
				depth--;
			} else if (ch == ';' && depth == 0) {
				return i;
			}
		}
	}
	throw InputError("no ';' ends the declaration on line " + std::to_string(n));
}

} // namespace sched_boundary
