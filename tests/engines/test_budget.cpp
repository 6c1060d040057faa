// The budget of values a run may build (RunLimits::maxBuildBytes, error E405): mappings that
// multiply values they never write, and JSONPath queries whose nodelists outgrow their
// document, stop with a limit error instead of taking the machine's memory. Both engines
// count the same bytes, so they stop at the same place. (Speed and memory are measured by
// bench/engines; these tests check which limit stops a run and where.)

#include "testmain.h"

#include "enginetest.h"

#include <QTest>

using mdsl::EngineKind;
using mdsl::Json;

using enginetest::lastCode;

namespace {

/// `let b = OP(a, a, …)` ten times over, each level ten times the one before, then `r <- length(i)`:
/// ten lines that describe 64 × 10^8 bytes.
std::string multiplyingLets(int version, const std::string& open, const std::string& close)
{
    std::string text = "mapping \"m\" version " + std::to_string(version) + "\nbefore <- 1\nlet a = \""
                     + std::string(64, 'x') + "\"\n";
    const std::string names = "abcdefghi";
    for (std::size_t level = 1; level < names.size(); ++level) {
        text += "let ";
        text += names[level];
        text += " = " + open;
        for (int i = 0; i < 10; ++i)
            text += (i ? "," : "") + std::string(1, names[level - 1]);
        text += close + "\n";
    }
    return text;
}

/// An array nested `depth` levels deep around a 0: 2 × depth + 1 bytes.
Json nestedArray(int depth)
{
    Json value = 0;
    for (int i = 0; i < depth; ++i)
        value = Json::array({std::move(value)});
    return value;
}

const char* const kVersion2 = "mapping \"q\" version 2\n";

// The default budget with a time limit that a loaded machine under the sanitizers cannot
// reach first: these tests check what the budget stops (E405), not the speed (E404).
mdsl::RunOptions roomyClock()
{
    mdsl::RunOptions options = enginetest::pinnedOptions();
    options.limits.maxTime = std::chrono::minutes(2);
    return options;
}

} // namespace

class TestBudget : public QObject {
    Q_OBJECT

private slots:
    // The amplification found by fuzzing: ten lines of `let` and `concat` used to allocate about
    // 12 GB before writing one number. Under the default limits it stops at the budget, on the
    // `let` that crosses it, and keeps what was written before.
    void nestedConcatsStopAtTheBudget()
    {
        const std::string text = multiplyingLets(1, "concat(", ")") + "r <- length(i)\n";
        for (const EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
            const mdsl::RunResult result = enginetest::runWith(engine, text, Json::object(), roomyClock());
            QCOMPARE(statusName(result.status), std::string_view("failed"));
            QCOMPARE(lastCode(result), std::string("E405"));
            QCOMPARE(result.diagnostics.back().range.start.line, 10);   // let h: 640 MB, past 256 MiB
            QCOMPARE(result.diagnostics.back().args, std::vector<std::string>{"268435456"});
            QCOMPARE(*result.output, Json({{"before", 1}}));
        }
    }

    // The same with array literals of `let`s, then flatten: each copy of a borrowed value is
    // counted before it is made.
    void arrayLiteralsOfLetsStopAtTheBudget()
    {
        const std::string text = multiplyingLets(2, "[", "]") + "r <- length(flatten(i))\n";
        const mdsl::RunResult result = enginetest::runWith(EngineKind::V2, text, Json::object(), roomyClock());
        QCOMPARE(lastCode(result), std::string("E405"));
        QCOMPARE(result.diagnostics.back().range.start.line, 10);
        QVERIFY(!result.output->contains("r"));
    }

