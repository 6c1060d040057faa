// mapping-dsl compare, run as a real process: sides, verdicts, exit codes, the reports, merging
// shards, and bad input.

#include "customer_corpus.h"
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

const QString kExamples = QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/");

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

    CliResult customers(QStringList extra)
    {
        return runCli(QStringList{"compare", kExamples + "customer-v2.mdsl", "--original", kExamples + "customer-v1.mdsl",
                                  "--max-time-ratio", "1000"}
                      + extra);
    }

private slots:
    void initTestCase()
    {
        mapping = files.write("orders.mdsl", kMapping);
        files.write("clean.ndjson", corpus(300, 0));
        files.write("at5.ndjson", corpus(100, 20));     // 5 failures: 5.00 %
        files.write("over5.ndjson", corpus(100, 16));   // 6 failures: 6.00 %
        files.write("customers.ndjson", QByteArray::fromStdString(testcorpus::customerCorpus(2000)));
    }

    void cleanCorpusIsGo()
    {
        const CliResult r = compare("clean.ndjson", {"--report", "json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject report = jsonObject(r.out);
        QCOMPARE(report["records"].toInt(), 300);
        QCOMPARE(report["identical_percent"].toDouble(), 100.0);
        QCOMPARE(report["left"].toObject()["engine"].toString(), QStringLiteral("v1"));
        QCOMPARE(report["right"].toObject()["engine"].toString(), QStringLiteral("v2"));
        QCOMPARE(report["right"].toObject()["error_rate_percent"].toDouble(), 0.0);
        QVERIFY(report["left"].toObject()["p50_us"].toDouble() > 0);
        QVERIFY(report["right"].toObject()["p95_us"].toDouble() >= report["right"].toObject()["p50_us"].toDouble());
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
        QVERIFY(over.out.contains("V2 error rate 6.00 % is above the rollback threshold of 5.00 % (objective 1.00 %: not met"));
        // The failing records are named, grouped by error and rule.
        QVERIFY2(over.out.contains("lines: 16, 32, 48, 64, 80 and 1 more"), qPrintable(over.out));

        QCOMPARE(compare("over5.ndjson", {"--max-error-rate", "6"}).exitCode, 0);
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
        QStringList failures;
        QStringList messages;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("testcase"))
                cases << xml.attributes().value("name").toString();
            if (xml.isStartElement() && xml.name() == QLatin1String("failure")) {
                messages << xml.attributes().value("message").toString();
                failures << xml.readElementText();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(cases.size(), 3);   // V1's failures, V2's failures, the verdict
        QVERIFY2(cases[1].startsWith("V2 failed E"), qPrintable(cases[1]));
        QVERIFY(cases[1].endsWith("at rule 3: name <- upper(.name)"));   // a name stable from run to run
        QCOMPARE(messages[1], cases[1] + ", 6 records (6.00 %)");
        QCOMPARE(failures.size(), 3);
        QVERIFY(failures[1].startsWith("lines: 16, 32, 48, 64, 80 and 1 more"));
        QCOMPARE(cases.last(), QStringLiteral("verdict"));
    }

    void badLinesAreInvalidInputNotEngineErrors()
    {
        files.write("bad.ndjson", "{\"id\":1,\"name\":\"a\",\"price\":1,\"qty\":1}\nnot json\n");
        const CliResult r = compare("bad.ndjson", {"--report", "json"});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject report = jsonObject(r.out);
        QCOMPARE(report["invalid_input"].toInt(), 1);
        QCOMPARE(report["right"].toObject()["invalid"].toInt(), 0);
        const QJsonObject failure = report["failures"].toArray()[0].toObject();
        QCOMPARE(failure["side"].toString(), QStringLiteral("input"));
        QCOMPARE(failure["code"].toString(), QStringLiteral("E420"));
        QCOMPARE(failure["lines"].toArray()[0].toInt(), 2);
        QCOMPARE(compare("bad.ndjson", {"--max-invalid-input", "50"}).exitCode, 0);
    }

    // The migration question of issue #14 on the bundled example pair.
    void originalOnV1AgainstMigratedRouted()
    {
        const CliResult r = customers({"--ndjson", files.path("customers.ndjson")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("left:           customer-v1.mdsl on v1"), qPrintable(r.out));
        QVERIFY(r.out.contains("right:          customer-v2.mdsl on routed"));
        QVERIFY(r.out.contains("/customer/fax: missing vs null, 667 records (33.35 %)"));
        QVERIFY(r.out.contains("/customer/phone: missing vs value, 400 records (20.00 %)"));
        QVERIFY(r.out.contains("lines: 5, 10, 15, 20, 25 and 395 more"));
        QVERIFY(r.out.contains("line 5: left (missing), right \"unknown\""));
        QVERIFY(r.out.contains("differ between"));
    }

    void aVersion2MappingAloneIsNotComparable()
    {
        const CliResult r = runCli({"compare", kExamples + "customer-v2.mdsl", "--ndjson", files.path("customers.ndjson")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("not comparable: V1 cannot run"), qPrintable(r.out));
        QVERIFY(r.err.contains("--original ORIGINAL.mdsl"));
    }

    void recordedOutputsAndPairs()
    {
        // Production's outputs recorded: the orders mapping on V2 gives them back exactly.
        const CliResult recorded = runCli({"dry-run", mapping, "--engine", "v2", "--ndjson", files.path("clean.ndjson")});
        QCOMPARE(recorded.exitCode, 0);
        files.write("recorded.ndjson", recorded.rawOut);
        const CliResult same = runCli({"compare", "--ndjson", files.path("clean.ndjson"), "--left",
                                       "outputs:" + files.path("recorded.ndjson"), "--right", mapping + ":v2"});
        QVERIFY2(same.exitCode == 0, qPrintable(same.out + same.err));
        QVERIFY(same.out.contains("identical:      300 of 300"));
        QVERIFY(same.out.contains("n/a  speed not judged: recorded outputs have no run time"));

        files.write("pairs.ndjson", "{\"input\":{\"id\":1,\"name\":\"a\",\"price\":2,\"qty\":1},\"output\":{\"id\":1,\"name\":\"A\",\"total\":2}}\n"
                                    "{\"input\":{\"id\":2}}\n");
        const CliResult pairs = runCli({"compare", mapping, "--ndjson", files.path("pairs.ndjson"), "--pairs"});
        QCOMPARE(pairs.exitCode, 1);
        QVERIFY2(pairs.out.contains("1 of 2 records (50.00 %) are invalid input"), qPrintable(pairs.out));
        QVERIFY(pairs.out.contains("line 2: a pairs record is an object with \"input\" and \"output\""));
    }

    void shardsMergeIntoTheWhole()
    {
        QByteArray all = files.read("customers.ndjson");
        const qsizetype cut = all.indexOf('\n', all.size() / 2) + 1;
        files.write("shard1.ndjson", all.left(cut));
        files.write("shard2.ndjson", all.mid(cut));
        const int secondFirst = static_cast<int>(all.left(cut).count('\n')) + 1;
        QCOMPARE(customers({"--ndjson", files.path("shard1.ndjson"), "--report", "json", "--output", files.path("r1.json")}).exitCode, 1);
        QCOMPARE(customers({"--ndjson", files.path("shard2.ndjson"), "--first-line", QString::number(secondFirst),
                            "--report", "json", "--output", files.path("r2.json")}).exitCode, 1);
        const CliResult merged = runCli({"compare", "merge", files.path("r2.json"), files.path("r1.json"), "--report", "json"});
        const CliResult whole = customers({"--ndjson", files.path("customers.ndjson"), "--report", "json"});
        QCOMPARE(merged.exitCode, whole.exitCode);
        QJsonObject m = jsonObject(merged.out);
        QJsonObject w = jsonObject(whole.out);
        for (const char* key : {"records", "compared", "identical", "differences", "failures", "lines"})
            QCOMPARE(m[key], w[key]);
        QCOMPARE(m["verdict"].toObject()["decision"], w["verdict"].toObject()["decision"]);

        // A shard run without --first-line overlaps the first one.
        QCOMPARE(customers({"--ndjson", files.path("shard2.ndjson"), "--report", "json", "--output", files.path("r3.json")}).exitCode, 1);
        const CliResult overlap = runCli({"compare", "merge", files.path("r1.json"), files.path("r3.json")});
        QCOMPARE(overlap.exitCode, 2);
        QVERIFY2(overlap.err.contains("overlaps"), qPrintable(overlap.err));
        files.write("notreport.json", "{\"records\": 1}");
        QCOMPARE(runCli({"compare", "merge", files.path("notreport.json")}).exitCode, 2);
    }

    void badInputIsOneClearMessage()
    {
        QCOMPARE(runCli({"compare", mapping}).exitCode, 2);
        QCOMPARE(runCli({"compare", mapping, "--ndjson", files.path("nope.ndjson")}).exitCode, 2);
        QCOMPARE(runCli({"compare", mapping, "--ndjson", files.path("clean.ndjson"), "--report", "xml"}).exitCode, 2);
        QCOMPARE(runCli({"compare", mapping, "--ndjson", files.path("clean.ndjson"), "--max-error-rate", "five"}).exitCode, 2);
        const QString flags = files.write("bad.yaml", "mapping_dsl_v2_enabled: 1\n");
        const CliResult badFlags = runCli({"compare", mapping, "--ndjson", files.path("clean.ndjson"), "--flags", flags});
        QCOMPARE(badFlags.exitCode, 2);
        QVERIFY(badFlags.err.contains("error[E312]"));

        const CliResult missing = runCli({"compare", files.path("missing.mdsl"), "--original", mapping, "--ndjson", files.path("clean.ndjson")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("missing.mdsl"), qPrintable(missing.err));

        files.write("two.ndjson", "{}\n{}\n");
        const CliResult misaligned = runCli({"compare", "--ndjson", files.path("clean.ndjson"), "--left",
                                             "outputs:" + files.path("two.ndjson"), "--right", mapping});
        QCOMPARE(misaligned.exitCode, 2);
        QVERIFY2(misaligned.err.contains("two.ndjson has fewer lines than the corpus: no line 3"), qPrintable(misaligned.err));

        files.write("empty.ndjson", "");
        const CliResult empty = compare("empty.ndjson");
        QCOMPARE(empty.exitCode, 1);
        QVERIFY(empty.out.contains("the corpus has no records: nothing was compared"));

        files.write("long.ndjson", "{\"id\":1,\"name\":\"" + QByteArray(300, 'x') + "\",\"price\":1,\"qty\":1}\n");
        const CliResult tooLong = compare("long.ndjson", {"--max-line-bytes", "100"});
        QCOMPARE(tooLong.exitCode, 1);
        QVERIFY2(tooLong.out.contains("line 1 is 336 bytes, over the limit of 100"), qPrintable(tooLong.out));
    }
};

MDSL_TEST_MAIN(TestCliCompare)
#include "test_cli_compare.moc"
