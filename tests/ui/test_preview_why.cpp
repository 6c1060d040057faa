// From a difference to its cause: choosing a difference of the preview says what each side's
// rule did (written, or which input path was missing) and selects the V2 side's rule in the
// editor; hovering a value of an output view, small or large, says the same as a tooltip; an
// answer about a text that changed meanwhile is not shown.

#include "testmain.h"

#include "codeeditor.h"
#include "jsonlocate.h"
#include "jsonpane.h"
#include "jsontext.h"
#include "jsonview.h"
#include "largetextview.h"
#include "mainwindow.h"
#include "mappingbackend.h"
#include "previewcontroller.h"
#include "previewpanel.h"
#include "previewwhy.h"
#include "studioapp.h"
#include "studiotest.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHelpEvent>
#include <QListWidget>
#include <QTextBlock>
#include <QToolTip>

using namespace studio;

namespace {

/// The first line of a text view that contains `text` (0-based), or -1.
int lineWith(const QPlainTextEdit* view, const QString& text)
{
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
        if (block.text().contains(text))
            return block.blockNumber();
    }
    return -1;
}

/// Rests the mouse on line `line` of a text view: the tooltip event a user's pause sends.
void hoverLine(QPlainTextEdit* view, int line)
{
    const QTextBlock block = view->document()->findBlockByNumber(line);
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock);
    view->setTextCursor(cursor);
    view->ensureCursorVisible();
    const QPoint at = view->cursorRect(cursor).center() - QPoint(4, 0);
    QHelpEvent event(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &event);
}

/// The customer example against its V1 original, both outputs shown.
void openCustomer(MainWindow& window)
{
    QVERIFY(window.openExample(QStringLiteral("customer-v2.mdsl")));
    QVERIFY(window.pinV1To(QStringLiteral(":/examples/customer-v1.mdsl")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.previewPanel()->differenceCount(), 2);
}

/// Clicks the difference of a location in the list, as a user does.
void clickDifference(PreviewPanel* preview, const QString& pointer)
{
    QListWidget* list = preview->differenceList();
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text().startsWith(pointer + QStringLiteral(" "))) {
            const QRect rect = list->visualItemRect(list->item(row));
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no difference at ") + pointer));
}

} // namespace

