// The golden scenarios: one folder per case under tests/engines/scenarios/ with mapping.mdsl,
// input.json, expected.json (the output; null when invalid), expected-status.txt and, when
// the run reports any, expected-diagnostics.txt ("line:column CODE message" per line).
// A version 1 document runs through both engines, which must also agree with each other
// (output, status, diagnostics and trace); a version 2 document runs through V2.
// MDSL_REFRESH_SCENARIOS=1 rewrites the expectations instead (scripts/refresh-scenarios).

#include "testfiles.h"
#include "testmain.h"

#include "enginetest.h"

#include "mdsl/flags.h"

#include <QDir>
#include <QFile>
#include <QTest>

using mdsl::EngineKind;
using mdsl::Json;

namespace {

using testfiles::readFile;


const QString kRoot = QStringLiteral(MDSL_SOURCE_DIR "/tests/engines/scenarios");

bool writeIfChanged(const QString& path, const QByteArray& content)
{
    if (QFile::exists(path) && readFile(path) == content)
        return false;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(content);
    return true;
}

QByteArray diagnosticsText(const mdsl::RunResult& result)
{
    QByteArray out;
    for (const mdsl::Diagnostic& d : result.diagnostics)
        out += QByteArray::number(d.range.start.line) + ':' + QByteArray::number(d.range.start.column) + ' '
             + QByteArray::fromStdString(d.code) + ' ' + QByteArray::fromStdString(d.message) + '\n';
    return out;
}

QByteArray outputText(const mdsl::RunResult& result)
{
    return QByteArray::fromStdString((result.output ? *result.output : Json()).dump(2)) + '\n';
}

mdsl::Flags scenarioFlags(const QString& dir)
{
    const QByteArray yaml = readFile(dir + "/flags.yaml");
    return yaml.isEmpty() ? mdsl::Flags() : mdsl::parseFlags(yaml.toStdString()).flags;
}

} // namespace

class TestScenarios : public QObject {
    Q_OBJECT

private slots:
    void scenario_data()
    {
        QTest::addColumn<QString>("dir");
        const QStringList names = QDir(kRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY2(names.size() >= 60, "the golden corpus holds at least 60 scenarios");
        for (const QString& name : names)
            QTest::newRow(qPrintable(name)) << kRoot + "/" + name;
    }

    void scenario()
    {
        QFETCH(QString, dir);
        const std::string text = readFile(dir + "/mapping.mdsl").toStdString();
        const QByteArray inputText = readFile(dir + "/input.json");
        const Json input = inputText.isEmpty() ? Json::object() : Json::parse(inputText.toStdString());
        const mdsl::Flags flags = scenarioFlags(dir);
        const mdsl::RunOptions options = enginetest::pinnedOptions(true);

        const mdsl::RunResult v2 = enginetest::runWith(EngineKind::V2, text, input, options, flags);
        const mdsl::CompiledMapping v1Compiled = mdsl::compile(text, EngineKind::V1, flags);
        const bool versionOne = v1Compiled.languageVersion() == 1 && mdsl::compile(text, EngineKind::V2, flags).languageVersion() == 1;
        if (versionOne) {
            const mdsl::RunResult v1 = mdsl::run(v1Compiled, input, options);
            QCOMPARE(outputText(v1), outputText(v2));
            QCOMPARE(statusName(v1.status), statusName(v2.status));
            QCOMPARE(diagnosticsText(v1), diagnosticsText(v2));
            Json t1 = mdsl::toJson(v1)["trace"];
            Json t2 = mdsl::toJson(v2)["trace"];
            QCOMPARE(t1.dump(), t2.dump());
        }

        const QByteArray status = QByteArray(statusName(v2.status).data()) + '\n';
        const QByteArray diagnostics = diagnosticsText(v2);
        if (qEnvironmentVariableIsSet("MDSL_REFRESH_SCENARIOS")) {
            bool changed = writeIfChanged(dir + "/expected.json", outputText(v2));
            changed |= writeIfChanged(dir + "/expected-status.txt", status);
            if (diagnostics.isEmpty())
                changed |= QFile::remove(dir + "/expected-diagnostics.txt");
            else
                changed |= writeIfChanged(dir + "/expected-diagnostics.txt", diagnostics);
            if (changed)
                qInfo("refreshed: %s", qPrintable(QDir(dir).dirName()));
            return;
        }
        QCOMPARE(QString::fromUtf8(outputText(v2)), QString::fromUtf8(readFile(dir + "/expected.json")));
        QCOMPARE(QString::fromUtf8(status), QString::fromUtf8(readFile(dir + "/expected-status.txt")));
        QCOMPARE(QString::fromUtf8(diagnostics), QString::fromUtf8(readFile(dir + "/expected-diagnostics.txt")));
    }
};

MDSL_TEST_MAIN(TestScenarios)
#include "test_scenarios.moc"
