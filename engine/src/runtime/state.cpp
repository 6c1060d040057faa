// The run state: limits, errors and trace events shared by the two engines.

#include "runtime/state.h"

#include "mdsl/report.h"
#include "util/json_io.h"

#include <utility>

namespace mdsl::rt {

namespace {

/// A limit error, worded from the table of codes (report/codes.cpp): it stops the run.
[[noreturn]] void limit(std::string_view errorCode, Span span, std::string value)
{
    throw Failure{runtimeError(errorCode, span, {std::move(value)}), true};
}

std::int64_t systemNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

RuntimeError runtimeError(std::string_view wording, Span span, std::vector<std::string> args)
{
    const std::string_view errorCode = wordingCode(wording);
    const std::string_view id = errorCode.size() == wording.size() ? std::string_view() : wording;
    std::string message = messageText(errorCode, id, args);
    return RuntimeError{std::string(errorCode), std::move(message), std::move(args), span, std::string(id)};
}

void fail(std::string_view wording, Span span, std::vector<std::string> args)
{
    throw Failure{runtimeError(wording, span, std::move(args)), false};
}

std::string_view typeId(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::null: return "type.null";
    case Json::value_t::boolean: return "type.boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "type.number";
    case Json::value_t::string: return "type.string";
    case Json::value_t::array: return "type.array";
    case Json::value_t::object: return "type.object";
    default: return "type.value";
    }
}

std::string_view typeId(const Value& value)
{
    return value.isMissing() ? std::string_view("type.missing") : typeId(value.json());
}

std::string describe(const Json& value)
{
    return phraseText(typeId(value));
}

std::string describe(const Value& value)
{
    return phraseText(typeId(value));
}

RunState::RunState(const RunOptions& runOptions, const Json& runInput, std::chrono::steady_clock::time_point start)
    : options(runOptions), input(runInput), tracing(runOptions.trace), deadline_(start + runOptions.limits.maxTime)
{
}

std::int64_t RunState::nowMs() const noexcept
{
    // Read once, at the first now() of the run (most runs never call it).
    if (!nowMs_)
        nowMs_ = options.pinnedNowMs ? *options.pinnedNowMs : systemNowMs();
    return *nowMs_;
}

void RunState::stepLimit(Span span) const
{
    limit(code::kSteps, span, std::to_string(options.limits.maxSteps));
}

void RunState::checkClock(Span span) const
{
    if (std::chrono::steady_clock::now() > deadline_)
        limit(code::kTime, span, std::to_string(options.limits.maxTime.count()));
}

void RunState::depthLimit(Span span) const
{
    limit(code::kDepth, span, std::to_string(options.limits.maxDepth));
}

void RunState::checkSize(std::uint64_t bytes, Span span) const
{
    if (bytes > options.limits.maxOutputBytes)
        outputLimit(span);
}

void RunState::buildCopy(const Json& value, Span span)
{
    if (value.is_structured() || value.is_string())
        build(footprint(value, options.limits.maxDepth), span);
}

void RunState::buildLimit(Span span) const
{
    limit(code::kBuild, span, std::to_string(options.limits.maxBuildBytes));
}

void RunState::addOutput(std::uint64_t bytes, Span span)
{
    outputBytes_ += bytes;
    if (outputBytes_ > options.limits.maxOutputBytes)
        outputLimit(span);
}

void RunState::outputLimit(Span span) const
{
    limit(code::kOutputSize, span, std::to_string(options.limits.maxOutputBytes));
}

void RunState::record(const RuntimeError& error)
{
    errors.push_back(error);
    if (tracing) {
        TraceEvent event;
        event.kind = TraceKind::Error;
        event.span = error.span;
        event.reason = error.code;
        push(std::move(event));
    }
}

void RunState::push(TraceEvent&& event)
{
    // A capped trace keeps its beginning: the debugger steps from the start of the run.
    if (options.maxTraceEvents != 0 && trace.size() >= options.maxTraceEvents) {
        traceTruncated = true;
        return;
    }
    trace.push_back(std::move(event));
}

Json RunState::recordable(const Json& value)
{
    const Measure size = measure(value, options.limits.maxDepth);
    if (size.depth > options.limits.maxDepth)
        return Json("(" + describe(value) + " nested too deep to record)");
    // A mapping may look at a large value once per element: copies must not exhaust memory.
    if (options.maxTraceBytes != 0 && size.bytes > 64 && (traceBytes_ += size.bytes) > options.maxTraceBytes)
        return Json("(" + describe(value) + " not recorded: the trace is too large)");
    return value;
}

void RunState::traceRule(Span span)
{
    TraceEvent event;
    event.kind = TraceKind::RuleEntered;
    event.span = span;
    push(std::move(event));
}

void RunState::traceValue(Span span, const Value& value)
{
    TraceEvent event;
    event.kind = TraceKind::Value;
    event.span = span;
    if (!value.isMissing())
        event.value = recordable(value.json());
    push(std::move(event));
}

void RunState::traceWrite(Span span, std::string target, const Json& value)
{
    TraceEvent event;
    event.kind = TraceKind::Write;
    event.span = span;
    event.target = std::move(target);
    event.value = value;
    push(std::move(event));
}

void RunState::traceSkip(Span span, std::string target, std::string reason)
{
    TraceEvent event;
    event.kind = TraceKind::Skip;
    event.span = span;
    event.target = std::move(target);
    event.reason = std::move(reason);
    push(std::move(event));
}

void RunState::traceElement(TraceKind kind, Span span, std::int64_t index, const Json* element)
{
    TraceEvent event;
    event.kind = kind;
    event.span = span;
    event.index = index;
    if (element) {
        event.value = recordable(*element);
        event.target = pointerBase;
    }
    push(std::move(event));
}

namespace {

/// measure() and nestsDeeper(): without CountBytes, scalars are skipped and never read (in a
/// large input, reading every string's length costs more than the walk).
template <bool CountBytes>
Measure walkValue(const Json& value, int maxDepth)
{
    const auto scalarBytes = [](const Json& scalar) -> std::uint64_t {
        return scalar.is_string() ? scalar.get_ref<const std::string&>().size() + 2 : 8;
    };
    if (!value.is_structured())
        return {CountBytes ? scalarBytes(value) : 0, 1, 0};
    // An explicit stack of (container, next member) rather than recursion: input documents
    // may nest deeper than the native stack allows. Members are visited by index over the
    // containers' vectors (the library's iterators cost more than the walk itself), and the
    // stack is kept from one call to the next: every run measures its input and its writes.
    struct Frame {
        const Json* node;
        std::size_t next;
    };
    thread_local std::vector<Frame> stack;
    stack.clear();
    stack.push_back({&value, 0});
    Measure result;
    result.depth = 1;
    result.nodes = 1;
    result.containers = 1;
    result.bytes = CountBytes ? 2 : 0;
    if (maxDepth < 1)
        return result;
    while (!stack.empty()) {
        Frame& top = stack.back();
        const Json* child = nullptr;
        if (top.node->is_object()) {
            const detail::JsonMembers& members = detail::membersOf(*top.node);
            if constexpr (!CountBytes) {
                while (top.next < members.size() && !members[top.next].second.is_structured())
                    ++top.next;
            }
            if (top.next == members.size()) {
                stack.pop_back();
                continue;
            }
            const auto& member = members[top.next++];
            if constexpr (CountBytes)
                result.bytes += member.first.size() + 3;
            child = &member.second;
        } else {
            const Json* node = top.node;
            const Json::array_t& elements = *node->get_ptr<const Json::array_t*>();
            if constexpr (!CountBytes) {
                while (top.next < elements.size() && !elements[top.next].is_structured())
                    ++top.next;
            }
            if (top.next == elements.size()) {
                stack.pop_back();
                continue;
            }
            child = &elements[top.next++];
        }
        if constexpr (CountBytes) {
            result.bytes += 1;
            ++result.nodes;
        }
        if (child->is_structured()) {
            if constexpr (CountBytes) {
                result.bytes += 2;
                ++result.containers;
            }
            stack.push_back({child, 0});
            const int depth = static_cast<int>(stack.size());
            if (depth > result.depth)
                result.depth = depth;
            if (depth > maxDepth)
                return result;
        } else if constexpr (CountBytes) {
            result.bytes += scalarBytes(*child);
        }
    }
    return result;
}

} // namespace

Measure measure(const Json& value, int maxDepth)
{
    return walkValue<true>(value, maxDepth);
}

bool nestsDeeper(const Json& value, int maxDepth)
{
    return walkValue<false>(value, maxDepth).depth > maxDepth;
}

std::uint64_t footprint(const Json& value, int maxDepth)
{
    if (value.is_string())
        return value.get_ref<const std::string&>().size() + 16;
    if (!value.is_structured())
        return 0;
    const Measure size = measure(value, maxDepth);
    return size.bytes + 16 * size.nodes + 48 * size.containers;
}

} // namespace mdsl::rt
