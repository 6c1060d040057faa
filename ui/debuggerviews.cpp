#include "debuggerviews.h"

#include "diagnosticmessages.h"
#include "largetextview.h"
#include "recordingdebugger.h"
#include "utf8text.h"

#include <string>
#include <vector>

namespace studio {

namespace {

/// Stepping forward replays at most this many events on the cached output, else it starts
/// from the recording's nearest snapshot.
constexpr std::size_t kMaxReplay = 4096;

/// A text ready for the JSON views: indexed when large, else laid out and coloured.
void prepare(RenderedJson& rendered, const JsonStyle& style, JsonColourer& colourer)
{
    if (rendered.text.size() > kLargeTextLimit)
        rendered.large = LargeText::make(rendered.text);
    else
        rendered.document = buildJsonDocument(rendered.text, style, &colourer);
}

QString position(const mdsl::debug::ConditionError& error)
{
    if (error.line == 0)
        return {};
    return error.multiline ? RecordingDebugger::tr("line %1, column %2").arg(error.line).arg(error.column)
                           : RecordingDebugger::tr("column %1").arg(error.column);
}

/// A watch's error in the current language, with its code where it has one.
void describeError(const mdsl::debug::WatchValue& value, DebugWatch& watch)
{
    const mdsl::debug::ConditionError& error = value.error;
    const QString at = position(error);
    if (error.diagnostic) {
        const mdsl::Diagnostic& d = *error.diagnostic;
        watch.code = fromStd(d.code);
        QString message;
        if (!value.outOfScopeName.empty()) {
            message = RecordingDebugger::tr("`%1` is not in scope at this rule (it is defined on line %2)")
                          .arg(fromStd(value.outOfScopeName))
                          .arg(value.outOfScopeLine);
        } else {
            QStringList args;
            for (const std::string& arg : d.args)
                args.append(fromStd(arg));
            message = DiagnosticMessages::translate(watch.code, args, fromStd(d.message), fromStd(d.wording));
        }
        watch.text = at.isEmpty() ? RecordingDebugger::tr("%1: %2").arg(watch.code, message)
                                  : RecordingDebugger::tr("%1 (%2): %3").arg(watch.code, at, message);
        return;
    }
    if (error.wording == "condition.one-expression")
        watch.text = at.isEmpty() ? RecordingDebugger::tr("a watch is one expression, not statements")
                                  : RecordingDebugger::tr("a watch is one expression, not statements (%1)").arg(at);
    else if (error.wording == "condition.context-unrecorded")
        watch.text = RecordingDebugger::tr("the current element was not recorded (the trace is too large)");
    else if (error.wording == "condition.value-unrecorded" && !error.args.empty())
        watch.text = RecordingDebugger::tr("the value of `%1` was not recorded here (the trace is too large)")
                         .arg(fromStd(error.args.front()));
    else
        watch.text = fromStd(error.message());
}

} // namespace

QString boundedJson(const mdsl::Json& value, int limit, int indent)
{
    // UTF-8: `limit` characters take at most four bytes each.
    bool cut = false;
    QString text = QString::fromStdString(mdsl::jsonExcerpt(value, std::size_t(qMax(1, limit)) * 4, &cut, indent));
    if (cut || text.size() > limit)
        text = text.left(limit - 1) + QStringLiteral("…");
    return text;
}

void DebuggerViewCache::use(quint64 recordingId)
{
    if (recording == recordingId)
        return;
    recording = recordingId;
    output.reset();
    outputEvent = 0;
    context = {};
    contextKey = -2;
    contextPrepared = false;
}

RenderedJson debuggerContext(DebuggerViewCache& cache, const mdsl::debug::Recording& r, std::size_t i,
                             const JsonStyle* style)
{
    // The context changes only with the element: a large input is not printed again at each step.
    const std::optional<std::size_t> element = r.elementOf(i);
    const std::ptrdiff_t key = element ? std::ptrdiff_t(*element) : -1;
    if (key != cache.contextKey) {
        cache.context = renderJson(r.context(i));
        cache.contextKey = key;
        cache.contextPrepared = false;
    }
    if (style && !(cache.contextPrepared && cache.contextStyle == *style)) {
        cache.context.document.reset();
        cache.context.large.reset();
        if (!cache.colourer)
            cache.colourer.emplace();
        prepare(cache.context, *style, *cache.colourer);
        cache.contextStyle = *style;
        cache.contextPrepared = true;
    }
    return cache.context;
}

RenderedJson debuggerOutput(DebuggerViewCache& cache, const mdsl::debug::Recording& r, std::size_t i,
                            const JsonStyle* style)
{
    // Forward from the cached output when stepping on, else from the recording's snapshots.
    if (cache.output && cache.outputEvent <= i && i - cache.outputEvent < kMaxReplay)
        r.advance(*cache.output, cache.outputEvent, i);
    else
        cache.output = r.outputAt(i);
    cache.outputEvent = i;
    RenderedJson rendered = renderJson(*cache.output);
    if (style) {
        if (!cache.colourer)
            cache.colourer.emplace();
        prepare(rendered, *style, *cache.colourer);
    }
    return rendered;
}

QList<DebugWatch> evaluateWatches(const mdsl::debug::Recording& r, std::size_t i, const QStringList& expressions,
                                  const std::atomic<bool>* cancelled)
{
    QList<DebugWatch> out;
    for (const QString& expression : expressions) {
        if (cancelled && cancelled->load(std::memory_order_relaxed))
            break;
        DebugWatch watch;
        watch.expression = expression;
        const mdsl::debug::WatchValue value = r.watch(expression.toStdString(), i);
        if (value.value) {
            watch.kind = DebugWatch::Kind::Value;
            watch.text = boundedJson(*value.value, kWatchTextLimit);
            watch.detail = boundedJson(*value.value, kWatchDetailLimit, 2);
        } else if (value.error.empty()) {
            watch.kind = DebugWatch::Kind::Missing;
            watch.text = RecordingDebugger::tr("missing");
            watch.detail = RecordingDebugger::tr("The expression has no value here: a path the data does not have, or a name not set yet.");
        } else {
            watch.kind = DebugWatch::Kind::Error;
            describeError(value, watch);
            watch.detail = watch.text;
        }
        out.append(watch);
    }
    return out;
}

} // namespace studio
