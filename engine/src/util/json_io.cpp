// Reading and writing the engine's JSON values (mdsl/json.h) without nlohmann's per-character
// input and output adapters: the same values as Json::parse and the same bytes as
// Json::dump(-1, ' ', false, error_handler_t::replace), several times faster. Text that is not
// JSON is handed to Json::parse, so that the error (message and position) is the library's.

#include "util/json_io.h"

#include "util/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace mdsl {

// A named namespace (not an anonymous one): unity builds put several engine files in one
// translation unit.
namespace jsonio {

using detail::membersOf;
using ObjectMembers = detail::JsonMembers;

bool isJsonSpace(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int hexValue(char c) noexcept
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// An iterative JSON parser (no recursion: documents may nest deeper than the native stack
/// allows). Values of the containers being read wait on a stack and are moved into their
/// container, sized once, when it closes. Any departure from JSON makes parse() return false.
class Reader {
public:
    /// Where reading stopped, after parse() returned false.
    [[nodiscard]] std::size_t failedAt() const noexcept { return static_cast<std::size_t>(p_ - text_.data()); }

    bool parse(std::string_view text, Json& result)
    {
        text_ = text;
        p_ = text.data();
        end_ = p_ + text.size();
        values_.clear();
        keys_.clear();
        frames_.clear();
        const bool ok = parseDocument();
        if (ok)
            result = std::move(values_.back());
        values_.clear();
        keys_.clear();
        // The stacks are kept for the next line, but not the memory of an exceptional one.
        if (values_.capacity() > kKeptCapacity)
            std::vector<Json>().swap(values_);
        if (keys_.capacity() > kKeptCapacity)
            std::vector<std::string>().swap(keys_);
        if (frames_.capacity() > kKeptCapacity)
            std::vector<Frame>().swap(frames_);
        return ok;
    }

private:
    static constexpr std::size_t kKeptCapacity = 1 << 16;

    struct Frame {
        bool object = false;
        std::size_t values = 0;   // values_ index of the first member
        std::size_t keys = 0;     // keys_ index of the first key (objects)
    };

    void skipSpace() noexcept
    {
        while (p_ != end_ && isJsonSpace(*p_))
            ++p_;
    }

    bool parseDocument()
    {
        // Json::parse skips a UTF-8 byte order mark at the start.
        if (p_ != end_ && static_cast<unsigned char>(*p_) == 0xEF) {
            if (end_ - p_ < 3 || static_cast<unsigned char>(p_[1]) != 0xBB || static_cast<unsigned char>(p_[2]) != 0xBF)
                return false;
            p_ += 3;
        }
        skipSpace();
        for (;;) {
            // A value is expected at p_.
            if (p_ == end_)
                return false;
            switch (*p_) {
            case '{':
            case '[': {
                const bool object = *p_ == '{';
                ++p_;
                skipSpace();
                if (p_ != end_ && *p_ == (object ? '}' : ']')) {
                    ++p_;
                    values_.emplace_back(object ? Json::value_t::object : Json::value_t::array);
                    break;
                }
                frames_.push_back({object, values_.size(), keys_.size()});
                if (object && !parseKey())
                    return false;
                continue;
            }
            case '"': {
                std::string text;
                if (!parseString(text))
                    return false;
                values_.emplace_back(std::move(text));
                break;
            }
            case 't':
            case 'f':
            case 'n':
                if (!parseLiteral())
                    return false;
                break;
            default:
                if (!parseNumber())
                    return false;
                break;
            }
            // After a value: a separator, the end of containers, or the end of the text.
            for (;;) {
                skipSpace();
                if (frames_.empty())
                    return p_ == end_;
                if (p_ == end_)
                    return false;
                const Frame frame = frames_.back();
                const char c = *p_++;
                if (c == ',') {
                    skipSpace();
                    if (frame.object && !parseKey())
                        return false;
                    break;   // the next value
                }
                if (c != (frame.object ? '}' : ']'))
                    return false;
                frames_.pop_back();
                if (frame.object)
                    closeObject(frame);
                else
                    closeArray(frame);
            }
        }
    }

    bool literal(std::string_view word) noexcept
    {
        if (static_cast<std::size_t>(end_ - p_) < word.size() || std::memcmp(p_, word.data(), word.size()) != 0)
            return false;
        p_ += word.size();
        return true;
    }

    bool parseLiteral()
    {
        if (literal("true"))
            values_.emplace_back(true);
        else if (literal("false"))
            values_.emplace_back(false);
        else if (literal("null"))
            values_.emplace_back(nullptr);
        else
            return false;
        return true;
    }

    /// `"key"` then `:`; leaves p_ on the value.
    bool parseKey()
    {
        if (p_ == end_ || *p_ != '"')
            return false;
        std::string& key = keys_.emplace_back();
        if (!parseString(key))
            return false;
        skipSpace();
        if (p_ == end_ || *p_ != ':')
            return false;
        ++p_;
        skipSpace();
        return true;
    }

    bool parseString(std::string& out)
    {
        ++p_;   // the opening quote
        const char* start = p_;
        while (p_ != end_) {
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                out.assign(start, p_);
                ++p_;
                return true;
            }
            if (c == '\\' || c < 0x20 || c >= 0x80)
                break;
            ++p_;
        }
        out.assign(start, p_);
        while (p_ != end_) {
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c == '\\') {
                if (!parseEscape(out))
                    return false;
                continue;
            }
            if (c < 0x80) {
                out += static_cast<char>(c);
                ++p_;
                continue;
            }
            const std::size_t length = utf8::utf8Length(text_, static_cast<std::size_t>(p_ - text_.data()));
            if (length == 0)
                return false;
            out.append(p_, length);
            p_ += length;
        }
        return false;   // no closing quote
    }

