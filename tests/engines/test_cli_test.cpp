// mapping-dsl test (mapping tests beside a mapping) and dry-run --profile, run as real processes.

#include "testfiles.h"
#include "testmain.h"

#include "../cli/clitest.h"
#include "cli_files.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

using testfiles::jsonObject;

const QByteArray kTestedPeople = "mapping \"people\" version 2\nid <- .id\nemail <- .email\nname <- upper(.name)\n";

} // namespace

class TestCliTest : public QObject {
    Q_OBJECT

    CliFiles files;
    QString mapping;

private slots:
    void initTestCase()
    {
        mapping = files.write("people.mdsl", kTestedPeople);
        QDir(files.path(QString())).mkpath(QStringLiteral("people.tests"));
        files.write("people.tests/ann.input.json", R"({"id": 1, "name": "ann", "email": "a@x"})");
        files.write("people.tests/ann.expected.json", R"({"id": 1, "email": "a@x", "name": "ANN"})");
        files.write("people.tests.ndjson", R"({"name": "bob", "input": {"id": 2, "name": "bob"}, "expected": {"id": 2, "name": "BOB"}})"
                                           "\n");
    }

    void passingSuitesExitZero()
    {
        const CliResult r = runCli({"test", mapping});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("PASS  ann")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("PASS  bob")));
        QVERIFY(r.out.contains(QStringLiteral("2 cases: 2 passed, 0 failed")));
    }

    // An expected null against a key the run does not write: a failure, reported in each format.
    void missingIsNotNullInEveryFormat()
    {
        const QString suite = files.write("nulls.tests.ndjson", R"({"name": "n", "input": {"id": 3, "name": "c"}, "expected": {"id": 3, "email": null, "name": "C"}})"
                                                                "\n");
        CliResult r = runCli({"test", mapping, "--suite", suite});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("FAIL  n")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("/email: expected null, got missing")));

        r = runCli({"test", mapping, "--suite", suite, "--format", "json"});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject report = jsonObject(r.out);
        QCOMPARE(report["failed"].toInt(), 1);
        const QJsonObject difference
            = report["suites"].toArray()[0].toObject()["cases"].toArray()[0].toObject()["differences"].toArray()[0].toObject();
        QCOMPARE(difference["pointer"].toString(), QStringLiteral("/email"));
        QVERIFY(difference.contains(QStringLiteral("expected")) && difference["expected"].isNull());
        QVERIFY(!difference.contains(QStringLiteral("actual")));

        const QString junit = files.path("report.xml");
        r = runCli({"test", mapping, "--suite", suite, "--format", "junit", "--output", junit});
        QCOMPARE(r.exitCode, 1);
        const QByteArray xml = testfiles::readFile(junit);
        QVERIFY(xml.startsWith("<?xml"));
        QVERIFY(xml.contains("failures=\"1\""));
        QVERIFY(xml.contains("<testcase classname="));
    }

    void updateAcceptsTheCurrentOutputs()
    {
        const QString suite = files.write("upd.tests.ndjson", R"({"name": "u", "input": {"id": 4, "name": "d"}, "expected": {"id": 0}})"
                                                              "\n");
        CliResult r = runCli({"test", mapping, "--suite", suite, "--update"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("updated u: /id: 0 -> 4, /name: missing -> \"D\"")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("PASS  u")), qPrintable(r.out));   // the suite as updated
        const QJsonObject record = jsonObject(QString::fromUtf8(testfiles::readFile(suite)));
        QCOMPARE(record["expected"].toObject(), jsonObject(R"({"id": 4, "name": "D"})"));
        QCOMPARE(record["name"].toString(), QStringLiteral("u"));
        r = runCli({"test", mapping, "--suite", suite});
        QCOMPARE(r.exitCode, 0);
        // Nothing left to change: nothing printed.
        r = runCli({"test", mapping, "--suite", suite, "--update"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.err.contains(QStringLiteral("updated")));
    }

    void theSuiteClockAndEngineAreUsed()
    {
        const QString timed = files.write("timed.mdsl", "mapping \"t\" version 2\nat <- now()\n");
        QDir(files.path(QString())).mkpath(QStringLiteral("timed.tests"));
        files.write("timed.tests/suite.json", R"({"now": "2026-11-23T22:45:00Z", "engine": "v2"})");
        files.write("timed.tests/a.input.json", "{}");
        files.write("timed.tests/a.expected.json", "{}");
        CliResult r = runCli({"test", timed, "--update"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject expected = jsonObject(QString::fromUtf8(testfiles::readFile(files.path("timed.tests/a.expected.json"))));
        // now() reads milliseconds since the epoch: 2026-11-23T22:45:00Z.
        QVERIFY2(expected["at"].toDouble() == 1795473900000.0, qPrintable(r.err));
        QCOMPARE(runCli({"test", timed}).exitCode, 0);
        // --now overrides the suite's clock.
        QCOMPARE(runCli({"test", timed, "--now", "2030-01-01T00:00:00Z"}).exitCode, 1);
    }

    // A suite's flag file, relative to its folder: with V2 off, a version 2 mapping cannot run.
    void theSuiteFlagsAreUsed()
    {
        const QString flagged = files.write("flagged.mdsl", kTestedPeople);
        QDir(files.path(QString())).mkpath(QStringLiteral("flagged.tests/flags"));
        files.write("flagged.tests/flags/off.yaml", "mapping_dsl_v2_enabled: false\n");
        files.write("flagged.tests/suite.json", R"({"flags": "flags/off.yaml"})");
        files.write("flagged.tests/a.input.json", R"({"id": 1})");
        files.write("flagged.tests/a.expected.json", R"({"id": 1})");
        CliResult r = runCli({"test", flagged});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("error[E303]")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("the mapping did not run")));
        // --update changes nothing for a mapping that cannot run.
        r = runCli({"test", flagged, "--update"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(testfiles::readFile(files.path("flagged.tests/a.expected.json")), QByteArray(R"({"id": 1})"));
        // --flags overrides the suite's flag file.
        const QString on = files.write("on.yaml", "mapping_dsl_v2_enabled: true\n");
        QCOMPARE(runCli({"test", flagged, "--flags", on}).exitCode, 0);
    }

    void badInputIsOneMessageAndExitTwo()
    {
        const QString lonely = files.write("lonely.mdsl", kTestedPeople);
        CliResult r = runCli({"test", lonely});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no tests beside")), qPrintable(r.err));

        const QString broken = files.write("broken.tests.ndjson", "{\"input\": {}, \"expected\": {}}\n{\"input\": \n");
        r = runCli({"test", mapping, "--suite", broken});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("broken.tests.ndjson:2:")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("not JSON")));

        const QString noExpected = files.write("noexp.tests.ndjson", "{\"input\": {}}\n");
        r = runCli({"test", mapping, "--suite", noExpected});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("has no \"expected\"")));

        r = runCli({"test", mapping, "--suite", files.path("nowhere.tests")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("no test suite at")));

        r = runCli({"test", mapping, "--format", "xml"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown format 'xml'")));
    }

    // The suite kept beside a bundled example passes.
    void theBundledExampleSuitePasses()
    {
        const CliResult r = runCli({"test", QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/order-export.mdsl")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral(" 0 failed")), qPrintable(r.out + r.err));
    }

    void dryRunProfileCountsEachRule()
    {
        const QString input = files.write("p.json", R"({"id": 1, "name": 5})");
        CliResult r = runCli({"dry-run", mapping, "--input", input, "--profile", "--engine", "v2"});
        QCOMPARE(r.exitCode, 1);   // upper(5) fails
        const QJsonArray rules = jsonObject(r.out)["profile"].toObject()["rules"].toArray();
        QCOMPARE(rules.size(), 3);
        QCOMPARE(rules[1].toObject()["target"].toString(), QStringLiteral("email"));
        QCOMPARE(rules[1].toObject()["skips"].toInt(), 1);
        QCOMPARE(rules[2].toObject()["errors"].toInt(), 1);
        QCOMPARE(rules[2].toObject()["line"].toInt(), 4);

        r = runCli({"dry-run", mapping, "--input", input, "--profile", "--format", "text", "--engine", "v2"});
        QVERIFY2(r.out.contains(QStringLiteral("profile:")), qPrintable(r.out));

        // Batch: the lines carry no profile; the totals over the records go to standard error.
        const QString corpus = files.write("c.ndjson", "{\"id\": 1, \"name\": \"a\"}\n{\"id\": 2}\n{\"id\": 3, \"name\": \"c\"}\n");
        r = runCli({"dry-run", mapping, "--ndjson", corpus, "--profile", "--jobs", "2"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains(QStringLiteral("\"profile\"")));
        QVERIFY2(r.err.contains(QStringLiteral("3 run(s)")), qPrintable(r.err));
        const QStringList lines = r.err.split(QLatin1Char('\n'));
        bool found = false;
        for (const QString& line : lines)
            if (line.endsWith(QStringLiteral("  name"))) {
                // line:col, calls, writes, skips, errors
                const QStringList cells = line.simplified().split(QLatin1Char(' '));
                QCOMPARE(cells.mid(0, 5), (QStringList{"4:1", "3", "2", "1", "0"}));
                found = true;
            }
        QVERIFY2(found, qPrintable(r.err));
    }
};

MDSL_TEST_MAIN(TestCliTest)
#include "test_cli_test.moc"
