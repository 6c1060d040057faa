#pragma once
// What the debugger's views show that can take long to make: the context and the output at an
// event printed (past kLargeTextLimit indexed for a LargeJsonView, else laid out and coloured
// as a ready document), and the watches evaluated. Made in any thread: RecordingDebugger makes
// the texts on the UI thread for a small recording and in a background lane for a large one,
// and always evaluates the watches in that lane (each one runs under the engine's small limits).

#include "debuggerinterface.h"
#include "jsontext.h"

#include "mdsl/debug.h"

#include <atomic>
#include <cstddef>
#include <optional>

namespace studio {

/// What one maker of the views keeps from one event to the next, so that stepping on replays
/// only the events in between and the context is printed once per element. One per thread.
struct DebuggerViewCache {
    quint64 recording = 0;                                ///< the id of the recording the rest is of
    std::optional<mdsl::Json> output;
    std::size_t outputEvent = 0;
    RenderedJson context;
    std::ptrdiff_t contextKey = -2;                       ///< the element's event, -1: the input
    bool contextPrepared = false;                         ///< `context` is laid out for contextStyle
    JsonStyle contextStyle;
    std::optional<JsonColourer> colourer;                 ///< made on first use (its own repository)

    /// Forgets everything when the recording (by its id) is another.
    void use(quint64 recordingId);
};

/// The context at event i, printed; `style` given: laid out and coloured (or indexed when large).
RenderedJson debuggerContext(DebuggerViewCache& cache, const mdsl::debug::Recording& r, std::size_t i,
                             const JsonStyle* style);
/// The output as it stands after event i, printed; `style` as above.
RenderedJson debuggerOutput(DebuggerViewCache& cache, const mdsl::debug::Recording& r, std::size_t i,
                            const JsonStyle* style);

/// The value of each watch at event i, in the scope of its rule (Recording::watch), its words
/// in the current language. Stops early, with what it has, once `cancelled` is set.
QList<DebugWatch> evaluateWatches(const mdsl::debug::Recording& r, std::size_t i, const QStringList& expressions,
                                  const std::atomic<bool>* cancelled = nullptr);

/// A value as JSON text, compact (`indent` < 0) or pretty-printed, cut with "…" at `limit`
/// characters: printing stops there, so a value of the whole 50 MB input costs no more than a
/// short one. Iterative: any depth.
QString boundedJson(const mdsl::Json& value, int limit, int indent = -1);

/// Watch values are cut to this many characters in the list, and to kWatchDetailLimit in a tooltip.
inline constexpr int kWatchTextLimit = 200;
inline constexpr int kWatchDetailLimit = 4000;

} // namespace studio
