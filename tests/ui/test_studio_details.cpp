// The studio's details, each as a user meets it: signature help while a call is typed and a
// completion list that says what each name is; long problems that wrap and one-character
// underlines that answer the mouse; a broken sample input that says why; file dialogs that open
// where the document is; Format Document keeping the cursor on its token; a disabled Fix button
// that looks disabled; a settings dialog that keeps its size; no French left after switching
// back to English.

#include "testmain.h"

#include "codeeditor.h"
#include "debuggercontroller.h"
#include "debuggerpanel.h"
#include "mainwindow.h"
#include "mappingbackend.h"
#include "previewpanel.h"
#include "problemspanel.h"
#include "settingsdialog.h"
#include "signaturehelp.h"
#include "studioapp.h"
#include "studiotest.h"
#include "visualmappingpanel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDockWidget>
#include <QFileDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

using namespace studio;
using studiotest::moveCursorTo;
using studiotest::screenshot;
using studiotest::writeFile;

namespace {

/// The completion list's rows as "name | detail", for the rows whose name is in `names`.
QMap<QString, QString> completionDetails(CodeEditor* editor)
{
    QMap<QString, QString> out;
    QAbstractItemModel* model = editor->completer()->completionModel();
    for (int row = 0; row < model->rowCount(); ++row)
        out.insert(model->index(row, 0).data().toString(), model->index(row, 1).data().toString());
    return out;
}

/// Every text the window shows or can show (hidden tabs included): labels, buttons, actions
/// and menus, tab titles, tree headers and rows, placeholders, combo items, dock titles.
QStringList shownTexts(QWidget* window)
{
    QStringList texts;
    const auto add = [&texts](const QString& where, const QString& text) {
        if (!text.trimmed().isEmpty())
            texts << where + QStringLiteral(": ") + text;
    };
    QList<QWidget*> widgets = window->findChildren<QWidget*>();
    widgets.prepend(window);
    for (QWidget* w : widgets) {
        const QString name = QString::fromLatin1(w->metaObject()->className());
        add(name + QStringLiteral(" title"), w->windowTitle());
        add(name + QStringLiteral(" tooltip"), w->toolTip());
        if (auto* label = qobject_cast<QLabel*>(w))
            add(name, label->text());
        if (auto* button = qobject_cast<QAbstractButton*>(w))
            add(name, button->text());
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            add(name + QStringLiteral(" placeholder"), edit->placeholderText());
        if (auto* box = qobject_cast<QGroupBox*>(w))
            add(name, box->title());
        if (auto* combo = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < combo->count(); ++i)
                add(name + QStringLiteral(" item"), combo->itemText(i));
        if (auto* tabs = qobject_cast<QTabWidget*>(w))
            for (int i = 0; i < tabs->count(); ++i)
                add(name + QStringLiteral(" tab"), tabs->tabText(i));
        if (auto* tree = qobject_cast<QTreeWidget*>(w)) {
            for (int c = 0; c < tree->columnCount(); ++c)
                add(name + QStringLiteral(" header"), tree->headerItem()->text(c));
            int rows = 0;
            for (QTreeWidgetItemIterator it(tree); *it && rows < 300; ++it, ++rows)
                for (int c = 0; c < tree->columnCount(); ++c) {
                    add(name + QStringLiteral(" row"), (*it)->text(c));
                    add(name + QStringLiteral(" row tooltip"), (*it)->toolTip(c));
                }
        }
        for (QAction* action : w->actions()) {
            add(QStringLiteral("action"), action->text());
            add(QStringLiteral("action tooltip"), action->toolTip());
        }
    }
    texts.sort();
    texts.removeDuplicates();
    return texts;
}

/// The darkest lightness (0-255) in a widget as drawn: how dark its text is.
int darkestLightness(QWidget* widget)
{
    const QImage image = widget->grab().toImage();
    int darkest = 255;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            darkest = qMin(darkest, QColor(image.pixel(x, y)).lightness());
    return darkest;
}

/// Answers the next file dialog from inside its modal loop: notes the folder it opened in,
/// then chooses `choose` (or cancels when empty).
void answerNextFileDialog(QString* folder, const QString& choose = QString())
{
    QTimer::singleShot(0, qApp, [folder, choose] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (!dialog) {
            answerNextFileDialog(folder, choose);   // not open yet
            return;
        }
        *folder = dialog->directory().absolutePath();
        if (choose.isEmpty()) {
            dialog->reject();
            return;
        }
        dialog->selectFile(choose);
        QMetaObject::invokeMethod(dialog, "accept");   // as the Open button does
    });
}

} // namespace

