#pragma once
// The language front end's first two stages: the lexer (text -> tokens) and the parser
// (tokens -> AST), with error recovery. Syntax diagnostics have the codes E100-E199:
//
//   E100 unexpected character          E107 invalid UTF-8
//   E101 unexpected token              E108 unsupported language version
//   E102 unterminated string           E109 misplaced header
//   E103 invalid escape sequence       E110 invalid JSONPath query
//   E104 invalid number                E111 chained comparison
//   E105 unclosed bracket or block     E112 a pipe needs a function
//   E106 control character in string  E199 nesting too deep
//
// The codes are stable; docs/diagnostics.md lists each with an example.

#include "mdsl/ast.h"
#include "mdsl/diagnostic.h"
#include "mdsl/jsonpath.h"

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace mdsl {

enum class TokenKind : std::uint8_t {
    EndOfFile,
    Newline,      ///< one or more line breaks (with blank space and comments between them)
    Identifier,
    Integer,      ///< JSON number without fraction or exponent
    Float,        ///< JSON number with a fraction or an exponent
    String,       ///< double-quoted, JSON escapes; the decoded text is in LexResult::strings
    JsonPath,     ///< `$...` or `@...`; the parsed query is in LexResult::queries
    // keywords
    KwMapping, KwVersion, KwLet, KwTable, KwEach, KwAs, KwWhen, KwElse,
    KwAnd, KwOr, KwNot, KwTrue, KwFalse, KwNull,
    // punctuation
    Dot, Comma, Colon, LParen, RParen, LBracket, RBracket, LBrace, RBrace,
    Arrow,        ///< <-
    Assign,       ///< =
    Eq, Ne, Lt, Le, Gt, Ge,
    Plus, Minus, Star, Slash, Percent,
    Coalesce,     ///< ??
    Pipe,         ///< |
    Invalid,      ///< a character that starts no token (reported as E100 or E107)
};

/// How a token kind is shown in messages: "identifier", "'<-'", "end of line", ...
std::string_view tokenKindName(TokenKind kind) noexcept;

struct Token {
    TokenKind kind = TokenKind::EndOfFile;
    bool spaceBefore = false;     ///< blank space or a comment separates it from the previous token
    Span span;
    /// String: index into LexResult::strings; JsonPath: index into LexResult::queries.
    std::uint32_t payload = 0;
};

/// Everything the lexer produced: tokens (ending with EndOfFile), decoded strings, the
/// JSONPath queries cut out of the text, comments, and lexical diagnostics.
struct LexResult {
    std::vector<Token> tokens;
    std::vector<std::string> strings;
    std::vector<jsonpath::ParseResult> queries;   ///< each query's result (query or error)
    std::vector<ast::Comment> comments;
    std::vector<Diagnostic> diagnostics;
};

/// Splits a document into tokens. Never fails: bad input becomes diagnostics (and Invalid
/// tokens), and the lexer always reaches the end of the text.
LexResult tokenize(std::string_view text);

struct ParseOptions {
    /// Deepest nesting of blocks and expressions accepted; deeper is error E199.
    int maxDepth = 256;
};

/// A parsed document. `document` is always set: with syntax errors it holds every statement
/// that parsed. A statement with a syntax error is left out, with two exceptions that keep
/// more for the validator: a block left unclosed at the end of the text keeps its statements,
/// and a JSONPath query that does not parse stays in the tree with its `error` set (E110).
struct ParsedDocument {
    std::unique_ptr<ast::Document> document;
    std::vector<Diagnostic> diagnostics;   ///< syntax diagnostics (E1xx), in source order

    [[nodiscard]] bool ok() const noexcept { return !hasErrors(diagnostics); }
};

/// Lexes and parses a document (UTF-8). A syntax error costs the statement it is in: the
/// parser resumes at the next statement of the same block.
ParsedDocument parseDocument(std::string_view text, const ParseOptions& options = {});

} // namespace mdsl
