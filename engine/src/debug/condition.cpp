// Where rules are (for breakpoints and run to cursor) and breakpoint conditions. A condition
// is checked and compiled once per rule, by the engine's own stages: it is put in the document
// as a `let` just before the rule (so it sees exactly the names the rule sees), the document
// is parsed and validated under the recording's flags, and the V2 compiler makes a plan of it.
// Each stop candidate then evaluates the condition's plan node with the slots it reads filled
// from the recording (elements for `as` names, the trace values of the `let`s).

#include "debug/recording_impl.h"

#include "mdsl/ast.h"
#include "mdsl/syntax.h"
#include "mdsl/checks.h"
#include "runtime/state.h"
#include "v2/plan.h"

#include <algorithm>

namespace mdsl::debug {

/// Where a name the condition reads gets its value from at an event.
struct SlotSource {
    enum class Kind { None, Let, Alias };
    Kind kind = Kind::None;
    std::uint64_t valueKey = 0;            ///< Let: its value's span (begin << 32 | end)
    std::optional<std::uint32_t> block;    ///< the array block it belongs to (span begin)
};

struct CompiledCondition {
    ConditionError error;                  ///< not empty: the condition is not valid
    std::string condition;
    std::uint32_t start = 0;               ///< the condition's offset in the checked text
    ParsedDocument parsed;                 ///< the plan's queries point into it
    std::unique_ptr<v2::Plan> plan;
    const v2::Node* node = nullptr;
    std::vector<SlotSource> sources;       ///< by slot
    std::vector<int> reads;                ///< the slots the condition reads
    bool readsContext = false;             ///< it reads `.` (a path or a relative query)
};

namespace {

/// The name of the `let` a condition becomes; a leading `__` keeps it out of authors' way.
constexpr std::string_view kConditionName = "__breakpoint_condition";

std::uint64_t letValueKey(Span span)
{
    return (std::uint64_t(span.begin) << 32) | span.end;
}

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

void collectLetValues(const ast::Body& body, std::vector<std::uint64_t>& out)
{
    for (const ast::StmtPtr& stmt : body) {
        if (const auto* let = stmt->tryAs<ast::LetStmt>()) {
            out.push_back(letValueKey(let->value->span));
        } else if (const auto* table = stmt->tryAs<ast::TableStmt>()) {
            out.push_back(letValueKey(table->value->span));
        } else if (const auto* block = stmt->tryAs<ast::ArrayBlock>()) {
            collectLetValues(block->body, out);
        } else if (const auto* object = stmt->tryAs<ast::ObjectBlock>()) {
            collectLetValues(object->body, out);
        } else if (const auto* when = stmt->tryAs<ast::WhenBlock>()) {
            collectLetValues(when->body, out);
            collectLetValues(when->elseBody, out);
        }
    }
}

/// Every name a `let`, `table` or `each ... as` defines, with the 1-based line of its first
/// definition. Blocks nest as deep as the parser allows (it bounds the depth).
void collectDefinitions(const ast::Body& body, const LineIndex& lines, std::unordered_map<std::string, int>& out)
{
    const auto define = [&](const std::string& name, Span span) {
        out.emplace(name, int(lines.position(span.begin).line));
    };
    for (const ast::StmtPtr& stmt : body) {
        if (const auto* let = stmt->tryAs<ast::LetStmt>()) {
            define(let->name, let->nameSpan);
        } else if (const auto* table = stmt->tryAs<ast::TableStmt>()) {
            define(table->name, table->nameSpan);
        } else if (const auto* block = stmt->tryAs<ast::ArrayBlock>()) {
            if (block->alias)
                define(*block->alias, block->aliasSpan);
            collectDefinitions(block->body, lines, out);
        } else if (const auto* object = stmt->tryAs<ast::ObjectBlock>()) {
            collectDefinitions(object->body, lines, out);
        } else if (const auto* when = stmt->tryAs<ast::WhenBlock>()) {
            collectDefinitions(when->body, lines, out);
            collectDefinitions(when->elseBody, lines, out);
        }
    }
}

/// An error of `wording` at `offset` within the condition (nullopt: no position).
ConditionError conditionError(std::string_view wording, const std::string& condition, std::optional<std::uint32_t> offset,
                              std::vector<std::string> args = {}, std::optional<Diagnostic> diagnostic = std::nullopt)
{
    ConditionError error;
    error.wording = std::string(wording);
    error.args = std::move(args);
    error.diagnostic = std::move(diagnostic);
    if (offset) {
        const LineIndex lines(condition);
        const Position at = lines.position(std::min<std::uint32_t>(*offset, std::uint32_t(condition.size())));
        error.line = int(at.line);
        error.column = int(at.column);
        error.multiline = lines.lineCount() > 1;
    }
    return error;
}

/// A watch (or condition) that has no value here, and why.
WatchValue noValue(ConditionError error)
{
    WatchValue out;
    out.error = std::move(error);
    return out;
}

/// A run-time error as the diagnostic it would be in a run's result.
Diagnostic diagnosticOf(const rt::RuntimeError& error)
{
    Diagnostic d;
    d.code = error.code;
    d.message = error.message;
    d.args = error.args;
    d.wording = error.wording;
    return d;
}

/// Where a condition's span starts, within the condition.
std::uint32_t offsetInCondition(const CompiledCondition& c, std::uint32_t offset)
{
    return offset < c.start ? 0 : std::min<std::uint32_t>(offset - c.start, std::uint32_t(c.condition.size()));
}

/// A value the trace did not copy (runtime/state.cpp describes it instead: too large, too deep).
bool isUnrecorded(const Json& value)
{
    if (!value.is_string())
        return false;
    const std::string& text = value.get_ref<const std::string&>();
    return text.starts_with("(")
        && (text.ends_with(" not recorded: the trace is too large)") || text.ends_with(" nested too deep to record)"));
}

/// Where a condition goes on with a second statement (a token after a line break outside any
/// bracket), if it does: it would become statements of the mapping.
std::optional<std::uint32_t> secondStatement(const std::string& condition)
{
    const LexResult lexed = tokenize(condition);
    int depth = 0;
    bool lineEnded = false;
    for (const Token& token : lexed.tokens) {
        switch (token.kind) {
        case TokenKind::LParen:
        case TokenKind::LBracket:
        case TokenKind::LBrace: ++depth; break;
        case TokenKind::RParen:
        case TokenKind::RBracket:
        case TokenKind::RBrace: --depth; break;
        default: break;
        }
        if (token.kind == TokenKind::EndOfFile)
            return std::nullopt;
        if (lineEnded)
            return token.span.begin;
        lineEnded = token.kind == TokenKind::Newline && depth <= 0;
    }
    return std::nullopt;
}

/// The first syntax error of a condition parsed on its own, under the document's header line,
/// with its position in the condition; nullopt when it parses.
std::optional<ConditionError> syntaxErrorAlone(const std::string& text, const std::string& condition)
{
    std::string header = "mapping \"m\" version 2";
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string_view line(text.data() + at, end - at);
        if (line.starts_with("mapping ")) {
            header = std::string(line);
            break;
        }
        at = end + 1;
    }
    const std::string head = header + "\nlet " + std::string(kConditionName) + " = ";
    const ParsedDocument alone = parseDocument(head + condition + "\n");
    for (const Diagnostic& d : alone.diagnostics) {
        if (d.severity == Severity::Error) {
            const std::uint32_t offset = d.range.start.offset < head.size() ? 0 : d.range.start.offset - std::uint32_t(head.size());
            return conditionError("condition.invalid", condition, std::min<std::uint32_t>(offset, std::uint32_t(condition.size())), {}, d);
        }
    }
    return std::nullopt;
}

/// Finds the condition's `let` in the plan and says where every other slot's value comes from.
class ConditionSlots {
public:
    ConditionSlots(CompiledCondition& c, std::uint32_t letBegin, std::uint32_t inserted)
        : c_(c), letBegin_(letBegin), inserted_(inserted)
    {
        c_.sources.resize(std::size_t(c_.plan->slotCount));
    }

