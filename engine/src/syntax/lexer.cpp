#include "syntax/lexer.h"

#include "mdsl/catalog.h"

#include "syntax/syntax_errors.h"
#include "util/utf8.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace mdsl {

namespace syntax {

namespace {

struct Keyword {
    std::string_view text;
    TokenKind kind;
};

constexpr std::array<Keyword, 14> kKeywords = {{
    {"mapping", TokenKind::KwMapping}, {"version", TokenKind::KwVersion},
    {"let", TokenKind::KwLet},         {"table", TokenKind::KwTable},
    {"each", TokenKind::KwEach},       {"as", TokenKind::KwAs},
    {"when", TokenKind::KwWhen},       {"else", TokenKind::KwElse},
    {"and", TokenKind::KwAnd},         {"or", TokenKind::KwOr},
    {"not", TokenKind::KwNot},         {"true", TokenKind::KwTrue},
    {"false", TokenKind::KwFalse},     {"null", TokenKind::KwNull},
}};

bool isIdentStart(char c) noexcept
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isIdentChar(char c) noexcept
{
    return isIdentStart(c) || (c >= '0' && c <= '9');
}
bool isDigit(char c) noexcept
{
    return c >= '0' && c <= '9';
}

std::string hexByte(unsigned char c)
{
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02X", c);
    return buf;
}

std::string hexCodePoint(unsigned c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", c);
    return buf;
}

int hexValue(char c) noexcept
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

class Lexer {
public:
    Lexer(std::string_view text, const LineIndex& index) : text_(text), index_(index) {}

    LexResult run()
    {
        out_.tokens.reserve(text_.size() / 4 + 1);   // about one token per 4 bytes of mappings
        while (pos_ < text_.size())
            next();
        push(TokenKind::EndOfFile, pos_, pos_);
        return std::move(out_);
    }

private:
    std::string_view text_;
    const LineIndex& index_;
    LexResult out_;
    std::size_t pos_ = 0;
    bool space_ = false;          // blank space since the last token
    bool codeOnLine_ = false;     // a token (not a newline) already on the current line

    std::uint32_t u32(std::size_t v) const noexcept { return static_cast<std::uint32_t>(v); }

    void push(TokenKind kind, std::size_t begin, std::size_t end, std::uint32_t payload = 0)
    {
        out_.tokens.push_back(Token{kind, space_, Span{u32(begin), u32(end)}, payload});
        space_ = false;
        codeOnLine_ = kind != TokenKind::Newline;
    }

    void error(SyntaxError e, std::size_t begin, std::size_t end, std::vector<std::string> args = {})
    {
        out_.diagnostics.push_back(makeError(index_, e, Span{u32(begin), u32(end)}, std::move(args)));
    }

    char at(std::size_t i) const noexcept { return i < text_.size() ? text_[i] : '\0'; }

    void next()
    {
        const char c = text_[pos_];
        const std::size_t start = pos_;
        switch (c) {
        case ' ': case '\t': case '\r': case '\f': case '\v':
            ++pos_;
            space_ = true;
            return;
        case '\n':
            ++pos_;
            // Consecutive line breaks make one Newline token: the parser only needs to know
            // that a statement ended, the formatter reads blank lines from the text.
            if (!out_.tokens.empty() && out_.tokens.back().kind != TokenKind::Newline)
                push(TokenKind::Newline, start, pos_);
            space_ = true;
            return;
        case '#':
            comment();
            return;
        case '"':
            string();
            return;
        case '$': case '@':
            jsonPath();
            return;
        default:
            break;
        }
        if (isIdentStart(c)) {
            while (isIdentChar(at(pos_)))
                ++pos_;
            const std::string_view word = text_.substr(start, pos_ - start);
            TokenKind kind = TokenKind::Identifier;
            for (const Keyword& k : kKeywords) {
                if (k.text == word)
                    kind = k.kind;
            }
            push(kind, start, pos_);
            return;
        }
        if (isDigit(c)) {
            number();
            return;
        }
        if (punctuation(c))
            return;
        invalid();
    }