class TestPreviewWhy : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    void locatorFindsEveryValueOfARenderedText()
    {
        // Keys that need escaping in a pointer or in JSON, nested arrays, empty containers.
        mdsl::Json inner = mdsl::Json::object();
        inner["q\"uote"] = nullptr;
        mdsl::Json document = mdsl::Json::object();
        document["a/b"]["t~x"] = mdsl::Json::array({1, mdsl::Json::array({2, inner}), mdsl::Json::object(), mdsl::Json::array()});
        document["list"] = mdsl::Json::array({mdsl::Json{{"x", 1}}, mdsl::Json{{"x", 2}, {"y", mdsl::Json::array({true})}}});
        document["\u00e9"] = "v";
        const RenderedJson rendered = renderJson(document);
        const std::shared_ptr<const LargeText> lines = LargeText::make(rendered.text);
        QVERIFY(rendered.lines.size() > 10);
        for (auto it = rendered.lines.cbegin(); it != rendered.lines.cend(); ++it) {
            QCOMPARE(pointerAtLine(*lines, it.value().first).value_or(QStringLiteral("none")), it.key());
            // A container's closing line stands for it.
            QCOMPARE(pointerAtLine(*lines, it.value().second).value_or(QStringLiteral("none")), it.key());
        }
        QVERIFY(!pointerAtLine(*lines, lines->lineCount()));
        QVERIFY(!pointerAtLine(*lines, -1));
    }

    void clickedDifferenceSaysWhyAndSelectsTheV2Rule()
    {
        MainWindow window(makeEngineBackend());
        openCustomer(window);
        PreviewPanel* preview = window.previewPanel();
        PreviewWhy* why = window.previewController()->why();

        clickDifference(preview, QStringLiteral("/customer/fax"));
        why->waitForIdle();
        QTRY_COMPARE(preview->whyText(),
                     QStringLiteral("V1 (customer-v1.mdsl): `.contact.fax` is missing in the input (rule at line 17)\n"
                                    "V2: written by the rule at line 19: `fax <- .contact.fax ?? null`"));
        QCOMPARE(window.editor()->textCursor().selectedText(), QStringLiteral("fax      <- .contact.fax ?? null"));
        studiotest::screenshot(&window, QStringLiteral("why-difference"));

        // The other difference: both sides wrote it, each by its own rule.
        clickDifference(preview, QStringLiteral("/customer/phone"));
        why->waitForIdle();
        QTRY_VERIFY2(preview->whyText().startsWith(QStringLiteral("V1 (customer-v1.mdsl): written by the rule at line 14: ")),
                     qPrintable(preview->whyText()));
        QCOMPARE(window.editor()->textCursor().selectedText(), QStringLiteral("phone    <- .contact.phone ?? \"unknown\""));
    }

    void unpinnedV1SideSelectsInTheEditorToo()
    {
        // Without a pin both sides run the editor's text: each side's name selects its rule.
        MainWindow window(makeEngineBackend());
        QVERIFY(window.openExample(QStringLiteral("customer-v1.mdsl")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PreviewPanel* preview = window.previewPanel();
        QTRY_VERIFY(preview->v2View()->toPlainText().contains(QStringLiteral("\"Paris\"")));
        window.previewController()->why()->explainDifference(QStringLiteral("/customer/fax"), true);
        window.previewController()->why()->waitForIdle();
        QTRY_COMPARE(preview->whyText(), QStringLiteral("V1: `.contact.fax` is missing in the input (rule at line 17)\n"
                                                        "V2: `.contact.fax` is missing in the input (rule at line 17)"));
        QCOMPARE(window.editor()->textCursor().selectedText(), QStringLiteral("customer.fax      <- .contact.fax"));
    }

    void hoveredValueHasAToolTip()
    {
        MainWindow window(makeEngineBackend());
        openCustomer(window);
        PreviewPanel* preview = window.previewPanel();
        PreviewWhy* why = window.previewController()->why();

        const int fax = lineWith(preview->v2View(), QStringLiteral("\"fax\""));
        QVERIFY(fax > 0);
        hoverLine(preview->v2View(), fax);
        why->waitForIdle();
        const QString expected = QStringLiteral("V2: written by the rule at line 19: `fax <- .contact.fax ?? null`");
        QTRY_COMPARE(why->hoverText(), expected);
        QTRY_COMPARE(QToolTip::text(), expected);
        studiotest::screenshot(&window, QStringLiteral("why-hover"));

        const int city = lineWith(preview->v1View(), QStringLiteral("\"city\""));
        hoverLine(preview->v1View(), city);
        why->waitForIdle();
        QTRY_COMPARE(why->hoverText(), QStringLiteral("V1 (customer-v1.mdsl): written by the rule at line 15: `customer.city <- .address.city`"));
        // The closing brace of the object stands for it.
        const int close = preview->v2View()->document()->blockCount() - 2;
        hoverLine(preview->v2View(), close);
        why->waitForIdle();
        QTRY_VERIFY2(why->hoverText().startsWith(QStringLiteral("V2: holds what rules wrote inside it, first at /customer/id")),
                     qPrintable(why->hoverText()));
    }

    void largeOutputHover()
    {
        // 34,000 elements: an output of more than 100,000 lines, shown by the large view.
        MainWindow window(makeEngineBackend());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.editor()->setPlainText(QStringLiteral("mapping \"big\" version 2\n"
                                                     "out.items[] <- each .items {\n"
                                                     "  n <- .n\n"
                                                     "  fax <- .fax\n"
                                                     "}\n"));
        QString input = QStringLiteral("{\"items\": [");
        for (int i = 0; i < 34'000; ++i)
            input += QStringLiteral("{\"n\": %1}%2").arg(i).arg(i + 1 < 34'000 ? QStringLiteral(",") : QString());
        input += QStringLiteral("]}");
        window.previewController()->setSampleInput(input);
        PreviewPanel* preview = window.previewPanel();
        QTRY_VERIFY_WITH_TIMEOUT(preview->v2Pane()->showsLarge(), 60000);
        LargeJsonView* view = preview->v2Pane()->largeView();
        QVERIFY(view->text()->lineCount() > 100'000);

        // Three lines open "out" and "items"; three per element; its "n" the second.
        const int line = 3 + 30'000 * 3 + 1;
        QCOMPARE(view->text()->line(line).toString().trimmed(), QStringLiteral("\"n\": 30000"));
        QElapsedTimer timer;
        timer.start();
        const std::optional<QString> pointer =
            pointerAtLine(*view->text(), line);
        qInfo("locating a line of a %d-line output: %lld us", view->text()->lineCount(), timer.nsecsElapsed() / 1000);
        QCOMPARE(pointer.value_or(QStringLiteral("none")), QStringLiteral("/out/items/30000/n"));

        view->showLine(line);
        const int y = (line - view->firstVisibleLine()) * view->fontMetrics().lineSpacing() + view->fontMetrics().lineSpacing() / 2;
        const QPoint at(20, y);
        QHelpEvent event(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
        timer.restart();
        QApplication::sendEvent(view->viewport(), &event);
        const qint64 onTheUiThread = timer.nsecsElapsed() / 1000;
        PreviewWhy* why = window.previewController()->why();
        why->waitForIdle();
        QTRY_COMPARE_WITH_TIMEOUT(why->hoverText(), QStringLiteral("V2: written by the rule at line 3: `n <- .n`"), 30000);
        qInfo("hover over a %d-line output: %lld us on the UI thread, %lld ms to the answer (traced run included)",
              view->text()->lineCount(), onTheUiThread, timer.elapsed());

        // A member no element has: the skip of element 30,000 says which path was missing.
        why->explainDifference(QStringLiteral("/out/items/30000/fax"), false);
        why->waitForIdle();
        QTRY_COMPARE_WITH_TIMEOUT(preview->whyText().section(QLatin1Char('\n'), 1),
                                  QStringLiteral("V2: `.fax` is missing in the input (rule at line 4)"), 30000);
    }

    void answerForAChangedTextIsNotShown()
    {
        MainWindow window(makeEngineBackend());
        openCustomer(window);
        PreviewPanel* preview = window.previewPanel();
        PreviewWhy* why = window.previewController()->why();
        CodeEditor* editor = window.editor();
        editor->moveCursor(QTextCursor::Start);

        // The author types before the answer comes: it is about a text no longer there.
        clickDifference(preview, QStringLiteral("/customer/fax"));
        editor->moveCursor(QTextCursor::End);
        editor->insertPlainText(QStringLiteral("\n# typed meanwhile\n"));
        why->waitForIdle();
        QCOMPARE(preview->whyText(), QString());
        QVERIFY(editor->textCursor().selectedText().isEmpty());

        // The preview of the new text comes, the difference still chosen: asked again, shown,
        // and the author's cursor left where it is.
        QTRY_VERIFY(preview->result().request.text == editor->toPlainText());
        why->waitForIdle();
        QTRY_VERIFY2(preview->whyText().endsWith(QStringLiteral("V2: written by the rule at line 19: `fax <- .contact.fax ?? null`")),
                     qPrintable(preview->whyText()));
        QVERIFY(editor->textCursor().selectedText().isEmpty());
    }
};

MDSL_TEST_MAIN(TestPreviewWhy)
#include "test_preview_why.moc"
