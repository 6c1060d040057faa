// Lineage: for each target a mapping writes, the source paths it reads. Simple paths are
// resolved against their context (the input root, or the elements of an array block's
// source: "$.items[*].sku"); JSONPath queries are kept as written, `@` resolved the same way;
// names stand for the sources of their `let`. The elements of a query that is not singular
// are the query's matches ("$.items[?@.qty > 0].sku"). Each source also says, typed, the
// input field it names (from the parsed query: nothing is read back from text). Each entry
// says its kind: a rule, or an array block (the target is the array, the sources what it
// iterates).

#include "facade/analysis_impl.h"

#include "mdsl/catalog.h"
#include "mdsl/report.h"
#include "runtime/output.h"
#include "syntax/lexer.h"

#include <algorithm>
#include <map>

namespace mdsl {

namespace {

using Source = LineageSource;
using Sources = std::vector<LineageSource>;

void addAll(Sources& into, const Sources& more)
{
    for (const Source& source : more)
        if (std::none_of(into.begin(), into.end(), [&](const Source& s) { return s.query == source.query; }))
            into.push_back(source);
}

/// A source read through more steps: its text and, when it names a field, its field.
Source extended(const Source& base, std::string_view text, const std::vector<FieldStep>& steps)
{
    Source out{base.query + std::string(text), base.field};
    if (out.field)
        out.field->steps.insert(out.field->steps.end(), steps.begin(), steps.end());
    return out;
}

/// What a name stands for while walking: the sources it reads, and what completion and
/// navigation need to know of it.
struct Bound {
    Sources sources;
    NameKind kind = NameKind::Let;
    Span nameSpan;
    std::vector<std::string> keys;   ///< a table's rows, an object literal's keys
};

/// The keys an object literal is written with.
std::vector<std::string> keysOf(const ast::Expr* expr)
{
    std::vector<std::string> keys;
    if (const auto* object = expr ? expr->tryAs<ast::ObjectExpr>() : nullptr)
        for (const ast::ObjectEntry& entry : object->entries)
            keys.push_back(entry.key);
    return keys;
}

/// The inside of a block's braces (to the end of the text when it was left unclosed).
Span inside(Span open, Span close)
{
    return {open.end, close.begin >= open.end ? close.begin : UINT32_MAX};
}

class Lineage {
public:
    explicit Lineage(const LineIndex& lines) : lines_(lines) {}

    std::vector<LineageEntry> entries;

    /// Walks for namesAt(): the names visible at this offset are kept as they are there.
    void stopAt(std::uint32_t offset) { stopAt_ = offset; }
    [[nodiscard]] const std::optional<std::vector<ScopeName>>& captured() const { return captured_; }

    void body(const ast::Body& statements, const std::string& pointer, const Source& context, Span extent)
    {
        scopes_.emplace_back();
        const bool here = stopAt_ && extent.begin <= *stopAt_ && *stopAt_ <= extent.end;
        for (const ast::StmtPtr& stmt : statements) {
            // Before this statement, or inside one that opens no scope (a let's own name is not
            // visible in its value): the names so far. Inside a block's body, the block's walk
            // captures them; in its header (its source, its condition), the next statement.
            if (here && (*stopAt_ < stmt->span.begin || (*stopAt_ <= stmt->span.end && !isBlock(*stmt))))
                capture();
            statement(*stmt, pointer, context);
        }
        if (here)
            capture();
        scopes_.pop_back();
    }

private:
    void statement(const ast::Stmt& stmt, const std::string& pointer, const Source& context)
    {
        switch (stmt.kind) {
        case ast::StmtKind::Let: {
            const auto& let = stmt.as<ast::LetStmt>();
            scopes_.back()[let.name] = Bound{sources(*let.value, context), NameKind::Let, let.nameSpan, keysOf(let.value.get())};
            return;
        }
        case ast::StmtKind::Table: {
            const auto& table = stmt.as<ast::TableStmt>();
            scopes_.back()[table.name] = Bound{{}, NameKind::Table, table.nameSpan, keysOf(table.value.get())};
            return;
        }
        case ast::StmtKind::Rule: {
            const auto& rule = stmt.as<ast::RuleStmt>();
            add(pointerOf(pointer, rule.target), sources(*rule.value, context), stmt.span, LineageKind::Rule);
            return;
        }
        case ast::StmtKind::ObjectBlock: {
            const auto& block = stmt.as<ast::ObjectBlock>();
            body(block.body, pointerOf(pointer, block.target), context, inside(block.openBrace, block.closeBrace));
            return;
        }
        case ast::StmtKind::ArrayBlock: {
            const auto& block = stmt.as<ast::ArrayBlock>();
            const std::string target = pointerOf(pointer, block.target);
            const Sources source = sources(*block.source, context);
            add(target, source, stmt.span, LineageKind::Array);
            // A query that is not singular already yields the elements; a path yields the array.
            const bool selectsElements = block.source->kind == ast::ExprKind::JsonPath &&
                                         block.source->as<ast::JsonPathExpr>().query &&
                                         !block.source->as<ast::JsonPathExpr>().query->isSingular();
            const Source element = selectsElements && source.size() == 1 ? source.front() : elementsOf(source);
            scopes_.emplace_back();
            if (block.alias)
                scopes_.back()[*block.alias] = Bound{{element}, NameKind::Element, block.aliasSpan, {}};
            body(block.body, target + "/*", element, inside(block.openBrace, block.closeBrace));
            scopes_.pop_back();
            return;
        }
        case ast::StmtKind::When: {
            const auto& when = stmt.as<ast::WhenBlock>();
            body(when.body, pointer, context, inside(when.openBrace, when.closeBrace));
            body(when.elseBody, pointer, context, inside(when.elseOpenBrace, when.elseCloseBrace));
            return;
        }
        }
    }

