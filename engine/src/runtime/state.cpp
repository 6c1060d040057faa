// The run state: limits, errors and trace events shared by the two engines.

#include "runtime/state.h"

#include <utility>

namespace mdsl::rt {

void fail(std::string_view errorCode, Span span, std::string message, std::vector<std::string> args)
{
    throw Failure{RuntimeError{std::string(errorCode), std::move(message), std::move(args), span}, false};
}

namespace {

[[noreturn]] void limit(std::string_view errorCode, Span span, std::string message, std::string arg)
{
    throw Failure{RuntimeError{std::string(errorCode), std::move(message), {std::move(arg)}, span}, true};
}

std::int64_t systemNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

std::string describe(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "a number";
    case Json::value_t::string: return "a string";
    case Json::value_t::array: return "an array";
    case Json::value_t::object: return "an object";
    default: return "a value";
    }
}

std::string describe(const Value& value)
{
    return value.isMissing() ? std::string("missing") : describe(value.json());
}

RunState::RunState(const RunOptions& runOptions, const Json& runInput)
    : options(runOptions), input(runInput), tracing(runOptions.trace),
      nowMs_(runOptions.pinnedNowMs ? *runOptions.pinnedNowMs : systemNowMs()),
      deadline_(std::chrono::steady_clock::now() + runOptions.limits.maxTime)
{
}

void RunState::stepLimit(Span span) const
{
    limit(code::kSteps, span,
          "the run took more than " + std::to_string(options.limits.maxSteps) + " steps",
          std::to_string(options.limits.maxSteps));
}

void RunState::checkClock(Span span) const
{
    if (std::chrono::steady_clock::now() > deadline_)
        limit(code::kTime, span,
              "the run took longer than " + std::to_string(options.limits.maxTime.count()) + " ms",
              std::to_string(options.limits.maxTime.count()));
}

void RunState::depthLimit(Span span) const
{
    limit(code::kDepth, span,
          "values or expressions nest deeper than " + std::to_string(options.limits.maxDepth) + " levels",
          std::to_string(options.limits.maxDepth));
}

void RunState::checkSize(std::uint64_t bytes, Span span) const
{
    if (bytes > options.limits.maxOutputBytes)
        outputLimit(span);
}

void RunState::addOutput(std::uint64_t bytes, Span span)
{
    outputBytes_ += bytes;
    if (outputBytes_ > options.limits.maxOutputBytes)
        outputLimit(span);
}

void RunState::outputLimit(Span span) const
{
    limit(code::kOutputSize, span,
              "the output grew past " + std::to_string(options.limits.maxOutputBytes) + " bytes",
              std::to_string(options.limits.maxOutputBytes));
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

Measure measure(const Json& value, int maxDepth)
{
    if (!value.is_structured()) {
        if (value.is_string())
            return {value.get_ref<const std::string&>().size() + 2, 0};
        return {8, 0};
    }
    // An explicit stack of (container, next child) rather than recursion: input documents may
    // nest deeper than the native stack allows.
    struct Frame {
        const Json* node;
        Json::const_iterator it;
    };
    std::vector<Frame> stack;
    stack.push_back({&value, value.cbegin()});
    Measure result;
    result.depth = 1;
    result.bytes = 2;
    while (!stack.empty()) {
        Frame& top = stack.back();
        if (top.it == top.node->cend()) {
            stack.pop_back();
            continue;
        }
        const Json::const_iterator current = top.it++;
        if (top.node->is_object())
            result.bytes += current.key().size() + 3;
        const Json& child = current.value();
        result.bytes += 1;
        if (child.is_structured()) {
            result.bytes += 2;
            stack.push_back({&child, child.cbegin()});
            const int depth = static_cast<int>(stack.size());
            if (depth > result.depth)
                result.depth = depth;
            if (depth > maxDepth)
                return result;
        } else {
            result.bytes += child.is_string() ? child.get_ref<const std::string&>().size() + 2 : 8;
        }
    }
    return result;
}

} // namespace mdsl::rt
