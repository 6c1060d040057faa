// The document's structure and whole-document edits: symbols (the outline of targets,
// blocks and names), folding ranges, formatting, and code actions (the engine's fixes and
// "Format document").

#include "lsp/features.h"

#include "mdsl/format.h"

namespace lsp {

namespace {

enum SymbolKind { kSymbolNamespace = 3, kSymbolVariable = 13, kSymbolConstant = 14, kSymbolField = 8, kSymbolObject = 19, kSymbolArray = 18 };

int symbolKind(mdsl::OutlineKind kind)
{
    switch (kind) {
    case mdsl::OutlineKind::Rule: return kSymbolField;
    case mdsl::OutlineKind::ObjectBlock: return kSymbolObject;
    case mdsl::OutlineKind::ArrayBlock: return kSymbolArray;
    case mdsl::OutlineKind::When: return kSymbolNamespace;
    case mdsl::OutlineKind::Let: return kSymbolVariable;
    case mdsl::OutlineKind::Table: return kSymbolConstant;
    }
    return kSymbolField;
}

std::string symbolName(const mdsl::OutlineEntry& entry)
{
    if (entry.kind == mdsl::OutlineKind::When)
        return "when";
    if (entry.kind == mdsl::OutlineKind::ArrayBlock)
        return entry.name + "[]" + (entry.alias.empty() ? "" : " as " + entry.alias);
    return entry.name.empty() ? "(root)" : entry.name;
}

std::string symbolDetail(const mdsl::OutlineEntry& entry)
{
    if (entry.kind == mdsl::OutlineKind::Let || entry.kind == mdsl::OutlineKind::Table)
        return std::string(mdsl::outlineKindName(entry.kind));
    return entry.target;
}

Json wholeDocumentEdit(const Document& document, const std::string& text)
{
    Json edits = Json::array();
    edits.push_back({{"range", document.lines->range(0, static_cast<std::uint32_t>(document.text.size()))}, {"newText", text}});
    return edits;
}

bool kindWanted(const Json& only, const std::string& kind)
{
    if (!only.is_array())
        return true;
    for (const Json& wanted : only)
        if (wanted.is_string()) {
            const std::string& w = wanted.get_ref<const std::string&>();
            if (kind == w || kind.compare(0, w.size() + 1, w + ".") == 0)
                return true;
        }
    return false;
}

} // namespace

Json documentSymbols(const Document& document, const mdsl::Analysis& analysis, const ClientSupport& client)
{
    const std::vector<mdsl::OutlineEntry>& outline = analysis.outline();
    const PositionMap& lines = *document.lines;
    if (!client.hierarchicalSymbols) {
        Json out = Json::array();
        for (const mdsl::OutlineEntry& entry : outline) {
            Json symbol = {{"name", symbolName(entry)},
                           {"kind", symbolKind(entry.kind)},
                           {"location", {{"uri", document.uri}, {"range", lines.range(entry.range)}}}};
            if (entry.parent >= 0)
                symbol["containerName"] = symbolName(outline[static_cast<std::size_t>(entry.parent)]);
            out.push_back(std::move(symbol));
        }
        return out;
    }
    // Parents come before their children: build bottom-up without recursion.
    std::vector<Json> symbols(outline.size());
    for (std::size_t i = 0; i < outline.size(); ++i) {
        const mdsl::OutlineEntry& entry = outline[i];
        symbols[i] = {{"name", symbolName(entry)},
                      {"detail", symbolDetail(entry)},
                      {"kind", symbolKind(entry.kind)},
                      {"range", lines.range(entry.range)},
                      {"selectionRange", lines.range(entry.nameRange)},
                      {"children", Json::array()}};
    }
    Json out = Json::array();
    for (std::size_t i = outline.size(); i-- > 0;) {
        const int parent = outline[i].parent;
        Json& into = parent >= 0 ? symbols[static_cast<std::size_t>(parent)]["children"] : out;
        into.insert(into.begin(), std::move(symbols[i]));
    }
    return out;
}

Json foldingRanges(const Document& document, const mdsl::Analysis& analysis)
{
    const PositionMap& lines = *document.lines;
    Json out = Json::array();
    for (const mdsl::OutlineEntry& entry : analysis.outline()) {
        const int first = lines.line(entry.range.start.offset);
        int last = lines.line(entry.range.end.offset);
        // Keep a closing brace alone on its line visible.
        const std::string_view lastText = lines.lineText(last);
        if (last > first && lastText.find_first_not_of(" \t}") == std::string_view::npos)
            --last;
        if (last > first)
            out.push_back({{"startLine", first}, {"endLine", last}, {"kind", "region"}});
    }
    // Runs of comment lines.
    int runStart = -1;
    for (int line = 0; line <= lines.lineCount(); ++line) {
        bool comment = false;
        if (line < lines.lineCount()) {
            const std::string_view text = lines.lineText(line);
            const std::size_t first = text.find_first_not_of(" \t");
            comment = first != std::string_view::npos && text[first] == '#';
        }
        if (comment && runStart < 0)
            runStart = line;
        if (!comment && runStart >= 0) {
            if (line - 1 > runStart)
                out.push_back({{"startLine", runStart}, {"endLine", line - 1}, {"kind", "comment"}});
            runStart = -1;
        }
    }
    return out;
}

Json formatting(const Document& document)
{
    const mdsl::FormatResult result = mdsl::formatDocument(document.text);
    if (!result.ok) {
        std::string why = "the mapping has syntax errors";
        if (!result.diagnostics.empty())
            why += " (line " + std::to_string(result.diagnostics.front().range.start.line) + ": " +
                   result.diagnostics.front().message + ")";
        throw RequestError{kRequestFailed, "cannot format: " + why};
    }
    if (result.text == document.text)
        return Json::array();
    return wholeDocumentEdit(document, result.text);
}

Json codeActions(const Document& document, const mdsl::Analysis& analysis, const Json& params)
{
    const Json& range = objectMember(params, "range");
    const Json& start = objectMember(range, "start");
    const Json& end = objectMember(range, "end");
    const PositionMap& lines = *document.lines;
    const auto begin = lines.offset(integerMember(start, "line"), integerMember(start, "character"));
    const auto finish = lines.offset(integerMember(end, "line"), integerMember(end, "character"));
    if (!begin || !finish)
        throw RequestError{kInvalidParams, "the range is outside the document"};
    const Json only = params.contains("context") && params["context"].is_object() && params["context"].contains("only")
                          ? params["context"]["only"] : Json();
    Json out = Json::array();
    if (kindWanted(only, "quickfix")) {
        for (const mdsl::Diagnostic& d : analysis.diagnostics(mdsl::Route::V2Routed)) {
            if (d.range.start.offset > *finish || d.range.end.offset < *begin)
                continue;
            const Json diagnostic = {{"range", lines.range(d.range)}, {"code", d.code}, {"message", d.message},
                                     {"source", "mapping-dsl"}};
            for (const mdsl::Fix& fix : d.fixes) {
                Json edits = Json::array();
                for (const mdsl::TextEdit& edit : fix.edits)
                    edits.push_back({{"range", lines.range(edit.range)}, {"newText", edit.newText}});
                out.push_back({{"title", fix.title},
                               {"kind", "quickfix"},
                               {"diagnostics", Json::array({diagnostic})},
                               {"isPreferred", d.fixes.size() == 1},
                               {"edit", {{"changes", {{document.uri, std::move(edits)}}}}}});
            }
        }
    }
    if (kindWanted(only, "source.format")) {
        const mdsl::FormatResult result = mdsl::formatDocument(document.text);
        if (result.ok && result.text != document.text)
            out.push_back({{"title", "Format document"},
                           {"kind", "source.format"},
                           {"edit", {{"changes", {{document.uri, wholeDocumentEdit(document, result.text)}}}}}});
    }
    return out;
}

} // namespace lsp
