// Corpus comparison: sides (mappings on engines, recorded outputs, pairs), differences grouped
// by pattern, the verdict at and around the plan's thresholds and where it must not be
// vacuous, shards merged into the whole, bad input, and the JSON and JUnit reports.

#include "customer_corpus.h"
#include "testmain.h"

#include "mdsl/corpus.h"

#include <QTest>
#include <QXmlStreamReader>

#include <atomic>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using mdsl::Json;

namespace {

// A report of two timed mapping sides whose right error rate and time ratio are given.
mdsl::CorpusReport figures(std::uint64_t records, std::uint64_t rightFailed, double timeRatio)
{
    mdsl::CorpusReport r;
    r.records = r.compared = r.identical = records;
    r.left.label = "V1";
    r.right.label = "V2";
    r.left.ok = records;
    r.right.failed = rightFailed;
    r.right.ok = records - rightFailed;
    r.right.errorRatePercent = 100.0 * static_cast<double>(rightFailed) / static_cast<double>(records);
    r.left.totalNs = 1'000'000;
    r.right.totalNs = static_cast<std::uint64_t>(timeRatio * 1'000'000);
    return r;
}

const mdsl::VerdictCheck& checkNamed(const mdsl::Verdict& v, const std::string& name)
{
    for (const mdsl::VerdictCheck& c : v.checks) {
        if (c.name == name)
            return c;
    }
    static const mdsl::VerdictCheck none{"none", false, false, "no such check"};
    return none;
}

std::string readSource(const std::string& relative)
{
    std::ifstream in(std::string(MDSL_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

const char* const kOrders = R"(mapping "orders" version 1
id <- .id
name <- upper(.name)
total <- round(.price * .qty, 2)
)";

std::string ordersCorpus(int records, int badTypeEvery)
{
    std::string corpus;
    for (int n = 1; n <= records; ++n) {
        Json record = {{"id", n}, {"name", "c" + std::to_string(n)}, {"price", 1.25 * n}, {"qty", n % 4}};
        if (badTypeEvery > 0 && n % badTypeEvery == 0)
            record["name"] = n;   // upper(number): a runtime error on both engines
        corpus += record.dump() + "\n";
    }
    return corpus;
}

const mdsl::DifferenceGroup* groupAt(const mdsl::CorpusReport& r, const std::string& pointer, mdsl::DifferenceKind kind)
{
    for (const mdsl::DifferenceGroup& g : r.differences) {
        if (g.pointer == pointer && g.kind == kind)
            return &g;
    }
    return nullptr;
}

// The customer example pair: the original on V1 against the migrated mapping routed.
mdsl::CorpusReport customerPair(std::istream& corpus, const mdsl::CorpusOptions& options)
{
    const mdsl::Flags flags;
    return mdsl::compareCorpus(
        corpus, mdsl::mappingSide("customer-v1.mdsl", readSource("resources/examples/customer-v1.mdsl"), mdsl::SideEngine::V1, flags),
        mdsl::mappingSide("customer-v2.mdsl", readSource("resources/examples/customer-v2.mdsl"), mdsl::SideEngine::Routed, flags),
        options);
}

// The report's JSON without what depends on the clock.
Json withoutTimings(Json report)
{
    for (const char* side : {"left", "right"}) {
        for (const char* key : {"p50_us", "p95_us", "total_us", "total_ns", "histogram"})
            report[side].erase(key);
    }
    report.erase("time_ratio");
    for (Json& check : report["verdict"]["checks"]) {
        if (check["name"] == "time_ratio")
            check.erase("reason");
    }
    return report;
}

} // namespace

class TestCorpus : public QObject {
    Q_OBJECT

private slots:
    void errorRateThreshold_data()
    {
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("failed");
        QTest::addColumn<bool>("go");
        QTest::newRow("none") << 100 << 0 << true;
        QTest::newRow("just under 5 %") << 10000 << 499 << true;
        QTest::newRow("exactly 5 %") << 100 << 5 << true;
        QTest::newRow("just over 5 %") << 10000 << 501 << false;
        QTest::newRow("all") << 3 << 3 << false;
    }

    void errorRateThreshold()
    {
        QFETCH(int, records);
        QFETCH(int, failed);
        QFETCH(bool, go);
        const mdsl::Verdict v = mdsl::decideVerdict(figures(records, failed, 1.0));
        QCOMPARE(v.go, go);
        const mdsl::VerdictCheck& c = checkNamed(v, "error_rate");
        QCOMPARE(c.passed, go);
        QVERIFY2(c.reason.find("5.00 %") != std::string::npos, c.reason.c_str());
        // The plan's objective is shown beside the rollback trigger, never judged.
        QVERIFY2(c.reason.find(failed == 0 ? "objective 1.00 %: met" : "objective 1.00 %: not met") != std::string::npos,
                 c.reason.c_str());
    }

    void timeRatioThreshold_data()
    {
        QTest::addColumn<double>("ratio");
        QTest::addColumn<bool>("go");
        QTest::newRow("faster") << 0.4 << true;
        QTest::newRow("exactly 2x") << 2.0 << true;
        QTest::newRow("2.01x") << 2.01 << false;
    }

    void timeRatioThreshold()
    {
        QFETCH(double, ratio);
        QFETCH(bool, go);
        const mdsl::Verdict v = mdsl::decideVerdict(figures(50, 0, ratio));
        QCOMPARE(v.go, go);
        const mdsl::VerdictCheck& c = checkNamed(v, "time_ratio");
        QVERIFY(c.applicable);
        QCOMPARE(c.passed, go);
        QVERIFY2(c.reason.find("2.00x") != std::string::npos, c.reason.c_str());
    }

    void differencesAreNoGoUnlessAllowed()
    {
        mdsl::CorpusReport r = figures(100, 0, 1.0);
        r.identical = 99;
        QVERIFY(!mdsl::decideVerdict(r).go);
        QVERIFY(checkNamed(mdsl::decideVerdict(r), "compatibility").reason.find("1 of 100 records") != std::string::npos);
        r.thresholds.maxDifferentPercent = 1.0;
        QVERIFY(mdsl::decideVerdict(r).go);
    }

    void nothingComparedIsNoGo()
    {
        mdsl::CorpusReport empty;
        QVERIFY(!mdsl::decideVerdict(empty).go);
        QVERIFY(!checkNamed(mdsl::decideVerdict(empty), "records").passed);

        std::istringstream garbage("not json\n{\"a\":\n");
        const mdsl::CorpusReport r = mdsl::compareCorpus(kOrders, garbage, mdsl::Flags(), {});
        QCOMPARE(r.records, 2u);
        QCOMPARE(r.invalidInput, 2u);
        QCOMPARE(r.compared, 0u);
        QVERIFY(!r.verdict.go);
        QVERIFY(checkNamed(r.verdict, "records").reason.find("all 2 records are invalid input") != std::string::npos);
    }

    // Issue #14: a version 2 mapping alone had V1 refusing every record and still got GO.
    void aVersion2MappingAloneIsNotComparable()
    {
        std::istringstream in(ordersCorpus(50, 0));
        mdsl::CorpusOptions options;
        options.thresholds.maxTimeRatio = 1e9;
        const mdsl::CorpusReport r = mdsl::compareCorpus(
            "mapping \"o\" version 2\nid <- .id\nname <- .name ?? \"none\"\n", in, mdsl::Flags(), options);
        QVERIFY(!r.left.runs);
        QVERIFY(r.right.runs);
        QCOMPARE(r.left.invalid, 50u);
        QVERIFY(!r.verdict.go);
        const mdsl::VerdictCheck& c = checkNamed(r.verdict, "comparable");
        QVERIFY(!c.passed);
        QVERIFY2(c.reason.find("not comparable: V1 cannot run") != std::string::npos, c.reason.c_str());
        QVERIFY(!checkNamed(r.verdict, "error_rate").applicable);
    }

    void aSideAnsweringOnlyInvalidIsNotComparable()
    {
        mdsl::CorpusReport r = figures(10, 0, 1.0);
        r.right.ok = 0;
        r.right.invalid = 10;
        const mdsl::Verdict v = mdsl::decideVerdict(r);
        QVERIFY(!v.go);
        QVERIFY(checkNamed(v, "comparable").reason.find("V2 answered every record with status invalid") != std::string::npos);
    }

    // A routed side runs as production's dry-run routes it under the flags.
    void aRoutedSideFollowsTheFlags()
    {
        const std::string v2Mapping = "mapping \"o\" version 2\nid <- .id\nname <- .name ?? \"none\"\n";
        mdsl::Flags v2Off;
        v2Off.set(mdsl::Flag::V2Enabled, false);   // routed goes to V1, which refuses version 2
        std::istringstream in(ordersCorpus(10, 0));
        const mdsl::CorpusReport off = mdsl::compareCorpus(
            in, mdsl::mappingSide("", kOrders, mdsl::SideEngine::V1, v2Off),
            mdsl::mappingSide("o.mdsl", v2Mapping, mdsl::SideEngine::Routed, v2Off), {});
        QVERIFY(!off.right.runs);
        QVERIFY(!off.verdict.go);
        QVERIFY(checkNamed(off.verdict, "comparable").reason.find("o.mdsl on routed cannot run") != std::string::npos);

        // With the flags on, V2 fails on the bad records and V1 answers them as a fallback.
        std::istringstream again(ordersCorpus(10, 5));
        mdsl::CorpusOptions options;
        options.thresholds.maxTimeRatio = 1e9;
        const mdsl::CorpusReport on = mdsl::compareCorpus(
            again, mdsl::mappingSide("", kOrders, mdsl::SideEngine::V1, mdsl::Flags()),
            mdsl::mappingSide("", kOrders, mdsl::SideEngine::Routed, mdsl::Flags()), options);
        QVERIFY(on.right.runs);
        QCOMPARE(on.right.fallbacks, 2u);
        QCOMPARE(on.identical, 10u);
        QVERIFY(mdsl::corpusReportText(on).find("2 V1 fallbacks") != std::string::npos);
    }

    // Today's default over a real corpus; a bad line is invalid input, not an engine error.
    void comparesAVersion1MappingOverACorpus()
    {
        std::string corpus = ordersCorpus(400, 10);   // every 10th record fails: 10 %
        corpus += "\n{broken\n";                        // a blank line (401) and a bad line (402)
        std::istringstream in(corpus);
        mdsl::CorpusOptions options;
        options.jobs = 3;
        options.thresholds.maxTimeRatio = 1e9;          // a unit test does not judge speed
        const mdsl::CorpusReport r = mdsl::compareCorpus(kOrders, in, mdsl::Flags(), options);

        QCOMPARE(r.records, 401u);
        QCOMPARE(r.blankLines, 1u);
        QCOMPARE(r.invalidInput, 1u);
        QCOMPARE(r.compared, 400u);
        QCOMPARE(r.identical, 400u);   // the engines agree, failures included
        QCOMPARE(r.right.failed, 40u);
        QCOMPARE(r.right.invalid, 0u);
        QVERIFY(qAbs(r.right.errorRatePercent - 10.0) < 1e-9);
        QVERIFY(r.left.times.percentileUs(50) > 0);
        QVERIFY(r.left.times.percentileUs(50) <= r.left.times.percentileUs(95));
        QVERIFY(r.timeRatio() > 0);
        QVERIFY(!r.verdict.go);
        QVERIFY(!checkNamed(r.verdict, "error_rate").passed);
        QVERIFY(!checkNamed(r.verdict, "input").passed);   // one bad line of 401

        // Failures by side, code and rule, the first lines named; the bad line apart.
        QCOMPARE(r.failures.size(), std::size_t{3});
        const mdsl::FailureGroup& right = r.failures[0].side == "right" ? r.failures[0] : r.failures[1];
        QCOMPARE(right.records, 40u);
        QCOMPARE(right.rule, std::string("3: name <- upper(.name)"));
        QCOMPARE(right.lines, (std::vector<std::uint64_t>{10, 20, 30, 40, 50}));
        const mdsl::FailureGroup& input = r.failures.back();
        QCOMPARE(input.side, std::string("input"));
        QCOMPARE(input.code, std::string("E420"));
        QCOMPARE(input.lines, (std::vector<std::uint64_t>{402}));

        const std::string text = mdsl::corpusReportText(r);
        QVERIFY2(text.find("lines: 10, 20, 30, 40, 50 and 35 more") != std::string::npos, text.c_str());
        QVERIFY(text.find("input invalid E420, 1 records") != std::string::npos);
    }

    void profileOfEachSide()
    {
        std::istringstream in(ordersCorpus(100, 10));
        mdsl::CorpusOptions options;
        options.jobs = 2;
        options.run.profile = true;
        const mdsl::CorpusReport r = mdsl::compareCorpus(kOrders, in, mdsl::Flags(), options);
        for (const mdsl::SideFigures* side : {&r.left, &r.right}) {
            QVERIFY(side->profile.has_value());
            QCOMPARE(side->profile->runs, 100u);
            QCOMPARE(side->profile->rules.size(), std::size_t{3});
            const mdsl::RuleFigures& name = side->profile->rules[1];
            QCOMPARE(name.target, std::string("name"));
            QCOMPARE(name.calls, 100u);
            QCOMPARE(name.errors, 10u);   // every 10th record: upper(number)
            QCOMPARE(name.writes, 90u);
        }
        QVERIFY(mdsl::corpusReportText(r).find("profile of the right side") != std::string::npos);
        QCOMPARE(mdsl::corpusReportJson(r)["left"]["profile"]["rules"].size(), std::size_t{3});
        // Off: nothing measured.
        std::istringstream again(ordersCorpus(10, 0));
        QVERIFY(!mdsl::compareCorpus(kOrders, again, mdsl::Flags(), {}).left.profile);
    }

    void differencesAreGroupedByPatternAndKind()
    {
        const std::string left = "mapping \"l\" version 1\nlines <- .lines\na <- .a\nb <- .b\nc <- .c\n";
        const std::string right = "mapping \"r\" version 1\nlines <- .other\na <- .x\nb <- .b\nc <- .y\n";
        std::string corpus;
        for (int n = 1; n <= 6; ++n) {
            Json rec = {{"lines", Json::array({{{"total", 1}}, {{"total", 2}}})},
                        {"other", Json::array({{{"total", 1}}, {{"total", n}}})},
                        {"a", 1},
                        {"b", 2},
                        {"c", "s"}};
            if (n % 2 == 0)
                rec["x"] = nullptr;   // a: 1 vs null
            else
                rec["x"] = "1";       // a: 1 vs "1"
            if (n == 3)
                rec["other"].push_back({{"total", 3}});   // one element more
            if (n >= 5)
                rec["y"] = "t";        // c: "s" vs "t"; below: missing
            corpus += rec.dump() + "\n";
        }
        std::istringstream in(corpus);
        mdsl::CorpusOptions options;
        options.examplesPerGroup = 2;
        const mdsl::Flags flags;
        const mdsl::CorpusReport r = mdsl::compareCorpus(in, mdsl::mappingSide("l", left, mdsl::SideEngine::V1, flags),
                                                         mdsl::mappingSide("r", right, mdsl::SideEngine::V1, flags), options);
        QCOMPARE(r.compared, 6u);
        QCOMPARE(r.identical, 0u);
        using K = mdsl::DifferenceKind;
        const auto* total = groupAt(r, "/lines/*/total", K::ValueChange);
        QVERIFY(total != nullptr);
        QCOMPARE(total->records, 5u);
        QCOMPARE(total->examples.size(), std::size_t{2});
        QCOMPARE(total->examples[0].line, 1u);   // record 2 agrees: 2 == 2
        QCOMPARE(total->examples[1].line, 3u);
        QCOMPARE(total->examples[0].left, std::string("2"));
        QCOMPARE(total->examples[0].right, std::string("1"));
        QCOMPARE(groupAt(r, "/lines", K::ArrayLength)->records, 1u);
        QCOMPARE(groupAt(r, "/a", K::NullVsValue)->records, 3u);
        QCOMPARE(groupAt(r, "/a", K::TypeChange)->records, 3u);
        QCOMPARE(groupAt(r, "/c", K::MissingVsValue)->records, 4u);
        QCOMPARE(groupAt(r, "/c", K::MissingVsValue)->examples[0].right, std::string("(missing)"));
        QCOMPARE(groupAt(r, "/c", K::ValueChange)->records, 2u);
        QVERIFY(groupAt(r, "/b", K::ValueChange) == nullptr);
        QCOMPARE(r.differences.front().records, 5u);   // most records first
    }

    // The issue's migration question on the bundled example pair.
    void customerExamplePairOriginalAgainstMigrated()
    {
        std::istringstream in(testcorpus::customerCorpus(3000));
        mdsl::CorpusOptions options;
        options.thresholds.maxTimeRatio = 1e9;
        const mdsl::CorpusReport r = customerPair(in, options);
        QVERIFY(r.left.runs && r.right.runs);
        QCOMPARE(r.compared, 3000u);
        QCOMPARE(r.left.failed + r.right.failed, 0u);
        using K = mdsl::DifferenceKind;
        const auto* phone = groupAt(r, "/customer/phone", K::MissingVsValue);
        QVERIFY2(phone != nullptr, mdsl::corpusReportText(r).c_str());
        QCOMPARE(phone->records, 600u);   // every 5th record has no phone: V2 writes "unknown"
        QCOMPARE(phone->examples.front().line, 5u);
        QCOMPARE(phone->examples.front().right, std::string("\"unknown\""));
        const auto* fax = groupAt(r, "/customer/fax", K::MissingVsNull);
        QVERIFY2(fax != nullptr, mdsl::corpusReportText(r).c_str());
        QCOMPARE(fax->records, 1000u);    // missing on every 3rd-plus-one: V2 writes null
        QVERIFY(!r.verdict.go);
        QVERIFY(!checkNamed(r.verdict, "compatibility").passed);
    }

    void recordedOutputsSide()
    {
        std::istringstream corpus(ordersCorpus(4, 0));
        // What production answered: two outputs, a dry-run result line that failed, and a
        // different total on line 4.
        std::istringstream outputs(
            R"({"id":1,"name":"C1","total":1.25})" "\n"
            R"({"id":2,"name":"C2","total":5})" "\n"
            R"({"engine":"v2","route":"v2","status":"failed","diagnostics":[{"severity":"error","code":"E410","message":"boom"}]})" "\n"
            R"({"id":4,"name":"C4","total":1})" "\n");
        const mdsl::CorpusReport r = mdsl::compareCorpus(corpus, mdsl::outputsSide("prod.ndjson", outputs),
                                                         mdsl::mappingSide("", kOrders, mdsl::SideEngine::V2, mdsl::Flags()), {});
        QVERIFY(r.inputError.empty());
        QCOMPARE(r.compared, 4u);
        QCOMPARE(r.left.failed, 1u);
        QCOMPARE(r.identical, 2u);
        QVERIFY(!r.left.timed());
        QVERIFY(!checkNamed(r.verdict, "time_ratio").applicable);
        QCOMPARE(groupAt(r, "", mdsl::DifferenceKind::Status)->examples[0].line, 3u);
        QCOMPARE(groupAt(r, "/total", mdsl::DifferenceKind::ValueChange)->examples[0].left, std::string("1"));
        QCOMPARE(r.failures.front().code, std::string("E410"));
    }

    void recordedOutputsMustBeAligned()
    {
        std::istringstream corpus(ordersCorpus(3, 0));
        std::istringstream shorter("{}\n{}\n");
        const auto side = mdsl::mappingSide("", kOrders, mdsl::SideEngine::V2, mdsl::Flags());
        const mdsl::CorpusReport r = mdsl::compareCorpus(corpus, mdsl::outputsSide("prod.ndjson", shorter), side, {});
        QCOMPARE(r.inputError, std::string("prod.ndjson has fewer lines than the corpus: no line 3 for the corpus' line 3"));

        std::istringstream corpus2(ordersCorpus(1, 0));
        std::istringstream longer("{}\n{}\n");
        const mdsl::CorpusReport r2 = mdsl::compareCorpus(corpus2, mdsl::outputsSide("prod.ndjson", longer), side, {});
        QCOMPARE(r2.inputError, std::string("prod.ndjson has more lines than the corpus (1)"));
    }

    void pairsCorpus()
    {
        std::istringstream corpus(
            R"({"input":{"id":1,"name":"a","price":2,"qty":1},"output":{"id":1,"name":"A","total":2}})" "\n"
            R"({"input":{"id":2,"name":"b","price":2,"qty":1},"output":{"id":2,"name":"B"}})" "\n"
            R"({"input":{"id":3}})" "\n");
        mdsl::CorpusOptions options;
        options.pairs = true;
        options.thresholds.maxInvalidInputPercent = 50;
        const mdsl::CorpusReport r = mdsl::compareCorpus(corpus, mdsl::pairOutputsSide(),
                                                         mdsl::mappingSide("", kOrders, mdsl::SideEngine::Routed, mdsl::Flags()), options);
        QCOMPARE(r.records, 3u);
        QCOMPARE(r.invalidInput, 1u);
        QCOMPARE(r.identical, 1u);
        QCOMPARE(groupAt(r, "/total", mdsl::DifferenceKind::MissingVsValue)->examples[0].line, 2u);
        QCOMPARE(r.failures.back().code, std::string("pair"));
        QVERIFY(r.failures.back().message.find("line 3: a pairs record") != std::string::npos);
    }

    void aLineOverTheSizeLimitIsInvalidInput()
    {
        std::istringstream in(ordersCorpus(2, 0) + "{\"id\":\"" + std::string(5000, 'x') + "\"}\n" + ordersCorpus(1, 0));
        mdsl::CorpusOptions options;
        options.maxLineBytes = 1000;
        const mdsl::CorpusReport r = mdsl::compareCorpus(kOrders, in, mdsl::Flags(), options);
        QCOMPARE(r.records, 4u);
        QCOMPARE(r.invalidInput, 1u);
        QCOMPARE(r.failures.back().code, std::string("size"));
        QCOMPARE(r.failures.back().message, std::string("line 3 is 5009 bytes, over the limit of 1000"));
    }

    void aRecordTooDeepToRunNamesNoRule()
    {
        // 10,000 levels: both engines refuse the record with E403 before any rule runs, so
        // the failure is the input's, not the header line's "rule 1".
        std::string deep;
        for (int i = 0; i < 10'000; ++i)
            deep += "{\"id\": ";
        deep += "1" + std::string(10'000, '}');
        std::istringstream in(ordersCorpus(2, 0) + deep + "\n");
        mdsl::CorpusOptions options;
        options.thresholds.maxTimeRatio = 1e9;
        const mdsl::CorpusReport r = mdsl::compareCorpus(kOrders, in, mdsl::Flags(), options);
        QCOMPARE(r.records, 3u);
        QCOMPARE(r.right.failed, 1u);
        QCOMPARE(r.failures.size(), std::size_t{2});
        for (const mdsl::FailureGroup& g : r.failures) {
            QCOMPARE(g.code, std::string("E403"));
            QCOMPARE(g.rule, std::string());
            QCOMPARE(g.lines, (std::vector<std::uint64_t>{3}));
        }
        const std::string text = mdsl::corpusReportText(r);
        QVERIFY2(text.find("V2 failed E403, 1 records") != std::string::npos, text.c_str());
        QVERIFY2(text.find("at rule") == std::string::npos, text.c_str());
    }

    void histogramPercentilesAndMerge()
    {
        mdsl::TimeHistogram a;
        mdsl::TimeHistogram b;
        for (int i = 1; i <= 1000; ++i)
            (i % 2 == 0 ? a : b).add(static_cast<std::int64_t>(i) * 1000);   // 1 us .. 1000 us
        a.merge(b);
        QCOMPARE(a.count(), 1000u);
        QVERIFY(qAbs(a.percentileUs(50) - 500) <= 500 * 0.035);
        QVERIFY(qAbs(a.percentileUs(95) - 950) <= 950 * 0.035);
        const auto back = mdsl::TimeHistogram::fromJson(a.toJson());
        QVERIFY(back.has_value());
        QCOMPARE(back->percentileUs(95), a.percentileUs(95));
        QVERIFY(!mdsl::TimeHistogram::fromJson(Json::array({Json::array({-1, 2})})).has_value());
        // The distribution a chart draws: every record once, fastest first, each bucket ~3 % wide.
        const auto buckets = a.bucketsUs();
        std::uint64_t total = 0;
        for (std::size_t i = 0; i < buckets.size(); ++i) {
            total += buckets[i].second;
            QVERIFY(i == 0 || buckets[i].first > buckets[i - 1].first);
        }
        QCOMPARE(total, 1000u);
        QVERIFY(qAbs(buckets.front().first - 1) <= 0.05 && qAbs(buckets.back().first - 1000) <= 1000 * 0.035);
    }

    void shardsMergedEqualTheWhole()
    {
        const int records = 900;
        const std::string corpus = testcorpus::customerCorpus(records) + "oops\n\n";
        mdsl::CorpusOptions options;
        options.thresholds.maxTimeRatio = 1e9;
        options.thresholds.maxInvalidInputPercent = 1;
        options.examplesPerGroup = 3;
        std::istringstream whole(corpus);
        const mdsl::CorpusReport all = customerPair(whole, options);

        // Three shards of 300, 300 and 302 lines, in the wrong order, through JSON.
        std::vector<std::string> lines;
        std::istringstream split(corpus);
        for (std::string line; std::getline(split, line);)
            lines.push_back(line);
        std::vector<mdsl::CorpusReport> shards;
        for (const std::size_t start : {std::size_t{600}, std::size_t{0}, std::size_t{300}}) {
            std::string part;
            for (std::size_t i = start; i < std::min(lines.size(), start == 600 ? lines.size() : start + 300); ++i)
                part += lines[i] + "\n";
            std::istringstream in(part);
            options.firstLine = start + 1;
            std::string error;
            auto back = mdsl::corpusReportFromJson(mdsl::corpusReportJson(customerPair(in, options)), error);
            QVERIFY2(back.has_value(), error.c_str());
            shards.push_back(std::move(*back));
        }
        std::string error;
        const auto merged = mdsl::mergeCorpusReports(shards, 3, 1000, error);
        QVERIFY2(merged.has_value(), error.c_str());
        QCOMPARE(withoutTimings(mdsl::corpusReportJson(*merged)).dump(1), withoutTimings(mdsl::corpusReportJson(all)).dump(1));
        QCOMPARE(merged->left.times.count(), all.left.times.count());

        // The same shard twice overlaps: refused, never counted twice.
        QVERIFY(!mdsl::mergeCorpusReports({shards[0], shards[0]}, 3, 1000, error).has_value());
        QVERIFY2(error.find("overlaps") != std::string::npos, error.c_str());
        std::string notAReport;
        QVERIFY(!mdsl::corpusReportFromJson(Json{{"records", 3}}, notAReport).has_value());
        QVERIFY(!notAReport.empty());
    }

    void junitCarriesTheGroups()
    {
        std::istringstream in(ordersCorpus(60, 20));
        mdsl::CorpusOptions options;
        options.thresholds.maxTimeRatio = 1e9;
        const mdsl::CorpusReport r = mdsl::compareCorpus(kOrders, in, mdsl::Flags(), options);
        QVERIFY2(r.verdict.go, mdsl::corpusReportText(r).c_str());
        QXmlStreamReader xml(QByteArray::fromStdString(mdsl::corpusReportJUnit(r, "a&b<\"c\">.mdsl")));
        QStringList cases;
        QStringList texts;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("testcase"))
                cases << xml.attributes().value("name").toString();
            if (xml.isStartElement() && xml.name() == QLatin1String("failure"))
                texts << xml.readElementText();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(cases.size(), 3);   // a failure group per side, and the verdict
        QVERIFY2(cases[0].contains(QStringLiteral("failed E")), qPrintable(cases[0]));
        QCOMPARE(texts.size(), 2);
        QVERIFY2(texts[0].startsWith(QStringLiteral("lines: 20, 40, 60")), qPrintable(texts[0]));
        QCOMPARE(cases.last(), QStringLiteral("verdict"));
    }

    void progressCountsEveryLine()
    {
        const std::string corpus = ordersCorpus(300, 50) + "\n";   // a blank line at the end
        std::istringstream in(corpus);
        mdsl::CorpusOptions options;
        options.jobs = 2;
        options.progressIntervalMs = 0;   // every record
        std::vector<mdsl::CorpusProgress> seen;
        options.progress = [&](const mdsl::CorpusProgress& p) { seen.push_back(p); };
        const mdsl::CorpusReport r = mdsl::compareCorpus(kOrders, in, mdsl::Flags(), options);
        QVERIFY(seen.size() > 100);
        for (std::size_t i = 1; i < seen.size(); ++i)
            QVERIFY(seen[i].lines >= seen[i - 1].lines && seen[i].compared >= seen[i - 1].compared);
        const mdsl::CorpusProgress& last = seen.back();
        QVERIFY(last.finished);
        QCOMPARE(last.lines, std::uint64_t{301});
        QCOMPARE(last.bytes, std::uint64_t(corpus.size()));
        QCOMPARE(last.records, r.records);
        QCOMPARE(last.compared, std::uint64_t{300});
        QCOMPARE(last.identical, r.identical);
        QCOMPARE(last.rightErrors, r.right.failed + r.right.invalid);
        QCOMPARE(last.rightErrors, std::uint64_t{6});
        QVERIFY(!r.cancelled);
    }

    void cancelKeepsPartialFigures()
    {
        std::istringstream in(ordersCorpus(5000, 0));
        std::atomic<bool> cancel{false};
        mdsl::CorpusOptions options;
        options.jobs = 2;
        options.progressIntervalMs = 0;
        options.cancel = &cancel;
        options.progress = [&](const mdsl::CorpusProgress& p) {
            if (p.records >= 100)
                cancel = true;
        };
        const mdsl::CorpusReport r = mdsl::compareCorpus(kOrders, in, mdsl::Flags(), options);
        QVERIFY(r.cancelled);
        // The records under way finish (at most the pool's window), nothing after is read.
        QVERIFY2(r.records >= 100 && r.records < 1000, std::to_string(r.records).c_str());
        QCOMPARE(r.firstLine, std::uint64_t{1});
        QCOMPARE(r.lastLine, r.records);
        QCOMPARE(r.compared, r.records);
        QVERIFY(mdsl::corpusReportText(r).find("cancelled:      partial figures, lines 1 to "
                                                + std::to_string(r.lastLine) + " only") == 0);
        const Json json = mdsl::corpusReportJson(r);
        QCOMPARE(json.value("cancelled", false), true);
        QVERIFY(mdsl::corpusReportJUnit(r, "orders").find("<property name=\"cancelled\"") != std::string::npos);
        std::string error;
        QVERIFY(!mdsl::corpusReportFromJson(json, error).has_value());
        QVERIFY2(error.find("cancelled") != std::string::npos, error.c_str());
    }
};

MDSL_TEST_MAIN(TestCorpus)
#include "test_corpus.moc"
