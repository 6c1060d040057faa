#pragma once
// What the preview panel shows, as data: each side's title and status, production's answer,
// the banner, the comparison (or repro verdict) line and the differences, worded in the
// interface language. No widgets and no markup: the panel renders it (bold, colours), tests
// read it as a user reads the panel.

#include "analysis.h"

#include "mdsl/engine.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace studio {

/// Words with one part shown strong ("Production serves V1 by fallback (V2 failed)", strong
/// "V1 by fallback"). `strong` is looked up in `text`; a translation without it is shown plain.
struct Phrase {
    Phrase() = default;
    Phrase(QString text_, QString strong_ = QString(), bool alert_ = false)
        : text(std::move(text_)), strong(std::move(strong_)), alert(alert_)
    {
    }

    QString text;
    QString strong;
    bool alert = false;   ///< shown as a warning (e.g. a bundle written by another engine)
};

/// One output side of the preview.
struct PreviewSideView {
    Phrase title;                ///< "V1 engine on old.mdsl", "Production (recorded)", "Ours: V2 engine"
    bool recorded = false;       ///< production's recorded output: the status says "recorded"
    RunState state = RunState::NotRun;
    QString stateName;           ///< "ok", "failed", "invalid", "recorded"; "" before any run
    QString time;                ///< "0.4 ms"; "" when nothing ran
    QString note;                ///< "running…", "updating…"
    QString placeholder;         ///< shown in place of a missing output ("" when there is one)
    struct Error {
        QString text;            ///< "3:7 E101 …"
        int start = 0;           ///< position in the side's mapping text
        int end = 0;
    };
    QList<Error> errors;

    /// The status as shown: "ok · 0.4 ms", "recorded", "running…".
    [[nodiscard]] QString status() const;
    /// Title and status on one line, "V1 engine · ok · 0.4 ms".
    [[nodiscard]] QString statusLine() const;
};

struct PreviewDifferenceView {
    QString pointer;   ///< JSON Pointer of the value that differs
    QString text;      ///< "/customer/name — V1: "Ada" · V2: missing"
};

struct PreviewViewModel {
    PreviewSideView left;        ///< the V1 engine, or production's recorded output
    PreviewSideView right;       ///< the V2 engine, or our answer for production's route
    Phrase production;           ///< "Production serves V2", "Running…"; empty text: nothing to say
    RunState productionState = RunState::NotRun;
    QString productionStateName; ///< "" when the line has no state
    QString inputError;          ///< why the sample input cannot run ("" when it can)
    QString comparison;          ///< "Outputs identical", "Reproduced: same output as production", …
    QList<PreviewDifferenceView> differences;
    std::optional<mdsl::ReproVerdict> verdict;   ///< the engine's, with a production output and a result
    QList<Phrase> banner;        ///< where production's output comes from; empty: no banner
    QString bannerToolTip;

    /// "Production serves V2 — ok", as shown.
    [[nodiscard]] QString productionLine() const;
    /// The banner's phrases joined as shown.
    [[nodiscard]] QString bannerText() const;
    [[nodiscard]] QStringList differenceTexts() const;
};

/// What the panel shows of a preview result.
struct PreviewViewInput {
    const PreviewResult* result = nullptr;
    bool haveResult = false;     ///< a result arrived (before: nothing ran yet)
    bool running = false;        ///< a run is under way
    const EngineRun* recorded = nullptr;   ///< production's output as a run; nullptr: V1/V2
    QString pinnedPath;          ///< the V1 side's mapping file, "" for the editor's text
};

/// The left side's run: the V1 engine, or production's recorded output.
const EngineRun& leftRunOf(const PreviewViewInput& in);
/// The right side's run: the V2 engine, or with a recorded output our answer for its route.
const EngineRun& rightRunOf(const PreviewViewInput& in);

PreviewViewModel makePreviewViewModel(const PreviewViewInput& in);

/// "0.4 ms", "12 ms", "1.3 s".
QString formatDuration(qint64 microseconds);

} // namespace studio
