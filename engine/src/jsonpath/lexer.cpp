// The character level of JSONPath (RFC 9535 sections 2.3.1.1 and 2.3.5.1).

#include "lexer.h"

#include "util/utf8.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace mdsl::jsonpath::detail {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace

std::string describeAt(std::string_view text, std::size_t offset)
{
    if (offset >= text.size())
        return "the end of the query";
    const char c = text[offset];
    if (c == '\n' || c == '\r')
        return "a line break";
    if (c == ' ' || c == '\t')
        return "blank space";
    if (static_cast<unsigned char>(c) < 0x20)
        return "a control character";
    // One character; a byte that starts none is quoted alone (the message shows it as \xFF),
    // never with the bytes after it, which may be the rest of the line.
    const std::size_t length = std::max<std::size_t>(utf8::utf8Length(text, offset), 1);
    return "'" + std::string(text.substr(offset, length)) + "'";
}

bool Cursor::consume(char c)
{
    if (peek() != c || atEnd())
        return false;
    ++pos_;
    return true;
}

bool Cursor::consume(std::string_view s)
{
    if (text_.substr(pos_, s.size()) != s)
        return false;
    pos_ += s.size();
    return true;
}

bool Cursor::skipBlank()
{
    bool newline = false;
    while (!atEnd() && isBlank(text_[pos_])) {
        newline = newline || text_[pos_] == '\n' || text_[pos_] == '\r';
        ++pos_;
    }
    return newline;
}

void Cursor::fail(std::size_t offset, std::size_t length, std::string message, ErrorCode code) const
{
    Error error;
    error.offset = static_cast<std::uint32_t>(offset);
    error.length = static_cast<std::uint32_t>(offset >= text_.size() ? 0 : (length == 0 ? 1 : length));
    // Messages quote the query, whose bytes need not be UTF-8: every error is made here.
    error.message = utf8::forMessage(message);
    error.code = code;
    throw ParseFailure{std::move(error)};
}

void Cursor::failHere(const std::string& expected) const
{
    fail(pos_, 1, "expected " + expected + ", found " + describeAt(text_, pos_));
}

std::uint32_t Cursor::decodeAt(std::size_t pos, std::size_t& length) const
{
    const auto lead = static_cast<unsigned char>(text_[pos]);
    std::uint32_t cp = 0;
    std::uint32_t min = 0;
    if (lead < 0x80) {
        length = 1;
        return lead;
    }
    if ((lead & 0xE0) == 0xC0) {
        length = 2, cp = lead & 0x1F, min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, cp = lead & 0x0F, min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, cp = lead & 0x07, min = 0x10000;
    } else {
        fail(pos, 1, "invalid UTF-8 in the query");
    }
    if (pos + length > text_.size())
        fail(pos, 1, "invalid UTF-8 in the query");
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text_[pos + i]);
        if ((byte & 0xC0) != 0x80)
            fail(pos, 1, "invalid UTF-8 in the query");
        cp = (cp << 6) | (byte & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        fail(pos, length, "invalid UTF-8 in the query");
    return cp;
}

bool Cursor::atNameFirst() const
{
    const char c = peek();
    return !atEnd() && (isAsciiAlpha(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80);
}

std::string Cursor::readMemberName()
{
    const std::size_t start = pos_;
    while (!atEnd()) {
        const char c = text_[pos_];
        if (isAsciiAlpha(c) || c == '_' || (c >= '0' && c <= '9')) {
            ++pos_;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            std::size_t length = 0;
            decodeAt(pos_, length);   // validates; every non-ASCII scalar value is a name-char
            pos_ += length;
        } else {
            break;
        }
    }
    return std::string(text_.substr(start, pos_ - start));
}

std::string Cursor::readFunctionName()
{
    const std::size_t start = pos_;
    while (atLowerAlpha() || atDigit() || peek() == '_')
        ++pos_;
    return std::string(text_.substr(start, pos_ - start));
}

std::uint32_t Cursor::readHex4()
{
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = peek();
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0 || atEnd())
            failHere("a hexadecimal digit in the \\u escape");
        value = value * 16 + static_cast<std::uint32_t>(digit);
        ++pos_;
    }
    return value;
}

