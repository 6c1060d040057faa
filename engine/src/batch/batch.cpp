// Batch dry-runs over NDJSON (mdsl/batch.h) on the order-preserving parallel map.

#include "mdsl/batch.h"

#include "batch/ndjson.h"
#include "batch/ordered_pool.h"

#include <algorithm>
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
    const std::size_t window = options.window != 0 ? options.window : std::size_t{256} * jobs;
    // Workers take blocks of lines, not single lines: one hand-off per record cost more
    // system time than parsing it. Four blocks per worker keep them all busy, and blocks x
    // lines stays within the window.
    const std::size_t blockLines = std::max<std::size_t>(1, window / (std::size_t{4} * jobs));
    const std::size_t blocks = std::max<std::size_t>(jobs, window / blockLines);
    struct Block {
        std::vector<detail::NdjsonLine> lines;
        std::size_t used = 0;
    };
    BatchSummary summary;
    std::uint64_t lineCount = 0;
    detail::orderedParallelMap<Block, std::vector<LineResult>>(
        jobs, blocks,
        [&](Block& block) {
            block.lines.resize(blockLines);
            block.used = 0;
            while (block.used < blockLines && detail::readLine(in, lineCount, block.lines[block.used]))
                ++block.used;
            return block.used > 0;
        },
        [&](std::uint64_t, Block& block) {
            std::vector<LineResult> results;
            results.reserve(block.used);
            for (std::size_t i = 0; i < block.used; ++i)
                results.push_back(runLine(block.lines[i], runner));
            return results;
        },
        [&](std::uint64_t, std::vector<LineResult>&& results) {
            for (const LineResult& result : results) {
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
            }
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
