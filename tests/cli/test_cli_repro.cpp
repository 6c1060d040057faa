// mapping-dsl repro: replaying bundles as a support engineer does, with the exit codes of the
// verdicts (0 reproduced, 1 differs, 2 invalid bundle) and one clear message for bad files.

#include "testmain.h"

#include "clitest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QString kExample = QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/customer-phone.mdslrepro");

QJsonObject example()
{
    QFile file(kExample);
    file.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray bytes(const QJsonObject& bundle)
{
    return QJsonDocument(bundle).toJson();
}

} // namespace

class TestCliRepro : public QObject {
    Q_OBJECT

private slots:
    void exampleDiffersWithThePatch()
    {
        const CliResult r = runCli({QStringLiteral("repro"), kExample});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("mapping:     customer-v2.mdsl")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("replayed:    route v2-routed, answered by v2")));
        QVERIFY(r.out.contains(QStringLiteral("flags:       all seven on")));
        QVERIFY(r.out.contains(QStringLiteral("clock:       pinned, now_ms 1795166040000")));
        QVERIFY(r.out.contains(QStringLiteral("verdict:     differs: 2 differences")));
        QVERIFY(r.out.contains(QStringLiteral("\"path\": \"/customer/phone\"")));
        QVERIFY(r.out.contains(QStringLiteral("\"path\": \"/customer/fax\"")));
        QVERIFY(r.out.contains(QStringLiteral("Ticket SUP-2318")));
        QVERIFY(r.err.isEmpty());
    }

    void reproducedWhenProductionMatches()
    {
        QTemporaryDir dir;
        QJsonObject bundle = example();
        QJsonObject production = bundle[QStringLiteral("production")].toObject();
        QJsonObject output = production[QStringLiteral("output")].toObject();
        QJsonObject customer = output[QStringLiteral("customer")].toObject();
        customer[QStringLiteral("phone")] = QStringLiteral("unknown");
        customer[QStringLiteral("fax")] = QJsonValue::Null;
        output[QStringLiteral("customer")] = customer;
        production[QStringLiteral("output")] = output;
        bundle[QStringLiteral("production")] = production;
        const QString path = writeFile(dir, QStringLiteral("same.mdslrepro"), bytes(bundle));
        const CliResult r = runCli({QStringLiteral("repro"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("verdict:     reproduced")), qPrintable(r.out));

        const CliResult json = runCli({QStringLiteral("repro"), path, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(report[QStringLiteral("verdict")].toString(), QStringLiteral("reproduced"));
        QCOMPARE(report[QStringLiteral("patch")].toArray().size(), 0);
        QCOMPARE(report[QStringLiteral("result")].toObject()[QStringLiteral("engine")].toString(), QStringLiteral("v2"));
        QCOMPARE(report[QStringLiteral("bundle")].toObject()[QStringLiteral("route")].toString(), QStringLiteral("v2-routed"));
    }

    void flagsAndRouteAreReplayed()
    {
        // V2 disabled in production: the V2 mapping is answered by V1, which refuses it.
        QTemporaryDir dir;
        QJsonObject bundle = example();
        QJsonObject flags = bundle[QStringLiteral("flags")].toObject();
        flags[QStringLiteral("mapping_dsl_v2_enabled")] = false;
        bundle[QStringLiteral("flags")] = flags;
        const CliResult r = runCli({QStringLiteral("repro"), writeFile(dir, QStringLiteral("v1.mdslrepro"), bytes(bundle))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("answered by v1")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("flags:       off: mapping_dsl_v2_enabled")));
        QVERIFY(r.out.contains(QStringLiteral("(our run invalid)")));
        QVERIFY(r.out.contains(QStringLiteral("diagnostics:")));
    }

    void withoutProductionOutputTheRunDecides()
    {
        QTemporaryDir dir;
        QJsonObject bundle = example();
        bundle.remove(QStringLiteral("production"));
        const CliResult r = runCli({QStringLiteral("repro"), writeFile(dir, QStringLiteral("no.mdslrepro"), bytes(bundle))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("nothing to compare")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("\"phone\": \"unknown\"")));
    }

    void invalidBundlesExitTwoWithOneMessage_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << QByteArray("{\"format\": ") << "is not a valid repro bundle: not JSON: parse error at line 1";
        QTest::newRow("wrong type")
            << bytes([] {
                   QJsonObject b = example();
                   QJsonObject flags = b[QStringLiteral("flags")].toObject();
                   flags[QStringLiteral("mapping_dsl_v1_fallback")] = QStringLiteral("no");
                   b[QStringLiteral("flags")] = flags;
                   return b;
               }())
            << "is not a valid repro bundle: /flags/mapping_dsl_v1_fallback: expected a boolean, found a string";
        QTest::newRow("newer format") << bytes([] {
            QJsonObject b = example();
            b[QStringLiteral("format_version")] = 7;
            return b;
        }()) << "/format_version: unsupported format version 7";
        QTest::newRow("other JSON") << QByteArray(R"({"orders": []})") << "/format: not a repro bundle";
        QTest::newRow("deeply nested") << QByteArray(200000, '[') << "nested deeper than 512 levels";
    }

    void invalidBundlesExitTwoWithOneMessage()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.mdslrepro"), content);
        const CliResult r = runCli({QStringLiteral("repro"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("mapping-dsl: '") + path + QStringLiteral("' is not a valid repro bundle: ")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.out.isEmpty());
    }

    void hugeFileIsRefusedWithoutReadingIt()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("huge.mdslrepro"), "{");
        QVERIFY(QFile::resize(path, (qint64(64) << 20) + 1));   // sparse: no disk used
        const CliResult r = runCli({QStringLiteral("repro"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is not a valid repro bundle: larger than 64 MiB")), qPrintable(r.err));
    }

    void missingFileAndUsage()
    {
        const CliResult missing = runCli({QStringLiteral("repro"), QStringLiteral("/nonexistent/t.mdslrepro")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("cannot read '/nonexistent/t.mdslrepro'")), qPrintable(missing.err));

        const CliResult none = runCli({QStringLiteral("repro")});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.err.contains(QStringLiteral("missing the FILE argument")));

        const CliResult format = runCli({QStringLiteral("repro"), kExample, QStringLiteral("--format"), QStringLiteral("xml")});
        QCOMPARE(format.exitCode, 2);
        QVERIFY(format.err.contains(QStringLiteral("unknown format 'xml'")));

        const CliResult help = runCli({QStringLiteral("repro"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("Exit codes: 0 reproduced")));
        const CliResult all = runCli({QStringLiteral("--help")});
        QVERIFY(all.out.contains(QStringLiteral("repro       replay a repro bundle")));
    }
};

MDSL_TEST_MAIN(TestCliRepro)
#include "test_cli_repro.moc"
