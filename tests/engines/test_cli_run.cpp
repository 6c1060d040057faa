// mapping-dsl dry-run (single input and batch), compile and lineage, run as real processes.

#include "testfiles.h"
#include "testmain.h"

#include "../cli/clitest.h"
#include "cli_files.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

using testfiles::jsonObject;


const QByteArray kV1Mapping = "mapping \"people\" version 1\nid <- .id\nname <- upper(.name)\n";
const QByteArray kV2Mapping = "mapping \"p2\" version 2\nname <- .name ?? \"none\"\nat <- now()\n";

QStringList lines(const QByteArray& text)
{
    QStringList out = QString::fromUtf8(text).split(QLatin1Char('\n'));
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

} // namespace

class TestCliRun : public QObject {
    Q_OBJECT

    CliFiles files;
    QString v1;
    QString v2;
    QString input;

private slots:
    void initTestCase()
    {
        v1 = files.write("people.mdsl", kV1Mapping);
        v2 = files.write("p2.mdsl", kV2Mapping);
        input = files.write("ann.json", "{\n  \"id\": 7,\n  \"name\": \"ann\"\n}\n");
    }

    void dryRunPrintsTheResultObject()
    {
        const CliResult r = runCli({"dry-run", v1, "--input", input});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject result = jsonObject(r.out);
        QCOMPARE(result["status"].toString(), QStringLiteral("ok"));
        QCOMPARE(result["engine"].toString(), QStringLiteral("v2"));   // routed: V2 under production flags
        QCOMPARE(result["route"].toString(), QStringLiteral("v2"));
        QCOMPARE(result["fallback"].toBool(), false);
        QCOMPARE(result["output"].toObject(), jsonObject(R"({"id":7,"name":"ANN"})"));
        QVERIFY(result["diagnostics"].toArray().isEmpty());
        QVERIFY(result["trace"].toArray().isEmpty());
        QCOMPARE(result["stats"].toObject()["writes"].toInt(), 2);
    }

    void aFailedRunExitsOne()
    {
        const QString bad = files.write("bad.json", R"({"id": 1, "name": 42})");
        const CliResult r = runCli({"dry-run", v1, "--input", bad, "--engine", "v2"});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject result = jsonObject(r.out);
        QCOMPARE(result["status"].toString(), QStringLiteral("failed"));
        QCOMPARE(result["output"].toObject(), jsonObject(R"({"id":1})"));   // the partial output
        QCOMPARE(result["diagnostics"].toArray()[0].toObject()["code"].toString(), QStringLiteral("E410"));
    }

    // A target of 100,000 segments is refused before it runs: the answer is the result object
    // with its one diagnostic, under either engine, never an output too deep to print.
    void aTargetPastEveryDepthIsRefused()
    {
        const QString deep
            = files.write("deep.mdsl", "mapping \"deep\" version 1\nr" + QByteArray(".a").repeated(100000) + " <- 1\n");
        for (const char* engine : { "v1", "v2" }) {
            const CliResult r = runCli({ "dry-run", deep, "--input", input, "--engine", engine });
            QCOMPARE(r.exitCode, 1);
            const QJsonObject result = jsonObject(r.out);
            QCOMPARE(result["status"].toString(), QStringLiteral("invalid"));
            QVERIFY(result["output"].isNull());
            const QJsonArray diagnostics = result["diagnostics"].toArray();
            QCOMPARE(diagnostics.size(), 1);
            QCOMPARE(diagnostics[0].toObject()["code"].toString(), QStringLiteral("E209"));
        }
    }

    void v1OnlyRefusesAVersion2Mapping()
    {
        const CliResult r = runCli({"dry-run", v2, "--input", input, "--engine", "v1"});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject result = jsonObject(r.out);
        QCOMPARE(result["status"].toString(), QStringLiteral("invalid"));
        QCOMPARE(result["route"].toString(), QStringLiteral("v1"));
        QVERIFY(result["output"].isNull());
        QCOMPARE(result["diagnostics"].toArray()[0].toObject()["code"].toString(), QStringLiteral("E303"));
    }

