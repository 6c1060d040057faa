#pragma once
// The debugger over the engine's recordings (mdsl/debug.h): records a run off the UI thread,
// then answers the views' step actions and state queries from the recording. A continue that
// evaluates breakpoint conditions runs off the UI thread too; any newer action cancels it
// (the engine's search reads the lane's cancel flag) and drops its answer. Both are
// BackgroundLanes (backgroundlane.h).

#include "backgroundlane.h"
#include "debuggerinterface.h"

#include "mdsl/debug.h"

#include <functional>
#include <memory>
#include <vector>

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
    [[nodiscard]] bool isSearching() const override;
    [[nodiscard]] bool canPerform(DebugAction action) const override;
    void perform(DebugAction action, int cursorLine = 0) override;
    void goToEvent(int event) override;
    [[nodiscard]] DebugState state() const override { return state_; }
    void setBreakpoints(const QList<DebugBreakpoint>& breakpoints) override;
    [[nodiscard]] int writerOf(const QString& pointer) const override;
    void markStale() override;
    void retranslate() override;

    /// Waits for a recording being made (tests, benchmarks).
    void waitForRecording();

private:
    struct Recorded;
    struct Search;
    /// The recording lane's job.
    [[nodiscard]] static std::shared_ptr<Recorded> makeRecording(const DebugRecordRequest& request);
    void finishRecording(std::shared_ptr<Recorded> recorded);
    /// A newer action: a search still running is cancelled and its answer will be dropped.
    void supersede();
    /// Continues (forward or back) in the background: conditions are evaluated there.
    void startSearch(bool forward);
    void showStop(const mdsl::debug::Stop& stop, bool forward);
    /// The state's message, made again when the language changes.
    using Message = std::function<QString()>;
    void moveTo(std::size_t event, Message message = {});
    void updateState(Message message);
    [[nodiscard]] std::optional<std::size_t> target(DebugAction action, int cursorLine) const;
    [[nodiscard]] int position(std::uint32_t byteOffset) const;
    [[nodiscard]] QString describeEvent(std::size_t i) const;
    [[nodiscard]] DebugOutcome outcome(std::size_t i) const;

    std::shared_ptr<Recorded> recorded_;
    std::unique_ptr<BackgroundLane<DebugRecordRequest, std::shared_ptr<Recorded>>> recording_;
    /// Conditional continues; every action cancels the one running (its answer is dropped).
    std::unique_ptr<BackgroundLane<Search, mdsl::debug::Stop>> search_;
    bool searchForward_ = true;   ///< the direction of the newest search
    std::size_t current_ = 0;
    bool stale_ = false;
    QList<DebugBreakpoint> breakpoints_;
    DebugState state_;
    Message message_;
    /// The output after cachedEvent_: stepping forward replays only the events in between.
    std::optional<mdsl::Json> cachedOutput_;
    std::size_t cachedEvent_ = 0;
    /// The context shown, printed once per element (-1: the input).
    QString contextText_;
    int contextEvent_ = -1;
};

} // namespace studio
