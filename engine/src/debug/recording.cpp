// A recorded run: the frames, levels and closers of its events, the output replayed from
// snapshots, and the navigation the debugger's step actions use.

#include "debug/recording_impl.h"
#include "util/pointer.h"

#include <algorithm>

namespace mdsl::debug {

namespace {

bool isCloserKind(TraceKind kind)
{
    return kind == TraceKind::Write || kind == TraceKind::Skip || kind == TraceKind::Error;
}

std::vector<std::string> pointerTokens(const std::string& pointer)
{
    std::vector<std::string> tokens;
    std::size_t at = 0;
    while (at < pointer.size() && pointer[at] == '/') {
        const std::size_t next = pointer.find('/', at + 1);
        const std::string raw = pointer.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
        std::string token;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '~' && i + 1 < raw.size()) {
                token += raw[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                token += raw[i];
            }
        }
        tokens.push_back(std::move(token));
        if (next == std::string::npos)
            break;
        at = next;
    }
    return tokens;
}

std::optional<std::size_t> arrayIndex(const std::string& token)
{
    if (token.empty() || token.size() > 18 || (token.size() > 1 && token[0] == '0'))
        return std::nullopt;
    std::size_t value = 0;
    for (const char c : token) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    return value;
}

/// The member `token` of `node`, created as the run created it. The final output tells
/// whether a container is an array or an object (a field may be named "2"); where it no longer
/// has the container, a number means an array.
Json& child(Json& node, const std::string& token, const Json* oracle)
{
    const std::optional<std::size_t> index = arrayIndex(token);
    if (!node.is_structured()) {
        const bool array = oracle && oracle->is_structured() ? oracle->is_array() : index.has_value();
        node = array ? Json::array() : Json::object();
    }
    if (node.is_array()) {
        if (!index) {
            node = Json::object();
            return node[token];
        }
        while (node.size() <= *index)
            node.push_back(nullptr);
        return node[*index];
    }
    return node[token];
}

const Json* oracleChild(const Json* oracle, const std::string& token)
{
    if (!oracle)
        return nullptr;
    if (oracle->is_object()) {
        const auto found = oracle->find(token);
        return found == oracle->end() ? nullptr : &*found;
    }
    if (oracle->is_array()) {
        const std::optional<std::size_t> index = arrayIndex(token);
        return index && *index < oracle->size() ? &(*oracle)[*index] : nullptr;
    }
    return nullptr;
}

void setAt(Json& root, const std::string& pointer, Json value, const Json* oracle)
{
    const std::vector<std::string> tokens = pointerTokens(pointer);
    if (tokens.empty()) {
        root = std::move(value);
        return;
    }
    Json* node = &root;
    for (const std::string& token : tokens) {
        node = &child(*node, token, oracle);
        oracle = oracleChild(oracle, token);
    }
    *node = std::move(value);
}

} // namespace

void Recording::Impl::index()
{
    const std::vector<TraceEvent>& events = result.trace;
    const std::size_t n = events.size();
    parent.assign(n, kNone);
    closer.assign(n, kNone);
    level.assign(n, 0);
    block.assign(n, 0);
    element.assign(n, kNone);
    errorIndex.assign(n, kNone);
    std::vector<std::size_t> stack;
    std::size_t errors = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const TraceKind kind = events[i].kind;
        parent[i] = stack.empty() ? kNone : stack.back();
        level[i] = static_cast<int>(stack.size());
        switch (kind) {
        case TraceKind::RuleEntered: stack.push_back(i); break;
        case TraceKind::ElementEntered:
            if (parent[i] != kNone)
                block[parent[i]] = 1;
            stack.push_back(i);
            break;
        case TraceKind::ElementLeft:
            if (!stack.empty() && events[stack.back()].kind == TraceKind::ElementEntered) {
                level[i] = static_cast<int>(stack.size()) - 1;
                stack.pop_back();
                parent[i] = stack.empty() ? kNone : stack.back();
            }
            break;
        case TraceKind::Write:
        case TraceKind::Skip:
        case TraceKind::Error:
            if (kind == TraceKind::Error)
                errorIndex[i] = errors++;
            // A rule ends with its write, skip or error; an error outside a rule (a `let`,
            // a `when` condition) ends nothing.
            if (!stack.empty() && events[stack.back()].kind == TraceKind::RuleEntered) {
                closer[stack.back()] = i;
                level[i] = level[stack.back()];
                stack.pop_back();
            }
            break;
        case TraceKind::Value: break;
        }
        element[i] = kind == TraceKind::ElementEntered ? i : (parent[i] == kNone ? kNone : element[parent[i]]);
    }

    snapshotEvery = std::max<std::size_t>(512, n / 64 + 1);
    Json output = Json::object();
    for (std::size_t i = 0; i < n; ++i) {
        apply(output, i);
        if ((i + 1) % snapshotEvery == 0)
            snapshots.push_back(output);
    }
}

