// Pathological inputs end with a limit error (E401 steps, E402 output size, E403 depth,
// E404 time; E405, the budget of values built, has test_budget.cpp) or a result — never a crash, a hang or unbounded recursion. (Run time is bounded
// by the test's own timeout; speed is measured by benchmarks, not here.)

#include "testmain.h"

#include "enginetest.h"

#include "mdsl/analysis.h"

#include "mdsl/report.h"

#include <QTest>

#include <algorithm>

using mdsl::EngineKind;
using mdsl::Json;

using enginetest::lastCode;

namespace {

const char* const kV2 = "mapping \"p\" version 2\n";

std::string repeated(std::string_view piece, int times)
{
    std::string out;
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}

/// Levels of containers in a value: 0 for a scalar.
int depthOf(const Json& value)
{
    int deepest = 0;
    if (value.is_structured())
        for (const Json& child : value)
            deepest = std::max(deepest, depthOf(child));
    return value.is_structured() ? deepest + 1 : 0;
}

} // namespace

class TestLimits : public QObject {
    Q_OBJECT

private slots:
    void deepInputIsADepthError()
    {
        const std::string text = std::string(100000, '[') + std::string(100000, ']');
        const Json input = {{"deep", Json::parse(text)}};
        for (const EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
            const mdsl::RunResult result = enginetest::runWith(engine, "x <- .deep\ny <- 1\n", input);
            QCOMPARE(statusName(result.status), std::string_view("failed"));
            QCOMPARE(lastCode(result), std::string("E403"));
        }
    }

    void deepExpressionsAreRefusedByTheParser()
    {
        const std::string text = "x <- " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n";
        for (const EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
            const mdsl::RunResult result = enginetest::runWith(engine, text, Json::object());
            QCOMPARE(statusName(result.status), std::string_view("invalid"));
        }
    }

    void deepExpressionsWithinTheParserLimitHitTheDepthLimit()
    {
        // 200 nested calls parse, but evaluating them nests deeper than a depth limit of 50.
        std::string expr = ".s";
        for (int i = 0; i < 200; ++i)
            expr = "upper(" + expr + ")";
        mdsl::RunOptions options = enginetest::pinnedOptions();
        options.limits.maxDepth = 50;
        for (const EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
            const mdsl::RunResult result = enginetest::runWith(engine, "x <- " + expr + "\n", Json{{"s", "a"}}, options);
            QCOMPARE(lastCode(result), std::string("E403"));
        }
    }

    void hugeArraysRun()
    {
        Json numbers = Json::array();
        for (int i = 0; i < 100000; ++i)
            numbers.push_back(i);
        const std::string text = std::string(kV2) + "total <- sum(map(.a, . * 2))\nn <- count(distinct(.a))\n";
        // Sanitizers and a shared machine are slow: this checks the result, not the speed.
        mdsl::RunOptions options = enginetest::pinnedOptions();
        options.limits.maxTime = std::chrono::minutes(2);
        const mdsl::RunResult result = enginetest::runWith(EngineKind::V2, text, Json{{"a", numbers}}, options);
        QVERIFY2(result.status == mdsl::RunStatus::Ok, lastCode(result).c_str());
        QCOMPARE(result.output->dump(), std::string(R"({"total":9999900000,"n":100000})"));
    }

    void exponentialMapNestingHitsTheStepLimit()
    {
        Json twenty = Json::array();
        for (int i = 0; i < 20; ++i)
            twenty.push_back(i);
        const std::string text = std::string(kV2)
                               + "x <- map(.a, map($.a, map($.a, map($.a, map($.a, map($.a, . + 1))))))\nafter <- 1\n";
        mdsl::RunOptions options = enginetest::pinnedOptions();
        options.limits.maxSteps = 200000;
        const mdsl::RunResult result = enginetest::runWith(EngineKind::V2, text, Json{{"a", twenty}}, options);
        QCOMPARE(statusName(result.status), std::string_view("failed"));
        QCOMPARE(lastCode(result), std::string("E401"));
        // A limit stops the run: the rule after it does not run.
        QVERIFY(!result.output->contains("after"));
    }

