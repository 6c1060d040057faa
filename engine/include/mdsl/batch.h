#pragma once
// Batch dry-runs over NDJSON: one mapping, compiled once, run on every line of a stream by
// several threads, with the results written one line per input line, in input order.
//
//   PreparedMapping mapping = prepare(text, Route::V2Routed, flags);
//   BatchSummary s = dryRunBatch(std::cin, std::cout, mapping, {});
//
// Streaming: at most BatchOptions::window records are in flight, so memory stays bounded by
// the window, not by the corpus.
//
// Lines: each input line is one JSON document. A line that is not JSON gives a result with
// status "invalid" and one diagnostic (code kInputNotJson) whose message and range name the
// line number and column; the batch goes on. A blank line (empty or only whitespace) is not
// a record: it gives an empty output line, so that output line N always answers input line N.
// A final line without a newline is a line; "\r\n" line ends are accepted.

#include "mdsl/engine.h"

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string_view>

namespace mdsl {

/// The diagnostic code of an NDJSON line that is not a JSON document.
inline constexpr std::string_view kInputNotJson = "E420";

struct BatchOptions {
    unsigned jobs = 0;           ///< worker threads; 0 = std::thread::hardware_concurrency()
    std::size_t window = 0;      ///< records in flight at most; 0 = 256 per worker
    RunOptions run;              ///< options of each record's run
};

/// What a batch did, by record status (blank lines are not records).
struct BatchSummary {
    std::uint64_t lines = 0;     ///< input lines read (= output lines written)
    std::uint64_t blank = 0;
    std::uint64_t ok = 0;
    std::uint64_t failed = 0;
    std::uint64_t invalid = 0;   ///< includes lines that are not JSON
};

/// The work of one record: its dry-run. Called from worker threads, concurrently.
using RecordRunner = std::function<RunResult(const Json& input)>;

/// Runs `runner` on every line of `in` and writes each result's JSON (toJson, one compact
/// line) to `out`, in input order. An exception from `runner` becomes that record's invalid
/// result (code E499); it never stops the batch.
BatchSummary dryRunBatch(std::istream& in, std::ostream& out, const RecordRunner& runner,
                         const BatchOptions& options);

/// The dry-run operation (dryRun, with its routing and fallback) over every line.
BatchSummary dryRunBatch(std::istream& in, std::ostream& out, const PreparedMapping& mapping,
                         const BatchOptions& options);

/// The number of worker threads `jobs` stands for (0 = hardware concurrency, at least 1).
unsigned effectiveJobs(unsigned jobs) noexcept;

} // namespace mdsl
