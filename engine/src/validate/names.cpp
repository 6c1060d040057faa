// Names, calls and features: one walk over the tree that keeps the scopes of `let`, `table`
// and `each … as` names, checks every call against the catalog, the regular expression
// literals, and every version 2 feature against the document's version and the flags.

#include "mdsl/catalog.h"
#include "mdsl/report.h"
#include "jsonpath/regex.h"
#include "validate/context.h"

#include <re2/re2.h>

#include <algorithm>
#include <unordered_map>

namespace mdsl::validator {

namespace {

using namespace mdsl::ast;

enum class BindingKind { Let, Table, Alias };

struct Binding {
    std::string_view name;
    BindingKind kind = BindingKind::Let;
    Span nameSpan;
    Span stmtSpan;
    int uses = 0;
    const Expr* value = nullptr;   ///< a let's value
};

// What each overload takes, fewest arguments first, as phrase ids with their numbers:
// "arity.one" (1 argument), "arity.range:2:3" (2 to 3 arguments), "arity.at-least:2"...
std::vector<std::string> arityPhrases(std::vector<const CatalogEntry*> overloads)
{
    std::sort(overloads.begin(), overloads.end(),
              [](const CatalogEntry* a, const CatalogEntry* b) { return a->minArity < b->minArity; });
    std::vector<std::string> out;
    for (const CatalogEntry* entry : overloads) {
        const std::string min = std::to_string(entry->minArity);
        if (entry->maxArity == CatalogEntry::kVariadic)
            out.push_back(entry->minArity == 1 ? "arity.at-least-one" : "arity.at-least:" + min);
        else if (entry->minArity == entry->maxArity)
            out.push_back(entry->minArity == 0   ? "arity.none"
                          : entry->minArity == 1 ? "arity.one"
                                                 : "arity.exactly:" + min);
        else
            out.push_back(entry->maxArity == 1 ? "arity.up-to-one" : "arity.range:" + min + ":" + std::to_string(entry->maxArity));
    }
    return out;
}

// A table's values are constants: literals, negated numbers, arrays and objects of them.
const Expr* firstNonConstant(const Expr& expr)
{
    switch (expr.kind) {
    case ExprKind::Literal:
        return nullptr;
    case ExprKind::Unary: {
        const auto& unary = expr.as<UnaryExpr>();
        const auto* literal = unary.operand->tryAs<LiteralExpr>();
        const bool number = literal && (literal->type == LiteralExpr::Type::Int || literal->type == LiteralExpr::Type::Double);
        return unary.op == UnaryOp::Negate && number ? nullptr : &expr;
    }
    case ExprKind::Array:
        for (const ExprPtr& element : expr.as<ArrayExpr>().elements) {
            if (const Expr* bad = firstNonConstant(*element))
                return bad;
        }
        return nullptr;
    case ExprKind::Object:
        for (const ObjectEntry& entry : expr.as<ObjectExpr>().entries) {
            if (const Expr* bad = firstNonConstant(*entry.value))
                return bad;
        }
        return nullptr;
    default:
        return &expr;
    }
}

class NamesPass final : public AstVisitor {
public:
    explicit NamesPass(Context& context) : c_(context) {}

    void visitDocument(const Document& document) override
    {
        scopes_.emplace_back();
        AstVisitor::visitDocument(document);
        popScope();
    }

    void visitLet(const LetStmt& stmt) override
    {
        // The name is not visible in its own value.
        visitExpr(*stmt.value);
        declare({stmt.name, BindingKind::Let, stmt.nameSpan, stmt.span, 0, stmt.value.get()});
    }

    void visitTable(const TableStmt& stmt) override
    {
        checkDuplicateKeys(*stmt.value);
        for (const ObjectEntry& entry : stmt.value->entries) {
            if (const Expr* bad = firstNonConstant(*entry.value))
                c_.report("E208", {std::string(c_.source(bad->span))}, bad->span);
            else
                checkDuplicateKeysDeep(*entry.value);
        }
        declare({stmt.name, BindingKind::Table, stmt.nameSpan, stmt.span});
    }

    void visitObjectBlock(const ObjectBlock& stmt) override
    {
        c_.requireFeature("object-block", Flag::V2Containers, stmt.target.span);
        visitScoped(stmt.body);
    }

    void visitArrayBlock(const ArrayBlock& stmt) override
    {
        c_.requireFeature("array-block", Flag::V2Containers, stmt.target.span.cover(stmt.eachSpan));
        visitExpr(*stmt.source);
        scopes_.emplace_back();
        if (stmt.alias)
            declare({*stmt.alias, BindingKind::Alias, stmt.aliasSpan, stmt.span});
        ++arrayDepth_;
        visitBody(stmt.body);
        --arrayDepth_;
        popScope();
    }

