#include "mappingbackend.h"
#include "utf8text.h"

#include "diagnosticmessages.h"
#include "jsonerror.h"

#include "mdsl/engine.h"
#include "mdsl/jsondiff.h"
#include "mdsl/repro.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>
#include <QMutex>

#include <algorithm>
#include <future>

namespace studio {

QString Problem::message() const
{
    return DiagnosticMessages::translate(code, args, english, wording);
}

QString TextFix::title() const
{
    return DiagnosticMessages::translateFix(id, args, englishTitle);
}

QString RelatedProblem::message() const
{
    return DiagnosticMessages::translateRelated(id, args, english);
}

namespace {

/// The engine's byte offsets into a text's UTF-8 (what it was given) as document positions.
class PositionMap {
public:
    explicit PositionMap(const QString& text)
    {
        const QByteArray utf8 = text.toUtf8();
        positions_ = utf16Positions(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    }

    [[nodiscard]] int position(const mdsl::Position& at) const
    {
        return positions_[std::min(std::size_t(at.offset), positions_.size() - 1)];
    }

private:
    std::vector<int> positions_;
};

ProblemSeverity severityOf(mdsl::Severity severity)
{
    switch (severity) {
    case mdsl::Severity::Error:
        return ProblemSeverity::Error;
    case mdsl::Severity::Warning:
        return ProblemSeverity::Warning;
    case mdsl::Severity::Info:
        break;
    }
    return ProblemSeverity::Info;
}


/// Takes the output over: an output of megabytes is not copied.
EngineRun toEngineRun(mdsl::RunResult&& result, const QString& text)
{
    EngineRun run;
    run.state = runStateOf(result.status);
    run.output = std::move(result.output);
    run.problems = toProblems(result.diagnostics, text);
    run.elapsedUs = result.stats.elapsedUs;
    return run;
}

/// The line and column (in code points) of a byte offset, for the message of a broken sample input.
void locateOffset(const std::string& text, std::size_t offset, int& line, int& column)
{
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
}

/// What the visual mapping shows of a rule: its first line, from the right of `<-`.
QString ruleSummary(const QString& text, bool array)
{
    QString line = text.section(QLatin1Char('\n'), 0, 0);
    const qsizetype arrow = line.indexOf(QStringLiteral("<-"));
    if (arrow >= 0)
        line = line.mid(arrow + 2);
    if (array && line.lastIndexOf(QLatin1Char('{')) > 0)
        line.truncate(line.lastIndexOf(QLatin1Char('{')));
    return line.trimmed();
}

/// The engine's analyses of the last few (text, flags): each made once, by the first thread
/// that asks, while the others asking for the same wait for it.
class AnalysisCache {
public:
    mdsl::Analysis get(const QString& text, const mdsl::Flags& flags)
    {
        std::promise<mdsl::Analysis> promise;
        std::shared_future<mdsl::Analysis> future;
        {
            QMutexLocker lock(&mutex_);
            const auto found = std::find_if(entries_.begin(), entries_.end(),
                                            [&](const Entry& e) { return e.flags == flags && e.text == text; });
            if (found != entries_.end()) {
                // Most recently used first: a pinned V1 file asked for at every preview stays.
                std::rotate(entries_.begin(), found, found + 1);
                future = entries_.front().analysis;
                lock.unlock();
                return future.get();
            }
            future = promise.get_future().share();
            entries_.insert(entries_.begin(), Entry{text, flags, future});
            if (entries_.size() > kKept)
                entries_.pop_back();
        }
        const QByteArray utf8 = text.toUtf8();
        try {
            promise.set_value(mdsl::analyze(std::string_view(utf8.constData(), std::size_t(utf8.size())), flags));
        } catch (...) {
            promise.set_exception(std::current_exception());
        }
        return future.get();
    }

private:
    /// The editor's text as it changes, the previous version still being shown, a pinned V1
    /// file, a repro bundle's mapping.
    static constexpr std::size_t kKept = 4;
    struct Entry {
        QString text;
        mdsl::Flags flags;
        std::shared_future<mdsl::Analysis> analysis;
    };
    QMutex mutex_;
    std::vector<Entry> entries_;
};

class EngineBackend final : public MappingBackend {
public:
    mdsl::Analysis analysis(const QString& text, const mdsl::Flags& flags) override
    {
        return analyses_.get(text, flags);
    }

    ProblemsResult validate(const QString& text, const mdsl::Flags& flags) override
    {
        QElapsedTimer timer;
        timer.start();
        ProblemsResult result;
        result.analysis = analysis(text, flags);
        result.problems = toProblems(result.analysis->diagnostics(mdsl::Route::V2Routed), text);
        result.elapsedUs = timer.nsecsElapsed() / 1000;
        return result;
    }