void Recording::Impl::apply(Json& output, std::size_t i) const
{
    const TraceEvent& event = result.trace[i];
    const Json* oracle = result.output ? &*result.output : nullptr;
    if (event.kind == TraceKind::Write && event.value)
        setAt(output, event.target, *event.value, oracle);
    else if (event.kind == TraceKind::ElementEntered && !event.target.empty())
        setAt(output, event.target, Json::object(), oracle);
}

Recording::Recording(std::string text, std::shared_ptr<const Json> input, Flags flags, RunResult result)
    : impl_(std::make_unique<Impl>())
{
    impl_->text = std::move(text);
    impl_->input = input ? std::move(input) : std::make_shared<const Json>();
    impl_->flags = flags;
    impl_->result = std::move(result);
    impl_->lines = LineIndex(impl_->text);
    impl_->rules = ruleLocations(impl_->text);
    impl_->index();
    impl_->prepareConditions();
}

Recording::~Recording() = default;
Recording::Recording(Recording&&) noexcept = default;
Recording& Recording::operator=(Recording&&) noexcept = default;

const std::string& Recording::text() const noexcept { return impl_->text; }
const Json& Recording::input() const noexcept { return *impl_->input; }
const RunResult& Recording::result() const noexcept { return impl_->result; }
const std::vector<RuleLocation>& Recording::rules() const noexcept { return impl_->rules; }
std::size_t Recording::size() const noexcept { return impl_->result.trace.size(); }
const TraceEvent& Recording::event(std::size_t i) const { return impl_->result.trace.at(i); }
bool Recording::truncated() const noexcept { return impl_->result.traceTruncated; }
int Recording::lineOf(std::size_t i) const { return lineOfOffset(event(i).span.begin); }
int Recording::lineOfOffset(std::uint32_t offset) const { return impl_->lines.position(offset).line; }

bool Recording::isStop(std::size_t i) const
{
    const TraceKind kind = event(i).kind;
    return kind != TraceKind::Value && kind != TraceKind::ElementLeft;
}

int Recording::level(std::size_t i) const { return impl_->level.at(i); }

