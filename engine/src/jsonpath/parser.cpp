// The JSONPath grammar (RFC 9535 section 2). Blank space handling follows the ABNF: it may
// separate segments, surround selectors and operators, and nothing else.

#include "parser.h"

#include "lexer.h"
#include "typecheck.h"

namespace mdsl::jsonpath::detail {

namespace {

class Parser {
public:
    Parser(std::string_view text, const ParseOptions& options) : c_(text), options_(options) {}

    QueryAst parseTop()
    {
        const char first = c_.peek();
        if (!c_.atEnd() && (first == '$' || (first == '@' && options_.allowCurrentAsRoot)))
            return parseQuery(true);
        c_.failHere(options_.allowCurrentAsRoot ? "'$' or '@' to start the query" : "'$' to start the query");
    }

    [[nodiscard]] const Cursor& cursor() const { return c_; }

private:
    /// Counts nesting so that deeply nested input fails cleanly instead of exhausting the stack.
    class Nest {
    public:
        Nest(Parser& parser, std::size_t offset) : parser_(parser)
        {
            if (++parser_.depth_ > kMaxNesting)
                parser_.c_.fail(offset, 1,
                                "the query nests filters, parentheses and function calls more than "
                                    + std::to_string(kMaxNesting) + " levels deep",
                                ErrorCode::TooDeep);
        }
        ~Nest() { --parser_.depth_; }
        Nest(const Nest&) = delete;
        Nest& operator=(const Nest&) = delete;

    private:
        Parser& parser_;
    };

    QueryAst parseQuery(bool top)
    {
        QueryAst query;
        query.offset = static_cast<std::uint32_t>(c_.pos());
        query.relative = c_.peek() == '@';
        c_.setPos(c_.pos() + 1);
        parseSegments(query, top);
        return query;
    }

    void parseSegments(QueryAst& query, bool top)
    {
        for (;;) {
            const std::size_t save = c_.pos();
            const bool newline = c_.skipBlank();
            const char next = c_.peek();
            if ((top && options_.embedded && newline) || c_.atEnd() || (next != '.' && next != '[')) {
                c_.setPos(save);   // the blank space is not the query's
                return;
            }
            query.segments.push_back(parseSegment());
        }
    }

    Segment parseSegment()
    {
        Segment segment;
        if (c_.consume("..")) {
            segment.descendant = true;
            if (c_.peek() == '[') {
                segment.selectors = parseBracketed();
                return segment;
            }
            if (!parseShorthand(segment))
                c_.failHere("'*', a member name or '[' after '..'");
            return segment;
        }
        if (c_.consume('.')) {
            if (!parseShorthand(segment))
                c_.failHere("'*' or a member name after '.'");
            return segment;
        }
        segment.selectors = parseBracketed();
        return segment;
    }

    /// The '*' or member name after '.' or '..'.
    bool parseShorthand(Segment& segment)
    {
        Selector selector;
        selector.offset = static_cast<std::uint32_t>(c_.pos());
        if (c_.consume('*')) {
            selector.kind = SelectorKind::Wildcard;
        } else if (c_.atNameFirst()) {
            selector.name = c_.readMemberName();
        } else {
            return false;
        }
        segment.selectors.push_back(std::move(selector));
        return true;
    }

    std::vector<Selector> parseBracketed()
    {
        c_.consume('[');
        std::vector<Selector> selectors;
        c_.skipBlank();
        for (;;) {
            selectors.push_back(parseSelector());
            c_.skipBlank();
            if (c_.consume(']'))
                return selectors;
            if (!c_.consume(','))
                c_.failHere("',' or ']' after the selector");
            c_.skipBlank();
        }
    }

    static bool startsInteger(char c) { return c == '-' || (c >= '0' && c <= '9'); }

    Selector parseSelector()
    {
        Selector selector;
        selector.offset = static_cast<std::uint32_t>(c_.pos());
        const char c = c_.atEnd() ? '\0' : c_.peek();
        if (c == '\'' || c == '"') {
            selector.name = c_.readString();
        } else if (c_.consume('*')) {
            selector.kind = SelectorKind::Wildcard;
        } else if (c_.consume('?')) {
            selector.kind = SelectorKind::Filter;
            c_.skipBlank();
            selector.filter = parseOr(nullptr);
        } else if (startsInteger(c) || c == ':') {
            parseIndexOrSlice(selector);
        } else {
            c_.failHere("a selector: a quoted name, '*', an index, a slice or '?' and a filter");
        }
        return selector;
    }

