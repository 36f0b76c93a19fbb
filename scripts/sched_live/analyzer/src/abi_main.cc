// SPDX-License-Identifier: GPL-2.0
#include <iostream>
#include <string>
#include <vector>

#include "ModuleAbiTool.hh"

int main(int argc, char **argv)
{
	const std::vector<std::string> args(argv + 1, argv + argc);

	return sched_boundary::ModuleAbiTool(std::cout, std::cerr).run(args);
}