    void visitWhen(const WhenBlock& stmt) override
    {
        c_.requireFeature("when-block", Flag::V2Containers, {stmt.span.begin, stmt.span.begin + 4});
        visitExpr(*stmt.condition);
        visitScoped(stmt.body);
        if (stmt.hasElse)
            visitScoped(stmt.elseBody);
    }

    void visitArray(const ArrayExpr& expr) override
    {
        c_.requireFeature("array-literal", Flag::V2Containers, expr.span);
        AstVisitor::visitArray(expr);
    }

    void visitObject(const ObjectExpr& expr) override
    {
        c_.requireFeature("object-literal", Flag::V2Containers, expr.span);
        checkDuplicateKeys(expr);
        AstVisitor::visitObject(expr);
    }

    void visitJsonPath(const JsonPathExpr& expr) override
    {
        c_.requireFeature("jsonpath", Flag::V2JsonPath, expr.span);
    }

    /// The binding a name refers to in the current scope, or nullptr.
    Binding* find(std::string_view name)
    {
        for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope)
            for (auto binding = scope->rbegin(); binding != scope->rend(); ++binding)
                if (binding->name == name)
                    return &*binding;
        return nullptr;
    }

    void visitName(const NameExpr& expr) override
    {
        if (Binding* binding = find(expr.name)) {
            ++binding->uses;
            return;
        }
        Diagnostic& d = c_.report("E201", {expr.name}, expr.span);
        std::vector<std::string_view> visible;
        for (const auto& scope : scopes_)
            for (const Binding& binding : scope)
                visible.push_back(binding.name);
        const std::string_view suggestion = closestName(expr.name, visible);
        suggest(d, suggestion, expr.span);
        // The misspelt name was meant to use the suggested one: do not call that one unused.
        for (auto& scope : scopes_)
            for (Binding& binding : scope)
                binding.uses += binding.name == suggestion ? 1 : 0;
    }

    void visitNavigate(const NavigateExpr& expr) override
    {
        c_.requireFeature("navigate:" + std::string(c_.source(expr.pathSpan)), Flag::V2NewOps, expr.pathSpan);
        AstVisitor::visitNavigate(expr);
        // Reading into a let that only ever holds a number, a string or a boolean gives missing.
        const auto* name = expr.base->parenthesized ? nullptr : expr.base->tryAs<NameExpr>();
        const Binding* binding = name ? find(name->name) : nullptr;
        if (binding && binding->kind == BindingKind::Let && binding->value && shapeOf(*binding->value) == Shape::Scalar)
            c_.report("W205", {name->name, std::string(c_.source(expr.pathSpan))}, expr.pathSpan);
    }

    void visitBinary(const BinaryExpr& expr) override
    {
        if (expr.op == BinaryOp::Coalesce)
            c_.requireFeature("coalesce", Flag::V2NewOps, expr.opSpan);
        AstVisitor::visitBinary(expr);
    }

    void visitCall(const CallExpr& expr) override
    {
        checkCall(expr.callee, expr.calleeSpan, expr.args, 0);
        AstVisitor::visitCall(expr);
    }

    void visitPipe(const PipeExpr& expr) override
    {
        c_.requireFeature("pipe", Flag::V2NewOps, expr.opSpan);
        // `x | f(a)` is `f(x, a)`: the written arguments start at index 1.
        checkCall(expr.callee, expr.calleeSpan, expr.args, 1);
        AstVisitor::visitPipe(expr);
    }

private:
    void visitScoped(const Body& body)
    {
        scopes_.emplace_back();
        visitBody(body);
        popScope();
    }

    void declare(Binding binding)
    {
        std::vector<Binding>& scope = scopes_.back();
        const auto same = std::find_if(scope.begin(), scope.end(), [&](const Binding& b) { return b.name == binding.name; });
        if (same != scope.end()) {
            Diagnostic& d = c_.report("E206", {std::string(binding.name)}, binding.nameSpan);
            d.related.push_back(relatedLocation(c_.range(same->nameSpan), "first-defined"));
        }
        scope.push_back(binding);
    }

    void popScope()
    {
        for (const Binding& binding : scopes_.back()) {
            if (binding.uses > 0 || binding.kind == BindingKind::Alias)
                continue;
            Diagnostic& d = c_.report(binding.kind == BindingKind::Let ? "W202" : "W203",
                                      {std::string(binding.name)}, binding.nameSpan);
            if (std::optional<Fix> fix = removalFix(binding.stmtSpan, binding.kind == BindingKind::Let ? "let" : "table"))
                d.fixes.push_back(std::move(*fix));
        }
        scopes_.pop_back();
    }