    static bool isBlock(const ast::Stmt& stmt)
    {
        return stmt.kind == ast::StmtKind::ObjectBlock || stmt.kind == ast::StmtKind::ArrayBlock ||
               stmt.kind == ast::StmtKind::When;
    }

    /// The names visible now, outermost first (an inner one hides an outer one of that name).
    void capture()
    {
        if (captured_)
            return;
        std::map<std::string, const Bound*> visible;
        for (const auto& scope : scopes_)
            for (const auto& [name, bound] : scope)
                visible[name] = &bound;
        std::vector<ScopeName> out;
        for (const auto& [name, bound] : visible) {
            std::optional<FieldPath> field;
            if (bound->sources.size() == 1)
                field = bound->sources.front().field;
            out.push_back({name, bound->kind, lines_.range(bound->nameSpan), std::move(field), bound->keys});
        }
        std::sort(out.begin(), out.end(),
                  [](const ScopeName& a, const ScopeName& b) { return a.definition.start.offset < b.definition.start.offset; });
        captured_ = std::move(out);
    }

    static std::string pointerOf(const std::string& base, const ast::Target& target)
    {
        std::string pointer = base;
        for (const ast::PathSegment& segment : target.segments)
            rt::appendPointer(pointer, segment);
        return pointer;
    }

    /// The path of the elements of a source that is one path; "@" (no field) when it is not.
    static Source elementsOf(const Sources& source)
    {
        if (source.size() == 1)
            return extended(source.front(), "[*]", {FieldStep::elements()});
        return Source{"@", std::nullopt};
    }

    void add(const std::string& target, Sources sources, Span span, LineageKind kind)
    {
        entries.push_back({kind, target, std::move(sources), lines_.range(span)});
    }

    Sources lookup(const std::string& name) const
    {
        for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
            const auto found = scope->find(name);
            if (found != scope->end())
                return found->second.sources;
        }
        return {};
    }

    /// A simple path's steps read from a source.
    static Source read(const Source& from, const std::vector<ast::PathSegment>& segments)
    {
        std::string path;
        std::vector<FieldStep> steps;
        for (const ast::PathSegment& segment : segments) {
            if (segment.kind == ast::PathSegment::Kind::Index) {
                path += "[" + std::to_string(segment.index) + "]";
                steps.push_back(FieldStep::elements());
                continue;
            }
            path += syntax::isIdentifier(segment.name) ? "." + segment.name : "[" + Json(segment.name).dump() + "]";
            steps.push_back(FieldStep::member(segment.name));
        }
        return extended(from, path, steps);
    }

    /// A call that gives one element of the array its first argument reads (`first(.items)`),
    /// as the catalog says.
    static bool isElementOf(const ast::Expr& expr)
    {
        std::string_view callee;
        if (const auto* call = expr.tryAs<ast::CallExpr>())
            callee = call->callee;
        else if (const auto* pipe = expr.tryAs<ast::PipeExpr>())
            callee = pipe->callee;
        const std::vector<const CatalogEntry*> entries = findFunctions(callee);
        return std::any_of(entries.begin(), entries.end(), [](const CatalogEntry* e) { return e->returnsElement; });
    }

    Sources call(std::string_view name, const std::vector<const ast::Expr*>& args, const Source& context)
    {
        Sources out;
        const CatalogEntry* entry = nullptr;
        for (const CatalogEntry* candidate : findFunctions(name))
            if (candidate->acceptsArity(static_cast<int>(args.size())))
                entry = candidate;
        Sources first;
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (entry && entry->isPerElement(static_cast<int>(i))) {
                addAll(out, sources(*args[i], elementsOf(first)));
                continue;
            }
            Sources more = sources(*args[i], context);
            if (i == 0)
                first = more;
            addAll(out, more);
        }
        return out;
    }

