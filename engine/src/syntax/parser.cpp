// Statements, error recovery and the parser's token helpers. Expressions: parser_expr.cpp.

#include "syntax/parser.h"

#include "mdsl/analysis.h"

#include "syntax/lexer.h"

#include <algorithm>
#include <atomic>
#include <utility>

namespace mdsl {

namespace syntax {

namespace {

TokenKind closerOf(TokenKind opener) noexcept
{
    switch (opener) {
    case TokenKind::LParen: return TokenKind::RParen;
    case TokenKind::LBracket: return TokenKind::RBracket;
    default: return TokenKind::RBrace;
    }
}

} // namespace

Parser::Parser(std::string_view text, const LineIndex& index, LexResult lexed, const ParseOptions& options)
    : text_(text), index_(index), lex_(std::move(lexed)), options_(options)
{
}

Parser::DepthGuard::DepthGuard(Parser& p) : parser(p)
{
    if (++parser.depth_ > parser.options_.maxDepth) {
        const Token& t = parser.peek();
        parser.fail(SyntaxError::TooDeep, t.span, {std::to_string(parser.options_.maxDepth)});
    }
}

// ---------------------------------------------------------------------------------------
// Tokens

const Token& Parser::peek()
{
    if (!open_.empty()) {
        while (lex_.tokens[pos_].kind == TokenKind::Newline)
            ++pos_;
    }
    return lex_.tokens[pos_];
}

const Token& Parser::peekAt(std::size_t ahead)
{
    peek();
    return lex_.tokens[std::min(pos_ + ahead, lex_.tokens.size() - 1)];
}

const Token& Parser::advance()
{
    const Token& t = peek();
    if (t.kind != TokenKind::EndOfFile)
        ++pos_;
    prevEnd_ = t.span.end;
    return t;
}

bool Parser::accept(TokenKind kind)
{
    if (!at(kind))
        return false;
    advance();
    return true;
}

const Token& Parser::expect(TokenKind kind, std::string_view what)
{
    if (!at(kind))
        unexpected(what);
    return advance();
}

void Parser::skipNewlines()
{
    while (lex_.tokens[pos_].kind == TokenKind::Newline)
        ++pos_;
}

std::string_view Parser::text(const Token& token) const
{
    return text_.substr(token.span.begin, token.span.size());
}

// ---------------------------------------------------------------------------------------
// Errors and recovery

void Parser::report(Diagnostic diagnostic)
{
    diagnostics_.push_back(std::move(diagnostic));
}

void Parser::fail(SyntaxError error, Span span, std::vector<std::string> args, std::string_view wording)
{
    report(makeError(index_, error, span, std::move(args), wording));
    throw Bail{};
}

std::vector<std::string> Parser::describe(const Token& token) const
{
    const auto withText = [&](const char* phrase) {
        return std::vector<std::string>{phrase, quoteForMessage(text(token))};
    };
    switch (token.kind) {
    case TokenKind::Identifier: return withText("token.identifier");
    case TokenKind::Integer: return withText("token.integer");
    case TokenKind::Float: return withText("token.number");
    case TokenKind::String: return withText("token.string");
    case TokenKind::JsonPath: return withText("token.jsonpath");
    case TokenKind::EndOfFile: return {"token.end-of-file"};
    case TokenKind::Newline: return {"token.end-of-line"};
    case TokenKind::Invalid: return {"token.invalid"};
    default: return {std::string(tokenKindName(token.kind))};   // quoted: "')'", "'let'"
    }
}

void Parser::unexpected(std::string_view expected)
{
    const Token& t = peek();
    if (!open_.empty() && (t.kind == TokenKind::EndOfFile || newStatementAhead()))
        unclosed(open_.back(), closerOf(lex_.tokens[open_.back()].kind));
    if (t.kind == TokenKind::Invalid)
        throw Bail{};   // the lexer already reported the character
    // At a line break or the end, point just after the last token rather than at the next line.
    const bool atEnd = t.kind == TokenKind::Newline || t.kind == TokenKind::EndOfFile;
    const Span span = atEnd ? Span{prevEnd_, prevEnd_} : t.span;
    std::vector<std::string> args{std::string(expected)};
    for (std::string& part : describe(t))
        args.push_back(std::move(part));
    fail(SyntaxError::UnexpectedToken, span, args, args.size() > 2 ? "E101.found-text" : "");
}

void Parser::unclosed(std::size_t openerIndex, TokenKind closer)
{
    const Token& opener = lex_.tokens[openerIndex];
    const std::string closerText(tokenKindName(closer));   // quoted, e.g. "')'"
    Diagnostic d = makeError(index_, SyntaxError::Unclosed, opener.span,
                             {std::string(tokenKindName(opener.kind)), closerText});
    d.fixes.push_back(insertionFix(index_, "insert", {closerText}, prevEnd_,
                                   std::string(closerText.substr(1, closerText.size() - 2))));
    report(std::move(d));
    throw Bail{};
}

bool Parser::looksLikeStatementStart(std::size_t i) const
{
    const auto& tokens = lex_.tokens;
    if (i >= tokens.size())
        return false;
    switch (tokens[i].kind) {
    case TokenKind::KwLet:
    case TokenKind::KwTable:
    case TokenKind::KwWhen:
    case TokenKind::KwMapping:
        return true;
    case TokenKind::Identifier:
    case TokenKind::String:
        break;
    default:
        return false;
    }
    // A target: segments, dots and indexes up to '<-' or '{'.
    for (std::size_t j = i + 1; j < tokens.size() && j < i + 64; ++j) {
        switch (tokens[j].kind) {
        case TokenKind::Arrow:
        case TokenKind::LBrace:
            return true;
        case TokenKind::Dot:
        case TokenKind::Identifier:
        case TokenKind::String:
        case TokenKind::LBracket:
        case TokenKind::RBracket:
        case TokenKind::Integer:
            continue;
        default:
            return false;
        }
    }
    return false;
}

bool Parser::newStatementAhead()
{
    if (pos_ == 0 || lex_.tokens[pos_ - 1].kind != TokenKind::Newline)
        return false;
    return looksLikeStatementStart(pos_)
        && static_cast<std::uint32_t>(index_.position(lex_.tokens[pos_].span.begin).column) <= statementColumn_;
}

void Parser::recover()
{
    // Expression brackets the failed statement left open (`pending`) still count: skip to
    // their close, so that a bad line inside a multi-line literal does not turn its remaining
    // lines into errors. Brackets opened while skipping (`inner`) count too.
    auto pending = static_cast<long>(open_.size());
    long inner = 0;
    open_.clear();
    const auto& tokens = lex_.tokens;
    // A missing closer was reported at the start of the next statement: resume right there.
    if (pending > 0 && newStatementAhead())
        return;
    while (tokens[pos_].kind != TokenKind::EndOfFile) {
        switch (tokens[pos_].kind) {
        case TokenKind::Newline:
            ++pos_;
            if (inner > 0)
                continue;
            if (pending <= 0)
                return;
            // A bracket that is never closed must not swallow the rest of the document.
            if (newStatementAhead())
                return;
            continue;
        case TokenKind::LParen:
        case TokenKind::LBracket:
        case TokenKind::LBrace:
            ++inner;
            break;
        case TokenKind::RParen:
        case TokenKind::RBracket:
        case TokenKind::RBrace:
            if (inner > 0)
                --inner;
            else if (pending > 0)
                --pending;
            else if (tokens[pos_].kind == TokenKind::RBrace)
                return;   // it closes the enclosing block: leave it to that block
            break;
        default:
            break;
        }
        ++pos_;
    }
}

// ---------------------------------------------------------------------------------------
// Document and statements

ParsedDocument Parser::run()
{
    auto document = std::make_unique<ast::Document>();
    document->span = Span{0, static_cast<std::uint32_t>(text_.size())};
    skipNewlines();
    if (at(TokenKind::KwMapping)) {
        statementColumn_ = 1;
        try {
            parseHeader(*document);
        } catch (const Bail&) {
            recover();
        }
    }
    document->statements = parseBody(false);
    document->comments = std::move(lex_.comments);

    ParsedDocument result;
    result.document = std::move(document);
    result.diagnostics = std::move(lex_.diagnostics);
    result.diagnostics.insert(result.diagnostics.end(), std::make_move_iterator(diagnostics_.begin()),
                              std::make_move_iterator(diagnostics_.end()));
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.range.start.offset < b.range.start.offset; });
    return result;
}

