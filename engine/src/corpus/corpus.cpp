// Corpus comparison (mdsl/corpus.h): two sides over every record, on the batch's
// order-preserving parallel map, then the figures, the groups and the verdict.

#include "mdsl/corpus.h"

#include "batch/ndjson.h"
#include "batch/ordered_pool.h"
#include "corpus/groups.h"
#include "mdsl/analysis.h"
#include "mdsl/batch.h"
#include "mdsl/jsondiff.h"
#include "util/json_io.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <istream>

namespace mdsl {

std::string_view sideEngineName(SideEngine engine) noexcept
{
    switch (engine) {
    case SideEngine::V1: return "v1";
    case SideEngine::V2: return "v2";
    case SideEngine::Routed: return "routed";
    }
    return "routed";
}

std::string_view sideKindName(SideKind kind) noexcept
{
    switch (kind) {
    case SideKind::Mapping: return "mapping";
    case SideKind::RecordedOutputs: return "outputs";
    case SideKind::PairOutputs: return "pairs";
    }
    return "mapping";
}

CorpusSide mappingSide(std::string name, std::string text, SideEngine engine, const Flags& flags)
{
    CorpusSide side;
    side.kind = SideKind::Mapping;
    side.engine = engine;
    side.flags = flags;
    side.text = std::move(text);
    if (name.empty())
        side.label = engine == SideEngine::V1 ? "V1" : engine == SideEngine::V2 ? "V2" : "routed";
    else
        side.label = std::filesystem::path(name).filename().string() + " on " + std::string(sideEngineName(engine));
    side.name = std::move(name);
    return side;
}

CorpusSide outputsSide(std::string name, std::istream& outputs)
{
    CorpusSide side;
    side.kind = SideKind::RecordedOutputs;
    side.label = "recorded " + std::filesystem::path(name).filename().string();
    side.name = std::move(name);
    side.outputs = &outputs;
    return side;
}

CorpusSide pairOutputsSide()
{
    CorpusSide side;
    side.kind = SideKind::PairOutputs;
    side.label = "recorded outputs";
    side.name = "pairs";
    return side;
}

double CorpusReport::identicalPercent() const noexcept
{
    return compared == 0 ? 0.0 : 100.0 * static_cast<double>(identical) / static_cast<double>(compared);
}

double CorpusReport::differentPercent() const noexcept
{
    return compared == 0 ? 0.0 : 100.0 * static_cast<double>(compared - identical) / static_cast<double>(compared);
}

double CorpusReport::timeRatio() const noexcept
{
    if (!left.timed() || !right.timed() || left.totalNs == 0)
        return 0;
    return static_cast<double>(right.totalNs) / static_cast<double>(left.totalNs);
}

namespace {

// One line of the corpus and, for recorded sides, the aligned lines of their files.
struct CorpusItem {
    detail::NdjsonLine line;
    std::size_t bytes = 0;                // the line's length, even past the limit
    std::string outputs[2];
    std::size_t outputBytes[2] = {0, 0};
};

// A side's answer on one record.
struct SideAnswer {
    RunStatus status = RunStatus::Ok;
    std::optional<Json> output;
    std::optional<Diagnostic> error;      // the first error
    std::int64_t ns = 0;
    bool fallback = false;
    std::optional<RuleProfile> profile;   // with RunOptions::profile
};

struct CorpusOutcome {
    std::uint64_t line = 0;
    std::size_t bytes = 0;    // the line's length (for progress)
    bool blank = false;
    std::optional<detail::FoundFailure> invalidInput;
    SideAnswer answers[2];
    bool identical = true;
    std::vector<detail::FoundDifference> differences;
    std::vector<detail::FoundFailure> failures;
};

// Reads a line of at most `max` bytes kept (the rest counted in `bytes`, not stored).
bool readBoundedLine(std::istream& in, std::size_t max, std::string& text, std::size_t& bytes)
{
    text.clear();
    bytes = 0;
    std::streambuf* buffer = in.rdbuf();
    if (buffer == nullptr)
        return false;
    int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
        in.setstate(std::ios::eofbit);
        return false;
    }
    while (c != std::char_traits<char>::eof() && c != '\n') {
        if (bytes < max)
            text.push_back(static_cast<char>(c));
        ++bytes;
        c = buffer->sbumpc();
    }
    if (bytes <= max && !text.empty() && text.back() == '\r') {
        text.pop_back();
        --bytes;
    }
    return true;
}

// A mapping side compiled once: one analysis of its text under its flags.
struct SideRunner {
    const CorpusSide* side = nullptr;
    std::optional<Analysis> analysis;
    std::optional<PreparedMapping> prepared;
    const CompiledMapping* compiled = nullptr;

