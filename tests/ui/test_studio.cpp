// The studio driven as a user drives it: typing a rule and watching its problem come and go,
// editing the sample input and watching both outputs, flipping a flag and watching routing,
// problems and preview follow, importing a flag file, saving, being killed and recovering.

#include "testmain.h"

#include "codeeditor.h"
#include "findbar.h"
#include "jsonview.h"
#include "mainwindow.h"
#include "mappingbackend.h"
#include "previewpanel.h"
#include "problemspanel.h"
#include "recovery.h"
#include "settingsdialog.h"
#include "studioapp.h"
#include "studiotest.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFile>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcess>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <csignal>
#include <cstdio>
#include <cstring>

using namespace studio;
using studiotest::moveCursorTo;
using studiotest::screenshot;
using studiotest::writeFile;

namespace {

bool problemsContain(const MainWindow& window, const QString& fragment)
{
    for (const QString& row : window.problemsPanel()->rowsAsText()) {
        if (row.contains(fragment))
            return true;
    }
    return false;
}

/// The child of saveKillRecover: types into a new mapping, waits for the autosave, then
/// says so and waits to be killed.
int recoveryChild(int argc, char** argv)
{
    QApplication app(argc, argv);
    setupApplication(app, QStringLiteral("en"));
    studiotest::useOwnUserData();   // where the parent test looks for the recovery file
    QSettings().clear();
    MainWindow window;
    window.autoSaver()->setDelay(50);
    window.newDocument();
    window.show();
    window.editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(window.editor(), QStringLiteral("order.note <- \"typed before the crash\""));
    QSignalSpy saved(window.autoSaver(), &AutoSaver::saved);
    if (!saved.wait(5000))
        return 2;
    std::printf("AUTOSAVED\n");
    std::fflush(stdout);
    return QApplication::exec();   // until killed
}

} // namespace