void Parser::parseHeader(ast::Document& document)
{
    ast::Header header;
    const Token& keyword = advance();
    const Token& name = expect(TokenKind::String, "expect.mapping-name");
    header.name = stringValue(name);
    header.nameSpan = name.span;
    if (accept(TokenKind::KwVersion)) {
        const Token& v = peek();
        if (v.kind != TokenKind::Integer && v.kind != TokenKind::Float)
            unexpected("expect.version-number");
        advance();
        header.versionSpan = v.span;
        const std::string_view number = text(v);
        if (number == "1" || number == "2")
            header.version = number[0] - '0';
        else
            report(makeError(index_, SyntaxError::UnsupportedVersion, v.span, {std::string(number)}));
    }
    header.span = Span{keyword.span.begin, prevEnd_};
    expectStatementEnd();
    document.header = std::move(header);
}

ast::Body Parser::parseBody(bool inBlock)
{
    ast::Body body;
    for (;;) {
        skipNewlines();
        const Token& t = lex_.tokens[pos_];
        if (t.kind == TokenKind::EndOfFile)
            return body;
        if (t.kind == TokenKind::RBrace) {
            if (inBlock)
                return body;
            report(makeError(index_, SyntaxError::UnexpectedToken, t.span, {"expect.statement", "'}'"}));
            advance();
            continue;
        }
        const std::size_t start = pos_;
        const int depthAtStart = depth_;
        statementColumn_ = static_cast<std::uint32_t>(index_.position(t.span.begin).column);
        try {
            ast::StmtPtr stmt = parseStatement();
            expectStatementEnd();
            body.push_back(std::move(stmt));
        } catch (const Bail&) {
            depth_ = depthAtStart;
            recover();
            if (pos_ == start && lex_.tokens[pos_].kind != TokenKind::EndOfFile)
                ++pos_;   // always make progress
        }
        open_.clear();
    }
}

