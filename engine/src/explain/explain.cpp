#include "mdsl/explain.h"

#include "util/pointer.h"

#include <algorithm>
#include <cctype>

namespace mdsl {

std::string_view whyKindName(WhyKind kind) noexcept
{
    switch (kind) {
    case WhyKind::Written: return "written";
    case WhyKind::WrittenInside: return "written-inside";
    case WhyKind::Element: return "element";
    case WhyKind::Contains: return "contains";
    case WhyKind::Missing: return "missing";
    case WhyKind::NoValue: return "no-value";
    case WhyKind::Null: return "null";
    case WhyKind::Failed: return "failed";
    case WhyKind::NotRun: return "not-run";
    case WhyKind::NotTargeted: return "not-targeted";
    case WhyKind::TraceCut: return "trace-cut";
    }
    return "not-targeted";
}

namespace {
namespace explainer {

constexpr std::size_t kRuleTextBytes = 80;

bool contains(Span outer, Span inner)
{
    return outer.begin <= inner.begin && inner.end <= outer.end;
}

/// A lineage target ("/order/lines/*/sku") matches a location: `*` stands for any index.
bool matchesPattern(std::string_view pattern, std::string_view pointer)
{
    std::size_t p = 0;
    std::size_t q = 0;
    while (p < pattern.size() && q < pointer.size()) {
        const std::size_t pEnd = std::min(pattern.find('/', p + 1), pattern.size());
        const std::size_t qEnd = std::min(pointer.find('/', q + 1), pointer.size());
        const std::string_view ps = pattern.substr(p, pEnd - p);
        const std::string_view qs = pointer.substr(q, qEnd - q);
        const bool index = qs.size() > 1 && std::all_of(qs.begin() + 1, qs.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
        if (ps != qs && !(ps == "/*" && index))
            return false;
        p = pEnd;
        q = qEnd;
    }
    return p == pattern.size() && q == pointer.size();
}

/// A lineage target with its `*` replaced by the indexes of the elements being built, outermost first.
std::string concretize(std::string_view pattern, const std::vector<std::int64_t>& indexes)
{
    std::string out;
    std::size_t next = 0;
    std::size_t p = 0;
    while (p < pattern.size()) {
        const std::size_t end = std::min(pattern.find('/', p + 1), pattern.size());
        const std::string_view segment = pattern.substr(p, end - p);
        if (segment == "/*" && next < indexes.size())
            out += "/" + std::to_string(indexes[next++]);
        else
            out += segment;
        p = end;
    }
    return out;
}

std::string_view spanText(const std::string& text, Span span)
{
    if (span.begin >= text.size() || span.end < span.begin)
        return {};
    return std::string_view(text).substr(span.begin, std::min<std::size_t>(span.end, text.size()) - span.begin);
}

/// An expression that only reads a path (".contact.fax", "$.items[0]", "o.sku"): its absence is
/// the input's, not a function's.
bool isPath(std::string_view expr)
{
    if (expr.empty())
        return false;
    const char first = expr.front();
    if (first != '.' && first != '$' && first != '@' && std::isalpha(static_cast<unsigned char>(first)) == 0 && first != '_')
        return false;
    bool quoted = false;
    for (const char c : expr) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '(' || c == ' ' || c == '?' || c == '|'))
            return false;
    }
    return expr.find_first_of(".[") != std::string_view::npos || first == '$' || first == '@';
}

class Explainer {
public:
    Explainer(const RunResult& run, const Analysis& mapping, std::string_view pointer)
        : run_(run), mapping_(mapping), text_(mapping.text()), pointer_(pointer)
    {
    }

    Why answer()
    {
        scan();
        Why why;
        why.pointer = std::string(pointer_);
        why.traceTruncated = run_.traceTruncated;
        why.fallback = run_.fallback;
        if (exactWrite_) {
            why.kind = WhyKind::Written;
            why.target = why.pointer;
            why.rule = ruleAt(exactWrite_->span);
        } else if (element_) {
            why.kind = WhyKind::Element;
            why.target = why.pointer;
            why.rule = ruleAt(element_->span);
            why.index = element_->index;
        } else if (exactMiss_) {
            describeMiss(why, *exactMiss_);
        } else if (ancestorWrite_) {
            why.kind = WhyKind::WrittenInside;
            why.target = ancestorWrite_->target;
            why.rule = ruleAt(ancestorWrite_->span);
        } else if (innerWrite_ && present()) {
            why.kind = WhyKind::Contains;
            why.target = innerWrite_->target;
            why.rule = ruleAt(innerWrite_->span);
        } else if (innerMiss_) {
            describeMiss(why, *innerMiss_);
        } else {
            for (const LineageEntry& entry : mapping_.lineage()) {
                if (matchesPattern(entry.target, pointer_))
                    why.candidates.push_back(ruleOf(entry));
            }
            why.kind = run_.traceTruncated ? WhyKind::TraceCut : why.candidates.empty() ? WhyKind::NotTargeted : WhyKind::NotRun;
        }
        why.english = english(why);
        return why;
    }

private:
    /// Something a rule did not write, with what the trace says of it.
    struct Miss {
        TraceKind kind = TraceKind::Skip;
        Span span;                 ///< the rule (skip) or the failing expression (error)
        std::string target;
        std::string reason;        ///< skip reason or error code
        std::optional<Span> missing;   ///< the innermost missing value the rule evaluated
        Span lastValue;            ///< the last value the rule evaluated (a null source)
    };
    struct Event {
        Span span;
        std::string target;
        std::int64_t index = -1;
    };

