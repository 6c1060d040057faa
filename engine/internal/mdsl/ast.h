#pragma once
// The syntax tree of a Mapping DSL document (docs/language.md, sections 1-3, V1 and V2).
//
// Every node keeps the byte range (Span) of the source text it came from; lines and columns
// are resolved through a LineIndex only when a message needs them. The tree is built by
// parseDocument() (mdsl/syntax.h) and never changes afterwards: passes read it through
// AstVisitor, the engines compile or interpret it.
//
// Shape, loosest first:
//   Document   = Header? Stmt* (+ every comment of the text, in a side list)
//   Stmt       = LetStmt | TableStmt | RuleStmt | ObjectBlock | ArrayBlock | WhenBlock
//   Expr       = LiteralExpr | ArrayExpr | ObjectExpr | PathExpr | JsonPathExpr | NameExpr
//              | CallExpr | UnaryExpr | BinaryExpr | PipeExpr
// Parentheses have no node of their own: `(a + b) * c` is Binary(*, Binary(+, a, b), c) and
// the inner node says `parenthesized`, so the formatter can keep the author's parentheses.

#include "mdsl/json.h"
#include "mdsl/jsonpath.h"
#include "mdsl/source.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl::ast {

// ---------------------------------------------------------------------------------------
// Paths and targets

/// One step of a simple path or a target: a field name or an array index.
struct PathSegment {
    enum class Kind { Field, Index };
    Kind kind = Kind::Field;
    std::string name;          ///< Field: the decoded name (quotes and escapes removed)
    std::int64_t index = 0;    ///< Index: the non-negative index written in `[INT]`
    bool quoted = false;       ///< Field: written as a string ("e-mail") rather than an identifier
    Span span;                 ///< the name, the quoted string, or the whole `[INT]`
};

/// The left-hand side of a rule or a block: `order.lines`, `"e-mail"`, `items[0].sku`.
/// Inside a block it is relative to the block's target. Never empty.
struct Target {
    std::vector<PathSegment> segments;
    Span span;
};

// ---------------------------------------------------------------------------------------
// Expressions

enum class ExprKind { Literal, Array, Object, Path, JsonPath, Name, Call, Unary, Binary, Pipe, Navigate };

struct Expr {
    const ExprKind kind;
    Span span;                   ///< the whole expression, without enclosing parentheses
    bool parenthesized = false;  ///< written inside `( )` (layout only: no effect on meaning)

    virtual ~Expr() = default;
    Expr(const Expr&) = delete;
    Expr& operator=(const Expr&) = delete;

    /// The node as its concrete type; T::kKind must be this node's kind.
    template <class T> [[nodiscard]] const T& as() const { return static_cast<const T&>(*this); }
    template <class T> [[nodiscard]] const T* tryAs() const
    {
        return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
    }

protected:
    Expr(ExprKind k, Span s) : kind(k), span(s) {}
};
using ExprPtr = std::unique_ptr<Expr>;

/// `null`, `true`, `false`, a number or a string.
struct LiteralExpr final : Expr {
    static constexpr ExprKind kKind = ExprKind::Literal;
    enum class Type { Null, Bool, Int, Double, String };
    Type type = Type::Null;
    /// The value: null, boolean, number_integer (exact int64), number_float (double), or
    /// string (decoded). An integer literal beyond the int64 range is a Double.
    Json value;
    std::string text;   ///< the literal as written in the source (e.g. `1.50`, `"a\u00e9"`)
    LiteralExpr(Span s) : Expr(kKind, s) {}
};

/// `[a, b, c]` (V2 containers).
struct ArrayExpr final : Expr {
    static constexpr ExprKind kKind = ExprKind::Array;
    std::vector<ExprPtr> elements;
    ArrayExpr(Span s) : Expr(kKind, s) {}
};

/// One `key: value` of an object literal.
struct ObjectEntry {
    std::string key;       ///< decoded
    bool quoted = false;   ///< written as a string rather than an identifier
    Span keySpan;
    ExprPtr value;
};

/// `{ key: expr, "k-2": expr }` (V2 containers; also the value of a `table`). Entries keep
/// their source order; a repeated key is kept as written (the validator reports it).
struct ObjectExpr final : Expr {
    static constexpr ExprKind kKind = ExprKind::Object;
    std::vector<ObjectEntry> entries;
    ObjectExpr(Span s) : Expr(kKind, s) {}
};

/// A simple path relative to the context: `.a.b[0]."x y"`. `.` alone has no segments and
/// stands for the context itself.
struct PathExpr final : Expr {
    static constexpr ExprKind kKind = ExprKind::Path;
    std::vector<PathSegment> segments;
    PathExpr(Span s) : Expr(kKind, s) {}
};

/// A JSONPath query literal, `$...` or `@...` (V2, flag jsonpath). Compiled once by the
/// parser: exactly one of `query` and `error` is set. A query that does not parse is also
/// reported as diagnostic E110; `error->offset` is relative to the start of the query (add
/// span.begin for a document offset).
struct JsonPathExpr final : Expr {
    static constexpr ExprKind kKind = ExprKind::JsonPath;
    std::string text;                          ///< the query as written
    std::optional<jsonpath::Query> query;
    std::optional<jsonpath::Error> error;
    [[nodiscard]] bool isRelative() const noexcept { return !text.empty() && text[0] == '@'; }
    JsonPathExpr(Span s) : Expr(kKind, s) {}
};

