// Hostile sample inputs through every tab and action of the window: an input 10,000 levels deep
// and one of a million elements, as the sample of a version 1 mapping, as a record of a corpus
// and as a test case of the mapping. The preview, the visual mapping, the debugger (record and
// step), the Corpus tab (run, open the record, run the tests, open the case), File > Migrate to
// V2… and its corpus check, a repro bundle written and opened again, and "Ask the service"
// against a real `mapping-dsl serve`: each answers what the engine answers (E403 for the deep
// one) and the window keeps working: no stack overflow, no endless wait.

#include "testmain.h"

#include "../service/servicetest.h"
#include "codeeditor.h"
#include "corpus/corpuscontroller.h"
#include "corpus/corpuspanel.h"
#include "corpus/corpusrecordbar.h"
#include "corpus/corpusresults.h"
#include "debuggerinterface.h"
#include "debuggerpanel.h"
#include "jsonview.h"
#include "mainwindow.h"
#include "migratecontroller.h"
#include "previewpanel.h"
#include "servicecontroller.h"
#include "studioapp.h"
#include "studiotest.h"
#include "visualmappingpanel.h"

#include "mdsl/corpus.h"
#include "mdsl/json.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

using namespace studio;
using studiotest::writeFile;

namespace {

const char* const kMapping = "mapping \"hostile\" version 1\n"
                             "first <- .a.a\n"
                             "x <- default(.b, \"none\")\n";

QByteArray deepInput()
{
    QByteArray text;
    for (int i = 0; i < 10'000; ++i)
        text += "{\"a\": ";
    text += '1';
    text += QByteArray(10'000, '}');
    return text;
}

QByteArray millionInput()
{
    QByteArray text = "{\"a\": [";
    text.reserve(2'000'100);
    for (int i = 0; i < 1'000'000; ++i)
        text += i ? ",1" : "1";
    return text + "], \"b\": \"big\"}";
}

QString rightErrors(PreviewPanel& preview)
{
    QStringList texts;
    for (const PreviewSideView::Error& e : preview.view().right.errors)
        texts << e.text;
    return texts.join(QLatin1Char(' '));
}

/// What the preview's V2 side answers, once it has answered for the current input.
bool previewAnswered(PreviewPanel& preview, bool deep)
{
    if (deep)
        return rightErrors(preview).contains(QStringLiteral("E403"));
    return preview.v2View()->toPlainText().contains(QStringLiteral("\"x\": \"big\""));
}

} // namespace

class TestHostileInputs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    void everyTabAndAction_data()
    {
        QTest::addColumn<bool>("deep");
        QTest::newRow("10,000 levels") << true;
        QTest::newRow("1,000,000 elements") << false;
    }

