// mapping-dsl --help, --version and usage errors.

#include "testmain.h"

#include "clitest.h"

class TestCliBasics : public QObject {
    Q_OBJECT

private slots:
    void versionNamesToolAndEngine()
    {
        const CliResult r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("mapping-dsl 0.")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("engine")));
    }

    void helpListsExitCodes()
    {
        const CliResult r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Usage: mapping-dsl COMMAND")));
        QVERIFY(r.out.contains(QStringLiteral("Exit codes:")));
        QVERIFY(r.out.contains(QStringLiteral("2  usage error")));
    }

    void noArgumentsIsUsageError()
    {
        const CliResult r = runCli({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("Usage:")));
    }

    void unknownCommandIsUsageError()
    {
        const CliResult r = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown command 'frobnicate'")));
        QVERIFY(r.out.isEmpty());
    }
};

MDSL_TEST_MAIN(TestCliBasics)
#include "test_cli_basics.moc"