    void scan()
    {
        std::optional<Span> missing;   // innermost missing value since the rule started
        Span lastValue;
        std::vector<std::int64_t> indexes;   // the elements being built, outermost first
        std::size_t longestAncestor = 0;
        for (const TraceEvent& event : run_.trace) {
            switch (event.kind) {
            case TraceKind::RuleEntered:
                missing.reset();
                break;
            case TraceKind::Value:
                if (!event.value && !missing)
                    missing = event.span;
                lastValue = event.span;
                break;
            case TraceKind::ElementEntered:
                indexes.push_back(event.index);
                if (event.target == pointer_)
                    element_ = Event{event.span, event.target, event.index};
                break;
            case TraceKind::ElementLeft:
                if (!indexes.empty())
                    indexes.pop_back();
                break;
            case TraceKind::Write:
                if (event.target == pointer_) {
                    exactWrite_ = Event{event.span, event.target};
                } else if (util::pointerWithin(pointer_, event.target) && event.target.size() >= longestAncestor) {
                    longestAncestor = event.target.size();
                    ancestorWrite_ = Event{event.span, event.target};
                } else if (!innerWrite_ && util::pointerWithin(event.target, pointer_)) {
                    innerWrite_ = Event{event.span, event.target};
                }
                break;
            case TraceKind::Skip:
                noteMiss(Miss{event.kind, event.span, event.target, event.reason, missing, lastValue});
                break;
            case TraceKind::Error: {
                // An error carries no target: the failing rule's, as the lineage writes it, at
                // the elements being built.
                const std::optional<const LineageEntry*> entry = lineageAt(event.span);
                if (entry)
                    noteMiss(Miss{event.kind, event.span, concretize((*entry)->target, indexes), event.reason, missing, lastValue});
                break;
            }
            }
        }
    }

    /// The run's output has a value at the location.
    [[nodiscard]] bool present() const
    {
        if (!run_.output)
            return false;
        try {
            return run_.output->contains(Json::json_pointer(std::string(pointer_)));
        } catch (const Json::exception&) {
            return false;   // not a pointer, or an index that is not a number
        }
    }

    void noteMiss(Miss miss)
    {
        if (miss.target == pointer_)
            exactMiss_ = std::move(miss);
        else if (!innerMiss_ && util::pointerWithin(miss.target, pointer_))
            innerMiss_ = std::move(miss);   // the first one: it reads best in order
    }

    void describeMiss(Why& why, const Miss& miss) const
    {
        why.target = miss.target;
        why.rule = ruleAt(miss.span);
        if (miss.kind == TraceKind::Error) {
            why.kind = WhyKind::Failed;
            why.code = miss.reason;
            for (const Diagnostic& d : run_.diagnostics) {
                if (d.code == miss.reason && d.range.start.offset == miss.span.begin) {
                    why.message = d.message;
                    why.args = d.args;
                    why.wording = d.wording;
                    break;
                }
            }
            return;
        }
        if (miss.reason == "source null") {
            why.kind = WhyKind::Null;
            why.path = std::string(spanText(text_, miss.lastValue));
            return;
        }
        const std::string_view expr = miss.missing ? spanText(text_, *miss.missing) : std::string_view();
        why.kind = isPath(expr) ? WhyKind::Missing : WhyKind::NoValue;
        why.path = std::string(expr);
    }

    /// The innermost lineage entry (rule or array block) around a span.
    [[nodiscard]] std::optional<const LineageEntry*> lineageAt(Span span) const
    {
        const LineageEntry* best = nullptr;
        for (const LineageEntry& entry : mapping_.lineage()) {
            const Span range{entry.range.start.offset, entry.range.end.offset};
            if (contains(range, span) && (!best || range.size() < best->range.end.offset - best->range.start.offset))
                best = &entry;
        }
        return best ? std::optional(best) : std::nullopt;
    }

