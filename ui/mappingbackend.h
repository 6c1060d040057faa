#pragma once
// The interface the studio's views and services talk to for validation and dry-runs, and
// its implementation over the engine's public facade. Implementations are called from worker
// threads, several at once: they must be thread-safe.

#include "analysis.h"

#include "mdsl/analysis.h"
#include "mdsl/diagnostic.h"
#include "mdsl/engine.h"
#include "mdsl/explain.h"

#include <memory>
#include <vector>

namespace studio {

/// "Why does this output location have its value, or none?" for one side of a preview.
struct WhyRequest {
    QString text;             ///< the side's mapping
    QString input;            ///< the sample input, JSON text
    mdsl::Flags flags;
    std::optional<qint64> pinnedNowMs;
    mdsl::EngineKind engine = mdsl::EngineKind::V2;
    QString pointer;          ///< the output location (JSON Pointer)
};

/// The engine's answer (mdsl/explain.h), with its rules positioned in the side's text.
struct WhyAnswer {
    mdsl::Why why;
    int ruleStart = -1;       ///< document positions of `why.rule` (-1: no rule)
    int ruleEnd = -1;
    bool noInput = false;     ///< the sample input is not JSON: nothing ran
};

class MappingBackend {
public:
    virtual ~MappingBackend() = default;
    /// The engine's analysis of a text under the flags: made once per (text, flags) and shared
    /// by everything that asks for it — the problems, the preview (both sides, a pinned V1 file
    /// included), the visual mapping — from any thread. The last few are kept.
    virtual mdsl::Analysis analysis(const QString& text, const mdsl::Flags& flags) = 0;
    /// The problems of a mapping under the flags, as production's V2-routed validate answers.
    virtual ProblemsResult validate(const QString& text, const mdsl::Flags& flags) = 0;
    /// Both engines' dry-runs of the request, their difference, and production's answer.
    virtual PreviewResult preview(const PreviewRequest& request) = 0;
    /// The lineage of a mapping, positioned in its text, and the fields of the sample input
    /// (the visual mapping).
    /// Why one side's output has its value at a location, or none: the side run again with a
    /// trace (the last few traced runs are kept, per text, input, flags, clock and engine).
    virtual WhyAnswer why(const WhyRequest& request) = 0;
    virtual VisualLineage lineage(const QString& text, const mdsl::Flags& flags, const QString& input) = 0;
};

/// The backend over the engine (mdsl/validate.h, mdsl/engine.h).
std::shared_ptr<MappingBackend> makeEngineBackend();

/// Why a preview's sample input cannot run, in the current interface language (the panel words
/// it when it shows it, so a language switch applies to the result on screen).
QString inputErrorText(const PreviewResult& result);

/// The state a dry-run's status shows as.
RunState runStateOf(mdsl::RunStatus status);

/// Converts engine diagnostics (byte offsets into `text` as UTF-8) to positioned problems.
/// Exposed for the tests and for other views that show engine diagnostics.
QList<Problem> toProblems(const std::vector<mdsl::Diagnostic>& diagnostics, const QString& text);

} // namespace studio