    Sources sources(const ast::Expr& expr, const Source& context)
    {
        switch (expr.kind) {
        case ast::ExprKind::Literal: return {};
        case ast::ExprKind::Path: return {read(context, expr.as<ast::PathExpr>().segments)};
        case ast::ExprKind::Navigate: {
            // `o.id` reads the `id` of what `o` reads (the outer element); `first(.items).sku`
            // reads `sku` of an element of what the call reads.
            const auto& navigate = expr.as<ast::NavigateExpr>();
            Sources out;
            const ast::Expr& base = *navigate.base;
            const bool element = isElementOf(base);
            for (const Source& source : sources(base, context))
                out.push_back(read(element ? elementsOf({source}) : source, navigate.segments));
            return out;
        }
        case ast::ExprKind::JsonPath: {
            const auto& query = expr.as<ast::JsonPathExpr>();
            std::optional<std::vector<std::optional<std::string>>> childSteps;
            if (query.query)
                childSteps = query.query->childSteps();
            std::vector<FieldStep> steps;
            if (childSteps)
                for (const std::optional<std::string>& step : *childSteps)
                    steps.push_back(step ? FieldStep::member(*step) : FieldStep::elements());
            Source source = query.isRelative() ? extended(context, query.text.substr(1), steps)
                                               : Source{query.text, FieldPath{std::move(steps)}};
            if (!childSteps)
                source.field.reset();   // descendants, or a query that did not parse
            return {std::move(source)};
        }
        case ast::ExprKind::Name: return lookup(expr.as<ast::NameExpr>().name);
        case ast::ExprKind::Call: {
            const auto& c = expr.as<ast::CallExpr>();
            std::vector<const ast::Expr*> args;
            for (const ast::ExprPtr& arg : c.args)
                args.push_back(arg.get());
            return call(c.callee, args, context);
        }
        case ast::ExprKind::Pipe: {
            const auto& pipe = expr.as<ast::PipeExpr>();
            std::vector<const ast::Expr*> args{pipe.input.get()};
            for (const ast::ExprPtr& arg : pipe.args)
                args.push_back(arg.get());
            return call(pipe.callee, args, context);
        }
        case ast::ExprKind::Unary: return sources(*expr.as<ast::UnaryExpr>().operand, context);
        case ast::ExprKind::Binary: {
            const auto& binary = expr.as<ast::BinaryExpr>();
            Sources out = sources(*binary.left, context);
            addAll(out, sources(*binary.right, context));
            return out;
        }
        case ast::ExprKind::Array: {
            Sources out;
            for (const ast::ExprPtr& element : expr.as<ast::ArrayExpr>().elements)
                addAll(out, sources(*element, context));
            return out;
        }
        case ast::ExprKind::Object: {
            Sources out;
            for (const ast::ObjectEntry& entry : expr.as<ast::ObjectExpr>().entries)
                addAll(out, sources(*entry.value, context));
            return out;
        }
        }
        return {};
    }

    const LineIndex& lines_;
    std::vector<std::map<std::string, Bound>> scopes_;
    std::optional<std::uint32_t> stopAt_;
    std::optional<std::vector<ScopeName>> captured_;
};

} // namespace

namespace detail {

std::vector<LineageEntry> lineageOf(const ParsedSource& source)
{
    Lineage walker(source.lines);
    walker.body(source.parsed.document->statements, "", Source{"$", FieldPath{}}, Span{0, UINT32_MAX});
    return std::move(walker.entries);
}

std::vector<ScopeName> namesAt(const ParsedSource& source, std::uint32_t offset)
{
    Lineage walker(source.lines);
    walker.stopAt(offset);
    walker.body(source.parsed.document->statements, "", Source{"$", FieldPath{}}, Span{0, UINT32_MAX});
    return walker.captured().value_or(std::vector<ScopeName>{});
}

} // namespace detail

Json lineageToJson(const std::vector<LineageEntry>& lineage)
{
    Json out = Json::array();
    for (const LineageEntry& entry : lineage) {
        Json sources = Json::array();
        for (const LineageSource& source : entry.sources)
            sources.push_back(source.query);
        out.push_back({{"target", entry.target},
                       {"sources", std::move(sources)},
                       {"span", rangeToJson(entry.range)},
                       {"kind", entry.kind == LineageKind::Array ? "array" : "rule"}});
    }
    return out;
}

} // namespace mdsl