    void everyTabAndAction()
    {
        QFETCH(bool, deep);
        const QByteArray input = deep ? deepInput() : millionInput();
        QTemporaryDir dir;
        const QString mapping = writeFile(dir, QStringLiteral("hostile.mdsl"), kMapping);
        writeFile(dir, QStringLiteral("hostile.input.json"), input);
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("hostile.tests")));
        writeFile(dir, QStringLiteral("hostile.tests/big.input.json"), input);
        writeFile(dir, QStringLiteral("hostile.tests/big.expected.json"), "{\"x\": \"none\"}\n");
        const QString corpusPath = writeFile(dir, QStringLiteral("corpus.ndjson"), "{\"b\": 1}\n" + input + "\n{\"b\": 3}\n");

        MainWindow window;
        window.resize(1400, 900);
        QVERIFY(window.openFile(mapping));   // the sample comes with it
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PreviewPanel* preview = window.previewPanel();

        // The preview: the engine's answer, E403 for the deep input.
        QTRY_VERIFY_WITH_TIMEOUT(previewAnswered(*preview, deep), 120000);
        if (deep) {
            QCOMPARE(preview->view().right.stateName, QStringLiteral("failed"));
            // The input's error, not line 1 of the mapping's.
            QVERIFY2(rightErrors(*preview).startsWith(QStringLiteral("Sample input: E403 ")), qPrintable(rightErrors(*preview)));
        }

        // The visual mapping: a bounded tree of the sample's fields.
        VisualMappingPanel* visual = window.visualMappingPanel();
        window.sideTabs()->setCurrentWidget(visual);
        QTRY_VERIFY_WITH_TIMEOUT(visual->sourceItem(QStringLiteral("$.a")), 120000);
        if (!deep)
            QCOMPARE(visual->sourceItem(QStringLiteral("$.a"))->text(2), QStringLiteral("1000000 items"));
        window.sideTabs()->setCurrentWidget(preview);

        // The debugger: record, step to the end and back.
        DebuggerPanel* debugger = window.debuggerPanel();
        window.recordDebugRun(false);
        QTRY_VERIFY_WITH_TIMEOUT(debugger->debugger()->state().recorded || !debugger->debugger()->state().message.isEmpty(), 120000);
        const DebugState recorded = debugger->debugger()->state();
        if (deep) {
            QVERIFY2(recorded.message.contains(QStringLiteral("E403")) || recorded.error.contains(QStringLiteral("E403")),
                     qPrintable(recorded.message + QLatin1Char('|') + recorded.error));
        } else {
            QVERIFY(recorded.recorded);
            for (int i = 0; i < 10 && debugger->debugger()->state().event + 1 < debugger->debugger()->state().eventCount; ++i) {
                const int before = debugger->debugger()->state().event;
                debugger->action(DebugAction::StepInto)->trigger();
                QTRY_VERIFY_WITH_TIMEOUT(debugger->debugger()->state().event != before, 60000);
            }
            debugger->action(DebugAction::StepBack)->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(debugger->debugger()->state().event >= 0, 60000);
        }

        // The Corpus tab: the run counts the record, opens it in the preview and goes back.
        CorpusController* corpus = window.corpusController();
        corpus->setCorpus(corpusPath);
        {
            QSignalSpy done(corpus, &CorpusController::runFinished);
            QVERIFY(corpus->run());
            QVERIFY(done.wait(300000));
        }
        const mdsl::CorpusReport& report = *corpus->lastResult()->report;
        QCOMPARE(report.records, std::uint64_t{3});
        QCOMPARE(report.invalidInput, std::uint64_t{0});
        QCOMPARE(report.right.failed, std::uint64_t{deep ? 1u : 0u});
        if (deep) {
            QCOMPARE(report.failures.front().code, std::string("E403"));
            QCOMPARE(report.failures.front().lines, std::vector<std::uint64_t>{2});
        }
        {
            QSignalSpy shown(corpus, &CorpusController::sampleShown);
            QVERIFY(corpus->openRecord(2));
            QVERIFY(corpus->recordBar()->isVisible());
            QVERIFY(shown.wait(120000));
        }
        QCOMPARE(preview->inputText().count(deep ? QLatin1Char('{') : QLatin1Char(',')), deep ? 10'000 : 1'000'000);
        QTRY_VERIFY_WITH_TIMEOUT(previewAnswered(*preview, deep), 120000);
        corpus->backToSample();
        QVERIFY(!corpus->recordBar()->isVisible());

        // The mapping's tests: the case with the hostile input runs and opens.
        {
            QSignalSpy ran(corpus, &CorpusController::testsFinished);
            corpus->runTests();
            QVERIFY(ran.wait(300000));
        }
        {
            QSignalSpy shown(corpus, &CorpusController::sampleShown);
            QVERIFY(corpus->openTestCase(0, 0));
            QVERIFY(shown.wait(120000));
        }
        QCOMPARE(preview->inputText().count(deep ? QLatin1Char('{') : QLatin1Char(',')), deep ? 10'000 : 1'000'000);
        QTRY_VERIFY_WITH_TIMEOUT(previewAnswered(*preview, deep), 120000);
        corpus->backToSample();

        // A repro bundle of it, opened again: the same input, the same answer.
        // Deeper than a bundle holds: refused with the reason, nothing written.
        const QString bundle = dir.filePath(QStringLiteral("hostile.mdslrepro"));
        if (deep) {
            QString refusal;
            QTimer::singleShot(0, this, [&refusal] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (box) {
                    refusal = box->text();
                    box->close();
                }
            });
            QVERIFY(!window.exportReproBundle(bundle, QStringLiteral("hostile input")));
            QVERIFY2(refusal.contains(QStringLiteral("nested deeper than 512 levels")), qPrintable(refusal));
            QVERIFY(!QFile::exists(bundle));
        } else {
            QVERIFY(window.exportReproBundle(bundle, QStringLiteral("hostile input")));
            QVERIFY(window.openReproBundle(bundle));
            QTRY_VERIFY_WITH_TIMEOUT(previewAnswered(*preview, deep), 120000);
            const QByteArray shown = preview->inputText().toUtf8();
            QVERIFY(mdsl::parseJson(std::string_view(shown.constData(), std::size_t(shown.size())))
                    == mdsl::parseJson(std::string_view(input.constData(), std::size_t(input.size()))));
            window.closeRepro();
            window.editor()->document()->setModified(false);   // production's copy: not kept
        }

        // "Ask the service": the service answers as the studio does.
        servicetest::Server production;
        QVERIFY2(production.start(), qPrintable(production.log()));
        setServiceUrl(production.url(QString()));
        QVERIFY(window.openFile(mapping));
        QTRY_VERIFY_WITH_TIMEOUT(previewAnswered(*preview, deep), 120000);
        auto* service = window.findChild<ServiceController*>();
        QVERIFY(service);
        QSignalSpy answered(service, &ServiceController::answered);
        QTest::mouseClick(service->askButton(), Qt::LeftButton);
        QVERIFY(answered.wait(120000));
        const QString answer = service->answerLabel()->text();
        QVERIFY2(answer.contains(QStringLiteral("same answer as the studio")), qPrintable(answer));
        setServiceUrl(QString());

        // File > Migrate to V2…: the migrated text, pinned to the original, checked on the corpus.
        MigrateController* migrate = window.migrateController();
        QVERIFY(migrate->migrateFile(mapping));
        QVERIFY(window.editor()->toPlainText().contains(QStringLiteral("x     <- .b ?? \"none\"")));
        QTRY_VERIFY_WITH_TIMEOUT(previewAnswered(*preview, deep), 120000);
        migrate->checkCorpus(corpusPath);
        migrate->waitForCorpusCheck();
        QCOMPARE(migrate->verdictText(), QStringLiteral("Identical on all 3 records: the original on V1 and this text on V2 "
                                                        "give the same status and output."));
        studiotest::screenshot(&window, deep ? QStringLiteral("hostile-deep") : QStringLiteral("hostile-million"));
        window.editor()->document()->setModified(false);
    }
};

MDSL_TEST_MAIN(TestHostileInputs)
#include "test_hostile_inputs.moc"