    void parseIndexOrSlice(Selector& selector)
    {
        std::optional<std::int64_t> first;
        if (c_.peek() != ':')
            first = c_.readInteger("index");
        const std::size_t save = c_.pos();
        c_.skipBlank();
        if (!c_.consume(':')) {
            c_.setPos(save);
            selector.kind = SelectorKind::Index;
            selector.index = *first;
            return;
        }
        selector.kind = SelectorKind::Slice;
        selector.start = first;
        c_.skipBlank();
        if (startsInteger(c_.peek())) {
            selector.end = c_.readInteger("slice end");
            c_.skipBlank();
        }
        if (c_.consume(':')) {
            c_.skipBlank();
            if (startsInteger(c_.peek()))
                selector.step = c_.readInteger("slice step");
        }
    }

    static std::unique_ptr<Expr> makeExpr(ExprKind kind, std::size_t offset)
    {
        auto expr = std::make_unique<Expr>();
        expr->kind = kind;
        expr->offset = static_cast<std::uint32_t>(offset);
        return expr;
    }

    /// Records where expr ends (the current position) and hands it back.
    std::unique_ptr<Expr> finish(std::unique_ptr<Expr> expr) const
    {
        expr->end = static_cast<std::uint32_t>(c_.pos());
        return expr;
    }

    /// Skips blank space and consumes op if it follows; otherwise leaves the position alone.
    bool consumeOperator(std::string_view op)
    {
        const std::size_t save = c_.pos();
        c_.skipBlank();
        if (c_.consume(op))
            return true;
        c_.setPos(save);
        return false;
    }

    /// logical-or-expr; first, when given, is its already parsed first basic-expr.
    std::unique_ptr<Expr> parseOr(std::unique_ptr<Expr> first)
    {
        const Nest nest(*this, c_.pos());
        return parseChain(ExprKind::Or, "||", parseAnd(std::move(first)),
                          [this] { return parseAnd(nullptr); });
    }

    std::unique_ptr<Expr> parseAnd(std::unique_ptr<Expr> first)
    {
        auto lhs = first ? std::move(first) : parseBasic(false);
        return parseChain(ExprKind::And, "&&", std::move(lhs), [this] { return parseBasic(false); });
    }

    /// lhs *(S op S operand), as one n-ary node.
    template <class ParseOperand>
    std::unique_ptr<Expr> parseChain(ExprKind kind, std::string_view op, std::unique_ptr<Expr> lhs,
                                     ParseOperand parseNext)
    {
        if (!consumeOperator(op))
            return lhs;
        auto result = makeExpr(kind, lhs->offset);
        result->children.push_back(std::move(lhs));
        do {
            c_.skipBlank();
            result->children.push_back(parseNext());
        } while (consumeOperator(op));
        return finish(std::move(result));
    }

    /// basic-expr. With bare (a function argument), a literal, query or call that is not
    /// compared is returned as is, for the caller to check against the parameter type.
    std::unique_ptr<Expr> parseBasic(bool bare)
    {
        const std::size_t start = c_.pos();
        if (c_.consume('!')) {
            c_.skipBlank();
            auto operand = c_.peek() == '(' ? parseParenthesized() : parseOperand(true);
            checkTest(c_, *operand);
            auto negation = makeExpr(ExprKind::Not, start);
            negation->children.push_back(std::move(operand));
            return finish(std::move(negation));
        }
        if (c_.peek() == '(' && !c_.atEnd())
            return parseParenthesized();
        auto lhs = parseOperand(false);
        const std::size_t save = c_.pos();
        c_.skipBlank();
        const std::optional<CompareOp> op = readComparisonOperator();
        if (!op) {
            c_.setPos(save);
            if (!bare)
                checkTest(c_, *lhs);
            return lhs;
        }
        checkComparable(c_, *lhs);
        c_.skipBlank();
        auto rhs = parseOperand(false);
        checkComparable(c_, *rhs);
        auto comparison = makeExpr(ExprKind::Compare, lhs->offset);
        comparison->op = *op;
        comparison->children.push_back(std::move(lhs));
        comparison->children.push_back(std::move(rhs));
        return finish(std::move(comparison));
    }

