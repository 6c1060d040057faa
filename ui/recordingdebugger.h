#pragma once
// The debugger over the engine's recordings (mdsl/debug.h): records a run off the UI thread,
// then answers the views' step actions and state queries from the recording. A continue that
// evaluates breakpoint conditions runs off the UI thread too (QtConcurrent, as the recording);
// any newer action cancels it and drops its answer.

#include "debuggerinterface.h"

#include <QFutureWatcher>

#include <atomic>
#include <memory>
#include <vector>

namespace mdsl::debug {
class Recording;
struct Stop;
}

namespace studio {

/// The 1-based line of the rule a breakpoint on `line` of `text` belongs to (0: none).
int snapToRule(const QString& text, int line);

class RecordingDebugger final : public DebuggerInterface {
    Q_OBJECT

public:
    explicit RecordingDebugger(QObject* parent = nullptr);
    ~RecordingDebugger() override;

    void record(const DebugRecordRequest& request) override;
    [[nodiscard]] bool isBusy() const override;
    [[nodiscard]] bool isSearching() const override { return searchCancel_ != nullptr; }
    [[nodiscard]] bool canPerform(DebugAction action) const override;
    void perform(DebugAction action, int cursorLine = 0) override;
    void goToEvent(int event) override;
    [[nodiscard]] DebugState state() const override { return state_; }
    void setBreakpoints(const QList<DebugBreakpoint>& breakpoints) override;
    [[nodiscard]] int writerOf(const QString& pointer) const override;
    void markStale() override;

    /// Waits for a recording being made (tests, benchmarks).
    void waitForRecording();

private:
    struct Recorded;
    void finishRecording();
    /// A newer action: a search still running is cancelled and its answer will be dropped.
    void supersede();
    /// Continues (forward or back) in the background: conditions are evaluated there.
    void startSearch(bool forward);
    void showStop(const mdsl::debug::Stop& stop, bool forward);
    void moveTo(std::size_t event, const QString& message = QString());
    void updateState(const QString& message);
    [[nodiscard]] std::optional<std::size_t> target(DebugAction action, int cursorLine) const;
    [[nodiscard]] int position(std::uint32_t byteOffset) const;
    [[nodiscard]] QString describeEvent(std::size_t i) const;
    [[nodiscard]] DebugOutcome outcome(std::size_t i) const;

    std::shared_ptr<Recorded> recorded_;
    QFutureWatcher<std::shared_ptr<Recorded>>* watcher_ = nullptr;
    /// The search running (nullptr: none) and its cancel flag, shared with the worker.
    QFutureWatcher<mdsl::debug::Stop>* search_ = nullptr;
    std::shared_ptr<std::atomic<bool>> searchCancel_;
    /// Bumped by every action: a search's answer is shown only if no action came after it.
    quint64 generation_ = 0;
    std::size_t current_ = 0;
    bool stale_ = false;
    QList<DebugBreakpoint> breakpoints_;
    DebugState state_;
    /// The output after cachedEvent_: stepping forward replays only the events in between.
    std::optional<mdsl::Json> cachedOutput_;
    std::size_t cachedEvent_ = 0;
    /// The context shown, printed once per element (-1: the input).
    QString contextText_;
    int contextEvent_ = -1;
};

} // namespace studio