    PreviewResult preview(const PreviewRequest& request) override
    {
        QElapsedTimer timer;
        timer.start();
        PreviewResult result;
        result.request = request;
        const std::shared_ptr<const mdsl::Json> input = parsedInput(request.input, result);
        if (!input)
            return result;
        result.sourcePaths = sourcePaths(*input);

        mdsl::RunOptions options;
        options.pinnedNowMs = request.pinnedNowMs;
        // A preview is for looking, not for load tests: a runaway mapping stops early.
        options.limits.maxTime = std::chrono::milliseconds(2000);

        // The editor's text and a V1 side pinned to another file are each analysed once per
        // version (the problems asked for the same analysis); the pinned file, which does not
        // change as the author types, stays in the cache.
        const mdsl::Analysis mapping = analysis(request.text, request.flags);
        const bool pinned = request.leftText != request.text;
        const mdsl::Analysis left = pinned ? analysis(request.leftText, request.flags) : mapping;
        // The two runs are independent (compiled mappings and the input are immutable): V1 goes
        // to another thread while this one runs V2.
        QFuture<mdsl::RunResult> v1Run =
            QtConcurrent::run([&] { return mdsl::run(left.compiled(mdsl::EngineKind::V1), *input, options); });
        mdsl::RunResult v2 = mdsl::run(mapping.compiled(mdsl::EngineKind::V2), *input, options);
        mdsl::RunResult v1 = v1Run.takeResult();
        // With one side invalid there is nothing to compare: its status says why.
        if (v1.output && v2.output)
            result.patch = mdsl::jsonPatch(*v1.output, *v2.output);

        // Production's dry-run (V2-routed, or a repro bundle's route) is one of these two runs:
        // mdsl::dryRun would run the same mapping again. The engine says which (answer()); only
        // a V1 side pinned to another file needs a run of the editor's text on V1, and only
        // when production would answer with V1.
        const mdsl::Route route = request.production ? request.productionRoute : mdsl::Route::V2Routed;
        const mdsl::RoutedAnswer routed = mapping.answer(route, v2.status);
        std::optional<mdsl::RunResult> ownV1;
        if (routed.engine == mdsl::EngineKind::V1 && pinned)
            ownV1 = mdsl::run(mapping.compiled(mdsl::EngineKind::V1), *input, options);
        const mdsl::RunResult& served = routed.engine == mdsl::EngineKind::V2 ? v2 : ownV1 ? *ownV1 : v1;
        result.production.engine = fromStd(std::string(mdsl::engineName(routed.engine)));
        result.production.answer = routed;
        result.production.fallback = routed.fallback;
        result.production.state = runStateOf(served.status);
        if (request.production)
            result.repro = mdsl::judgeRepro(request.production.get(), served.status, served.output, routed);

        result.v1 = toEngineRun(std::move(v1), request.leftText);
        result.v2 = toEngineRun(std::move(v2), request.text);
        result.totalUs = timer.nsecsElapsed() / 1000;
        return result;
    }

    WhyAnswer why(const WhyRequest& request) override
    {
        WhyAnswer answer;
        answer.why.pointer = request.pointer.toStdString();
        PreviewResult unused;
        const std::shared_ptr<const mdsl::Json> input = parsedInput(request.input, unused);
        if (!input) {
            answer.noInput = true;
            return answer;
        }
        const mdsl::Analysis mapping = analysis(request.text, request.flags);
        const std::shared_ptr<const mdsl::RunResult> run = tracedRun(request, mapping, *input);
        answer.why = mdsl::explain(*run, mapping, answer.why.pointer);
        if (answer.why.rule) {
            const PositionMap map(request.text);
            answer.ruleStart = map.position(mapping.lines().position(answer.why.rule->span.begin));
            answer.ruleEnd = map.position(mapping.lines().position(answer.why.rule->span.end));
        }
        return answer;
    }