class TestStudio : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    void cleanup()
    {
        installTranslation(QStringLiteral("en"));
        applyTheme(ThemeChoice::Light);
    }

    void typedRuleShowsItsProblemThenTheFixClearsIt()
    {
        MainWindow window;
        window.newDocument();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CodeEditor* editor = window.editor();
        QTRY_COMPARE(window.problemsPanel()->problems().size(), 0);

        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, QStringLiteral("order.name <- uper(.name)"));
        QTRY_VERIFY2(problemsContain(window, QStringLiteral("E202")), qPrintable(window.problemsPanel()->rowsAsText().join('\n')));
        QVERIFY(problemsContain(window, QStringLiteral("unknown function `uper`")));

        // Underlined in place, with the message on hover.
        const int at = int(editor->toPlainText().indexOf(QStringLiteral("uper(")));
        QCOMPARE(editor->underlinedRanges().size(), 1);
        QCOMPARE(editor->underlinedRanges().first().first, at);
        QVERIFY(editor->hoverText(at + 1).contains(QStringLiteral("unknown function")));
        screenshot(&window, QStringLiteral("problems"));

        // Activating the row puts the cursor on the problem.
        QTreeWidget* tree = window.problemsPanel()->tree();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(tree->topLevelItem(0)).center());
        QCOMPARE(editor->textCursor().selectionStart(), at);

        // The fix: type the missing letter.
        QTextCursor cursor = editor->textCursor();
        cursor.setPosition(at + 1);
        editor->setTextCursor(cursor);
        QTest::keyClicks(editor, QStringLiteral("p"));
        QVERIFY(editor->toPlainText().contains(QStringLiteral("upper(.name)")));
        QTRY_COMPARE(window.problemsPanel()->problems().size(), 0);
        QCOMPARE(editor->underlinedRanges().size(), 0);
        // Hover documentation comes from the catalog.
        QVERIFY(editor->hoverText(at + 1).contains(QStringLiteral("upper(")));
    }

    // A target written twice: the warning's row holds where it was first written, in French
    // too; clicking that line selects the first write, and the hover says it as well.
    void relatedLocationsShowUnderTheirProblem()
    {
        MainWindow window;
        StudioSettings s = window.settings();
        s.language = QStringLiteral("fr");
        window.applySettings(s);
        window.newDocument();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CodeEditor* editor = window.editor();
        editor->setPlainText(QStringLiteral("mapping \"m\" version 1\nname <- .a\nname <- .b\n"));
        QTRY_VERIFY2(problemsContain(window, QStringLiteral("W201")), qPrintable(window.problemsPanel()->rowsAsText().join('\n')));
        const QStringList related = window.problemsPanel()->relatedRowsAsText(0);
        QCOMPARE(related, QStringList{QStringLiteral("2:1 première écriture ici")});
        screenshot(&window, QStringLiteral("problems-related-fr"));

        QTreeWidget* tree = window.problemsPanel()->tree();
        QTreeWidgetItem* child = tree->topLevelItem(0)->child(0);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(child).center());
        const int firstWrite = int(editor->toPlainText().indexOf(QStringLiteral("name <- .a")));
        QCOMPARE(editor->textCursor().selectionStart(), firstWrite);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(tree->topLevelItem(0)).center());
        const int secondWrite = int(editor->toPlainText().indexOf(QStringLiteral("name <- .b")));
        QCOMPARE(editor->textCursor().selectionStart(), secondWrite);
        QVERIFY2(editor->hoverText(secondWrite + 1).contains(QStringLiteral("première écriture ici")),
                 qPrintable(editor->hoverText(secondWrite + 1)));
        s.language = QStringLiteral("en");   // the setting outlives the window
        window.applySettings(s);
    }

    void fixOfferedForAProblemRepairsTheText()
    {
        MainWindow window;
        window.newDocument();
        window.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(window.editor(), QStringLiteral("order.name <- \"unclosed"));
        QTRY_VERIFY(problemsContain(window, QStringLiteral("E102")));
        const Problem problem = window.problemsPanel()->problems().first();
        QVERIFY2(!problem.fixes.isEmpty(), "an unterminated string offers to close it");
        QVERIFY(window.applyFix(problem.fixes.first()));
        QVERIFY(window.editor()->toPlainText().contains(QStringLiteral("\"unclosed\"")));
        QTRY_COMPARE(window.problemsPanel()->problems().size(), 0);
    }

    void editingTheInputChangesBothOutputs()
    {
        const std::shared_ptr<MappingBackend> backend = makeEngineBackend();
        MainWindow window(backend);
        QVERIFY(window.openExample(QStringLiteral("customer-v2.mdsl")));
        QVERIFY(window.pinV1To(QStringLiteral(":/examples/customer-v1.mdsl")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PreviewPanel* preview = window.previewPanel();
        QTRY_VERIFY(preview->v1View()->toPlainText().contains(QStringLiteral("\"Paris\"")));
        QTRY_VERIFY(preview->v2View()->toPlainText().contains(QStringLiteral("\"Paris\"")));
        QVERIFY(preview->view().left.statusLine().contains(QStringLiteral("ok")));
        QVERIFY(preview->view().right.statusLine().contains(QStringLiteral("ok")));
        QVERIFY(preview->view().productionLine().contains(QStringLiteral("Production serves V2")));

        // The migration changed two things, and missing is told apart from null.
        const QStringList differences = preview->view().differenceTexts();
        QVERIFY2(differences.size() == 2, qPrintable(differences.join('\n')));
        QVERIFY(differences.contains(QStringLiteral("/customer/phone — V1: null · V2: \"unknown\"")));
        QVERIFY(differences.contains(QStringLiteral("/customer/fax — V1: missing · V2: null")));
        preview->nextDifference();
        QCOMPARE(preview->currentDifference(), 0);
        QVERIFY(!preview->v1View()->markedLines().isEmpty());
        screenshot(&window, QStringLiteral("outputs-differ"));

        // Edit the sample input as a user: the city.
        JsonView* input = preview->inputView();
        QVERIFY(moveCursorTo(input, QStringLiteral("Paris"), false));
        QTextCursor cursor = input->textCursor();
        cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, 5);
        input->setTextCursor(cursor);
        QTest::keyClicks(input, QStringLiteral("Lyon"));
        QTRY_VERIFY(preview->v1View()->toPlainText().contains(QStringLiteral("\"Lyon\"")));
        QTRY_VERIFY(preview->v2View()->toPlainText().contains(QStringLiteral("\"Lyon\"")));

        // Typing in the mapping re-runs it; the pinned original, unchanged, is analysed once:
        // every preview gets the same analysis of it.
        QFile pinnedFile(QStringLiteral(":/examples/customer-v1.mdsl"));
        QVERIFY(pinnedFile.open(QIODevice::ReadOnly));
        const QString pinnedText = QString::fromUtf8(pinnedFile.readAll());
        const mdsl::Analysis pinned = backend->analysis(pinnedText, window.settings().flags);
        for (const QString& line : {QStringLiteral("a <- 1"), QStringLiteral("b <- 2")}) {
            window.editor()->moveCursor(QTextCursor::End);
            QTest::keyClick(window.editor(), Qt::Key_Return);
            QTest::keyClicks(window.editor(), line);
            QTRY_VERIFY(preview->v2View()->toPlainText().contains(QStringLiteral("\"") + line.left(1) + QStringLiteral("\"")));
        }
        QCOMPARE(&backend->analysis(pinnedText, window.settings().flags).text(), &pinned.text());

        // A broken sample says what is wrong and where, and nothing crashes.
        QTest::keyClicks(input, QStringLiteral("\"\"\""));
        QTRY_VERIFY(preview->result().inputError.contains(QStringLiteral("not valid JSON")));
        QVERIFY2(preview->result().inputError.contains(QStringLiteral("line 8")), qPrintable(preview->result().inputError));
    }

    void flippingAFlagMovesRoutingProblemsAndPreview()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-export.mdsl")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PreviewPanel* preview = window.previewPanel();
        QTRY_VERIFY(preview->view().productionLine().contains(QStringLiteral("Production serves V2")));
        QTRY_COMPARE(window.problemsPanel()->problems().size(), 0);

        SettingsDialog* dialog = window.showSettings();
        QTableWidget* routing = dialog->routingTable();
        QCOMPARE(routing->item(0, 0)->text(), QStringLiteral("/api/v1/mappings/validate"));
        QCOMPARE(routing->item(0, 1)->text(), QStringLiteral("V2, V1 as fallback"));
        QCOMPARE(routing->item(3, 1)->text(), QStringLiteral("V1 only"));

        // JSONPath off: the query in the mapping is an error naming the flag.
        dialog->flagBox(mdsl::Flag::V2JsonPath)->click();
        QTRY_VERIFY2(problemsContain(window, QStringLiteral("mapping_dsl_v2_jsonpath")),
                     qPrintable(window.problemsPanel()->rowsAsText().join('\n')));
        // V2 fails, so production falls back to V1 (which refuses a version 2 document).
        QTRY_VERIFY(preview->view().productionLine().contains(QStringLiteral("V1 by fallback")));

        // V2 off entirely: every routed endpoint answers with V1.
        dialog->flagBox(mdsl::Flag::V2Enabled)->click();
        QCOMPARE(routing->item(0, 1)->text(), QStringLiteral("V1 (V2 disabled)"));
        QCOMPARE(routing->item(2, 1)->text(), QStringLiteral("V1 (V2 disabled)"));
        QTRY_VERIFY(preview->view().productionLine().contains(QStringLiteral("Production serves V1")));
        QVERIFY(!window.settings().flags.get(mdsl::Flag::V2Enabled));
        screenshot(dialog, QStringLiteral("settings-flags"));

        // Cancel puts everything back.
        dialog->reject();
        QVERIFY(window.settings().flags == mdsl::Flags());
        QTRY_COMPARE(window.problemsPanel()->problems().size(), 0);
        QTRY_VERIFY(preview->view().productionLine().contains(QStringLiteral("Production serves V2")));

        // A profile is one click: the deployment plan's rollback.
        dialog = window.showSettings();
        const int rollback = dialog->profileBox()->findText(QStringLiteral("Rollback: V2 off"));
        QVERIFY(rollback >= 0);
        dialog->profileBox()->setCurrentIndex(rollback);
        emit dialog->profileBox()->activated(rollback);
        QVERIFY(!dialog->flagBox(mdsl::Flag::V2Enabled)->isChecked());
        QVERIFY(!window.settings().flags.get(mdsl::Flag::V2NewOps));
        dialog->reject();
    }

    void importingAFlagFile()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-export.mdsl")));
        const QString good = writeFile(dir, QStringLiteral("flags.yaml"),
                                       "# production, after the rollback\n"
                                       "mapping_dsl_v2_enabled: false\n"
                                       "mapping_dsl_v2_default: true\n"
                                       "mapping_dsl_v1_fallback: true\n"
                                       "mapping_dsl_v2_containers: true\n"
                                       "mapping_dsl_v2_jsonpath: true\n"
                                       "mapping_dsl_v2_array_ops: true\n"
                                       "mapping_dsl_v2_new_ops: true\n"
                                       "mapping_dsl_v3_enabled: true\n");
        QVERIFY(window.importFlagFile(good));
        QVERIFY(!window.settings().flags.get(mdsl::Flag::V2Enabled));
        QTRY_VERIFY(window.previewPanel()->view().productionLine().contains(QStringLiteral("Production serves V1")));

        // A hostile file changes nothing and says why, with the line.
        SettingsDialog* dialog = window.showSettings();
        const QString bad = writeFile(dir, QStringLiteral("bad.yaml"), "mapping_dsl_v2_enabled: [maybe\n\t- {{{\n");
        QVERIFY(!dialog->importFlags(bad));
        QVERIFY(dialog->importMessages().contains(QStringLiteral("not imported")));
        QVERIFY(!window.settings().flags.get(mdsl::Flag::V2Enabled));
        const QString wrongType = writeFile(dir, QStringLiteral("wrong.yaml"), "mapping_dsl_v2_enabled: sometimes\n");
        QVERIFY(!dialog->importFlags(wrongType));
        QVERIFY2(dialog->importMessages().contains(QStringLiteral("line 1: the flag `mapping_dsl_v2_enabled` must be true or false")),
                 qPrintable(dialog->importMessages()));

        // Export writes production's file, which reads back the same.
        const QString exported = dir.filePath(QStringLiteral("out.yaml"));
        QVERIFY(dialog->exportFlags(exported));
        const FlagFileResult back = readFlagFile(exported);
        QVERIFY(back.ok);
        QVERIFY(back.flags == window.settings().flags);
        dialog->reject();
        // Restore the production flags for the next tests.
        StudioSettings defaults = window.settings();
        defaults.flags = mdsl::Flags();
        window.applySettings(defaults);
    }

    void saveKillRecover()
    {
        // Save: atomic, title follows, recent files remember it.
        QTemporaryDir dir;
        {
            MainWindow window;
            window.newDocument();
            window.editor()->moveCursor(QTextCursor::End);
            QTest::keyClicks(window.editor(), QStringLiteral("order.id <- .id"));
            QVERIFY(window.isWindowModified());
            const QString path = dir.filePath(QStringLiteral("saved.mdsl"));
            QVERIFY(window.saveAs(path));
            QVERIFY(!window.isWindowModified());
            QVERIFY(window.windowTitle().startsWith(QStringLiteral("saved.mdsl")));
            QFile saved(path);
            QVERIFY(saved.open(QIODevice::ReadOnly));
            QCOMPARE(QString::fromUtf8(saved.readAll()), window.editor()->toPlainText());
            QCOMPARE(window.recentFiles().value(0), QFileInfo(path).absoluteFilePath());
            // An unwritable target fails with a message box, never a lost edit: not driven
            // here (modal); the file stays as it was.
        }

        // Kill: a studio with unsaved text is killed (SIGKILL) after its autosave.
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--recovery-child")});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine() || child.state() != QProcess::Running, 20000);
        QCOMPARE(child.readLine().trimmed(), QByteArray("AUTOSAVED"));
        child.kill();
        QVERIFY(child.waitForFinished());

        // Recover: the next studio offers the text back.
        MainWindow window;
        QVERIFY(window.recoveryBar()->isVisibleTo(&window));
        window.show();
        screenshot(&window, QStringLiteral("recovery"));
        window.restoreRecovered();
        QVERIFY(window.editor()->toPlainText().contains(QStringLiteral("order.note <- \"typed before the crash\"")));
        QVERIFY(window.isWindowModified());
        QVERIFY(!window.recoveryBar()->isVisibleTo(&window));
        QVERIFY(AutoSaver::orphans().isEmpty());
        window.editor()->document()->setModified(false);
    }

    void editorFeatures()
    {
        MainWindow window;
        window.newDocument();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CodeEditor* editor = window.editor();
        editor->moveCursor(QTextCursor::End);

        // Auto-indent inside a block, and the closing brace goes back a level.
        QTest::keyClicks(editor, QStringLiteral("order {"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("id <- .id"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("}"));
        QVERIFY2(editor->toPlainText().endsWith(QStringLiteral("order {\n  id <- .id\n}")), qPrintable(editor->toPlainText()));

        // Completion offers catalog functions with their signature.
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("x <- upp"));
        QTRY_VERIFY(editor->completer()->popup()->isVisible());
        QCOMPARE(editor->completer()->currentCompletion(), QStringLiteral("upper"));
        QTest::keyClick(editor->completer()->popup(), Qt::Key_Return);
        QVERIFY2(editor->toPlainText().endsWith(QStringLiteral("x <- upper(")), qPrintable(editor->toPlainText()));
        QTest::keyClicks(editor, QStringLiteral(".id)"));

        // Toggle comment on the current line, and back.
        editor->toggleComment();
        QVERIFY(editor->toPlainText().endsWith(QStringLiteral("# x <- upper(.id)")));
        editor->toggleComment();
        QVERIFY(editor->toPlainText().endsWith(QStringLiteral("\nx <- upper(.id)")));

        // Format document aligns the block and keeps the meaning.
        QVERIFY(window.formatDocument());
        QVERIFY(editor->toPlainText().endsWith(QLatin1Char('\n')));

        // Find and replace.
        window.findBar()->showReplace();
        window.findBar()->findField()->setText(QStringLiteral(".id"));
        const int count = int(editor->toPlainText().count(QStringLiteral(".id")));
        QVERIFY(count >= 3);
        QCOMPARE(window.findBar()->matches().size(), count);
        window.findBar()->replaceField()->setText(QStringLiteral(".key"));
        QCOMPARE(window.findBar()->replaceAll(), count);
        QVERIFY(!editor->toPlainText().contains(QStringLiteral(".id")));

        // Go to line.
        editor->goToLine(2);
        QCOMPARE(editor->textCursor().blockNumber(), 1);
        editor->document()->setModified(false);
    }

    void completionKnowsNamesAndWhatTheyHold()
    {
        // The names come from the engine's analysis of the text: the element named by
        // `each … as o` inside its block, a let's keys, a table's rows; after `o.` the fields of
        // that element in the sample input.
        MainWindow window;
        window.newDocument();
        window.editor()->setPlainText(QStringLiteral(
            "mapping \"c\" version 2\nlet limits = {\"max\": 3, \"min\": 1}\ntable codes = {\"FR\": \"France\"}\n"
            "out[] <- each .orders as o {\n  lines[] <- each .lines {\n    x <- 1\n  }\n}\nafter <- 1\n"));
        window.previewPanel()->setInputText(
            QStringLiteral(R"({"orders": [{"id": 1, "customer": {"full name": "a"}, "lines": [{"sku": "s"}]}]})"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CodeEditor* editor = window.editor();
        QTRY_VERIFY(window.previewPanel()->v2View()->toPlainText().contains(QStringLiteral("\"out\"")));
        const auto completionsAfter = [&](const QString& marker, const QString& typed) {
            QTextCursor cursor = editor->document()->find(marker);
            cursor.clearSelection();
            editor->setTextCursor(cursor);
            editor->insertPlainText(typed);
            QCoreApplication::processEvents();
            editor->complete();
            QStringList out;
            QAbstractItemModel* model = editor->completer()->completionModel();
            for (int row = 0; row < model->rowCount(); ++row)
                out << model->index(row, 0).data().toString();
            editor->completer()->popup()->hide();
            for (qsizetype i = 0; i < typed.size(); ++i)
                editor->textCursor().deletePreviousChar();
            return out;
        };
        // Wait for the analysis of this text (the problems of a new version arrive with it).
        QTRY_VERIFY(completionsAfter(QStringLiteral("x <- "), QStringLiteral("o")).contains(QStringLiteral("o")));
        const QStringList inner = completionsAfter(QStringLiteral("x <- "), QStringLiteral("o."));
        QVERIFY2(inner.contains(QStringLiteral("o.id")), qPrintable(inner.join(' ')));
        QVERIFY2(inner.contains(QStringLiteral("o.customer.\"full name\"")), qPrintable(inner.join(' ')));
        QVERIFY2(inner.contains(QStringLiteral("o.lines[0].sku")), qPrintable(inner.join(' ')));
        const QStringList keys = completionsAfter(QStringLiteral("x <- "), QStringLiteral("limits."));
        QCOMPARE(keys, QStringList({QStringLiteral("limits.max"), QStringLiteral("limits.min")}));
        QCOMPARE(completionsAfter(QStringLiteral("x <- "), QStringLiteral("codes.")), QStringList{QStringLiteral("codes.FR")});
        // Outside the block the element has no name.
        QVERIFY(!completionsAfter(QStringLiteral("after <- "), QStringLiteral("o")).contains(QStringLiteral("o")));
        QVERIFY(completionsAfter(QStringLiteral("after <- "), QStringLiteral("li")).contains(QStringLiteral("limits")));
        // Hovering a name says what it holds.
        const int inBlock = int(editor->toPlainText().indexOf(QStringLiteral("x <- 1")));
        QCOMPARE(editor->nameDoc(QStringLiteral("o"), inBlock),
                 QStringLiteral("<p><b>o</b>: the element of an array block</p><p>reads $.orders[*] · defined on line 4</p>"));
        QVERIFY(editor->nameDoc(QStringLiteral("limits"), inBlock).contains(QStringLiteral("keys: max, min")));
        QVERIFY(editor->nameDoc(QStringLiteral("o"), int(editor->toPlainText().indexOf(QStringLiteral("after")))).isEmpty());
    }

    void typingBackToTheSavedTextIsNotAModification()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-export.mdsl")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.isWindowModified());
        CodeEditor* editor = window.editor();
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, QStringLiteral("x"));
        QVERIFY(window.isWindowModified());
        QTest::keyClick(editor, Qt::Key_Backspace);
        QVERIFY(!window.isWindowModified());
        // A real change stays one until saved.
        QTest::keyClicks(editor, QStringLiteral("y"));
        QTest::keyClicks(editor, QStringLiteral("z"));
        QTest::keyClick(editor, Qt::Key_Backspace);
        QVERIFY(window.isWindowModified());
    }

    void newDocumentVersionFollowsTheDefaultFlag()
    {
        MainWindow window;
        window.newDocument();
        QVERIFY(window.editor()->toPlainText().startsWith(QStringLiteral("mapping \"untitled\" version 2")));
        StudioSettings s = window.settings();
        s.flags.set(mdsl::Flag::V2Default, false);
        window.applySettings(s);
        window.newDocument();
        QVERIFY(window.editor()->toPlainText().startsWith(QStringLiteral("mapping \"untitled\" version 1")));
        s.flags = mdsl::Flags();
        window.applySettings(s);
    }

    void languageSwitchesAtRunTimeAndDiagnosticsAreTranslated()
    {
        MainWindow window;
        window.newDocument();
        window.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(window.editor(), QStringLiteral("order.name <- uper(.name)"));
        QTRY_VERIFY(problemsContain(window, QStringLiteral("unknown function `uper`")));

        StudioSettings s = window.settings();
        s.language = QStringLiteral("fr");
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/mapping-studio_fr.qm")));
        window.applySettings(s);
        QTRY_COMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Fichier"));
        QTRY_VERIFY2(problemsContain(window, QStringLiteral("fonction inconnue `uper`")),
                 qPrintable(window.problemsPanel()->rowsAsText().join('\n')));
        // The preview's own messages follow too, the one on screen included (worded when shown).
        QTRY_VERIFY2(window.previewPanel()->view().inputError.startsWith(QStringLiteral("Pas encore d’entrée d’exemple")),
                     qPrintable(window.previewPanel()->view().inputError));
        // A problem's fix, translated by the engine's wording id.
        QTreeWidget* tree = window.problemsPanel()->tree();
        tree->setCurrentItem(tree->topLevelItem(0));
        QCOMPARE(window.problemsPanel()->fixButtonText(), QStringLiteral("Corriger\u00a0: vouliez-vous dire `upper`\u00a0?"));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        screenshot(&window, QStringLiteral("main-fr"));

        s.language = QStringLiteral("en");
        window.applySettings(s);
        QTRY_COMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
        QTRY_VERIFY(problemsContain(window, QStringLiteral("unknown function `uper`")));
        window.editor()->document()->setModified(false);
    }

    void screenshotsOfTheMainStates()
    {
        for (const ThemeChoice theme : {ThemeChoice::Light, ThemeChoice::Dark}) {
            MainWindow window;
            StudioSettings s = window.settings();
            s.theme = theme;
            window.applySettings(s);
            QVERIFY(window.openExample(QStringLiteral("customer-v2.mdsl")));
            QVERIFY(window.pinV1To(QStringLiteral(":/examples/customer-v1.mdsl")));
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTRY_COMPARE(window.previewPanel()->differenceCount(), 2);
            window.previewPanel()->nextDifference();
            const bool dark = theme == ThemeChoice::Dark;
            QCOMPARE(window.editor()->palette().color(QPalette::Base).lightness() < 128, dark);
            const QString png = screenshot(&window, dark ? QStringLiteral("main-dark") : QStringLiteral("main-light"));
            QVERIFY(QFileInfo(png).size() > 20000);
            s.theme = ThemeChoice::FollowDesktop;
            window.applySettings(s);
        }
    }
};

MDSL_TEST_MAIN(TestStudio)
[[maybe_unused]] static const bool recoveryChildRegistered =
    mdsl::test::registerCommand(__FILE__, "--recovery-child", recoveryChild);

#include "test_studio.moc"