    void prepare(const SideRunner* sameText)
    {
        if (side->kind != SideKind::Mapping)
            return;
        if (sameText != nullptr && sameText->analysis && sameText->side->text == side->text
            && sameText->side->flags == side->flags)
            analysis = sameText->analysis;
        else
            analysis = analyze(side->text, side->flags);
        if (side->engine == SideEngine::Routed)
            prepared = analysis->prepared(Route::V2Routed);
        else
            compiled = &analysis->compiled(side->engine == SideEngine::V1 ? EngineKind::V1 : EngineKind::V2);
    }

    // Valid for its engine; routed: for the engine that routes it, or V1 by fallback.
    [[nodiscard]] bool runs() const
    {
        if (!analysis)
            return true;
        if (compiled != nullptr)
            return compiled->ok();
        if (!hasErrors(analysis->diagnostics(Route::V2Routed)))
            return true;
        return analysis->answer(Route::V2Routed, RunStatus::Invalid).fallback && analysis->compiled(EngineKind::V1).ok();
    }

    [[nodiscard]] std::vector<Diagnostic> diagnostics() const
    {
        if (!analysis)
            return {};
        return compiled != nullptr ? compiled->diagnostics() : analysis->diagnostics(Route::V2Routed);
    }

    [[nodiscard]] std::string ruleAt(const Diagnostic& d) const
    {
        // An error before any rule ran (an input nested too deep) has no place in the text:
        // an empty range at the document's start.
        const bool noPlace = d.range.start.offset == 0 && d.range.end.offset == 0;
        if (!analysis || d.code.rfind("E4", 0) != 0 || d.range.start.line < 1 || noPlace)
            return {};
        std::string text(analysis->lines().lineText(d.range.start.line));
        const auto first = text.find_first_not_of(" \t");
        text = first == std::string::npos ? std::string() : text.substr(first);
        if (text.size() > 80)
            text = text.substr(0, 77) + "...";
        return std::to_string(d.range.start.line) + ": " + text;
    }
};

std::optional<Diagnostic> firstErrorOf(const std::vector<Diagnostic>& diagnostics)
{
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::Error)
            return d;
    }
    return std::nullopt;
}

SideAnswer runMapping(const SideRunner& runner, const Json& input, const RunOptions& options)
{
    SideAnswer answer;
    const auto start = std::chrono::steady_clock::now();
    RunResult result = runner.compiled != nullptr ? run(*runner.compiled, input, options)
                                                  : dryRun(*runner.prepared, input, options);
    answer.ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
    answer.status = result.status;
    answer.fallback = result.fallback;
    if (result.status == RunStatus::Ok)
        answer.output = std::move(result.output);
    answer.error = firstErrorOf(result.diagnostics);
    answer.profile = std::move(result.profile);
    return answer;
}

Diagnostic plainError(std::string code, std::string message)
{
    Diagnostic d;
    d.code = std::move(code);
    d.message = std::move(message);
    return d;
}

// A recorded line: the output, or a dry-run result object whose status counts.
SideAnswer recordedAnswer(const detail::NdjsonLine& recorded, std::size_t bytes, std::size_t maxBytes)
{
    SideAnswer answer;
    if (bytes > maxBytes) {
        answer.status = RunStatus::Invalid;
        answer.error = plainError("size", "the recorded line is " + std::to_string(bytes) + " bytes, over the limit of "
                                               + std::to_string(maxBytes));
        return answer;
    }
    if (detail::isBlank(recorded.text)) {
        answer.status = RunStatus::Failed;
        answer.error = plainError("no-output", "no output recorded");
        return answer;
    }
    Diagnostic error;
    std::optional<Json> value = detail::parseLine(recorded, error);
    if (!value) {
        answer.status = RunStatus::Invalid;
        answer.error = error;
        return answer;
    }
    const auto status = value->is_object() ? value->find("status") : value->end();
    if (value->is_object() && value->contains("engine") && value->contains("route") && status != value->end()
        && status->is_string()) {
        const std::string s = status->get<std::string>();
        answer.status = s == "ok" ? RunStatus::Ok : s == "failed" ? RunStatus::Failed : RunStatus::Invalid;
        if (const auto output = value->find("output"); output != value->end() && answer.status == RunStatus::Ok)
            answer.output = *output;
        if (const auto diagnostics = value->find("diagnostics"); diagnostics != value->end() && diagnostics->is_array()) {
            for (const Json& d : *diagnostics) {
                if (d.is_object() && d.value("severity", "") == "error") {
                    answer.error = plainError(d.value("code", ""), d.value("message", ""));
                    break;
                }
            }
        }
        return answer;
    }
    answer.output = std::move(*value);
    return answer;
}