    std::optional<CompareOp> readComparisonOperator()
    {
        if (c_.consume("=="))
            return CompareOp::Eq;
        if (c_.consume("!="))
            return CompareOp::Ne;
        if (c_.consume("<="))
            return CompareOp::Le;
        if (c_.consume(">="))
            return CompareOp::Ge;
        if (c_.consume('<'))
            return CompareOp::Lt;
        if (c_.consume('>'))
            return CompareOp::Gt;
        return std::nullopt;
    }

    std::unique_ptr<Expr> parseParenthesized()
    {
        c_.consume('(');
        c_.skipBlank();
        auto inner = parseOr(nullptr);
        c_.skipBlank();
        if (!c_.consume(')'))
            c_.failHere("')' to close the parenthesized expression, or '&&' or '||'");
        return inner;
    }

    /// A query, a literal or a function call. After '!', only a query or a call.
    std::unique_ptr<Expr> parseOperand(bool afterNot)
    {
        const std::size_t start = c_.pos();
        const char c = c_.atEnd() ? '\0' : c_.peek();
        if (c == '$' || c == '@') {
            auto expr = makeExpr(ExprKind::Query, start);
            expr->query = parseQuery(false);
            return finish(std::move(expr));
        }
        if (c_.atLowerAlpha()) {
            const std::string name = c_.readFunctionName();
            if (c_.peek() == '(')
                return parseCall(name, start);
            if (!afterNot && (name == "true" || name == "false" || name == "null")) {
                auto expr = makeExpr(ExprKind::Literal, start);
                expr->literal = name == "null" ? Json(nullptr) : Json(name == "true");
                return finish(std::move(expr));
            }
            c_.fail(start, name.size(),
                    "unexpected '" + name + "': expected a query, a literal or a function call "
                                            "(a function name is followed directly by '(')");
        }
        if (!afterNot && (c == '\'' || c == '"' || c == '-' || (c >= '0' && c <= '9'))) {
            auto expr = makeExpr(ExprKind::Literal, start);
            expr->literal = (c == '\'' || c == '"') ? Json(c_.readString()) : c_.readNumber();
            return finish(std::move(expr));
        }
        c_.failHere(afterNot ? "a query, a function call or '(' after '!'"
                             : "a filter expression: a query ('@' or '$'), a literal, a function call, "
                               "'!' or '('");
    }

    std::unique_ptr<Expr> parseCall(const std::string& name, std::size_t start)
    {
        const Signature* signature = findFunction(name);
        if (!signature)
            c_.fail(start, name.size(),
                    "unknown function '" + name + "': expected length, count, match, search or value",
                    ErrorCode::UnknownFunction);
        const Nest nest(*this, start);
        auto call = makeExpr(ExprKind::Call, start);
        call->function = signature->function;
        c_.consume('(');
        c_.skipBlank();
        if (!c_.consume(')')) {
            for (;;) {
                call->children.push_back(parseArgument());
                c_.skipBlank();
                if (c_.consume(')'))
                    break;
                if (!c_.consume(','))
                    c_.failHere("',' or ')' in the arguments of " + name + "()");
                c_.skipBlank();
            }
        }
        call = finish(std::move(call));
        checkCall(c_, *call, *signature);
        return call;
    }

    std::unique_ptr<Expr> parseArgument()
    {
        auto first = parseBasic(true);
        const std::size_t save = c_.pos();
        c_.skipBlank();
        const bool logical = c_.peek() == '&' || c_.peek() == '|';
        c_.setPos(save);
        if (!logical)
            return first;
        checkTest(c_, *first);
        return parseOr(std::move(first));
    }

    Cursor c_;
    ParseOptions options_;
    int depth_ = 0;
};

} // namespace

QueryAst parseQuery(std::string_view text, const ParseOptions& options, std::size_t& consumed)
{
    Parser parser(text, options);
    QueryAst query = parser.parseTop();
    const Cursor& cursor = parser.cursor();
    if (!options.embedded && !cursor.atEnd())
        cursor.failHere("'.', '..', '[' or the end of the query");
    consumed = cursor.pos();
    return query;
}

} // namespace mdsl::jsonpath::detail
