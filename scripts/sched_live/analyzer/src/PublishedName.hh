// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_PUBLISHED_NAME_H
#define SCHED_BOUNDARY_PUBLISHED_NAME_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace sched_boundary {

// A module imports a published name, and with CONFIG_MODVERSIONS modpost
// refuses to import a name that does not fit struct modversion_info's
// name[] with its terminating NUL: 64 - sizeof(unsigned long) bytes.
constexpr std::size_t kMaxImportedName = 64 - 8 - 1;

// The global name the sched_boundary plugin gives a file-scope static of
// the scheduler unit @unit_file so that a module can link against
// vmlinux's copy: "__sched_live.<unit>.<name>", <unit> being the file's
// base name without ".c".  The
// plugin, which publishes the name, and the extractor, which links a
// module against it, both include this header: one rule, one place.
//
// A name too long to import keeps the start that fits and ends in
// ".<FNV-1a hash of the whole name>", so that two long names sharing a
// start still differ; should two ever collide, vmlinux does not link.
inline std::string published_name(const std::string &unit_file, const std::string &name)
{
	static const char hex[] = "0123456789abcdef";
	std::string unit = unit_file.substr(unit_file.rfind('/') + 1);
	std::uint32_t hash = 2166136261u;
	std::string tail = ".";

	if (unit.size() > 2 && unit.compare(unit.size() - 2, 2, ".c") == 0)
		unit.resize(unit.size() - 2);

	const std::string whole = "__sched_live." + unit + "." + name;

	if (whole.size() <= kMaxImportedName)
		return whole;
	for (unsigned char c : whole) {
		hash ^= c;
		hash *= 16777619u;
	}
	for (int shift = 28; shift >= 0; shift -= 4)
		tail += hex[(hash >> shift) & 0xf];
	return whole.substr(0, kMaxImportedName - tail.size()) + tail;
}

} // namespace sched_boundary

#endif
