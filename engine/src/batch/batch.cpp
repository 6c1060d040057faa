// Batch dry-runs over NDJSON (mdsl/batch.h) on the order-preserving parallel map.

#include "mdsl/batch.h"

#include "mdsl/report.h"

#include "batch/ndjson.h"
#include "batch/ordered_pool.h"
#include "util/json_io.h"
#include "util/utf8.h"

#include <algorithm>
#include <istream>
#include <ostream>
#include <thread>

namespace mdsl {

namespace {

/// The output lines of a block of records, and how many of each status they hold.
struct BlockResult {
    std::string text;   // the lines, each with its newline
    std::uint64_t lines = 0;
    std::uint64_t blank = 0;
    std::uint64_t ok = 0;
    std::uint64_t failed = 0;
    std::uint64_t invalid = 0;
};

RunResult invalidResult(Diagnostic diagnostic)
{
    RunResult result;
    result.status = RunStatus::Invalid;
    result.diagnostics.push_back(std::move(diagnostic));
    return result;
}

void runLine(const detail::NdjsonLine& line, const RecordRunner& runner, BlockResult& out)
{
    ++out.lines;
    if (detail::isBlank(line.text)) {
        ++out.blank;
        out.text += '\n';
        return;
    }
    RunResult result;
    Diagnostic error;
    std::optional<Json> input = detail::parseLine(line, error);
    if (input) {
        try {
            result = runner(*input);
        } catch (const std::exception& e) {
            error.code = "E499";
            error.args = {std::to_string(line.number), utf8::forMessage(e.what())};
            error.wording = "E499.batch-exception";
            error.message = messageText(error.code, error.wording, error.args);
            result = invalidResult(std::move(error));
        }
        detail::releaseJson(*input);
    } else {
        result = invalidResult(std::move(error));
    }
    ++(result.status == RunStatus::Ok ? out.ok : result.status == RunStatus::Failed ? out.failed : out.invalid);
    // Written straight from the result (no JSON tree); invalid UTF-8 copied from a diagnostic
    // is replaced rather than failing the whole batch.
    appendResultJson(out.text, result);
    out.text += '\n';
    if (result.output)
        detail::releaseJson(*result.output);
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
    detail::orderedParallelMap<Block, BlockResult>(
        jobs, blocks,
        [&](Block& block) {
            block.lines.resize(blockLines);
            block.used = 0;
            while (block.used < blockLines && detail::readLine(in, lineCount, block.lines[block.used]))
                ++block.used;
            return block.used > 0;
        },
        [&](std::uint64_t, Block& block) {
            BlockResult result;
            for (std::size_t i = 0; i < block.used; ++i)
                runLine(block.lines[i], runner, result);
            return result;
        },
        [&](std::uint64_t, BlockResult&& result) {
            summary.lines += result.lines;
            summary.blank += result.blank;
            summary.ok += result.ok;
            summary.failed += result.failed;
            summary.invalid += result.invalid;
            out.write(result.text.data(), static_cast<std::streamsize>(result.text.size()));
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