    bool punctuation(char c)
    {
        const std::size_t start = pos_;
        const char n = at(pos_ + 1);
        TokenKind kind = TokenKind::Invalid;
        std::size_t len = 1;
        switch (c) {
        case '.': kind = TokenKind::Dot; break;
        case ',': kind = TokenKind::Comma; break;
        case ':': kind = TokenKind::Colon; break;
        case '(': kind = TokenKind::LParen; break;
        case ')': kind = TokenKind::RParen; break;
        case '[': kind = TokenKind::LBracket; break;
        case ']': kind = TokenKind::RBracket; break;
        case '{': kind = TokenKind::LBrace; break;
        case '}': kind = TokenKind::RBrace; break;
        case '+': kind = TokenKind::Plus; break;
        case '-': kind = TokenKind::Minus; break;
        case '*': kind = TokenKind::Star; break;
        case '/': kind = TokenKind::Slash; break;
        case '%': kind = TokenKind::Percent; break;
        case '|': kind = TokenKind::Pipe; break;
        case '<':
            if (n == '-') { kind = TokenKind::Arrow; len = 2; }
            else if (n == '=') { kind = TokenKind::Le; len = 2; }
            else kind = TokenKind::Lt;
            break;
        case '>':
            if (n == '=') { kind = TokenKind::Ge; len = 2; }
            else kind = TokenKind::Gt;
            break;
        case '=':
            if (n == '=') { kind = TokenKind::Eq; len = 2; }
            else kind = TokenKind::Assign;
            break;
        case '!':
            if (n == '=') { kind = TokenKind::Ne; len = 2; }
            break;
        case '?':
            if (n == '?') { kind = TokenKind::Coalesce; len = 2; }
            break;
        default:
            break;
        }
        if (kind == TokenKind::Invalid)
            return false;
        pos_ += len;
        push(kind, start, pos_);
        return true;
    }

    /// The end of a run of bytes that are not UTF-8 starting at `from`: one E107 covers the
    /// run, so that a binary blob in a string or comment does not flood the problems list.
    [[nodiscard]] std::size_t invalidRunEnd(std::size_t from) const
    {
        std::size_t end = from + 1;
        while (end < text_.size() && utf8::utf8Length(text_, end) == 0)
            ++end;
        return end;
    }

    // A run of characters that start no token: one token and one diagnostic, so that a
    // binary blob does not flood the problems list.
    void invalid()
    {
        const std::size_t start = pos_;
        const std::size_t len = utf8::utf8Length(text_, pos_);
        if (len == 0) {
            error(SyntaxError::InvalidUtf8, start, start + 1, {hexByte(static_cast<unsigned char>(text_[start]))});
            ++pos_;
            while (pos_ < text_.size() && utf8::utf8Length(text_, pos_) == 0)
                ++pos_;
        } else {
            pos_ += len;
            error(SyntaxError::UnexpectedCharacter, start, pos_, {quoteForMessage(text_.substr(start, len))});
        }
        push(TokenKind::Invalid, start, pos_);
    }

    void comment()
    {
        const std::size_t start = pos_;
        std::string textOut;
        while (pos_ < text_.size() && text_[pos_] != '\n') {
            const std::size_t len = utf8::utf8Length(text_, pos_);
            if (len == 0) {
                const std::size_t end = invalidRunEnd(pos_);
                error(SyntaxError::InvalidUtf8, pos_, end, {hexByte(static_cast<unsigned char>(text_[pos_]))});
                for (; pos_ < end; ++pos_)
                    textOut += "\xEF\xBF\xBD";
            } else {
                textOut.append(text_.substr(pos_, len));
                pos_ += len;
            }
        }
        std::size_t end = pos_;
        if (end > start && text_[end - 1] == '\r') {
            --end;
            textOut.pop_back();
        }
        out_.comments.push_back(ast::Comment{Span{u32(start), u32(end)}, std::move(textOut), codeOnLine_});
        space_ = true;
    }

    void number()
    {
        const std::size_t start = pos_;
        bool isFloat = false;
        const char* problem = nullptr;
        if (text_[pos_] == '0' && isDigit(at(pos_ + 1)))
            problem = "number.leading-zero";
        while (isDigit(at(pos_)))
            ++pos_;
        if (at(pos_) == '.' && !problem) {
            isFloat = true;
            ++pos_;
            if (!isDigit(at(pos_)))
                problem = "number.digit-after-dot";
            while (isDigit(at(pos_)))
                ++pos_;
        }
        if ((at(pos_) == 'e' || at(pos_) == 'E') && !problem) {
            isFloat = true;
            ++pos_;
            if (at(pos_) == '+' || at(pos_) == '-')
                ++pos_;
            if (!isDigit(at(pos_)))
                problem = "number.digit-in-exponent";
            while (isDigit(at(pos_)))
                ++pos_;
        }
        if (isIdentChar(at(pos_)) && !problem)
            problem = "number.letters-after";
        if (problem) {
            // Take the rest of the word so that one bad number gives one diagnostic.
            while (isIdentChar(at(pos_)) || at(pos_) == '.')
                ++pos_;
            error(SyntaxError::InvalidNumber, start, pos_, {quoteForMessage(text_.substr(start, pos_ - start)), problem});
        }
        push(isFloat ? TokenKind::Float : TokenKind::Integer, start, pos_);
    }

