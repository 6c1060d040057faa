// mapping-dsl query: the JSONPath engine on the command line, for trying queries out and for
// scripts. Prints the nodelist as a JSON array of values, or of normalized paths.

#include "args.h"
#include "io.h"

#include "mdsl/jsonpath.h"

#include <algorithm>
#include <chrono>
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

A query may take 10 seconds and visit 50,000,000 nodes (descendant segments of descendant
segments grow much faster than their document); past that it stops with a message.

Exit codes: 0 success (even when nothing is selected), 1 invalid query or a query past those
limits, 2 usage error, unreadable file or invalid JSON.
)";

/// JSON nested deeper than this is refused: printing it would recurse once per level.
constexpr int kMaxDocumentDepth = 10000;

struct TooDeep {};

/// The limits of one query: time, and nodes visited or selected. Looked at inside the
/// traversal (jsonpath::Watch) and while the result is copied out.
class QueryLimits final : public mdsl::jsonpath::Watch {
public:
    static constexpr std::uint64_t kMaxNodes = 50'000'000;
    static constexpr std::chrono::seconds kMaxTime{10};

    /// What stopped the query, for its message.
    struct Exceeded {
        std::string what;
    };

    void progress(std::uint64_t nodes) override
    {
        if ((nodes_ += nodes) > kMaxNodes)
            throw Exceeded{"the query visited more than 50,000,000 nodes"};
        checkTime();
    }
    void checkTime() const
    {
        if (std::chrono::steady_clock::now() > deadline_)
            throw Exceeded{"the query took longer than 10 s"};
    }

private:
    std::uint64_t nodes_ = 0;
    std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::now() + kMaxTime;
};

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
    QueryLimits limits;
    try {
        if (parsed->has("--paths")) {
            for (const mdsl::jsonpath::Node& node : query.query->selectWithPaths(document, nullptr, &limits))
                out.push_back(mdsl::jsonpath::toString(node.path));
        } else {
            std::vector<const mdsl::Json*> nodes;
            query.query->select(document, document, nodes, &limits);
            for (std::size_t i = 0; i < nodes.size(); ++i) {
                if ((i & 4095u) == 0)
                    limits.checkTime();   // copying many deep nodes is long too
                out.push_back(*nodes[i]);
            }
        }
    } catch (const QueryLimits::Exceeded& exceeded) {
        printError(exceeded.what + ": narrow it (a name or index instead of `..`, a filter)");
        return kFailed;
    }
    std::cout << out.dump(2) << '\n';
    return kOk;
}

} // namespace cli
