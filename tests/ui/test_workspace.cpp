// A mapping's workspace: its samples, V1 pin, breakpoints and watches written beside it and restored with
// it; nothing carried to another document (opened, new, a repro bundle's); Save As keeps the
// sample; examples always open with their input; a recording goes stale when the input changes.

#include "testmain.h"

#include "codeeditor.h"
#include "debuggerpanel.h"
#include "debuggerwatches.h"
#include "filescontroller.h"
#include "jsonview.h"
#include "mainwindow.h"
#include "previewcontroller.h"
#include "previewpanel.h"
#include "debuggerinterface.h"
#include "studioapp.h"
#include "studiotest.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;

namespace {

const QByteArray kOrders = "mapping \"orders\" version 2\nid <- .id\ntotal <- .total\n";
const QByteArray kOrdersInput = "{\"id\": 7, \"total\": 12.5}";

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList sampleNames(MainWindow& window)
{
    QStringList names;
    const QComboBox* box = window.previewPanel()->sampleSelector();
    for (int i = 0; i < box->count(); ++i)
        names << box->itemText(i);
    return names;
}

} // namespace

class TestWorkspace : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    void aMappingsWorkspaceComesBackWithIt()
    {
        QTemporaryDir dir;
        const QString orders = studiotest::writeFile(dir, QStringLiteral("orders.mdsl"), kOrders);
        studiotest::writeFile(dir, QStringLiteral("orders.input.json"), kOrdersInput);
        const QString v1 = studiotest::writeFile(dir, QStringLiteral("orders-v1.mdsl"), "mapping \"orders\" version 1\nid <- .id\n");
        {
            MainWindow window;
            QVERIFY(window.openFile(orders));
            QCOMPARE(window.previewPanel()->inputText(), QString::fromUtf8(kOrdersInput));
            QCOMPARE(sampleNames(window), QStringList{QStringLiteral("orders")});
            WorkspaceController* workspace = window.workspaceController();
            workspace->addSample(QStringLiteral("refund"), false);
            window.previewPanel()->inputView()->setPlainText(QStringLiteral("{\"id\": 8, \"total\": -3}"));
            window.editor()->setBreakpoint(3, QStringLiteral(".total < 0"));
            QVERIFY(window.pinV1To(v1));
            QVERIFY(workspace->writeNow());
        }
        const QJsonObject saved = readJson(dir.filePath(QStringLiteral("orders.workspace.json")));
        QCOMPARE(saved.value(QStringLiteral("mappingStudioWorkspace")).toInt(), 1);
        const QJsonArray samples = saved.value(QStringLiteral("samples")).toArray();
        QCOMPARE(samples.size(), 2);
        // The first is still its file's content: referred to, not copied; the second is inline.
        QCOMPARE(samples.at(0).toObject().value(QStringLiteral("file")).toString(), QStringLiteral("orders.input.json"));
        QCOMPARE(samples.at(1).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("{\"id\": 8, \"total\": -3}"));
        QCOMPARE(saved.value(QStringLiteral("pinnedV1")).toString(), QStringLiteral("orders-v1.mdsl"));
        QCOMPARE(saved.value(QStringLiteral("breakpoints")).toArray().at(0).toObject().value(QStringLiteral("line")).toInt(), 3);

        MainWindow again;
        QVERIFY(again.openFile(orders));
        QCOMPARE(sampleNames(again), (QStringList{QStringLiteral("orders"), QStringLiteral("refund")}));
        QCOMPARE(again.previewPanel()->sampleSelector()->currentIndex(), 1);
        QCOMPARE(again.previewPanel()->inputText(), QStringLiteral("{\"id\": 8, \"total\": -3}"));
        QCOMPARE(again.editor()->breakpoints(), (QList<DebugBreakpoint>{{3, QStringLiteral(".total < 0")}}));
        QCOMPARE(QFileInfo(again.previewPanel()->pinnedPath()).fileName(), QStringLiteral("orders-v1.mdsl"));
        // Switching samples keeps each one's text.
        again.previewPanel()->sampleSelector()->activated(0);
        QCOMPARE(again.previewPanel()->inputText(), QString::fromUtf8(kOrdersInput));
        again.previewPanel()->sampleSelector()->activated(1);
        QCOMPARE(again.previewPanel()->inputText(), QStringLiteral("{\"id\": 8, \"total\": -3}"));
    }

    void watchesComeBackWithTheMappingAndGoNowhereElse()
    {
        QTemporaryDir dir;
        const QString orders = studiotest::writeFile(dir, QStringLiteral("orders.mdsl"), kOrders);
        studiotest::writeFile(dir, QStringLiteral("orders.input.json"), kOrdersInput);
        const QString other = studiotest::writeFile(dir, QStringLiteral("other.mdsl"), "mapping \"other\" version 2\nx <- .x\n");
        {
            MainWindow window;
            QVERIFY(window.openFile(orders));
            DebuggerWatchesView* watches = window.debuggerPanel()->watchesView();
            // Added as a user adds them: the last row, typed in place.
            watches->addWatch(QStringLiteral(".total * 2"));
            watches->addWatch(QStringLiteral(".id"));
            QCOMPARE(window.debuggerPanel()->watches(), (QStringList{QStringLiteral(".total * 2"), QStringLiteral(".id")}));
            // Another mapping: none of them.
            QVERIFY(window.openFile(other));
            QVERIFY(window.debuggerPanel()->watches().isEmpty());
            QCOMPARE(window.debuggerPanel()->watchesView()->topLevelItemCount(), 1);   // the "Add a watch…" row
            window.newDocument();
            QVERIFY(window.debuggerPanel()->watches().isEmpty());
            // Back to the first: its watches were kept for it.
            QVERIFY(window.openFile(orders));
            QCOMPARE(window.debuggerPanel()->watches(), (QStringList{QStringLiteral(".total * 2"), QStringLiteral(".id")}));
            QVERIFY(window.workspaceController()->writeNow());
        }
        const QJsonObject saved = readJson(dir.filePath(QStringLiteral("orders.workspace.json")));
        QCOMPARE(saved.value(QStringLiteral("watches")).toArray(),
                 (QJsonArray{QStringLiteral(".total * 2"), QStringLiteral(".id")}));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("other.workspace.json"))));
        MainWindow again;
        QVERIFY(again.openFile(orders));
        QCOMPARE(again.debuggerPanel()->watches(), (QStringList{QStringLiteral(".total * 2"), QStringLiteral(".id")}));

        // A version 1 file written before watches existed still opens, with none.
        studiotest::writeFile(dir, QStringLiteral("old.mdsl"), kOrders);
        studiotest::writeFile(dir, QStringLiteral("old.workspace.json"),
            "{\"mappingStudioWorkspace\": 1, \"current\": 0, \"samples\": [{\"name\": \"a\", \"text\": \"{\\\"id\\\": 3}\"}],"
            " \"breakpoints\": [{\"line\": 2}]}");
        QVERIFY(again.openFile(dir.filePath(QStringLiteral("old.mdsl"))));
        QVERIFY(again.debuggerPanel()->watches().isEmpty());
        QCOMPARE(again.editor()->breakpoints().size(), 1);
        QCOMPARE(again.previewPanel()->inputText(), QStringLiteral("{\"id\": 3}"));
    }

    void openingAMappingLeavesNoFileBehind()
    {
        // Opened and looked at, a mapping with its input file gets no workspace file: there is
        // nothing to keep (an installed example's folder stays as the package left it).
        QTemporaryDir dir;
        const QString orders = studiotest::writeFile(dir, QStringLiteral("orders.mdsl"), kOrders);
        studiotest::writeFile(dir, QStringLiteral("orders.input.json"), kOrdersInput);
        {
            MainWindow window;
            QVERIFY(window.openFile(orders));
            QTest::qWait(1500);   // past the workspace's write delay
        }
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("orders.workspace.json"))));
        // A breakpoint is something to keep.
        {
            MainWindow window;
            QVERIFY(window.openFile(orders));
            window.editor()->setBreakpoint(2);
        }
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("orders.workspace.json"))));
    }

    void nothingCarriesToAnotherDocument()
    {
        QTemporaryDir dir;
        const QString orders = studiotest::writeFile(dir, QStringLiteral("orders.mdsl"), kOrders);
        studiotest::writeFile(dir, QStringLiteral("orders.input.json"), kOrdersInput);
        const QString v1 = studiotest::writeFile(dir, QStringLiteral("orders-v1.mdsl"), "mapping \"orders\" version 1\nid <- .id\n");
        const QString other = studiotest::writeFile(dir, QStringLiteral("other.mdsl"), "mapping \"other\" version 2\nx <- .x\ny <- .y\nz <- .z\n");
        MainWindow window;
        QVERIFY(window.openFile(orders));
        window.editor()->setBreakpoint(2);
        QVERIFY(window.pinV1To(v1));
        QVERIFY(window.openFile(other));
        // The other mapping has no workspace and no input file: nothing of the first one.
        QVERIFY(window.editor()->breakpoints().isEmpty());
        QVERIFY(window.previewPanel()->pinnedPath().isEmpty());
        QVERIFY(window.previewPanel()->inputText().isEmpty());
        // Back to the first: its breakpoint and pin were kept for it.
        QVERIFY(window.openFile(orders));
        QCOMPARE(window.editor()->breakpoints().size(), 1);
        QCOMPARE(window.previewPanel()->pinnedPath(), QFileInfo(v1).absoluteFilePath());
        QCOMPARE(window.previewPanel()->inputText(), QString::fromUtf8(kOrdersInput));
        // A new document starts empty.
        window.newDocument();
        QVERIFY(window.editor()->breakpoints().isEmpty());
        QVERIFY(window.previewPanel()->pinnedPath().isEmpty());
        QVERIFY(window.previewPanel()->inputText().isEmpty());
        // A repro bundle's document: its own input only; closing it, the next file is named right.
        QVERIFY(window.openFile(QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/customer-phone.mdslrepro")));
        QVERIFY(window.editor()->breakpoints().isEmpty());
        QVERIFY(window.previewPanel()->inputText().contains(QStringLiteral("phone")));
        QVERIFY(window.windowTitle().contains(window.documentName()));
        QVERIFY(window.documentName() != QStringLiteral("Untitled"));
    }

    void aRecordShownIsNotKeptAsTheSample()
    {
        // A corpus record opened in the preview is shown, not made the mapping's sample.
        QTemporaryDir dir;
        const QString orders = studiotest::writeFile(dir, QStringLiteral("orders.mdsl"), kOrders);
        MainWindow window;
        QVERIFY(window.openFile(orders));
        window.previewPanel()->inputView()->setPlainText(QStringLiteral("{\"id\": 1}"));
        window.previewController()->setSampleInput(QStringLiteral("{\"id\": 1234}"), true);
        QVERIFY(window.workspaceController()->writeNow());
        const QJsonArray samples = readJson(dir.filePath(QStringLiteral("orders.workspace.json"))).value(QStringLiteral("samples")).toArray();
        QCOMPARE(samples.at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("{\"id\": 1}"));
    }

    void saveAsKeepsTheSample()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fresh.mdsl"));
        {
            MainWindow window;
            window.newDocument();
            window.editor()->setPlainText(QStringLiteral("mapping \"fresh\" version 2\nname <- .name\n"));
            window.previewPanel()->inputView()->setPlainText(QStringLiteral("{\"name\": \"Ada\"}"));
            QVERIFY(window.filesController()->saveAs(path));
        }
        MainWindow window;
        QVERIFY(window.openFile(path));
        QCOMPARE(window.previewPanel()->inputText(), QStringLiteral("{\"name\": \"Ada\"}"));
    }

    void examplesAlwaysOpenWithTheirInput()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-export.mdsl")));
        const QString input = window.previewPanel()->inputText();
        QVERIFY(!input.isEmpty());
        window.previewPanel()->inputView()->setPlainText(QStringLiteral("{}"));
        QVERIFY(window.openExample(QStringLiteral("order-export.mdsl")));
        QCOMPARE(window.previewPanel()->inputText(), input);
        QVERIFY(window.openExample(QStringLiteral("customer-v2.mdsl")));
        QVERIFY(window.previewPanel()->inputText() != input);
        QVERIFY(!window.previewPanel()->inputText().isEmpty());
    }

    void anotherInputMakesTheRecordingStale()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-export.mdsl")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.recordDebugRun(false);
        DebuggerInterface* debugger = window.debuggerPanel()->debugger();
        QTRY_VERIFY_WITH_TIMEOUT(debugger->state().recorded, 30000);
        QVERIFY(!debugger->state().stale);
        window.previewPanel()->inputView()->setPlainText(QStringLiteral("{\"id\": \"other\"}"));
        QTRY_VERIFY(debugger->state().stale);
        QVERIFY(debugger->state().message.contains(QStringLiteral("sample input")));
    }
};

MDSL_TEST_MAIN(TestWorkspace)
#include "test_workspace.moc"
