// The studio under real inputs: a large output drawn by the lines in view, a large sample input
// pasted or loaded without laying it out on the UI thread (read-only, indexed in a worker, the
// panel saying what it waits for), the large view coloured as the JSON highlighter colours, and
// inputs of a million elements or 100,000 fields through the preview and the visual mapping.

#include "testmain.h"

#include "codeeditor.h"
#include "jsonpane.h"
#include "jsonview.h"
#include "largetextview.h"
#include "mainwindow.h"
#include "previewpanel.h"
#include "studioapp.h"
#include "studiotest.h"
#include "visualmappingpanel.h"

#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTreeWidget>

using namespace studio;

namespace {

/// {"items": [{"sku": "S-0", "qty": 0}, ...]}: about 33 bytes per item.
QString itemsInput(int count)
{
    QString text = QStringLiteral("{\"items\": [");
    for (int i = 0; i < count; ++i)
        text += QStringLiteral("%1{\"sku\": \"S-%2\", \"qty\": %2}").arg(i ? QStringLiteral(", ") : QString()).arg(i);
    return text + QStringLiteral("]}");
}

QString rightOutput(MainWindow& window)
{
    JsonPane* pane = window.previewPanel()->v2Pane();
    return pane->showsLarge() ? pane->largeView()->text()->text() : pane->textView()->toPlainText();
}

/// The foreground the JSON highlighter gave the first occurrence of `token` in a document.
QColor highlighterColour(QTextDocument& document, const QString& token)
{
    const QTextCursor found = document.find(token);
    if (found.isNull())
        return {};
    const QTextBlock block = found.block();
    const int column = found.selectionStart() - block.position();
    for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
        if (column >= range.start && column < range.start + range.length)
            return range.format.foreground().color();
    }
    return {};
}

} // namespace

