// Completion and signature help: what the studio's editor offers, for any LSP client.
// Completion gives the input paths of the mapping's sample input after `.` or `$`, what a
// name holds after `name.`, and otherwise the targets written (at the start of a line), the
// names visible at the cursor, the catalog's functions (as snippets with their required
// parameters) and the keywords.

#include "lsp/features.h"

#include "mdsl/catalog.h"

#include <set>

namespace lsp {

namespace {

enum CompletionKind { kItemField = 5, kItemVariable = 6, kItemFunction = 3, kItemProperty = 10, kItemKeyword = 14, kItemStruct = 22 };

/// The text the completion replaces: the word before the cursor with its dots, `$` and
/// brackets (`.items[0].s`, `order.i`, `$.cus`).
struct Prefix {
    std::uint32_t begin = 0;
    std::string text;
    bool atLineStart = false;
};

bool isPathByte(char c)
{
    return isWordByte(c) || c == '.' || c == '$' || c == '[' || c == ']' || c == '*';
}

Prefix prefixAt(const Document& document, std::uint32_t offset)
{
    const std::string& text = document.text;
    const std::uint32_t lineStart = document.lines->lineStart(document.lines->line(offset));
    std::uint32_t begin = offset;
    while (begin > lineStart && isPathByte(text[begin - 1]))
        --begin;
    bool blank = true;
    for (std::uint32_t i = lineStart; i < begin && blank; ++i)
        blank = text[i] == ' ' || text[i] == '\t';
    return {begin, text.substr(begin, offset - begin), blank};
}

std::string signaturesOf(std::string_view name)
{
    std::string out;
    for (const mdsl::CatalogEntry* entry : mdsl::findFunctions(name))
        out += (out.empty() ? "" : "\n") + std::string(entry->signature);
    return out;
}

std::string availability(const mdsl::CatalogEntry& entry)
{
    std::string out = "Language version " + std::to_string(entry.version);
    if (entry.flag)
        out += ", production flag `" + std::string(mdsl::flagName(*entry.flag)) + "`";
    return out + ".";
}

/// A field path as the sample's paths write it: `.orders[0]` for `$.orders[*]`.
std::string samplePathOf(const mdsl::FieldPath& field)
{
    std::string out;
    for (const mdsl::FieldStep& step : field.steps) {
        if (step.isElements()) {
            out += "[0]";
            continue;
        }
        bool plain = !step.name.empty() && !(step.name[0] >= '0' && step.name[0] <= '9');
        for (const char c : step.name)
            plain = plain && isWordByte(c);
        out += plain ? "." + step.name : "." + Json(step.name).dump();
    }
    return out;
}

std::string asQuery(const std::string& samplePath)
{
    std::string out = "$";
    for (std::size_t i = 0; i < samplePath.size(); ++i) {
        if (samplePath.compare(i, 3, "[0]") == 0) {
            out += "[*]";
            i += 2;
        } else {
            out += samplePath[i];
        }
    }
    return out;
}

class Items {
public:
    Items(const Document& document, const Prefix& prefix, std::uint32_t offset)
        : range_(document.lines->range(prefix.begin, offset))
    {
    }

    /// An item that inserts `insert` (its label when empty), as a snippet when `snippet`.
    void add(const std::string& label, int kind, const std::string& detail, Json documentation = nullptr,
             const std::string& insert = {}, bool snippet = false)
    {
        if (!seen_.insert(label).second)
            return;
        Json item = {{"label", label}, {"kind", kind}, {"detail", detail},
                     {"textEdit", {{"range", range_}, {"newText", insert.empty() ? label : insert}}}};
        if (snippet)
            item["insertTextFormat"] = 2;
        if (!documentation.is_null())
            item["documentation"] = std::move(documentation);
        items_.push_back(std::move(item));
    }

