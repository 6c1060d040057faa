// The debugger: its panel over a fake debugger (what it shows, which actions it offers, what
// it asks for), then the real window recording a run of the bundled example and stepping it:
// the highlighted rule in the editor, the values inline, the partial output, breakpoints.

#include "testmain.h"

#include "codeeditor.h"
#include "debuggercontroller.h"
#include "debuggerpanel.h"
#include "diagnosticmessages.h"
#include "jsonpane.h"
#include "jsonview.h"
#include "mainwindow.h"
#include "previewpanel.h"
#include "studioapp.h"
#include "studiotest.h"

#include "mdsl/debug.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTreeWidget>

using namespace studio;
using studiotest::screenshot;

namespace {

/// A debugger that answers from a state set by the test and records what it is asked.
class FakeDebugger final : public DebuggerInterface {
public:
    using DebuggerInterface::DebuggerInterface;

    void record(const DebugRecordRequest&) override { ++recordings; }
    bool isBusy() const override { return false; }
    bool canPerform(DebugAction action) const override { return allowed.contains(int(action)); }
    void perform(DebugAction action, int cursorLine) override
    {
        performed.append({action, cursorLine});
    }
    void goToEvent(int event) override { visited.append(event); }
    DebugState state() const override { return current; }
    void setBreakpoints(const QList<DebugBreakpoint>& list) override { breakpoints = list; }
    int writerOf(const QString& pointer) const override
    {
        asked.append(pointer);
        return pointer == QStringLiteral("/order/id") ? 4 : -1;
    }
    void markStale() override {}

    void show(const DebugState& s)
    {
        current = s;
        emit stateChanged();
    }

    DebugState current;
    QSet<int> allowed;
    QList<QPair<DebugAction, int>> performed;
    QList<int> visited;
    mutable QStringList asked;
    QList<DebugBreakpoint> breakpoints;
    int recordings = 0;
};

DebugState sampleState()
{
    DebugState s;
    s.recorded = true;
    s.engine = QStringLiteral("V2");
    s.event = 8;
    s.eventCount = 61;
    s.description = QStringLiteral("Wrote /order/customer = \"JOSÉ MARTIN\"");
    s.ruleLine = 8;
    s.ruleText = QStringLiteral("order.customer <- upper(trim(.customer.name))");
    s.contextLabel = QStringLiteral("The input");
    s.context.text = QStringLiteral("{\n  \"id\": \"A-1042\"\n}");
    s.values = {{QStringLiteral(".customer.name"), QStringLiteral("\"  josé martin \""), 0, 0, 8},
                {QStringLiteral("upper(trim(.customer.name))"), QStringLiteral("\"JOSÉ MARTIN\""), 0, 0, 8}};
    s.output = renderJson(mdsl::Json::parse(R"({"order": {"id": "A-1042", "customer": "JOSÉ MARTIN"}})"));
    s.lastWrite = QStringLiteral("/order/customer");
    s.atLastWrite = true;
    s.frames = {{QStringLiteral("Rule, line 8"), 5, 0, 0}};
    const QString written = QStringLiteral("\"JOSÉ MARTIN\"");
    s.ruleOutcomes = {{DebugOutcome::Kind::Write, 8, 8, QStringLiteral("/order/customer"), written}};
    s.skipsAndErrors
        = { { DebugOutcome::Kind::Skip, 20, 12, QStringLiteral("/order/x"), QStringLiteral("source missing") },
              { DebugOutcome::Kind::Error, 30, 13, QStringLiteral("E410"), QStringLiteral("upper needs a string") } };
    return s;
}

QStringList column(QTreeWidget* tree, int c)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        out.append(tree->topLevelItem(i)->text(c));
    return out;
}

/// The 1-based line of the first occurrence of `text` in the editor.
int lineOf(CodeEditor* editor, const QString& text)
{
    return editor->document()->find(text).blockNumber() + 1;
}

int executionLine(CodeEditor* editor)
{
    return editor->document()->findBlock(editor->executionRange().first).blockNumber() + 1;
}

} // namespace