    bool hex4(std::uint32_t& value) noexcept
    {
        if (end_ - p_ < 4)
            return false;
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexValue(p_[i]);
            if (digit < 0)
                return false;
            value = value * 16 + static_cast<std::uint32_t>(digit);
        }
        p_ += 4;
        return true;
    }

    /// An escape sequence at p_ (the backslash).
    bool parseEscape(std::string& out)
    {
        ++p_;
        if (p_ == end_)
            return false;
        const char c = *p_++;
        switch (c) {
        case '"': out += '"'; return true;
        case '\\': out += '\\'; return true;
        case '/': out += '/'; return true;
        case 'b': out += '\b'; return true;
        case 'f': out += '\f'; return true;
        case 'n': out += '\n'; return true;
        case 'r': out += '\r'; return true;
        case 't': out += '\t'; return true;
        case 'u': break;
        default: return false;
        }
        std::uint32_t codePoint = 0;
        if (!hex4(codePoint))
            return false;
        if (codePoint >= 0xDC00 && codePoint <= 0xDFFF)
            return false;   // a low surrogate without its high one
        if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
            std::uint32_t low = 0;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u')
                return false;
            p_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF)
                return false;
            codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
        }
        utf8::appendUtf8(out, codePoint);
        return true;
    }

    static bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }

    /// A number as Json::parse reads it: an integer token is an unsigned integer (or, with a
    /// minus sign, a signed one) when it fits in 64 bits, else a double; a token with a
    /// fraction or an exponent is a double, and one out of the double range is not JSON.
    bool parseNumber()
    {
        const char* start = p_;
        const bool negative = *p_ == '-';
        if (negative)
            ++p_;
        if (p_ == end_ || !isDigit(*p_))
            return false;
        if (*p_ == '0') {
            ++p_;
        } else {
            while (p_ != end_ && isDigit(*p_))
                ++p_;
        }
        const char* integerEnd = p_;
        bool isDouble = false;
        if (p_ != end_ && *p_ == '.') {
            ++p_;
            if (p_ == end_ || !isDigit(*p_))
                return false;
            while (p_ != end_ && isDigit(*p_))
                ++p_;
            isDouble = true;
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ != end_ && (*p_ == '+' || *p_ == '-'))
                ++p_;
            if (p_ == end_ || !isDigit(*p_))
                return false;
            while (p_ != end_ && isDigit(*p_))
                ++p_;
            isDouble = true;
        }
        if (!isDouble) {
            const char* digits = negative ? start + 1 : start;
            if (integerEnd - digits <= 18) {   // below 10^18: no overflow
                std::uint64_t value = 0;
                for (const char* d = digits; d != integerEnd; ++d)
                    value = value * 10 + static_cast<std::uint64_t>(*d - '0');
                if (negative)
                    values_.emplace_back(-static_cast<std::int64_t>(value));
                else
                    values_.emplace_back(value);
                return true;
            }
            if (negative) {
                std::int64_t value = 0;
                if (std::from_chars(start, integerEnd, value).ec == std::errc()) {
                    values_.emplace_back(value);
                    return true;
                }
            } else {
                std::uint64_t value = 0;
                if (std::from_chars(start, integerEnd, value).ec == std::errc()) {
                    values_.emplace_back(value);
                    return true;
                }
            }
            // Out of the 64-bit range: a double, as Json::parse does.
        }
        double value = 0;
        const auto [end, error] = std::from_chars(start, p_, value);
        if (error != std::errc() || end != p_) {
            // Out of range (or an answer the fast path refuses): strtod decides, as in
            // Json::parse, where an infinite result is an error.
            const std::string token(start, p_);
            value = std::strtod(token.c_str(), nullptr);
        }
        if (!std::isfinite(value)) {
            p_ = start;   // the error is the whole number
            return false;
        }
        values_.emplace_back(value);
        return true;
    }

    void closeArray(const Frame& frame)
    {
        Json array(Json::value_t::array);
        Json::array_t& elements = *array.get_ptr<Json::array_t*>();
        elements.reserve(values_.size() - frame.values);
        for (std::size_t i = frame.values; i < values_.size(); ++i)
            elements.push_back(std::move(values_[i]));
        values_.resize(frame.values);
        values_.push_back(std::move(array));
    }

    void closeObject(const Frame& frame)
    {
        Json object(Json::value_t::object);
        ObjectMembers& members = membersOf(object);
        const std::size_t count = values_.size() - frame.values;
        members.reserve(count);
        // A repeated key keeps its first place and takes the later value (Json::parse's
        // operator[]). Small objects look for repeats by scanning, large ones by hashing.
        std::unordered_map<std::string_view, std::size_t> index;
        const bool hashed = count > 16;
        if (hashed)
            index.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            std::string& key = keys_[frame.keys + i];
            Json& value = values_[frame.values + i];
            std::size_t found = members.size();
            if (hashed) {
                if (const auto it = index.find(key); it != index.end())
                    found = it->second;
            } else {
                for (std::size_t k = 0; k < members.size(); ++k) {
                    if (members[k].first == key) {
                        found = k;
                        break;
                    }
                }
            }
            if (found != members.size()) {
                members[found].second = std::move(value);
                continue;
            }
            members.emplace_back(std::move(key), std::move(value));
            if (hashed)   // members never reallocates (reserved): its keys stay put
                index.emplace(members.back().first, members.size() - 1);
        }
        keys_.resize(frame.keys);
        values_.resize(frame.values);
        values_.push_back(std::move(object));
    }

    std::string_view text_;
    const char* p_ = nullptr;
    const char* end_ = nullptr;
    std::vector<Json> values_;
    std::vector<std::string> keys_;
    std::vector<Frame> frames_;
};