    Json result() { return {{"isIncomplete", false}, {"items", std::move(items_)}}; }

private:
    Json range_;
    Json items_ = Json::array();
    std::set<std::string> seen_;
};

/// `name.`: the keys of what the name holds (a table's rows, an object's keys) and the fields
/// of the sample input under the field it reads.
void addNameMembers(Items& items, const std::vector<mdsl::ScopeName>& names, const std::string& prefix,
                    const std::vector<std::string>& samplePaths)
{
    const std::string base = prefix.substr(0, prefix.find('.'));
    for (auto name = names.rbegin(); name != names.rend(); ++name) {
        if (name->name != base)
            continue;
        for (const std::string& key : name->keys) {
            bool plain = !key.empty();
            for (const char c : key)
                plain = plain && isWordByte(c);
            items.add(base + (plain ? "." + key : "." + Json(key).dump()), kItemProperty,
                      name->kind == mdsl::NameKind::Table ? "row of the table " + base : "key of " + base);
        }
        if (!name->field)
            return;
        const std::string under = samplePathOf(*name->field);
        for (const std::string& path : samplePaths)
            if (path.size() > under.size() && path.compare(0, under.size(), under) == 0 &&
                (path[under.size()] == '.' || path[under.size()] == '['))
                items.add(base + path.substr(under.size()), kItemField, "field of " + base + " in the sample input");
        return;
    }
}

/// The parameters of a signature, as [begin, end) byte ranges of their text in it:
/// "round(x: number, digits?: integer) -> number" -> "x: number", "digits?: integer".
std::vector<std::pair<std::size_t, std::size_t>> parameterRanges(std::string_view signature)
{
    std::vector<std::pair<std::size_t, std::size_t>> out;
    const std::size_t open = signature.find('(');
    const std::size_t close = signature.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close <= open + 1)
        return out;
    std::size_t begin = open + 1;
    for (std::size_t i = begin; i <= close; ++i) {
        if (i == close || signature[i] == ',') {
            std::size_t b = begin;
            while (b < i && signature[b] == ' ')
                ++b;
            if (b < i)
                out.emplace_back(b, i);
            begin = i + 1;
        }
    }
    return out;
}

/// `round(${1:x})` for "round(x: number, digits?: integer) -> number": the required
/// parameters as placeholders.
std::string snippetOf(const mdsl::CatalogEntry& entry)
{
    std::string out = std::string(entry.name) + "(";
    int index = 0;
    for (const auto& [begin, end] : parameterRanges(entry.signature)) {
        const std::string_view parameter = entry.signature.substr(begin, end - begin);
        if (parameter == "..." || parameter.find("?:") != std::string_view::npos)
            continue;
        const std::string_view name = parameter.substr(0, parameter.find(':'));
        out += (index > 0 ? ", " : "") + std::string("${") + std::to_string(index + 1) + ":" + std::string(name) + "}";
        ++index;
    }
    return out + ")$0";
}

} // namespace

Json completion(const Document& document, const mdsl::Analysis& analysis, std::uint32_t offset,
                const std::vector<std::string>& samplePaths, const ClientSupport& client)
{
    const Prefix prefix = prefixAt(document, offset);
    Items items(document, prefix, offset);
    if (!prefix.text.empty() && prefix.text[0] == '$') {
        for (const std::string& path : samplePaths)
            items.add(asQuery(path), kItemField, "JSONPath query over the sample input");
        return items.result();
    }
    if (!prefix.text.empty() && prefix.text[0] == '.') {
        for (const std::string& path : samplePaths)
            items.add(path, kItemField, "source path from the sample input");
        return items.result();
    }
    const std::vector<mdsl::ScopeName> names = analysis.namesAt(offset);
    if (prefix.text.find('.') != std::string::npos) {
        addNameMembers(items, names, prefix.text, samplePaths);
        return items.result();
    }
    if (prefix.atLineStart) {
        for (const mdsl::OutlineEntry& entry : analysis.outline())
            if ((entry.kind == mdsl::OutlineKind::Rule || entry.kind == mdsl::OutlineKind::ObjectBlock ||
                 entry.kind == mdsl::OutlineKind::ArrayBlock) &&
                entry.name != prefix.text)
                items.add(entry.name, kItemProperty, "target written by the mapping");
    }
    for (auto name = names.rbegin(); name != names.rend(); ++name)
        items.add(name->name, name->kind == mdsl::NameKind::Table ? kItemStruct : kItemVariable,
                  name->kind == mdsl::NameKind::Table     ? "table"
                  : name->kind == mdsl::NameKind::Element ? "element of an array block (each … as)"
                                                          : "name defined by let");
    const bool callFollows = offset < document.text.size() && document.text[offset] == '(';
    for (const std::string_view function : mdsl::functionNames()) {
        const std::vector<const mdsl::CatalogEntry*> entries = mdsl::findFunctions(function);
        const mdsl::CatalogEntry& first = *entries.front();
        const std::string name(function);
        const std::string text = "```\n" + signaturesOf(function) + "\n```\n\n" + std::string(first.summary) + "\n\n" +
                                 availability(first);
        Json documentation = client.markdown ? Json{{"kind", "markdown"}, {"value", text}} : Json(std::string(first.summary));
        std::string insert;
        if (!callFollows)
            insert = client.snippets ? snippetOf(first) : name + "(";
        items.add(name, kItemFunction, std::string(first.signature), std::move(documentation), insert,
                  client.snippets && !callFollows);
    }
    for (const std::string_view keyword : mdsl::keywords())
        items.add(std::string(keyword), kItemKeyword, "keyword");
    return items.result();
}

