// Writes the libFuzzer dictionaries (-dict) from the engine's own tables, so that they follow
// the language instead of being copied from it:
//
//   mdsl_fuzz_dicts FOLDER   writes FOLDER/mapping.dict, json.dict, flags.dict, repro.dict
//
// mapping.dict: the lexer's keywords and operators (every token kind with a fixed spelling,
// from tokenKindName), the catalog's function names, and JSONPath's selectors and functions;
// flags.dict: the production flag names; repro.dict: the keys and names of a bundle written by
// writeRepro; json.dict: JSON's own tokens.

#include "mdsl/catalog.h"
#include "mdsl/flags.h"
#include "mdsl/repro.h"
#include "mdsl/syntax.h"

#include <cstdio>
#include <fstream>
#include <set>
#include <string>

using namespace mdsl;

namespace {

/// One dictionary entry: the text in double quotes, with \ and " escaped and other bytes
/// outside printable ASCII as \xNN (libFuzzer's dictionary syntax).
std::string entry(const std::string& text)
{
    std::string out = "\"";
    for (const unsigned char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c >= 0x7F) {
            char hex[5];
            std::snprintf(hex, sizeof hex, "\\x%02X", c);
            out += hex;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

bool write(const std::string& path, const std::set<std::string>& entries)
{
    std::ofstream out(path);
    for (const std::string& text : entries)
        out << entry(text) << '\n';
    return static_cast<bool>(out);
}

/// Every object key and string value of a JSON document.
void collectNames(const Json& value, std::set<std::string>& into)
{
    if (value.is_object()) {
        for (const auto& [key, member] : value.items()) {
            into.insert(key);
            collectNames(member, into);
        }
    } else if (value.is_array()) {
        for (const Json& element : value)
            collectNames(element, into);
    } else if (value.is_string()) {
        into.insert(value.get<std::string>());
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: mdsl_fuzz_dicts FOLDER\n");
        return 2;
    }
    const std::string folder = argv[1];

    std::set<std::string> mapping;
    // Token kinds with a fixed spelling are named 'spelling' (keywords and punctuation).
    for (int kind = 0; kind <= static_cast<int>(TokenKind::Invalid); ++kind) {
        const std::string_view name = tokenKindName(static_cast<TokenKind>(kind));
        if (name.size() > 2 && name.front() == '\'' && name.back() == '\'')
            mapping.insert(std::string(name.substr(1, name.size() - 2)));
    }
    for (const std::string_view name : functionNames())
        mapping.insert(std::string(name) + "(");
    for (const char* jsonpath : { "$", "@", "$.", "..", "[*]", "[?", "[-1]", "[0:2]", "::", "length(", "count(",
             "match(", "search(", "value(", "\\u00e9", "\\\"", "# " })
        mapping.insert(jsonpath);

    std::set<std::string> flags = { "true", "false", "True", "FALSE", "yes", "~", "- ", ": ", "{", "}", "[", "]" };
    for (const Flag flag : kAllFlags)
        flags.insert(std::string(flagName(flag)));

    // A bundle with every optional part, as writeRepro writes it.
    ReproBundle bundle;
    bundle.studioVersion = "0";
    bundle.nowMs = 0;
    bundle.production = ReproProduction { Json::object(), EngineKind::V1, true, "0" };
    bundle.notes = "n";
    std::set<std::string> repro = { "true", "false", "null", "v2", "v1", "v2-routed", "v1-only" };
    collectNames(reproToJson(bundle), repro);
    repro.erase("");

    const std::set<std::string> json
        = { "true", "false", "null", "{", "}", "[", "]", ",", ":", "\"", "\\u", "\\ud83d\\ude00", "-0", "1e308",
              "1E-400", "9223372036854775808", "18446744073709551616", "0.5", "\xEF\xBB\xBF" };

    const bool ok = write(folder + "/mapping.dict", mapping) && write(folder + "/flags.dict", flags)
        && write(folder + "/repro.dict", repro) && write(folder + "/json.dict", json);
    if (!ok)
        std::fprintf(stderr, "mdsl_fuzz_dicts: cannot write into %s\n", folder.c_str());
    return ok ? 0 : 1;
}
