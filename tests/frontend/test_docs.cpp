// The reference documentation stays true to the engine: docs/functions.md is exactly what the
// catalog generates, every diagnostic code the engine's source uses is documented in
// docs/diagnostics.md, and every documented validation code has a golden case.

#include "testmain.h"

#include "mdsl/catalog.h"
#include "mdsl/report.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

QString readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Codes written as string literals ("E201") in the files under dir with the given suffixes.
QSet<QString> codesIn(const QString& dir, const QStringList& patterns, const QRegularExpression& code)
{
    QSet<QString> found;
    QDirIterator it(dir, patterns, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString text = readAll(it.next());
        for (auto match = code.globalMatch(text); match.hasNext();)
            found.insert(match.next().captured(1));
    }
    return found;
}

QString sortedList(const QSet<QString>& set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list.join(u' ');
}

} // namespace

class TestDocs : public QObject {
    Q_OBJECT

private slots:
    void functionsPageIsGenerated()
    {
        const QString page = readAll(QStringLiteral(MDSL_SOURCE_DIR "/docs/functions.md"));
        const QString generated = QString::fromStdString(mdsl::catalogToMarkdown());
        QVERIFY2(page == generated,
                 "docs/functions.md differs from the catalog: run scripts/gen-docs and commit the result");
    }

    void everyEngineCodeIsDocumented()
    {
        const QSet<QString> used = codesIn(QStringLiteral(MDSL_SOURCE_DIR "/engine"), {"*.h", "*.cpp"},
                                           QRegularExpression(QStringLiteral("\"([EW][0-9]{3})\"")));
        QVERIFY(used.contains("E101") && used.contains("E201") && used.contains("W310"));
        const QString docs = readAll(QStringLiteral(MDSL_SOURCE_DIR "/docs/diagnostics.md"));
        QSet<QString> missing;
        for (const QString& code : used) {
            // A section "## E201" or a row "| E401 |".
            if (!docs.contains("## " + code + "\n") && !docs.contains("| " + code + " |"))
                missing.insert(code);
        }
        QVERIFY2(missing.isEmpty(), qPrintable("not in docs/diagnostics.md: " + sortedList(missing)));
    }

    // Every wording id (related locations, fixes, features) is listed in the docs.
    void everyWordingIdIsDocumented()
    {
        const QString docs = readAll(QStringLiteral(MDSL_SOURCE_DIR "/docs/diagnostics.md"));
        for (const auto* table : {&mdsl::relatedMessages(), &mdsl::fixMessages(), &mdsl::featureWordings(),
                                  &mdsl::messageWordings(), &mdsl::phrases()}) {
            for (const mdsl::Wording& w : *table) {
                const QString id = QString::fromLatin1(w.id.data(), int(w.id.size()));
                // The row says the id and its English pattern (a `|` written `\|` in Markdown).
                QString english = QString::fromUtf8(w.pattern.data(), int(w.pattern.size()));
                english.replace(QLatin1Char('|'), QLatin1String("\\|"));
                QVERIFY2(docs.contains("| `" + id + "` | " + english + " |")
                             || docs.contains("| `" + id + ":NAME` | " + english + " |"),
                         qPrintable(id));
            }
        }
    }

    void everyTableCodeIsDocumented()
    {
        const QString docs = readAll(QStringLiteral(MDSL_SOURCE_DIR "/docs/diagnostics.md"));
        for (const mdsl::DiagnosticCode& code : mdsl::diagnosticCodes())
            QVERIFY2(docs.contains("## " + QString::fromLatin1(code.code.data(), int(code.code.size())) + "\n"),
                     code.code.data());
    }

    void everyDocumentedValidationCodeHasAGoldenCase()
    {
        const QString docs = readAll(QStringLiteral(MDSL_SOURCE_DIR "/docs/diagnostics.md"));
        QSet<QString> documented;
        static const QRegularExpression heading(QStringLiteral("^## ([EW][0-9]{3})$"), QRegularExpression::MultilineOption);
        for (auto match = heading.globalMatch(docs); match.hasNext();)
            documented.insert(match.next().captured(1));
        QVERIFY(documented.size() >= 30);
        // Runtime codes (E4xx) come from the engines' runs, not from validation: the engine
        // tests (golden scenarios, limits, batch) raise each of them instead.
        QSet<QString> runtime;
        for (const QString& code : documented)
            if (code.startsWith(QLatin1String("E4")))
                runtime.insert(code);
        QVERIFY(runtime.contains("E401") && runtime.contains("E420"));
        const QSet<QString> golden = codesIn(QStringLiteral(MDSL_SOURCE_DIR "/tests/frontend/cases"),
                                             {"expected-diagnostics.txt"},
                                             QRegularExpression(QStringLiteral("(?:error|warning)\\[([EW][0-9]{3})\\]")));
        const QSet<QString> uncovered = documented - runtime - golden;
        QVERIFY2(uncovered.isEmpty(), qPrintable("no golden case for: " + sortedList(uncovered)));
        const QSet<QString> engineTested = codesIn(QStringLiteral(MDSL_SOURCE_DIR "/tests/engines"), {"*.cpp", "*.txt"},
                                                   QRegularExpression(QStringLiteral("\\b(E4[0-9]{2})\\b")));
        const QSet<QString> untested = runtime - engineTested;
        QVERIFY2(untested.isEmpty(), qPrintable("no engine test raises: " + sortedList(untested)));
    }

    void cliReferenceCoversEveryCommand()
    {
        const QString docs = readAll(QStringLiteral(MDSL_SOURCE_DIR "/docs/cli.md"));
        for (const char* command : {"validate", "fmt", "functions", "query"})
            QVERIFY2(docs.contains(QStringLiteral("\n## %1\n").arg(QLatin1String(command))), command);
        QVERIFY(docs.contains("## Exit codes"));
    }
};

MDSL_TEST_MAIN(TestDocs)
#include "test_docs.moc"