    void theClockStopsARunawayRun()
    {
        Json many = Json::array();
        for (int i = 0; i < 60; ++i)
            many.push_back(i);
        const std::string text = std::string(kV2) + "x <- map(.a, map($.a, map($.a, map($.a, map($.a, 1)))))\n";
        mdsl::RunOptions options = enginetest::pinnedOptions();
        options.limits.maxSteps = UINT64_MAX;
        options.limits.maxTime = std::chrono::milliseconds(100);
        const mdsl::RunResult result = enginetest::runWith(EngineKind::V2, text, Json{{"a", many}}, options);
        QCOMPARE(lastCode(result), std::string("E404"));
    }

    void longStringsAndHugePadding()
    {
        const std::string text = std::string(kV2) + "u <- length(upper(.s))\np <- pad_left(.s, 1000000000000)\n";
        const mdsl::RunResult result = enginetest::runWith(EngineKind::V2, text, Json{{"s", std::string(2'000'000, 'x')}});
        QCOMPARE(lastCode(result), std::string("E402"));
        QCOMPARE(result.output->value("u", 0), 2'000'000);
    }

    void hugeIndexTargetsAreAnOutputError()
    {
        for (const EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
            const mdsl::RunResult result = enginetest::runWith(engine, "l[4000000000000] <- 1\n", Json::object());
            QCOMPARE(lastCode(result), std::string("E402"));
        }
    }

    void outputSizeLimit()
    {
        mdsl::RunOptions options = enginetest::pinnedOptions();
        options.limits.maxOutputBytes = 1000;
        for (const EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
            const mdsl::RunResult result =
                enginetest::runWith(engine, "a <- .s\nb <- .s\n", Json{{"s", std::string(600, 'y')}}, options);
            QCOMPARE(lastCode(result), std::string("E402"));
            QVERIFY(result.output->contains("a"));
            QVERIFY(!result.output->contains("b"));
        }
    }

    // Every limit error is a registered code (docs, SARIF rules) worded by its pattern, with
    // the limit as its argument: E401 to E405, each raised once here.
    void limitErrorsAreWordedByTheCodeTable()
    {
        Json many = Json::array();
        for (int i = 0; i < 60; ++i)
            many.push_back(i);
        const std::string nested = std::string(kV2) + "x <- map(.a, map($.a, map($.a, map($.a, map($.a, 1)))))\n";
        struct Case {
            std::string code;
            std::string text;
            Json input;
            mdsl::RunOptions options;
            std::string arg;
        };
        std::vector<Case> cases(5);
        cases[0] = {"E401", nested, Json{{"a", many}}, enginetest::pinnedOptions(), "5000"};
        cases[0].options.limits.maxSteps = 5000;
        cases[1] = {"E402", std::string(kV2) + "a <- .s\n", Json{{"s", std::string(600, 'y')}}, enginetest::pinnedOptions(), "100"};
        cases[1].options.limits.maxOutputBytes = 100;
        cases[2] = {"E403", std::string(kV2) + "a <- .s\n", Json::parse("{\"s\": [[[1]]]}"), enginetest::pinnedOptions(), "2"};
        cases[2].options.limits.maxDepth = 2;
        cases[3] = {"E404", nested, Json{{"a", many}}, enginetest::pinnedOptions(), "20"};
        cases[3].options.limits.maxSteps = UINT64_MAX;
        cases[3].options.limits.maxTime = std::chrono::milliseconds(20);
        cases[4] = {"E405", std::string(kV2) + "a <- concat(.s, .s)\n", Json{{"s", std::string(600, 'y')}}, enginetest::pinnedOptions(), "1000"};
        cases[4].options.limits.maxBuildBytes = 1000;
        for (const Case& c : cases) {
            const mdsl::RunResult result = enginetest::runWith(EngineKind::V2, c.text, c.input, c.options);
            QCOMPARE(lastCode(result), c.code);
            const mdsl::Diagnostic& error = result.diagnostics.back();
            const mdsl::DiagnosticCode* entry = mdsl::findDiagnosticCode(c.code);
            QVERIFY2(entry, c.code.c_str());
            QCOMPARE(error.args, std::vector<std::string>{c.arg});
            QCOMPARE(error.message, mdsl::formatMessage(entry->pattern, error.args));
            QCOMPARE(error.severity, entry->severity);
        }
    }