class TestLargeInputs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    void aLargeOutputIsDrawnByTheLinesInView()
    {
        MainWindow window;
        window.newDocument();
        window.editor()->setPlainText(QStringLiteral("mapping \"copy\" version 2\nlines <- .items\n"));
        window.previewPanel()->setInputText(itemsInput(25'000));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        JsonPane* v2 = window.previewPanel()->v2Pane();
        QTRY_VERIFY_WITH_TIMEOUT(v2->showsLarge(), 60000);
        LargeJsonView* view = v2->largeView();
        // 25,000 items of four lines each, and the brackets around them.
        QVERIFY2(view->text()->lineCount() > 100'000, qPrintable(QString::number(view->text()->lineCount())));
        QVERIFY(view->text()->text().contains(QStringLiteral("\"sku\": \"S-24999\"")));
        // The text view holds nothing: nothing was laid out.
        QVERIFY(v2->textView()->document()->characterCount() <= 1);
        // The input is large too: read-only, its size and lines in the title.
        QVERIFY(window.previewPanel()->inputPane()->showsLarge());
        // Scrolling to a line and marking it, as the preview's differences do.
        view->setMarkedLines({{90'000, 90'003}}, 0);
        view->showLine(90'000);
        QVERIFY(view->firstVisibleLine() > 89'000 && view->firstVisibleLine() <= 90'000);
        QCOMPARE(view->markedLines().size(), 1);
        studiotest::screenshot(&window, QStringLiteral("large-output"));
        // Back to a small output: the text view shows it, the large text is let go.
        window.editor()->setPlainText(QStringLiteral("mapping \"copy\" version 2\nn <- count(.items)\n"));
        QTRY_VERIFY_WITH_TIMEOUT(!v2->showsLarge(), 60000);
        QTRY_VERIFY(v2->textView()->toPlainText().contains(QStringLiteral("\"n\": 25000")));
        QVERIFY(!view->text());
    }

    void pastingALargeSampleIndexesItInTheBackground()
    {
        MainWindow window;
        window.newDocument();
        window.editor()->setPlainText(QStringLiteral("mapping \"count\" version 2\nn <- count(.items)\n"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PreviewPanel* preview = window.previewPanel();
        const QString large = itemsInput(60'000);   // about 2 MB
        QApplication::clipboard()->setText(large);
        preview->inputView()->setFocus();
        QTest::keyClick(preview->inputView(), Qt::Key_V, Qt::ControlModifier);
        // Not inserted into the editor (laying it out would block the window): indexed apart.
        QVERIFY(preview->inputView()->document()->characterCount() < 10);
        QTRY_VERIFY_WITH_TIMEOUT(preview->inputPane()->showsLarge(), 30000);
        QCOMPARE(preview->inputText(), large);
        QCOMPARE(preview->inputPane()->largeView()->text()->text(), large);
        QTRY_VERIFY_WITH_TIMEOUT(rightOutput(window).contains(QStringLiteral("\"n\": 60000")), 60000);
        // A small sample typed after it goes back to the editor.
        preview->setInputText(QStringLiteral("{\"items\": [1, 2]}"));
        QVERIFY(!preview->inputPane()->showsLarge());
        QTRY_VERIFY_WITH_TIMEOUT(rightOutput(window).contains(QStringLiteral("\"n\": 2")), 30000);
    }

    void aLargeSampleFileLoadsInTheBackground()
    {
        QTemporaryDir dir;
        const QString path = studiotest::writeFile(dir, QStringLiteral("big.json"), itemsInput(40'000).toUtf8());
        MainWindow window;
        window.newDocument();
        window.editor()->setPlainText(QStringLiteral("mapping \"count\" version 2\nn <- count(.items)\n"));
        window.previewPanel()->setInputText(QString());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PreviewPanel* preview = window.previewPanel();
        QTRY_VERIFY(!preview->view().inputError.isEmpty());   // "No sample input yet"
        QVERIFY(window.loadInput(path));
        // While it loads, the panel says so, and not that there is no input.
        QVERIFY(preview->inputLoading());
        bool saysLoading = false;
        for (const QLabel* label : preview->findChildren<QLabel*>())
            saysLoading = saysLoading || (label->isVisible() && label->text().contains(QStringLiteral("Loading big.json")));
        QVERIFY(saysLoading);
        for (const QLabel* label : preview->findChildren<QLabel*>())
            QVERIFY2(!(label->isVisible() && label->text().contains(QStringLiteral("No sample input"))), qPrintable(label->text()));
        QTRY_VERIFY_WITH_TIMEOUT(preview->inputPane()->showsLarge(), 30000);
        QVERIFY(!preview->inputLoading());
        QTRY_VERIFY_WITH_TIMEOUT(rightOutput(window).contains(QStringLiteral("\"n\": 40000")), 60000);
    }

    void theLargeViewColoursAsTheJsonHighlighter()
    {
        // The same theme, the same colours for keys, strings, numbers and keywords as the JSON
        // definition gives in the text views.
        const QString text = QStringLiteral("{\n  \"key\": \"value\",\n  \"n\": 42,\n  \"t\": true\n}");
        SharedTextDocument document = buildJsonDocument(text, currentJsonStyle());
        LargeJsonView view;
        QCOMPARE(view.colourOf(JsonToken::Key), highlighterColour(*document, QStringLiteral("\"key\"")));
        QCOMPARE(view.colourOf(JsonToken::String), highlighterColour(*document, QStringLiteral("\"value\"")));
        QCOMPARE(view.colourOf(JsonToken::Number), highlighterColour(*document, QStringLiteral("42")));
        QCOMPARE(view.colourOf(JsonToken::Keyword), highlighterColour(*document, QStringLiteral("true")));
        // And the tokens of a line are found as the definition finds them.
        const auto tokens = jsonLineTokens(u"  \"a\": [\"b\", -1.5e3, null],");
        QCOMPARE(std::get<0>(tokens.at(1)), JsonToken::Key);
        QCOMPARE(std::get<0>(tokens.at(3)), JsonToken::String);
        QCOMPARE(std::get<0>(tokens.at(5)), JsonToken::Number);
        QCOMPARE(std::get<2>(tokens.at(5)), qsizetype(6));
        QCOMPARE(std::get<0>(tokens.at(7)), JsonToken::Keyword);
    }

    void aMillionElementsAndManyFieldsGiveABoundedTree()
    {
        // A million-element array and an object of 100,000 fields: the preview runs, the
        // visual mapping lists what a window can show and says what it leaves out.
        QString input = QStringLiteral("{\"a\": [");
        for (int i = 0; i < 1'000'000; ++i)
            input += i ? QStringLiteral(",1") : QStringLiteral("1");
        input += QStringLiteral("], \"wide\": {");
        for (int i = 0; i < 100'000; ++i)
            input += QStringLiteral("%1\"f%2\": %2").arg(i ? QStringLiteral(", ") : QString()).arg(i);
        input += QStringLiteral("}}");
        MainWindow window;
        window.newDocument();
        window.editor()->setPlainText(QStringLiteral("mapping \"big\" version 2\nn <- count(.a)\n"));
        window.previewPanel()->setInputText(input);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(rightOutput(window).contains(QStringLiteral("\"n\": 1000000")), 60000);
        VisualMappingPanel* panel = window.visualMappingPanel();
        window.sideTabs()->setCurrentWidget(panel);
        QTRY_VERIFY_WITH_TIMEOUT(panel->sourceItem(QStringLiteral("$.wide")), 60000);
        QTreeWidgetItem* a = panel->sourceItem(QStringLiteral("$.a"));
        QVERIFY(a);
        QCOMPARE(a->text(2), QStringLiteral("1000000 items"));
        QTreeWidgetItem* wide = panel->sourceItem(QStringLiteral("$.wide"));
        QCOMPARE(wide->childCount(), 201);
        QCOMPARE(wide->child(200)->text(0), QStringLiteral("… 99800 more fields not shown"));
    }
};

MDSL_TEST_MAIN(TestLargeInputs)
#include "test_largeinputs.moc"
