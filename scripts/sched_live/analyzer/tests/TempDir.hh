// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_TEST_TEMP_DIR_H
#define SCHED_BOUNDARY_TEST_TEMP_DIR_H

#include <string>

namespace sched_boundary::test {

// A fresh directory, removed with everything in it when the test ends.
class TempDir {
public:
	TempDir();
	~TempDir();
	TempDir(const TempDir &) = delete;
	TempDir &operator=(const TempDir &) = delete;

	const std::string &path() const { return path_; }
	std::string file(const std::string &name) const { return path_ + "/" + name; }
	// Writes name and returns its path.
	std::string write(const std::string &name, const std::string &text) const;

private:
	std::string path_;
};

} // namespace sched_boundary::test

#endif
