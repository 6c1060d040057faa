#pragma once
// The interface the studio's views and services talk to for validation and dry-runs, and
// its implementation over the engine's public facade. Implementations are called from worker
// threads, several at once: they must be thread-safe.

#include "analysis.h"

#include "mdsl/analysis.h"
#include "mdsl/diagnostic.h"
#include "mdsl/engine.h"

#include <memory>
#include <vector>

namespace studio {

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
