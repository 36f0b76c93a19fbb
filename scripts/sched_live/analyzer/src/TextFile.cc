// SPDX-License-Identifier: GPL-2.0
#include "TextFile.hh"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "Error.hh"

namespace sched_boundary {

std::string TextFile::read(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);

	if (!in)
		throw InputError("cannot read " + path + ": " + std::strerror(errno));
	std::ostringstream text;
	text << in.rdbuf();
	if (in.bad())
		throw InputError("cannot read " + path);
	return text.str();
}

void TextFile::write(const std::string &path, const std::string &text)
{
	const std::string tmp = path + ".tmp";
	{
		std::ofstream out(tmp, std::ios::binary | std::ios::trunc);

		if (!out)
			throw std::runtime_error("cannot write " + tmp + ": " +
						 std::strerror(errno));
		out << text;
		out.close();
		if (!out) {
			std::remove(tmp.c_str());
			throw std::runtime_error("cannot write " + tmp);
		}
	}
	if (std::rename(tmp.c_str(), path.c_str()) != 0) {
		const std::string why = std::strerror(errno);

		std::remove(tmp.c_str());
		throw std::runtime_error("cannot rename " + tmp + " to " + path +
					 ": " + why);
	}
}

void TextFile::update(const std::string &path, const std::string &text)
{
	std::ifstream in(path, std::ios::binary);
	std::ostringstream old;

	if (in) {
		old << in.rdbuf();
		if (in && old.str() == text)
			return;
	}
	write(path, text);
}

} // namespace sched_boundary
