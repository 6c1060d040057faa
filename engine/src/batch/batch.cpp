// Batch dry-runs over NDJSON (mdsl/batch.h) on the order-preserving parallel map.

#include "mdsl/batch.h"

#include "batch/ndjson.h"
#include "batch/ordered_pool.h"

#include <istream>
#include <ostream>
#include <thread>

namespace mdsl {

namespace {

struct LineResult {
    RunStatus status = RunStatus::Ok;
    bool blank = false;
    std::string json;   // the output line, without its newline
};

RunResult invalidResult(Diagnostic diagnostic)
{
    RunResult result;
    result.status = RunStatus::Invalid;
    result.diagnostics.push_back(std::move(diagnostic));
    return result;
}

LineResult runLine(const detail::NdjsonLine& line, const RecordRunner& runner)
{
    LineResult out;
    if (detail::isBlank(line.text)) {
        out.blank = true;
        return out;
    }
    RunResult result;
    Diagnostic error;
    if (const std::optional<Json> input = detail::parseLine(line, error)) {
        try {
            result = runner(*input);
        } catch (const std::exception& e) {
            error.code = "E499";
            error.args = {std::to_string(line.number), e.what()};
            error.message = formatMessage("line {0}: internal error: {1}", error.args);
            result = invalidResult(std::move(error));
        }
    } else {
        result = invalidResult(std::move(error));
    }
    out.status = result.status;
    // Replace invalid UTF-8 copied from a diagnostic rather than fail the whole batch.
    out.json = toJson(result).dump(-1, ' ', false, Json::error_handler_t::replace);
    return out;
}

} // namespace

unsigned effectiveJobs(unsigned jobs) noexcept
{
    if (jobs != 0)
        return jobs;
    const unsigned hardware = std::thread::hardware_concurrency();
    return hardware == 0 ? 1 : hardware;
}

BatchSummary dryRunBatch(std::istream& in, std::ostream& out, const RecordRunner& runner,
                         const BatchOptions& options)
{
    const unsigned jobs = effectiveJobs(options.jobs);
    const std::size_t window = options.window != 0 ? options.window : std::size_t{64} * jobs;
    BatchSummary summary;
    std::uint64_t lineCount = 0;
    detail::orderedParallelMap<detail::NdjsonLine, LineResult>(
        jobs, window,
        [&](detail::NdjsonLine& line) { return detail::readLine(in, lineCount, line); },
        [&](std::uint64_t, detail::NdjsonLine& line) { return runLine(line, runner); },
        [&](std::uint64_t, LineResult&& result) {
            ++summary.lines;
            if (result.blank)
                ++summary.blank;
            else if (result.status == RunStatus::Ok)
                ++summary.ok;
            else if (result.status == RunStatus::Failed)
                ++summary.failed;
            else
                ++summary.invalid;
            out << result.json << '\n';
        });
    out.flush();
    return summary;
}

BatchSummary dryRunBatch(std::istream& in, std::ostream& out, const PreparedMapping& mapping,
                         const BatchOptions& options)
{
    const RunOptions runOptions = options.run;
    return dryRunBatch(
        in, out, [&mapping, runOptions](const Json& input) { return dryRun(mapping, input, runOptions); },
        options);
}

} // namespace mdsl