    void hostileRegexesRunInLinearTime()
    {
        const std::string text = std::string(kV2) + "m <- matches(.s, \"(a+)+$\")\nn <- matches(.s, \"(a|aa)+b\")\n"
                                 "r <- replace_regex(.s, \"(a*)*c\", \"\")\n";
        const std::string s = std::string(200000, 'a') + "!";
        const mdsl::RunResult result = enginetest::runWith(EngineKind::V2, text, Json{{"s", s}});
        QCOMPARE(statusName(result.status), std::string_view("ok"));
        QCOMPARE((*result.output)["m"], Json(false));
        QCOMPARE((*result.output)["n"], Json(false));
    }

    // A target nests the output one level per segment: 100,000 segments are one validation
    // error at the first segment past the limit, in both engines, not an output too deep to print.
    void aHundredThousandSegmentTargetIsOneError()
    {
        const std::string text = "mapping \"deep\" version 1\nr" + repeated(".a", 100000) + " <- 1\n";
        for (const EngineKind engine : { EngineKind::V1, EngineKind::V2 }) {
            const mdsl::RunResult result = enginetest::runWith(engine, text, Json::object());
            QCOMPARE(statusName(result.status), std::string_view("invalid"));
            QCOMPARE(result.diagnostics.size(), std::size_t { 1 });
            const mdsl::Diagnostic& error = result.diagnostics[0];
            QCOMPARE(error.code, std::string("E209"));
            QCOMPARE(error.args, std::vector<std::string> { "256" });
            QCOMPARE(error.message, std::string("the target nests deeper than 256 levels, its blocks included"));
            // `r` is the first segment, so the 256th `.a` is the 257th: column 1 + 2 * 256.
            QCOMPARE(error.range.start.line, 2);
            QCOMPARE(error.range.start.column, 513);
        }
        QCOMPARE(mdsl::analyze(text, mdsl::Flags()).diagnostics(mdsl::Route::V2Routed).size(), std::size_t { 1 });
    }

    void targetsUpToTheDefaultDepthRun()
    {
        for (const EngineKind engine : { EngineKind::V1, EngineKind::V2 }) {
            const mdsl::RunResult fits
                = enginetest::runWith(engine, "r" + repeated(".a", 255) + " <- 1\n", Json::object());
            QCOMPARE(statusName(fits.status), std::string_view("ok"));
            QCOMPARE(depthOf(*fits.output), 256);
            const mdsl::RunResult deeper
                = enginetest::runWith(engine, "r" + repeated(".a", 256) + " <- 1\n", Json::object());
            QCOMPARE(statusName(deeper.status), std::string_view("invalid"));
            QCOMPARE(deeper.diagnostics.back().code, std::string("E209"));
        }
    }

    // Blocks' targets count: 100 object blocks of 3 segments pass 256 in the 86th block (its
    // second segment is the 257th); each array block adds its elements' level.
    void enclosingBlocksCountTowardsTheDepth()
    {
        std::string objects = kV2;
        for (int i = 0; i < 100; ++i)
            objects += "b.c.d {\n";
        objects += "x <- 1\n" + repeated("}\n", 100);
        std::string arrays = kV2;
        for (int i = 0; i < 200; ++i)
            arrays += "b[] <- each .x {\n";
        arrays += "x <- 1\n" + repeated("}\n", 200);
        const struct {
            std::string text;
            int line;
            int column;
        } cases[] = { { objects, 87, 3 }, { arrays, 130, 1 } };
        for (const auto& c : cases) {
            const mdsl::RunResult result = enginetest::runWith(EngineKind::V2, c.text, Json::object());
            QCOMPARE(result.diagnostics.size(), std::size_t { 1 });
            QCOMPARE(result.diagnostics[0].code, std::string("E209"));
            QCOMPARE(result.diagnostics[0].range.start.line, c.line);
            QCOMPARE(result.diagnostics[0].range.start.column, c.column);
        }
    }

