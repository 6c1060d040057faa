// mapping-dsl compare, run as a real process: verdicts, exit codes, JSON and JUnit reports.

#include "testfiles.h"
#include "testmain.h"

#include "../cli/clitest.h"
#include "cli_files.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

namespace {

using testfiles::jsonObject;


const QByteArray kMapping = "mapping \"orders\" version 1\nid <- .id\nname <- upper(.name)\ntotal <- .price * .qty\n";

// `records` orders; every `failEvery`-th has a number for a name (a runtime error).
QByteArray corpus(int records, int failEvery)
{
    QByteArray out;
    for (int n = 1; n <= records; ++n) {
        const QString name = failEvery > 0 && n % failEvery == 0 ? QString::number(n) : QStringLiteral("\"c%1\"").arg(n);
        out += QStringLiteral("{\"id\":%1,\"name\":%2,\"price\":%3,\"qty\":%4}\n").arg(n).arg(name).arg(n * 0.5).arg(n % 3).toUtf8();
    }
    return out;
}

} // namespace

class TestCliCompare : public QObject {
    Q_OBJECT

    CliFiles files;
    QString mapping;

    // Speed is not what these tests check: a generous time limit keeps them deterministic.
    CliResult compare(const QString& corpusName, QStringList extra = {})
    {
        return runCli(QStringList{"compare", mapping, "--ndjson", files.path(corpusName), "--max-time-ratio", "1000"} + extra);
    }

private slots:
    void initTestCase()
    {
        mapping = files.write("orders.mdsl", kMapping);
        files.write("clean.ndjson", corpus(300, 0));
        files.write("at5.ndjson", corpus(100, 20));     // 5 failures: 5.00 %
        files.write("over5.ndjson", corpus(100, 16));   // 6 failures: 6.00 %
    }

    void cleanCorpusIsGo()
    {
        const CliResult r = compare("clean.ndjson", {"--report", "json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject report = jsonObject(r.out);
        QCOMPARE(report["records"].toInt(), 300);
        QCOMPARE(report["identical_percent"].toDouble(), 100.0);
        QCOMPARE(report["v2"].toObject()["error_rate_percent"].toDouble(), 0.0);
        QVERIFY(report["v1"].toObject()["p50_us"].toDouble() > 0);
        QVERIFY(report["v2"].toObject()["p95_us"].toDouble() >= report["v2"].toObject()["p50_us"].toDouble());
        QVERIFY(report["time_ratio"].toDouble() > 0);
        QCOMPARE(report["verdict"].toObject()["decision"].toString(), QStringLiteral("GO"));
        QVERIFY(report["differences"].toArray().isEmpty());
    }

    void errorRateAtTheThresholdIsGoAndAboveIsNoGo()
    {
        const CliResult at = compare("at5.ndjson");
        QCOMPARE(at.exitCode, 0);
        QVERIFY2(at.out.contains("verdict:        GO"), qPrintable(at.out));
        QVERIFY(at.out.contains("V2 error rate 5.00 % is within"));

        const CliResult over = compare("over5.ndjson");
        QCOMPARE(over.exitCode, 1);
        QVERIFY(over.out.contains("verdict:        NO-GO"));
        QVERIFY(over.out.contains("V2 error rate 6.00 % is above the rollback threshold of 5.00 %"));

        const CliResult relaxed = compare("over5.ndjson", {"--max-error-rate", "6"});
        QCOMPARE(relaxed.exitCode, 0);
    }

    void speedThresholdIsApplied()
    {
        // A limit no engine can meet shows that the ratio is judged.
        const CliResult r = runCli({"compare", mapping, "--ndjson", files.path("clean.ndjson"), "--max-time-ratio", "0.000001", "--report", "json"});
        QCOMPARE(r.exitCode, 1);
        const QJsonArray reasons = jsonObject(r.out)["verdict"].toObject()["reasons"].toArray();
        QCOMPARE(reasons.size(), 1);
        QVERIFY(reasons[0].toString().contains("x V1's time, above the rollback threshold"));
    }

    void junitReportParsesBack()
    {
        const CliResult r = compare("over5.ndjson", {"--report", "junit", "--output", files.path("report.xml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QXmlStreamReader xml(files.read("report.xml"));
        QStringList cases;
        int failures = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("testcase"))
                cases << xml.attributes().value("name").toString();
            if (xml.isStartElement() && xml.name() == QLatin1String("failure"))
                ++failures;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(cases, (QStringList{"line 16", "line 32", "line 48", "line 64", "line 80", "line 96", "verdict"}));
        QCOMPARE(failures, 7);
    }

    void badLinesAreRecordsThatFail()
    {
        files.write("bad.ndjson", "{\"id\":1,\"name\":\"a\",\"price\":1,\"qty\":1}\nnot json\n");
        const CliResult r = compare("bad.ndjson", {"--report", "json"});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject report = jsonObject(r.out);
        QCOMPARE(report["v2"].toObject()["invalid"].toInt(), 1);
        const QJsonObject difference = report["differences"].toArray()[0].toObject();
        QCOMPARE(difference["line"].toInt(), 2);
        QCOMPARE(difference["v2_errors"].toArray()[0].toObject()["code"].toString(), QStringLiteral("E420"));
    }

    void usageAndInputErrorsAreExitTwo()
    {
        QCOMPARE(runCli({"compare", mapping}).exitCode, 2);
        QCOMPARE(runCli({"compare", mapping, "--ndjson", files.path("nope.ndjson")}).exitCode, 2);
        QCOMPARE(runCli({"compare", mapping, "--ndjson", files.path("clean.ndjson"), "--report", "xml"}).exitCode, 2);
        QCOMPARE(runCli({"compare", mapping, "--ndjson", files.path("clean.ndjson"), "--max-error-rate", "five"}).exitCode, 2);
        const QString flags = files.write("bad.yaml", "mapping_dsl_v2_enabled: 1\n");
        const CliResult r = runCli({"compare", mapping, "--ndjson", files.path("clean.ndjson"), "--flags", flags});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("error[E312]"));
    }
};

MDSL_TEST_MAIN(TestCliCompare)
#include "test_cli_compare.moc"
