// SPDX-License-Identifier: GPL-2.0
#include "TempDir.hh"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "TextFile.hh"

namespace sched_boundary::test {

TempDir::TempDir()
{
	const std::string pattern =
		(std::filesystem::temp_directory_path() / "sba-test-XXXXXX").string();
	std::vector<char> name(pattern.begin(), pattern.end());

	name.push_back('\0');
	if (!mkdtemp(name.data()))
		throw std::runtime_error("mkdtemp failed");
	path_ = name.data();
}

TempDir::~TempDir()
{
	std::error_code ignored;

	std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::write(const std::string &name, const std::string &text) const
{
	const std::string path = file(name);

	TextFile::write(path, text);
	return path;
}

} // namespace sched_boundary::test
