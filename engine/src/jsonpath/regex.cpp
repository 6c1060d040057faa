// I-Regexp (RFC 9485 section 5 grammar) to RE2. The translation is a single left-to-right
// pass with no recursion, so nested groups in a pattern taken from a document cannot
// exhaust the stack; RE2 then bounds the matching time.

#include "regex.h"

#include <re2/re2.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>

namespace mdsl::jsonpath::detail {

namespace {

class Translator {
public:
    explicit Translator(std::string_view pattern) : p_(pattern) {}

    std::optional<std::string> run(std::string& error)
    {
        try {
            translate();
            return std::move(out_);
        } catch (const std::string& message) {
            error = message;
            return std::nullopt;
        }
    }

private:
    /// Throws the phrase id of the reason (mdsl::phrases(), "regex.unclosed-paren"), then the
    /// offset and the character or name it quotes: "regex.must-escape:3:]".
    [[noreturn]] void fail(std::string_view phrase, std::string_view quoted = {}) const
    {
        std::string reason = std::string(phrase) + ":" + std::to_string(pos_);
        if (!quoted.empty())
            reason += ":" + std::string(quoted);
        throw reason;
    }

    bool atEnd() const { return pos_ >= p_.size(); }
    char peek() const { return atEnd() ? '\0' : p_[pos_]; }

    std::uint32_t next()
    {
        const auto lead = static_cast<unsigned char>(p_[pos_]);
        std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
        if (length == 0 || pos_ + length > p_.size())
            fail("regex.invalid-utf8");
        std::uint32_t cp = length == 1 ? lead : lead & (0xFF >> (length + 1));
        for (std::size_t i = 1; i < length; ++i) {
            const auto byte = static_cast<unsigned char>(p_[pos_ + i]);
            if ((byte & 0xC0) != 0x80)
                fail("regex.invalid-utf8");
            cp = (cp << 6) | (byte & 0x3F);
        }
        pos_ += length;
        return cp;
    }

    static std::string literal(std::uint32_t cp)
    {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'))
            return std::string(1, static_cast<char>(cp));
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "\\x{%X}", static_cast<unsigned>(cp));
        return buffer;
    }

    void translate()
    {
        int depth = 0;
        bool canRepeat = false;   // the previous item is an atom a quantifier may follow
        while (!atEnd()) {
            const char c = peek();
            switch (c) {
            case '(':
                ++pos_, ++depth, canRepeat = false;
                out_ += "(?:";
                break;
            case ')':
                if (depth == 0)
                    fail("regex.unbalanced-paren");
                ++pos_, --depth, canRepeat = true;
                out_ += ')';
                break;
            case '|':
                ++pos_, canRepeat = false;
                out_ += '|';
                break;
            case '*':
            case '+':
            case '?':
                if (!canRepeat)
                    fail("regex.nothing-to-repeat", std::string(1, c));
                ++pos_, canRepeat = false;
                out_ += c;
                break;
            case '{':
                if (!canRepeat)
                    fail("regex.nothing-to-repeat", "{");
                rangeQuantifier();
                canRepeat = false;
                break;
            case '.':
                ++pos_, canRepeat = true;
                out_ += "[^\\n\\r]";
                break;
            case '[':
                charClass();
                canRepeat = true;
                break;
            case '\\':
                out_ += escape(false);
                canRepeat = true;
                break;
            case '^':
            case '$':
                // RFC 9485 lists them as ordinary characters, but the compliance suite (and
                // the regex dialects users paste from) treat them as anchors; so do we.
                ++pos_, canRepeat = false;
                out_ += c;
                break;
            case ']':
            case '}':
                fail("regex.must-escape", std::string(1, c));
            default:
                out_ += literal(next());
                canRepeat = true;
            }
        }
        if (depth != 0)
            fail("regex.unclosed-paren");
    }

    std::string digits()
    {
        const std::size_t start = pos_;
        while (peek() >= '0' && peek() <= '9')
            ++pos_;
        return std::string(p_.substr(start, pos_ - start));
    }

    void rangeQuantifier()
    {
        ++pos_;
        const std::string min = digits();
        if (min.empty())
            fail("regex.repeat-number");
        std::string max = min;
        bool open = false;
        if (peek() == ',') {
            ++pos_;
            max = digits();
            open = max.empty();
        }
        if (peek() != '}')
            fail("regex.repeat-close");
        ++pos_;
        // Counts above RE2's limit of 1000 are rejected by RE2 itself; cap them for the check.
        const auto number = [](const std::string& text) { return text.size() > 9 ? 1000000000ULL : std::stoull(text); };
        if (!open && number(max) < number(min))
            fail("regex.repeat-order");
        out_ += '{' + min + (open ? "," : (max == min ? "" : "," + max)) + '}';
    }