/// A name: a `let` or `table` name, or the name given by `each ... as name`.
struct NameExpr final : Expr {
    static constexpr ExprKind kKind = ExprKind::Name;
    std::string name;
    NameExpr(Span s) : Expr(kKind, s) {}
};

/// A function call `f(a, b)`.
struct CallExpr final : Expr {
    static constexpr ExprKind kKind = ExprKind::Call;
    std::string callee;
    Span calleeSpan;
    std::vector<ExprPtr> args;
    CallExpr(Span s) : Expr(kKind, s) {}
};

enum class UnaryOp { Negate, Not };

/// `-x` or `not x`.
struct UnaryExpr final : Expr {
    static constexpr ExprKind kKind = ExprKind::Unary;
    UnaryOp op = UnaryOp::Negate;
    Span opSpan;
    ExprPtr operand;
    UnaryExpr(Span s) : Expr(kKind, s) {}
};

enum class BinaryOp {
    Coalesce,                       // ??   (V2 new_ops)
    Or, And,
    Eq, Ne, Lt, Le, Gt, Ge,         // comparisons, not chained
    Add, Sub, Mul, Div, Mod,
};

/// `a op b`, all operators left-associative.
struct BinaryExpr final : Expr {
    static constexpr ExprKind kKind = ExprKind::Binary;
    BinaryOp op = BinaryOp::Add;
    Span opSpan;
    ExprPtr left;
    ExprPtr right;
    BinaryExpr(Span s) : Expr(kKind, s) {}
};

/// `input | f(a, b)` (V2 new_ops), which means `f(input, a, b)`; `input | f` means
/// `f(input)`. `args` holds only the arguments written after `|`.
struct PipeExpr final : Expr {
    static constexpr ExprKind kKind = ExprKind::Pipe;
    ExprPtr input;
    Span opSpan;                 ///< the `|`
    std::string callee;
    Span calleeSpan;
    bool hasParens = false;      ///< `| f()` rather than `| f` (layout only)
    std::vector<ExprPtr> args;
    PipeExpr(Span s) : Expr(kKind, s) {}
};

/// A path read from a value rather than from the context (V2, flag new_ops): a name, a call
/// or a parenthesised expression followed by `.field`, `."quoted field"` or `[INT]` steps, as
/// in `o.id`, `countries.FR`, `first(.items).sku`, `(a ?? b).name`. Through *missing* or a
/// scalar it is *missing*, as a simple path.
struct NavigateExpr final : Expr {
    static constexpr ExprKind kKind = ExprKind::Navigate;
    ExprPtr base;
    std::vector<PathSegment> segments;   ///< never empty
    Span pathSpan;                       ///< the steps, from the first `.` or `[`
    NavigateExpr(Span s) : Expr(kKind, s) {}
};

/// The source spelling of an operator: "??", "or", "==", "+", "-", "not", ...
std::string_view opText(BinaryOp op) noexcept;
std::string_view opText(UnaryOp op) noexcept;

// ---------------------------------------------------------------------------------------
// Statements

enum class StmtKind { Let, Table, Rule, ObjectBlock, ArrayBlock, When };

struct Stmt {
    const StmtKind kind;
    Span span;   ///< the whole statement, from its first token to its last (a block: to its `}`)

    virtual ~Stmt() = default;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    template <class T> [[nodiscard]] const T& as() const { return static_cast<const T&>(*this); }
    template <class T> [[nodiscard]] const T* tryAs() const
    {
        return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
    }

protected:
    Stmt(StmtKind k, Span s) : kind(k), span(s) {}
};
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

/// `let name = expr`. Inside a block its scope is the block (evaluated once per element in
/// an array block).
struct LetStmt final : Stmt {
    static constexpr StmtKind kKind = StmtKind::Let;
    std::string name;
    Span nameSpan;
    ExprPtr value;
    LetStmt(Span s) : Stmt(kKind, s) {}
};

/// `table name = { "k": v, ... }`: a constant lookup table.
struct TableStmt final : Stmt {
    static constexpr StmtKind kKind = StmtKind::Table;
    std::string name;
    Span nameSpan;
    std::unique_ptr<ObjectExpr> value;
    TableStmt(Span s) : Stmt(kKind, s) {}
};

/// `target <- expr`.
struct RuleStmt final : Stmt {
    static constexpr StmtKind kKind = StmtKind::Rule;
    Target target;
    Span arrowSpan;
    ExprPtr value;
    RuleStmt(Span s) : Stmt(kKind, s) {}
};

/// `target { statements }` (V2 containers): the body's targets are relative to `target`.
struct ObjectBlock final : Stmt {
    static constexpr StmtKind kKind = StmtKind::ObjectBlock;
    Target target;
    Span openBrace, closeBrace;
    Body body;
    ObjectBlock(Span s) : Stmt(kKind, s) {}
};

