// Where rules are (for breakpoints and run to cursor) and breakpoint conditions, evaluated
// by the engine itself: the condition becomes the one rule of a small mapping, with the
// document's top-level lets and tables, run over the context element.

#include "debug/recording_impl.h"

#include "mdsl/ast.h"
#include "mdsl/syntax.h"
#include "runtime/state.h"

namespace mdsl::debug {

namespace {

void collectRules(const ast::Body& body, const LineIndex& lines, std::vector<RuleLocation>& out)
{
    for (const ast::StmtPtr& stmt : body) {
        const auto location = [&](bool isBlock) {
            out.push_back({ lines.position(stmt->span.begin).line,
                lines.position(stmt->span.end > stmt->span.begin ? stmt->span.end - 1 : stmt->span.begin).line,
                stmt->span, isBlock });
        };
        switch (stmt->kind) {
        case ast::StmtKind::Rule: location(false); break;
        case ast::StmtKind::ArrayBlock:
            location(true);
            collectRules(stmt->as<ast::ArrayBlock>().body, lines, out);
            break;
        case ast::StmtKind::ObjectBlock: collectRules(stmt->as<ast::ObjectBlock>().body, lines, out); break;
        case ast::StmtKind::When: {
            const auto& when = stmt->as<ast::WhenBlock>();
            collectRules(when.body, lines, out);
            collectRules(when.elseBody, lines, out);
            break;
        }
        case ast::StmtKind::Let:
        case ast::StmtKind::Table: break;
        }
    }
}

void collectAliases(const ast::Body& body, std::map<std::uint32_t, std::string>& out)
{
    for (const ast::StmtPtr& stmt : body) {
        if (const auto* block = stmt->tryAs<ast::ArrayBlock>()) {
            if (block->alias)
                out[block->span.begin] = *block->alias;
            collectAliases(block->body, out);
        } else if (const auto* object = stmt->tryAs<ast::ObjectBlock>()) {
            collectAliases(object->body, out);
        } else if (const auto* when = stmt->tryAs<ast::WhenBlock>()) {
            collectAliases(when->body, out);
            collectAliases(when->elseBody, out);
        }
    }
}

} // namespace

std::vector<RuleLocation> ruleLocations(std::string_view text)
{
    std::vector<RuleLocation> out;
    const ParsedDocument parsed = parseDocument(text);
    if (!parsed.document)
        return out;
    const LineIndex lines(text);
    collectRules(parsed.document->statements, lines, out);
    return out;
}

int ruleLineFor(const std::vector<RuleLocation>& rules, int line)
{
    const RuleLocation* inner = nullptr;
    for (const RuleLocation& rule : rules) {
        if (rule.line <= line && line <= rule.lastLine && (!inner || rule.span.size() <= inner->span.size()))
            inner = &rule;
    }
    if (inner && (!inner->block || inner->line == line))
        return inner->line;
    // Inside a block's body (or between rules): the next rule, staying inside the block.
    for (const RuleLocation& rule : rules) {
        if (rule.line > line && (!inner || rule.lastLine <= inner->lastLine))
            return rule.line;
    }
    return inner ? inner->line : 0;
}

void Recording::Impl::prepareConditions()
{
    const ParsedDocument parsed = parseDocument(text);
    if (!parsed.document)
        return;
    for (const ast::StmtPtr& stmt : parsed.document->statements) {
        if (stmt->kind == ast::StmtKind::Let || stmt->kind == ast::StmtKind::Table)
            prelude += text.substr(stmt->span.begin, stmt->span.size()) + "\n";
    }
    collectAliases(parsed.document->statements, aliases);
}

ConditionResult Recording::evaluate(const std::string& condition, std::size_t i) const
{
    if (condition.find_first_not_of(" \t\r\n") == std::string::npos)
        return {true, {}};
    // The condition sits alone on its lines, in parentheses: a trailing comment cannot
    // swallow the closing parenthesis.
    std::string text = "mapping \"breakpoint condition\" version 2\n" + impl_->prelude;
    const std::optional<std::size_t> element = elementOf(i);
    if (element) {
        std::string as;
        if (const auto alias = impl_->aliases.find(event(*element).span.begin); alias != impl_->aliases.end())
            as = " as " + alias->second;
        text += "__debug[] <- each [" + context(i).dump(-1, ' ', false, Json::error_handler_t::replace) + "]" + as
              + " {\ncondition <- (\n" + condition + "\n)\n}\n";
    } else {
        text += "__debug <- (\n" + condition + "\n)\n";
    }
    const CompiledMapping compiled = compile(text, EngineKind::V2, Flags());
    if (!compiled.ok()) {
        for (const Diagnostic& d : compiled.diagnostics()) {
            if (d.severity == Severity::Error)
                return {false, "the condition is not valid: " + d.message};
        }
        return {false, "the condition is not valid"};
    }
    RunOptions options;
    options.limits.maxSteps = 100'000;
    options.limits.maxTime = std::chrono::milliseconds(250);
    options.limits.maxBuildBytes = 16u << 20;
    const RunResult result = run(compiled, *impl_->input, options);
    const Json* value = nullptr;
    if (result.output) {
        const Json::json_pointer where(element ? "/__debug/0/condition" : "/__debug");
        if (result.output->contains(where))
            value = &result.output->at(where);
    }
    if (value) {
        if (value->is_boolean())
            return {value->get<bool>(), {}};
        if (value->is_null())
            return {false, {}};
        return {false, "the condition gave " + rt::describe(*value) + ", not true or false"};
    }
    for (const Diagnostic& d : result.diagnostics) {
        if (d.severity == Severity::Error)
            return {false, "the condition failed: " + d.message};
    }
    return {false, {}};   // missing: does not hold
}

} // namespace mdsl::debug