class TestStudioDetails : public QObject {
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

    void signatureHelpFollowsTheCall()
    {
        MainWindow window;
        window.newDocument();
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CodeEditor* editor = window.editor();
        SignatureHelp* help = editor->signatureHelp();
        editor->moveCursor(QTextCursor::End);

        // The completion list says what a function takes, gives and does.
        QTest::keyClicks(editor, QStringLiteral("x <- rou"));
        QTRY_VERIFY(editor->completer()->popup()->isVisible());
        QCOMPARE(editor->completer()->currentCompletion(), QStringLiteral("round"));
        const QString detail = completionDetails(editor).value(QStringLiteral("round"));
        QVERIFY2(detail.startsWith(QStringLiteral("(x: number, digits?: integer) -> number — ")), qPrintable(detail));
        QVERIFY2(detail.size() > 50, qPrintable(detail));   // the catalog's summary follows
        screenshot(editor->completer()->popup(), QStringLiteral("completion-details"));

        // Accepting it opens the call and shows its signature, the first parameter marked.
        QTest::keyClick(editor->completer()->popup(), Qt::Key_Return);
        QVERIFY2(editor->toPlainText().endsWith(QStringLiteral("x <- round(")), qPrintable(editor->toPlainText()));
        QVERIFY(help->isVisible());
        QCOMPARE(help->activeParameter(), QStringLiteral("x: number"));
        QVERIFY(help->text().contains(QStringLiteral("<b><u>x: number</u></b>")));

        // It stays while the argument is typed, and after ", " marks the next parameter.
        QTest::keyClicks(editor, QStringLiteral(".price"));
        QVERIFY(help->isVisible());
        QTest::keyClicks(editor, QStringLiteral(", "));
        QVERIFY(help->isVisible());
        QCOMPARE(help->activeParameter(), QStringLiteral("digits?: integer"));
        QTest::keyClicks(editor, QStringLiteral("2"));
        QVERIFY(help->isVisible());
        QCOMPARE(help->activeParameter(), QStringLiteral("digits?: integer"));
        // Above the line typed, inside the editor.
        QVERIFY(help->geometry().bottom() <= editor->cursorRect().top() + editor->viewport()->y());
        screenshot(&window, QStringLiteral("signature-help"));

        // The closing parenthesis ends the call: the help goes.
        QTest::keyClicks(editor, QStringLiteral(")"));
        QVERIFY(!help->isVisible());

        // Commas inside a string or an array are not the call's; a nested call shows its own.
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("y <- replace(\"a, b\", "));
        QCOMPARE(help->activeParameter(), QStringLiteral("search: string"));
        QTest::keyClicks(editor, QStringLiteral("upper(["));
        QTest::keyClicks(editor, QStringLiteral("1, 2"));
        QVERIFY(help->text().contains(QStringLiteral("upper(")));
        QCOMPARE(help->activeParameter(), QStringLiteral("text: string"));
        QTest::keyClicks(editor, QStringLiteral("]), "));
        QCOMPARE(help->activeParameter(), QStringLiteral("replacement: string"));
        // Escape puts it away.
        QTest::keyClick(editor, Qt::Key_Escape);
        QVERIFY(!help->isVisible());
        editor->document()->setModified(false);
    }

    void completionSaysWhatEachNameHolds()
    {
        MainWindow window;
        window.newDocument();
        window.editor()->setPlainText(QStringLiteral(
            "mapping \"c\" version 2\nlet limits = {\"max\": 3, \"min\": 1}\ntable codes = {\"FR\": \"France\"}\n"
            "out[] <- each .orders as order {\n  x <- 1\n}\n"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CodeEditor* editor = window.editor();
        QVERIFY(moveCursorTo(editor, QStringLiteral("x <- ")));
        // The names come with the analysis of this text.
        QMap<QString, QString> details;
        QTRY_VERIFY((editor->complete(), details = completionDetails(editor), details.contains(QStringLiteral("order"))));
        QCOMPARE(details.value(QStringLiteral("limits")), QStringLiteral("defined by let · keys: max, min"));
        QCOMPARE(details.value(QStringLiteral("codes")), QStringLiteral("table · keys: FR"));
        QVERIFY2(details.value(QStringLiteral("order")).startsWith(QStringLiteral("element of an array block · reads ")),
                 qPrintable(details.value(QStringLiteral("order"))));
        QVERIFY2(details.value(QStringLiteral("order")).contains(QStringLiteral("orders")),
                 qPrintable(details.value(QStringLiteral("order"))));
        QCOMPARE(details.value(QStringLiteral("each")), QStringLiteral("keyword"));
        QVERIFY(details.value(QStringLiteral("upper")).startsWith(QStringLiteral("(text: string) -> string — ")));
        editor->completer()->popup()->hide();
        editor->document()->setModified(false);
    }

    void longProblemsWrapInTheTable()
    {
        // A problem whose message is longer than its column: every word of it shows.
        ProblemsPanel panel;
        const QString text = QStringLiteral("mapping \"m\" version 2\nx <- $.items[?]\n");
        const ProblemsResult result = makeEngineBackend()->validate(text, mdsl::Flags());
        QVERIFY(!result.problems.isEmpty());
        QList<Problem> problems = result.problems;
        panel.setProblems(problems);
        panel.resize(520, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTreeWidget* tree = panel.tree();
        QTreeWidgetItem* item = tree->topLevelItem(0);
        const QString message = item->text(2);
        const int column = tree->header()->sectionSize(2);
        const QFontMetrics metrics = tree->fontMetrics();
        QVERIFY2(metrics.horizontalAdvance(message) > column, qPrintable(message));   // longer than its column
        const QRect needed = metrics.boundingRect(QRect(0, 0, column - 8, 0), Qt::TextWordWrap, message);
        QTRY_VERIFY2(tree->visualItemRect(item).height() >= needed.height(),
                     qPrintable(QStringLiteral("%1 < %2").arg(tree->visualItemRect(item).height()).arg(needed.height())));
        QVERIFY(tree->visualItemRect(item).height() >= 2 * metrics.lineSpacing());
        QCOMPARE(item->toolTip(2), message);
        screenshot(&panel, QStringLiteral("problems-wrapping"));

        // Wider, the row gets shorter again.
        const int tall = tree->visualItemRect(item).height();
        panel.resize(1400, 300);
        QTRY_VERIFY(tree->visualItemRect(item).height() < tall);
    }

    void aOneCharacterUnderlineAnswersTheMouse()
    {
        MainWindow window;
        window.newDocument();
        window.resize(1000, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CodeEditor* editor = window.editor();
        editor->setPlainText(QStringLiteral("mapping \"m\" version 1\nx <- upper(.a\n"));   // the '(' is not closed
        QTRY_VERIFY(!editor->underlinedRanges().isEmpty());
        const auto [start, end] = editor->underlinedRanges().first();
        QCOMPARE(end - start, 1);
        const QString message = window.problemsPanel()->problems().first().message();
        // Just right of the character, and just left of it: the message shows.
        QTextCursor cursor(editor->document());
        cursor.setPosition(start);
        const QRect at = editor->cursorRect(cursor);
        const int width = editor->fontMetrics().horizontalAdvance(QLatin1Char('('));
        for (const int x : {at.left() + width + width / 2 + 1, at.left() - width / 2 - 1, at.left() + width / 2}) {
            QToolTip::hideText();
            const QPoint point(x, at.center().y());
            QHelpEvent help(QEvent::ToolTip, point, editor->viewport()->mapToGlobal(point));
            QApplication::sendEvent(editor->viewport(), &help);
            QTRY_VERIFY2(QToolTip::isVisible() && QToolTip::text().contains(message.toHtmlEscaped()),
                         qPrintable(QStringLiteral("x=%1: %2").arg(x).arg(QToolTip::text())));
        }
        for (QWidget* tip : QApplication::topLevelWidgets())
            if (tip->inherits("QTipLabel") && tip->isVisible())
                screenshot(tip, QStringLiteral("hover-one-character"));
        QToolTip::hideText();
        editor->document()->setModified(false);
    }

    void aBrokenSampleInputSaysWhy()
    {
        MainWindow window;
        window.newDocument();
        PreviewPanel* preview = window.previewPanel();
        preview->setInputText(QStringLiteral("{\"a\": 1,\n \"b\": tru }"));
        QTRY_COMPARE(preview->view().inputError,
                     QStringLiteral("The sample input is not valid JSON (line 2, column 10): not a value: a value is "
                                    "true, false, null, a number, a string, an object or an array, at 'tru'."));
        preview->setInputText(QStringLiteral("{\"a\": 1 \"b\": 2}"));
        QTRY_COMPARE(preview->view().inputError,
                     QStringLiteral("The sample input is not valid JSON (line 1, column 11): a string where '}' was expected."));
        preview->setInputText(QStringLiteral("{\"name\": \"Ada"));
        QTRY_COMPARE(preview->view().inputError,
                     QStringLiteral("The sample input is not valid JSON (line 1, column 14): a string has no closing "
                                    "quote, at '\"Ada'."));
        preview->setInputText(QStringLiteral("{\"n\": 1e999}"));
        QTRY_COMPARE(preview->view().inputError, QStringLiteral("The sample input is not valid JSON: the number 1e999 is too large."));
        // In French too, worded when shown.
        StudioSettings s = window.settings();
        s.language = QStringLiteral("fr");
        window.applySettings(s);
        QTRY_COMPARE(preview->view().inputError,
                     QStringLiteral("L’entrée d’exemple n’est pas du JSON valide\u00a0: le nombre 1e999 est trop grand."));
        s.language = QStringLiteral("en");
        window.applySettings(s);
        window.editor()->document()->setModified(false);
    }

    void fileDialogsStartWhereTheDocumentIs()
    {
        QTemporaryDir dir;
        QTemporaryDir other;
        const QString mapping = writeFile(dir, QStringLiteral("orders.mdsl"), "mapping \"o\" version 1\nid <- .id\n");
        const QString input = writeFile(other, QStringLiteral("sample.json"), "{\"id\": 7}");
        MainWindow window;
        QVERIFY(window.openFile(mapping));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto action = [&window](const QString& text) {
            for (QAction* a : window.findChildren<QAction*>())
                if (a->text() == text)
                    return a;
            return static_cast<QAction*>(nullptr);
        };
        QVERIFY(action(QStringLiteral("&Open…")) && action(QStringLiteral("Load Sample &Input…")));

        // The open document's folder, for opening and for its sample input.
        QString folder;
        answerNextFileDialog(&folder);
        action(QStringLiteral("&Open…"))->trigger();
        QCOMPARE(folder, QDir(dir.path()).absolutePath());
        answerNextFileDialog(&folder, input);
        action(QStringLiteral("Load Sample &Input…"))->trigger();
        QCOMPARE(folder, QDir(dir.path()).absolutePath());
        QTRY_VERIFY(window.previewPanel()->inputText().contains(QStringLiteral("\"id\": 7")));

        // An untitled document: the folder last chosen, remembered across windows.
        window.newDocument();
        answerNextFileDialog(&folder);
        action(QStringLiteral("&Open…"))->trigger();
        QCOMPARE(folder, QDir(other.path()).absolutePath());
        MainWindow second;
        second.newDocument();
        answerNextFileDialog(&folder);
        SettingsDialog::chooseImportFile(&second);
        QCOMPARE(folder, QDir(other.path()).absolutePath());
        QVERIFY(folder != QDir::currentPath());
    }

    void formatDocumentKeepsTheCursorOnItsToken()
    {
        MainWindow window;
        window.newDocument();
        CodeEditor* editor = window.editor();
        const QString messy = QStringLiteral("mapping \"m\" version 1\norder   {\nid<-   .id\n      name <- upper( .name )\n}\n");
        editor->setPlainText(messy);
        QVERIFY(moveCursorTo(editor, QStringLiteral("name <- up")));
        QVERIFY(window.formatDocument());
        const QString formatted = editor->toPlainText();
        QVERIFY(formatted != messy);
        const int position = editor->textCursor().position();
        QVERIFY2(formatted.mid(position - 2, 5) == QStringLiteral("upper"),
                 qPrintable(formatted.left(position) + QLatin1Char('|') + formatted.mid(position)));
        // A cursor in the blanks before a token lands on that token.
        editor->setPlainText(messy);
        QVERIFY(moveCursorTo(editor, QStringLiteral("      name"), false));
        QVERIFY(window.formatDocument());
        QCOMPARE(editor->toPlainText().mid(editor->textCursor().position(), 4), QStringLiteral("name"));
        // One undo step brings the text back as it was.
        editor->undo();
        QCOMPARE(editor->toPlainText(), messy);
        editor->document()->setModified(false);
    }

    void aDisabledFixButtonLooksDisabledInTheLightTheme()
    {
        MainWindow window;
        StudioSettings s = window.settings();
        s.theme = ThemeChoice::Light;
        window.applySettings(s);
        window.newDocument();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QToolButton* fix = nullptr;
        for (QToolButton* button : window.problemsPanel()->findChildren<QToolButton*>())
            if (button->text() == QStringLiteral("Fix"))
                fix = button;
        QVERIFY(fix);
        QVERIFY(!fix->isEnabled());
        const int disabled = darkestLightness(fix);
        fix->setEnabled(true);
        const int enabled = darkestLightness(fix);
        fix->setEnabled(false);
        // The disabled text is clearly lighter than the enabled one.
        QVERIFY2(disabled - enabled >= 90, qPrintable(QStringLiteral("disabled %1, enabled %2").arg(disabled).arg(enabled)));
        s.theme = ThemeChoice::FollowDesktop;
        window.applySettings(s);
    }

    void settingsDialogKeepsItsSizeWhenImportsSpeak()
    {
        QTemporaryDir dir;
        MainWindow window;
        SettingsDialog* dialog = window.showSettings();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QSize size = dialog->size();
        QByteArray bad = "mapping_dsl_v2_enabled: sometimes\n";
        for (int i = 0; i < 30; ++i)
            bad += "mapping_dsl_unknown_flag_number_" + QByteArray::number(i) + ": perhaps\n";
        const QString path = writeFile(dir, QStringLiteral("a-rather-long-file-name-for-a-flag-file-that-goes-on-and-on.yaml"), bad);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(!dialog->importFlags(path));
            QCoreApplication::processEvents();
            QCOMPARE(dialog->size(), size);
        }
        QVERIFY(dialog->importMessages().contains(QStringLiteral("not imported")));
        screenshot(dialog, QStringLiteral("settings-import-messages"));
        dialog->reject();
    }

    void switchingBackFromFrenchLeavesNoFrench()
    {
        MainWindow window;
        window.resize(1280, 800);
        QVERIFY(window.openExample(QStringLiteral("order-export.mdsl")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.previewPanel()->view().inputError.isEmpty());
        DebuggerPanel* debugger = window.debuggerPanel();
        VisualMappingPanel* visual = window.visualMappingPanel();
        window.recordDebugRun(false);
        QTRY_VERIFY(debugger->debugger()->state().recorded);
        // Every tab seen once, in English.
        for (int i = 0; i < window.sideTabs()->count(); ++i)
            window.sideTabs()->setCurrentIndex(i);
        QTRY_VERIFY(visual->targetTree()->topLevelItemCount() > 0);
        window.sideTabs()->setCurrentWidget(debugger);
        const QStringList before = shownTexts(&window);

        StudioSettings s = window.settings();
        s.language = QStringLiteral("fr");
        window.applySettings(s);
        QTRY_COMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Fichier"));
        // Edited in French: the recording is stale, and says so in French.
        window.editor()->moveCursor(QTextCursor::End);
        QTest::keyClick(window.editor(), Qt::Key_Return);
        QTest::keyClicks(window.editor(), QStringLiteral("extra <- 1"));
        QTRY_VERIFY(debugger->debugger()->state().stale);
        QVERIFY(debugger->debugger()->state().message.startsWith(QStringLiteral("Le mapping ou son entrée")));
        // The visual mapping seen in French, then hidden behind the debugger.
        window.sideTabs()->setCurrentWidget(visual);
        QTRY_COMPARE(visual->targetTree()->topLevelItem(0)->text(0), QStringLiteral("Sortie"));
        window.sideTabs()->setCurrentWidget(debugger);
        const QStringList french = shownTexts(&window);
        QVERIFY(french != before);

        s.language = QStringLiteral("en");
        window.applySettings(s);
        QTRY_COMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
        QTRY_VERIFY2(debugger->debugger()->state().message.startsWith(QStringLiteral("The mapping or its sample input changed since")),
                     qPrintable(debugger->debugger()->state().message));
        QTRY_VERIFY(debugger->messageLabel()->text().startsWith(QStringLiteral("The mapping or its sample input changed since")));
        // The hidden visual mapping's root too, before it is shown again.
        QCOMPARE(visual->targetTree()->topLevelItem(0)->text(0), QStringLiteral("Output"));
        // Then every tab as the user looks at them: no text worded in French stays. (A text
        // that was there in French and is still there, that English did not show before, and
        // that reads as French.)
        for (int i = 0; i < window.sideTabs()->count(); ++i)
            window.sideTabs()->setCurrentIndex(i);
        const auto frenchLeft = [&] {
            QStringList left;
            const QStringList after = shownTexts(&window);
            for (const QString& text : after)
                if (french.contains(text) && !before.contains(text) && isFrench(text))
                    left << text;
            return left;
        };
        QTRY_VERIFY2(frenchLeft().isEmpty(), qPrintable(frenchLeft().join(QLatin1Char('\n'))));
        window.editor()->document()->setModified(false);
    }

private:
    /// A text with a word only French uses here: accents, or French function words.
    static bool isFrench(const QString& text)
    {
        static const QRegularExpression french(
            QStringLiteral("[éèêàçùô]|\\b(le|la|les|des|du|une|un|et|ou|pas|sur|dans|avec|pour|Sortie|Entrée|Fichier|"
                           "Édition|Affichage|Aide|ligne|colonne)\\b"),
            QRegularExpression::CaseInsensitiveOption);
        return french.match(text.section(QStringLiteral(": "), 1)).hasMatch();
    }
};

MDSL_TEST_MAIN(TestStudioDetails)
#include "test_studio_details.moc"
