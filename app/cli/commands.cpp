#include "commands.h"

namespace cli {

// Commands declared here rather than in a header of their own (defined in cmd_<name>.cpp).
int runValidate(const std::vector<std::string>& args);
int runFunctions(const std::vector<std::string>& args);
int runFmt(const std::vector<std::string>& args);
int runQuery(const std::vector<std::string>& args);

const std::vector<Command>& commands()
{
    static const std::vector<Command> table = {
        {"validate", "check a mapping: syntax, names, functions, targets, version and flags", &runValidate},
        {"fmt", "format a mapping in the canonical layout (or check that it is)", &runFmt},
        {"functions", "print the function catalog (Markdown reference or JSON)", &runFunctions},
        {"query", "run a JSONPath query over a JSON document", &runQuery},
    };
    return table;
}

} // namespace cli
