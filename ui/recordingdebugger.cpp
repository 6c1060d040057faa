#include "recordingdebugger.h"
#include "utf8text.h"

#include "diagnosticmessages.h"

#include <algorithm>

namespace studio {

namespace {

/// Conditions are checked at most this many times per continue (each is compiled once and
/// evaluated off the UI thread: this bounds how long a continue may search).
constexpr std::size_t kMaxConditionChecks = 20'000;
/// Lists of the run (skips and errors) show at most this many entries.
constexpr int kMaxListed = 1000;

/// A value in a list or a description: printing stops at the limit (a value may be the input).
QString shortJson(const mdsl::Json& value, int limit = 200)
{
    return boundedJson(value, limit);
}

QString skipReason(const std::string& reason)
{
    if (reason == "source missing")
        return RecordingDebugger::tr("source missing");
    if (reason == "source null")
        return RecordingDebugger::tr("source null");
    return fromStd(reason);
}

/// The studio's breakpoints as the engine takes them.
std::vector<mdsl::debug::Breakpoint> engineBreakpoints(const QList<DebugBreakpoint>& breakpoints)
{
    std::vector<mdsl::debug::Breakpoint> out;
    for (const DebugBreakpoint& bp : breakpoints)
        out.push_back({bp.line, bp.condition.trimmed().toStdString()});
    return out;
}

} // namespace

struct RecordingDebugger::Recorded {
    quint64 id = 0;               ///< unique per recording: what the views' caches are of
    bool large = false;           ///< its texts are printed off the UI thread
    std::unique_ptr<mdsl::debug::Recording> recording;
    bool inputInvalid = false;   ///< the sample input is not JSON: nothing was recorded
    bool v1 = false;
    std::vector<int> positions;   ///< byte offset of the UTF-8 text -> document position
};

/// A continue (forward or back) that evaluates conditions.
struct RecordingDebugger::Search {
    std::shared_ptr<Recorded> recorded;   ///< held by the job: it may outlive a newer recording
    std::size_t from = 0;
    std::vector<mdsl::debug::Breakpoint> breakpoints;
    bool forward = true;
};

/// The views of one event: the request (made on the UI thread) and the job's answer.
struct RecordingDebugger::ViewsRequest {
    std::shared_ptr<Recorded> recorded;   ///< held by the job: it may outlive a newer recording
    std::size_t event = 0;
    bool texts = false;                   ///< print the context and the output too
    JsonStyle style;
    QStringList watches;
};

struct RecordingDebugger::Views {
    quint64 recording = 0;
    std::size_t event = 0;
    bool texts = false;
    RenderedJson context;
    RenderedJson output;
    QList<DebugWatch> watches;
};

int snapToRule(const QString& text, int line)
{
    const QByteArray utf8 = text.toUtf8();
    return mdsl::debug::ruleLineFor(
        mdsl::debug::ruleLocations(std::string_view(utf8.constData(), std::size_t(utf8.size()))), line);
}

RecordingDebugger::RecordingDebugger(QObject* parent)
    : DebuggerInterface(parent)
    , recording_(std::make_unique<BackgroundLane<DebugRecordRequest, std::shared_ptr<Recorded>>>(
          nullptr,
          [this](const DebugRecordRequest& request, const std::atomic<bool>&) {
              return makeRecording(request, largeLimit_);
          },
          [this](std::shared_ptr<Recorded>&& recorded, quint64) { finishRecording(std::move(recorded)); }))
    , search_(std::make_unique<BackgroundLane<Search, mdsl::debug::Stop>>(
          nullptr,
          [](const Search& search, const std::atomic<bool>& cancelled) {
              const mdsl::debug::Recording& r = *search.recorded->recording;
              return search.forward
                  ? r.continueFrom(search.from, search.breakpoints, kMaxConditionChecks, &cancelled)
                  : r.reverseContinueFrom(search.from, search.breakpoints, kMaxConditionChecks, &cancelled);
          },
          [this](mdsl::debug::Stop&& stop, quint64) {
              emit busyChanged(false);
              showStop(stop, searchForward_);
          }))
{
    // The job's cache is the job's alone: the lane runs one job at a time.
    auto cache = std::make_shared<DebuggerViewCache>();
    views_ = std::make_unique<BackgroundLane<ViewsRequest, Views>>(
        nullptr,
        [cache](const ViewsRequest& request, const std::atomic<bool>& cancelled) {
            return makeViews(request, *cache, cancelled);
        },
        [this](Views&& views, quint64) { showViews(std::move(views)); });
}

RecordingDebugger::~RecordingDebugger() = default;

std::shared_ptr<RecordingDebugger::Recorded> RecordingDebugger::makeRecording(const DebugRecordRequest& request,
                                                                             qsizetype largeLimit)
{
    static std::atomic<quint64> lastId{0};
    auto out = std::make_shared<Recorded>();
    out->id = ++lastId;
    out->v1 = request.v1;
    const std::string input = request.input.toStdString();
    std::shared_ptr<const mdsl::Json> parsed;
    try {
        parsed = std::make_shared<const mdsl::Json>(mdsl::parseJson(input));
    } catch (const mdsl::Json::parse_error&) {
        out->inputInvalid = true;
        return out;
    }
    std::string text = request.text.toStdString();
    // Byte offsets of the engine to document positions (UTF-16), once.
    out->positions = utf16Positions(text);
    mdsl::RunOptions options;
    options.pinnedNowMs = request.pinnedNowMs;
    out->recording = std::make_unique<mdsl::debug::Recording>(mdsl::debug::record(std::move(text), std::move(parsed),
        request.v1 ? mdsl::EngineKind::V1 : mdsl::EngineKind::V2, request.flags, options));
    // A large input (the context at top level) or output: no step prints them on the UI thread.
    const std::optional<mdsl::Json>& output = out->recording->result().output;
    out->large = request.input.size() > largeLimit
        || (output && qsizetype(output->dump(2, ' ', false, mdsl::Json::error_handler_t::replace).size()) > largeLimit);
    return out;
}

void RecordingDebugger::record(const DebugRecordRequest& request)
{
    if (isBusy())
        return;
    supersede();
    recording_->schedule(request);
    emit busyChanged(true);
}

bool RecordingDebugger::isBusy() const
{
    return recording_->pending();
}

bool RecordingDebugger::isSearching() const
{
    return search_->pending();
}

void RecordingDebugger::waitForRecording()
{
    recording_->waitForIdle();
}

void RecordingDebugger::waitForViews()
{
    // A superseded job may be running: its end starts the newest request, which is waited for too.
    while (views_->busy())
        views_->waitForIdle();
}

void RecordingDebugger::setWatches(const QStringList& expressions)
{
    if (expressions == watches_)
        return;
    watches_ = expressions;
    // The watches as they are now, at the current event; the texts stay as they are.
    if (!recorded_ || !recorded_->recording || recorded_->recording->size() == 0 || stale_) {
        state_.watches.clear();
        emit stateChanged();
        return;
    }
    DebugState s = state_;
    fillViews(s, std::size_t(s.event), true);
    state_ = std::move(s);
    emit stateChanged();
}

RecordingDebugger::Views RecordingDebugger::makeViews(const ViewsRequest& request, DebuggerViewCache& cache,
                                                      const std::atomic<bool>& cancelled)
{
    Views out;
    out.recording = request.recorded->id;
    out.event = request.event;
    out.texts = request.texts;
    const mdsl::debug::Recording& r = *request.recorded->recording;
    out.watches = evaluateWatches(r, request.event, request.watches, &cancelled);
    if (request.texts && !cancelled.load(std::memory_order_relaxed)) {
        cache.use(out.recording);
        out.context = debuggerContext(cache, r, request.event, &request.style);
        out.output = debuggerOutput(cache, r, request.event, &request.style);
    }
    return out;
}

void RecordingDebugger::showViews(Views&& views)
{
    // Only the newest request's answer comes here (the lane drops the others).
    if (!recorded_ || recorded_->id != views.recording || std::size_t(state_.event) != views.event)
        return;
    if (views.texts) {
        std::swap(state_.context, views.context);
        std::swap(state_.output, views.output);
        state_.viewsPending = false;
        releaseInBackground(std::move(views.context));
        releaseInBackground(std::move(views.output));
    }
    state_.watches = std::move(views.watches);
    state_.watchesPending = false;
    emit stateChanged();
}

void RecordingDebugger::fillViews(DebugState& s, std::size_t i, bool watchesOnly)
{
    const mdsl::debug::Recording& r = *recorded_->recording;
    // Only the watches changed: the texts are made again only if they were still coming (a
    // newer request supersedes the one running).
    const bool texts = recorded_->large && (!watchesOnly || s.viewsPending);
    if (!recorded_->large && !watchesOnly) {
        cache_.use(recorded_->id);
        s.context = debuggerContext(cache_, r, i, nullptr);
        s.output = debuggerOutput(cache_, r, i, nullptr);
        s.viewsPending = false;
    } else if (texts) {
        // Until the new ones come, the views show the previous event's (said busy): the state
        // is emptied with each new recording, so they are never another recording's.
        s.viewsPending = true;
    }
    // Earlier values of the same watches stay, said pending, until the new ones come.
    QList<DebugWatch> kept;
    for (const QString& expression : std::as_const(watches_)) {
        const auto found = std::find_if(s.watches.cbegin(), s.watches.cend(),
                                        [&](const DebugWatch& w) { return w.expression == expression; });
        DebugWatch watch = found != s.watches.cend() ? *found : DebugWatch{};
        watch.expression = expression;
        if (found == s.watches.cend())
            watch.text.clear();
        kept.append(watch);
    }
    s.watches = kept;
    s.watchesPending = !watches_.isEmpty();
    if (texts || !watches_.isEmpty())
        views_->schedule({recorded_, i, texts, texts ? currentJsonStyle() : JsonStyle(), watches_});
    else
        views_->cancel();
}

void RecordingDebugger::supersede()
{
    if (!search_->pending())
        return;
    search_->cancel();
    emit busyChanged(false);
}

void RecordingDebugger::startSearch(bool forward)
{
    searchForward_ = forward;
    search_->schedule({recorded_, current_, engineBreakpoints(breakpoints_), forward});
    emit busyChanged(true);
}

void RecordingDebugger::showStop(const mdsl::debug::Stop& stop, bool forward)
{
    if (stop.reason == mdsl::debug::StopReason::Cancelled)
        return;
    const mdsl::debug::Recording& r = *recorded_->recording;
    const int line = r.lineOf(stop.event);
    Message message;
    if (stop.reason == mdsl::debug::StopReason::End)
        message = [forward] { return forward ? tr("End of the run: no breakpoint ahead.") : tr("Start of the run: no breakpoint before."); };
    else if (!stop.conditionError.empty())
        message = [line, error = stop.conditionError] {
            return tr("Stopped at the breakpoint on line %1: its condition is wrong (%2).")
                .arg(line)
                .arg(DiagnosticMessages::translateCondition(error));
        };
    else
        message = [line] { return tr("Stopped at the breakpoint on line %1.").arg(line); };
    moveTo(stop.event, std::move(message));
}

void RecordingDebugger::finishRecording(std::shared_ptr<Recorded> recorded)
{
    recorded_ = std::move(recorded);
    stale_ = false;
    views_->cancel();
    state_ = {};
    emit busyChanged(false);
    const mdsl::debug::Recording* r = recorded_->recording.get();
    if (!r) {
        current_ = 0;
        if (recorded_->inputInvalid)
            updateState([] { return tr("The sample input is not valid JSON: fix it in the Preview tab, then record again."); });
        else
            updateState({});
        return;
    }
    Message message;
    if (r->result().status == mdsl::RunStatus::Invalid)
        message = [] { return tr("The mapping has errors and did not run: see the Problems list."); };
    else if (!r->firstStop())
        message = [] { return tr("This run wrote nothing: the mapping has no rules to step through."); };
    else if (r->truncated())
        message = [size = r->size()] { return tr("Only the first %L1 events of this run were recorded.").arg(size); };
    current_ = r->firstStop().value_or(0);
    updateState(std::move(message));
}

bool RecordingDebugger::canPerform(DebugAction action) const
{
    if (!recorded_ || !recorded_->recording || !recorded_->recording->firstStop() || isBusy())
        return false;
    switch (action) {
    case DebugAction::RunToCursor: return true;
    case DebugAction::Restart: return current_ != *recorded_->recording->firstStop();
    case DebugAction::Continue: return current_ < *recorded_->recording->lastStop();
    case DebugAction::ReverseContinue: return current_ > *recorded_->recording->firstStop();
    default: return target(action, 0).has_value();
    }
}

std::optional<std::size_t> RecordingDebugger::target(DebugAction action, int cursorLine) const
{
    const mdsl::debug::Recording& r = *recorded_->recording;
    switch (action) {
    case DebugAction::StepOver: return r.stepOver(current_);
    case DebugAction::StepInto: return r.stepInto(current_);
    case DebugAction::StepOut: return r.stepOut(current_);
    case DebugAction::StepBack: return r.stepBack(current_);
    case DebugAction::RunToCursor: return r.runToLine(current_, cursorLine);
    case DebugAction::Restart: return r.firstStop();
    case DebugAction::Continue:
    case DebugAction::ReverseContinue: break;
    }
    return std::nullopt;
}

void RecordingDebugger::perform(DebugAction action, int cursorLine)
{
    if (!canPerform(action))
        return;
    supersede();
    if (action == DebugAction::Continue || action == DebugAction::ReverseContinue) {
        const bool forward = action == DebugAction::Continue;
        const bool conditional = std::any_of(breakpoints_.cbegin(), breakpoints_.cend(), [](const DebugBreakpoint& bp) {
            return !bp.condition.trimmed().isEmpty();
        });
        if (conditional) {
            startSearch(forward);
            return;
        }
        // No condition to evaluate: a scan of the events, done at once.
        const std::vector<mdsl::debug::Breakpoint> breakpoints = engineBreakpoints(breakpoints_);
        const mdsl::debug::Recording& r = *recorded_->recording;
        showStop(forward ? r.continueFrom(current_, breakpoints) : r.reverseContinueFrom(current_, breakpoints),
                 forward);
        return;
    }
    const std::optional<std::size_t> to = target(action, cursorLine);
    if (!to) {
        if (action == DebugAction::RunToCursor)
            updateState([cursorLine] { return tr("The rule at line %1 does not run after this point.").arg(cursorLine); });
        return;
    }
    moveTo(*to);
}

void RecordingDebugger::goToEvent(int event)
{
    if (!recorded_ || !recorded_->recording || event < 0 || std::size_t(event) >= recorded_->recording->size())
        return;
    supersede();
    moveTo(std::size_t(event));
}

void RecordingDebugger::moveTo(std::size_t event, Message message)
{
    current_ = event;
    updateState(std::move(message));
}

void RecordingDebugger::setBreakpoints(const QList<DebugBreakpoint>& breakpoints)
{
    breakpoints_ = breakpoints;
}

int RecordingDebugger::writerOf(const QString& pointer) const
{
    if (!recorded_ || !recorded_->recording || recorded_->recording->size() == 0)
        return -1;
    const auto writer = recorded_->recording->writerOf(pointer.toStdString(), current_);
    return writer ? int(*writer) : -1;
}

void RecordingDebugger::markStale()
{
    if (stale_ || !recorded_ || !recorded_->recording)
        return;
    supersede();
    views_->cancel();
    stale_ = true;
    updateState(message_);
}

void RecordingDebugger::retranslate()
{
    skipsOf_ = 0;   // listed again in the new language
    updateState(message_);
}

int RecordingDebugger::position(std::uint32_t byteOffset) const
{
    const std::vector<int>& p = recorded_->positions;
    return p.empty() ? 0 : p[std::min<std::size_t>(byteOffset, p.size() - 1)];
}

DebugOutcome RecordingDebugger::outcome(std::size_t i) const
{
    const mdsl::debug::Recording& r = *recorded_->recording;
    const mdsl::TraceEvent& e = r.event(i);
    DebugOutcome out;
    out.event = int(i);
    out.line = r.lineOf(i);
    out.target = fromStd(e.target);
    if (e.kind == mdsl::TraceKind::Write) {
        out.detail = e.value ? shortJson(*e.value) : QString();
    } else if (e.kind == mdsl::TraceKind::Skip) {
        out.kind = DebugOutcome::Kind::Skip;
        out.detail = skipReason(e.reason);
    } else {
        out.kind = DebugOutcome::Kind::Error;
        out.target = fromStd(e.reason);
        if (const mdsl::Diagnostic* d = r.errorOf(i)) {
            QStringList args;
            for (const std::string& arg : d->args)
                args.append(fromStd(arg));
            out.detail = DiagnosticMessages::translate(fromStd(d->code), args, fromStd(d->message), fromStd(d->wording));
        }
    }
    return out;
}

QString RecordingDebugger::describeEvent(std::size_t i) const
{
    const mdsl::debug::Recording& r = *recorded_->recording;
    const mdsl::TraceEvent& e = r.event(i);
    switch (e.kind) {
    case mdsl::TraceKind::RuleEntered:
        return r.isBlock(i) ? tr("Array block on line %1").arg(r.lineOf(i)) : tr("Rule on line %1").arg(r.lineOf(i));
    case mdsl::TraceKind::Value:
        return tr("Value of %1").arg(fromStd(r.text().substr(e.span.begin, e.span.size())));
    case mdsl::TraceKind::Write:
        return tr("Wrote %1 = %2").arg(fromStd(e.target), e.value ? shortJson(*e.value, 80) : QString());
    case mdsl::TraceKind::Skip: return tr("Skipped %1: %2").arg(fromStd(e.target), skipReason(e.reason));
    case mdsl::TraceKind::Error: {
        const DebugOutcome o = outcome(i);
        return tr("Error %1: %2").arg(o.target, o.detail);
    }
    case mdsl::TraceKind::ElementEntered:
        return tr("Element %1 of the block on line %2").arg(e.index + 1).arg(r.lineOf(i));
    case mdsl::TraceKind::ElementLeft: return tr("End of element %1").arg(e.index + 1);
    }
    return {};
}

void RecordingDebugger::updateState(Message message)
{
    message_ = std::move(message);
    DebugState s;
    s.message = message_ ? message_() : QString();
    s.stale = stale_;
    if (stale_)
        s.message = tr("The mapping or its sample input changed since this run was recorded: record again to debug them as they are now.");
    const mdsl::debug::Recording* r = recorded_ ? recorded_->recording.get() : nullptr;
    if (!r || r->size() == 0) {
        state_ = s;
        emit stateChanged();
        return;
    }
    const std::size_t i = std::min(current_, r->size() - 1);
    s.recorded = true;
    s.engine = recorded_->v1 ? QStringLiteral("V1") : QStringLiteral("V2");
    s.event = int(i);
    s.eventCount = int(r->size());
    s.description = describeEvent(i);

    if (const auto rule = r->ruleOf(i)) {
        const mdsl::Span span = r->event(*rule).span;
        s.ruleStart = position(span.begin);
        s.ruleEnd = position(span.end);
        s.ruleLine = r->lineOf(*rule);
        QString text = fromStd(r->text().substr(span.begin, span.size()));
        s.ruleText = r->isBlock(*rule) ? text.section(QLatin1Char('\n'), 0, 0) : text.simplified();
        for (const std::size_t v : r->valuesOf(*rule)) {
            const mdsl::TraceEvent& e = r->event(v);
            DebugValue value;
            value.expression = fromStd(r->text().substr(e.span.begin, e.span.size())).simplified();
            value.value = e.value ? shortJson(*e.value) : tr("missing");
            value.start = position(e.span.begin);
            value.end = position(e.span.end);
            value.line = r->lineOf(v);
            s.values.append(value);
        }
        // A block over a large array ends once per element: the list shows the first ones.
        for (const std::size_t o : r->outcomesOfRule(span.begin)) {
            if (s.ruleOutcomes.size() >= kMaxListed)
                break;
            s.ruleOutcomes.append(outcome(o));
        }
    }
    if (const auto element = r->elementOf(i))
        s.contextLabel
            = tr("Element %1 of the block on line %2").arg(r->event(*element).index + 1).arg(r->lineOf(*element));
    else
        s.contextLabel = tr("The input");
    // The previous state's views and watches: what a pending step keeps showing meanwhile.
    s.context = state_.context;
    s.output = state_.output;
    s.watches = state_.watches;
    if (!stale_)
        fillViews(s, i);
    if (const auto write = r->lastWrite(i)) {
        s.lastWrite = fromStd(r->event(*write).target);
        s.atLastWrite = *write == i;
    }
    for (const mdsl::debug::Frame& f : r->frames(i)) {
        DebugFrame frame;
        frame.event = int(f.event);
        frame.start = position(f.span.begin);
        frame.end = position(f.span.end);
        frame.label = f.kind == mdsl::debug::FrameKind::Element ? tr("Element %1").arg(f.index + 1)
            : r->isBlock(f.event) ? tr("Array block, line %1").arg(r->lineOfOffset(f.span.begin))
                                  : tr("Rule, line %1").arg(r->lineOfOffset(f.span.begin));
        s.frames.append(frame);
    }
    // The same at every step: listed once (a scan of every event, too long for each step).
    if (skipsOf_ != recorded_->id) {
        skipsAndErrors_.clear();
        for (std::size_t j = 0; j < r->size() && skipsAndErrors_.size() < kMaxListed; ++j) {
            const mdsl::TraceKind kind = r->event(j).kind;
            if (kind == mdsl::TraceKind::Skip || kind == mdsl::TraceKind::Error)
                skipsAndErrors_.append(outcome(j));
        }
        skipsOf_ = recorded_->id;
    }
    s.skipsAndErrors = skipsAndErrors_;
    if (r->event(i).kind == mdsl::TraceKind::Error) {
        const DebugOutcome o = outcome(i);
        s.error = o.target + QStringLiteral(": ") + o.detail;
    }
    state_ = s;
    emit stateChanged();
}

} // namespace studio
