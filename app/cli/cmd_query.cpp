// mapping-dsl query: the JSONPath engine on the command line, for trying queries out and for
// scripts. Prints the nodelist as a JSON array of values, or of normalized paths.

#include "args.h"
#include "io.h"

#include "mdsl/jsonpath.h"

#include <algorithm>
#include <iostream>

namespace cli {

/// mapping-dsl query 'QUERY' [FILE|-] [--paths]; args are those after the command name.
int runQuery(const std::vector<std::string>& args);

namespace {

constexpr const char* kQueryUsage = R"(Usage: mapping-dsl query 'QUERY' [FILE|-] [--paths]

Runs a JSONPath query (RFC 9535) over the JSON document in FILE, or standard input when FILE
is '-' or absent, and prints the selected nodes as a JSON array of their values.

Options:
  --paths    print the normalized paths of the nodes (e.g. "$['a'][0]") instead of values
  --help     print this help

Exit codes: 0 success (even when nothing is selected), 1 invalid query,
2 usage error, unreadable file or invalid JSON.
)";

/// JSON nested deeper than this is refused: printing it would recurse once per level.
constexpr int kMaxDocumentDepth = 10000;

struct TooDeep {};

/// The line of the query holding offset, and a caret under the offending character.
void printQueryError(const std::string& query, const mdsl::jsonpath::Error& error)
{
    const std::size_t offset = std::min<std::size_t>(error.offset, query.size());
    std::size_t lineStart = 0;
    if (const std::size_t newline = offset == 0 ? std::string::npos : query.rfind('\n', offset - 1);
        newline != std::string::npos)
        lineStart = newline + 1;
    std::size_t lineEnd = query.find('\n', offset);
    if (lineEnd == std::string::npos)
        lineEnd = query.size();
    std::size_t line = 1;
    for (std::size_t i = 0; i < lineStart; ++i)
        line += query[i] == '\n' ? 1 : 0;
    std::size_t column = 1;   // in characters, so the caret lines up under UTF-8 text
    for (std::size_t i = lineStart; i < offset; ++i)
        column += (static_cast<unsigned char>(query[i]) & 0xC0) != 0x80 ? 1 : 0;

    printError("invalid query at " + std::to_string(line) + ":" + std::to_string(column) + ": " + error.message);
    std::cerr << "  " << query.substr(lineStart, lineEnd - lineStart) << '\n'
              << "  " << std::string(column - 1, ' ') << "^\n";
}

} // namespace

int runQuery(const std::vector<std::string>& args)
{
    std::string error;
    const auto parsed = cli::parse(args, {{"--paths"}, {"--help"}}, error);
    if (!parsed) {
        printError(error);
        std::cerr << kQueryUsage;
        return kUsage;
    }
    if (parsed->has("--help")) {
        std::cout << kQueryUsage;
        return kOk;
    }
    if (parsed->positional.empty() || parsed->positional.size() > 2) {
        printError(parsed->positional.empty() ? "query: missing the QUERY argument"
                                              : "query: too many arguments");
        std::cerr << kQueryUsage;
        return kUsage;
    }
    const std::string& text = parsed->positional[0];
    const mdsl::jsonpath::ParseResult query = mdsl::jsonpath::parse(text);
    if (!query.query) {
        printQueryError(text, *query.error);
        return kFailed;
    }

    const std::string file = parsed->positional.size() > 1 ? parsed->positional[1] : "-";
    const std::optional<std::string> input = readText(file, error);
    if (!input) {
        printError(error);
        return kUsage;
    }
    const std::string name = file == "-" ? "standard input" : "'" + file + "'";
    mdsl::Json document;
    try {
        document = mdsl::Json::parse(*input, [](int depth, mdsl::Json::parse_event_t, mdsl::Json&) {
            if (depth > kMaxDocumentDepth)
                throw TooDeep{};
            return true;
        });
    } catch (const mdsl::Json::parse_error& e) {
        printError("invalid JSON in " + name + ": " + e.what());
        return kUsage;
    } catch (const TooDeep&) {
        printError("invalid JSON in " + name + ": nested more than " + std::to_string(kMaxDocumentDepth)
                   + " levels deep");
        return kUsage;
    }

    mdsl::Json out = mdsl::Json::array();
    if (parsed->has("--paths")) {
        for (const mdsl::jsonpath::Node& node : query.query->selectWithPaths(document))
            out.push_back(mdsl::jsonpath::toString(node.path));
    } else {
        for (const mdsl::Json* value : query.query->select(document))
            out.push_back(*value);
    }
    std::cout << out.dump(2) << '\n';
    return kOk;
}

} // namespace cli
