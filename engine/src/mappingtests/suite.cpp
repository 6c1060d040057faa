// Mapping tests: finding and reading the suites kept beside a mapping.

#include "mdsl/mappingtests.h"
#include "mdsl/source.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace mdsl {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kInputSuffix = ".input.json";
constexpr std::string_view kExpectedSuffix = ".expected.json";
constexpr std::string_view kErrorsSuffix = ".errors.json";

std::optional<std::string> readWhole(const fs::path& path, std::string& error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read '" + path.string() + "'";
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        error = "cannot read '" + path.string() + "'";
        return std::nullopt;
    }
    return buffer.str();
}

/// The library's parse message without its "[json.exception.parse_error.101] " tag and its
/// position (given as the file's line and column instead).
std::string parseMessage(const Json::exception& e)
{
    std::string detail = e.what();
    if (const auto bracket = detail.find("] "); bracket != std::string::npos)
        detail.erase(0, bracket + 2);
    if (detail.starts_with("parse error at line "))
        if (const auto colon = detail.find(": "); colon != std::string::npos)
            detail.erase(0, colon + 2);
    return detail;
}

/// Parses `text`, found at `firstLine` of `file`; on failure, "FILE:LINE:COLUMN: not JSON: why".
std::optional<Json> parseDocument(const std::string& text, const fs::path& file, int firstLine, std::string& error)
{
    try {
        return parseJson(text);
    } catch (const Json::parse_error& e) {
        const LineIndex lines(text);
        const std::size_t byte = e.byte == 0 ? 0 : e.byte - 1;
        const Position at = lines.position(static_cast<std::uint32_t>(std::min(byte, text.size())));
        error = file.string() + ":" + std::to_string(firstLine + at.line - 1) + ":" + std::to_string(at.column)
              + ": not JSON: " + parseMessage(e);
    } catch (const Json::exception& e) {
        error = file.string() + ":" + std::to_string(firstLine) + ": not JSON: " + parseMessage(e);
    }
    return std::nullopt;
}

std::optional<Json> readDocument(const fs::path& path, std::string& error)
{
    const std::optional<std::string> text = readWhole(path, error);
    if (!text)
        return std::nullopt;
    return parseDocument(*text, path, 1, error);
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

/// An array of error codes ("E410"), or a message.
bool readErrors(const Json& value, std::vector<std::string>& codes, const std::string& where, std::string& error)
{
    if (!value.is_array()) {
        error = where + ": \"errors\" must be an array of error codes such as \"E410\"";
        return false;
    }
    for (const Json& code : value) {
        if (!code.is_string()) {
            error = where + ": \"errors\" must be an array of error codes such as \"E410\"";
            return false;
        }
        codes.push_back(code.get<std::string>());
    }
    return true;
}

/// {"engine", "flags", "now"}: anything else is a mistake worth saying.
bool readSettings(const Json& value, const fs::path& base, SuiteSettingsText& settings, const std::string& where,
                  std::string& error)
{
    if (!value.is_object()) {
        error = where + ": the suite settings must be an object with \"engine\", \"flags\" or \"now\"";
        return false;
    }
    for (const auto& [key, member] : value.items()) {
        if (!member.is_string()) {
            error = where + ": suite setting \"" + key + "\" must be a string";
            return false;
        }
        const std::string text = member.get<std::string>();
        if (key == "engine") {
            if (text != "routed" && text != "v1" && text != "v2") {
                error = where + ": unknown engine '" + text + "' (routed, v1 or v2)";
                return false;
            }
            settings.engine = text;
        } else if (key == "flags") {
            settings.flags = (base / text).lexically_normal();
        } else if (key == "now") {
            settings.now = text;
        } else {
            error = where + ": unknown suite setting \"" + key + "\" (engine, flags or now)";
            return false;
        }
    }
    return true;
}

std::optional<TestSuite> loadFolder(const fs::path& folder, std::string& error)
{
    TestSuite suite;
    suite.kind = SuiteKind::Folder;
    suite.path = folder;
    // Case name -> which of its files exist.
    struct Files {
        bool input = false;
        bool expected = false;
        bool errors = false;
    };
    std::map<std::string, Files> names;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string file = it->path().filename().string();
        if (file == "suite.json") {
            const std::optional<Json> settings = readDocument(it->path(), error);
            if (!settings || !readSettings(*settings, folder, suite.settings, it->path().string(), error))
                return std::nullopt;
        } else if (endsWith(file, kInputSuffix)) {
            names[file.substr(0, file.size() - kInputSuffix.size())].input = true;
        } else if (endsWith(file, kExpectedSuffix)) {
            names[file.substr(0, file.size() - kExpectedSuffix.size())].expected = true;
        } else if (endsWith(file, kErrorsSuffix)) {
            names[file.substr(0, file.size() - kErrorsSuffix.size())].errors = true;
        }
    }
    if (ec) {
        error = "cannot read the folder '" + folder.string() + "': " + ec.message();
        return std::nullopt;
    }
    for (const auto& [name, files] : names) {
        const fs::path input = folder / (name + std::string(kInputSuffix));
        const fs::path expected = folder / (name + std::string(kExpectedSuffix));
        if (!files.input) {
            error = "'" + (files.expected ? expected : folder / (name + std::string(kErrorsSuffix))).string()
                  + "': case '" + name + "' has no input file '" + input.filename().string() + "'";
            return std::nullopt;
        }
        if (!files.expected) {
            error = "'" + input.string() + "': case '" + name + "' has no expected file '"
                  + expected.filename().string() + "' (mapping-dsl test --update writes it)";
            return std::nullopt;
        }
        TestCase test;
        test.name = name;
        test.file = expected;
        std::optional<Json> value = readDocument(input, error);
        if (!value)
            return std::nullopt;
        test.input = std::move(*value);
        value = readDocument(expected, error);
        if (!value)
            return std::nullopt;
        test.expected = std::move(*value);
        if (files.errors) {
            const fs::path errorsFile = folder / (name + std::string(kErrorsSuffix));
            value = readDocument(errorsFile, error);
            if (!value || !readErrors(*value, test.errors, errorsFile.string(), error))
                return std::nullopt;
        }
        suite.cases.push_back(std::move(test));
    }
    return suite;
}

