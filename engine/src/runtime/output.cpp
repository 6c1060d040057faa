// Writing values into the output document.

#include "runtime/output.h"

#include "mdsl/jsondiff.h"

#include "util/json_io.h"

#include <algorithm>

namespace mdsl::rt {

void appendPointer(std::string& pointer, const ast::PathSegment& segment)
{
    pointer += '/';
    if (segment.kind == ast::PathSegment::Kind::Index) {
        pointer += std::to_string(segment.index);
        return;
    }
    pointer += pointerToken(segment.name);
}

std::string targetPointer(const RunState& state, std::span<const ast::PathSegment> target)
{
    std::string pointer = state.pointerBase;
    for (const ast::PathSegment& segment : target)
        appendPointer(pointer, segment);
    return pointer;
}

namespace {

std::string shown(std::span<const ast::PathSegment> target, std::size_t count)
{
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
        const ast::PathSegment& segment = target[i];
        if (segment.kind == ast::PathSegment::Kind::Index)
            text += "[" + std::to_string(segment.index) + "]";
        else
            text += (i == 0 ? "" : ".") + segment.name;
    }
    return text;
}

[[noreturn]] void conflict(std::span<const ast::PathSegment> target, std::size_t at, const Json& found, Span span)
{
    const std::string whole = shown(target, target.size());
    if (at == 0)
        fail("E413.output", span, {whole, std::string(typeId(found))});
    fail("E413.under-value", span, {whole, shown(target, at), std::string(typeId(found))});
}

/// The slot a segment names inside `container`, created as needed.
Json& step(RunState& state, Json& container, std::span<const ast::PathSegment> target, std::size_t i, Span span,
           const TargetHints& hints)
{
    const ast::PathSegment& segment = target[i];
    if (segment.kind == ast::PathSegment::Kind::Field) {
        if (container.is_null()) {
            container = Json(Json::value_t::object);
            if (i < hints.capacity.size())
                container.get_ptr<Json::object_t*>()->reserve(hints.capacity[i]);
        }
        if (!container.is_object())
            conflict(target, i, container, span);
        if (i < 64 && (hints.freshKeys >> i & 1u) != 0) {
            detail::JsonMembers& members = detail::membersOf(container);
            return members.emplace_back(segment.name, nullptr).second;
        }
        return container[segment.name];
    }
    if (container.is_null())
        container = Json::array();
    if (!container.is_array())
        conflict(target, i, container, span);
    const auto index = static_cast<std::uint64_t>(segment.index);
    if (index >= container.size()) {
        // Padding costs output too: a huge index must not allocate a huge array.
        state.addOutput((index + 1 - container.size()) * 5, span);
        while (container.size() <= index)
            container.push_back(nullptr);
    }
    return container[static_cast<std::size_t>(index)];
}

} // namespace

void writeValue(RunState& state, Json& base, std::span<const ast::PathSegment> target, Value value, Span span,
                const TargetHints& hints)
{
    // The output is as deep as the target's levels (its base's included) and the value's: an
    // output too deep to print must never be built (E403 before any container is made).
    const std::int64_t room
        = std::int64_t { state.options.limits.maxDepth } - hints.baseDepth - static_cast<std::int64_t>(target.size());
    const Measure size = measure(value.json(), static_cast<int>(std::max<std::int64_t>(room, 0)));
    if (size.depth > room)
        state.depthLimit(span);
    state.addOutput(size.bytes, span);
    Json* slot = &base;
    // A null on the way (written, or padding) gives way to the container the path needs;
    // any other scalar is a conflict (step() checks).
    for (std::size_t i = 0; i < target.size(); ++i)
        slot = &step(state, *slot, target, i, span, hints);
    *slot = std::move(value).take();
    ++state.stats.writes;
    if (state.tracing)
        state.traceWrite(span, targetPointer(state, target), *slot);
}

} // namespace mdsl::rt