/// Where the writer puts its bytes: a scratch buffer of its thread, grown ahead and reused
/// (written through a pointer, not piece by piece through std::string), then appended to the
/// caller's string in one copy.
class Sink {
public:
    Sink() : buffer_(scratch()) {}
    ~Sink()
    {
        // Kept for the next value, but not the memory of an exceptional one.
        if (buffer_.size() > (std::size_t{1} << 20))
            std::string().swap(buffer_);
    }
    Sink(const Sink&) = delete;
    Sink& operator=(const Sink&) = delete;

    char* room(std::size_t n)
    {
        if (size_ + n > buffer_.size())
            buffer_.resize(std::max(buffer_.size() * 2, size_ + n + 4096));
        return buffer_.data() + size_;
    }
    void put(char c) { *room(1) = c, ++size_; }
    void write(const char* data, std::size_t n)
    {
        std::memcpy(room(n), data, n);
        size_ += n;
    }
    void write(std::string_view text) { write(text.data(), text.size()); }
    void commit(std::size_t n) noexcept { size_ += n; }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    void truncate(std::size_t size) noexcept { size_ = size; }
    void appendTo(std::string& out) const { out.append(buffer_.data(), size_); }

private:
    static std::string& scratch()
    {
        thread_local std::string buffer;
        return buffer;
    }

    std::string& buffer_;
    std::size_t size_ = 0;
};