    void string()
    {
        const std::size_t start = pos_;
        ++pos_;
        std::string value;
        bool closed = false;
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '"') {
                ++pos_;
                closed = true;
                break;
            }
            if (c == '\n')
                break;
            if (c == '\\') {
                escape(value);
                continue;
            }
            const auto uc = static_cast<unsigned char>(c);
            if (uc < 0x20 || uc == 0x7F) {
                if (!(c == '\r' && at(pos_ + 1) == '\n'))
                    error(SyntaxError::ControlCharacter, pos_, pos_ + 1, {hexCodePoint(uc)});
                ++pos_;
                continue;
            }
            const std::size_t len = utf8::utf8Length(text_, pos_);
            if (len == 0) {
                const std::size_t end = invalidRunEnd(pos_);
                error(SyntaxError::InvalidUtf8, pos_, end, {hexByte(uc)});
                for (; pos_ < end; ++pos_)
                    value += "\xEF\xBF\xBD";
                continue;
            }
            value.append(text_.substr(pos_, len));
            pos_ += len;
        }
        if (!closed) {
            std::size_t end = pos_;
            if (end > start && text_[end - 1] == '\r')
                --end;
            Diagnostic d = makeError(index_, SyntaxError::UnterminatedString, Span{u32(start), u32(end)});
            d.fixes.push_back(insertionFix(index_, "close-string", {}, u32(end), "\""));
            out_.diagnostics.push_back(std::move(d));
        }
        out_.strings.push_back(std::move(value));
        push(TokenKind::String, start, pos_, u32(out_.strings.size() - 1));
    }

    // At a backslash inside a string: decodes one escape into value.
    void escape(std::string& value)
    {
        const std::size_t start = pos_;
        const char e = at(pos_ + 1);
        pos_ += 2;
        switch (e) {
        case '"': value += '"'; return;
        case '\\': value += '\\'; return;
        case '/': value += '/'; return;
        case 'b': value += '\b'; return;
        case 'f': value += '\f'; return;
        case 'n': value += '\n'; return;
        case 'r': value += '\r'; return;
        case 't': value += '\t'; return;
        case 'u': break;
        default: {
            if (e == '\n' || e == '\0') {
                pos_ = start + 1;   // let the string end (unterminated) at the line break
                error(SyntaxError::InvalidEscape, start, start + 1, {"'\\'"});
                return;
            }
            const std::size_t len = utf8::utf8Length(text_, start + 1);
            pos_ = start + 1 + (len == 0 ? 1 : len);
            error(SyntaxError::InvalidEscape, start, pos_, {quoteForMessage(text_.substr(start, pos_ - start))});
            return;
        }
        }
        const int first = hex4(pos_);
        if (first < 0) {
            error(SyntaxError::InvalidEscape, start, pos_, {quoteForMessage(text_.substr(start, pos_ - start))});
            return;
        }
        pos_ += 4;
        auto cp = static_cast<unsigned>(first);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            // A high surrogate must be followed by an escaped low surrogate.
            const int second = (at(pos_) == '\\' && at(pos_ + 1) == 'u') ? hex4(pos_ + 2) : -1;
            if (second >= 0xDC00 && second <= 0xDFFF) {
                pos_ += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<unsigned>(second) - 0xDC00);
            } else {
                error(SyntaxError::InvalidEscape, start, pos_,
                      {quoteForMessage(text_.substr(start, pos_ - start)) + " (a high surrogate without its low surrogate)"});
                return;
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            error(SyntaxError::InvalidEscape, start, pos_,
                  {quoteForMessage(text_.substr(start, pos_ - start)) + " (a low surrogate without its high surrogate)"});
            return;
        }
        utf8::appendUtf8(value, cp);
    }

    // The value of 4 hex digits at i, or -1; moves nothing.
    int hex4(std::size_t i) const noexcept
    {
        int v = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const int h = hexValue(at(i + k));
            if (h < 0)
                return -1;
            v = v * 16 + h;
        }
        return v;
    }

    void jsonPath()
    {
        const std::size_t start = pos_;
        const std::string_view rest = text_.substr(start);
        jsonpath::ParseResult result = jsonpath::parse(rest, {.embedded = true, .allowCurrentAsRoot = true});
        std::size_t consumed = result.consumed;
        if (consumed == 0)
            consumed = 1;
        consumed = std::min(consumed, rest.size());
        if (result.error) {
            // The query ends where it stopped; an error past that (e.g. at the end of the text,
            // after the line break that ended it) is shown at its end.
            const std::size_t end = start + consumed;
            const std::size_t errBegin = std::min<std::size_t>(start + result.error->offset, end);
            const std::size_t errEnd = std::max(errBegin, std::min<std::size_t>(errBegin + result.error->length, end));
            error(SyntaxError::InvalidJsonPath, errBegin, errEnd, {result.error->message});
        }
        pos_ = start + consumed;
        out_.queries.push_back(std::move(result));
        push(TokenKind::JsonPath, start, pos_, u32(out_.queries.size() - 1));
    }
};

} // namespace