void Parser::expectStatementEnd()
{
    switch (peek().kind) {
    case TokenKind::Newline:
        advance();
        return;
    case TokenKind::EndOfFile:
    case TokenKind::RBrace:   // `a { b <- 1 }` on one line; the block takes the brace
        return;
    default:
        unexpected("token.end-of-line");
    }
}

ast::StmtPtr Parser::parseStatement()
{
    const Token& t = peek();
    switch (t.kind) {
    case TokenKind::KwLet:
        return parseLet();
    case TokenKind::KwTable:
        return parseTable();
    case TokenKind::KwWhen:
        return parseWhen();
    case TokenKind::Identifier:
    case TokenKind::String:
        return parseTargetStatement();
    case TokenKind::KwMapping:
        fail(SyntaxError::MisplacedHeader, t.span);
    default:
        unexpected("expect.statement");
    }
}

ast::StmtPtr Parser::parseLet()
{
    const std::uint32_t begin = advance().span.begin;
    const Token& name = expect(TokenKind::Identifier, "expect.name");
    auto stmt = std::make_unique<ast::LetStmt>(Span{});
    stmt->name = std::string(text(name));
    stmt->nameSpan = name.span;
    expect(TokenKind::Assign, "'='");
    skipNewlines();
    stmt->value = parseExpr();
    stmt->span = Span{begin, prevEnd_};
    return stmt;
}

ast::StmtPtr Parser::parseTable()
{
    const std::uint32_t begin = advance().span.begin;
    const Token& name = expect(TokenKind::Identifier, "expect.name");
    auto stmt = std::make_unique<ast::TableStmt>(Span{});
    stmt->name = std::string(text(name));
    stmt->nameSpan = name.span;
    expect(TokenKind::Assign, "'='");
    skipNewlines();
    if (!at(TokenKind::LBrace))
        unexpected("expect.table-object");
    DepthGuard guard(*this);
    stmt->value = parseObject();
    stmt->span = Span{begin, prevEnd_};
    return stmt;
}

ast::StmtPtr Parser::parseWhen()
{
    const std::uint32_t begin = advance().span.begin;
    auto stmt = std::make_unique<ast::WhenBlock>(Span{});
    stmt->condition = parseExpr();
    if (!at(TokenKind::LBrace))
        unexpected("'{'");
    parseBlockBody(stmt->body, stmt->openBrace, stmt->closeBrace);
    // `else` may follow the closing brace on the same line or on the next one.
    std::size_t next = pos_;
    while (lex_.tokens[next].kind == TokenKind::Newline)
        ++next;
    if (lex_.tokens[next].kind == TokenKind::KwElse) {
        pos_ = next;
        stmt->hasElse = true;
        stmt->elseSpan = advance().span;
        if (!at(TokenKind::LBrace))
            unexpected("'{'");
        parseBlockBody(stmt->elseBody, stmt->elseOpenBrace, stmt->elseCloseBrace);
    }
    stmt->span = Span{begin, prevEnd_};
    return stmt;
}

