// Unicode text through ICU. ASCII, the common case, takes a fast path that gives the same
// results as ICU would.

#include "runtime/text.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/locid.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace mdsl::rt::text {

namespace {

bool isAscii(std::string_view s) noexcept
{
    for (const char c : s)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

} // namespace

std::size_t codePointCount(std::string_view s) noexcept
{
    std::size_t count = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    return count;
}

std::size_t byteOffset(std::string_view s, std::size_t index) noexcept
{
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (seen == index)
                return i;
            ++seen;
        }
    }
    return s.size();
}

namespace {

/// Case mapping: ASCII by hand, anything else through ICU.
std::string mapCase(std::string_view s, bool upper)
{
    if (isAscii(s)) {
        std::string out(s);
        const char from = upper ? 'a' : 'A';
        const char to = upper ? 'A' : 'a';
        for (char& c : out)
            if (c >= from && c <= from + 25)
                c = static_cast<char>(c - from + to);
        return out;
    }
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    if (upper)
        text.toUpper(icu::Locale::getRoot());
    else
        text.toLower(icu::Locale::getRoot());
    std::string out;
    text.toUTF8String(out);
    return out;
}

} // namespace

std::string toUpper(std::string_view s)
{
    return mapCase(s, true);
}

std::string toLower(std::string_view s)
{
    return mapCase(s, false);
}

std::string_view trim(std::string_view s)
{
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    int32_t begin = 0;
    while (begin < length) {
        int32_t next = begin;
        UChar32 c = 0;
        U8_NEXT(bytes, next, length, c);
        if (c < 0 || !u_isUWhiteSpace(c))
            break;
        begin = next;
    }
    int32_t end = length;
    while (end > begin) {
        int32_t previous = end;
        UChar32 c = 0;
        U8_PREV(bytes, 0, previous, c);
        if (c < 0 || !u_isUWhiteSpace(c))
            break;
        end = previous;
    }
    return s.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
}

bool isValidUtf8(std::string_view s) noexcept
{
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0)
            return false;
    }
    return true;
}

} // namespace mdsl::rt::text
