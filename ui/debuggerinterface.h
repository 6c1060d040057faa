#pragma once
// The debugger as its views see it: capabilities, step actions and the state at the current
// event, in Qt terms (document positions, translated texts). RecordingDebugger implements it
// over the engine's recordings (mdsl/debug.h); the tests drive the views with a fake, as
// Kate's debugger views bind to a backend interface.

#include "debugbreakpoint.h"
#include "jsontext.h"

#include "mdsl/flags.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace studio {

enum class DebugAction { Continue, StepOver, StepInto, StepOut, StepBack, ReverseContinue, RunToCursor, Restart };

/// What to record: the mapping and sample input as they are now, under the flags.
struct DebugRecordRequest {
    QString text;
    QString input;
    mdsl::Flags flags;
    bool v1 = false;                      ///< the V1 engine, else V2
    std::optional<qint64> pinnedNowMs;
};

/// A sub-expression of the current rule and its value.
struct DebugValue {
    QString expression;   ///< its source text
    QString value;        ///< compact JSON, or "missing" (translated)
    int start = 0;        ///< document positions of the sub-expression
    int end = 0;
    int line = 0;         ///< 1-based line where it starts
};

/// A write, a skip or an error: how a rule ended, once.
struct DebugOutcome {
    enum class Kind { Write, Skip, Error };
    Kind kind = Kind::Write;
    int event = 0;
    int line = 0;
    QString target;       ///< JSON Pointer (write, skip) or error code
    QString detail;       ///< the value written, the skip's reason or the error's message

    friend bool operator==(const DebugOutcome&, const DebugOutcome&) = default;
};

/// A watch expression and what it gives at the current event.
struct DebugWatch {
    enum class Kind { Value, Missing, Error };
    QString expression;
    Kind kind = Kind::Missing;
    QString text;         ///< compact JSON (bounded), "missing", or the error's message
    QString detail;       ///< the value pretty-printed (bounded) or the error in full: a tooltip
    QString code;         ///< an error's diagnostic code ("E201"), if it has one
};

/// One level of the stack: a rule or an array block element.
struct DebugFrame {
    QString label;
    int event = 0;
    int start = 0;
    int end = 0;
};

/// Everything the views show at the current event.
struct DebugState {
    bool recorded = false;    ///< there is a recording to step through
    bool stale = false;       ///< the mapping changed since it was recorded
    int event = -1;           ///< the current event, 0-based
    int eventCount = 0;
    QString engine;           ///< "V1" or "V2"
    QString description;      ///< what the current event is ("Wrote /order/id = …")
    QString message;          ///< why it stopped, or what is wrong (empty: nothing to say)
    int ruleStart = -1;       ///< the current rule, as document positions (-1: none)
    int ruleEnd = -1;
    int ruleLine = 0;
    QString ruleText;
    QString contextLabel;     ///< "The input", "Element 2 of the block on line 16"
    RenderedJson context;     ///< the context element, pretty-printed
    QList<DebugValue> values; ///< the current rule's sub-expressions
    RenderedJson output;      ///< the output built up to the current event
    QString lastWrite;        ///< JSON Pointer of the latest write so far (empty: none yet)
    bool atLastWrite = false; ///< the current event is that write
    QList<DebugFrame> frames; ///< outermost first
    QList<DebugOutcome> ruleOutcomes;   ///< every write, skip and error of the current rule
    QList<DebugOutcome> skipsAndErrors; ///< every skip and error of the run
    QString error;            ///< the current event is an error: its code and message
    /// The context and the output are being printed off the UI thread for this event: the
    /// ones in the state are an earlier event's (or empty) until they come.
    bool viewsPending = false;
    /// The watches, in the order they were set, at the event their results are for.
    QList<DebugWatch> watches;
    bool watchesPending = false;  ///< the watches are being evaluated for the current event
};

class DebuggerInterface : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    /// Records a run in the background; stateChanged() follows when it is ready.
    virtual void record(const DebugRecordRequest& request) = 0;
    /// A recording is being made (the step actions wait for it).
    [[nodiscard]] virtual bool isBusy() const = 0;
    /// A continue is looking, off the UI thread, for a breakpoint whose condition holds. The
    /// actions stay available: a newer one supersedes the search (its answer is dropped).
    [[nodiscard]] virtual bool isSearching() const { return false; }
    /// Whether an action would go somewhere from the current event.
    [[nodiscard]] virtual bool canPerform(DebugAction action) const = 0;
    /// Steps; RunToCursor goes to the next time the rule on `cursorLine` (1-based) runs.
    virtual void perform(DebugAction action, int cursorLine = 0) = 0;
    /// Moves to any event (the slider, a list of writes).
    virtual void goToEvent(int event) = 0;
    [[nodiscard]] virtual DebugState state() const = 0;
    /// The breakpoints continue stops at.
    virtual void setBreakpoints(const QList<DebugBreakpoint>& breakpoints) = 0;
    /// The watch expressions evaluated at each event, in the scope of its rule.
    virtual void setWatches(const QStringList& expressions) { Q_UNUSED(expressions); }
    /// The event that wrote the value at a JSON Pointer of the output shown, or -1.
    [[nodiscard]] virtual int writerOf(const QString& pointer) const = 0;
    /// The mapping was edited: the recording no longer matches its text.
    virtual void markStale() = 0;
    /// The interface language changed: the state's words again in the new one (stateChanged
    /// follows when they changed).
    virtual void retranslate() {}

signals:
    void stateChanged();
    /// isBusy() or isSearching() changed.
    void busyChanged(bool busy);
};

} // namespace studio
