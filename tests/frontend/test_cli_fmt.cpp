// mapping-dsl fmt, run as a user runs it: print, --check, --write, syntax errors, usage.

#include "testfiles.h"
#include "testmain.h"

#include "../cli/clitest.h"

#include <QFile>
#include <QTemporaryDir>

namespace {

using testfiles::readFile;


const QByteArray kMessy = "a<-1\nbbb <- f( 2 ,3 ) # note\n";
const QByteArray kFormatted = "a   <- 1\nbbb <- f(2, 3) # note\n";

} // namespace

class TestCliFmt : public QObject {
    Q_OBJECT

private slots:
    void printsTheFormattedText()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("m.mdsl"), kMessy);
        const CliResult r = runCli({QStringLiteral("fmt"), path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.toUtf8(), kFormatted);
        QVERIFY(r.err.isEmpty());
        QCOMPARE(readFile(path), kMessy);   // printing leaves the file alone
    }

    void readsStandardInput()
    {
        const CliResult r = runCli({QStringLiteral("fmt"), QStringLiteral("-")}, kMessy);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.toUtf8(), kFormatted);
    }

    void checkNamesUnformattedFiles()
    {
        QTemporaryDir dir;
        const QString messy = writeFile(dir, QStringLiteral("messy.mdsl"), kMessy);
        const QString clean = writeFile(dir, QStringLiteral("clean.mdsl"), kFormatted);
        CliResult r = runCli({QStringLiteral("fmt"), messy, QStringLiteral("--check")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out.trimmed(), messy);
        r = runCli({QStringLiteral("fmt"), QStringLiteral("--check"), clean});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(readFile(messy), kMessy);
    }

    void writeRewritesTheFile()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("m.mdsl"), kMessy);
        CliResult r = runCli({QStringLiteral("fmt"), path, QStringLiteral("--write")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(readFile(path), kFormatted);
        r = runCli({QStringLiteral("fmt"), path, QStringLiteral("--check")});
        QCOMPARE(r.exitCode, 0);
    }

    void syntaxErrorsAreShownLikeACompiler()
    {
        QTemporaryDir dir;
        const QByteArray text = "a <- 1\nb <- \"é\" + (2\nc <- 3\n";
        const QString path = writeFile(dir, QStringLiteral("bad.mdsl"), text);
        const CliResult r = runCli({QStringLiteral("fmt"), path, QStringLiteral("--write")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith(path + QStringLiteral(":2:12: error[E105]: '(' is not closed: expected ')'\n")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("b <- \"é\" + (2")));
        QVERIFY(r.err.contains(QStringLiteral("|            ^")));
        QCOMPARE(readFile(path), text);   // never rewritten
    }

    void usageAndIoErrors()
    {
        CliResult r = runCli({QStringLiteral("fmt")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("missing the FILE argument")));
        r = runCli({QStringLiteral("fmt"), QStringLiteral("x.mdsl"), QStringLiteral("--check"), QStringLiteral("--write")});
        QCOMPARE(r.exitCode, 2);
        r = runCli({QStringLiteral("fmt"), QStringLiteral("-"), QStringLiteral("--write")});
        QCOMPARE(r.exitCode, 2);
        r = runCli({QStringLiteral("fmt"), QStringLiteral("x.mdsl"), QStringLiteral("--bogus")});
        QCOMPARE(r.exitCode, 2);
        QTemporaryDir dir;
        r = runCli({QStringLiteral("fmt"), dir.filePath(QStringLiteral("missing.mdsl"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("missing.mdsl")));
    }

    void helpDescribesOptionsAndExitCodes()
    {
        const CliResult r = runCli({QStringLiteral("fmt"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("--check")));
        QVERIFY(r.out.contains(QStringLiteral("--write")));
        QVERIFY(r.out.contains(QStringLiteral("Exit codes")));
    }
};

MDSL_TEST_MAIN(TestCliFmt)
#include "test_cli_fmt.moc"
