// Expressions, by precedence, loosest first:
//   |  <  ??  <  or  <  and  <  not  <  comparison (not chained)  <  + -  <  * / %  <  unary -
// All binary operators are left-associative. Each link of an operator chain counts as one
// level of nesting, so the depth limit also bounds long chains like `1 + 1 + ... + 1`.

#include "syntax/parser.h"

#include <charconv>
#include <span>
#include <utility>

namespace mdsl::syntax {

namespace {

using OpEntry = Parser::OpEntry;

constexpr OpEntry kCoalesceOps[] = {{TokenKind::Coalesce, ast::BinaryOp::Coalesce}};
constexpr OpEntry kOrOps[] = {{TokenKind::KwOr, ast::BinaryOp::Or}};
constexpr OpEntry kAndOps[] = {{TokenKind::KwAnd, ast::BinaryOp::And}};
constexpr OpEntry kComparisonOps[] = {
    {TokenKind::Eq, ast::BinaryOp::Eq}, {TokenKind::Ne, ast::BinaryOp::Ne}, {TokenKind::Lt, ast::BinaryOp::Lt},
    {TokenKind::Le, ast::BinaryOp::Le}, {TokenKind::Gt, ast::BinaryOp::Gt}, {TokenKind::Ge, ast::BinaryOp::Ge},
};
constexpr OpEntry kAdditiveOps[] = {{TokenKind::Plus, ast::BinaryOp::Add}, {TokenKind::Minus, ast::BinaryOp::Sub}};
constexpr OpEntry kMultiplicativeOps[] = {
    {TokenKind::Star, ast::BinaryOp::Mul}, {TokenKind::Slash, ast::BinaryOp::Div}, {TokenKind::Percent, ast::BinaryOp::Mod},
};

const OpEntry* findComparison(TokenKind kind) noexcept
{
    for (const OpEntry& e : kComparisonOps) {
        if (e.token == kind)
            return &e;
    }
    return nullptr;
}

} // namespace

bool Parser::isFieldNameToken(TokenKind kind) const
{
    // Keywords are fine as field names after '.' and as object keys: `.each`, `{ not: 1 }`.
    return kind == TokenKind::Identifier || kind == TokenKind::String
        || (kind >= TokenKind::KwMapping && kind <= TokenKind::KwNull);
}

std::size_t Parser::openBracket()
{
    peek();
    open_.push_back(pos_);
    advance();
    return open_.back();
}

Span Parser::closeBracket(TokenKind closer)
{
    if (!at(closer))
        unexpected(tokenKindName(closer));
    const Span span = advance().span;
    open_.pop_back();
    return span;
}

ast::ExprPtr Parser::parseExpr()
{
    DepthGuard guard(*this);
    return parsePipe();
}

ast::ExprPtr Parser::binaryLevel(ast::ExprPtr (Parser::*next)(), std::span<const OpEntry> ops)
{
    const auto find = [ops](TokenKind kind) -> const OpEntry* {
        for (const OpEntry& e : ops) {
            if (e.token == kind)
                return &e;
        }
        return nullptr;
    };
    const std::uint32_t begin = peek().span.begin;
    ast::ExprPtr left = (this->*next)();
    const int depthBefore = depth_;
    while (const OpEntry* entry = find(peek().kind)) {
        DepthGuard link(*this);
        ++depth_;   // the link stays counted until the chain ends
        auto node = std::make_unique<ast::BinaryExpr>(Span{});
        node->op = entry->op;
        node->opSpan = advance().span;
        skipNewlines();
        node->left = std::move(left);
        node->right = (this->*next)();
        node->span = Span{begin, prevEnd_};
        left = std::move(node);
    }
    depth_ = depthBefore;
    return left;
}

ast::ExprPtr Parser::parseCoalesce() { return binaryLevel(&Parser::parseOr, kCoalesceOps); }
ast::ExprPtr Parser::parseOr() { return binaryLevel(&Parser::parseAnd, kOrOps); }
ast::ExprPtr Parser::parseAnd() { return binaryLevel(&Parser::parseNot, kAndOps); }
ast::ExprPtr Parser::parseAdditive() { return binaryLevel(&Parser::parseMultiplicative, kAdditiveOps); }
ast::ExprPtr Parser::parseMultiplicative() { return binaryLevel(&Parser::parseUnary, kMultiplicativeOps); }

ast::ExprPtr Parser::parsePipe()
{
    const std::uint32_t begin = peek().span.begin;
    ast::ExprPtr left = parseCoalesce();
    const int depthBefore = depth_;
    while (at(TokenKind::Pipe)) {
        DepthGuard link(*this);
        ++depth_;
        auto node = std::make_unique<ast::PipeExpr>(Span{});
        node->opSpan = advance().span;
        skipNewlines();
        const Token& name = peek();
        if (name.kind != TokenKind::Identifier) {
            const bool atEnd = name.kind == TokenKind::Newline || name.kind == TokenKind::EndOfFile;
            std::vector<std::string> found = describe(name);
            const char* wording = found.size() > 1 ? "E112.found-text" : "";
            fail(SyntaxError::PipeNeedsFunction, atEnd ? Span{prevEnd_, prevEnd_} : name.span, std::move(found), wording);
        }
        advance();
        node->input = std::move(left);
        node->callee = std::string(text(name));
        node->calleeSpan = name.span;
        if (at(TokenKind::LParen)) {
            node->hasParens = true;
            node->args = parseArguments();
        }
        node->span = Span{begin, prevEnd_};
        left = std::move(node);
    }
    depth_ = depthBefore;
    return left;
}

ast::ExprPtr Parser::parseNot()
{
    if (!at(TokenKind::KwNot))
        return parseComparison();
    DepthGuard guard(*this);
    auto node = std::make_unique<ast::UnaryExpr>(Span{});
    node->op = ast::UnaryOp::Not;
    node->opSpan = advance().span;
    node->operand = parseNot();
    node->span = Span{node->opSpan.begin, prevEnd_};
    return node;
}

ast::ExprPtr Parser::parseComparison()
{
    const std::uint32_t begin = peek().span.begin;
    ast::ExprPtr left = parseAdditive();
    const OpEntry* entry = findComparison(peek().kind);
    if (!entry)
        return left;
    DepthGuard guard(*this);
    auto node = std::make_unique<ast::BinaryExpr>(Span{});
    node->op = entry->op;
    node->opSpan = advance().span;
    skipNewlines();
    node->left = std::move(left);
    node->right = parseAdditive();
    node->span = Span{begin, prevEnd_};
    if (findComparison(peek().kind))
        fail(SyntaxError::ChainedComparison, peek().span);
    return node;
}

ast::ExprPtr Parser::parseUnary()
{
    if (!at(TokenKind::Minus))
        return parsePrimary();
    DepthGuard guard(*this);
    auto node = std::make_unique<ast::UnaryExpr>(Span{});
    node->op = ast::UnaryOp::Negate;
    node->opSpan = advance().span;
    node->operand = parseUnary();
    node->span = Span{node->opSpan.begin, prevEnd_};
    return node;
}

ast::ExprPtr Parser::parsePrimary()
{
    switch (peek().kind) {
    case TokenKind::Integer:
    case TokenKind::Float:
    case TokenKind::String:
    case TokenKind::KwTrue:
    case TokenKind::KwFalse:
    case TokenKind::KwNull:
        return parseLiteral();
    case TokenKind::LBracket:
        return parseArray();
    case TokenKind::LBrace:
        return parseObject();
    case TokenKind::Dot:
        return parsePath();
    case TokenKind::JsonPath:
        return parseJsonPath();
    case TokenKind::Identifier:
    case TokenKind::LParen: {
        const std::uint32_t begin = peek().span.begin;
        ast::ExprPtr base = at(TokenKind::Identifier) ? parseNameOrCall() : parseParenthesized();
        return parseNavigation(std::move(base), begin);
    }
    default:
        unexpected("expect.expression");
    }
}

ast::ExprPtr Parser::parseLiteral()
{
    const Token& t = advance();
    auto node = std::make_unique<ast::LiteralExpr>(t.span);
    const std::string_view source = text(t);
    node->text = std::string(source);
    using Type = ast::LiteralExpr::Type;
    switch (t.kind) {
    case TokenKind::KwTrue:
    case TokenKind::KwFalse:
        node->type = Type::Bool;
        node->value = t.kind == TokenKind::KwTrue;
        break;
    case TokenKind::KwNull:
        node->type = Type::Null;
        node->value = nullptr;
        break;
    case TokenKind::String:
        node->type = Type::String;
        node->value = stringValue(t);
        break;
    default: {
        const char* first = source.data();
        const char* last = first + source.size();
        if (t.kind == TokenKind::Integer) {
            std::int64_t integer = 0;
            const auto [ptr, ec] = std::from_chars(first, last, integer);
            if (ec == std::errc{} && ptr == last) {
                node->type = Type::Int;
                node->value = integer;
                break;
            }
            // Beyond int64: a double, as JSON parsers do (docs/language.md, numbers).
        }
        double number = 0;
        const auto [ptr, ec] = std::from_chars(first, last, number);
        if (ec != std::errc{} || ptr != last) {
            // The lexer already reported malformed numbers; what is left is out of range.
            if (ec == std::errc::result_out_of_range)
                fail(SyntaxError::InvalidNumber, t.span, {quoteForMessage(source), "number.out-of-range"});
            throw Bail{};
        }
        node->type = Type::Double;
        node->value = number;
        break;
    }
    }
    return node;
}

ast::ExprPtr Parser::parseArray()
{
    const std::uint32_t begin = peek().span.begin;
    auto node = std::make_unique<ast::ArrayExpr>(Span{});
    openBracket();
    while (!at(TokenKind::RBracket)) {
        node->elements.push_back(parseExpr());
        if (!accept(TokenKind::Comma) && !at(TokenKind::RBracket))
            unexpected("expect.comma-or-bracket");
    }
    closeBracket(TokenKind::RBracket);
    node->span = Span{begin, prevEnd_};
    return node;
}

std::unique_ptr<ast::ObjectExpr> Parser::parseObject()
{
    const std::uint32_t begin = peek().span.begin;
    auto node = std::make_unique<ast::ObjectExpr>(Span{});
    openBracket();
    while (!at(TokenKind::RBrace)) {
        const Token& key = peek();
        if (!isFieldNameToken(key.kind))
            unexpected("expect.key");
        advance();
        ast::ObjectEntry entry;
        entry.quoted = key.kind == TokenKind::String;
        entry.key = entry.quoted ? stringValue(key) : std::string(text(key));
        entry.keySpan = key.span;
        expect(TokenKind::Colon, "':'");
        skipNewlines();
        entry.value = parseExpr();
        node->entries.push_back(std::move(entry));
        if (!accept(TokenKind::Comma) && !at(TokenKind::RBrace))
            unexpected("expect.comma-or-brace");
    }
    closeBracket(TokenKind::RBrace);
    node->span = Span{begin, prevEnd_};
    return node;
}

ast::PathSegment Parser::parseIndexSegment(const Token& open)
{
    const Token& number = peek();
    if (number.kind != TokenKind::Integer)
        unexpected("expect.index");
    std::int64_t index = 0;
    const std::string_view digits = text(number);
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
    if (ec != std::errc{} || ptr != digits.data() + digits.size())
        fail(SyntaxError::InvalidNumber, number.span, {quoteForMessage(digits), "number.index-too-large"});
    advance();
    expect(TokenKind::RBracket, "']'");
    ast::PathSegment segment;
    segment.kind = ast::PathSegment::Kind::Index;
    segment.index = index;
    segment.span = Span{open.span.begin, prevEnd_};
    return segment;
}

ast::ExprPtr Parser::parsePath()
{
    const Token& dot = advance();
    auto node = std::make_unique<ast::PathExpr>(Span{});
    parseSegments(node->segments, true);
    node->span = Span{dot.span.begin, prevEnd_};
    return node;
}

void Parser::parseSegments(std::vector<ast::PathSegment>& segments, bool afterDot)
{
    bool first = afterDot;
    // A path is written without blanks: `.a.b[0]`. After a blank, `.` alone is the context.
    for (;;) {
        const Token& t = peek();
        if (!adjacent(t))
            break;
        if (first && isFieldNameToken(t.kind)) {
            // the field right after the leading dot
        } else if (t.kind == TokenKind::Dot && (!first || !afterDot)) {
            advance();
            if (!adjacent(peek()) || !isFieldNameToken(peek().kind))
                unexpected("expect.field-name");
        } else if (t.kind == TokenKind::LBracket) {
            segments.push_back(parseIndexSegment(advance()));
            first = false;
            continue;
        } else {
            break;
        }
        const Token& name = advance();
        ast::PathSegment segment;
        segment.quoted = name.kind == TokenKind::String;
        segment.name = segment.quoted ? stringValue(name) : std::string(text(name));
        segment.span = name.span;
        segments.push_back(std::move(segment));
        first = false;
    }
}

ast::ExprPtr Parser::parseNavigation(ast::ExprPtr base, std::uint32_t begin)
{
    // `o.id`, `first(.items).sku`, `(a ?? b)[0]`: steps written right after the value.
    const Token& t = peek();
    if (!adjacent(t) || (t.kind != TokenKind::Dot && t.kind != TokenKind::LBracket))
        return base;
    auto node = std::make_unique<ast::NavigateExpr>(Span{});
    node->base = std::move(base);
    const std::uint32_t pathBegin = t.span.begin;
    parseSegments(node->segments, false);
    node->pathSpan = Span{pathBegin, prevEnd_};
    node->span = Span{begin, prevEnd_};
    return node;
}

ast::ExprPtr Parser::parseJsonPath()
{
    const Token& t = advance();
    auto node = std::make_unique<ast::JsonPathExpr>(t.span);
    node->text = std::string(text(t));
    const jsonpath::ParseResult& result = lex_.queries[t.payload];
    node->query = result.query;
    node->error = result.error;   // reported by the lexer as E110
    return node;
}

ast::ExprPtr Parser::parseNameOrCall()
{
    const Token& name = advance();
    if (!at(TokenKind::LParen)) {
        auto node = std::make_unique<ast::NameExpr>(name.span);
        node->name = std::string(text(name));
        return node;
    }
    auto node = std::make_unique<ast::CallExpr>(Span{});
    node->callee = std::string(text(name));
    node->calleeSpan = name.span;
    node->args = parseArguments();
    node->span = Span{name.span.begin, prevEnd_};
    return node;
}

std::vector<ast::ExprPtr> Parser::parseArguments()
{
    std::vector<ast::ExprPtr> args;
    openBracket();
    while (!at(TokenKind::RParen)) {
        args.push_back(parseExpr());
        if (!accept(TokenKind::Comma) && !at(TokenKind::RParen))
            unexpected("expect.comma-or-parenthesis");
    }
    closeBracket(TokenKind::RParen);
    return args;
}

ast::ExprPtr Parser::parseParenthesized()
{
    openBracket();
    ast::ExprPtr inner = parseExpr();
    closeBracket(TokenKind::RParen);
    inner->parenthesized = true;
    return inner;
}

} // namespace mdsl::syntax
