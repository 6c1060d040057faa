// The first window: the bundled example in the editor, highlighted with the project's own
// Mapping DSL definition, and a screenshot of it.

#include "testmain.h"

#include "codeeditor.h"
#include "diagnosticmessages.h"
#include "mainwindow.h"
#include "studioapp.h"
#include "studiotest.h"
#include "syntaxrepository.h"

#include "mdsl/catalog.h"
#include "mdsl/report.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QMenuBar>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace studio;

namespace {

// The character formats the highlighter gave a line, as (start, length) -> format.
QList<QTextLayout::FormatRange> formatsOfLine(const QTextDocument* doc, const QString& startsWith)
{
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        if (block.text().startsWith(startsWith))
            return block.layout()->formats();
    }
    return {};
}

const QTextLayout::FormatRange* formatAt(const QList<QTextLayout::FormatRange>& formats, int column)
{
    for (const auto& range : formats) {
        if (column >= range.start && column < range.start + range.length)
            return &range;
    }
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    void definitionComesFromTheApplicationResources()
    {
        const KSyntaxHighlighting::Definition def = mappingDslDefinition();
        QVERIFY2(def.isValid(), "the Mapping DSL definition did not load from the resources");
        QCOMPARE(def.name(), QStringLiteral("Mapping DSL"));
        QVERIFY2(def.filePath().startsWith(QStringLiteral(":/org.kde.syntax-highlighting/syntax-addons")),
                 qPrintable(def.filePath()));
        QVERIFY(def.extensions().contains(QStringLiteral("*.mdsl")));
        QVERIFY(def.keywordList(QStringLiteral("keywords")).contains(QStringLiteral("mapping")));
        QVERIFY(def.keywordList(QStringLiteral("functions")).contains(QStringLiteral("lookup")));
        QVERIFY(def.formats().size() >= 10);
        QCOMPARE(def.singleLineCommentMarker(), QStringLiteral("#"));
        // The same definition is what the repository offers for a .mdsl file.
        QCOMPARE(syntaxRepository().definitionForFileName(QStringLiteral("orders.mdsl")).name(), def.name());
    }

    void definitionKnowsEveryCatalogFunction()
    {
        // The highlighting lists the catalog's functions: a new function must not look like a name.
        const QStringList listed = mappingDslDefinition().keywordList(QStringLiteral("functions"));
        QStringList missing;
        for (const std::string_view name : mdsl::functionNames()) {
            const QString n = QString::fromUtf8(name.data(), qsizetype(name.size()));
            if (!listed.contains(n))
                missing.append(n);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char(' '))));
        // ... and nothing else: a function the engine does not have must not look like one.
        QStringList stale;
        const std::vector<std::string_view> names = mdsl::functionNames();
        for (const QString& word : listed)
            if (std::find(names.begin(), names.end(), word.toStdString()) == names.end())
                stale.append(word);
        QVERIFY2(stale.isEmpty(), qPrintable(stale.join(QLatin1Char(' '))));
    }

    // Every wording of a related location or a fix's title the engine can produce has the
    // studio's translatable pattern, identical in English to the engine's, and a French form.
    void relatedMessagesAndFixesAreTranslatedById_data()
    {
        QTest::addColumn<int>("table");
        QTest::newRow("related locations") << 0;
        QTest::newRow("fixes") << 1;
        QTest::newRow("features (E301, E302)") << 2;
    }

    void relatedMessagesAndFixesAreTranslatedById()
    {
        QFETCH(int, table);
        const auto translate = [table](const QString& id, const QStringList& args, const QString& english) {
            if (table == 2) {
                const QString feature = DiagnosticMessages::translateFeature(
                    args.isEmpty() ? id : id + QLatin1Char(':') + args.first());
                return feature.isEmpty() ? english : feature;
            }
            return table == 1 ? DiagnosticMessages::translateFix(id, args, english)
                              : DiagnosticMessages::translateRelated(id, args, english);
        };
        const std::vector<mdsl::Wording>& wordings =
            table == 2 ? mdsl::featureWordings() : table == 1 ? mdsl::fixMessages() : mdsl::relatedMessages();
        for (const mdsl::Wording& entry : wordings) {
            const QString id = QString::fromUtf8(entry.id.data(), qsizetype(entry.id.size()));
            QString english = QString::fromUtf8(entry.pattern.data(), qsizetype(entry.pattern.size()));
            QStringList args;
            for (int n = 0; english.contains(QStringLiteral("{%1}").arg(n)); ++n) {
                args.append(QStringLiteral("arg%1").arg(n));
                english.replace(QStringLiteral("{%1}").arg(n), args.last());
            }
            QCOMPARE(translate(id, args, QStringLiteral("<english>")), english);
            installTranslation(QStringLiteral("fr"));
            const QString french = translate(id, args, QStringLiteral("<english>"));
            installTranslation(QStringLiteral("en"));
            QVERIFY2(french != english && french != QLatin1String("<english>"), qPrintable(id));
        }
    }

    // The example the issue tracker quoted: a flag error in French names the feature in French.
    void featureErrorsAreFrenchThroughout()
    {
        installTranslation(QStringLiteral("fr"));
        const QString shown = DiagnosticMessages::translate(
            QStringLiteral("E302"), {QStringLiteral("coalesce"), QStringLiteral("mapping_dsl_v2_new_ops")}, QString());
        const QString version = DiagnosticMessages::translate(QStringLiteral("E301"), {QStringLiteral("function:split")}, QString());
        installTranslation(QStringLiteral("en"));
        QCOMPARE(shown, QStringLiteral("l’opérateur `??` demande le drapeau `mapping_dsl_v2_new_ops`, qui est désactivé"));
        QCOMPARE(version, QStringLiteral("la fonction `split` demande la version 2 du langage, mais ce document est en version 1"));
    }

    // The definition's keywords, word operators and constants are exactly the lexer's
    // keywords: one list, the engine's, that Kate, Qt Creator and the studio all show.
    void definitionKnowsExactlyTheLexersKeywords()
    {
        const KSyntaxHighlighting::Definition def = mappingDslDefinition();
        QStringList listed;
        for (const char* list : {"keywords", "word-operators", "constants"})
            listed += def.keywordList(QLatin1String(list));
        QStringList lexer;
        for (const std::string_view word : mdsl::keywords())
            lexer.append(QString::fromUtf8(word.data(), qsizetype(word.size())));
        listed.sort();
        lexer.sort();
        QCOMPARE(listed, lexer);
    }

    // The studio translates a diagnostic by its code and arguments: each of its patterns must
    // be the engine's English pattern (before French is installed, tr() gives the source),
    // or the French would say something else than the English. The run-limit codes have one.
    void messagePatternsAreTheEnginesOwn()
    {
        QStringList covered;
        for (const mdsl::DiagnosticCode& entry : mdsl::diagnosticCodes()) {
            QString expected = QString::fromUtf8(entry.pattern.data(), qsizetype(entry.pattern.size()));
            QStringList args;
            for (int n = 0; expected.contains(QStringLiteral("{%1}").arg(n)); ++n) {
                args << QStringLiteral("<arg%1>").arg(n);
                expected.replace(QStringLiteral("{%1}").arg(n), args.last());
            }
            const QString code = QString::fromUtf8(entry.code.data(), qsizetype(entry.code.size()));
            const QString shown = DiagnosticMessages::translate(code, args, QStringLiteral("<english>"));
            if (shown == QLatin1String("<english>"))
                continue;
            QCOMPARE(shown, expected);
            covered << code;
        }
        for (const char* code : {"E201", "E401", "E402", "E403", "E404", "E405", "E420"})
            QVERIFY2(covered.contains(QLatin1String(code)), code);
    }

    void windowShowsTheHighlightedExample()
    {
        MainWindow window;
        window.openBundledExample();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        CodeEditor* editor = window.editor();
        QVERIFY(editor->toPlainText().contains(QStringLiteral("mapping \"order-export\" version 2")));
        QCOMPARE(editor->highlighter()->definition().name(), mappingDslDefinition().name());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("order-export.mdsl")));
        QVERIFY(!window.isWindowModified());

        // Highlighting really happened: keyword, string, comment, arrow and path each get
        // a format, and the keyword does not look like the path.
        const QTextDocument* doc = editor->document();
        const auto header = formatsOfLine(doc, QStringLiteral("mapping \"order-export\""));
        const auto* keyword = formatAt(header, 0);
        const auto* string = formatAt(header, 9);
        QVERIFY2(keyword && string, "the header line has no highlighting");
        QVERIFY(keyword->format.foreground() != string->format.foreground());

        const auto comment = formatsOfLine(doc, QStringLiteral("# Order export"));
        QVERIFY(formatAt(comment, 2));
        QVERIFY(formatAt(comment, 2)->format.fontItalic() || formatAt(comment, 2)->format.foreground() != keyword->format.foreground());

        const auto rule = formatsOfLine(doc, QStringLiteral("order.id "));
        const int arrowColumn = int(QStringLiteral("order.id        ").size());
        const auto* target = formatAt(rule, 0);
        const auto* arrow = formatAt(rule, arrowColumn);
        const auto* path = formatAt(rule, arrowColumn + 3);
        QVERIFY2(target && arrow && path, "the rule line is not highlighted");
        QVERIFY(path->format.foreground() != keyword->format.foreground());

        // A screenshot for people to look at.
        const QString dir = QStringLiteral(MDSL_BINARY_DIR "/screenshots");
        QVERIFY(QDir().mkpath(dir));
        const QString png = dir + QStringLiteral("/main-window.png");
        QVERIFY(window.grab().save(png));
        QVERIFY(QFileInfo(png).size() > 10000);

        // Steps read from a name are coloured as a path; the name is coloured as a name.
        editor->moveCursor(QTextCursor::End);
        editor->insertPlainText(QStringLiteral("\nprobe <- limits.max\n"));
        const auto navigation = formatsOfLine(doc, QStringLiteral("probe <- "));
        const auto* step = formatAt(navigation, 15);   // ".max"
        const auto* name = formatAt(navigation, 10);   // "limits"
        QVERIFY2(step && step->format.foreground() == path->format.foreground(), "the steps are not coloured as a path");
        QVERIFY(!name || name->format.foreground() != path->format.foreground());
    }

    void cutCopyPasteFromTheEditMenu()
    {
        MainWindow window;
        window.newDocument();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CodeEditor* editor = window.editor();
        editor->setPlainText(QStringLiteral("a <- 1"));
        editor->setFocus();
        const auto action = [&](QKeySequence::StandardKey key) -> QAction* {
            for (QAction* menu : window.menuBar()->actions())
                for (QAction* item : menu->menu()->actions())
                    if (item->shortcut() == QKeySequence(key))
                        return item;
            return nullptr;
        };
        QAction* cut = action(QKeySequence::Cut);
        QAction* copy = action(QKeySequence::Copy);
        QAction* paste = action(QKeySequence::Paste);
        QVERIFY(cut && copy && paste);
        QCOMPARE(copy->text(), QStringLiteral("&Copy"));
        editor->selectAll();
        copy->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("a <- 1"));
        editor->moveCursor(QTextCursor::End);
        editor->insertPlainText(QStringLiteral("\n"));
        paste->trigger();
        QCOMPARE(editor->toPlainText(), QStringLiteral("a <- 1\na <- 1"));
        editor->selectAll();
        cut->trigger();
        QCOMPARE(editor->toPlainText(), QString());
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("a <- 1\na <- 1"));
    }

    void frenchTranslationIsInstalled()
    {
        // The interface language is a setting: a window opens in the language it names.
        QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("fr"));
        MainWindow window;
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Fichier"));
        QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
        MainWindow english;
        QCOMPARE(english.menuBar()->actions().first()->text(), QStringLiteral("&File"));
    }
};

MDSL_TEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
