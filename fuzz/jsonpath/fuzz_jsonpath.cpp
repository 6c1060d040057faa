// JSONPath (RFC 9535): the input is a query, a newline, then a JSON document (a small fixed
// document when the rest is not JSON). The query is parsed as RFC 9535 says and as the DSL
// embeds it, then evaluated.
// Invariants: a parse gives a query or an error, never both; errors lie in the text and are
// UTF-8; select() and selectWithPaths() find the same nodes; a singular query selects at most
// one node, the one selectOne() gives; each node's normalized path leads from the root to that
// node, and parsed back as a query selects exactly that node.

#include "fuzz_support.h"

#include "mdsl/jsonpath.h"

#include <algorithm>

using namespace mdsl;

namespace {

const Json& fallbackDocument()
{
    static const Json document = Json::parse(R"({"store": {"book": [
        {"category": "reference", "author": "Nigel Rees", "price": 8.95, "tags": ["a", "b"]},
        {"category": "fiction", "author": "Évelyn", "price": 12, "isbn": "0-553"}],
        "bicycle": {"color": "red", "price": 399}}, "": null, "a'b": [0, -1, 1e3, true, {}]})");
    return document;
}

const Json* follow(const Json& root, const jsonpath::NormalizedPath& path)
{
    const Json* at = &root;
    for (const jsonpath::PathElement& element : path) {
        if (const auto* name = std::get_if<std::string>(&element)) {
            if (!at->is_object() || !at->contains(*name))
                return nullptr;
            at = &(*at)[*name];
        } else {
            const std::size_t index = std::get<std::size_t>(element);
            if (!at->is_array() || index >= at->size())
                return nullptr;
            at = &(*at)[index];
        }
    }
    return at;
}

void checkParse(const jsonpath::ParseResult& result, std::string_view text)
{
    FUZZ_CHECK(result.query.has_value() != result.error.has_value(), std::string(text));
    FUZZ_CHECK(result.consumed <= text.size(), std::string(text));
    if (result.error) {
        FUZZ_CHECK(result.error->offset <= text.size(), result.error->message);
        FUZZ_CHECK(!result.error->message.empty() && fuzz::isUtf8(result.error->message), result.error->message);
    }
}

void checkQuery(const jsonpath::Query& query, const Json& root)
{
    const std::vector<const Json*> values = query.select(root);
    const std::vector<jsonpath::Node> nodes = query.selectWithPaths(root);
    FUZZ_CHECK(values.size() == nodes.size(), query.text());
    FUZZ_CHECK(query.singularSteps().has_value() == query.isSingular(), query.text());
    if (query.isSingular())
        FUZZ_CHECK(values.size() <= 1, query.text());
    const Json* one = query.selectOne(root, root);
    FUZZ_CHECK(one == (values.empty() ? nullptr : values.front()), query.text());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const std::string path = jsonpath::toString(nodes[i].path);
        FUZZ_CHECK(nodes[i].value == values[i], query.text() + " node " + path);
        FUZZ_CHECK(follow(root, nodes[i].path) == values[i], query.text() + " path " + path);
        FUZZ_CHECK(fuzz::isUtf8(path), query.text());
        const jsonpath::ParseResult back = jsonpath::parse(path);
        FUZZ_CHECK(back.query && back.query->isSingular(), "normalized path does not parse: " + path);
        FUZZ_CHECK(back.query->selectOne(root, root) == values[i], "normalized path selects another node: " + path);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto [text, rest] = fuzz::splitAtNewline(fuzz::asText(data, size));
    const Json parsedDocument = Json::parse(rest, nullptr, /*allow_exceptions=*/false);
    const Json& root = parsedDocument.is_discarded() ? fallbackDocument() : parsedDocument;

    const jsonpath::ParseResult strict = jsonpath::parse(text);
    checkParse(strict, text);
    if (strict.query)
        checkQuery(*strict.query, root);

    jsonpath::ParseOptions embedded;
    embedded.embedded = true;
    embedded.allowCurrentAsRoot = true;
    const jsonpath::ParseResult inDsl = jsonpath::parse(text, embedded);
    checkParse(inDsl, text);
    // What RFC 9535 accepts the DSL accepts too, up to blank space that ends it: blank space
    // at the end, or blank space holding a line break (the end of a DSL line).
    if (strict.query) {
        FUZZ_CHECK(inDsl.query, "the DSL refuses a valid query: " + std::string(text));
        const std::string_view after = text.substr(inDsl.consumed);
        const std::string_view blank = after.substr(0, std::min(after.find_first_not_of(" \t\r"), after.size()));
        FUZZ_CHECK(blank.size() == after.size() || blank.find('\r') != std::string_view::npos,
            "the embedded parse stops inside a valid query: " + std::string(text));
    }
    if (inDsl.query) {
        std::vector<const Json*> relative;
        inDsl.query->select(root, root, relative);
        FUZZ_CHECK(relative.size() == inDsl.query->select(root).size(), inDsl.query->text());
    }
    return 0;
}