    void walk(const std::vector<v2::Statement>& body, std::optional<std::uint32_t> block)
    {
        for (const v2::Statement& s : body) {
            switch (s.op) {
            case v2::StmtOp::Let:
                if (s.span.begin == letBegin_)
                    c_.node = s.value.get();
                else
                    c_.sources[std::size_t(s.slot)]
                        = {SlotSource::Kind::Let, letValueKey(original(s.value->span)), block};
                break;
            case v2::StmtOp::ArrayBlock: {
                const std::uint32_t begin = original(s.span).begin;
                if (s.slot >= 0)
                    c_.sources[std::size_t(s.slot)] = {SlotSource::Kind::Alias, 0, begin};
                walk(s.body, begin);
                break;
            }
            case v2::StmtOp::When:
                walk(s.body, block);
                walk(s.elseBody, block);
                break;
            case v2::StmtOp::Rule: break;
            }
        }
    }

    /// The slots a node reads and whether it reads the context. The parser bounds the depth.
    void reads(const v2::Node& node)
    {
        if (node.op == v2::Op::Slot && std::find(c_.reads.begin(), c_.reads.end(), node.slot) == c_.reads.end())
            c_.reads.push_back(node.slot);
        if (node.op == v2::Op::Path || node.op == v2::Op::Query)
            c_.readsContext = true;
        for (const auto& kid : node.kids)
            reads(*kid);
    }

private:
    /// A span of the checked text as a span of the recording's text.
    [[nodiscard]] Span original(Span span) const
    {
        const auto back = [&](std::uint32_t offset) { return offset >= letBegin_ ? offset - inserted_ : offset; };
        return {back(span.begin), back(span.end)};
    }

