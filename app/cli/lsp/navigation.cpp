// Hover, go to definition, find references and rename: the catalog for functions, the
// engine's scopes for `let`, `table` and `as` names (Analysis::referencesAt), the lineage for
// targets.

#include "lsp/features.h"

#include "mdsl/catalog.h"

#include <algorithm>

namespace lsp {

namespace {

struct Word {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string text;
};

/// The word the position is in or just after.
Word wordAt(const Document& document, std::uint32_t offset)
{
    const std::string& text = document.text;
    std::uint32_t begin = offset;
    std::uint32_t end = offset;
    while (begin > 0 && isWordByte(text[begin - 1]))
        --begin;
    while (end < text.size() && isWordByte(text[end]))
        ++end;
    return {begin, end, text.substr(begin, end - begin)};
}

bool isIdentifier(const std::string& name)
{
    if (name.empty() || (name[0] >= '0' && name[0] <= '9'))
        return false;
    return std::all_of(name.begin(), name.end(), isWordByte);
}

bool isKeyword(std::string_view word)
{
    const std::vector<std::string_view> words = mdsl::keywords();
    return std::find(words.begin(), words.end(), word) != words.end();
}

/// Markdown for clients that show it; else the same text without code fences, backticks
/// and bold markers.
Json markup(const ClientSupport& client, const std::string& markdown)
{
    if (client.markdown)
        return {{"kind", "markdown"}, {"value", markdown}};
    std::string plain;
    for (std::size_t i = 0; i < markdown.size(); ++i) {
        if (markdown.compare(i, 4, "```\n") == 0)
            i += 3;
        else if (markdown.compare(i, 2, "**") == 0)
            ++i;
        else if (markdown[i] != '`')
            plain += markdown[i];
    }
    return {{"kind", "plaintext"}, {"value", plain}};
}

std::string kindText(mdsl::NameKind kind)
{
    return kind == mdsl::NameKind::Table ? "table" : kind == mdsl::NameKind::Element ? "element of an array block" : "let";
}

/// What a name holds, as the studio's hover says it.
std::string describeName(const mdsl::Analysis& analysis, const mdsl::NameReferences& refs, std::uint32_t offset)
{
    std::string out = "**" + refs.name + "**: " + kindText(refs.kind);
    std::vector<std::uint32_t> places{offset};
    for (const mdsl::Range& use : refs.uses)
        places.push_back(use.start.offset);
    for (const std::uint32_t place : places) {
        for (const mdsl::ScopeName& name : analysis.namesAt(place)) {
            if (name.name != refs.name || name.definition.start.offset != refs.definition.start.offset)
                continue;
            if (name.field)
                out += "\n\nreads `" + name.field->text() + "`";
            if (!name.keys.empty()) {
                out += "\n\nkeys: ";
                for (std::size_t i = 0; i < name.keys.size(); ++i)
                    out += (i ? ", `" : "`") + name.keys[i] + "`";
            }
            out += "\n\ndefined on line " + std::to_string(refs.definition.start.line);
            return out;
        }
    }
    return out + "\n\ndefined on line " + std::to_string(refs.definition.start.line);
}

std::string describeFunction(const std::vector<const mdsl::CatalogEntry*>& entries)
{
    std::string out = "```\n";
    for (const mdsl::CatalogEntry* entry : entries)
        out += std::string(entry->signature) + "\n";
    const mdsl::CatalogEntry& first = *entries.front();
    out += "```\n\n" + std::string(first.summary);
    if (!first.missing.empty())
        out += "\n\n*Missing or null:* " + std::string(first.missing);
    if (!first.errors.empty())
        out += "\n\n*Errors:* " + std::string(first.errors);
    out += "\n\nLanguage version " + std::to_string(first.version);
    if (first.flag)
        out += ", production flag `" + std::string(mdsl::flagName(*first.flag)) + "`";
    return out + ".";
}

/// A target's hover: what it writes and what it reads (the lineage).
std::optional<std::string> describeTarget(const mdsl::Analysis& analysis, std::uint32_t offset, Json& range,
                                          const PositionMap& lines)
{
    for (const mdsl::OutlineEntry& entry : analysis.outline()) {
        if (entry.target.empty() || offset < entry.nameRange.start.offset || offset > entry.nameRange.end.offset)
            continue;
        std::string out = "target `" + entry.target + "`";
        for (const mdsl::LineageEntry& lineage : analysis.lineage()) {
            if (lineage.range.start.offset != entry.range.start.offset || lineage.sources.empty())
                continue;
            out += lineage.kind == mdsl::LineageKind::Array ? "\n\niterates " : "\n\nreads ";
            for (std::size_t i = 0; i < lineage.sources.size(); ++i)
                out += (i ? ", `" : "`") + lineage.sources[i].query + "`";
            break;
        }
        range = lines.range(entry.nameRange);
        return out;
    }
    return std::nullopt;
}

Json location(const Document& document, const mdsl::Range& range)
{
    return {{"uri", document.uri}, {"range", document.lines->range(range)}};
}

} // namespace

Json hover(const Document& document, const mdsl::Analysis& analysis, std::uint32_t offset, const ClientSupport& client)
{
    if (const auto refs = analysis.referencesAt(offset)) {
        const Word word = wordAt(document, offset);
        return {{"contents", markup(client, describeName(analysis, *refs, offset))},
                {"range", document.lines->range(word.begin, word.end)}};
    }
    const Word word = wordAt(document, offset);
    if (!word.text.empty()) {
        std::uint32_t after = word.end;
        while (after < document.text.size() && document.text[after] == ' ')
            ++after;
        const std::vector<const mdsl::CatalogEntry*> entries = mdsl::findFunctions(word.text);
        if (!entries.empty() && after < document.text.size() && document.text[after] == '(')
            return {{"contents", markup(client, describeFunction(entries))},
                    {"range", document.lines->range(word.begin, word.end)}};
        if (isKeyword(word.text) && (word.begin == 0 || document.text[word.begin - 1] != '.'))
            return {{"contents", markup(client, "keyword `" + word.text + "` (docs/language.md)")},
                    {"range", document.lines->range(word.begin, word.end)}};
    }
    Json range;
    if (const auto target = describeTarget(analysis, offset, range, *document.lines))
        return {{"contents", markup(client, *target)}, {"range", range}};
    return nullptr;
}

Json definition(const Document& document, const mdsl::Analysis& analysis, std::uint32_t offset)
{
    const auto refs = analysis.referencesAt(offset);
    if (!refs)
        return nullptr;
    return location(document, refs->definition);
}

Json references(const Document& document, const mdsl::Analysis& analysis, std::uint32_t offset, bool withDefinition)
{
    const auto refs = analysis.referencesAt(offset);
    Json out = Json::array();
    if (!refs)
        return out;
    if (withDefinition)
        out.push_back(location(document, refs->definition));
    for (const mdsl::Range& use : refs->uses)
        out.push_back(location(document, use));
    return out;
}

Json prepareRename(const Document& document, const mdsl::Analysis& analysis, std::uint32_t offset)
{
    const auto refs = analysis.referencesAt(offset);
    if (!refs)
        return nullptr;
    const Word word = wordAt(document, offset);
    return {{"range", document.lines->range(word.begin, word.end)}, {"placeholder", refs->name}};
}

Json rename(const Document& document, const mdsl::Analysis& analysis, std::uint32_t offset, const std::string& newName)
{
    const auto refs = analysis.referencesAt(offset);
    if (!refs)
        throw RequestError{kRequestFailed, "there is no let, table or as name here to rename"};
    if (!isIdentifier(newName) || isKeyword(newName))
        throw RequestError{kInvalidParams, "'" + newName + "' is not a name: a letter or '_', then letters, digits or "
                                           "'_', and not a keyword"};
    // The new name must not take the place of another one where this one is defined or read.
    for (const mdsl::ScopeName& visible : analysis.namesAt(refs->definition.start.offset))
        if (visible.name == newName)
            throw RequestError{kRequestFailed, "'" + newName + "' is already a name where '" + refs->name +
                                                   "' is defined (line " + std::to_string(visible.definition.start.line) + ")"};
    for (const mdsl::Range& use : refs->uses)
        for (const mdsl::ScopeName& visible : analysis.namesAt(use.start.offset))
            if (visible.name == newName && visible.definition.start.offset != refs->definition.start.offset)
                throw RequestError{kRequestFailed, "'" + newName + "' is already a name where '" + refs->name +
                                                       "' is read (line " + std::to_string(use.start.line) + ")"};
    Json edits = Json::array();
    edits.push_back({{"range", document.lines->range(refs->definition)}, {"newText", newName}});
    for (const mdsl::Range& use : refs->uses)
        edits.push_back({{"range", document.lines->range(use)}, {"newText", newName}});
    return {{"changes", {{document.uri, std::move(edits)}}}};
}

} // namespace lsp