detail::FoundFailure invalidInputLine(std::string code, std::string message)
{
    return {"input", RunStatus::Invalid, std::move(code), "", std::move(message)};
}

CorpusOutcome compareItem(CorpusItem& item, const SideRunner (&runners)[2], bool pairs, std::size_t maxBytes, const RunOptions& options)
{
    CorpusOutcome outcome;
    outcome.line = item.line.number;
    outcome.bytes = item.bytes;
    if (item.bytes <= maxBytes && detail::isBlank(item.line.text)) {
        outcome.blank = true;
        return outcome;
    }
    if (item.bytes > maxBytes) {
        outcome.invalidInput = invalidInputLine("size", "line " + std::to_string(item.line.number) + " is "
                                                        + std::to_string(item.bytes) + " bytes, over the limit of "
                                                        + std::to_string(maxBytes));
        return outcome;
    }
    Diagnostic error;
    std::optional<Json> record = detail::parseLine(item.line, error);
    if (!record) {
        outcome.invalidInput = invalidInputLine(error.code, error.message);
        return outcome;
    }
    const Json* input = &*record;
    const Json* pairOutput = nullptr;
    if (pairs) {
        const auto in = record->is_object() ? record->find("input") : record->end();
        const auto out = record->is_object() ? record->find("output") : record->end();
        if (!record->is_object() || in == record->end() || out == record->end()) {
            outcome.invalidInput = invalidInputLine("pair", "line " + std::to_string(item.line.number)
                                                            + ": a pairs record is an object with \"input\" and \"output\"");
            return outcome;
        }
        input = &*in;
        pairOutput = &*out;
    }
    for (int s = 0; s < 2; ++s) {
        const CorpusSide& side = *runners[s].side;
        SideAnswer& answer = outcome.answers[s];
        if (side.kind == SideKind::Mapping) {
            answer = runMapping(runners[s], *input, options);
        } else if (side.kind == SideKind::PairOutputs) {
            answer.output = pairOutput != nullptr ? *pairOutput : Json();
        } else {
            answer = recordedAnswer({item.line.number, std::move(item.outputs[s])}, item.outputBytes[s], maxBytes);
        }
        if (answer.status != RunStatus::Ok) {
            const Diagnostic d = answer.error.value_or(plainError("", ""));
            outcome.failures.push_back({s == 0 ? "left" : "right", answer.status, d.code, runners[s].ruleAt(d), d.message});
        }
    }
    const SideAnswer& l = outcome.answers[0];
    const SideAnswer& r = outcome.answers[1];
    if (l.status != r.status) {
        outcome.identical = false;
        outcome.differences.push_back({"", DifferenceKind::Status, std::string(statusName(l.status)),
                                       std::string(statusName(r.status))});
    } else if (l.output.has_value() != r.output.has_value()
               || (l.output && !jsonEqual(*l.output, *r.output))) {
        outcome.identical = false;
        outcome.differences = detail::findDifferences(l.output ? &*l.output : nullptr, r.output ? &*r.output : nullptr);
    }
    return outcome;
}

void countAnswer(SideFigures& figures, const SideAnswer& answer)
{
    if (answer.status == RunStatus::Ok)
        ++figures.ok;
    else if (answer.status == RunStatus::Failed)
        ++figures.failed;
    else
        ++figures.invalid;
    figures.fallbacks += answer.fallback ? 1 : 0;
    if (figures.timed()) {
        figures.totalNs += static_cast<std::uint64_t>(std::max<std::int64_t>(answer.ns, 0));
        figures.times.add(answer.ns);
    }
    if (answer.profile) {
        if (!figures.profile)
            figures.profile.emplace();
        figures.profile->merge(*answer.profile);
    }
}

void describeSide(SideFigures& figures, const CorpusSide& side, const SideRunner& runner)
{
    figures.kind = side.kind;
    figures.name = side.name;
    figures.label = side.label;
    figures.engine = side.engine;
    figures.runs = runner.runs();
    figures.mappingDiagnostics = runner.diagnostics();
}

} // namespace

void detail::finishFigures(CorpusReport& report)
{
    for (SideFigures* f : {&report.left, &report.right}) {
        f->errorRatePercent = report.compared == 0
            ? 0
            : 100.0 * static_cast<double>(f->failed + f->invalid) / static_cast<double>(report.compared);
    }
    report.verdict = decideVerdict(report);
}

