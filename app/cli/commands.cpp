#include "commands.h"

namespace cli {

// Commands declared here rather than in a header of their own (defined in cmd_<name>.cpp).
int runFunctions(const std::vector<std::string>& args);

const std::vector<Command>& commands()
{
    static const std::vector<Command> table = {
        {"functions", "print the function catalog (Markdown reference or JSON)", &runFunctions},
    };
    return table;
}

} // namespace cli