    CompiledCondition& c_;
    std::uint32_t letBegin_;
    std::uint32_t inserted_;
};

/// Parses, checks and compiles a condition in the scope of the statement starting at `at`.
std::shared_ptr<const CompiledCondition> compileCondition(const std::string& text, const Flags& flags,
                                                          EngineKind engine, const std::string& condition,
                                                          std::uint32_t at)
{
    auto c = std::make_shared<CompiledCondition>();
    c->condition = condition;
    if (const std::optional<std::uint32_t> extra = secondStatement(condition)) {
        c->error = conditionError("condition.one-expression", condition, *extra);
        return c;
    }
    // The condition ends its line: a trailing comment ends there too.
    const std::string head = "\nlet " + std::string(kConditionName) + " = ";
    const std::string tail = "\n";
    const std::uint32_t letBegin = at + 1;
    c->start = at + std::uint32_t(head.size());
    const std::string checked = text.substr(0, at) + head + condition + tail + text.substr(at);
    const auto inserted = std::uint32_t(checked.size() - text.size());

    c->parsed = parseDocument(checked);
    std::vector<Diagnostic> diagnostics = c->parsed.diagnostics;
    if (c->parsed.ok()) {
        ValidateOptions options;
        options.flags = flags;
        options.engine = engine;
        diagnostics = checkDocument(*c->parsed.document, checked, options);
    }
    for (const Diagnostic& d : diagnostics) {
        if (d.severity != Severity::Error)
            continue;
        // A syntax error found before the condition (an unclosed bracket of the condition
        // swallows the rest of the mapping, and the parser blames the enclosing block): said
        // where it is in the condition itself. One past its end stays at its end.
        if (!c->parsed.ok() && d.range.start.offset < c->start) {
            if (std::optional<ConditionError> own = syntaxErrorAlone(text, condition)) {
                c->error = std::move(*own);
                return c;
            }
        }
        c->error = conditionError("condition.invalid", condition, offsetInCondition(*c, d.range.start.offset), {}, d);
        return c;
    }
    c->plan = v2::compile(*c->parsed.document);
    ConditionSlots slots(*c, letBegin, inserted);
    slots.walk(c->plan->statements, std::nullopt);
    // The condition must stay one expression (secondStatement() looked at its tokens).
    if (!c->node || c->node->span.begin < c->start || c->node->span.end > c->start + condition.size()) {
        c->error = conditionError("condition.one-expression", condition, std::nullopt);
        c->node = nullptr;
        return c;
    }
    slots.reads(*c->node);
    return c;
}

} // namespace

