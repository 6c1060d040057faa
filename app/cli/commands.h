#pragma once
// The commands of mapping-dsl. Each command is one function in its own cmd_*.cpp file and
// one entry in the table of commands.cpp.

#include <string>
#include <vector>

namespace cli {

struct Command {
    std::string name;
    std::string summary;                                  ///< one line for --help
    int (*run)(const std::vector<std::string>& args);     ///< args after the command name
};

/// Every command, in the order --help lists them.
const std::vector<Command>& commands();

} // namespace cli
