// Corpus comparison: figures, the verdict at and around the rollback thresholds, and the
// JSON and JUnit reports (JUnit parsed back).

#include "testmain.h"

#include "mdsl/corpus.h"

#include <QTest>
#include <QXmlStreamReader>

#include <sstream>
#include <string>

using mdsl::Json;

namespace {

// A report whose V2 error rate and time ratio are given, everything else clean.
mdsl::CorpusReport figures(std::uint64_t records, std::uint64_t v2Failed, double timeRatio)
{
    mdsl::CorpusReport r;
    r.records = records;
    r.identical = records;
    r.identicalPercent = 100;
    r.v2.failed = v2Failed;
    r.v2.ok = records - v2Failed;
    r.v2.errorRatePercent = 100.0 * static_cast<double>(v2Failed) / static_cast<double>(records);
    r.timeRatio = timeRatio;
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

struct JUnitCase {
    QString name;
    QString failureMessage;
    QString failureText;
    bool failed = false;
};

// Parses a JUnit report back; fails the test on any XML error.
QList<JUnitCase> parseJUnit(const std::string& xml, int& suiteTests, int& suiteFailures)
{
    QList<JUnitCase> cases;
    QXmlStreamReader reader(QByteArray::fromStdString(xml));
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        if (reader.name() == QLatin1String("testsuite")) {
            suiteTests = reader.attributes().value("tests").toInt();
            suiteFailures = reader.attributes().value("failures").toInt();
        } else if (reader.name() == QLatin1String("testcase")) {
            cases.append({reader.attributes().value("name").toString(), {}, {}, false});
        } else if (reader.name() == QLatin1String("failure") && !cases.isEmpty()) {
            cases.last().failed = true;
            cases.last().failureMessage = reader.attributes().value("message").toString();
            cases.last().failureText = reader.readElementText();
        }
    }
    if (reader.hasError())
        qWarning("XML error at line %lld: %s", reader.lineNumber(), qPrintable(reader.errorString()));
    return reader.hasError() ? QList<JUnitCase>{} : cases;
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
        QTest::newRow("exactly 5 % of 20") << 20 << 1 << true;
        QTest::newRow("just over 5 %") << 10000 << 501 << false;
        QTest::newRow("6 %") << 100 << 6 << false;
        QTest::newRow("all") << 3 << 3 << false;
    }

    void errorRateThreshold()
    {
        QFETCH(int, records);
        QFETCH(int, failed);
        QFETCH(bool, go);
        const mdsl::Verdict v = mdsl::decideVerdict(figures(records, failed, 1.0));
        QCOMPARE(v.go, go);
        QCOMPARE(mdsl::verdictName(v), go ? std::string_view("GO") : std::string_view("NO-GO"));
        const mdsl::VerdictCheck& c = checkNamed(v, "v2_error_rate");
        QCOMPARE(c.passed, go);
        QVERIFY2(c.reason.find("5.00 %") != std::string::npos, c.reason.c_str());
    }