std::optional<TestSuite> loadNdjson(const fs::path& file, std::string& error)
{
    const std::optional<std::string> text = readWhole(file, error);
    if (!text)
        return std::nullopt;
    TestSuite suite;
    suite.kind = SuiteKind::Ndjson;
    suite.path = file;
    std::istringstream in(*text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        suite.lines.push_back(line);
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        const std::string where = file.string() + ":" + std::to_string(number);
        std::optional<Json> record = parseDocument(line, file, number, error);
        if (!record)
            return std::nullopt;
        if (!record->is_object()) {
            error = where + ": a test record must be an object {\"input\": …, \"expected\": …}";
            return std::nullopt;
        }
        if (record->contains("suite")) {
            if (!suite.cases.empty() || record->size() != 1) {
                error = where + ": the {\"suite\": {…}} settings must be alone on the first record";
                return std::nullopt;
            }
            if (!readSettings((*record)["suite"], file.parent_path(), suite.settings, where, error))
                return std::nullopt;
            continue;
        }
        TestCase test;
        test.file = file;
        test.line = number;
        test.name = "line " + std::to_string(number);
        for (const auto& [key, member] : record->items()) {
            if (key == "name") {
                if (!member.is_string()) {
                    error = where + ": \"name\" must be a string";
                    return std::nullopt;
                }
                test.name = member.get<std::string>();
            } else if (key == "errors") {
                if (!readErrors(member, test.errors, where, error))
                    return std::nullopt;
            } else if (key != "input" && key != "expected") {
                error = where + ": unknown key \"" + key + "\" (input, expected, errors or name)";
                return std::nullopt;
            }
        }
        // An absent key is not a null value: `"expected": null` expects a null output.
        if (!record->contains("input")) {
            error = where + ": the record has no \"input\"";
            return std::nullopt;
        }
        if (!record->contains("expected")) {
            error = where + ": the record has no \"expected\" (mapping-dsl test --update writes it)";
            return std::nullopt;
        }
        test.input = (*record)["input"];
        test.expected = (*record)["expected"];
        test.record = std::move(*record);
        suite.cases.push_back(std::move(test));
    }
    return suite;
}

} // namespace

std::string_view testEngineName(TestEngine engine) noexcept
{
    switch (engine) {
    case TestEngine::V1: return "v1";
    case TestEngine::V2: return "v2";
    case TestEngine::Routed: break;
    }
    return "routed";
}

std::vector<fs::path> suitesBeside(const fs::path& mapping)
{
    std::vector<fs::path> found;
    const fs::path base = mapping.parent_path() / mapping.stem();
    std::error_code ec;
    for (const fs::path& candidate : {fs::path(base.string() + ".tests"), fs::path(base.string() + ".tests.ndjson")})
        if (fs::exists(candidate, ec))
            found.push_back(candidate);
    return found;
}

std::optional<TestSuite> loadSuite(const fs::path& path, std::string& error)
{
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        error = "no test suite at '" + path.string() + "'";
        return std::nullopt;
    }
    std::optional<TestSuite> suite = fs::is_directory(path, ec) ? loadFolder(path, error) : loadNdjson(path, error);
    if (suite && suite->cases.empty()) {
        error = "'" + path.string() + "': the suite has no cases"
              + (suite->kind == SuiteKind::Folder ? " (CASE.input.json and CASE.expected.json files)"
                                                  : " ({\"input\": …, \"expected\": …} lines)");
        return std::nullopt;
    }
    return suite;
}

} // namespace mdsl