    // A write's target levels add to its value's: past the limit, E403 before anything of it is
    // written, and the rest of the output stays shallower than the limit.
    void writesCountTheirTargetLevels()
    {
        mdsl::RunOptions options = enginetest::pinnedOptions();
        options.limits.maxDepth = 10;
        const Json input = Json::parse(R"({"v": {"x": {"y": [1]}}})"); // 3 levels
        for (const EngineKind engine : { EngineKind::V1, EngineKind::V2 }) {
            const mdsl::RunResult fits = enginetest::runWith(engine, "a.b.c.d.e.f.g <- .v\n", input, options);
            QCOMPARE(statusName(fits.status), std::string_view("ok"));
            QCOMPARE(depthOf(*fits.output), 10);
            const mdsl::RunResult deeper
                = enginetest::runWith(engine, "ok <- .v\na.b.c.d.e.f.g.h <- .v\n", input, options);
            QCOMPARE(lastCode(deeper), std::string("E403"));
            QCOMPARE(deeper.diagnostics.back().range.start.line, 2);
            QCOMPARE(*deeper.output, Json::parse(R"({"ok": {"x": {"y": [1]}}})"));
        }
    }

    // Inside an array block, a rule's output sits below the block's target and the array.
    void arrayElementsCountTheirBlocksLevels()
    {
        mdsl::RunOptions options = enginetest::pinnedOptions();
        options.limits.maxDepth = 5;
        const Json input = Json::parse(R"({"xs": [1, 2]})");
        const std::string fits = std::string(kV2) + "a.b[] <- each .xs {\n  c.d <- 1\n}\n";
        const mdsl::RunResult ok = enginetest::runWith(EngineKind::V2, fits, input, options);
        QCOMPARE(statusName(ok.status), std::string_view("ok"));
        QCOMPARE(depthOf(*ok.output), 5);
        const std::string deeper = std::string(kV2) + "a.b[] <- each .xs {\n  c.d.e <- 1\n}\n";
        const mdsl::RunResult failed = enginetest::runWith(EngineKind::V2, deeper, input, options);
        QCOMPARE(lastCode(failed), std::string("E403"));
        QCOMPARE(failed.diagnostics.back().range.start.line, 3); // the rule, not the block
        QCOMPARE(*failed.output, Json::object());
    }

    // Long source paths are only paths: they validate, compile and resolve (here to missing).
    void longSourcePathsValidateAndRun()
    {
        const std::string simple = "mapping \"p\" version 1\nr <- " + repeated(".a", 100000) + "\n";
        const std::string query
            = std::string(kV2) + "r <- $" + repeated(".a", 100000) + "\nq <- $" + repeated("..a", 100000) + "\n";
        for (const EngineKind engine : { EngineKind::V1, EngineKind::V2 }) {
            const mdsl::RunResult result = enginetest::runWith(engine, simple, Json { { "a", 1 } });
            QCOMPARE(statusName(result.status), std::string_view("ok"));
            QCOMPARE(*result.output, Json::object());
        }
        const mdsl::RunResult result = enginetest::runWith(EngineKind::V2, query, Json { { "a", 1 } });
        QCOMPARE(statusName(result.status), std::string_view("ok"));
        QCOMPARE(*result.output, Json::parse(R"({"q": []})"));
    }

    void deepJsonParseIsADepthError()
    {
        const std::string text = std::string(kV2) + "x <- json_parse(.s)\n";
        const mdsl::RunResult result =
            enginetest::runWith(EngineKind::V2, text, Json{{"s", std::string(50000, '[') + std::string(50000, ']')}});
        QCOMPARE(lastCode(result), std::string("E403"));
    }
};

MDSL_TEST_MAIN(TestLimits)
#include "test_limits.moc"
