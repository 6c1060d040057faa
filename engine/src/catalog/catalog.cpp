// The catalog table and its two outputs: JSON (the editor, `mapping-dsl functions --format
// json`) and the Markdown reference docs/functions.md.

#include "catalog/entries.h"

#include <algorithm>
#include <unordered_map>

namespace mdsl {

namespace detail {

CatalogEntry function(std::string_view name, std::string_view signature, int minArity, int maxArity,
                      std::string_view summary, std::string_view missing, std::string_view errors,
                      std::vector<CatalogExample> examples, std::uint32_t perElementArgs)
{
    CatalogEntry entry;
    entry.name = name;
    entry.signature = signature;
    entry.minArity = minArity;
    entry.maxArity = maxArity;
    entry.perElementArgs = perElementArgs;
    entry.summary = summary;
    entry.missing = missing;
    entry.errors = errors;
    entry.examples = std::move(examples);
    return entry;
}

} // namespace detail

const std::vector<CatalogEntry>& catalog()
{
    static const std::vector<CatalogEntry> table = [] {
        std::vector<CatalogEntry> entries;
        detail::addV1Functions(entries);
        detail::addNewOpsFunctions(entries);
        detail::addArrayOpsFunctions(entries);
        detail::addOperators(entries);
        return entries;
    }();
    return table;
}

std::vector<const CatalogEntry*> findFunctions(std::string_view name)
{
    // The validator looks up every call: index the table once.
    static const std::unordered_map<std::string_view, std::vector<const CatalogEntry*>> byName = [] {
        std::unordered_map<std::string_view, std::vector<const CatalogEntry*>> index;
        for (const CatalogEntry& entry : catalog()) {
            if (entry.kind == CatalogKind::Function)
                index[entry.name].push_back(&entry);
        }
        return index;
    }();
    const auto it = byName.find(name);
    return it == byName.end() ? std::vector<const CatalogEntry*>() : it->second;
}

std::vector<std::string_view> functionNames()
{
    std::vector<std::string_view> names;
    for (const CatalogEntry& entry : catalog()) {
        if (entry.kind == CatalogKind::Function)
            names.push_back(entry.name);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

namespace {

Json exampleToJson(const CatalogExample& example)
{
    // The catalog's JSON texts are checked by a test; parse them leniently here so that a
    // typo cannot take the command down.
    auto parsed = [](std::string_view text) {
        Json value = Json::parse(text, nullptr, false);
        return value.is_discarded() ? Json(std::string(text)) : value;
    };
    return Json{{"code", example.code},
                {"input", example.input.empty() ? Json() : parsed(example.input)},
                {"expected", example.expected == "missing" ? Json("missing") : parsed(example.expected)},
                {"missingExpected", example.expected == "missing"},
                {"isMapping", example.isMapping}};
}

std::string arityText(const CatalogEntry& entry)
{
    if (entry.maxArity == CatalogEntry::kVariadic)
        return std::to_string(entry.minArity) + " or more";
    if (entry.minArity == entry.maxArity)
        return std::to_string(entry.minArity);
    return std::to_string(entry.minArity) + " to " + std::to_string(entry.maxArity);
}

std::string availability(const CatalogEntry& entry)
{
    if (!entry.flag)
        return "version " + std::to_string(entry.version);
    return "version " + std::to_string(entry.version) + ", flag `" + std::string(flagName(*entry.flag)) + "`";
}

void appendEntry(std::string& out, const CatalogEntry& entry)
{
    out += "### `" + std::string(entry.name) + "`";
    if (entry.kind == CatalogKind::Function && entry.version == 2 && entry.flag == Flag::V2ArrayOps
        && findFunctions(entry.name).size() > 1)
        out += " (array form)";
    out += "\n\n`" + std::string(entry.signature) + "`\n\n";
    out += std::string(entry.summary) + "\n\n";
    out += "- Available: " + availability(entry) + "\n";
    out += "- Arguments: " + arityText(entry);
    if (entry.perElementArgs != 0) {
        out += " (per element:";
        for (int i = 0; i < 32; ++i) {
            if (entry.isPerElement(i))
                out += " argument " + std::to_string(i + 1);
        }
        out += ")";
    }
    out += "\n- Missing and null: " + std::string(entry.missing) + "\n";
    out += "- Errors: " + std::string(entry.errors) + "\n";
    out += "- Examples:\n";
    for (const CatalogExample& example : entry.examples) {
        if (example.isMapping) {
            out += "\n  ```\n";
            std::string_view code = example.code;
            while (!code.empty()) {
                const std::size_t nl = code.find('\n');
                out += "  " + std::string(code.substr(0, nl)) + "\n";
                code = nl == std::string_view::npos ? std::string_view() : code.substr(nl + 1);
            }
            out += "  ```\n\n  ";
            if (!example.input.empty())
                out += "with input `" + std::string(example.input) + "` ";
            out += "outputs `" + std::string(example.expected) + "`\n";
            continue;
        }
        out += "  - `" + std::string(example.code) + "`";
        if (!example.input.empty())
            out += " with input `" + std::string(example.input) + "`";
        out += example.expected == "missing" ? std::string(" is *missing*") : " gives `" + std::string(example.expected) + "`";
        out += "\n";
    }
    out += "\n";
}

} // namespace

Json catalogToJson()
{
    Json entries = Json::array();
    for (const CatalogEntry& entry : catalog()) {
        Json perElement = Json::array();
        for (int i = 0; i < 32; ++i) {
            if (entry.isPerElement(i))
                perElement.push_back(i);
        }
        Json examples = Json::array();
        for (const CatalogExample& example : entry.examples)
            examples.push_back(exampleToJson(example));
        entries.push_back(Json{
            {"name", entry.name},
            {"kind", entry.kind == CatalogKind::Function ? "function" : "operator"},
            {"signature", entry.signature},
            {"minArity", entry.minArity},
            {"maxArity", entry.maxArity == CatalogEntry::kVariadic ? Json() : Json(entry.maxArity)},
            {"perElementArgs", std::move(perElement)},
            {"version", entry.version},
            {"flag", entry.flag ? Json(flagName(*entry.flag)) : Json()},
            {"summary", entry.summary},
            {"missing", entry.missing},
            {"errors", entry.errors},
            {"examples", std::move(examples)}});
    }
    return Json{{"functions", std::move(entries)}};
}

std::string catalogToMarkdown()
{
    std::string out =
        "# Function reference\n\n"
        "<!-- Generated from the engine's catalog by scripts/gen-docs (mapping-dsl functions "
        "--format markdown). Do not edit by hand: change engine/src/catalog/ and regenerate. -->\n\n"
        "Every function and operator of the Mapping DSL, from the one table in the engine that the "
        "validator, the studio's completion and hover, and this page are made from. Each example is "
        "also a test of the engines.\n\n"
        "General rules (language reference, values): a function or operator returns *missing* when "
        "an argument is missing, unless its entry says otherwise; a type error is a runtime error "
        "of the rule (E4xx). Version 2 entries need a document of version 2 and their production "
        "flag on.\n\n";
    struct Group {
        const char* title;
        bool (*member)(const CatalogEntry&);
    };
    const Group groups[] = {
        {"Version 1 functions", [](const CatalogEntry& e) { return e.kind == CatalogKind::Function && e.version == 1; }},
        {"Version 2 functions: `mapping_dsl_v2_new_ops`",
         [](const CatalogEntry& e) { return e.kind == CatalogKind::Function && e.flag == Flag::V2NewOps; }},
        {"Version 2 functions: `mapping_dsl_v2_array_ops`",
         [](const CatalogEntry& e) { return e.kind == CatalogKind::Function && e.flag == Flag::V2ArrayOps; }},
        {"Operators", [](const CatalogEntry& e) { return e.kind == CatalogKind::Operator; }},
    };
    for (const Group& group : groups) {
        out += "- " + std::string(group.title) + ":";
        for (const CatalogEntry& entry : catalog()) {
            if (group.member(entry))
                out += " `" + std::string(entry.name) + "`";
        }
        out += "\n";
    }
    out += "\n";
    for (const Group& group : groups) {
        out += "## " + std::string(group.title) + "\n\n";
        for (const CatalogEntry& entry : catalog()) {
            if (group.member(entry))
                appendEntry(out, entry);
        }
    }
    // One trailing newline, as editors save files.
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
        out.pop_back();
    return out;
}

} // namespace mdsl
