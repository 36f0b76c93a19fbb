// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_OUTSIDE_REFS_H
#define SCHED_BOUNDARY_OUTSIDE_REFS_H

#include <string>
#include <vector>

namespace sched_boundary {

struct OutsideRef {
	std::string symbol;
	std::string object;

	bool operator<(const OutsideRef &o) const;
	bool operator==(const OutsideRef &o) const;
};

// References from objects outside the analysed units (FORMAT.md, "Outside
// references"): lines "<symbol> <object>", '#' comments and blank lines
// ignored.
class OutsideRefs {
public:
	OutsideRefs() = default;

	static OutsideRefs load_file(const std::string &path);
	// origin names the text in messages.
	static OutsideRefs parse(const std::string &text, const std::string &origin);

	// Sorted and unique, so that the first reference recorded for a
	// symbol does not depend on how nm happened to order its output.
	const std::vector<OutsideRef> &entries() const { return entries_; }

private:
	std::vector<OutsideRef> entries_;
};

} // namespace sched_boundary

#endif
