// The debugger's watches and its views of large recordings: watch values at stops (a `let`,
// `.` in a block, a missing path, a syntax error with its position, a name out of scope), the
// Watches view edited as a user does (in place, Delete), and a recording of a large input
// stepped with the context and output printed off the UI thread, the newest step winning.

#include "testmain.h"

#include "debuggerpanel.h"
#include "debuggerviews.h"
#include "debuggerwatches.h"
#include "jsonpane.h"
#include "jsonview.h"
#include "largetextview.h"
#include "recordingdebugger.h"
#include "studioapp.h"
#include "studiotest.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace studio;

namespace {

const QString kWatchedMapping = QStringLiteral(
    "mapping \"m\" version 2\n"
    "let threshold = 10\n"
    "orders[] <- each .orders as order {\n"
    "  let big = .qty > threshold\n"
    "  id <- .id\n"
    "}\n"
    "count <- 1\n");
const QString kWatchedInput = QStringLiteral(
    R"({"orders": [{"id": "A", "qty": 5}, {"id": "B", "qty": 50}]})");

/// The value column of each watch row (the "Add a watch…" row left out).
QStringList watchValues(const DebuggerWatchesView* view)
{
    QStringList out;
    for (int row = 0; row < view->watches().size(); ++row)
        out << view->topLevelItem(row)->text(1);
    return out;
}

/// Steps into until the description says `what` (at most `limit` steps).
bool stepUntil(RecordingDebugger& debugger, const QString& what, int limit = 200)
{
    for (int n = 0; n < limit; ++n) {
        if (debugger.state().description.contains(what))
            return true;
        if (!debugger.canPerform(DebugAction::StepInto))
            return false;
        debugger.perform(DebugAction::StepInto);
    }
    return debugger.state().description.contains(what);
}

} // namespace

