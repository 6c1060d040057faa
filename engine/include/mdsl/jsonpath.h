#pragma once
// JSONPath (RFC 9535) queries over the engine's JSON values: parsed and checked once,
// evaluated many times without copying the document.

#include "mdsl/json.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mdsl::jsonpath {

namespace detail {
struct QueryImpl;
}

/// What kind of mistake a parse error reports (stable, for tools that classify errors).
enum class ErrorCode : std::uint8_t {
    Syntax,         ///< the text does not follow RFC 9535's grammar
    IntegerRange,   ///< an index or slice bound outside the I-JSON range +-(2^53-1)
    Type,           ///< a filter or function argument is not well-typed (RFC 9535 section 2.4.3)
    UnknownFunction,///< a function other than length, count, match, search, value
    Regex,          ///< a literal pattern of match() or search() is not a valid I-Regexp (RFC 9485)
    TooDeep,        ///< filters, parentheses or function calls nested beyond the parser's limit
};

/// A parse error: where in the query text (byte offsets) and what was expected.
struct Error {
    std::uint32_t offset = 0;   ///< byte offset into the text given to parse()
    std::uint32_t length = 1;   ///< bytes the error covers (at least 1, except at the end)
    std::string message;        ///< English, says what was expected, e.g. "expected ']' to close the selector list"
    ErrorCode code = ErrorCode::Syntax;
};

/// Parentheses, filters and function calls nest at most this deep in one query.
inline constexpr int kMaxNesting = 64;

struct ParseOptions {
    /// The query is embedded in a DSL expression: parse the longest query at the start of the
    /// text and stop before the first character that cannot continue it (blank space holding
    /// a newline also ends it); `consumed` tells how far it went. Off: the whole text must be
    /// one query, as RFC 9535 says, and trailing text is an error.
    bool embedded = false;
    /// Allow '@' to start the query (the DSL's queries relative to the current context).
    /// Off, as in RFC 9535, a query starts with '$'.
    bool allowCurrentAsRoot = false;
};

/// One element of a normalized path: a member name or an array index.
using PathElement = std::variant<std::string, std::size_t>;
/// A normalized path (RFC 9535 section 2.7), as its elements.
using NormalizedPath = std::vector<PathElement>;

/// The normalized path as RFC 9535 writes it, e.g. "$['store']['book'][0]".
std::string toString(const NormalizedPath& path);

/// A node of a result nodelist: the value (pointing into the queried document) and its path.
struct Node {
    const Json* value = nullptr;
    NormalizedPath path;
};

/// One step of a singular query: a member name, or an array index (negative counts from the end).
using SingularStep = std::variant<std::string, std::int64_t>;

/// A compiled query. Cheap to copy (shared, immutable); safe to run from several threads.
/// Watches an evaluation that may be long: a query with descendant segments or filters can
/// build nodelists far larger than its document (`$..*..*..*`). progress() is called every
/// kInterval nodes visited or selected, inside the traversal, filters' own queries included,
/// so the caller can count them against a budget and look at its clock; it stops the
/// evaluation by throwing, and the evaluation leaves nothing behind.
class Watch {
public:
    static constexpr std::uint64_t kInterval = 4096;
    virtual ~Watch() = default;
    /// `nodes` more nodes were visited or selected (kInterval each time).
    virtual void progress(std::uint64_t nodes) = 0;
};

class Query {
public:
    /// An empty query (selects nothing); real ones come from parse().
    Query() = default;

    /// True for a singular query (name and index selectors only): it selects at most one node.
    [[nodiscard]] bool isSingular() const noexcept;
    /// True when the query starts with '@' (relative to the current context).
    [[nodiscard]] bool isRelative() const noexcept;
    /// The query's text, as given to parse() (without what followed it in embedded mode).
    [[nodiscard]] const std::string& text() const noexcept;

    /// Appends the selected nodes' values, in the RFC's order, to out. Nothing is copied:
    /// the pointers point into root or current. `current` is the node '@' stands for.
    void select(const Json& root, const Json& current, std::vector<const Json*>& out) const;
    /// The same under a watch (nullptr: none).
    void select(const Json& root, const Json& current, std::vector<const Json*>& out, Watch* watch) const;
    /// The selected values of a query over root ('@' is the root too).
    [[nodiscard]] std::vector<const Json*> select(const Json& root) const;
    /// The selected nodes with their normalized paths (slower: builds every path).
    [[nodiscard]] std::vector<Node> selectWithPaths(const Json& root, const Json* current = nullptr,
                                                    Watch* watch = nullptr) const;

    /// For a singular query: the one selected value, or nullptr (the DSL's *missing*).
    /// For any other query: its first selected value, or nullptr.
    [[nodiscard]] const Json* selectOne(const Json& root, const Json& current) const;
    /// The steps of a singular query (what the V2 engine can precompute as a path);
    /// nullopt for a query that is not singular.
    [[nodiscard]] std::optional<std::vector<SingularStep>> singularSteps() const;
    /// For a query of child segments only: per segment, the member it selects when it is
    /// one name selector, else nullopt (it selects elements: an index, a wildcard, a slice,
    /// a filter or several selectors). Nullopt for a query with a descendant segment.
    [[nodiscard]] std::optional<std::vector<std::optional<std::string>>> childSteps() const;

private:
    friend struct detail::QueryImpl;
    std::shared_ptr<const detail::QueryImpl> impl_;
};

/// What parse() returns: a query, or the first error.
struct ParseResult {
    std::optional<Query> query;   ///< set on success
    std::optional<Error> error;   ///< set on failure
    /// Bytes of the text that belong to the query. In embedded mode this is also set on
    /// failure: the extent a caller should skip (brackets balanced, strings respected).
    std::uint32_t consumed = 0;
};

/// Parses and checks a query (syntax, I-JSON integer range, function well-typedness, regex
/// literals) once; the result runs many times.
ParseResult parse(std::string_view text, const ParseOptions& options = {});

} // namespace mdsl::jsonpath