std::string Cursor::readString()
{
    const std::size_t start = pos_;
    const char quote = text_[pos_++];
    std::string out;
    for (;;) {
        if (atEnd())
            fail(start, 1, std::string("unterminated string: expected a closing ") + quote);
        const char c = text_[pos_];
        if (c == quote) {
            ++pos_;
            return out;
        }
        if (static_cast<unsigned char>(c) < 0x20)
            fail(pos_, 1, "control characters must be escaped in a string (use \\n, \\t or \\u00XX)");
        if (c != '\\') {
            std::size_t length = 0;
            decodeAt(pos_, length);
            out.append(text_.substr(pos_, length));
            pos_ += length;
            continue;
        }
        const std::size_t escape = pos_++;
        const char e = peek();
        ++pos_;
        switch (e) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case '/': out += '/'; break;
        case '\\': out += '\\'; break;
        case '\'':
        case '"':
            if (e != quote)
                fail(escape, 2, std::string("invalid escape \\") + e + " in a string quoted with " + quote);
            out += e;
            break;
        case 'u': {
            std::uint32_t cp = readHex4();
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                fail(escape, 6, "a low surrogate \\u escape must follow a high surrogate");
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (!consume("\\u"))
                    fail(escape, 6, "a high surrogate \\u escape must be followed by a low surrogate \\u escape");
                const std::uint32_t low = readHex4();
                if (low < 0xDC00 || low > 0xDFFF)
                    fail(escape, 12, "a high surrogate \\u escape must be followed by a low surrogate \\u escape");
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            utf8::appendUtf8(out, cp);
            break;
        }
        default:
            fail(escape, e == '\0' ? 1 : 2,
                 "invalid escape: expected one of \\b \\f \\n \\r \\t \\/ \\\\ \\uXXXX or the quote");
        }
    }
}

std::int64_t Cursor::readInteger(const char* what)
{
    const std::size_t start = pos_;
    const bool negative = consume('-');
    if (!atDigit())
        failHere(std::string("a digit in the ") + what);
    std::size_t digitsStart = pos_;
    while (atDigit())
        ++pos_;
    const std::string_view digits = text_.substr(digitsStart, pos_ - digitsStart);
    if (digits.size() > 1 && digits[0] == '0')
        fail(start, pos_ - start, std::string("leading zeros are not allowed in the ") + what);
    if (negative && digits == "0")
        fail(start, pos_ - start, std::string("-0 is not allowed as the ") + what);
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    (void)ptr;
    if (ec != std::errc() || value > kMaxExactInteger)
        fail(start, pos_ - start,
             std::string("the ") + what + " is outside the I-JSON range -(2^53-1) to 2^53-1",
             ErrorCode::IntegerRange);
    return negative ? -value : value;
}

Json Cursor::readNumber()
{
    const std::size_t start = pos_;
    consume('-');
    if (!atDigit())
        failHere("a digit");
    if (consume('0')) {
        if (atDigit())
            fail(start, pos_ - start + 1, "leading zeros are not allowed in a number");
    } else {
        while (atDigit())
            ++pos_;
    }
    bool integral = true;
    if (consume('.')) {
        integral = false;
        if (!atDigit())
            failHere("a digit after the decimal point");
        while (atDigit())
            ++pos_;
    }
    if (consume('e') || consume('E')) {
        integral = false;
        if (!consume('+'))
            consume('-');
        if (!atDigit())
            failHere("a digit in the exponent");
        while (atDigit())
            ++pos_;
    }
    const std::string literal(text_.substr(start, pos_ - start));
    if (integral) {
        std::int64_t value = 0;
        const auto [ptr, ec] = std::from_chars(literal.data(), literal.data() + literal.size(), value);
        (void)ptr;
        if (ec == std::errc())
            return Json(value);
    }
    return Json(std::strtod(literal.c_str(), nullptr));
}

std::size_t skipExtent(std::string_view text, std::size_t errorOffset)
{
    std::size_t pos = 0;
    int depth = 0;
    std::size_t outerOpen = 0;   // where the outermost open bracket is
    while (pos < text.size()) {
        const char c = text[pos];
        if (depth == 0)
            outerOpen = pos;
        if (depth > 0) {
            if (c == '\'' || c == '"') {
                ++pos;
                while (pos < text.size() && text[pos] != c)
                    pos += text[pos] == '\\' ? 2 : 1;
            } else if (c == '[' || c == '(') {
                ++depth;
            } else if (c == ']' || c == ')') {
                --depth;
            }
            ++pos;
            continue;
        }
        if (c == '[' || c == '(') {
            ++depth;
            ++pos;
        } else if (isAsciiAlpha(c) || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '*'
                   || c == '$' || c == '@' || static_cast<unsigned char>(c) >= 0x80) {
            ++pos;
        } else {
            break;
        }
    }
    pos = std::min(pos, text.size());
    if (depth > 0) {
        // A bracket that never closes: up to the end of its line, so that one typo does not
        // swallow the rest of the file.
        const std::size_t eol = text.find_first_of("\r\n", outerOpen);
        return eol == std::string_view::npos ? text.size() : eol;
    }
    return std::max(pos, std::min(errorOffset, text.size()));
}

} // namespace mdsl::jsonpath::detail
