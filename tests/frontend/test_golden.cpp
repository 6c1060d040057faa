// The golden corpus: one folder per case under tests/frontend/cases/ with mapping.mdsl, the
// expected diagnostics as `mapping-dsl validate` prints them (expected-diagnostics.txt), and
// optionally flags.yaml (production's flag file) and engine.txt ("v1" or "v2", default v2).
// A flag file's own diagnostics come first, as flags.yaml:line:col; a flag file with errors
// stops there, as the command line does.
//
// MDSL_REFRESH_GOLDENS=1 rewrites the expected files instead of comparing them (on purpose:
// scripts/refresh-goldens), and names the cases that changed.

#include "testfiles.h"
#include "testmain.h"

#include "mdsl/flags.h"
#include "mdsl/report.h"
#include "mdsl/validate.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace {

using testfiles::readFile;


QString casesDir()
{
    return QStringLiteral(MDSL_SOURCE_DIR "/tests/frontend/cases");
}

// What `mapping-dsl validate` prints for a case folder.
QByteArray renderCase(const QDir& dir)
{
    mdsl::ValidateOptions options;
    std::string out;
    if (dir.exists(QStringLiteral("flags.yaml"))) {
        const QByteArray yaml = readFile(dir.filePath(QStringLiteral("flags.yaml")));
        const mdsl::FlagsFile flags = mdsl::parseFlags(yaml.toStdString());
        out += mdsl::renderText(flags.diagnostics, yaml.toStdString(), "flags.yaml");
        if (mdsl::hasErrors(flags.diagnostics))
            return QByteArray::fromStdString(out);
        options.flags = flags.flags;
    }
    if (dir.exists(QStringLiteral("engine.txt")))
        options.engine = readFile(dir.filePath(QStringLiteral("engine.txt"))).trimmed() == "v1"
            ? mdsl::EngineKind::V1 : mdsl::EngineKind::V2;
    const std::string text = readFile(dir.filePath(QStringLiteral("mapping.mdsl"))).toStdString();
    out += mdsl::renderText(mdsl::validate(text, options), text, "mapping.mdsl");
    return QByteArray::fromStdString(out);
}

} // namespace

class TestGolden : public QObject {
    Q_OBJECT

private slots:
    void cases_data()
    {
        QTest::addColumn<QString>("dir");
        const QStringList names = QDir(casesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY2(names.size() >= 80, qPrintable(QStringLiteral("only %1 golden cases").arg(names.size())));
        for (const QString& name : names)
            QTest::newRow(qPrintable(name)) << QDir(casesDir()).filePath(name);
    }

    void cases()
    {
        QFETCH(QString, dir);
        const QDir caseDir(dir);
        QVERIFY2(caseDir.exists(QStringLiteral("mapping.mdsl")), qPrintable(dir + ": no mapping.mdsl"));
        const QByteArray actual = renderCase(caseDir);
        const QString expectedPath = caseDir.filePath(QStringLiteral("expected-diagnostics.txt"));
        const QByteArray expected = readFile(expectedPath);
        if (qEnvironmentVariableIsSet("MDSL_REFRESH_GOLDENS")) {
            if (actual != expected || !QFile::exists(expectedPath)) {
                QFile file(expectedPath);
                QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
                file.write(actual);
                qInfo("updated: %s", qPrintable(caseDir.dirName()));
            }
            return;
        }
        QVERIFY2(QFile::exists(expectedPath), qPrintable(expectedPath + " is missing: run scripts/refresh-goldens"));
        // Compare line lists so a failure shows the first differing line.
        QCOMPARE(QString::fromUtf8(actual).split(u'\n'), QString::fromUtf8(expected).split(u'\n'));
    }
};

MDSL_TEST_MAIN(TestGolden)
#include "test_golden.moc"