const std::vector<Wording>& conditionWordings()
{
    // {0}: the position (one of the last two), {1}: the diagnostic's message or args[0].
    static const std::vector<Wording> table = {
        {"condition.invalid", "the condition is not valid{0}: {1}"},
        {"condition.one-expression", "the condition is not valid{0}: it must be one expression"},
        {"condition.failed", "the condition failed{0}: {1}"},
        {"condition.not-boolean", "the condition gave {1}, not true or false", "1"},
        {"condition.context-unrecorded",
            "the current element was not recorded (the trace is too large): the condition cannot read it"},
        {"condition.value-unrecorded",
            "the value of `{1}`{0} was not recorded here (the trace is too large): the condition cannot read it"},
        {"condition.too-many-checks", "stopped after checking conditions {1} times"},
        {"condition.at-column", " (column {1})"},
        {"condition.at-line", " (line {0}, column {1})"},
    };
    return table;
}

std::string_view ConditionError::positionWording() const noexcept
{
    if (line == 0)
        return {};
    return multiline ? "condition.at-line" : "condition.at-column";
}

std::string ConditionError::message() const
{
    const Wording* entry = findWording(conditionWordings(), wording);
    if (!entry)
        return wording;
    std::string position;
    if (const Wording* at = findWording(conditionWordings(), positionWording()))
        position = formatMessage(at->pattern, {std::to_string(line), std::to_string(column)});
    std::vector<std::string> all{position};
    if (diagnostic)
        all.push_back(diagnostic->message);
    for (std::size_t k = 0; k < args.size(); ++k) {
        const bool phrase = entry->phraseArgs.find(char('0' + all.size())) != std::string_view::npos;
        all.push_back(phrase ? phraseText(args[k]) : args[k]);
    }
    return formatMessage(entry->pattern, all);
}

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
    std::vector<std::uint64_t> keys;
    collectLetValues(parsed.document->statements, keys);
    collectDefinitions(parsed.document->statements, lines, definitions);
    for (const std::uint64_t key : keys)
        letValues[key];
    const std::vector<TraceEvent>& events = result.trace;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].kind != TraceKind::Value)
            continue;
        if (const auto found = letValues.find(letValueKey(events[i].span)); found != letValues.end())
            found->second.push_back(i);
    }
}

std::shared_ptr<const CompiledCondition> Recording::Impl::conditionFor(const std::string& condition,
                                                                       std::uint32_t ruleBegin) const
{
    const std::lock_guard lock(conditionsMutex);
    auto key = std::make_pair(condition, ruleBegin);
    if (const auto found = conditions.find(key); found != conditions.end())
        return found->second;
    // Bounded: conditions typed one after the other in the studio are not all kept.
    if (conditions.size() >= 256)
        conditions.clear();
    ++compilations;
    auto compiled = compileCondition(text, flags, result.engine, condition, ruleBegin);
    conditions.emplace(std::move(key), compiled);
    return compiled;
}

std::size_t Recording::Impl::enclosingElement(std::size_t i, std::uint32_t blockBegin) const
{
    std::size_t e = element.at(i);
    while (e != kNone) {
        if (result.trace[e].span.begin == blockBegin)
            return e;
        e = parent[e] == kNone ? kNone : element[parent[e]];
    }
    return kNone;
}

std::size_t Recording::conditionsCompiled() const noexcept { return impl_->compilations.load(); }

ConditionResult Recording::evaluate(const std::string& condition, std::size_t i) const
{
    const std::optional<std::size_t> rule = ruleOf(i);
    // Outside any rule: the scope of the document's end (every top-level name).
    return evaluateAtRule(condition, rule ? event(*rule).span.begin : std::uint32_t(impl_->text.size()), i);
}

WatchValue Recording::watch(const std::string& expression, std::size_t i) const
{
    if (expression.find_first_not_of(" \t\r\n") == std::string::npos || i >= size())
        return {};
    const std::optional<std::size_t> rule = ruleOf(i);
    WatchValue out
        = valueAtRule(expression, rule ? event(*rule).span.begin : std::uint32_t(impl_->text.size()), i);
    // An unknown name the mapping does define elsewhere: out of scope at this rule.
    if (out.error.diagnostic && out.error.diagnostic->code == "E201" && !out.error.diagnostic->args.empty()) {
        const std::string& name = out.error.diagnostic->args.front();
        if (const auto found = impl_->definitions.find(name); found != impl_->definitions.end()) {
            out.outOfScopeName = name;
            out.outOfScopeLine = found->second;
        }
    }
    return out;
}

