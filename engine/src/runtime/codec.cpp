// SHA-256, Base64, percent-encoding and UTC dates: small, self-contained implementations
// (the build root has no crypto library, and these are a few dozen lines each).

#include "runtime/codec.h"

#include <array>
#include <cstdio>

namespace mdsl::rt::codec {

namespace {

constexpr std::array<std::uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

constexpr std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void compress(std::array<std::uint32_t, 8>& h, const unsigned char* block)
{
    std::array<std::uint32_t, 64> w{};
    for (int i = 0; i < 16; ++i)
        w[i] = (std::uint32_t{block[4 * i]} << 24) | (std::uint32_t{block[4 * i + 1]} << 16)
             | (std::uint32_t{block[4 * i + 2]} << 8) | std::uint32_t{block[4 * i + 3]};
    for (int i = 16; i < 64; ++i) {
        const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int i = 0; i < 64; ++i) {
        const std::uint32_t t1 = k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRound[i] + w[i];
        const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64Value(char c)
{
    const auto at = kBase64.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// Days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

unsigned daysInMonth(std::int64_t y, unsigned m)
{
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

bool readDigits(std::string_view text, std::size_t& pos, int count, int& out)
{
    out = 0;
    for (int i = 0; i < count; ++i, ++pos) {
        if (pos >= text.size() || text[pos] < '0' || text[pos] > '9')
            return false;
        out = out * 10 + (text[pos] - '0');
    }
    return true;
}

} // namespace

std::string sha256Hex(std::string_view bytes)
{
    std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::size_t i = 0;
    for (; i + 64 <= bytes.size(); i += 64)
        compress(h, reinterpret_cast<const unsigned char*>(bytes.data() + i));
    std::array<unsigned char, 128> tail{};
    // Below 64 after the loop; the mask says so to the optimiser (which otherwise warns that
    // tail[rest] could be out of bounds).
    const std::size_t rest = (bytes.size() - i) & 63;
    for (std::size_t j = 0; j < rest; ++j)
        tail[j] = static_cast<unsigned char>(bytes[i + j]);
    tail[rest] = 0x80;
    const std::size_t total = rest + 9 <= 64 ? 64 : 128;
    const std::uint64_t bits = static_cast<std::uint64_t>(bytes.size()) * 8;
    for (int j = 0; j < 8; ++j)
        tail[total - 1 - j] = static_cast<unsigned char>(bits >> (8 * j));
    compress(h, tail.data());
    if (total == 128)
        compress(h, tail.data() + 64);
    std::string out;
    char buffer[9];
    for (const std::uint32_t word : h) {
        std::snprintf(buffer, sizeof buffer, "%08x", word);
        out += buffer;
    }
    return out;
}

std::string base64Encode(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t n = (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16)
                              | (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8)
                              | std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
        out += kBase64[(n >> 18) & 63];
        out += kBase64[(n >> 12) & 63];
        out += kBase64[(n >> 6) & 63];
        out += kBase64[n & 63];
    }
    if (i < bytes.size()) {
        std::uint32_t n = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
        if (i + 1 < bytes.size())
            n |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
        out += kBase64[(n >> 18) & 63];
        out += kBase64[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? kBase64[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::optional<std::string> base64Decode(std::string_view text)
{
    // Padding is optional, but when present it completes the last group of four characters:
    // one or two '=' after two or three characters ("====" or "QQ=" is not Base64).
    const std::size_t data = text.find_last_not_of('=') + 1; // 0 when all '=' (npos + 1)
    const std::size_t padding = text.size() - data;
    text.remove_suffix(padding);
    if (text.size() % 4 == 1 || (padding > 0 && (padding > 2 || (text.size() + padding) % 4 != 0)))
        return std::nullopt;
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const int v = base64Value(c);
        if (v < 0)
            return std::nullopt;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

std::string urlEncode(std::string_view bytes)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '.'
            || b == '_' || b == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[b >> 4];
            out += kHex[b & 15];
        }
    }
    return out;
}

std::optional<std::int64_t> parseDate(std::string_view text, std::string_view format, DateError& error)
{
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0, offsetMinutes = 0;
    std::size_t pos = 0;
    auto mismatch = [&](std::string_view what) {
        error = {"E412.date-expected", {std::string(what), std::to_string(pos), std::string(text)}};
        return std::nullopt;
    };
    for (std::size_t f = 0; f < format.size(); ++f) {
        if (format[f] != '%' || f + 1 == format.size()) {
            if (pos >= text.size() || text[pos] != format[f])
                return mismatch("'" + std::string(1, format[f]) + "'");
            ++pos;
            continue;
        }
        const char directive = format[++f];
        bool ok = true;
        switch (directive) {
        case 'Y': ok = readDigits(text, pos, 4, year); break;
        case 'm': ok = readDigits(text, pos, 2, month); break;
        case 'd': ok = readDigits(text, pos, 2, day); break;
        case 'H': ok = readDigits(text, pos, 2, hour); break;
        case 'M': ok = readDigits(text, pos, 2, minute); break;
        case 'S': ok = readDigits(text, pos, 2, second); break;
        case 'L': ok = readDigits(text, pos, 3, millis); break;
        case '%': ok = pos < text.size() && text[pos++] == '%'; break;
        case 'z': {
            if (pos < text.size() && text[pos] == 'Z') {
                ++pos;
                break;
            }
            if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-'))
                return mismatch("date.zone-offset");
            const int sign = text[pos++] == '-' ? -1 : 1;
            int hh = 0, mm = 0;
            ok = readDigits(text, pos, 2, hh);
            if (ok && pos < text.size() && text[pos] == ':')
                ++pos;
            ok = ok && readDigits(text, pos, 2, mm);
            // RFC 3339: hours 00-23, minutes 00-59.
            if (ok && (hh > 23 || mm > 59)) {
                error = {"E412.date-zone-offset", {std::string(text)}};
                return std::nullopt;
            }
            offsetMinutes = sign * (hh * 60 + mm);
            break;
        }
        default:
            error = {"E412.date-unknown-directive", {std::string(1, directive)}};
            return std::nullopt;
        }
        if (!ok)
            return mismatch(std::string("%") + directive);
    }
    if (pos != text.size())
        return mismatch("date.end-of-text");
    if (month < 1 || month > 12 || day < 1 || static_cast<unsigned>(day) > daysInMonth(year, static_cast<unsigned>(month))
        || hour > 23 || minute > 59 || second > 60) {
        error = {"E412.date-invalid", {std::string(text)}};
        return std::nullopt;
    }
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60000 + std::int64_t{second} * 1000 + millis;
}

std::optional<std::string> formatDate(std::int64_t ms, std::string_view format, DateError& error)
{
    const std::int64_t dayMs = 86'400'000;
    std::int64_t days = ms / dayMs;
    std::int64_t rest = ms % dayMs;
    if (rest < 0) {
        rest += dayMs;
        --days;
    }
    std::int64_t year = 0;
    unsigned month = 0, day = 0;
    civilFromDays(days, year, month, day);
    const auto field = [](std::int64_t value, int width) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%0*lld", width, static_cast<long long>(value));
        return std::string(buffer);
    };
    std::string out;
    for (std::size_t f = 0; f < format.size(); ++f) {
        if (format[f] != '%' || f + 1 == format.size()) {
            out += format[f];
            continue;
        }
        const char directive = format[++f];
        switch (directive) {
        case 'Y':
            // %Y is four digits, as parse_date reads it: a year it cannot write is an error,
            // not a wider or signed field.
            if (year < 0 || year > 9999) {
                error = {"E412.date-year-range", {std::to_string(year)}};
                return std::nullopt;
            }
            out += field(year, 4);
            break;
        case 'm': out += field(month, 2); break;
        case 'd': out += field(day, 2); break;
        case 'H': out += field(rest / 3'600'000, 2); break;
        case 'M': out += field(rest / 60'000 % 60, 2); break;
        case 'S': out += field(rest / 1000 % 60, 2); break;
        case 'L': out += field(rest % 1000, 3); break;
        case 'z': out += "+0000"; break;
        case '%': out += '%'; break;
        default:
            error = {"E412.date-unknown-directive", {std::string(1, directive)}};
            return std::nullopt;
        }
    }
    return out;
}

} // namespace mdsl::rt::codec
