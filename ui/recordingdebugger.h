#pragma once
// The debugger over the engine's recordings (mdsl/debug.h): records a run off the UI thread,
// then answers the views' step actions and state queries from the recording. A continue that
// evaluates breakpoint conditions runs off the UI thread too; any newer action cancels it
// (the engine's search reads the lane's cancel flag) and drops its answer. The watches, and for
// a large recording the context and output texts, are made off the UI thread as well, newest
// step wins (debuggerviews.h). All are BackgroundLanes (backgroundlane.h).

#include "backgroundlane.h"
#include "debuggerinterface.h"
#include "debuggerviews.h"
#include "largetextview.h"

#include "mdsl/debug.h"

#include <atomic>
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
    void setWatches(const QStringList& expressions) override;

    /// Waits for a recording being made (tests, benchmarks).
    void waitForRecording();
    /// Waits for the views and watches of the current event (tests, benchmarks).
    void waitForViews();
    /// Recordings whose input or output text is larger than this have their context and output
    /// printed off the UI thread (default kLargeTextLimit; tests lower it).
    void setLargeRecordingLimit(qsizetype characters) { largeLimit_ = characters; }

private:
    struct Recorded;
    struct Search;
    struct ViewsRequest;
    struct Views;
    /// The recording lane's job.
    [[nodiscard]] static std::shared_ptr<Recorded> makeRecording(const DebugRecordRequest& request, qsizetype largeLimit);
    /// The views lane's job: the texts (for a large recording) and the watches of one event.
    [[nodiscard]] static Views makeViews(const ViewsRequest& request, DebuggerViewCache& cache,
                                         const std::atomic<bool>& cancelled);
    void showViews(Views&& views);
    /// Fills the context, output and watches of a new state, now or through the views lane.
    void fillViews(DebugState& s, std::size_t i, bool watchesOnly = false);
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
    /// The texts and watches of each step, newest wins; the job's own cache lives in the job.
    std::unique_ptr<BackgroundLane<ViewsRequest, Views>> views_;
    DebugState state_;
    Message message_;
    QStringList watches_;
    std::atomic<qsizetype> largeLimit_{kLargeTextLimit};   ///< read by the recording job
    /// The texts of a small recording, made on the UI thread (stepping on replays only the
    /// events in between, the context is printed once per element).
    DebuggerViewCache cache_;
    /// The skips and errors of the whole run, listed once per recording and language.
    QList<DebugOutcome> skipsAndErrors_;
    quint64 skipsOf_ = 0;
};

} // namespace studio
