#pragma once
// Internal: reading NDJSON records, shared by the batch dry-run and the corpus comparison.

#include "mdsl/diagnostic.h"
#include "mdsl/json.h"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace mdsl::detail {

/// One line of an NDJSON stream, as read (parsing happens later, on a worker).
struct NdjsonLine {
    std::uint64_t number = 0;   ///< 1-based
    std::string text;           ///< without its line end
};

/// Reads the next line of `in` into `line` ("\r\n" or "\n" ends; a last line without one
/// counts). False at the end of the stream.
bool readLine(std::istream& in, std::uint64_t& lineCount, NdjsonLine& line);

/// Empty or only JSON whitespace: not a record.
bool isBlank(std::string_view text) noexcept;

/// The JSON document of a line, or nullopt with `error` set to a kInputNotJson diagnostic
/// naming the line and column.
std::optional<Json> parseLine(const NdjsonLine& line, Diagnostic& error);

} // namespace mdsl::detail