ast::StmtPtr Parser::parseTargetStatement()
{
    const std::uint32_t begin = peek().span.begin;
    ast::Target target = parseTarget();
    const Token& t = peek();
    if (t.kind == TokenKind::Arrow) {
        auto stmt = std::make_unique<ast::RuleStmt>(Span{});
        stmt->target = std::move(target);
        stmt->arrowSpan = advance().span;
        skipNewlines();
        stmt->value = parseExpr();
        stmt->span = Span{begin, prevEnd_};
        return stmt;
    }
    if (t.kind == TokenKind::LBrace) {
        auto stmt = std::make_unique<ast::ObjectBlock>(Span{});
        stmt->target = std::move(target);
        parseBlockBody(stmt->body, stmt->openBrace, stmt->closeBrace);
        stmt->span = Span{begin, prevEnd_};
        return stmt;
    }
    if (t.kind == TokenKind::LBracket && peekAt(1).kind == TokenKind::RBracket) {
        auto stmt = std::make_unique<ast::ArrayBlock>(Span{});
        stmt->target = std::move(target);
        advance();
        advance();
        stmt->arrowSpan = expect(TokenKind::Arrow, "'<-'").span;
        skipNewlines();
        stmt->eachSpan = expect(TokenKind::KwEach, "'each'").span;
        stmt->source = parseExpr();
        if (accept(TokenKind::KwAs)) {
            const Token& alias = expect(TokenKind::Identifier, "expect.alias");
            stmt->alias = std::string(text(alias));
            stmt->aliasSpan = alias.span;
        }
        if (!at(TokenKind::LBrace))
            unexpected("'{'");
        parseBlockBody(stmt->body, stmt->openBrace, stmt->closeBrace);
        stmt->span = Span{begin, prevEnd_};
        return stmt;
    }
    unexpected("expect.after-target");
}

ast::Target Parser::parseTarget()
{
    ast::Target target;
    const Token& first = advance();
    ast::PathSegment head;
    head.name = first.kind == TokenKind::String ? stringValue(first) : std::string(text(first));
    head.quoted = first.kind == TokenKind::String;
    head.span = first.span;
    target.segments.push_back(std::move(head));
    for (;;) {
        const Token& t = peek();
        if (t.kind == TokenKind::Dot && adjacent(t)) {
            advance();
            const Token& name = peek();
            if (!adjacent(name) || !isFieldNameToken(name.kind))
                unexpected("expect.field-name");
            advance();
            ast::PathSegment segment;
            segment.name = name.kind == TokenKind::String ? stringValue(name) : std::string(text(name));
            segment.quoted = name.kind == TokenKind::String;
            segment.span = name.span;
            target.segments.push_back(std::move(segment));
        } else if (t.kind == TokenKind::LBracket && adjacent(t) && peekAt(1).kind != TokenKind::RBracket) {
            target.segments.push_back(parseIndexSegment(advance()));
        } else {
            break;
        }
    }
    target.span = Span{first.span.begin, prevEnd_};
    return target;
}

void Parser::parseBlockBody(ast::Body& body, Span& open, Span& close)
{
    DepthGuard guard(*this);
    const std::size_t openIndex = pos_;
    open = advance().span;
    // The block's statements start on a new line or right after the brace; newlines inside
    // a block separate statements, so the block is not an expression bracket.
    const auto savedOpen = std::move(open_);
    open_.clear();
    const std::uint32_t savedColumn = statementColumn_;
    body = parseBody(true);
    statementColumn_ = savedColumn;
    open_ = savedOpen;
    if (at(TokenKind::RBrace)) {
        close = advance().span;
        return;
    }
    // End of file: keep the block (its statements are still checked) and report it once,
    // at the innermost unclosed block.
    close = Span{prevEnd_, prevEnd_};
    if (!reportedUnclosedBlock_) {
        reportedUnclosedBlock_ = true;
        Diagnostic d = makeError(index_, SyntaxError::Unclosed, lex_.tokens[openIndex].span, {"'{'", "'}'"});
        const auto end = static_cast<std::uint32_t>(text_.size());
        const bool needsNewline = !text_.empty() && text_.back() != '\n';
        d.fixes.push_back(insertionFix(index_, "insert", {"'}'"}, end, needsNewline ? "\n}\n" : "}\n"));
        report(std::move(d));
    }
}

} // namespace syntax

namespace {
std::atomic<std::uint64_t> parsedCount{0};
}

std::uint64_t documentsParsed() noexcept
{
    return parsedCount.load(std::memory_order_relaxed);
}

ParsedDocument parseDocument(std::string_view text, const ParseOptions& options)
{
    parsedCount.fetch_add(1, std::memory_order_relaxed);
    const LineIndex index(text);
    syntax::Parser parser(text, index, syntax::lex(text, index), options);
    return parser.run();
}

} // namespace mdsl