/// A JSON string, quoted and escaped as Json::dump does (ensure_ascii off): `"`, `\` and
/// control characters escaped, other bytes as they are. Invalid UTF-8 is left to Json::dump
/// (error_handler_t::replace), which replaces it with U+FFFD.
void writeString(Sink& sink, const std::string& text)
{
    const std::size_t mark = sink.size();
    const char* data = text.data();
    const std::size_t size = text.size();
    // Room for the worst case (every byte a \u00XX escape), so that plain runs are copied
    // without further checks.
    char* out = sink.room(size * 6 + 2);
    char* const begin = out;
    *out++ = '"';
    std::size_t i = 0;
    while (i < size) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            *out++ = static_cast<char>(c);
            ++i;
            continue;
        }
        if (c >= 0x80) {
            const std::size_t length = utf8::utf8Length(text, i);
            if (length == 0) {
                sink.truncate(mark);
                sink.write(Json(text).dump(-1, ' ', false, Json::error_handler_t::replace));
                return;
            }
            std::memcpy(out, data + i, length);
            out += length;
            i += length;
            continue;
        }
        *out++ = '\\';
        switch (c) {
        case '"': *out++ = '"'; break;
        case '\\': *out++ = '\\'; break;
        case '\b': *out++ = 'b'; break;
        case '\t': *out++ = 't'; break;
        case '\n': *out++ = 'n'; break;
        case '\f': *out++ = 'f'; break;
        case '\r': *out++ = 'r'; break;
        default: {
            static constexpr char kHex[] = "0123456789abcdef";
            *out++ = 'u';
            *out++ = '0';
            *out++ = '0';
            *out++ = kHex[c >> 4];
            *out++ = kHex[c & 0xF];
            break;
        }
        }
        ++i;
    }
    *out++ = '"';
    sink.commit(static_cast<std::size_t>(out - begin));
}

void writeScalar(Sink& sink, const Json& value)
{
    switch (value.type()) {
    case Json::value_t::null: sink.write("null"); return;
    case Json::value_t::boolean: sink.write(value.get_ref<const bool&>() ? std::string_view("true") : "false"); return;
    case Json::value_t::string: writeString(sink, value.get_ref<const std::string&>()); return;
    case Json::value_t::number_integer: {
        char* out = sink.room(24);
        sink.commit(static_cast<std::size_t>(std::to_chars(out, out + 24, value.get_ref<const std::int64_t&>()).ptr - out));
        return;
    }
    case Json::value_t::number_unsigned: {
        char* out = sink.room(24);
        sink.commit(static_cast<std::size_t>(std::to_chars(out, out + 24, value.get_ref<const std::uint64_t&>()).ptr - out));
        return;
    }
    case Json::value_t::number_float: {
        const double number = value.get_ref<const double&>();
        if (!std::isfinite(number)) {
            sink.write("null");
            return;
        }
        // The library's own shortest round-trip formatting (Grisu2), for the same digits.
        char* out = sink.room(64);
        sink.commit(static_cast<std::size_t>(nlohmann::detail::to_chars(out, out + 64, number) - out));
        return;
    }
    default: sink.write(value.dump(-1, ' ', false, Json::error_handler_t::replace)); return;
    }
}

} // namespace jsonio

namespace detail {

bool readJson(std::string_view text, Json& result, std::size_t& failedAt)
{
    thread_local jsonio::Reader reader;
    if (reader.parse(text, result))
        return true;
    failedAt = reader.failedAt();
    return false;
}

} // namespace detail

Json parseJson(std::string_view text)
{
    Json result;
    std::size_t failedAt = 0;
    if (detail::readJson(text, result, failedAt))
        return result;
    // Not JSON: the library's parser says why and where (it throws Json::parse_error).
    return Json::parse(text);
}

