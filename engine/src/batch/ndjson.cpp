#include "batch/ndjson.h"

#include "mdsl/batch.h"
#include "mdsl/report.h"
#include "util/json_io.h"
#include "util/utf8.h"

#include <algorithm>
#include <istream>

namespace mdsl::detail {

bool readLine(std::istream& in, std::uint64_t& lineCount, NdjsonLine& line)
{
    if (!std::getline(in, line.text))
        return false;
    if (!line.text.empty() && line.text.back() == '\r')
        line.text.pop_back();
    line.number = ++lineCount;
    return true;
}

bool isBlank(std::string_view text) noexcept
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::optional<Json> parseLine(const NdjsonLine& line, Diagnostic& error)
{
    Json value;
    std::size_t failedAt = 0;
    if (readJson(line.text, value, failedAt))
        return value;
    // Not JSON: the library's parser words the reason, as it did when it read every line.
    std::string detail;
    std::size_t byte = failedAt;
    try {
        return Json::parse(line.text);   // not reached: both parsers refuse the same texts
    } catch (const Json::parse_error& e) {
        // nlohmann's text is "[json.exception.parse_error.101] parse error at line 1, column
        // 5: syntax error ..."; keep the explanation, ours names the NDJSON line.
        detail = e.what();
        if (const auto bracket = detail.find("] "); bracket != std::string::npos)
            detail.erase(0, bracket + 2);
        if (detail.rfind("parse error", 0) == 0) {
            if (const auto colon = detail.find(": "); colon != std::string::npos)
                detail.erase(0, colon + 2);
        }
        byte = e.byte == 0 ? 0 : e.byte - 1;
    } catch (const Json::exception& e) {
        // A number out of the range of a double ("[json.exception.out_of_range.406] number
        // overflow parsing '1e400'"): no position in the library's error; the number's own.
        detail = e.what();
        if (const auto bracket = detail.find("] "); bracket != std::string::npos)
            detail.erase(0, bracket + 2);
    }
    byte = std::min(byte, line.text.size());
    int column = 1;   // in code points, as every column of the engine
    for (std::size_t i = 0; i < byte; ++i)
        column += (static_cast<unsigned char>(line.text[i]) & 0xC0) != 0x80 ? 1 : 0;
    error = Diagnostic{};
    error.severity = Severity::Error;
    error.code = std::string(kInputNotJson);
    // The library's message quotes the bytes it stopped at, which need not be UTF-8.
    error.args = {std::to_string(line.number), std::to_string(column), utf8::forMessage(detail)};
    error.message = formatMessage(findDiagnosticCode(kInputNotJson)->pattern, error.args);   // the table's E420
    error.range.start = {static_cast<int>(line.number), column, static_cast<std::uint32_t>(byte)};
    error.range.end = error.range.start;
    return std::nullopt;
}

} // namespace mdsl::detail