    VisualLineage lineage(const QString& text, const mdsl::Flags& flags, const QString& input) override
    {
        QElapsedTimer clock;
        clock.start();
        const mdsl::Analysis analysed = analysis(text, flags);
        const std::vector<int> positions = utf16Positions(analysed.text());
        auto position = [&](const mdsl::Position& at) {
            return positions[std::min(std::size_t(at.offset), positions.size() - 1)];
        };
        VisualLineage result;
        for (const mdsl::LineageEntry& entry : analysed.lineage()) {
            VisualRule rule;
            rule.target = fromStd(entry.target);
            rule.array = entry.kind == mdsl::LineageKind::Array;
            for (const mdsl::LineageSource& source : entry.sources) {
                const QString path = source.field ? fromStd(source.field->text()) : QString();
                if (!path.isEmpty() && !rule.sources.contains(path))
                    rule.sources.append(path);
            }
            rule.start = position(entry.range.start);
            rule.end = position(entry.range.end);
            rule.line = entry.range.start.line;
            rule.text = ruleSummary(text.mid(rule.start, rule.end - rule.start), rule.array);
            result.rules.push_back(std::move(rule));
        }
        result.sources = inputFields(input);
        result.elapsedUs = clock.nsecsElapsed() / 1000;
        return result;
    }

private:
    /// A run of one side with its trace, kept while the author looks at its differences.
    struct TracedRun {
        QString text;
        QString input;
        mdsl::Flags flags;
        std::optional<qint64> pinnedNowMs;
        mdsl::EngineKind engine = mdsl::EngineKind::V2;
        std::shared_ptr<const mdsl::RunResult> run;
    };

    std::shared_ptr<const mdsl::RunResult> tracedRun(const WhyRequest& request, const mdsl::Analysis& mapping,
                                                     const mdsl::Json& input)
    {
        QMutexLocker lock(&tracedMutex_);   // one traced run at a time: a second asker finds it
        for (const TracedRun& kept : traced_) {
            if (kept.engine == request.engine && kept.pinnedNowMs == request.pinnedNowMs && kept.flags == request.flags
                && kept.text == request.text && kept.input == request.input)
                return kept.run;
        }
        mdsl::RunOptions options;
        options.pinnedNowMs = request.pinnedNowMs;
        options.limits.maxTime = std::chrono::milliseconds(2000);   // as the preview's run
        options.trace = true;
        // A large output's trace is bounded: past these the answer says the trace was cut.
        options.maxTraceEvents = kMaxWhyTraceEvents;
        options.maxTraceBytes = kMaxWhyTraceBytes;
        auto run = std::make_shared<const mdsl::RunResult>(mdsl::run(mapping.compiled(request.engine), input, options));
        if (traced_.size() >= kKeptTraces)
            traced_.erase(traced_.begin());
        traced_.push_back({request.text, request.input, request.flags, request.pinnedNowMs, request.engine, run});
        return run;
    }

    static constexpr std::size_t kKeptTraces = 4;   ///< both sides, for the text shown and the one before
    static constexpr std::size_t kMaxWhyTraceEvents = 1'000'000;
    static constexpr std::uint64_t kMaxWhyTraceBytes = 32u << 20;

    /// The fields of the sample input, listed once per input (the preview's parse is shared).
    std::shared_ptr<const SourceFields> inputFields(const QString& inputText)
    {
        PreviewResult unused;
        const std::shared_ptr<const mdsl::Json> parsed = parsedInput(inputText, unused);
        QMutexLocker lock(&mutex_);
        if (parsed && parsed == fieldsOf_)
            return fields_;
        if (!parsed && fields_ && !fieldsOf_ && fieldsText_ == inputText)
            return fields_;
        lock.unlock();
        auto fields = std::make_shared<SourceFields>();
        if (parsed)
            *fields = sourceFields(*parsed);
        else
            fields->notJson = !inputText.trimmed().isEmpty();
        lock.relock();
        fields_ = fields;
        fieldsOf_ = parsed;
        fieldsText_ = parsed ? QString() : inputText;
        return fields;
    }

    /// The sample input parsed; the last one is kept, since most edits touch the mapping.
    std::shared_ptr<const mdsl::Json> parsedInput(const QString& inputText, PreviewResult& result)
    {
        // One parse per input: the preview and the visual mapping ask for the same new input at
        // once, and a 50 MB sample must not be parsed twice side by side; the second waits and
        // finds the first one's parse.
        QMutexLocker parsing(&parseMutex_);
        {
            QMutexLocker lock(&mutex_);
            if (cachedInput_ && cachedText_ == inputText)
                return cachedInput_;
        }
        if (inputText.trimmed().isEmpty()) {
            result.inputEmpty = true;
            result.inputError = inputErrorText(result);
            return nullptr;
        }
        const std::string utf8 = inputText.toStdString();
        std::shared_ptr<const mdsl::Json> parsed;
        try {
            parsed = std::make_shared<const mdsl::Json>(mdsl::parseJson(utf8));
        } catch (const mdsl::Json::exception& e) {
            // The parser's reason, worded when shown; a parse error says where too (a number
            // past a double's range does not: its line and column stay unknown).
            if (const auto* parse = dynamic_cast<const mdsl::Json::parse_error*>(&e))
                locateOffset(utf8, parse->byte > 0 ? parse->byte - 1 : 0, result.inputErrorLine, result.inputErrorColumn);
            result.inputErrorReason = QString::fromUtf8(e.what());
            // An unclosed string's message quotes the rest of the text: keep both ends of it.
            if (result.inputErrorReason.size() > 1000)
                result.inputErrorReason = result.inputErrorReason.left(500) + QStringLiteral("…") + result.inputErrorReason.right(200);
            result.inputError = inputErrorText(result);
            return nullptr;
        }
        QMutexLocker lock(&mutex_);
        cachedText_ = inputText;
        cachedInput_ = parsed;
        return parsed;
    }

