#pragma once
// The character level of JSONPath: a cursor over the query text that reads blank space,
// string and number literals, integers and member names, and reports errors by throwing
// ParseFailure with a byte position. The parser (parser.cpp) drives it.

#include "mdsl/jsonpath.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mdsl::jsonpath::detail {

/// Thrown inside the parser; parse() turns it into ParseResult::error.
struct ParseFailure {
    Error error;
};

/// The largest integer magnitude I-JSON allows: 2^53 - 1.
inline constexpr std::int64_t kMaxExactInteger = 9007199254740991;

class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {}

    [[nodiscard]] std::size_t pos() const { return pos_; }
    void setPos(std::size_t pos) { pos_ = pos; }
    [[nodiscard]] bool atEnd() const { return pos_ >= text_.size(); }
    /// The byte at pos + ahead, or '\0' past the end.
    [[nodiscard]] char peek(std::size_t ahead = 0) const
    {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }
    [[nodiscard]] std::string_view text() const { return text_; }
    bool consume(char c);
    bool consume(std::string_view s);

    /// Skips RFC 9535 blank space (space, tab, LF, CR); tells whether it held a newline.
    bool skipBlank();
    /// True at the first character of a member name (ALPHA, '_' or a non-ASCII character).
    [[nodiscard]] bool atNameFirst() const;
    /// True at a lowercase ASCII letter (the first character of a function name).
    [[nodiscard]] bool atLowerAlpha() const { return peek() >= 'a' && peek() <= 'z'; }
    [[nodiscard]] bool atDigit() const { return peek() >= '0' && peek() <= '9'; }

    /// Reads a member name of the dot shorthand (name-first *name-char).
    std::string readMemberName();
    /// Reads a function name (lowercase letter, then lowercase letters, digits, '_').
    std::string readFunctionName();
    /// Reads a quoted string literal at a ' or ", unescaped.
    std::string readString();
    /// Reads an integer of an index or slice: no leading zeros, no "-0", within I-JSON range.
    std::int64_t readInteger(const char* what);
    /// Reads a number literal of a filter (RFC 9535 "number", "-0" included).
    Json readNumber();

    [[noreturn]] void fail(std::size_t offset, std::size_t length, std::string message,
                           ErrorCode code = ErrorCode::Syntax) const;
    /// Fails at the current position, naming what was found there.
    [[noreturn]] void failHere(const std::string& expected) const;

private:
    /// Decodes the UTF-8 character at pos; sets length. Fails on malformed UTF-8.
    std::uint32_t decodeAt(std::size_t pos, std::size_t& length) const;
    std::uint32_t readHex4();

    std::string_view text_;
    std::size_t pos_ = 0;
};

/// Describes the text at offset for an error message: "'x'", "a newline" or "the end of the query".
std::string describeAt(std::string_view text, std::size_t offset);

/// Embedded mode, after an error: how far a caller should skip. Takes the query's shape
/// (name characters, '.', '*', then balanced brackets and parentheses with strings skipped);
/// if a bracket never closes, stops at the end of the line holding the error.
std::size_t skipExtent(std::string_view text, std::size_t errorOffset);

} // namespace mdsl::jsonpath::detail
