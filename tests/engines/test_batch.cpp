// Batch dry-runs over NDJSON: order, bad lines, blank lines, bounded streaming, and a real
// mapping through the routed dry-run.

#include "testmain.h"

#include "mdsl/batch.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <sstream>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

using mdsl::Json;

namespace {

// A record's result that echoes the input's "n", after a delay that varies with n so that
// workers finish out of order.
mdsl::RunResult echo(const Json& input)
{
    const std::int64_t n = input.value("n", std::int64_t{-1});
    std::this_thread::sleep_for(std::chrono::microseconds((n * 7919) % 300));
    mdsl::RunResult result;
    result.output = Json{{"n", n}};
    if (input.value("fail", false))
        result.status = mdsl::RunStatus::Failed;
    return result;
}

std::vector<Json> outputLines(const std::string& text)
{
    std::vector<Json> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        lines.push_back(line.empty() ? Json() : Json::parse(line));
    return lines;
}

struct BatchRun {
    mdsl::BatchSummary summary;
    std::vector<Json> lines;
};

BatchRun runBatch(const std::string& corpus, unsigned jobs,
                  const mdsl::RecordRunner& runner = echo)
{
    std::istringstream in(corpus);
    std::ostringstream out;
    mdsl::BatchOptions options;
    options.jobs = jobs;
    BatchRun run;
    run.summary = mdsl::dryRunBatch(in, out, runner, options);
    run.lines = outputLines(out.str());
    return run;
}

// Counts the lines written so far, so a runner can see how far behind the output is. No put
// area: every character goes through overflow/xsputn.
class LineCountingBuffer : public std::streambuf {
public:
    std::atomic<std::int64_t> lines{0};

protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override
    {
        for (std::streamsize i = 0; i < n; ++i)
            lines += s[i] == '\n' ? 1 : 0;
        return n;
    }
    int_type overflow(int_type c) override
    {
        if (c == '\n')
            ++lines;
        return traits_type::not_eof(c);
    }
};

} // namespace

class TestBatch : public QObject {
    Q_OBJECT

private slots:
    void keepsInputOrderWithSeveralJobs_data()
    {
        QTest::addColumn<int>("window");
        QTest::newRow("window of 16: one line per block, the ring wraps often") << 16;
        QTest::newRow("default window: blocks of 64 lines") << 0;
    }

