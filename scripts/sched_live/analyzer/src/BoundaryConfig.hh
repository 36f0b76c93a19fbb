// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_BOUNDARY_CONFIG_H
#define SCHED_BOUNDARY_BOUNDARY_CONFIG_H

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sched_boundary {

// The boundary config (FORMAT.md, "Boundary config") as written: names are
// not checked against the facts here, that is ConfigBinding's job.
class BoundaryConfig {
public:
	// Name (or prefix, or type) -> why.
	using Entries = std::map<std::string, std::string>;

	static BoundaryConfig load_file(const std::string &path);
	// origin names the text in messages.
	static BoundaryConfig parse(const std::string &text,
				    const std::string &origin);

	const std::string &origin() const { return origin_; }
	const std::set<std::string> &files() const { return files_; }
	// Prefix -> why: every function of the files whose name starts with
	// the prefix stays in vmlinux, as if "external" listed it.
	const Entries &external_prefixes() const { return external_prefixes_; }
	const Entries &interface_entries() const { return interface_; }
	const Entries &external_entries() const { return external_; }
	// The same, for functions that only some kernel configs build: a
	// name that matches nothing is no error.
	const Entries &external_when_built_entries() const
	{
		return external_when_built_;
	}
	const Entries &shared_entries() const { return shared_; }
	const Entries &private_entries() const { return private_; }
	// Type -> why: the types of state the schedulers must share, which a
	// function-local static the module would copy must not have.
	const Entries &shared_state_types() const { return shared_state_types_; }

	// Whether a variable of the files that nothing else classifies is
	// shared ("data_default": "shared") or private (the default).
	bool data_shared_by_default() const { return data_shared_by_default_; }

	bool covers(const std::string &file) const;
	// The first external prefix that name starts with.
	std::optional<std::string> external_prefix_of(const std::string &name) const;

private:
	BoundaryConfig() = default;

	std::string origin_;
	std::set<std::string> files_;
	Entries external_prefixes_;
	Entries interface_;
	Entries external_;
	Entries external_when_built_;
	Entries shared_;
	Entries private_;
	Entries shared_state_types_;
	bool data_shared_by_default_ = false;
};

} // namespace sched_boundary

#endif
