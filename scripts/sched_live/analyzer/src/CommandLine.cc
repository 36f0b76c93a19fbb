// SPDX-License-Identifier: GPL-2.0
#include "CommandLine.hh"

#include "Error.hh"
#include "OptionValues.hh"

namespace sched_boundary {

std::string CommandLine::usage()
{
	return "usage: sched-boundary-analyze --config boundary.json "
	       "[--outside refs.txt] [--why NAME]... [--json OUT.json] "
	       "[--report OUT.md [--previous OLD.json]] [--header OUT.h] "
	       "[--abi OUT.abi] FACTS.json...";
}

Options CommandLine::parse(const std::vector<std::string> &args)
{
	const std::string help = usage();
	OptionValues values(args, help);
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
			OptionValues::set_once(config, "--config", *v);
		} else if (auto v = values.option("--outside")) {
			OptionValues::set_once(options.outside, "--outside", *v);
		} else if (auto v = values.option("--why")) {
			options.why.push_back(*v);
		} else if (auto v = values.option("--json")) {
			OptionValues::set_once(options.json, "--json", *v);
		} else if (auto v = values.option("--report")) {
			OptionValues::set_once(options.report, "--report", *v);
		} else if (auto v = values.option("--previous")) {
			OptionValues::set_once(options.previous, "--previous", *v);
		} else if (auto v = values.option("--header")) {
			OptionValues::set_once(options.header, "--header", *v);
		} else if (auto v = values.option("--abi")) {
			OptionValues::set_once(options.abi, "--abi", *v);
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