class TestDebuggerWatches : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    // A test that switched the interface to French leaves English behind, even when it fails.
    void cleanup() { installTranslation(QStringLiteral("en")); }

    void valuesArePrintedUpToTheirLimit()
    {
        const mdsl::Json small = mdsl::Json::parse("{\"a\": [1, 2.5, \"x\\\"y\"], \"b\": {}, \"c\": [], \"d\": null}");
        QCOMPARE(boundedJson(small, 200), QString::fromStdString(small.dump()));
        QCOMPARE(boundedJson(small, 200, 2), QString::fromStdString(small.dump(2)));
        // A large value: cut, and printed no further than the cut.
        mdsl::Json big = mdsl::Json::array();
        for (int n = 0; n < 200000; ++n)
            big.push_back(mdsl::Json{{"id", n}});
        const QString cutText = boundedJson(big, 50);
        QCOMPARE(cutText.size(), 50);
        QVERIFY(cutText.startsWith(QStringLiteral(R"([{"id":0},{"id":1},)")));
        QVERIFY(cutText.endsWith(QStringLiteral("…")));
        // Deep nesting: no recursion.
        mdsl::Json deep = mdsl::Json::array();
        for (int n = 0; n < 5000; ++n) {
            mdsl::Json outer = mdsl::Json::array();
            outer.push_back(std::move(deep));
            deep = std::move(outer);
        }
        QVERIFY(boundedJson(deep, 100).startsWith(QStringLiteral("[[[[")));
    }

    void watchesShowValuesAtEachStop()
    {
        RecordingDebugger debugger;
        DebuggerPanel panel(&debugger);
        panel.resize(900, 700);
        panel.setWatches({QStringLiteral("big"), QStringLiteral("."), QStringLiteral(".contact.fax"),
                          QStringLiteral("big and ("), QStringLiteral("order"), QStringLiteral("threshold * 2")});
        debugger.record({kWatchedMapping, kWatchedInput, mdsl::Flags(), false, std::nullopt});
        debugger.waitForRecording();
        QVERIFY(debugger.state().recorded);
        // The second order's `id` rule: its element, its `let`, the top-level one.
        QVERIFY(stepUntil(debugger, QStringLiteral("Element 2")));
        QVERIFY(stepUntil(debugger, QStringLiteral("Rule on line 5")));
        debugger.waitForViews();
        const DebuggerWatchesView* view = panel.watchesView();
        const QStringList values = watchValues(view);
        QCOMPARE(values.size(), 6);
        QCOMPARE(values[0], QStringLiteral("true"));
        QCOMPARE(values[1], QStringLiteral(R"({"id":"B","qty":50})"));
        QCOMPARE(values[2], QStringLiteral("missing"));
        // A syntax error: its code and where it is in the expression.
        QCOMPARE(values[3], QStringLiteral("E105 (column 9): '(' is not closed: expected ')'"));
        QCOMPARE(values[4], QStringLiteral(R"({"id":"B","qty":50})"));
        QCOMPARE(values[5], QStringLiteral("20"));
        // The full value is in the tooltip, pretty-printed.
        QVERIFY(view->topLevelItem(1)->toolTip(1).contains(QStringLiteral("\n  \"id\": \"B\"")));
        studiotest::screenshot(&panel, QStringLiteral("debugger-watches"));

        // In French: the words again, the codes and positions as they were.
        installTranslation(QStringLiteral("fr"));
        QTRY_COMPARE(watchValues(view)[2], QStringLiteral("absente"));
        QVERIFY2(watchValues(view)[3].startsWith(QStringLiteral("E105 (colonne 9)\u00a0: ")), qPrintable(watchValues(view)[3]));
        QCOMPARE(view->headerItem()->text(0), QStringLiteral("Espion"));
        QCOMPARE(view->topLevelItem(6)->text(0), QStringLiteral("Ajouter un espion…"));
        installTranslation(QStringLiteral("en"));
        QTRY_COMPARE(watchValues(view)[2], QStringLiteral("missing"));

        // Past the block: `order` is defined, but not in this rule's scope.
        QVERIFY(stepUntil(debugger, QStringLiteral("Rule on line 7")));
        debugger.waitForViews();
        const QString outside = watchValues(view)[4];
        QVERIFY2(outside.startsWith(QStringLiteral("E201")) && outside.contains(QStringLiteral("not in scope"))
                     && outside.contains(QStringLiteral("line 3")),
                 qPrintable(outside));
        // `big` too; `.` is the input now.
        QVERIFY(watchValues(view)[0].contains(QStringLiteral("not in scope")));
        QVERIFY(watchValues(view)[1].startsWith(QStringLiteral(R"({"orders":)")));
        // Stepping back re-evaluates them.
        QVERIFY(debugger.canPerform(DebugAction::Restart));
        debugger.perform(DebugAction::Restart);
        debugger.waitForViews();
        QCOMPARE(watchValues(view)[5], QStringLiteral("20"));
    }

    void watchesAreEditedInPlace()
    {
        RecordingDebugger debugger;
        DebuggerPanel panel(&debugger);
        panel.resize(900, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        DebuggerWatchesView* view = panel.watchesView();
        QSignalSpy changed(&panel, &DebuggerPanel::watchesChanged);
        // The last row adds: typed in place, Enter.
        view->setFocus();
        view->setCurrentItem(view->topLevelItem(0));
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY(view->isEditing());
        QWidget* editor = QApplication::focusWidget();
        QVERIFY(editor && editor != view);
        QTest::keyClicks(editor, QStringLiteral("threshold + 1"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(panel.watches(), QStringList{QStringLiteral("threshold + 1")});
        QCOMPARE(changed.size(), 1);
        QTRY_COMPARE(view->topLevelItemCount(), 2);
        // Edited: F2 on it.
        view->setFocus();
        view->setCurrentItem(view->topLevelItem(0));
        QTest::keyClick(view, Qt::Key_F2);
        editor = QApplication::focusWidget();
        QVERIFY(editor && editor != view);
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("threshold"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(panel.watches(), QStringList{QStringLiteral("threshold")});
        // Recorded now: it has its value.
        debugger.record({kWatchedMapping, kWatchedInput, mdsl::Flags(), false, std::nullopt});
        debugger.waitForRecording();
        debugger.waitForViews();
        QCOMPARE(watchValues(view), QStringList{QStringLiteral("10")});
        // Delete removes the selected one.
        view->setFocus();
        QTRY_VERIFY(!view->isEditing());
        view->setCurrentItem(view->topLevelItem(0));
        QTest::keyClick(view, Qt::Key_Delete);
        QVERIFY(panel.watches().isEmpty());
        QCOMPARE(changed.size(), 3);
        QVERIFY(debugger.state().watches.isEmpty());
    }

    void aLargeRecordingStepsWithItsViewsPrintedOffTheUiThread()
    {
        // An input past the size the views lay out: its context and output come from a worker.
        QString input = QStringLiteral("{\"items\": [");
        for (int n = 0; n < 6000; ++n) {
            if (n > 0)
                input += QLatin1Char(',');
            input += QStringLiteral(R"({"id": %1, "name": "item number %1 of the large sample input"})").arg(n);
        }
        input += QStringLiteral("]}");
        QVERIFY(input.size() > kLargeTextLimit);
        const QString mapping = QStringLiteral("mapping \"big\" version 2\n"
                                               "items[] <- each .items {\n  id <- .id\n  name <- .name\n}\n"
                                               "count <- 1\n");
        RecordingDebugger debugger;
        DebuggerPanel panel(&debugger);
        panel.resize(900, 700);
        panel.setWatches({QStringLiteral(".id")});
        debugger.record({mapping, input, mdsl::Flags(), false, std::nullopt});
        debugger.waitForRecording();
        QVERIFY(debugger.state().recorded);
        // At first the texts are still coming: the panel says so.
        QVERIFY(debugger.state().viewsPending);
        QVERIFY(panel.viewsIndicator()->isVisibleTo(&panel));
        debugger.waitForViews();
        QVERIFY(!debugger.state().viewsPending);
        QVERIFY(!panel.viewsIndicator()->isVisibleTo(&panel));
        // The whole input as the context, in the large view (not laid out).
        QVERIFY(panel.contextView()->showsLarge());
        QVERIFY(panel.contextView()->largeView()->text()->lineCount() > 6000);

        // Steps in a burst: each answers at once; only the newest step's texts are shown.
        QSignalSpy states(&debugger, &DebuggerInterface::stateChanged);
        QList<int> shownEvents;
        connect(&debugger, &DebuggerInterface::stateChanged, this, [&] {
            if (!debugger.state().viewsPending)
                shownEvents.append(debugger.state().event);
        });
        for (int n = 0; n < 12; ++n)
            debugger.perform(DebugAction::StepInto);
        const int last = debugger.state().event;
        QVERIFY(debugger.state().viewsPending);
        QVERIFY(debugger.state().contextLabel.startsWith(QStringLiteral("Element 3 ")));
        debugger.waitForViews();
        QCOMPARE(shownEvents, QList<int>{last});
        QCOMPARE(debugger.state().event, last);
        // The texts are this step's: the element's context, the output with its writes so far.
        QVERIFY(debugger.state().context.text.contains(QStringLiteral("\"id\": 2")));
        QVERIFY(panel.outputView()->textView()->toPlainText().contains(QStringLiteral("\"name\": \"item number 1 of")));
        QVERIFY(!panel.outputView()->markedLines().isEmpty());
        QCOMPARE(watchValues(panel.watchesView()), QStringList{QStringLiteral("2")});
        QVERIFY(states.size() >= 13);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        studiotest::screenshot(&panel, QStringLiteral("debugger-large"));
    }
};

MDSL_TEST_MAIN(TestDebuggerWatches)
#include "test_debugger_watches.moc"