LexResult lex(std::string_view text, const LineIndex& index)
{
    return Lexer(text, index).run();
}

bool isIdentifier(std::string_view name) noexcept
{
    return !name.empty() && isIdentStart(name.front()) && std::all_of(name.begin(), name.end(), isIdentChar);
}

bool isKeyword(std::string_view name) noexcept
{
    return std::any_of(kKeywords.begin(), kKeywords.end(), [name](const Keyword& k) { return k.text == name; });
}

} // namespace syntax

LexResult tokenize(std::string_view text)
{
    const LineIndex index(text);
    return syntax::lex(text, index);
}

std::string_view tokenKindName(TokenKind kind) noexcept
{
    switch (kind) {
    case TokenKind::EndOfFile: return "end of file";
    case TokenKind::Newline: return "end of line";
    case TokenKind::Identifier: return "identifier";
    case TokenKind::Integer: return "integer";
    case TokenKind::Float: return "number";
    case TokenKind::String: return "string";
    case TokenKind::JsonPath: return "JSONPath query";
    case TokenKind::KwMapping: return "'mapping'";
    case TokenKind::KwVersion: return "'version'";
    case TokenKind::KwLet: return "'let'";
    case TokenKind::KwTable: return "'table'";
    case TokenKind::KwEach: return "'each'";
    case TokenKind::KwAs: return "'as'";
    case TokenKind::KwWhen: return "'when'";
    case TokenKind::KwElse: return "'else'";
    case TokenKind::KwAnd: return "'and'";
    case TokenKind::KwOr: return "'or'";
    case TokenKind::KwNot: return "'not'";
    case TokenKind::KwTrue: return "'true'";
    case TokenKind::KwFalse: return "'false'";
    case TokenKind::KwNull: return "'null'";
    case TokenKind::Dot: return "'.'";
    case TokenKind::Comma: return "','";
    case TokenKind::Colon: return "':'";
    case TokenKind::LParen: return "'('";
    case TokenKind::RParen: return "')'";
    case TokenKind::LBracket: return "'['";
    case TokenKind::RBracket: return "']'";
    case TokenKind::LBrace: return "'{'";
    case TokenKind::RBrace: return "'}'";
    case TokenKind::Arrow: return "'<-'";
    case TokenKind::Assign: return "'='";
    case TokenKind::Eq: return "'=='";
    case TokenKind::Ne: return "'!='";
    case TokenKind::Lt: return "'<'";
    case TokenKind::Le: return "'<='";
    case TokenKind::Gt: return "'>'";
    case TokenKind::Ge: return "'>='";
    case TokenKind::Plus: return "'+'";
    case TokenKind::Minus: return "'-'";
    case TokenKind::Star: return "'*'";
    case TokenKind::Slash: return "'/'";
    case TokenKind::Percent: return "'%'";
    case TokenKind::Coalesce: return "'?\?'";
    case TokenKind::Pipe: return "'|'";
    case TokenKind::Invalid: return "invalid character";
    }
    return "token";
}

std::vector<std::string_view> keywords()
{
    std::vector<std::string_view> names;
    for (const syntax::Keyword& k : syntax::kKeywords)
        names.push_back(k.text);
    return names;
}

} // namespace mdsl