    void timeRatioThreshold_data()
    {
        QTest::addColumn<double>("ratio");
        QTest::addColumn<bool>("go");
        QTest::newRow("faster") << 0.4 << true;
        QTest::newRow("1.99x") << 1.99 << true;
        QTest::newRow("exactly 2x") << 2.0 << true;
        QTest::newRow("2.01x") << 2.01 << false;
        QTest::newRow("10x") << 10.0 << false;
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

    void bothTriggersGiveBothReasons()
    {
        const mdsl::Verdict v = mdsl::decideVerdict(figures(100, 20, 3.5));
        QVERIFY(!v.go);
        QVERIFY(!checkNamed(v, "v2_error_rate").passed);
        QVERIFY(!checkNamed(v, "time_ratio").passed);
        QVERIFY(checkNamed(v, "time_ratio").reason.find("3.50x") != std::string::npos);
        QVERIFY(checkNamed(v, "v2_error_rate").reason.find("20.00 %") != std::string::npos);
    }

    void speedIsNotJudgedWhenV1CannotRun()
    {
        mdsl::CorpusReport r = figures(10, 0, 0);
        r.v1Runs = false;
        r.identical = 0;
        r.identicalPercent = 0;
        const mdsl::Verdict v = mdsl::decideVerdict(r);
        QVERIFY(v.go);
        QVERIFY(!checkNamed(v, "time_ratio").applicable);
        QVERIFY(!checkNamed(v, "v1_compatibility").applicable);
    }

    void differencesOnAVersion1MappingAreNoGo()
    {
        mdsl::CorpusReport r = figures(100, 0, 1.0);
        r.identical = 99;
        r.identicalPercent = 99;
        mdsl::Verdict v = mdsl::decideVerdict(r);
        QVERIFY(!v.go);
        QVERIFY(checkNamed(v, "v1_compatibility").reason.find("1 of 100 records") != std::string::npos);
        r.thresholds.maxDifferentPercent = 1.0;
        QVERIFY(mdsl::decideVerdict(r).go);
    }

    void emptyCorpusIsNoGo()
    {
        mdsl::CorpusReport r;
        const mdsl::Verdict v = mdsl::decideVerdict(r);
        QVERIFY(!v.go);
        QVERIFY(!checkNamed(v, "records").passed);
    }

    // Both engines over a real corpus: figures and the differences kept.
    void comparesAVersion1MappingOverACorpus()
    {
        std::string corpus = ordersCorpus(400, 10);   // every 10th record fails: 10 %
        corpus += "\n{broken\n";                        // a blank line (401) and a bad line (402)
        std::istringstream in(corpus);
        mdsl::CorpusOptions options;
        options.jobs = 3;
        // Only the error rate is under test here: a loaded machine must not trip the speed check.
        options.thresholds.maxTimeRatio = 1e9;
        const mdsl::CorpusReport r = mdsl::compareCorpus(kOrders, in, mdsl::Flags(), options);

        QCOMPARE(r.records, 401u);
        QCOMPARE(r.blankLines, 1u);
        QVERIFY(r.v1Runs);
        QCOMPARE(r.identical, 401u);   // the engines agree, failures included
        QCOMPARE(r.v2.failed, 40u);
        QCOMPARE(r.v2.invalid, 1u);
        QCOMPARE(r.v1.failed, 40u);
        QCOMPARE(r.v2.ok, 360u);
        QVERIFY(qAbs(r.v2.errorRatePercent - 100.0 * 41 / 401) < 1e-9);
        QVERIFY(r.v1.p50Us > 0 && r.v1.p50Us <= r.v1.p95Us);
        QVERIFY(r.v2.p50Us > 0 && r.v2.p50Us <= r.v2.p95Us);
        QVERIFY(r.timeRatio > 0);
        QVERIFY(!r.verdict.go);   // 10.2 % of V2 errors
        QVERIFY(!checkNamed(r.verdict, "v2_error_rate").passed);

        QCOMPARE(r.differences.size(), std::size_t{41});
        QCOMPARE(r.differences.front().line, 10u);
        QCOMPARE(r.differences.front().v2Status, mdsl::RunStatus::Failed);
        QVERIFY(!r.differences.front().v2Errors.empty());
        QCOMPARE(r.differences.back().line, 402u);
        QCOMPARE(r.differences.back().v2Errors.front().code, std::string("E420"));

        const Json json = mdsl::corpusReportJson(r);
        QCOMPARE(json["records"], Json(401));
        QCOMPARE(json["verdict"]["decision"], Json("NO-GO"));
        QCOMPARE(json["verdict"]["reasons"].size(), std::size_t{1});
        QCOMPARE(json["differences"][0]["line"], Json(10));
        QCOMPARE(json["differences"][0]["v2_status"], Json("failed"));
        QCOMPARE(json["thresholds"]["max_error_rate_percent"], Json(5.0));
    }

    void keepsAtMostMaxDifferences()
    {
        std::istringstream in(ordersCorpus(100, 2));
        mdsl::CorpusOptions options;
        options.maxDifferences = 7;
        const mdsl::CorpusReport r = mdsl::compareCorpus(kOrders, in, mdsl::Flags(), options);
        QCOMPARE(r.v2.failed, 50u);
        QCOMPARE(r.differences.size(), std::size_t{7});
        QCOMPARE(r.differencesOmitted, 43u);
    }

    void aVersion2MappingIsJudgedOnV2Alone()
    {
        std::istringstream in(ordersCorpus(50, 0));
        const mdsl::CorpusReport r = mdsl::compareCorpus(
            "mapping \"o\" version 2\nid <- .id\nname <- .name ?? \"none\"\n", in, mdsl::Flags(), {});
        QVERIFY(!r.v1Runs);
        QCOMPARE(r.v1.invalid, 50u);
        QCOMPARE(r.v2.ok, 50u);
        QVERIFY(r.differences.empty());   // V1's refusal is not a per-record difference
        QVERIFY(r.verdict.go);
        QVERIFY(!r.v1MappingDiagnostics.empty());
    }

    void junitIsWellFormedAndComplete()
    {
        std::istringstream in(ordersCorpus(60, 20));
        mdsl::CorpusOptions options;
        options.thresholds.maxTimeRatio = 1e9;   // a unit test does not judge speed
        const mdsl::CorpusReport r = mdsl::compareCorpus(kOrders, in, mdsl::Flags(), options);
        QVERIFY2(r.verdict.go, mdsl::corpusReportText(r).c_str());
        int tests = 0;
        int failures = 0;
        const QList<JUnitCase> cases = parseJUnit(mdsl::corpusReportJUnit(r, "orders.mdsl"), tests, failures);
        QCOMPARE(cases.size(), 4);   // 3 failing records + the verdict
        QCOMPARE(tests, 4);
        QCOMPARE(failures, 3);        // 3 of 60 records fail; 5 % errors is still GO
        QCOMPARE(cases[0].name, QStringLiteral("line 20"));
        QVERIFY(cases[0].failureText.contains(QStringLiteral("V2 failed")) || cases[0].failureText.contains(QStringLiteral("V2 E")));
        QCOMPARE(cases.last().name, QStringLiteral("verdict"));
        QVERIFY(!cases.last().failed);
    }

    void junitEscapesHostileText()
    {
        mdsl::CorpusReport r = figures(1, 1, 1.0);
        r.verdict = mdsl::decideVerdict(r);
        mdsl::RecordDifference d;
        d.line = 1;
        d.v2Status = mdsl::RunStatus::Failed;
        // Markup characters, quotes of both kinds, a CDATA end and a control character.
        const std::string hostile = std::string("x & \"y\" ") + char(39) + "z" + char(39) + " ]]> " + char(1);
        d.patch = Json::array({{{"op", "replace"}, {"path", "/a<b>"}, {"value", hostile}}});
        mdsl::Diagnostic e;
        e.code = "E410";
        e.message = "bad <value> & \"quotes\" ]]>\x02";
        d.v2Errors.push_back(e);
        r.differences.push_back(d);
        int tests = 0;
        int failures = 0;
        const QList<JUnitCase> cases = parseJUnit(mdsl::corpusReportJUnit(r, "a&b<\"c\">.mdsl"), tests, failures);
        QCOMPARE(cases.size(), 2);
        QVERIFY(cases[0].failureText.contains(QStringLiteral("bad <value> & \"quotes\" ]]>\uFFFD")));
        QVERIFY(cases[0].failureText.contains(QStringLiteral("/a<b>")));
        QVERIFY(cases[1].failed);   // NO-GO: 100 % errors
    }
};

MDSL_TEST_MAIN(TestCorpus)
#include "test_corpus.moc"
