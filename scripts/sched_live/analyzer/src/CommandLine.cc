// SPDX-License-Identifier: GPL-2.0
#include "CommandLine.hh"

#include "Error.hh"

namespace sched_boundary {

namespace {

// Stores the value of a "--name VALUE" or "--name=VALUE" option.
class OptionValues {
public:
	explicit OptionValues(const std::vector<std::string> &args) : args_(args) {}

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
			throw InputError(name + " needs a value\n" + CommandLine::usage());
		return take();
	}

private:
	const std::vector<std::string> &args_;
	std::size_t next_ = 0;
};

void set_once(std::optional<std::string> &slot, const std::string &name,
	      std::string value)
{
	if (slot)
		throw InputError(name + " given twice");
	slot = std::move(value);
}

} // namespace

std::string CommandLine::usage()
{
	return "usage: sched-boundary-analyze --config boundary.json "
	       "[--outside refs.txt] [--why NAME]... [--json OUT.json] "
	       "[--report OUT.md [--previous OLD.json]] [--header OUT.h] "
	       "[--abi OUT.abi] FACTS.json...";
}

Options CommandLine::parse(const std::vector<std::string> &args)
{
	OptionValues values(args);
	std::optional<std::string> config;
	Options options;
	bool only_files = false;

	while (!values.done()) {
		const std::string &arg = values.peek();

		if (only_files || arg.empty() || arg[0] != '-' || arg == "-") {
			options.facts.push_back(values.take());
		} else if (arg == "--") {
			only_files = true;
			values.take();
		} else if (arg == "-h" || arg == "--help") {
			options.help = true;
			values.take();
		} else if (auto v = values.option("--config")) {
			set_once(config, "--config", *v);
		} else if (auto v = values.option("--outside")) {
			set_once(options.outside, "--outside", *v);
		} else if (auto v = values.option("--why")) {
			options.why.push_back(*v);
		} else if (auto v = values.option("--json")) {
			set_once(options.json, "--json", *v);
		} else if (auto v = values.option("--report")) {
			set_once(options.report, "--report", *v);
		} else if (auto v = values.option("--previous")) {
			set_once(options.previous, "--previous", *v);
		} else if (auto v = values.option("--header")) {
			set_once(options.header, "--header", *v);
		} else if (auto v = values.option("--abi")) {
			set_once(options.abi, "--abi", *v);
		} else {
			throw InputError("unknown option " + arg + "\n" + usage());
		}
	}
	if (options.help)
		return options;
	if (!config)
		throw InputError("--config is required\n" + usage());
	if (options.facts.empty())
		throw InputError("no facts files given\n" + usage());
	if (options.previous && !options.report)
		throw InputError("--previous needs --report\n" + usage());
	options.config = *config;
	return options;
}

} // namespace sched_boundary
