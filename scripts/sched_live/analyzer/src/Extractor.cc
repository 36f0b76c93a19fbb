// SPDX-License-Identifier: GPL-2.0
#include "Extractor.hh"

#include <filesystem>
#include <set>
#include <sstream>

#include "AbiDescription.hh"
#include "ComputedBoundary.hh"
#include "Error.hh"
#include "LinkTable.hh"
#include "ModuleCode.hh"
#include "ModuleTree.hh"
#include "OptionValues.hh"
#include "TextFile.hh"
#include "ToolStatus.hh"

namespace sched_boundary {

namespace {

constexpr const char *kPrefix = "sched-boundary-extract: ";

std::set<std::string> read_names(const std::string &path)
{
	std::istringstream in(TextFile::read(path));
	std::set<std::string> names;
	std::string line;

	while (std::getline(in, line))
		if (!line.empty())
			names.insert(line);
	return names;
}

} // namespace

Extractor::Extractor(std::ostream &out, std::ostream &err) : out_(out), err_(err)
{
}

std::string Extractor::usage()
{
	return "usage: sched-boundary-extract --config boundary.conf --srctree DIR "
	       "--tree OUTDIR [--outside refs.txt] [--exports names.txt] [--defined names.txt] "
	       "[--symtab OUT.c] [--symvers OUT.symvers] FACTS.json...";
}

ExtractOptions Extractor::parse(const std::vector<std::string> &args)
{
	const std::string help = usage();
	OptionValues values(args, help);
	ExtractOptions options;
	std::optional<std::string> config, srctree, tree;
	const struct {
		const char *name;
		std::optional<std::string> &slot;
	} slots[] = {
		{ "--config", config },
		{ "--srctree", srctree },
		{ "--tree", tree },
		{ "--outside", options.outside },
		{ "--exports", options.exports },
		{ "--defined", options.defined },
		{ "--symtab", options.symtab },
		{ "--symvers", options.symvers },
	};

	while (!values.done()) {
		const std::string &arg = values.peek();
		bool known = false;

		if (arg == "-h" || arg == "--help") {
			options.help = true;
			values.take();
			continue;
		}
		if (arg.compare(0, 1, "-") != 0) {
			options.facts.push_back(values.take());
			continue;
		}
		for (const auto &slot : slots) {
			if (auto v = values.option(slot.name)) {
				OptionValues::set_once(slot.slot, slot.name, *v);
				known = true;
				break;
			}
		}
		if (!known)
			throw InputError("unknown option " + arg + "\n" + help);
	}
	if (options.help)
		return options;
	if (!config || !srctree || !tree)
		throw InputError("--config, --srctree and --tree are required\n" + usage());
	if (options.facts.empty())
		throw InputError("no facts files given\n" + usage());
	options.config = *config;
	options.srctree = *srctree;
	options.tree = *tree;
	return options;
}

int Extractor::run(const std::vector<std::string> &args) const
{
	return run_tool(kPrefix, err_, [&]() {
		const ExtractOptions options = parse(args);

		if (options.help)
			out_ << usage() << "\n";
		else
			extract(options);
		return kOk;
	});
}

void Extractor::extract(const ExtractOptions &options) const
{
	const ComputedBoundary boundary(options.config, options.outside, options.facts);
	const ModuleCode code(boundary.table(), boundary.binding(),
			      boundary.classification());
	const LinkTable link(code,
			     options.exports ? read_names(*options.exports) : std::set<std::string>(),
			     options.defined ? std::optional(read_names(*options.defined)) :
					       std::nullopt);
	const std::map<std::string, std::string> files =
		ModuleTree(options.srctree, boundary.config(), boundary.table(),
			   boundary.classification(), code)
			.render();

	std::filesystem::create_directories(options.tree);
	// A file a kernel update dropped must not linger in the module.
	for (const auto &entry : std::filesystem::directory_iterator(options.tree))
		if (entry.is_regular_file() &&
		    ModuleTree::is_source(entry.path().filename().string()) &&
		    !files.count(entry.path().filename().string()))
			std::filesystem::remove(entry.path());
	for (const auto &[name, text] : files)
		TextFile::update(options.tree + "/" + name, text);
	if (options.symtab)
		TextFile::update(*options.symtab,
				 link.render_c(AbiDescription(boundary.units(), boundary.table(),
							      boundary.classification())
						       .hash(),
					       code.interface(), code.replaced()));
	if (options.symvers)
		TextFile::update(*options.symvers, link.render_symvers());
}

} // namespace sched_boundary
