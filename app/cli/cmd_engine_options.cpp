#include "cmd_engine_options.h"

#include "io.h"

#include "mdsl/report.h"

#include <charconv>
#include <iostream>

namespace cli {

int commandUsageError(std::string_view command, std::string_view usage, const std::string& message)
{
    printError(std::string(command) + ": " + message);
    std::cerr << usage;
    return kUsage;
}

std::optional<mdsl::Flags> readFlagsFile(const std::string& path)
{
    std::string error;
    const std::optional<std::string> text = readText(path, error);
    if (!text) {
        printError(error);
        return std::nullopt;
    }
    const mdsl::FlagsFile flags = mdsl::parseFlags(*text);
    std::cerr << mdsl::renderText(flags.diagnostics, *text, path);
    if (mdsl::hasErrors(flags.diagnostics))
        return std::nullopt;
    return flags.flags;
}

std::optional<mdsl::Flags> flagsOption(const ParsedArgs& args)
{
    const std::optional<std::string> path = args.value("--flags");
    if (!path)
        return mdsl::Flags();
    return readFlagsFile(*path);
}

namespace {

// Reads exactly `digits` decimal digits at `pos`.
bool number(std::string_view text, std::size_t& pos, int digits, int& value)
{
    if (pos + static_cast<std::size_t>(digits) > text.size())
        return false;
    const char* first = text.data() + pos;
    const auto [end, ec] = std::from_chars(first, first + digits, value);
    if (ec != std::errc() || end != first + digits)
        return false;
    pos += static_cast<std::size_t>(digits);
    return true;
}

bool expect(std::string_view text, std::size_t& pos, char c)
{
    if (pos >= text.size() || text[pos] != c)
        return false;
    ++pos;
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

} // namespace

std::optional<std::int64_t> parseIsoDateTime(std::string_view text)
{
    std::size_t pos = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
    if (!number(text, pos, 4, year) || !expect(text, pos, '-') || !number(text, pos, 2, month)
        || !expect(text, pos, '-') || !number(text, pos, 2, day))
        return std::nullopt;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] || (month == 2 && day == 29 && !leap))
        return std::nullopt;
    int offsetMinutes = 0;
    if (pos < text.size()) {
        if (text[pos] != 'T' && text[pos] != 't')
            return std::nullopt;
        ++pos;
        if (!number(text, pos, 2, hour) || !expect(text, pos, ':') || !number(text, pos, 2, minute)
            || !expect(text, pos, ':') || !number(text, pos, 2, second) || hour > 23 || minute > 59
            || second > 59)
            return std::nullopt;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            int scale = 100;
            const std::size_t start = pos;
            for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, scale /= 10)
                millis += (text[pos] - '0') * scale;
            if (pos == start)
                return std::nullopt;
        }
        if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
            ++pos;
        } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
            const int sign = text[pos++] == '-' ? -1 : 1;
            int oh = 0, om = 0;
            if (!number(text, pos, 2, oh) || !expect(text, pos, ':') || !number(text, pos, 2, om) || oh > 23
                || om > 59)
                return std::nullopt;
            offsetMinutes = sign * (oh * 60 + om);
        } else {
            return std::nullopt;   // a local time would not reproduce across machines
        }
    }
    if (pos != text.size())
        return std::nullopt;
    const std::int64_t seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60
        + second - offsetMinutes * 60;
    return seconds * 1000 + millis;
}

std::optional<ParsedArgs> parseCommand(std::string_view command, std::string_view usage,
                                       const std::vector<std::string>& args,
                                       std::vector<OptionSpec> specs, int& exitCode)
{
    specs.push_back({"--help"});
    std::string error;
    std::optional<ParsedArgs> parsed = cli::parse(args, specs, error);
    if (parsed && parsed->has("--help")) {
        std::cout << usage;
        exitCode = kOk;
        return std::nullopt;
    }
    if (parsed && parsed->positional.size() != 1)
        error = parsed->positional.empty() ? "missing the FILE argument" : "too many arguments";
    if (!parsed || !error.empty()) {
        exitCode = commandUsageError(command, usage, error);
        return std::nullopt;
    }
    return parsed;
}

std::optional<MappingInput> loadMapping(const ParsedArgs& args)
{
    std::optional<mdsl::Flags> flags = flagsOption(args);
    if (!flags)
        return std::nullopt;
    const std::string& path = args.positional.at(0);
    std::string error;
    std::optional<std::string> text = readText(path, error);
    if (!text) {
        printError(error);
        return std::nullopt;
    }
    return MappingInput{path == "-" ? "<stdin>" : path, std::move(*text), *flags};
}

std::optional<mdsl::Json> readJsonDocument(const std::string& path)
{
    std::string error;
    const std::optional<std::string> text = readText(path, error);
    if (!text) {
        printError(error);
        return std::nullopt;
    }
    try {
        return mdsl::parseJson(*text);
    } catch (const mdsl::Json::exception& e) {
        // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." without the tag
        // (out_of_range 406 for a number past the range of a double).
        std::string detail = e.what();
        if (const auto bracket = detail.find("] "); bracket != std::string::npos)
            detail.erase(0, bracket + 2);
        printError("'" + path + "' is not JSON: " + detail);
        return std::nullopt;
    }
}

std::optional<unsigned> jobsOption(const ParsedArgs& args)
{
    const std::optional<std::string> value = args.value("--jobs");
    if (!value)
        return 0u;
    unsigned jobs = 0;
    const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), jobs);
    if (ec != std::errc() || end != value->data() + value->size() || jobs == 0 || jobs > 1024)
        return std::nullopt;
    return jobs;
}

} // namespace cli