    void flagsRouteToV1WhenV2IsDisabled()
    {
        const QString flags = files.write("off.yaml", "mapping_dsl_v2_enabled: false\n");
        const CliResult r = runCli({"dry-run", v1, "--input", input, "--flags", flags});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(jsonObject(r.out)["engine"].toString(), QStringLiteral("v1"));
    }

    void aFlagFileWithErrorsIsExitTwo()
    {
        const QString flags = files.write("bad.yaml", "mapping_dsl_v2_enabled: yes\n");
        const CliResult r = runCli({"dry-run", v1, "--input", input, "--flags", flags});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("bad.yaml:1:25: error[E312]"), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void bothPrintsTheTwoResultsAndTheirDifference()
    {
        const CliResult same = runCli({"dry-run", v1, "--input", input, "--engine", "both"});
        QCOMPARE(same.exitCode, 0);
        const QJsonObject c = jsonObject(same.out);
        QCOMPARE(c["v1"].toObject()["engine"].toString(), QStringLiteral("v1"));
        QCOMPARE(c["v2"].toObject()["engine"].toString(), QStringLiteral("v2"));
        QCOMPARE(c["identical"].toBool(), true);
        QVERIFY(c["patch"].toArray().isEmpty());
        QVERIFY(c["time_ratio"].toDouble() > 0);

        // A version 2 mapping: V1 refuses it, so the results differ (exit 1).
        const CliResult differ = runCli({"dry-run", v2, "--input", input, "--engine", "both", "--now", "2026-11-23T22:45:00Z"});
        QCOMPARE(differ.exitCode, 1);
        const QJsonObject d = jsonObject(differ.out);
        QCOMPARE(d["identical"].toBool(), false);
        QCOMPARE(d["patch"].toArray()[0].toObject()["op"].toString(), QStringLiteral("replace"));
        QCOMPARE(d["patch"].toArray()[0].toObject()["path"].toString(), QString());
    }

    void nowIsPinned()
    {
        const CliResult r = runCli({"dry-run", v2, "--input", input, "--now", "2026-11-23T22:45:00.5+01:00"});
        QCOMPARE(r.exitCode, 0);
        // 2026-11-23T21:45:00.500Z in milliseconds since the epoch.
        QCOMPARE(jsonObject(r.out)["output"].toObject()["at"].toDouble(), 1795470300500.0);
        const CliResult bad = runCli({"dry-run", v2, "--input", input, "--now", "2026-02-30T00:00:00Z"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("is not an ISO 8601 date-time"));
    }

    void textFormatIsReadable()
    {
        const QString bad = files.write("bad2.json", R"({"id": 1, "name": 42})");
        const CliResult r = runCli({"dry-run", v1, "--input", bad, "--engine", "v1", "--format", "text", "--trace"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("status:      failed"), qPrintable(r.out));
        QVERIFY(r.out.contains("engine:      v1 (route v1)"));
        QVERIFY(r.out.contains("\"id\": 1"));   // pretty-printed output
        QVERIFY(r.out.contains("people.mdsl:3:9: error[E410]"));
        QVERIFY(r.out.contains("trace:"));
        QVERIFY(r.out.contains("write /id = 1"));
    }

    void inputThatIsNotJsonIsOneMessage()
    {
        const QString bad = files.write("broken.json", "{\n  \"id\": 1,\n  oops\n}\n");
        const CliResult r = runCli({"dry-run", v1, "--input", bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("is not JSON: parse error at line 3, column"), qPrintable(r.err));
        QCOMPARE(r.err.count('\n'), 1);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no input") << QStringList{"dry-run", "x.mdsl"} << "exactly one of --input and --ndjson";
        QTest::newRow("unknown engine") << QStringList{"dry-run", "x.mdsl", "--input", "i", "--engine", "v3"} << "unknown engine 'v3'";
        QTest::newRow("both in batch") << QStringList{"dry-run", "x.mdsl", "--ndjson", "i", "--engine", "both"} << "mapping-dsl compare";
        QTest::newRow("jobs") << QStringList{"dry-run", "x.mdsl", "--ndjson", "i", "--jobs", "0"} << "--jobs needs a positive number";
        QTest::newRow("unknown option") << QStringList{"compile", "x.mdsl", "--frob"} << "unknown option '--frob'";
        QTest::newRow("missing file") << QStringList{"lineage", "no-such.mdsl"} << "cannot read 'no-such.mdsl'";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliResult r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void helpOfEachCommand()
    {
        for (const char* command : {"dry-run", "compile", "lineage", "compare"}) {
            const CliResult r = runCli({command, "--help"});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.startsWith(QStringLiteral("Usage: mapping-dsl ") + command));
            QVERIFY(r.out.contains("Exit codes"));
        }
    }

    void batchKeepsOrderAndLineCount()
    {
        QByteArray corpus;
        for (int n = 1; n <= 2000; ++n) {
            if (n == 777)
                corpus += "{\"id\": 777, oops}\n";
            else if (n == 1500)
                corpus += "\n";
            else
                corpus += QStringLiteral("{\"id\":%1,\"name\":\"n%1\"}\n").arg(n).toUtf8();
        }
        const QString path = files.write("corpus.ndjson", corpus);
        const CliResult r = runCli({"dry-run", v1, "--ndjson", path, "--jobs", "3", "--output", files.path("out.ndjson")});
        QCOMPARE(r.exitCode, 1);   // one invalid line
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("2000 lines: 1998 ok, 0 failed, 1 invalid, 1 blank"), qPrintable(r.err));
        const QStringList out = lines(files.read("out.ndjson"));
        QCOMPARE(out.size(), 2000);
        for (int n = 1; n <= 2000; ++n) {
            const QJsonObject result = jsonObject(out[n - 1]);
            if (n == 1500) {
                QVERIFY(out[n - 1].isEmpty());
            } else if (n == 777) {
                QCOMPARE(result["status"].toString(), QStringLiteral("invalid"));
                QVERIFY(result["diagnostics"].toArray()[0].toObject()["message"].toString().startsWith("line 777, column"));
            } else if (result["output"].toObject()["id"].toInt() != n) {
                QFAIL(qPrintable(QStringLiteral("line %1: %2").arg(n).arg(out[n - 1])));
            }
        }
    }

    void batchFromStandardInput()
    {
        const CliResult r = runCli({"dry-run", v1, "--ndjson", "-"}, "{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\"}");
        QCOMPARE(r.exitCode, 0);
        const QStringList out = lines(r.out.toUtf8());
        QCOMPARE(out.size(), 2);
        QCOMPARE(jsonObject(out[1])["output"].toObject()["name"].toString(), QStringLiteral("B"));
    }

    void compilePrintsThePlan()
    {
        const CliResult r = runCli({"compile", v1});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject plan = jsonObject(r.out);
        QCOMPARE(plan["engine"].toString(), QStringLiteral("v2"));
        QVERIFY(r.out.contains("\"upper\""));
        const CliResult ast = runCli({"compile", v1, "--engine", "v1"});
        QCOMPARE(ast.exitCode, 0);
        QVERIFY(ast.out != r.out);

        const QString broken = files.write("broken.mdsl", "mapping \"b\" version 1\nx <- florr(.a)\n");
        const CliResult bad = runCli({"compile", broken});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.out.isEmpty());
        QVERIFY2(bad.err.contains("broken.mdsl:2:6: error[E202]"), qPrintable(bad.err));
    }

    void lineagePrintsSources()
    {
        const QString mapping = files.write("lineage.mdsl",
                                            "mapping \"l\" version 2\norder.id <- .id\norder.who <- concat(.first, .last)\n");
        const CliResult r = runCli({"lineage", mapping});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray entries = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].toObject()["target"].toString(), QStringLiteral("/order/id"));
        QCOMPARE(entries[0].toObject()["sources"].toArray(), QJsonArray({"$.id"}));
        QCOMPARE(entries[1].toObject()["sources"].toArray(), QJsonArray({"$.first", "$.last"}));

        const CliResult off = runCli({"lineage", mapping, "--flags", files.write("off2.yaml", "mapping_dsl_v2_enabled: false\n")});
        QCOMPARE(off.exitCode, 1);   // a version 2 document while V2 is disabled
        QVERIFY2(off.err.contains("lineage.mdsl:1:21: error[E30"), qPrintable(off.err));
        QVERIFY(off.out.isEmpty());
    }
};

MDSL_TEST_MAIN(TestCliRun)
#include "test_cli_run.moc"
