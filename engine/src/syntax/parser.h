#pragma once
// The recursive-descent parser. Statements and recovery live in parser.cpp, expressions in
// parser_expr.cpp; both share this class.
//
// Errors: a syntax error records one diagnostic and throws Bail; the statement loop catches
// it, skips to the start of the next statement of the same block (recover()) and goes on.
// Newlines: the lexer keeps every line break as a token; the parser skips them inside
// expression brackets and after a binary operator, '<-', '=', ',' and '|'.

#include "mdsl/ast.h"
#include "mdsl/syntax.h"

#include "syntax/syntax_errors.h"

#include <span>
#include <string_view>
#include <vector>

namespace mdsl::syntax {

class Parser {
public:
    Parser(std::string_view text, const LineIndex& index, LexResult lexed, const ParseOptions& options);

    /// Parses the whole document; the diagnostics are the lexer's and the parser's, in order.
    ParsedDocument run();

private:
    struct Bail {};

    std::string_view text_;
    const LineIndex& index_;
    LexResult lex_;
    ParseOptions options_;
    std::vector<Diagnostic> diagnostics_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    /// Expression brackets open in the current statement (token indexes of the openers):
    /// newlines inside them continue the statement.
    std::vector<std::size_t> open_;
    std::uint32_t prevEnd_ = 0;          // end of the last consumed token
    std::uint32_t statementColumn_ = 1;  // column of the current statement's first token
    bool reportedUnclosedBlock_ = false; // an unclosed block at the end is reported once

    // tokens
    const Token& peek();
    const Token& peekAt(std::size_t ahead);
    bool at(TokenKind kind) { return peek().kind == kind; }
    const Token& advance();
    bool accept(TokenKind kind);
    const Token& expect(TokenKind kind, std::string_view what);
    void skipNewlines();
    /// The source text of a token.
    std::string_view text(const Token& token) const;
    const std::string& stringValue(const Token& token) const { return lex_.strings[token.payload]; }
    /// A token adjacent to the previous one (no blank between): paths and targets.
    bool adjacent(const Token& token) const { return !token.spaceBefore && token.span.begin == prevEnd_; }

    // errors
    [[noreturn]] void fail(SyntaxError error, Span span, std::vector<std::string> args = {},
                           std::string_view wording = {});
    [[noreturn]] void unexpected(std::string_view expected);
    [[noreturn]] void unclosed(std::size_t openerIndex, TokenKind closer);
    void report(Diagnostic diagnostic);
    /// The token found, as message arguments: its kind's phrase id ("token.identifier") or its
    /// quoted spelling, then its quoted text for a name, a number, a string or a query.
    std::vector<std::string> describe(const Token& token) const;
    /// Skips to the next statement of the current block after an error.
    void recover();
    bool looksLikeStatementStart(std::size_t tokenIndex) const;
    /// True when a missing closer is more likely than a wrong token: the next token starts a
    /// new line that looks like a new statement.
    bool newStatementAhead();

    struct DepthGuard {
        Parser& parser;
        explicit DepthGuard(Parser& p);
        ~DepthGuard() { --parser.depth_; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
    };

    // statements (parser.cpp)
    void parseHeader(ast::Document& document);
    ast::Body parseBody(bool inBlock);
    ast::StmtPtr parseStatement();
    ast::StmtPtr parseLet();
    ast::StmtPtr parseTable();
    ast::StmtPtr parseWhen();
    ast::StmtPtr parseTargetStatement();
    ast::Target parseTarget();
    /// Parses `{ statements }` after a block's head (at its '{').
    void parseBlockBody(ast::Body& body, Span& open, Span& close);
    void expectStatementEnd();

public:
    struct OpEntry {
        TokenKind token;
        ast::BinaryOp op;
    };

private:
    // expressions (parser_expr.cpp)
    /// One level of left-associative binary operators over the next tighter level.
    ast::ExprPtr binaryLevel(ast::ExprPtr (Parser::*next)(), std::span<const OpEntry> ops);
    ast::ExprPtr parseExpr();
    ast::ExprPtr parsePipe();
    ast::ExprPtr parseCoalesce();
    ast::ExprPtr parseOr();
    ast::ExprPtr parseAnd();
    ast::ExprPtr parseNot();
    ast::ExprPtr parseComparison();
    ast::ExprPtr parseAdditive();
    ast::ExprPtr parseMultiplicative();
    ast::ExprPtr parseUnary();
    ast::ExprPtr parsePrimary();
    ast::ExprPtr parseLiteral();
    ast::ExprPtr parseArray();
    std::unique_ptr<ast::ObjectExpr> parseObject();
    ast::ExprPtr parsePath();
    /// The steps of a path (`.a."b c"[0]`), written without blanks; `afterDot`: the leading
    /// `.` of a simple path was read and a field name may follow it directly.
    void parseSegments(std::vector<ast::PathSegment>& segments, bool afterDot);
    /// A value followed by steps (`o.id`, `first(.items).sku`): a NavigateExpr, else the value.
    ast::ExprPtr parseNavigation(ast::ExprPtr base, std::uint32_t begin);
    ast::ExprPtr parseJsonPath();
    ast::ExprPtr parseNameOrCall();
    ast::ExprPtr parseParenthesized();
    std::vector<ast::ExprPtr> parseArguments();
    /// An index `[INT]` of a path or a target, after its '['.
    ast::PathSegment parseIndexSegment(const Token& open);
    /// The object key of `key: value` (identifier, keyword or string).
    bool isFieldNameToken(TokenKind kind) const;
    /// Closes the bracket opened at open_.back() with closer.
    Span closeBracket(TokenKind closer);
    std::size_t openBracket();
};

} // namespace mdsl::syntax
