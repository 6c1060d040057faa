// `mapping-dsl validate` and `mapping-dsl functions` as a user runs them: exit codes, the
// three output formats, standard input, flag files, and usage errors.

#include "testmain.h"

#include "../cli/clitest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

class TestCliValidate : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void cleanFileExitsZero()
    {
        const QString path = writeFile(dir_, "clean.mdsl", "mapping \"m\" version 2\na <- upper(.name)\n");
        const CliResult r = runCli({"validate", path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString());
    }

    void warningsAloneExitZero()
    {
        const QString path = writeFile(dir_, "warn.mdsl", "let unused = 1\na <- 1\n");
        const CliResult r = runCli({"validate", path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(path + ":1:5: warning[W202]: `let unused` is never used\n"), qPrintable(r.out));
    }

    void errorsExitOneWithCompilerText()
    {
        const QString path = writeFile(dir_, "bad.mdsl", "a <- florr(.x)\n");
        const CliResult r = runCli({"validate", path});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, path + ":1:6: error[E202]: unknown function `florr`\n"
                              "   1 | a <- florr(.x)\n"
                              "     |      ^~~~~\n"
                              "  = fix: did you mean `floor`?\n");
    }

    void standardInputIsNamedStdin()
    {
        const CliResult r = runCli({"validate", "-"}, "a <- nope\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.startsWith("<stdin>:1:6: error[E201]"), qPrintable(r.out));
    }

    // A target of 100,000 segments nests past every depth: one error, with the usual exit code.
    void aTargetPastEveryDepthIsOneError()
    {
        const QByteArray text = "mapping \"deep\" version 1\nr" + QByteArray(".a").repeated(100000) + " <- 1\n";
        const QString path = writeFile(dir_, "deep.mdsl", text);
        const CliResult r = runCli({ "validate", path, "--format", "json" });
        QCOMPARE(r.exitCode, 1);
        const QJsonArray diagnostics = QJsonDocument::fromJson(r.out.toUtf8()).object()["diagnostics"].toArray();
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics[0].toObject()["code"].toString(), QStringLiteral("E209"));
        const CliResult plain = runCli({ "validate", path });
        QCOMPARE(plain.exitCode, 1);
        QVERIFY2(plain.out.startsWith(
                     path + ":2:513: error[E209]: the target nests deeper than 256 levels, its blocks included\n"),
            qPrintable(plain.out.left(200)));
        QCOMPARE(plain.out.count(QStringLiteral("error[")), 1);
    }

    void jsonFormat()
    {
        const CliResult r = runCli({"validate", "-", "--format", "json"}, "a <- 1\na <- 2\n");
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject d = root["diagnostics"].toArray().at(0).toObject();
        QCOMPARE(d["code"].toString(), QStringLiteral("W201"));
        QCOMPARE(d["severity"].toString(), QStringLiteral("warning"));
        QCOMPARE(d["range"].toObject()["start"].toObject()["line"].toInt(), 2);
        QCOMPARE(d["related"].toArray().size(), 1);
        QVERIFY(d["fixes"].isArray());
        QVERIFY(d["args"].isArray());
    }

    void sarifFormat()
    {
        const CliResult r = runCli({"validate", "-", "--format=sarif"}, "a <- [1\n");
        QCOMPARE(r.exitCode, 1);
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(root["version"].toString(), QStringLiteral("2.1.0"));
        const QJsonObject result = root["runs"].toArray()[0].toObject()["results"].toArray()[0].toObject();
        QCOMPARE(result["ruleId"].toString(), QStringLiteral("E105"));
    }

    void engineAndFlagsChangeTheVerdict()
    {
        const QString path = writeFile(dir_, "v2.mdsl", "mapping \"m\" version 2\na <- .x ?? 1\n");
        QCOMPARE(runCli({"validate", path}).exitCode, 0);
        const CliResult v1 = runCli({"validate", path, "--engine", "v1"});
        QCOMPARE(v1.exitCode, 1);
        QVERIFY(v1.out.contains("error[E303]"));
        const QString flags = writeFile(dir_, "flags.yaml", "mapping_dsl_v2_new_ops: false  # off for the test\n");
        const CliResult off = runCli({"validate", path, "--flags", flags});
        QCOMPARE(off.exitCode, 1);
        QVERIFY(off.out.contains("mapping_dsl_v2_new_ops"));
    }

    void flagFileWarningsGoToStderr()
    {
        const QString path = writeFile(dir_, "ok.mdsl", "a <- 1\n");
        const QString flags = writeFile(dir_, "odd.yaml", "mapping_dsl_v9: true\n");
        const CliResult r = runCli({"validate", path, "--flags", flags});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.startsWith(flags + ":1:1: warning[W310]"), qPrintable(r.err));
    }

    void flagFileErrorsExitTwo()
    {
        const QString path = writeFile(dir_, "ok2.mdsl", "a <- 1\n");
        const QString flags = writeFile(dir_, "bad.yaml", "mapping_dsl_v2_enabled: maybe\n");
        const CliResult r = runCli({"validate", path, "--flags", flags});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(":1:25: error[E312]"), qPrintable(r.err));
        QCOMPARE(r.out, QString());
    }

    void usageAndIoErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no file") << QStringList{"validate"};
        QTest::newRow("two files") << QStringList{"validate", "a", "b"};
        QTest::newRow("unknown option") << QStringList{"validate", "-", "--frobnicate"};
        QTest::newRow("bad format") << QStringList{"validate", "-", "--format", "xml"};
        QTest::newRow("bad engine") << QStringList{"validate", "-", "--engine", "v3"};
        QTest::newRow("missing file") << QStringList{"validate", "/nonexistent/m.mdsl"};
        QTest::newRow("missing flags") << QStringList{"validate", "-", "--flags", "/nonexistent/f.yaml"};
        QTest::newRow("functions bad format") << QStringList{"functions", "--format", "html"};
        QTest::newRow("functions argument") << QStringList{"functions", "extra"};
    }

    void usageAndIoErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        const CliResult r = runCli(args, "a <- 1\n");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("mapping-dsl: "), qPrintable(r.err));
    }

    void helpDocumentsOptionsAndExitCodes()
    {
        const CliResult r = runCli({"validate", "--help"});
        QCOMPARE(r.exitCode, 0);
        for (const char* word : {"--flags", "--engine", "--format", "sarif", "Exit codes"})
            QVERIFY2(r.out.contains(QLatin1String(word)), word);
        const CliResult top = runCli({"--help"});
        QVERIFY(top.out.contains("validate"));
        QVERIFY(top.out.contains("functions"));
    }

    void functionsPrintsTheCatalog()
    {
        const CliResult json = runCli({"functions", "--format", "json"});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray functions = QJsonDocument::fromJson(json.out.toUtf8()).object()["functions"].toArray();
        QVERIFY(functions.size() > 60);
        const CliResult markdown = runCli({"functions"});
        QCOMPARE(markdown.exitCode, 0);
        QVERIFY(markdown.out.startsWith("# Function reference"));
        for (const QJsonValue& f : functions)
            QVERIFY(markdown.out.contains("### `" + f.toObject()["name"].toString() + "`"));
    }
};

MDSL_TEST_MAIN(TestCliValidate)
#include "test_cli_validate.moc"
