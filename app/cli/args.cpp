#include "args.h"

#include <algorithm>

namespace cli {

bool ParsedArgs::has(const std::string& name) const
{
    return values.count(name) != 0 || std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> ParsedArgs::value(const std::string& name) const
{
    const auto it = values.find(name);
    if (it == values.end())
        return std::nullopt;
    return it->second;
}

std::optional<ParsedArgs> parse(const std::vector<std::string>& args,
                                const std::vector<OptionSpec>& specs, std::string& error)
{
    ParsedArgs out;
    bool onlyPositional = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (onlyPositional || arg == "-" || arg.size() < 2 || arg[0] != '-') {
            out.positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            onlyPositional = true;
            continue;
        }
        std::string name = arg;
        std::optional<std::string> inlineValue;
        if (const auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
            name = arg.substr(0, eq);
            inlineValue = arg.substr(eq + 1);
        }
        const auto spec = std::find_if(specs.begin(), specs.end(),
                                       [&](const OptionSpec& s) { return s.name == name; });
        if (spec == specs.end()) {
            error = "unknown option '" + name + "'";
            return std::nullopt;
        }
        if (!spec->takesValue) {
            if (inlineValue) {
                error = "option '" + name + "' takes no value";
                return std::nullopt;
            }
            out.flags.push_back(name);
            continue;
        }
        if (inlineValue) {
            out.values[name] = *inlineValue;
        } else if (i + 1 < args.size()) {
            out.values[name] = args[++i];
        } else {
            error = "option '" + name + "' needs a value";
            return std::nullopt;
        }
    }
    return out;
}

} // namespace cli