    /// After '\': a single character escape, or \p{..} / \P{..}. In a class, the result goes
    /// between [ and ]; otherwise it stands alone.
    std::string escape(bool inClass)
    {
        ++pos_;
        if (atEnd())
            fail("regex.trailing-backslash");
        const char c = p_[pos_++];
        switch (c) {
        case 'n': return "\\n";
        case 'r': return "\\r";
        case 't': return "\\t";
        case 'p':
        case 'P': return property(c == 'P', inClass);
        default: break;
        }
        static constexpr std::string_view kEscapable = "()*+-.?[\\]^{|}";
        if (kEscapable.find(c) == std::string_view::npos)
            fail("regex.invalid-escape", std::string(1, c));
        return std::string("\\") + c;
    }

    std::string property(bool negated, bool inClass)
    {
        if (peek() != '{')
            fail("regex.category-open");
        ++pos_;
        const std::size_t start = pos_;
        while (!atEnd() && peek() != '}')
            ++pos_;
        if (atEnd())
            fail("regex.category-close");
        const std::string name(p_.substr(start, pos_ - start));
        ++pos_;
        static const std::string_view kCategories[] = {
            "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No",
            "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "Z", "Zl", "Zp", "Zs",
            "S", "Sc", "Sk", "Sm", "So", "C", "Cc", "Cf", "Co", "Cn"};
        bool known = false;
        for (const std::string_view category : kCategories)
            known = known || category == name;
        if (!known)
            fail("regex.unknown-category", name);
        if (name == "Cn") {
            // RE2 has no Cn (unassigned): it is the complement of every assigned category.
            static const std::string kAssigned = "\\pL\\pM\\pN\\pP\\pS\\pZ\\p{Cc}\\p{Cf}\\p{Co}";
            if (!negated && inClass)
                fail("regex.cn-in-class");
            if (inClass)
                return kAssigned;
            return (negated ? "[" : "[^") + kAssigned + "]";
        }
        return std::string(negated ? "\\P{" : "\\p{") + name + "}";
    }

    /// A character of a class (CCchar), or -1 after an escape that is a category.
    long classChar(std::string& item)
    {
        const char c = peek();
        if (c == '\\') {
            const std::size_t save = pos_;
            item = escape(true);
            if (p_[save + 1] == 'p' || p_[save + 1] == 'P')
                return -1;
            const char e = p_[save + 1];
            return e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
        }
        if (c == '[' || c == ']' || c == '-')
            fail("regex.must-escape-in-class", std::string(1, c));
        const std::uint32_t cp = next();
        item = literal(cp);
        return static_cast<long>(cp);
    }

    void charClass()
    {
        ++pos_;
        out_ += '[';
        if (peek() == '^') {
            ++pos_;
            out_ += '^';
        }
        bool empty = true;
        if (peek() == '-') {
            ++pos_;
            out_ += "\\-";
            empty = false;
        }
        for (;;) {
            if (atEnd())
                fail("regex.unclosed-bracket");
            if (peek() == ']')
                break;
            if (peek() == '-') {
                ++pos_;
                if (peek() != ']')
                    fail("regex.dash-in-class");
                out_ += "\\-";
                empty = false;
                break;
            }
            std::string low;
            const long from = classChar(low);
            out_ += low;
            empty = false;
            if (from >= 0 && peek() == '-' && pos_ + 1 < p_.size() && p_[pos_ + 1] != ']') {
                ++pos_;
                std::string high;
                const long to = classChar(high);
                if (to < 0)
                    fail("regex.range-category");
                if (to < from)
                    fail("regex.range-order");
                out_ += '-' + high;
            }
        }
        if (empty)
            fail("regex.empty-class");
        ++pos_;
        out_ += ']';
    }

    std::string_view p_;
    std::size_t pos_ = 0;
    std::string out_;
};

} // namespace

std::optional<std::string> translateIRegexp(std::string_view pattern, std::string& error)
{
    return Translator(pattern).run(error);
}

std::shared_ptr<const re2::RE2> compileIRegexp(std::string_view pattern, std::string& error)
{
    const std::optional<std::string> translated = translateIRegexp(pattern, error);
    if (!translated)
        return nullptr;
    RE2::Options options;
    options.set_log_errors(false);
    options.set_encoding(RE2::Options::EncodingUTF8);
    auto regex = std::make_shared<const re2::RE2>(*translated, options);
    if (!regex->ok()) {
        error = regex->error();
        return nullptr;
    }
    return regex;
}

std::shared_ptr<const re2::RE2> cachedIRegexp(std::string_view pattern)
{
    // Patterns from documents are few in practice; the bound only stops a hostile document
    // from growing the cache without end.
    static constexpr std::size_t kMaxEntries = 512;
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const re2::RE2>, std::less<>> cache;
    {
        const std::lock_guard lock(mutex);
        const auto it = cache.find(pattern);
        if (it != cache.end())
            return it->second;
    }
    std::string error;
    auto regex = compileIRegexp(pattern, error);
    const std::lock_guard lock(mutex);
    if (cache.size() >= kMaxEntries)
        cache.clear();
    cache.emplace(std::string(pattern), regex);
    return regex;
}

bool regexMatches(const re2::RE2& regex, std::string_view text, bool whole)
{
    const re2::StringPiece piece(text.data(), text.size());
    return whole ? RE2::FullMatch(piece, regex) : RE2::PartialMatch(piece, regex);
}

} // namespace mdsl::jsonpath::detail