namespace {

/// An open call while scanning towards the cursor.
struct OpenCall {
    std::string function;   ///< empty for a bracket, a brace or a parenthesis without a name
    int argument = 0;
};

std::string nameBefore(const std::string& text, std::size_t open, bool& piped)
{
    std::size_t end = open;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        --end;
    std::size_t begin = end;
    while (begin > 0 && isWordByte(text[begin - 1]))
        --begin;
    std::size_t before = begin;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t'))
        --before;
    piped = before > 0 && text[before - 1] == '|';
    return text.substr(begin, end - begin);
}

} // namespace

Json signatureHelp(const Document& document, std::uint32_t offset)
{
    // From the start of the text (or 64 KiB back), the calls still open at the cursor,
    // skipping strings and comments.
    const std::string& text = document.text;
    constexpr std::uint32_t kWindow = 64 * 1024;
    std::uint32_t i = offset > kWindow ? document.lines->lineStart(document.lines->line(offset - kWindow)) : 0;
    std::vector<OpenCall> open;
    for (; i < offset; ++i) {
        const char c = text[i];
        if (c == '"') {
            for (++i; i < offset && text[i] != '"' && text[i] != '\n'; ++i)
                if (text[i] == '\\')
                    ++i;
        } else if (c == '#') {
            while (i < offset && text[i] != '\n')
                ++i;
        } else if (c == '(') {
            bool piped = false;
            std::string name = nameBefore(text, i, piped);
            open.push_back({name, piped ? 1 : 0});
        } else if (c == '[' || c == '{') {
            open.push_back({});
        } else if ((c == ')' || c == ']' || c == '}') && !open.empty()) {
            open.pop_back();
        } else if (c == ',' && !open.empty()) {
            ++open.back().argument;
        }
    }
    for (auto frame = open.rbegin(); frame != open.rend(); ++frame) {
        if (frame->function.empty())
            continue;
        const std::vector<const mdsl::CatalogEntry*> entries = mdsl::findFunctions(frame->function);
        if (entries.empty())
            continue;
        Json signatures = Json::array();
        int active = -1;
        for (std::size_t e = 0; e < entries.size(); ++e) {
            const mdsl::CatalogEntry& entry = *entries[e];
            Json parameters = Json::array();
            int variadicFrom = -1;
            const auto ranges = parameterRanges(entry.signature);
            for (const auto& [begin, end] : ranges) {
                if (entry.signature.substr(begin, end - begin) == "...")
                    variadicFrom = static_cast<int>(parameters.size()) - 1;
                else
                    parameters.push_back({{"label", {begin, end}}});
            }
            int parameter = frame->argument;
            const int count = static_cast<int>(parameters.size());
            if (variadicFrom >= 0 && parameter >= count)
                parameter = variadicFrom + (parameter - variadicFrom) % std::max(1, count - variadicFrom);
            if (active < 0 && entry.acceptsArity(frame->argument + 1))
                active = static_cast<int>(e);
            signatures.push_back({{"label", entry.signature},
                                  {"documentation", entry.summary},
                                  {"parameters", std::move(parameters)},
                                  {"activeParameter", parameter}});
        }
        const int chosen = std::max(active, 0);
        return {{"signatures", signatures},
                {"activeSignature", chosen},
                {"activeParameter", signatures[static_cast<std::size_t>(chosen)]["activeParameter"]}};
    }
    return nullptr;
}

} // namespace lsp
