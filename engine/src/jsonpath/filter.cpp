// Filter expressions and function extensions at run time (RFC 9535 sections 2.3.5 and 2.4).
// Types were checked by the parser, so each expression here is used the way it was typed.

#include "compare.h"
#include "evaluator.h"
#include "regex.h"

#include <re2/re2.h>

namespace mdsl::jsonpath::detail {

namespace {

/// A ValueType result: a value in the document or the query (ref), a computed number
/// (owned), or Nothing (neither).
struct Value {
    const Json* ref = nullptr;
    Json owned;
    bool isOwned = false;

    [[nodiscard]] const Json* get() const { return isOwned ? &owned : ref; }
    static Value number(std::size_t n)
    {
        Value value;
        value.owned = static_cast<std::uint64_t>(n);
        value.isOwned = true;
        return value;
    }
};

std::size_t codePoints(const std::string& text)
{
    std::size_t count = 0;
    for (const char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

bool compare(CompareOp op, const Json* a, const Json* b)
{
    // Nothing (nullptr) equals only Nothing and is ordered with nothing.
    const auto same = [a, b] { return (!a && !b) || (a && b && equal(*a, *b)); };
    switch (op) {
    case CompareOp::Eq: return same();
    case CompareOp::Ne: return !same();
    case CompareOp::Lt: return a && b && less(*a, *b);
    case CompareOp::Le: return (a && b && less(*a, *b)) || same();
    case CompareOp::Gt: return a && b && less(*b, *a);
    case CompareOp::Ge: return (a && b && less(*b, *a)) || same();
    }
    return false;
}

class Filter {
public:
    Filter(const Evaluator& evaluator, const Json& current) : evaluator_(evaluator), current_(current) {}

    bool logical(const Expr& expr) const
    {
        switch (expr.kind) {
        case ExprKind::Or:
            for (const auto& child : expr.children) {
                if (logical(*child))
                    return true;
            }
            return false;
        case ExprKind::And:
            for (const auto& child : expr.children) {
                if (!logical(*child))
                    return false;
            }
            return true;
        case ExprKind::Not:
            return !logical(*expr.children.front());
        case ExprKind::Compare:
            return compare(expr.op, value(*expr.children[0]).get(), value(*expr.children[1]).get());
        case ExprKind::Query:
            return !nodes(expr.query).empty();
        case ExprKind::Call:
            return regexCall(expr);
        case ExprKind::Literal:
            break;   // the parser rejects a literal used as a test
        }
        return false;
    }

private:
    std::vector<const Json*> nodes(const QueryAst& query) const
    {
        std::vector<const Json*> out;
        evaluator_.select(query, current_, out);
        return out;
    }

    Value value(const Expr& expr) const
    {
        Value result;
        switch (expr.kind) {
        case ExprKind::Literal:
            result.ref = &expr.literal;
            break;
        case ExprKind::Query:
            result.ref = evaluator_.selectSingular(expr.query, current_);
            break;
        case ExprKind::Call:
            return call(expr);
        default:
            break;
        }
        return result;
    }

    Value call(const Expr& expr) const
    {
        switch (expr.function) {
        case Function::Length: {
            const Value arg = value(*expr.children.front());
            const Json* v = arg.get();
            if (v && v->is_string())
                return Value::number(codePoints(v->get_ref<const std::string&>()));
            if (v && (v->is_array() || v->is_object()))
                return Value::number(v->size());
            return {};
        }
        case Function::Count:
            return Value::number(nodes(expr.children.front()->query).size());
        case Function::Value: {
            const std::vector<const Json*> found = nodes(expr.children.front()->query);
            Value result;
            if (found.size() == 1)
                result.ref = found.front();
            return result;
        }
        case Function::Match:
        case Function::Search:
            break;
        }
        return {};
    }

    bool regexCall(const Expr& expr) const
    {
        const Value subject = value(*expr.children[0]);
        const Json* text = subject.get();
        if (!text || !text->is_string())
            return false;
        std::shared_ptr<const re2::RE2> regex = expr.regex;
        if (!regex) {
            const Value pattern = value(*expr.children[1]);
            const Json* p = pattern.get();
            if (!p || !p->is_string())
                return false;
            regex = cachedIRegexp(p->get_ref<const std::string&>());
            if (!regex)
                return false;   // an invalid pattern from the document matches nothing
        }
        return regexMatches(*regex, text->get_ref<const std::string&>(), expr.function == Function::Match);
    }

    const Evaluator& evaluator_;
    const Json& current_;
};

} // namespace

bool Evaluator::test(const Expr& expr, const Json& current) const
{
    return Filter(*this, current).logical(expr);
}

} // namespace mdsl::jsonpath::detail