    AnalysisCache analyses_;
    mutable QMutex mutex_;
    QMutex tracedMutex_;
    std::vector<TracedRun> traced_;
    QMutex parseMutex_;   ///< held while the sample input is parsed (parsedInput)
    QString cachedText_;
    std::shared_ptr<const mdsl::Json> cachedInput_;
    std::shared_ptr<const SourceFields> fields_;
    std::shared_ptr<const mdsl::Json> fieldsOf_;   ///< the parse fields_ were listed from
    QString fieldsText_;                            ///< or the text that is not JSON
};

} // namespace

namespace {

/// The text of a range as a problem (or related location) shows it: its start's line and
/// column as the engine counts, and document positions for selecting it.
template <class Item>
void place(Item& item, const mdsl::Range& range, const PositionMap& map)
{
    item.line = range.start.line;
    item.column = range.start.column;
    item.start = map.position(range.start);
    item.end = qMax(item.start, map.position(range.end));
}

QStringList fromStdList(const std::vector<std::string>& list)
{
    QStringList out;
    out.reserve(qsizetype(list.size()));
    for (const std::string& item : list)
        out.append(fromStd(item));
    return out;
}

} // namespace

QString inputErrorText(const PreviewResult& result)
{
    if (result.inputEmpty)
        return QCoreApplication::translate("studio::MappingBackend", "No sample input yet: type one, load one or drop a JSON file.");
    const QString reason = JsonError::reason(result.inputErrorReason);
    if (result.inputErrorLine == 0)
        return reason.isEmpty() ? result.inputError
                                : QCoreApplication::translate("studio::MappingBackend", "The sample input is not valid JSON: %1.")
                                      .arg(reason);
    const QString where = QCoreApplication::translate("studio::MappingBackend", "line %1, column %2")
                              .arg(result.inputErrorLine)
                              .arg(result.inputErrorColumn);
    if (reason.isEmpty())
        return QCoreApplication::translate("studio::MappingBackend", "The sample input is not valid JSON (%1).").arg(where);
    return QCoreApplication::translate("studio::MappingBackend", "The sample input is not valid JSON (%1): %2.").arg(where, reason);
}

QList<Problem> toProblems(const std::vector<mdsl::Diagnostic>& diagnostics, const QString& text)
{
    const PositionMap map(text);
    QList<Problem> problems;
    problems.reserve(qsizetype(diagnostics.size()));
    for (const mdsl::Diagnostic& d : diagnostics) {
        Problem p;
        p.severity = severityOf(d.severity);
        p.code = fromStd(d.code);
        p.args = fromStdList(d.args);
        p.english = fromStd(d.message);
        p.wording = fromStd(d.wording);
        place(p, d.range, map);
        for (const mdsl::Fix& fix : d.fixes) {
            TextFix f;
            f.englishTitle = fromStd(fix.title);
            f.id = fromStd(fix.id);
            f.args = fromStdList(fix.args);
            for (const mdsl::TextEdit& edit : fix.edits) {
                const int start = map.position(edit.range.start);
                const int end = qMax(start, map.position(edit.range.end));
                f.edits.append({start, end, fromStd(edit.newText)});
            }
            p.fixes.append(f);
        }
        for (const mdsl::RelatedLocation& r : d.related) {
            RelatedProblem related;
            related.id = fromStd(r.id);
            related.args = fromStdList(r.args);
            related.english = fromStd(r.message);
            place(related, r.range, map);
            p.related.append(related);
        }
        problems.append(p);
    }
    return problems;
}

RunState runStateOf(mdsl::RunStatus status)
{
    switch (status) {
    case mdsl::RunStatus::Ok:
        return RunState::Ok;
    case mdsl::RunStatus::Failed:
        return RunState::Failed;
    case mdsl::RunStatus::Invalid:
        break;
    }
    return RunState::Invalid;
}

std::shared_ptr<MappingBackend> makeEngineBackend()
{
    return std::make_shared<EngineBackend>();
}

} // namespace studio
