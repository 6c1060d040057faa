// Messages are valid UTF-8 whatever the bytes of the files they quote: a byte that is not
// UTF-8 is shown as \xFF, and a character is never cut in two. Before, `validate --format
// json` aborted on such a byte (nlohmann's type_error 316, exit 134), SARIF and dry-run
// results carried it, and E310 cut the "é" of a flag file in half.

#include "testmain.h"

#include "clitest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QTemporaryDir>

namespace {

bool isUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    (void)decoder.decode(bytes);
    return !decoder.hasError();
}

QJsonObject parsedJson(const CliResult& r)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(r.rawOut, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), r.rawOut.constData());
    return document.object();
}

// An invalid escape followed by the byte 0xFF (E103 quotes it) and a string holding it (E107).
const QByteArray kBadEscape = "a <- \"\\\xff\"\n";

} // namespace

class TestCliUtf8 : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void validateTextShowsTheByteEscaped()
    {
        const CliResult r = runCli({ "validate", writeFile(dir_, "text.mdsl", kBadEscape) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isUtf8(r.rawOut), r.rawOut.constData());
        // The message and the quoted line show the byte; the caret is under it, 4 columns wide.
        QVERIFY2(r.out.contains(QStringLiteral("error[E103]: invalid escape sequence '\\\\xFF' in string\n")),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("   1 | a <- \"\\\\xFF\"\n     |       ^~~~~\n")), qPrintable(r.out));
    }

    void validateJsonIsValidJsonWithTheByteEscaped()
    {
        const CliResult r = runCli({ "validate", writeFile(dir_, "json.mdsl", kBadEscape), "--format", "json" });
        QCOMPARE(r.exitCode, 1);
        const QJsonArray diagnostics = parsedJson(r)["diagnostics"].toArray();
        QVERIFY2(!diagnostics.isEmpty(), r.rawOut.constData());
        const QJsonObject first = diagnostics.at(0).toObject();
        QCOMPARE(first["code"].toString(), QStringLiteral("E103"));
        QCOMPARE(first["message"].toString(), QStringLiteral("invalid escape sequence '\\\\xFF' in string"));
        QCOMPARE(first["args"].toArray().at(0).toString(), QStringLiteral("'\\\\xFF'"));
    }

    void validateSarifIsValidJsonWithTheByteEscaped()
    {
        const CliResult r = runCli({ "validate", writeFile(dir_, "sarif.mdsl", kBadEscape), "--format", "sarif" });
        QCOMPARE(r.exitCode, 1);
        const QJsonArray results = parsedJson(r)["runs"].toArray().at(0).toObject()["results"].toArray();
        QVERIFY2(!results.isEmpty(), r.rawOut.constData());
        QVERIFY(results.at(0).toObject()["message"].toObject()["text"].toString().contains(QStringLiteral("\\\\xFF")));
    }

    void unexpectedTokenAndJsonPathQuoteTheByteEscaped()
    {
        // E101 quotes the token, E110 the character the query stops at: alone, not with the
        // bytes after it (the end of the line).
        const QString path = writeFile(dir_, "query.mdsl", "mapping \"m\" version 2\na <- 1 $.\xff\nb <- $[\xfe]\n");
        const CliResult r = runCli({ "validate", path, "--format", "json" });
        QCOMPARE(r.exitCode, 1);
        QStringList messages;
        for (const QJsonValue& d : parsedJson(r)["diagnostics"].toArray())
            messages << d.toObject()["code"].toString() + " " + d.toObject()["message"].toString();
        QVERIFY2(messages.contains(QStringLiteral("E101 expected end of line, found JSONPath query '$.\\xFF'")),
            qPrintable(messages.join('\n')));
        QVERIFY2(
            messages.contains(QStringLiteral("E110 invalid JSONPath query: expected a selector: a quoted name, '*', "
                                             "an index, a slice or '?' and a filter, found '\\xFE'")),
            qPrintable(messages.join('\n')));
    }

    void dryRunResultIsValidJsonWithTheByteEscaped()
    {
        const QString mapping = writeFile(dir_, "run.mdsl", kBadEscape);
        const QString input = writeFile(dir_, "run.json", "{}");
        const CliResult r = runCli({ "dry-run", mapping, "--input", input });
        QCOMPARE(r.exitCode, 1);
        const QJsonObject result = parsedJson(r);
        QCOMPARE(result["status"].toString(), QStringLiteral("invalid"));
        QCOMPARE(result["diagnostics"].toArray().at(0).toObject()["message"].toString(),
            QStringLiteral("invalid escape sequence '\\\\xFF' in string"));
    }

    void flagFileErrorKeepsTheWholeCharacter()
    {
        // yaml-cpp names the bad escape by its first byte; the message shows the whole "é".
        const QString mapping = writeFile(dir_, "flags.mdsl", "a <- 1\n");
        const QString flags = writeFile(dir_, "escape.yaml", "mapping_dsl_v2_enabled: \"\\\xc3\xa9\"\n");
        const CliResult r = runCli({ "validate", mapping, "--flags", flags });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(
                     QStringLiteral("error[E310]: the flag file is not valid YAML: unknown escape character: é\n")),
            qPrintable(r.err));
    }

    void flagFileErrorShowsAByteThatIsNotUtf8()
    {
        const QString mapping = writeFile(dir_, "flags2.mdsl", "a <- 1\n");
        const QString flags = writeFile(dir_, "byte.yaml", "mapping_dsl_v2_enabled: \"\\\xff\"\n");
        const CliResult r = runCli({ "validate", mapping, "--flags", flags });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("unknown escape character: \\xFF\n")), qPrintable(r.err));
    }
};

MDSL_TEST_MAIN(TestCliUtf8)
#include "test_cli_utf8.moc"