namespace {

// Writes `value` into `sink`, stopping once more than `limit` bytes are written (false then).
bool writeJson(jsonio::Sink& sink, const Json& value, int indent, std::size_t limit)
{
    // A scalar; of a string longer than the bytes left, only what can be shown.
    const auto writeLeaf = [&](const Json& leaf) {
        const std::size_t left = limit - std::min(limit, sink.size());
        if (leaf.is_string() && leaf.get_ref<const std::string&>().size() > left)
            jsonio::writeString(sink, leaf.get_ref<const std::string&>().substr(0, left + 1));
        else
            jsonio::writeScalar(sink, leaf);
    };
    if (!value.is_structured()) {
        writeLeaf(value);
        return sink.size() <= limit;
    }
    const bool pretty = indent >= 0;
    // A new line and the indentation of `depth` levels, when pretty.
    const auto newLine = [&](std::size_t depth) {
        if (!pretty)
            return;
        sink.put('\n');
        for (std::size_t i = 0, n = depth * static_cast<std::size_t>(indent); i < n; ++i)
            sink.put(' ');
    };
    // An explicit stack of (container, next member): values may nest deeper than the native
    // stack allows.
    struct Frame {
        const Json* node;
        std::size_t next;
    };
    thread_local std::vector<Frame> stack;
    stack.clear();
    sink.put(value.is_object() ? '{' : '[');
    stack.push_back({&value, 0});
    bool whole = true;
    while (!stack.empty()) {
        if (sink.size() > limit) {
            whole = false;
            break;
        }
        Frame& frame = stack.back();
        const Json* child = nullptr;
        const std::size_t size = frame.node->size();
        if (frame.next == size) {
            if (size != 0)
                newLine(stack.size() - 1);
            sink.put(frame.node->is_object() ? '}' : ']');
            stack.pop_back();
            continue;
        }
        if (frame.next != 0)
            sink.put(',');
        newLine(stack.size());
        if (frame.node->is_object()) {
            const auto& member = jsonio::membersOf(*frame.node)[frame.next++];
            jsonio::writeString(sink, member.first);
            sink.put(':');
            if (pretty)
                sink.put(' ');
            child = &member.second;
        } else {
            child = &(*frame.node->get_ptr<const Json::array_t*>())[frame.next++];
        }
        if (child->is_structured()) {
            sink.put(child->is_object() ? '{' : '[');
            stack.push_back({child, 0});   // frame is not used after this
        } else {
            writeLeaf(*child);
        }
    }
    if (stack.capacity() > (std::size_t{1} << 16))
        std::vector<Frame>().swap(stack);
    return whole && sink.size() <= limit;
}

} // namespace

void appendJson(std::string& out, const Json& value, int indent)
{
    jsonio::Sink sink;
    writeJson(sink, value, indent, std::numeric_limits<std::size_t>::max());
    sink.appendTo(out);
}

std::string jsonExcerpt(const Json& value, std::size_t maxBytes, bool* cut, int indent)
{
    jsonio::Sink sink;
    const bool whole = writeJson(sink, value, indent, maxBytes);
    if (cut)
        *cut = !whole;
    if (!whole) {
        // Cut at a character boundary: never in the middle of a UTF-8 sequence.
        std::string out;
        sink.appendTo(out);
        std::size_t size = std::min(out.size(), maxBytes);
        while (size > 0 && (static_cast<unsigned char>(out[size]) & 0xC0) == 0x80)
            --size;
        out.resize(size);
        return out;
    }
    std::string out;
    sink.appendTo(out);
    return out;
}

std::string jsonText(const Json& value, int indent)
{
    std::string out;
    appendJson(out, value, indent);
    return out;
}

namespace detail {

void releaseJson(Json& value) noexcept
{
    if (!value.is_structured()) {
        value = nullptr;
        return;
    }
    // Containers in pre-order, emptied in reverse: each is emptied after everything below it,
    // so that the library's destructor meets only scalars and empty containers.
    thread_local std::vector<Json*> containers;
    const std::size_t bottom = containers.size();
    containers.push_back(&value);
    for (std::size_t i = bottom; i < containers.size(); ++i) {
        Json& node = *containers[i];
        if (node.is_object()) {
            for (auto& member : membersOf(node))
                if (member.second.is_structured() && !member.second.empty())
                    containers.push_back(&member.second);
        } else {
            for (Json& element : *node.get_ptr<Json::array_t*>())
                if (element.is_structured() && !element.empty())
                    containers.push_back(&element);
        }
    }
    for (std::size_t i = containers.size(); i-- > bottom;) {
        Json& node = *containers[i];
        if (node.is_object())
            node.get_ptr<Json::object_t*>()->clear();
        else
            node.get_ptr<Json::array_t*>()->clear();
    }
    containers.resize(bottom);
    if (bottom == 0 && containers.capacity() > (std::size_t{1} << 16))
        std::vector<Json*>().swap(containers);
    value = nullptr;
}

} // namespace detail

} // namespace mdsl