/// `target[] <- each source (as name)? { statements }` (V2 containers). Inside the body the
/// context is the current element and targets are relative to the current output element.
struct ArrayBlock final : Stmt {
    static constexpr StmtKind kKind = StmtKind::ArrayBlock;
    Target target;               ///< without the `[]`
    Span arrowSpan;
    Span eachSpan;
    ExprPtr source;
    std::optional<std::string> alias;   ///< the name of `as name`
    Span aliasSpan;
    Span openBrace, closeBrace;
    Body body;
    ArrayBlock(Span s) : Stmt(kKind, s) {}
};

/// `when condition { statements } (else { statements })?` (V2 containers). Its body's
/// targets are relative to the enclosing block's target (a `when` adds no path).
struct WhenBlock final : Stmt {
    static constexpr StmtKind kKind = StmtKind::When;
    ExprPtr condition;
    Span openBrace, closeBrace;
    Body body;
    bool hasElse = false;
    Span elseSpan;               ///< the `else` keyword
    Span elseOpenBrace, elseCloseBrace;
    Body elseBody;
    WhenBlock(Span s) : Stmt(kKind, s) {}
};

// ---------------------------------------------------------------------------------------
// Document

/// `mapping "name" version 2`.
struct Header {
    Span span;
    std::string name;
    Span nameSpan;
    std::optional<int> version;   ///< absent when the header has no `version` (1 or 2 else)
    Span versionSpan;             ///< the version number; empty when absent
};

/// A `#` comment, from `#` to the end of its line (the line break excluded).
struct Comment {
    Span span;
    std::string text;             ///< as written, `#` included
    bool trailing = false;        ///< code precedes it on its line
};

struct Document {
    std::optional<Header> header;
    Body statements;
    std::vector<Comment> comments;   ///< every comment of the text, in source order
    Span span;                       ///< the whole text
};

// ---------------------------------------------------------------------------------------
// Traversal

/// A do-nothing visitor: each visit* method visits the node's children in source order, and
/// nothing else. Passes override the nodes they care about (calling the base method to keep
/// descending). The parser bounds the tree's depth, so recursion here is bounded too.
class AstVisitor {
public:
    virtual ~AstVisitor() = default;

    virtual void visitDocument(const Document& document);
    virtual void visitBody(const Body& body);
    /// Dispatches on the statement's kind.
    virtual void visitStmt(const Stmt& stmt);
    virtual void visitLet(const LetStmt& stmt);
    virtual void visitTable(const TableStmt& stmt);
    virtual void visitRule(const RuleStmt& stmt);
    virtual void visitObjectBlock(const ObjectBlock& stmt);
    virtual void visitArrayBlock(const ArrayBlock& stmt);
    virtual void visitWhen(const WhenBlock& stmt);

    /// Dispatches on the expression's kind.
    virtual void visitExpr(const Expr& expr);
    virtual void visitLiteral(const LiteralExpr&) {}
    virtual void visitArray(const ArrayExpr& expr);
    virtual void visitObject(const ObjectExpr& expr);
    virtual void visitPath(const PathExpr&) {}
    virtual void visitJsonPath(const JsonPathExpr&) {}
    virtual void visitName(const NameExpr&) {}
    virtual void visitCall(const CallExpr& expr);
    virtual void visitUnary(const UnaryExpr& expr);
    virtual void visitBinary(const BinaryExpr& expr);
    virtual void visitPipe(const PipeExpr& expr);
    virtual void visitNavigate(const NavigateExpr& expr);
};

} // namespace mdsl::ast

namespace mdsl {

/// The normalized AST as JSON: what `compile --engine v1` prints, and what tests compare to
/// check that formatting keeps the meaning. Without spans it holds only meaning (no layout,
/// no comments, no parentheses, no literal spelling); with spans every node gets
/// "span": [begin, end] (byte offsets). Shape:
///   document:   {"header": {"name", "version": int|null} | null, "statements": [stmt...]}
///   statements: {"kind": "let"|"table", "name", "value"}
///               {"kind": "rule", "target": [seg...], "value"}
///               {"kind": "object_block", "target", "body": [stmt...]}
///               {"kind": "array_block", "target", "source", "as": name|null, "body"}
///               {"kind": "when", "condition", "then": [stmt...], "else": [stmt...]|null}
///   target and path segments: a field is a string, an index an integer
///   expressions: {"kind": "literal", "value"}          (an int stays an int, a double a double)
///                {"kind": "array", "elements": [...]}
///                {"kind": "object", "entries": [{"key", "value"}...]}
///                {"kind": "path", "path": [seg...]}     ([] for `.`)
///                {"kind": "jsonpath", "query": text}
///                {"kind": "name", "name"}
///                {"kind": "call", "function", "args": [...]}
///                {"kind": "unary", "op": "-"|"not", "operand"}
///                {"kind": "binary", "op", "left", "right"}
///                {"kind": "pipe", "input", "function", "args": [...]}   (args after `|`)
Json astToJson(const ast::Document& document, bool withSpans = false);

/// One expression as JSON, in the shape above.
Json astToJson(const ast::Expr& expr, bool withSpans = false);

} // namespace mdsl
