// analyze(): one parse of a text version, and every question about it answered from it.

#include "facade/analysis_impl.h"

#include "mdsl/checks.h"
#include "runtime/output.h"

namespace mdsl {

namespace detail {

namespace {

class OutlineWalker {
public:
    OutlineWalker(std::string_view text, const LineIndex& lines) : text_(text), lines_(lines) {}

    std::vector<OutlineEntry> entries;

    /// The parser nests blocks at most ParseOptions::maxDepth deep: the recursion is bounded.
    void body(const ast::Body& statements, const std::string& pointer, int parent)
    {
        for (const ast::StmtPtr& stmt : statements)
            statement(*stmt, pointer, parent);
    }

private:
    int add(OutlineKind kind, std::string name, std::string target, Span span, Span nameSpan, int parent)
    {
        entries.push_back({kind, std::move(name), std::move(target), {}, lines_.range(span), lines_.range(nameSpan), parent});
        return static_cast<int>(entries.size()) - 1;
    }

    std::string written(const ast::Target& target) const
    {
        return std::string(text_.substr(target.span.begin, target.span.size()));
    }

    static std::string pointerOf(const std::string& base, const ast::Target& target)
    {
        std::string pointer = base;
        for (const ast::PathSegment& segment : target.segments)
            rt::appendPointer(pointer, segment);
        return pointer;
    }

    void statement(const ast::Stmt& stmt, const std::string& pointer, int parent)
    {
        switch (stmt.kind) {
        case ast::StmtKind::Let: {
            const auto& let = stmt.as<ast::LetStmt>();
            add(OutlineKind::Let, let.name, {}, stmt.span, let.nameSpan, parent);
            return;
        }
        case ast::StmtKind::Table: {
            const auto& table = stmt.as<ast::TableStmt>();
            add(OutlineKind::Table, table.name, {}, stmt.span, table.nameSpan, parent);
            return;
        }
        case ast::StmtKind::Rule: {
            const auto& rule = stmt.as<ast::RuleStmt>();
            add(OutlineKind::Rule, written(rule.target), pointerOf(pointer, rule.target), stmt.span, rule.target.span,
                parent);
            return;
        }
        case ast::StmtKind::ObjectBlock: {
            const auto& block = stmt.as<ast::ObjectBlock>();
            const std::string target = pointerOf(pointer, block.target);
            const int self = add(OutlineKind::ObjectBlock, written(block.target), target, stmt.span, block.target.span, parent);
            body(block.body, target, self);
            return;
        }
        case ast::StmtKind::ArrayBlock: {
            const auto& block = stmt.as<ast::ArrayBlock>();
            const std::string target = pointerOf(pointer, block.target);
            const int self = add(OutlineKind::ArrayBlock, written(block.target), target, stmt.span, block.target.span, parent);
            if (block.alias)
                entries[static_cast<std::size_t>(self)].alias = *block.alias;
            body(block.body, target + "/*", self);
            return;
        }
        case ast::StmtKind::When: {
            const auto& when = stmt.as<ast::WhenBlock>();
            const Span keyword{stmt.span.begin, stmt.span.begin + 4};
            const int self = add(OutlineKind::When, {}, {}, stmt.span, keyword, parent);
            body(when.body, pointer, self);
            body(when.elseBody, pointer, self);
            return;
        }
        }
    }

    std::string_view text_;
    const LineIndex& lines_;
};

} // namespace

std::vector<OutlineEntry> outlineOf(const ParsedSource& source)
{
    OutlineWalker walker(source.text, source.lines);
    walker.body(source.parsed.document->statements, "", -1);
    return std::move(walker.entries);
}

} // namespace detail

std::string_view outlineKindName(OutlineKind kind) noexcept
{
    switch (kind) {
    case OutlineKind::Rule: return "rule";
    case OutlineKind::ObjectBlock: return "object";
    case OutlineKind::ArrayBlock: return "array";
    case OutlineKind::When: return "when";
    case OutlineKind::Let: return "let";
    case OutlineKind::Table: return "table";
    }
    return "rule";
}

const std::string& Analysis::text() const noexcept
{
    return impl_->source->text;
}

const Flags& Analysis::flags() const noexcept
{
    return impl_->flags;
}

const LineIndex& Analysis::lines() const noexcept
{
    return impl_->source->lines;
}

bool Analysis::syntaxOk() const noexcept
{
    return impl_->source->parsed.ok();
}

int Analysis::languageVersion(EngineKind engine) const
{
    return compiled(engine).languageVersion();
}

const CompiledMapping& Analysis::compiled(EngineKind engine) const
{
    const detail::AnalysisImpl& impl = *impl_;
    std::once_flag& once = engine == EngineKind::V1 ? impl.v1Once : impl.v2Once;
    std::optional<CompiledMapping>& slot = engine == EngineKind::V1 ? impl.v1 : impl.v2;
    std::call_once(once, [&] { slot = detail::compileParsed(impl.source, engine, impl.flags); });
    return *slot;
}

const std::vector<Diagnostic>& Analysis::diagnostics(EngineKind engine) const
{
    return compiled(engine).diagnostics();
}

const std::vector<Diagnostic>& Analysis::diagnostics(Route route) const
{
    return diagnostics(routedEngine(route, impl_->flags));
}

PreparedMapping Analysis::prepared(Route route) const
{
    const EngineKind engine = routedEngine(route, impl_->flags);
    std::optional<CompiledMapping> fallback;
    if (engine == EngineKind::V2 && impl_->flags.get(Flag::V1Fallback))
        fallback = compiled(EngineKind::V1);
    return detail::prepareCompiled(route, impl_->flags, compiled(engine), std::move(fallback));
}

RoutedAnswer Analysis::answer(Route route, RunStatus firstStatus) const noexcept
{
    return routedAnswer(route, impl_->flags, firstStatus);
}

const std::vector<OutlineEntry>& Analysis::outline() const
{
    std::call_once(impl_->outlineOnce, [this] { impl_->outline = detail::outlineOf(*impl_->source); });
    return impl_->outline;
}

const std::vector<LineageEntry>& Analysis::lineage() const
{
    std::call_once(impl_->lineageOnce, [this] { impl_->lineage = detail::lineageOf(*impl_->source); });
    return impl_->lineage;
}

std::vector<ScopeName> Analysis::namesAt(std::uint32_t offset) const
{
    return detail::namesAt(*impl_->source, offset);
}

std::optional<NameReferences> Analysis::referencesAt(std::uint32_t offset) const
{
    return detail::referencesAt(*impl_->source, offset);
}

Analysis analyze(std::string_view text, const Flags& flags)
{
    auto impl = std::make_shared<detail::AnalysisImpl>();
    impl->source = detail::parseSource(text);
    impl->flags = flags;
    Analysis analysis;
    analysis.impl_ = std::move(impl);
    return analysis;
}

} // namespace mdsl
