#pragma once
// What the studio's background work produces, in Qt terms and with positions in the edited
// document (QTextDocument positions, UTF-16), so the views underline and jump without
// touching the engine's byte offsets.

#include "jsontext.h"

#include "mdsl/analysis.h"
#include "mdsl/engine.h"
#include "mdsl/flags.h"
#include "mdsl/json.h"
#include "mdsl/repro.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace studio {

/// A replacement of [start, end) of the document by `text`.
struct TextEdit {
    int start = 0;
    int end = 0;
    QString text;
};

/// A named set of edits that resolves a problem (the engine's fix).
struct TextFix {
    QString englishTitle;
    QString id;               ///< the engine's wording id of the title
    QStringList args;
    QList<TextEdit> edits;

    /// The title in the current interface language.
    [[nodiscard]] QString title() const;
};

enum class ProblemSeverity { Error = 0, Warning = 1, Info = 2 };

/// A place that explains a problem ("first written here"), positioned as problems are.
struct RelatedProblem {
    QString id;               ///< the engine's wording id
    QStringList args;
    QString english;
    int line = 1;
    int column = 1;
    int start = 0;
    int end = 0;

    /// What it says in the current interface language.
    [[nodiscard]] QString message() const;
};

/// One diagnostic, positioned in the text it was computed from.
struct Problem {
    ProblemSeverity severity = ProblemSeverity::Error;
    QString code;
    QStringList args;
    QString english;          ///< the engine's English message (fallback for unknown codes)
    QString wording;          ///< the engine's message wording id ("E410.operands"), or empty
    int line = 1;             ///< 1-based
    int column = 1;           ///< 1-based, in code points, as the engine counts
    int start = 0;            ///< document position of the first character
    int end = 0;              ///< document position after the last character (>= start)
    QList<TextFix> fixes;
    QList<RelatedProblem> related;

    /// The message in the current interface language.
    [[nodiscard]] QString message() const;
};

/// The live validation of one version of the text.
struct ProblemsResult {
    quint64 generation = 0;   ///< the request it answers; older ones are dropped
    QList<Problem> problems;
    /// The engine's analysis of that text: what completion and hover ask about names,
    /// targets and scopes (shared, immutable; nothing is parsed again for them).
    std::optional<mdsl::Analysis> analysis;
    qint64 elapsedUs = 0;
};

enum class RunState { NotRun, Ok, Failed, Invalid };

/// One engine's dry-run of the preview.
struct EngineRun {
    RunState state = RunState::NotRun;
    std::optional<mdsl::Json> output;   ///< unset: nothing ran (invalid)
    RenderedJson rendered;              ///< the output as the view shows it (made off the UI thread)
    QList<Problem> problems;            ///< validation and runtime errors, positioned in its text
    qint64 elapsedUs = 0;
};

/// What production serves under the flags for the dry-run's route (V2-routed, or a repro
/// bundle's route), as the engine's routedAnswer() says.
struct ProductionAnswer {
    QString engine;           ///< "v1" or "v2" (empty: nothing ran)
    mdsl::RoutedAnswer answer;
    bool fallback = false;    ///< V2 failed and V1 answered
    RunState state = RunState::NotRun;
};

/// Everything the preview panel shows for one (mapping, input, flags).
struct PreviewRequest {
    quint64 generation = 0;
    QString text;             ///< the mapping in the editor (the V2 side)
    QString leftText;         ///< the V1 side's mapping: the same text, or the pinned file
    QString input;            ///< the sample input, JSON text
    mdsl::Flags flags;
    std::optional<qint64> pinnedNowMs;
    /// A repro session: what production answered, and the route it answered for. Our answer
    /// for that route is judged against it by the engine (mdsl::judgeRepro).
    std::shared_ptr<const mdsl::ReproProduction> production;
    mdsl::Route productionRoute = mdsl::Route::V2Routed;
};

struct PreviewResult {
    quint64 generation = 0;
    /// What it answers (texts shared, not copied): a "why" of its outputs runs it again traced.
    PreviewRequest request;
    QString inputError;       ///< the sample input is not JSON: why, with line and column
    /// The same, as data the panel words in the interface language when it shows it: no input
    /// yet, or not JSON at this line and column.
    bool inputEmpty = false;
    int inputErrorLine = 0;
    int inputErrorColumn = 0;
    QString inputErrorReason;   ///< the JSON parser's own message (worded when shown)
    EngineRun v1;
    EngineRun v2;
    ProductionAnswer production;
    /// RFC 6902 patch from the V1 output to the V2 output (empty array: no difference).
    mdsl::Json patch = mdsl::Json::array();
    /// With a production output: the engine's verdict on our answer (as `mapping-dsl repro`).
    std::optional<mdsl::ReproJudgement> repro;
    qint64 totalUs = 0;
    /// Paths of the sample input for completion (".customer.name"), breadth first.
    QStringList sourcePaths;
};

/// One rule as the visual mapping draws it: what the engine's lineage says, positioned in the
/// editor's text.
struct VisualRule {
    QString target;          ///< JSON Pointer ("/order/lines/*/sku")
    bool array = false;      ///< an array block (its target is the array)
    QStringList sources;     ///< the input fields it reads ("$.items[*].sku")
    int start = 0;           ///< document positions of the rule
    int end = 0;
    int line = 0;            ///< the rule's first line number (1-based)
    QString text;            ///< the rule's first line, trimmed
};

/// One field of the sample input as the visual mapping lists it.
struct SourceField {
    enum class Kind { Object, Array, String, Number, Boolean, Null, MoreFields, Deeper };
    int parent = -1;         ///< index of the enclosing field in SourceFields::fields (-1: top level)
    QString name;            ///< the member's name (MoreFields, Deeper: empty)
    QString path;            ///< "$.items[*].sku"
    Kind kind = Kind::Null;
    qsizetype size = 0;      ///< members or items (objects, arrays); fields left out (MoreFields)
    QString sample;          ///< a scalar's value, at most 48 characters
};

/// The fields of a sample input, made off the UI thread from its parse, bounded in depth, in
/// fields per object and in all (a sample of 50 MB or 10,000 levels gives a tree a window can
/// show); the members of an array's elements are merged from its first elements.
struct SourceFields {
    std::vector<SourceField> fields;   ///< parents before their children
    bool notJson = false;              ///< the sample input is not valid JSON
    bool empty = true;                 ///< there is no sample input
};

/// The fields of a parsed sample input (any thread).
SourceFields sourceFields(const mdsl::Json& input);

/// The lineage of one version of the text, made off the UI thread, with the fields of the
/// sample input it was asked with (the same object while the input does not change).
struct VisualLineage {
    quint64 generation = 0;
    std::vector<VisualRule> rules;
    std::shared_ptr<const SourceFields> sources;
    qint64 elapsedUs = 0;
};

} // namespace studio