std::vector<Frame> Recording::frames(std::size_t i) const
{
    std::vector<Frame> out;
    const TraceKind kind = event(i).kind;
    std::size_t f = kind == TraceKind::RuleEntered || kind == TraceKind::ElementEntered ? i : impl_->parent[i];
    while (f != kNone) {
        const TraceEvent& opener = impl_->result.trace[f];
        out.push_back({opener.kind == TraceKind::RuleEntered ? FrameKind::Rule : FrameKind::Element, f, opener.span,
                       opener.index});
        f = impl_->parent[f];
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::optional<std::size_t> Recording::ruleOf(std::size_t i) const
{
    std::size_t f = event(i).kind == TraceKind::RuleEntered ? i : impl_->parent[i];
    while (f != kNone && impl_->result.trace[f].kind != TraceKind::RuleEntered)
        f = impl_->parent[f];
    return f == kNone ? std::nullopt : std::optional<std::size_t>(f);
}

std::optional<std::size_t> Recording::closerOf(std::size_t rule) const
{
    const std::size_t c = impl_->closer.at(rule);
    return c == kNone ? std::nullopt : std::optional<std::size_t>(c);
}

bool Recording::isBlock(std::size_t rule) const { return impl_->block.at(rule) != 0; }

std::vector<std::size_t> Recording::valuesOf(std::size_t rule) const
{
    std::vector<std::size_t> out;
    const std::size_t end = impl_->closer.at(rule) == kNone ? size() : impl_->closer[rule];
    for (std::size_t j = rule + 1; j < end; ++j) {
        if (impl_->result.trace[j].kind == TraceKind::Value && impl_->parent[j] == rule)
            out.push_back(j);
    }
    return out;
}

std::optional<std::size_t> Recording::elementOf(std::size_t i) const
{
    const std::size_t e = impl_->element.at(i);
    return e == kNone ? std::nullopt : std::optional<std::size_t>(e);
}

const Json& Recording::context(std::size_t i) const
{
    const std::size_t e = impl_->element.at(i);
    if (e != kNone && impl_->result.trace[e].value)
        return *impl_->result.trace[e].value;
    return *impl_->input;
}

const Diagnostic* Recording::errorOf(std::size_t i) const
{
    const std::size_t k = impl_->errorIndex.at(i);
    if (k == kNone)
        return nullptr;
    std::size_t seen = 0;
    for (const Diagnostic& d : impl_->result.diagnostics) {
        if (d.code.size() >= 2 && d.code[0] == 'E' && d.code[1] == '4' && seen++ == k)
            return &d;
    }
    return nullptr;
}

Json Recording::outputAt(std::size_t i) const
{
    const std::size_t every = impl_->snapshotEvery;
    const std::size_t k = std::min((i + 1) / every, impl_->snapshots.size());
    if (k == 0) {
        Json output = Json::object();
        for (std::size_t j = 0; j <= i && j < size(); ++j)
            impl_->apply(output, j);
        return output;
    }
    Json output = impl_->snapshots[k - 1];
    advance(output, k * every - 1, i);
    return output;
}

void Recording::advance(Json& output, std::size_t from, std::size_t to) const
{
    for (std::size_t j = from + 1; j <= to && j < size(); ++j)
        impl_->apply(output, j);
}

std::optional<std::size_t> Recording::lastWrite(std::size_t i) const
{
    for (std::size_t j = std::min(i + 1, size()); j-- > 0;) {
        if (impl_->result.trace[j].kind == TraceKind::Write)
            return j;
    }
    return std::nullopt;
}

std::optional<std::size_t> Recording::writerOf(const std::string& pointer, std::size_t upTo) const
{
    std::optional<std::size_t> blockWrite;
    std::size_t blockStart = 0;
    std::optional<std::size_t> inside;
    for (std::size_t j = std::min(upTo + 1, size()); j-- > 0;) {
        const TraceEvent& e = impl_->result.trace[j];
        if (e.kind != TraceKind::Write)
            continue;
        if (blockWrite && j < blockStart)
            return blockWrite;   // no rule inside the block wrote it: the block did
        if (util::pointerWithin(pointer, e.target)) {
            // An array block writes its whole array after the rules inside wrote each
            // element: those rules say better where a value inside came from.
            const std::size_t rule = impl_->parent[j];
            if (rule != kNone && impl_->block[rule] && e.target != pointer) {
                blockWrite = j;
                blockStart = rule;
                continue;
            }
            return j;
        }
        // A container: the first write that put something in it.
        if (!blockWrite && util::pointerWithin(e.target, pointer))
            inside = j;
    }
    return blockWrite ? blockWrite : inside;
}

std::vector<std::size_t> Recording::outcomesOfRule(std::uint32_t ruleBegin) const
{
    std::vector<std::size_t> out;
    for (std::size_t j = 0; j < size(); ++j) {
        const TraceEvent& e = impl_->result.trace[j];
        if (e.kind == TraceKind::RuleEntered && e.span.begin == ruleBegin && impl_->closer[j] != kNone)
            out.push_back(impl_->closer[j]);
    }
    return out;
}

std::optional<std::size_t> Recording::firstStop() const
{
    for (std::size_t j = 0; j < size(); ++j) {
        if (isStop(j))
            return j;
    }
    return std::nullopt;
}

std::optional<std::size_t> Recording::lastStop() const
{
    for (std::size_t j = size(); j-- > 0;) {
        if (isStop(j))
            return j;
    }
    return std::nullopt;
}

std::optional<std::size_t> Recording::stepInto(std::size_t i) const
{
    for (std::size_t j = i + 1; j < size(); ++j) {
        if (isStop(j))
            return j;
    }
    return std::nullopt;
}

std::optional<std::size_t> Recording::stepBack(std::size_t i) const
{
    for (std::size_t j = std::min(i, size()); j-- > 0;) {
        if (isStop(j))
            return j;
    }
    return std::nullopt;
}

std::optional<std::size_t> Recording::stepOver(std::size_t i) const
{
    const int at = level(i);
    for (std::size_t j = i + 1; j < size(); ++j) {
        if (isStop(j) && impl_->level[j] <= at)
            return j;
    }
    return std::nullopt;
}

std::optional<std::size_t> Recording::stepOut(std::size_t i) const
{
    std::size_t f = impl_->parent.at(i);
    // A write, skip or error belongs to the rule it ends: step out of what is around that rule.
    if (f != kNone && isCloserKind(event(i).kind) && impl_->closer[f] == i)
        f = impl_->parent[f];
    while (f != kNone && impl_->result.trace[f].kind != TraceKind::RuleEntered)
        f = impl_->parent[f];
    if (f == kNone || impl_->closer[f] == kNone)
        return std::nullopt;
    return impl_->closer[f];
}

std::optional<std::size_t> Recording::runToLine(std::size_t i, int line) const
{
    const int target = ruleLineFor(impl_->rules, line);
    if (target == 0)
        return std::nullopt;
    for (std::size_t j = i + 1; j < size(); ++j) {
        if (impl_->result.trace[j].kind == TraceKind::RuleEntered && lineOf(j) == target)
            return j;
    }
    return std::nullopt;
}

Stop Recording::continueFrom(std::size_t i, const std::vector<Breakpoint>& breakpoints, std::size_t maxEvaluations,
                             const std::atomic<bool>* cancel) const
{
    return seek(i, breakpoints, maxEvaluations, true, cancel);
}

Stop Recording::reverseContinueFrom(std::size_t i, const std::vector<Breakpoint>& breakpoints,
                                    std::size_t maxEvaluations, const std::atomic<bool>* cancel) const
{
    return seek(i, breakpoints, maxEvaluations, false, cancel);
}

Stop Recording::seek(std::size_t i, const std::vector<Breakpoint>& breakpoints, std::size_t maxEvaluations,
                     bool forward, const std::atomic<bool>* cancel) const
{
    std::size_t evaluations = 0;
    const std::size_t n = size();
    for (std::size_t step = 0; !breakpoints.empty(); ++step) {
        if (forward ? i + 1 + step >= n : step >= i)
            break;
        if (cancel && (step & 255u) == 0 && cancel->load(std::memory_order_relaxed))
            return Stop{i, StopReason::Cancelled, -1, {}};
        const std::size_t j = forward ? i + 1 + step : i - 1 - step;
        if (impl_->result.trace[j].kind != TraceKind::RuleEntered)
            continue;
        const int line = lineOf(j);
        for (std::size_t k = 0; k < breakpoints.size(); ++k) {
            const Breakpoint& bp = breakpoints[k];
            if (bp.line != line)
                continue;
            Stop stop{j, StopReason::Breakpoint, static_cast<int>(k), {}};
            if (bp.condition.find_first_not_of(" \t\r\n") == std::string::npos)
                return stop;
            if (++evaluations > maxEvaluations) {
                stop.conditionError.wording = "condition.too-many-checks";
                stop.conditionError.args = {std::to_string(maxEvaluations)};
                return stop;
            }
            if (cancel && cancel->load(std::memory_order_relaxed))
                return Stop{i, StopReason::Cancelled, -1, {}};
            const ConditionResult result = evaluateAtRule(bp.condition, impl_->result.trace[j].span.begin, j);
            if (!result.error.empty()) {
                stop.conditionError = result.error;
                return stop;
            }
            if (result.holds)
                return stop;
        }
    }
    const std::optional<std::size_t> end = forward ? lastStop() : firstStop();
    return Stop{end.value_or(i), StopReason::End, -1, {}};
}

Recording record(std::string text, std::shared_ptr<const Json> input, EngineKind engine, const Flags& flags,
                 RunOptions options, std::size_t maxEvents)
{
    if (!input)
        input = std::make_shared<const Json>();
    options.trace = true;
    options.maxTraceEvents = maxEvents;
    if (options.maxTraceBytes == 0)
        options.maxTraceBytes = kDefaultMaxTraceBytes;
    RunResult result = run(compile(text, engine, flags), *input, options);
    return Recording(std::move(text), std::move(input), flags, std::move(result));
}

} // namespace mdsl::debug
