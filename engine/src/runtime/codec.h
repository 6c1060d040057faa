#pragma once
// Internal: byte encodings and dates for the function library — SHA-256 (FIPS 180-4),
// Base64 (RFC 4648), percent-encoding (RFC 3986), and strftime-style dates in UTC.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl::rt::codec {

/// SHA-256 of the bytes, as 64 lowercase hex digits.
std::string sha256Hex(std::string_view bytes);
/// Base64 with padding.
std::string base64Encode(std::string_view bytes);
/// The decoded bytes, or nullopt when the text is not Base64 (padding optional, no blanks).
std::optional<std::string> base64Decode(std::string_view text);
/// Percent-encodes every byte but A-Z a-z 0-9 - . _ ~.
std::string urlEncode(std::string_view bytes);

/// Dates: milliseconds since 1970-01-01T00:00:00Z. Formats are a strftime subset:
/// %Y year (4 digits), %m month,
/// %d day, %H hour, %M minute, %S second (2 digits each), %L milliseconds (3 digits),
/// %z zone offset (+hhmm, -hhmm, +hh:mm or Z; formatting always writes +0000), %% a percent.
/// Why a date could not be read or written: a message wording of mdsl/report.h ("E412.date-
/// invalid") and its arguments after the function's name.
struct DateError {
    std::string wording;
    std::vector<std::string> args;
};
/// Parsing returns nullopt with `error` set when the text does not match or the date is invalid.
std::optional<std::int64_t> parseDate(std::string_view text, std::string_view format, DateError& error);
/// Formatting returns nullopt with `error` set for an unknown directive or a year past %Y.
std::optional<std::string> formatDate(std::int64_t ms, std::string_view format, DateError& error);

} // namespace mdsl::rt::codec