    void functionsThatMultiplyTheirInputAreCounted_data()
    {
        QTest::addColumn<QString>("expr");
        // Each builds about 10 MB from a few bytes of mapping and a 100 KB string; the budget is 1 MB.
        QTest::newRow("concat") << "concat(.s, .s, .s, .s, .s, .s, .s, .s, .s, .s, .s, .s, .s, .s, .s, .s)";
        QTest::newRow("string +") << "length(.s + .s + .s + .s + .s + .s + .s + .s + .s + .s + .s + .s)";
        QTest::newRow("replace") << "length(replace(.s, \"x\", \"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"))";
        QTest::newRow("join") << "length(join(split(substring(.s, 0, 100), \"x\"), .s))";
        QTest::newRow("map") << "count(map(split(substring(.s, 0, 100), \"x\"), $.s))";
        QTest::newRow("zip") << "count(zip(split(.s, \"x\"), split(.s, \"x\")))";
        QTest::newRow("pad_left") << "length(pad_left(.s, 10000000))";
        QTest::newRow("array literal") << "count(flatten([[.s, .s, .s, .s, .s, .s, .s, .s, .s, .s, .s, .s]]))";
        QTest::newRow("object literal") << "count(keys({a: .s, b: .s, c: .s, d: .s, e: .s, f: .s, g: .s, h: .s, i: .s, j: .s, k: .s}))";
    }

    void functionsThatMultiplyTheirInputAreCounted()
    {
        QFETCH(QString, expr);
        mdsl::RunOptions options = enginetest::pinnedOptions();
        options.limits.maxBuildBytes = 1u << 20;
        const Json input{{"s", std::string(100'000, 'x')}};
        const mdsl::RunResult result =
            enginetest::runWith(EngineKind::V2, std::string(kVersion2) + "r <- " + expr.toStdString() + "\n", input, options);
        QCOMPARE(lastCode(result), std::string("E405"));
        // Under the default budget the same expression runs.
        const mdsl::RunResult roomy =
            enginetest::runWith(EngineKind::V2, std::string(kVersion2) + "r <- " + expr.toStdString() + "\n", input, roomyClock());
        QCOMPARE(statusName(roomy.status), std::string_view("ok"));
    }

    // Both engines count the same bytes, a constant expression the V2 compiler folded included:
    // they stop at the same budget, on the same rule.
    void bothEnginesStopAtTheSameBudget()
    {
        const std::string text = "a <- \"start\"\nb <- length(concat(\"" + std::string(300, 'y') + "\", \"z\"))\nc <- length(concat(.s, .s))\n";
        const Json input{{"s", std::string(200, 's')}};
        for (const std::uint64_t budget : {100u, 400u, 700u, 5000u}) {
            mdsl::RunOptions options = enginetest::pinnedOptions();
            options.limits.maxBuildBytes = budget;
            const mdsl::RunResult v1 = enginetest::runWith(EngineKind::V1, text, input, options);
            const mdsl::RunResult v2 = enginetest::runWith(EngineKind::V2, text, input, options);
            QCOMPARE(lastCode(v2), lastCode(v1));
            QCOMPARE(*v2.output, *v1.output);
            QCOMPARE(v2.diagnostics.size(), v1.diagnostics.size());
            if (!v1.diagnostics.empty())
                QCOMPARE(v2.diagnostics.back().range, v1.diagnostics.back().range);
        }
        mdsl::RunOptions tight = enginetest::pinnedOptions();
        tight.limits.maxBuildBytes = 100;
        QCOMPARE(lastCode(enginetest::runWith(EngineKind::V2, text, input, tight)), std::string("E405"));
        QCOMPARE(enginetest::runWith(EngineKind::V2, text, input, tight).diagnostics.back().range.start.line, 2);
    }

    // A tiny query over a tiny input used to build nodelists of many gigabytes: they count
    // against the budget as they grow, inside the descendant and filter traversal.
    void descendantChainsStopAtTheBudget_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::newRow("filter over descendants") << "r <- $[?count(@..*..*..*..*..*) > 0]";
        QTest::newRow("descendants of descendants") << "r <- length($..*..*..*)";
    }

    void descendantChainsStopAtTheBudget()
    {
        QFETCH(QString, rule);
        const Json input = nestedArray(200);   // 401 bytes
        // The budget is what is checked, not the speed: under the sanitizers on a loaded
        // machine the default 5 s limit could stop the run first (E404).
        mdsl::RunOptions options = enginetest::pinnedOptions();
        options.limits.maxTime = std::chrono::minutes(2);
        const mdsl::RunResult result =
            enginetest::runWith(EngineKind::V2, std::string(kVersion2) + rule.toStdString() + "\n", input, options);
        QCOMPARE(lastCode(result), std::string("E405"));
    }

    // With a budget that never ends, the time limit stops the same query: the clock is looked
    // at inside the traversal, not once the nodelists are built (that took 46 s and 17 GB).
    void theClockIsReadInsideTheTraversal()
    {
        mdsl::RunOptions options = enginetest::pinnedOptions();
        options.limits.maxBuildBytes = UINT64_MAX;
        options.limits.maxTime = std::chrono::milliseconds(200);
        const mdsl::RunResult result = enginetest::runWith(
            EngineKind::V2, std::string(kVersion2) + "r <- $[?count(@..*..*..*..*..*) > 0]\n", nestedArray(200), options);
        QCOMPARE(lastCode(result), std::string("E404"));
    }

    // A run that ends past its time limit is not ok, even when no step looked at the clock
    // after the deadline (the clock is read every 1,024 steps).
    void aRunThatEndsLateIsATimeError()
    {
        mdsl::RunOptions options = enginetest::pinnedOptions();
        options.limits.maxTime = std::chrono::milliseconds(0);
        for (const EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
            const mdsl::RunResult result = enginetest::runWith(engine, "a <- 1\n", Json::object(), options);
            QCOMPARE(statusName(result.status), std::string_view("failed"));
            QCOMPARE(lastCode(result), std::string("E404"));
            QCOMPARE(*result.output, Json({{"a", 1}}));
        }
    }

    // Real work on large inputs stays well inside the default budget: a 20 MB input read,
    // mapped, sorted and joined.
    void largeRealWorkStaysInsideTheBudget()
    {
        Json items = Json::array();
        for (int i = 0; i < 100'000; ++i)
            items.push_back({{"sku", "SKU-" + std::to_string(i) + std::string(150, 'p')}, {"qty", i % 7}});
        const std::string text = std::string(kVersion2)
                               + "skus <- length(join(sort(map(.items, upper(.sku))), \",\"))\n"
                                 "kept <- count(filter(.items, .qty > 0))\n";
        mdsl::RunOptions options = enginetest::pinnedOptions();
        options.limits.maxTime = std::chrono::minutes(2);   // sanitizers: this checks the result, not the speed
        const mdsl::RunResult result = enginetest::runWith(EngineKind::V2, text, Json{{"items", items}}, options);
        QVERIFY2(result.status == mdsl::RunStatus::Ok, lastCode(result).c_str());
        QCOMPARE((*result.output)["kept"], Json(85714));
    }
};

MDSL_TEST_MAIN(TestBudget)
#include "test_budget.moc"
