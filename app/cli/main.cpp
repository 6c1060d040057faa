// mapping-dsl: the Mapping DSL engine on the command line. Each command lives in its own
// function; this file only dispatches.

#include "args.h"
#include "commands.h"

#include "mdsl/version.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr const char* kUsage = R"(Usage: mapping-dsl COMMAND [ARGS...]
   or: mapping-dsl COMMAND --help
   or: mapping-dsl --help | --version

The Mapping DSL engine on the command line: the same engine the studio and production use.

Commands:
)";

constexpr const char* kExitCodes = R"(
Exit codes:
  0  success (for validate: no errors; warnings are allowed)
  1  the mapping or query has errors, or the run failed
  2  usage error, or a file could not be read or written

Run 'mapping-dsl COMMAND --help' for the options of one command. The full reference is
docs/cli.md, installed with the package in /usr/share/doc/mapping-studio/.
)";

void printUsage(std::ostream& out)
{
    out << kUsage;
    for (const cli::Command& command : cli::commands()) {
        std::string name = command.name;
        name.resize(12, ' ');
        out << "  " << name << command.summary << '\n';
    }
    out << kExitCodes;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printUsage(std::cerr);
        return cli::kUsage;
    }
    const std::string& first = args.front();
    if (first == "--help" || first == "-h" || first == "help") {
        printUsage(std::cout);
        return cli::kOk;
    }
    if (first == "--version") {
        std::cout << "mapping-dsl " << MDSL_PROJECT_VERSION << " (engine " << mdsl::engineVersion()
                  << ", language versions 1-" << mdsl::kMaxLanguageVersion << ")\n";
        return cli::kOk;
    }
    for (const cli::Command& command : cli::commands()) {
        if (command.name == first)
            return command.run(std::vector<std::string>(args.begin() + 1, args.end()));
    }
    std::cerr << "mapping-dsl: unknown command '" << first << "'\n"
              << "Run 'mapping-dsl --help' for the list of commands.\n";
    return cli::kUsage;
}