class TestDebugger : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    // A test that switched the interface to French leaves English behind, even when it fails.
    void cleanup() { installTranslation(QStringLiteral("en")); }

    void panelShowsTheStateItIsGiven()
    {
        FakeDebugger fake;
        DebuggerPanel panel(&fake);
        panel.resize(760, 700);
        // Nothing recorded: it says how to start, and no step is offered.
        QCOMPARE(panel.positionLabel()->text(), QStringLiteral("No run recorded"));
        QVERIFY(!panel.action(DebugAction::StepOver)->isEnabled());

        fake.allowed = {int(DebugAction::StepOver), int(DebugAction::StepBack), int(DebugAction::RunToCursor)};
        fake.show(sampleState());
        QCOMPARE(panel.positionLabel()->text(), QStringLiteral("Event 9 / 61"));
        QCOMPARE(panel.ruleLabel()->text(), QStringLiteral("Line 8: order.customer <- upper(trim(.customer.name))"));
        QVERIFY(panel.descriptionLabel()->text().contains(QStringLiteral("Wrote /order/customer")));
        QCOMPARE(column(panel.valuesView(), 0),
            QStringList({ QStringLiteral(".customer.name"), QStringLiteral("upper(trim(.customer.name))") }));
        QCOMPARE(column(panel.valuesView(), 1).last(), QStringLiteral("\"JOSÉ MARTIN\""));
        QCOMPARE(panel.contextLabel()->text(), QStringLiteral("Context: The input"));
        QVERIFY(panel.outputView()->textView()->toPlainText().contains(QStringLiteral("\"customer\": \"JOSÉ MARTIN\"")));
        // The last write's line is marked in the output.
        const int customerLine = panel.outputView()->textView()->document()->find(QStringLiteral("\"customer\"")).blockNumber();
        QCOMPARE(panel.outputView()->textView()->markedLines(), (QList<QPair<int, int>>{{customerLine, customerLine}}));
        QCOMPARE(column(panel.writesView(), 0), QStringList({QStringLiteral("/order/customer")}));
        QCOMPARE(column(panel.skipsView(), 2),
            QStringList({ QStringLiteral("source missing"), QStringLiteral("upper needs a string") }));
        QCOMPARE(panel.framesView()->count(), 1);
        QCOMPARE(panel.slider()->value(), 8);

        // Capabilities decide the actions; an action asks the debugger, with the cursor line.
        QVERIFY(panel.action(DebugAction::StepOver)->isEnabled());
        QVERIFY(!panel.action(DebugAction::StepInto)->isEnabled());
        QVERIFY(!panel.action(DebugAction::Continue)->isEnabled());
        panel.setCursorLine([] { return 17; });
        panel.action(DebugAction::RunToCursor)->trigger();
        panel.action(DebugAction::StepOver)->trigger();
        QCOMPARE(fake.performed.size(), 2);
        QCOMPARE(fake.performed[0].first, DebugAction::RunToCursor);
        QCOMPARE(fake.performed[0].second, 17);
        QCOMPARE(fake.performed[1].first, DebugAction::StepOver);

        // A value of the output leads to the event that wrote it; a skip to its event.
        const int idLine = panel.outputView()->textView()->document()->find(QStringLiteral("\"id\"")).blockNumber();
        QVERIFY(panel.jumpToWriterAtLine(idLine));
        QCOMPARE(fake.asked.last(), QStringLiteral("/order/id"));
        QCOMPARE(fake.visited, QList<int>({4}));
        QVERIFY(!panel.jumpToWriterAtLine(customerLine));   // the fake knows no writer there
        emit panel.skipsView()->itemClicked(panel.skipsView()->topLevelItem(1), 0);
        QCOMPARE(fake.visited.last(), 30);
        // Moving the slider goes to that event.
        panel.slider()->setValue(20);
        QCOMPARE(fake.visited.last(), 20);

        // The record action asks for the chosen engine.
        QSignalSpy asked(&panel, &DebuggerPanel::recordRequested);
        panel.setRecordsV1(true);
        panel.recordAction()->trigger();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toBool(), true);

        // A stale recording says so and offers no step.
        DebugState stale = sampleState();
        stale.stale = true;
        stale.message = QStringLiteral("The mapping changed");
        fake.show(stale);
        QVERIFY(panel.messageLabel()->text().contains(QStringLiteral("changed")));
        QVERIFY(!panel.action(DebugAction::StepOver)->isEnabled());
        screenshot(&panel, QStringLiteral("debugger-panel-fake"));
    }

    void windowRecordsAndStepsTheExample()
    {
        MainWindow window;
        window.openBundledExample();
        window.resize(1500, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CodeEditor* editor = window.editor();
        DebuggerPanel* panel = window.debuggerPanel();
        QVERIFY(panel);
        QTRY_VERIFY(!window.previewPanel()->inputText().isEmpty());

        window.recordDebugRun(false);
        QCOMPARE(window.sideTabs()->currentWidget(), panel);
        QTRY_VERIFY(panel->debugger()->state().recorded);
        // The first stop: the first rule, highlighted, nothing written yet.
        QCOMPARE(executionLine(editor), lineOf(editor, QStringLiteral("order.id")));
        QCOMPARE(panel->outputView()->textView()->toPlainText(), QStringLiteral("{}"));
        QVERIFY(panel->descriptionLabel()->text().contains(QStringLiteral("Rule on line")));

        // Step over twice: its write, then the next rule with its values inline.
        panel->action(DebugAction::StepOver)->trigger();
        QVERIFY(panel->outputView()->textView()->toPlainText().contains(QStringLiteral("\"id\": \"A-1042\"")));
        QVERIFY(!panel->outputView()->textView()->markedLines().isEmpty());
        panel->action(DebugAction::StepOver)->trigger();
        const int customer = lineOf(editor, QStringLiteral("order.customer"));
        QCOMPARE(executionLine(editor), customer);
        QCOMPARE(column(panel->valuesView(), 0).last(), QStringLiteral("upper(trim(.customer.name))"));
        QCOMPARE(column(panel->valuesView(), 1).last(), QStringLiteral("\"JOSÉ MARTIN\""));
        QVERIFY(editor->inlineValues().value(customer).contains(QStringLiteral("\"JOSÉ MARTIN\"")));

        // A conditional breakpoint in the array block: continue stops at the second item.
        const int total = lineOf(editor, QStringLiteral("total <- .qty"));
        QVERIFY(window.setBreakpointCondition(total, QStringLiteral(".price < 20")));
        QCOMPARE(editor->breakpoints(), QList<DebugBreakpoint>({{total, QStringLiteral(".price < 20")}}));
        panel->action(DebugAction::Continue)->trigger();
        // The condition is evaluated off the UI thread: the panel says it is looking meanwhile.
        QVERIFY(panel->debugger()->isSearching());
        QVERIFY(panel->searchIndicator()->isVisibleTo(panel));
        QTRY_VERIFY(!panel->debugger()->isSearching());
        QVERIFY(!panel->searchIndicator()->isVisibleTo(panel));
        QCOMPARE(executionLine(editor), total);
        QVERIFY(panel->messageLabel()->text().contains(QStringLiteral("breakpoint on line %1").arg(total)));
        QCOMPARE(panel->contextLabel()->text(), QStringLiteral("Context: Element 2 of the block on line %1")
                                                    .arg(lineOf(editor, QStringLiteral("order.lines[]"))));
        QVERIFY(panel->contextView()->textView()->toPlainText().contains(QStringLiteral("CB-3M")));
        QCOMPARE(column(panel->valuesView(), 1),
            QStringList({ QStringLiteral("1"), QStringLiteral("11.4"), QStringLiteral("11.4") }));
        // The first line is already in the partial output, the second being built.
        QVERIFY(panel->outputView()->textView()->toPlainText().contains(QStringLiteral("\"total\": 79.0")));
        QVERIFY(panel->outputView()->textView()->toPlainText().contains(QStringLiteral("\"sku\": \"CB-3M\"")));
        // The writes of this rule: one per element.
        QCOMPARE(column(panel->writesView(), 0),
                 QStringList({QStringLiteral("/order/lines/0/total"), QStringLiteral("/order/lines/1/total")}));
        const QString shot = screenshot(&window, QStringLiteral("debugger-window"));
        if (qEnvironmentVariableIsSet("MDSL_UPDATE_DOC_IMAGES")) {
            QFile::remove(QStringLiteral(MDSL_SOURCE_DIR "/docs/images/debugger.png"));
            QVERIFY(QFile::copy(shot, QStringLiteral(MDSL_SOURCE_DIR "/docs/images/debugger.png")));
        }

        // Without its condition, continuing backwards stops at the first element's `total`.
        QVERIFY(window.setBreakpointCondition(total, QString()));
        panel->action(DebugAction::ReverseContinue)->trigger();
        QVERIFY(panel->contextView()->textView()->toPlainText().contains(QStringLiteral("KB-01")));
        QCOMPARE(column(panel->valuesView(), 1).last(), QStringLiteral("79.0"));
        panel->action(DebugAction::ReverseContinue)->trigger();
        QVERIFY(panel->messageLabel()->text().contains(QStringLiteral("Start of the run")));
        QCOMPARE(executionLine(editor), lineOf(editor, QStringLiteral("order.id")));
        panel->action(DebugAction::Continue)->trigger();
        panel->action(DebugAction::Continue)->trigger();
        QVERIFY(panel->contextView()->textView()->toPlainText().contains(QStringLiteral("CB-3M")));

        // Step out of the block's rule: the block's write of the whole array.
        panel->action(DebugAction::StepOut)->trigger();
        QVERIFY(panel->descriptionLabel()->text().contains(QStringLiteral("Wrote /order/lines")));
        // Click the sku of the first line in the output: back to the rule and event that wrote it.
        const int skuLine = panel->outputView()->textView()->document()->find(QStringLiteral("\"KB-01\"")).blockNumber();
        QVERIFY(panel->jumpToWriterAtLine(skuLine));
        QCOMPARE(executionLine(editor), lineOf(editor, QStringLiteral("sku   <-")));
        QVERIFY(panel->descriptionLabel()->text().contains(QStringLiteral("Wrote /order/lines/0/sku")));
        // Step back, then restart.
        panel->action(DebugAction::StepBack)->trigger();
        QCOMPARE(executionLine(editor), lineOf(editor, QStringLiteral("sku   <-")));
        QVERIFY(panel->descriptionLabel()->text().contains(QStringLiteral("Rule on line")));
        panel->action(DebugAction::Restart)->trigger();
        QCOMPARE(executionLine(editor), lineOf(editor, QStringLiteral("order.id")));
        // The shortcuts work from the editor: F10 steps over the rule to its write, Shift+F10 back.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_F10);
        QVERIFY(panel->descriptionLabel()->text().contains(QStringLiteral("Wrote /order/id")));
        QTest::keyClick(editor, Qt::Key_F10, Qt::ShiftModifier);
        QVERIFY(panel->descriptionLabel()->text().contains(QStringLiteral("Rule on line")));

        // Run to cursor: the tags rule.
        studiotest::moveCursorTo(editor, QStringLiteral("order.tags"));
        panel->action(DebugAction::RunToCursor)->trigger();
        QCOMPARE(executionLine(editor), lineOf(editor, QStringLiteral("order.tags")));

        // Gutter click on the object block's header: the breakpoint goes to its first rule.
        emit editor->gutterClicked(lineOf(editor, QStringLiteral("order.shipping {")));
        QVERIFY(editor->hasBreakpoint(lineOf(editor, QStringLiteral("street <-"))));
        emit editor->gutterClicked(lineOf(editor, QStringLiteral("street <-")));
        QVERIFY(!editor->hasBreakpoint(lineOf(editor, QStringLiteral("street <-"))));

        // An edit makes the recording stale: the editor marks go, the panel says why.
        editor->moveCursor(QTextCursor::End);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("order.note <- \"x\""));
        QTRY_VERIFY(panel->debugger()->state().stale);
        QCOMPARE(editor->executionRange().first, -1);
        QVERIFY(panel->messageLabel()->text().contains(QStringLiteral("record again")));
    }

    void conditionOnABlockLetAndANewerAction()
    {
        MainWindow window;
        window.show();
        CodeEditor* editor = window.editor();
        DebuggerPanel* panel = window.debuggerPanel();
        editor->setPlainText(QStringLiteral("mapping \"m\" version 2\n"
                                            "rows[] <- each .rows as row {\n"
                                            "  let cost = .qty * .price\n"
                                            "  id <- .id\n"
                                            "}\n"));
        window.previewPanel()->setInputText(QStringLiteral(
            R"({"rows": [{"id": 1, "qty": 2, "price": 3}, {"id": 2, "qty": 5, "price": 4}, {"id": 3, "qty": 1, "price": 1}]})"));
        window.recordDebugRun(false);
        QTRY_VERIFY(panel->debugger()->state().recorded);
        const int id = lineOf(editor, QStringLiteral("id <- .id"));
        QVERIFY(window.setBreakpointCondition(id, QStringLiteral("cost > 10 and lookup(row, \"id\") > 1 and index() == 1")));

        // A newer action supersedes a continue still looking: the step is where it stands.
        const int first = panel->debugger()->state().event;
        panel->action(DebugAction::Continue)->trigger();
        QVERIFY(panel->debugger()->isSearching());
        panel->action(DebugAction::StepInto)->trigger();
        QVERIFY(!panel->debugger()->isSearching());
        const int stepped = panel->debugger()->state().event;
        QVERIFY(stepped > first);
        QTest::qWait(200);   // the cancelled search's answer, had it come, would have moved it
        QCOMPARE(panel->debugger()->state().event, stepped);
        QVERIFY(!panel->messageLabel()->text().contains(QStringLiteral("breakpoint")));

        // Left alone, the continue stops where the block's `let` and the `as` name say.
        panel->action(DebugAction::Continue)->trigger();
        QTRY_VERIFY(!panel->debugger()->isSearching());
        QVERIFY2(panel->messageLabel()->text().contains(QStringLiteral("Stopped at the breakpoint on line %1.").arg(id)),
                 qPrintable(panel->messageLabel()->text()));
        QVERIFY(panel->contextView()->textView()->toPlainText().contains(QStringLiteral("\"price\": 4")));
    }

    void v1RecordingAndABadCondition()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("customer-v1.mdsl")));
        window.show();
        QTRY_VERIFY(!window.previewPanel()->inputText().isEmpty());
        DebuggerPanel* panel = window.debuggerPanel();
        CodeEditor* editor = window.editor();
        const int rules = snapLine(editor);
        QVERIFY(window.setBreakpointCondition(rules, QStringLiteral("nosuch(")));
        window.recordDebugRun(true);
        QTRY_VERIFY(panel->debugger()->state().recorded);
        QCOMPARE(panel->debugger()->state().engine, QStringLiteral("V1"));
        panel->action(DebugAction::Continue)->trigger();
        QTRY_VERIFY(!panel->debugger()->isSearching());
        QVERIFY2(panel->messageLabel()->text().contains(QStringLiteral("condition is wrong")),
            qPrintable(panel->messageLabel()->text()));
        // Where in the condition: the end of `nosuch(`, where an argument was expected.
        QVERIFY2(panel->messageLabel()->text().contains(QStringLiteral("(column 8)")),
            qPrintable(panel->messageLabel()->text()));

        // A mapping with errors, then a sample input that is not JSON: each is said, nothing to step.
        editor->setPlainText(QStringLiteral("mapping \"m\" version 1\ncustomer.id <- nosuch(1)\n"));
        window.recordDebugRun(true);
        QTRY_VERIFY(panel->messageLabel()->text().contains(QStringLiteral("has errors")));
        QVERIFY(!panel->debugger()->state().recorded);
        QVERIFY(!panel->action(DebugAction::StepInto)->isEnabled());
        QCOMPARE(editor->executionRange().first, -1);
        window.previewPanel()->setInputText(QStringLiteral("{ nope"));
        window.recordDebugRun(true);
        QTRY_VERIFY(panel->messageLabel()->text().contains(QStringLiteral("not valid JSON")));
        QCOMPARE(panel->positionLabel()->text(), QStringLiteral("No run recorded"));
    }

    // A wrong condition is said in the interface language, as the problems list says a
    // diagnostic: the wording, the position in the condition and the error underneath.
    void wrongConditionsInFrench()
    {
        MainWindow window;
        window.show();
        CodeEditor* editor = window.editor();
        DebuggerController* debugger = window.debuggerController();
        DebuggerPanel* panel = debugger->panel();
        editor->setPlainText(QStringLiteral("mapping \"m\" version 2\n"
                                            "rows[] <- each .rows as row {\n"
                                            "  id <- .id\n"
                                            "}\n"));
        window.previewPanel()->setInputText(QStringLiteral(R"({"rows": [{"id": 1, "qty": 2}, {"id": 2, "qty": 5}]})"));
        debugger->record(false);
        QTRY_VERIFY(panel->debugger()->state().recorded);
        const int id = lineOf(editor, QStringLiteral("id <- .id"));
        StudioSettings french = window.settings();
        french.language = QStringLiteral("fr");
        window.applySettings(french);
        const auto stopMessage = [&](const QString& condition) {
            debugger->setBreakpointCondition(id, condition);
            panel->action(DebugAction::Restart)->trigger();
            panel->action(DebugAction::Continue)->trigger();
            return QTest::qWaitFor([&] { return !panel->debugger()->isSearching(); }, 10000)
                ? panel->messageLabel()->text()
                : QStringLiteral("(still searching)");
        };
        const QString unknown = stopMessage(QStringLiteral("row.qty > 1 and nosuch > 1"));
        const QString failed = stopMessage(QStringLiteral("upper(.qty) == \"X\""));
        const QString notBoolean = stopMessage(QStringLiteral("row.id"));
        const QString twoLines = stopMessage(QStringLiteral("(.qty > 1 and\n  nosuch)"));
        StudioSettings english = window.settings();
        english.language = QStringLiteral("en");
        window.applySettings(english);
        const QString inEnglish = stopMessage(QStringLiteral("row.qty > 1 and nosuch > 1"));

        QCOMPARE(unknown, QStringLiteral("Arrêt au point d’arrêt de la ligne %1\u00a0: sa condition est erronée "
                                         "(la condition n’est pas valide (colonne 17)\u00a0: nom inconnu `nosuch`).")
                              .arg(id));
        QVERIFY2(failed.startsWith(QStringLiteral("Arrêt au point d’arrêt de la ligne %1\u00a0: sa condition est erronée "
                                                  "(la condition a échoué (colonne ").arg(id)),
                 qPrintable(failed));
        QVERIFY2(notBoolean.contains(QStringLiteral("(la condition a donné un nombre, et non vrai ou faux)")),
                 qPrintable(notBoolean));
        QVERIFY2(twoLines.contains(QStringLiteral("(ligne 2, colonne 3)")), qPrintable(twoLines));
        // No English fragment: not the wording, not the position, not the error underneath.
        for (const QString& shown : {unknown, failed, notBoolean, twoLines}) {
            for (const char* fragment : {"the ", "column", "line ", "unknown", "failed", "not valid", "gave",
                                        "true or false", "Stopped", "wrong", "must", "needs", "string", "number", " of `"})
                QVERIFY2(!shown.contains(QLatin1String(fragment)), qPrintable(shown));
        }
        QCOMPARE(inEnglish, QStringLiteral("Stopped at the breakpoint on line %1: its condition is wrong "
                                           "(the condition is not valid (column 17): unknown name `nosuch`).")
                                .arg(id));
    }

    // Every wording of a condition's error the engine can produce has the studio's pattern,
    // identical in English to the engine's, and a French form.
    void conditionWordingsAreTranslatedById()
    {
        for (const mdsl::Wording& entry : mdsl::debug::conditionWordings()) {
            const QString id = QString::fromUtf8(entry.id.data(), qsizetype(entry.id.size()));
            QString english = QString::fromUtf8(entry.pattern.data(), qsizetype(entry.pattern.size()));
            for (int n = 0; n < 9; ++n)
                english.replace(QStringLiteral("{%1}").arg(n), QStringLiteral("%%1").arg(n + 1));
            QCOMPARE(DiagnosticMessages::conditionPattern(id), english);
            installTranslation(QStringLiteral("fr"));
            const QString french = DiagnosticMessages::conditionPattern(id);
            installTranslation(QStringLiteral("en"));
            QVERIFY2(!french.isEmpty() && french != english, qPrintable(id));
        }
        // A wording this studio does not know (a newer engine): the engine's English words.
        mdsl::debug::ConditionError newer;
        newer.wording = "condition.newer";
        QCOMPARE(DiagnosticMessages::translateCondition(newer), QStringLiteral("condition.newer"));
    }

private:
    /// The line of the last rule of the open document (a breakpoint target continue reaches).
    static int snapLine(CodeEditor* editor)
    {
        for (int line = editor->blockCount(); line > 0; --line) {
            if (editor->document()->findBlockByNumber(line - 1).text().contains(QStringLiteral("<-")))
                return line;
        }
        return 0;
    }
};

MDSL_TEST_MAIN(TestDebugger)
#include "test_debugger.moc"