    // Removes a statement's whole lines when nothing else shares them.
    std::optional<Fix> removalFix(Span stmt, std::string_view keyword) const
    {
        const Position start = c_.index.position(stmt.begin);
        const Position end = c_.index.position(stmt.end);
        const std::uint32_t lineStart = c_.index.offset(start.line, 1);
        const std::string_view before = c_.text.substr(lineStart, stmt.begin - lineStart);
        const std::string_view endLine = c_.index.lineText(end.line);
        const std::uint32_t endLineStart = c_.index.offset(end.line, 1);
        const std::string_view after = endLine.substr(std::min<std::size_t>(stmt.end - endLineStart, endLine.size()));
        const auto blank = [](std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; };
        if (!blank(before) || !blank(after))
            return std::nullopt;
        const std::uint32_t removeEnd = c_.index.offset(end.line + 1, 1);
        return makeFix("remove-unused", {std::string(keyword)},
                       {TextEdit{c_.range({lineStart, std::max(removeEnd, stmt.end)}), ""}});
    }

    void suggest(Diagnostic& d, std::string_view name, Span span) const
    {
        if (!name.empty())
            d.fixes.push_back(makeFix("did-you-mean", {std::string(name)}, {TextEdit{c_.range(span), std::string(name)}}));
    }

    void checkDuplicateKeys(const ObjectExpr& object)
    {
        for (std::size_t i = 1; i < object.entries.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j) {
                if (object.entries[j].key == object.entries[i].key) {
                    Diagnostic& d = c_.report("W204", {object.entries[i].key}, object.entries[i].keySpan);
                    d.related.push_back(relatedLocation(c_.range(object.entries[j].keySpan), "first-written"));
                    break;
                }
            }
        }
    }

    // A table value's nested objects (their features are not checked: a table is version 1).
    void checkDuplicateKeysDeep(const Expr& expr)
    {
        if (const auto* object = expr.tryAs<ObjectExpr>()) {
            checkDuplicateKeys(*object);
            for (const ObjectEntry& entry : object->entries)
                checkDuplicateKeysDeep(*entry.value);
        } else if (const auto* array = expr.tryAs<ArrayExpr>()) {
            for (const ExprPtr& element : array->elements)
                checkDuplicateKeysDeep(*element);
        }
    }

    void checkCall(const std::string& name, Span nameSpan, const std::vector<ExprPtr>& written, int firstIndex)
    {
        const std::vector<const CatalogEntry*> overloads = findFunctions(name);
        if (overloads.empty()) {
            Diagnostic& d = c_.report("E202", {name}, nameSpan);
            suggest(d, closestName(name, functionNames()), nameSpan);
            return;
        }
        const int count = static_cast<int>(written.size()) + firstIndex;
        const auto match = std::find_if(overloads.begin(), overloads.end(),
                                        [&](const CatalogEntry* e) { return e->acceptsArity(count); });
        if (match == overloads.end()) {
            std::vector<std::string> args{name};
            for (std::string& arity : arityPhrases(overloads))
                args.push_back(std::move(arity));
            args.push_back(std::to_string(count));
            const char* wording = args.size() > 3 ? "E203.overloads" : "E203";
            c_.report(wording, std::move(args), nameSpan);
            return;
        }
        const CatalogEntry& entry = **match;
        if (entry.flag) {
            const std::string what = (overloads.size() > 1 ? "array-form:" : "function:") + name;
            c_.requireFeature(what, *entry.flag, nameSpan);
        }
        if (name == "index" && arrayDepth_ == 0)
            c_.report("E207", {}, nameSpan);
        if (name == "matches" || name == "replace_regex" || name == "split") {
            const int written1 = 1 - firstIndex;   // the pattern is argument 1
            if (written1 >= 0 && written1 < static_cast<int>(written.size()))
                checkRegex(name, *written[static_cast<std::size_t>(written1)]);
        }
    }

    void checkRegex(const std::string& function, const Expr& pattern)
    {
        const auto* literal = pattern.tryAs<LiteralExpr>();
        if (!literal || literal->type != LiteralExpr::Type::String)
            return;   // computed at run time: checked then
        // Mappings repeat their patterns: compile each distinct one once per validation.
        const std::string key = function + '\0' + literal->value.get_ref<const std::string&>();
        auto [it, isNew] = regexErrors_.try_emplace(key);
        if (isNew) {
            std::string error;
            const std::shared_ptr<const re2::RE2> regex =
                jsonpath::detail::compileIRegexp(literal->value.get_ref<const std::string&>(), error);
            if (!regex)
                it->second = error;
            else if (function == "split" && RE2::FullMatch("", *regex))
                it->second = "regex.split-empty-match";
        }
        if (!it->second.empty())
            c_.report("E204", {function, it->second}, pattern.span);
    }

    Context& c_;
    std::vector<std::vector<Binding>> scopes_;
    int arrayDepth_ = 0;
    std::unordered_map<std::string, std::string> regexErrors_;   // function + pattern -> error ("" valid)
};

} // namespace

void checkNamesAndCalls(Context& context)
{
    NamesPass pass(context);
    pass.visitDocument(context.document);
}

} // namespace mdsl::validator