    [[nodiscard]] WhyRule ruleOf(const LineageEntry& entry) const
    {
        return ruleFor(Span{entry.range.start.offset, entry.range.end.offset});
    }

    [[nodiscard]] std::optional<WhyRule> ruleAt(Span span) const
    {
        if (const std::optional<const LineageEntry*> entry = lineageAt(span))
            return ruleOf(**entry);
        return ruleFor(span);
    }

    [[nodiscard]] WhyRule ruleFor(Span span) const
    {
        WhyRule rule;
        rule.span = span;
        rule.line = mapping_.lines().position(span.begin).line;
        std::string_view text = spanText(text_, span);
        text = text.substr(0, std::min(text.find('\n'), text.size()));
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0)
            text.remove_suffix(1);
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0)
            text.remove_prefix(1);
        // One space for each run of blanks: the formatter aligns the arrows of a group, and
        // "fax      <- .contact.fax" reads badly once quoted in a sentence.
        std::string line;
        line.reserve(text.size());
        for (const char c : text) {
            const bool blank = c == ' ' || c == '\t';
            if (!blank || line.empty() || line.back() != ' ')
                line += blank ? ' ' : c;
        }
        if (line.size() > kRuleTextBytes) {
            std::size_t cut = kRuleTextBytes;
            while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
                --cut;   // not inside a UTF-8 sequence
            rule.text = line.substr(0, cut) + "…";
        } else {
            rule.text = std::move(line);
        }
        return rule;
    }

    const RunResult& run_;
    const Analysis& mapping_;
    const std::string& text_;
    std::string_view pointer_;
    std::optional<Event> exactWrite_;
    std::optional<Event> element_;
    std::optional<Event> ancestorWrite_;
    std::optional<Event> innerWrite_;
    std::optional<Miss> exactMiss_;
    std::optional<Miss> innerMiss_;

public:
    static std::string english(const Why& why);
};

std::string ruleWords(const Why& why)
{
    if (!why.rule)
        return "a rule";
    return "the rule at line " + std::to_string(why.rule->line) + " `" + why.rule->text + "`";
}

std::string Explainer::english(const Why& why)
{
    std::string out;
    const std::string line = why.rule ? std::to_string(why.rule->line) : std::string("?");
    switch (why.kind) {
    case WhyKind::Written:
        out = "written by " + ruleWords(why);
        break;
    case WhyKind::WrittenInside:
        out = "inside the value written at " + why.target + " by " + ruleWords(why);
        break;
    case WhyKind::Element:
        out = "element " + std::to_string(why.index) + " of the array block at line " + line;
        break;
    case WhyKind::Contains:
        out = "holds what rules wrote inside it, first at " + why.target + " by " + ruleWords(why);
        break;
    case WhyKind::Missing:
        out = "`" + why.path + "` is missing in the input (rule at line " + line + ")";
        break;
    case WhyKind::NoValue:
        out = "`" + why.path + "` gives no value (rule at line " + line + ")";
        break;
    case WhyKind::Null:
        out = "`" + why.path + "` is null in the input (array block at line " + line + ")";
        break;
    case WhyKind::Failed:
        out = "error " + why.code + " in the rule at line " + line + (why.message.empty() ? "" : ": " + why.message);
        break;
    case WhyKind::NotRun: {
        std::string lines;
        for (const WhyRule& rule : why.candidates)
            lines += (lines.empty() ? "" : ", ") + std::to_string(rule.line);
        out = why.candidates.size() == 1 ? "the rule at line " + lines + " writes it but did not run"
                                         : "the rules at lines " + lines + " write it but none ran";
        break;
    }
    case WhyKind::NotTargeted:
        out = "no rule writes it";
        break;
    case WhyKind::TraceCut:
        out = "not known: the trace was cut before it was recorded";
        break;
    }
    const bool missed = why.kind == WhyKind::Missing || why.kind == WhyKind::NoValue || why.kind == WhyKind::Null
        || why.kind == WhyKind::Failed;
    if (missed && why.target != why.pointer)
        out += " at " + why.target;
    if (why.fallback)
        out = "V1 answered as a fallback: " + out;
    if (why.traceTruncated && why.kind != WhyKind::TraceCut)
        out += " (the trace was cut: later rules are not known)";
    return out;
}

} // namespace explainer
} // namespace

Why explain(const RunResult& run, const Analysis& mapping, std::string_view pointer)
{
    return explainer::Explainer(run, mapping, pointer).answer();
}

} // namespace mdsl
