// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_OPTION_VALUES_H
#define SCHED_BOUNDARY_OPTION_VALUES_H

#include <optional>
#include <string>
#include <vector>

#include "Error.hh"

namespace sched_boundary {

// Walks a tool's arguments and reads the value of a "--name VALUE" or
// "--name=VALUE" option; the tools' command lines are built on it.
class OptionValues {
public:
	// Both must outlive the object; usage ends the error messages.
	OptionValues(const std::vector<std::string> &args, const std::string &usage)
		: args_(args), usage_(usage) {}

	bool done() const { return next_ >= args_.size(); }
	const std::string &peek() const { return args_[next_]; }
	std::string take() { return args_[next_++]; }

	// If the next argument is option name, consumes it and its value.
	std::optional<std::string> option(const std::string &name)
	{
		const std::string &arg = peek();

		if (arg.compare(0, name.size() + 1, name + "=") == 0) {
			next_++;
			return arg.substr(name.size() + 1);
		}
		if (arg != name)
			return std::nullopt;
		next_++;
		if (done())
			throw InputError(name + " needs a value\n" + usage_);
		return take();
	}

	// Stores value in slot, which an earlier option must not have set.
	static void set_once(std::optional<std::string> &slot, const std::string &name,
			     std::string value)
	{
		if (slot)
			throw InputError(name + " given twice");
		slot = std::move(value);
	}

private:
	const std::vector<std::string> &args_;
	const std::string &usage_;
	std::size_t next_ = 0;
};

} // namespace sched_boundary

#endif