    void keepsInputOrderWithSeveralJobs()
    {
        QFETCH(int, window);
        std::string corpus;
        for (int n = 1; n <= 3000; ++n)
            corpus += Json{{"n", n}}.dump() + "\n";
        std::istringstream in(corpus);
        std::ostringstream out;
        mdsl::BatchOptions options;
        options.jobs = 4;
        options.window = static_cast<std::size_t>(window);
        const mdsl::BatchSummary summary = mdsl::dryRunBatch(in, out, echo, options);

        QCOMPARE(summary.lines, 3000u);
        QCOMPARE(summary.ok, 3000u);
        const std::vector<Json> lines = outputLines(out.str());
        QCOMPARE(lines.size(), std::size_t{3000});
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (lines[i]["output"]["n"] != Json(i + 1))
                QFAIL(qPrintable(QStringLiteral("line %1 holds %2").arg(i + 1).arg(
                    QString::fromStdString(lines[i].dump()))));
            QCOMPARE(lines[i]["status"], Json("ok"));
        }
    }

    void badLinesAreReportedWithTheirLineNumber()
    {
        const std::string corpus = "{\"n\":1}\n"
                                   "{\"n\":2,}\n"          // trailing comma
                                   "{\"n\":3}\n"
                                   "not json at all\n"
                                   "{\"n\":5,\"fail\":true}\n"
                                   "{\"n\":6}";           // last line without newline
        const auto [summary, lines] = runBatch(corpus, 3);
        QCOMPARE(summary.lines, 6u);
        QCOMPARE(summary.ok, 3u);
        QCOMPARE(summary.failed, 1u);
        QCOMPARE(summary.invalid, 2u);
        QCOMPARE(lines.size(), std::size_t{6});

        const Json& bad = lines[1];
        QCOMPARE(bad["status"], Json("invalid"));
        QCOMPARE(bad["output"], Json());
        QCOMPARE(bad["diagnostics"].size(), std::size_t{1});
        const Json& diagnostic = bad["diagnostics"][0];
        QCOMPARE(diagnostic["code"], Json("E420"));
        const std::string message = diagnostic["message"].get<std::string>();
        QVERIFY2(message.rfind("line 2, column 8: the input is not JSON", 0) == 0, message.c_str());
        QCOMPARE(diagnostic["range"]["start"]["line"], Json(2));
        QCOMPARE(diagnostic["args"][0], Json("2"));

        QCOMPARE(lines[3]["status"], Json("invalid"));
        QVERIFY(lines[3]["diagnostics"][0]["message"].get<std::string>().rfind("line 4, column 2:", 0) == 0);
        QCOMPARE(lines[4]["status"], Json("failed"));
        QCOMPARE(lines[5]["output"]["n"], Json(6));
    }

    // A number past the range of a double is not JSON for the library (out_of_range 406, not a
    // parse_error): that line is invalid, named with the number's column; it used to abort the
    // whole batch.
    void aNumberPastTheDoublesIsABadLine()
    {
        const auto [summary, lines] = runBatch("{\"n\":1}\n{\"n\":2,\"x\":[1e400]}\n{\"n\":3}\n", 2);
        QCOMPARE(summary.lines, 3u);
        QCOMPARE(summary.ok, 2u);
        QCOMPARE(summary.invalid, 1u);
        const Json& diagnostic = lines[1]["diagnostics"][0];
        QCOMPARE(diagnostic["code"], Json("E420"));
        QCOMPARE(diagnostic["message"],
                 Json("line 2, column 13: the input is not JSON: number overflow parsing '1e400'"));
        QCOMPARE(diagnostic["range"]["start"]["offset"], Json(12));
        QCOMPARE(lines[2]["output"]["n"], Json(3));
    }

    void blankLinesKeepTheLineNumbering()
    {
        const auto [summary, lines] = runBatch("{\"n\":1}\r\n\r\n   \n{\"n\":4}\r\n", 0);
        QCOMPARE(summary.lines, 4u);
        QCOMPARE(summary.blank, 2u);
        QCOMPARE(summary.ok, 2u);
        QCOMPARE(lines.size(), std::size_t{4});
        QVERIFY(lines[1].is_null() && lines[2].is_null());
        QCOMPARE(lines[3]["output"]["n"], Json(4));
    }

    void emptyInputGivesEmptyOutput()
    {
        const auto [summary, lines] = runBatch("", 0);
        QCOMPARE(summary.lines, 0u);
        QVERIFY(lines.empty());
    }

    void aThrowingRecordDoesNotStopTheBatch()
    {
        const mdsl::RecordRunner runner = [](const Json& input) {
            if (input.contains("boom"))
                throw std::runtime_error("kaboom");
            return echo(input);
        };
        const auto [summary, lines] = runBatch("{\"n\":1}\n{\"boom\":true}\n{\"n\":3}\n", 2, runner);
        QCOMPARE(summary.invalid, 1u);
        QCOMPARE(summary.ok, 2u);
        QCOMPARE(lines[1]["diagnostics"][0]["code"], Json("E499"));
        QCOMPARE(lines[1]["diagnostics"][0]["message"], Json("line 2: internal error: kaboom"));
        QCOMPARE(lines[2]["output"]["n"], Json(3));
    }

    // Streaming: a record is read only when the window has room, so no record runs more than
    // `window` records ahead of the output already written, and no more than `jobs` at once.
    void staysWithinTheWindow()
    {
        std::string corpus;
        for (int n = 1; n <= 2000; ++n)
            corpus += Json{{"n", n}}.dump() + "\n";
        std::istringstream in(corpus);
        LineCountingBuffer buffer;
        std::ostream out(&buffer);
        std::atomic<int> running{0};
        std::atomic<int> maxRunning{0};
        std::atomic<std::int64_t> maxAhead{0};
        const mdsl::RecordRunner runner = [&](const Json& input) {
            const int now = ++running;
            int seen = maxRunning.load();
            while (now > seen && !maxRunning.compare_exchange_weak(seen, now)) {}
            const std::int64_t ahead = input["n"].get<std::int64_t>() - buffer.lines.load();
            std::int64_t seenAhead = maxAhead.load();
            while (ahead > seenAhead && !maxAhead.compare_exchange_weak(seenAhead, ahead)) {}
            mdsl::RunResult result = echo(input);
            --running;
            return result;
        };
        mdsl::BatchOptions options;
        options.jobs = 3;
        options.window = 10;
        const mdsl::BatchSummary summary = mdsl::dryRunBatch(in, out, runner, options);
        QCOMPARE(summary.ok, 2000u);
        QVERIFY2(maxRunning.load() <= 3, qPrintable(QString::number(maxRunning.load())));
        QVERIFY2(maxAhead.load() <= 10, qPrintable(QString::number(maxAhead.load())));
        QVERIFY(maxAhead.load() >= 2);   // the workers did run ahead of the output
    }

    void effectiveJobsIsAtLeastOne()
    {
        QVERIFY(mdsl::effectiveJobs(0) >= 1);
        QCOMPARE(mdsl::effectiveJobs(5), 5u);
    }

    // The real dry-run operation, compiled once and run from several threads.
    void runsAPreparedMapping()
    {
        const mdsl::PreparedMapping mapping = mdsl::prepare(
            "mapping \"t\" version 1\nid <- .id\nname <- upper(.name)\n", mdsl::Route::V2Routed, mdsl::Flags());
        std::string corpus;
        for (int n = 1; n <= 500; ++n)
            corpus += Json{{"id", n}, {"name", "n" + std::to_string(n)}}.dump() + "\n";
        corpus += "{\"id\":501,\"name\":42}\n";   // upper(42): a runtime error, status failed
        std::istringstream in(corpus);
        std::ostringstream out;
        mdsl::BatchOptions options;
        options.jobs = 2;
        const mdsl::BatchSummary summary = mdsl::dryRunBatch(in, out, mapping, options);
        QCOMPARE(summary.lines, 501u);
        QCOMPARE(summary.ok, 500u);
        QCOMPARE(summary.failed + summary.invalid, 1u);
        const std::vector<Json> lines = outputLines(out.str());
        QCOMPARE(lines[41]["output"], (Json{{"id", 42}, {"name", "N42"}}));
        QCOMPARE(lines[41]["route"], Json("v2"));
        QVERIFY(lines[500]["status"] != Json("ok"));
    }
};

MDSL_TEST_MAIN(TestBatch)
#include "test_batch.moc"