ConditionResult Recording::evaluateAtRule(const std::string& condition, std::uint32_t ruleBegin,
                                          std::size_t i) const
{
    if (condition.find_first_not_of(" \t\r\n") == std::string::npos)
        return {true, {}};
    WatchValue value = valueAtRule(condition, ruleBegin, i);
    if (!value.error.empty())
        return {false, std::move(value.error)};
    if (!value.value || value.value->is_null())
        return {false, {}};   // missing or null: does not hold
    if (value.value->is_boolean())
        return {value.value->get<bool>(), {}};
    return {false, conditionError("condition.not-boolean", condition, std::nullopt,
                                  {std::string(rt::typeId(*value.value))})};
}

WatchValue Recording::valueAtRule(const std::string& condition, std::uint32_t ruleBegin, std::size_t i) const
{
    const std::shared_ptr<const CompiledCondition> c = impl_->conditionFor(condition, ruleBegin);
    if (!c->error.empty())
        return noValue(c->error);
    const std::vector<TraceEvent>& events = impl_->result.trace;

    // The values of the names the condition reads, as they were at event i.
    std::vector<rt::Value> slots(std::size_t(c->plan->slotCount));
    std::vector<char> unreadable;
    for (const int slot : c->reads) {
        const SlotSource& source = c->sources[std::size_t(slot)];
        const std::size_t element = source.block ? impl_->enclosingElement(i, *source.block) : kNone;
        const std::optional<Json>* value = nullptr;
        if (source.kind == SlotSource::Kind::Alias && element != kNone) {
            value = &events[element].value;
        } else if (source.kind == SlotSource::Kind::Let && (!source.block || element != kNone)) {
            // The latest time the `let` ran in the same element (at top level: at all) before i.
            static const std::vector<std::size_t> kNoRuns;
            const auto found = impl_->letValues.find(source.valueKey);
            const std::vector<std::size_t>& runs = found == impl_->letValues.end() ? kNoRuns : found->second;
            for (auto k = std::lower_bound(runs.begin(), runs.end(), i); k != runs.begin();) {
                --k;
                if (impl_->element[*k] == element) {
                    value = &events[*k].value;
                    break;
                }
                if (element != kNone && *k < element)
                    break;
            }
        }
        if (!value || !value->has_value())
            continue;   // missing: not run (yet) here, or failed
        if (isUnrecorded(**value)) {
            // An error only if the condition does read it here (`and`, `or`, `??` may not).
            unreadable.resize(slots.size());
            unreadable[std::size_t(slot)] = 1;
            continue;
        }
        slots[std::size_t(slot)] = rt::Value::borrow(**value);
    }
    const Json& here = context(i);
    if (c->readsContext && isUnrecorded(here))
        return noValue(conditionError("condition.context-unrecorded", c->condition, std::nullopt));

    RunOptions options;
    options.limits.maxSteps = 100'000;
    options.limits.maxTime = std::chrono::milliseconds(250);
    options.limits.maxBuildBytes = 16u << 20;
    rt::RunState state(options, *impl_->input);
    if (const std::optional<std::size_t> element = elementOf(i))
        state.elementIndex = events[*element].index;
    try {
        rt::Value value = v2::evaluateWith(*c->plan, *c->node, state, here, std::move(slots), std::move(unreadable));
        if (value.isMissing())
            return {};
        WatchValue out;
        out.value = std::move(value).take();
        return out;
    } catch (const v2::UnreadableSlot& unread) {
        return noValue(conditionError("condition.value-unrecorded", c->condition,
                                      offsetInCondition(*c, unread.span.begin),
                                      {c->plan->slotNames[std::size_t(unread.slot)]}));
    } catch (const rt::Failure& failure) {
        const std::uint32_t at = offsetInCondition(*c, failure.error.span.begin);
        return noValue(conditionError("condition.failed", c->condition, at, {}, diagnosticOf(failure.error)));
    }
}

} // namespace mdsl::debug