CorpusProgress corpusProgress(const CorpusReport& report)
{
    CorpusProgress progress;
    progress.records = report.records;
    progress.invalidInput = report.invalidInput;
    progress.compared = report.compared;
    progress.identical = report.identical;
    progress.leftErrors = report.left.failed + report.left.invalid;
    progress.rightErrors = report.right.failed + report.right.invalid;
    return progress;
}

CorpusReport compareCorpus(std::istream& corpus, const CorpusSide& left, const CorpusSide& right,
                           const CorpusOptions& options)
{
    CorpusReport report;
    report.thresholds = options.thresholds;
    report.pairs = options.pairs;
    SideRunner runners[2];
    runners[0].side = &left;
    runners[1].side = &right;
    runners[0].prepare(nullptr);
    runners[1].prepare(&runners[0]);
    describeSide(report.left, left, runners[0]);
    describeSide(report.right, right, runners[1]);

    detail::GroupTable groups(options.examplesPerGroup, options.maxGroups);
    const unsigned jobs = effectiveJobs(options.jobs);
    const std::size_t maxBytes = options.maxLineBytes;
    const std::uint64_t first = std::max<std::uint64_t>(options.firstLine, 1);
    std::uint64_t lineCount = first - 1;
    const CorpusSide* sides[2] = {&left, &right};
    CorpusProgress progress;
    using Clock = std::chrono::steady_clock;
    const auto interval = std::chrono::milliseconds(std::max(options.progressIntervalMs, 0));
    Clock::time_point lastProgress = Clock::now();
    const auto tellProgress = [&](bool finished) {
        if (!options.progress)
            return;
        CorpusProgress now = corpusProgress(report);
        now.lines = progress.lines;
        now.bytes = progress.bytes;
        now.finished = finished;
        options.progress(now);
    };
    detail::orderedParallelMap<CorpusItem, CorpusOutcome>(
        jobs, std::size_t{64} * jobs,
        [&](CorpusItem& item) {
            if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) {
                report.cancelled = true;
                return false;
            }
            if (!report.inputError.empty() || !readBoundedLine(corpus, maxBytes, item.line.text, item.bytes))
                return false;
            item.line.number = ++lineCount;
            for (int s = 0; s < 2; ++s) {
                if (sides[s]->kind != SideKind::RecordedOutputs)
                    continue;
                if (!readBoundedLine(*sides[s]->outputs, maxBytes, item.outputs[s], item.outputBytes[s])) {
                    report.inputError = sides[s]->name + " has fewer lines than the corpus: no line "
                                        + std::to_string(item.line.number - first + 1)
                                        + " for the corpus' line " + std::to_string(item.line.number);
                    return false;
                }
            }
            return true;
        },
        [&](std::uint64_t, CorpusItem& item) { return compareItem(item, runners, options.pairs, maxBytes, options.run); },
        [&](std::uint64_t, CorpusOutcome&& outcome) {
            ++progress.lines;
            progress.bytes += outcome.bytes + 1;
            if (options.progress) {
                const Clock::time_point now = Clock::now();
                if (now - lastProgress >= interval) {
                    lastProgress = now;
                    tellProgress(false);
                }
            }
            if (report.firstLine == 0)
                report.firstLine = outcome.line;
            report.lastLine = outcome.line;
            if (outcome.blank) {
                ++report.blankLines;
                return;
            }
            ++report.records;
            if (outcome.invalidInput) {
                ++report.invalidInput;
                groups.add(outcome.line, *outcome.invalidInput);
                return;
            }
            ++report.compared;
            report.identical += outcome.identical ? 1 : 0;
            countAnswer(report.left, outcome.answers[0]);
            countAnswer(report.right, outcome.answers[1]);
            for (const detail::FoundDifference& d : outcome.differences)
                groups.add(outcome.line, d);
            for (const detail::FoundFailure& f : outcome.failures)
                groups.add(outcome.line, f);
        });
    for (int s = 0; s < 2 && report.inputError.empty(); ++s) {
        std::string extra;
        std::size_t bytes = 0;
        if (sides[s]->kind == SideKind::RecordedOutputs && readBoundedLine(*sides[s]->outputs, maxBytes, extra, bytes))
            report.inputError = sides[s]->name + " has more lines than the corpus (" + std::to_string(lineCount - first + 1) + ")";
    }
    groups.finish(report);
    detail::finishFigures(report);
    tellProgress(true);
    return report;
}

CorpusReport compareCorpus(std::string_view text, std::istream& corpus, const Flags& flags,
                           const CorpusOptions& options)
{
    const std::string mapping(text);
    return compareCorpus(corpus, mappingSide("", mapping, SideEngine::V1, flags),
                         mappingSide("", mapping, SideEngine::V2, flags), options);
}

} // namespace mdsl
