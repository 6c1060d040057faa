// The Corpus view in the window: a run on a generated corpus with progress and Cancel, the
// groups the command line reports for the same sides, a record opened in the preview with its
// differences marked, the profile and its heat marks, a failing test accepted, the exports,
// a dropped corpus, and screenshots in light, dark and French.

#include "testmain.h"

#include "../engines/customer_corpus.h"
#include "codeeditor.h"
#include "corpus/corpuscontroller.h"
#include "corpus/corpuspanel.h"
#include "corpus/corpusrecordbar.h"
#include "corpus/corpusresults.h"
#include "jsonview.h"
#include "mainwindow.h"
#include "previewpanel.h"
#include "studioapp.h"
#include "studiosettings.h"
#include "studiotest.h"

#include "mdsl/corpus.h"

#include <QApplication>
#include <QDropEvent>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>

using namespace studio;
using studiotest::screenshot;
using studiotest::writeFile;

namespace {

const QString kExamples = QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/");

// The customer pair in a window: the migrated mapping in the editor, the original pinned.
void openCustomerPair(MainWindow& window)
{
    QVERIFY(window.openFile(kExamples + QStringLiteral("customer-v2.mdsl")));
    QVERIFY(window.pinV1To(kExamples + QStringLiteral("customer-v1.mdsl")));
}

QString writeCorpus(const QTemporaryDir& dir, int records)
{
    return writeFile(dir, QStringLiteral("customers.ndjson"), QByteArray::fromStdString(testcorpus::customerCorpus(records)));
}

// What `mapping-dsl compare` reports for the studio's sides and flags, as JSON.
mdsl::Json cliReport(const QTemporaryDir& dir, const QString& corpus, const mdsl::Flags& flags)
{
    const QString flagFile = dir.filePath(QStringLiteral("flags.yaml"));
    if (!writeFlagFile(flagFile, flags).isEmpty())
        return {};
    QProcess cli;
    cli.start(QStringLiteral(MDSL_CLI),
              {QStringLiteral("compare"), kExamples + QStringLiteral("customer-v2.mdsl"), QStringLiteral("--original"),
               kExamples + QStringLiteral("customer-v1.mdsl"), QStringLiteral("--ndjson"), corpus, QStringLiteral("--flags"),
               flagFile, QStringLiteral("--report"), QStringLiteral("json")});
    if (!cli.waitForFinished(120000))
        return {};
    return mdsl::Json::parse(cli.readAllStandardOutput().toStdString(), nullptr, false);
}

// The groups of a JSON report, without what depends on the clock.
mdsl::Json groupsOf(const mdsl::Json& report)
{
    mdsl::Json out = mdsl::Json::object();
    for (const char* key : {"differences", "failures", "records", "identical", "invalid_input"})
        out[key] = report.value(key, mdsl::Json());
    return out;
}

void runToEnd(CorpusController& corpus)
{
    QSignalSpy done(&corpus, &CorpusController::runFinished);
    QVERIFY(corpus.run());
    QVERIFY(done.wait(120000));
}

} // namespace

class TestCorpusView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    void progressMovesAndCancelKeepsPartialFigures()
    {
        QTemporaryDir dir;
        const QString corpusPath = writeCorpus(dir, 150000);
        MainWindow window;
        openCustomerPair(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CorpusController* corpus = window.corpusController();
        CorpusPanel* panel = corpus->panel();
        corpus->setCorpus(corpusPath);
        QVERIFY(corpus->run());
        QCOMPARE(panel->leftSide(), CorpusPanel::LeftSide::PinnedV1);   // the pinned original, by default
        QVERIFY(!panel->runButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(panel->progressBar()->value() > 0, 60000);
        const int first = panel->progressBar()->value();
        QVERIFY2(panel->progressBar()->text().contains(QStringLiteral("of 150,000 records")), qPrintable(panel->progressBar()->text()));
        QVERIFY2(panel->progressLabel()->text().contains(QStringLiteral("records/s")), qPrintable(panel->progressLabel()->text()));
        QVERIFY(panel->countersLabel()->text().contains(QStringLiteral("different")));
        QTRY_VERIFY_WITH_TIMEOUT(panel->progressBar()->value() > first, 60000);
        QVERIFY(corpus->running());
        QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!corpus->running(), 60000);
        const mdsl::CorpusReport& report = *corpus->lastResult()->report;
        QVERIFY(report.cancelled);
        QVERIFY(report.records > 0 && report.records < 150000);
        QCOMPARE(report.lastLine, report.records);
        QVERIFY2(panel->progressLabel()->text().contains(QStringLiteral("partial")), qPrintable(panel->progressLabel()->text()));
        QVERIFY(panel->verdictLabel()->text().contains(QStringLiteral("partial")));
        QVERIFY(panel->runButton()->isEnabled());
    }

    void groupsMatchTheCommandLineAndARecordOpensInThePreview()
    {
        QTemporaryDir dir;
        const QString corpusPath = writeCorpus(dir, 600);
        MainWindow window;
        openCustomerPair(window);
        window.resize(1500, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PreviewPanel* preview = window.previewPanel();
        QTRY_VERIFY(preview->v2View()->toPlainText().contains(QStringLiteral("\"Paris\"")));
        const QString sample = preview->inputText();
        CorpusController* corpus = window.corpusController();
        CorpusPanel* panel = corpus->panel();
        corpus->setCorpus(corpusPath);
        runToEnd(*corpus);
        const mdsl::CorpusReport& report = *corpus->lastResult()->report;
        QVERIFY(!report.cancelled);
        QCOMPARE(report.records, std::uint64_t{600});
        QCOMPARE(panel->progressBar()->value(), 1000);
        QVERIFY(panel->verdictLabel()->text().contains(QStringLiteral("NO-GO")));

        // The same groups as the command line for the same sides and flags.
        const mdsl::Json cli = cliReport(dir, corpusPath, window.settings().flags);
        QVERIFY(cli.is_object());
        QCOMPARE(groupsOf(mdsl::corpusReportJson(report)).dump(1), groupsOf(cli).dump(1));
        QVERIFY(!report.differences.empty());

        // The groups list: a group per pattern, its records below it.
        QTreeWidget* groups = panel->results()->groupsTree();
        QCOMPARE(panel->results()->currentWidget(), panel->results()->groupsTab());
        QCOMPARE(groups->topLevelItemCount(), int(report.differences.size() + report.failures.size()));
        QTreeWidgetItem* group = groups->topLevelItem(0);
        QVERIFY(group->text(0).contains(QString::fromStdString(report.differences.front().pointer)));
        group->setExpanded(true);
        QTreeWidgetItem* record = group->child(1);
        const std::uint64_t line = report.differences.front().examples[1].line;
        QCOMPARE(record->text(0), QStringLiteral("record %1").arg(line));
        groups->scrollToItem(record);
        const QPoint at = groups->visualItemRect(record).center();
        QTest::mouseClick(groups->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(groups->viewport(), Qt::LeftButton, {}, at);

        // The record is the sample input; the preview shows both sides, the differences marked.
        const mdsl::Json expected = testcorpus::customerRecord(int(line));
        QCOMPARE(mdsl::Json::parse(preview->inputText().toStdString()), expected);
        QCOMPARE(window.sideTabs()->currentWidget(), preview);
        CorpusRecordBar* bar = corpus->recordBar();
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->text(), QStringLiteral("Record %1 of customers.ndjson: the preview shows both sides, differences marked").arg(line));
        QTRY_VERIFY(preview->differenceCount() > 0);
        QTRY_VERIFY(preview->v2View()->toPlainText().contains(QStringLiteral("Ann%1").arg(line)));
        const QStringList differences = preview->view().differenceTexts();
        QVERIFY2(differences.join('\n').contains(QString::fromStdString(report.differences.front().pointer).replace(QStringLiteral("/*"), QString())),
                 qPrintable(differences.join('\n')));
        preview->nextDifference();
        QVERIFY(!preview->v2View()->markedLines().isEmpty());
        screenshot(&window, QStringLiteral("corpus-record"));

        // Back to the sample that was there.
        QTest::mouseClick(bar->backButton(), Qt::LeftButton);
        QCOMPARE(preview->inputText(), sample);
        QVERIFY(!bar->isVisible());

        // The per-rule profile: sortable, a row goes to its rule; the costly rules marked.
        QTableView* profile = panel->results()->profileView();
        QVERIFY(profile->model()->rowCount() > 3);
        profile->sortByColumn(1, Qt::AscendingOrder);
        const QModelIndex row = profile->model()->index(0, 0);
        const int ruleLine = row.data().toString().section(QLatin1Char(':'), 0, 0).toInt();
        QVERIFY(ruleLine > 0);
        emit profile->activated(row);
        QCOMPARE(window.editor()->textCursor().blockNumber() + 1, ruleLine);
        QVERIFY(!window.editor()->heatMarks().isEmpty());

        // Exports: the JSON and JUnit the command line writes; a self-contained HTML report.
        const QString json = dir.filePath(QStringLiteral("report.json"));
        QVERIFY(corpus->exportReport(CorpusPanel::ExportKind::Json, json));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        QCOMPARE(groupsOf(mdsl::Json::parse(jsonFile.readAll().toStdString())).dump(1), groupsOf(cli).dump(1));
        const QString junit = dir.filePath(QStringLiteral("report.xml"));
        QVERIFY(corpus->exportReport(CorpusPanel::ExportKind::JUnit, junit));
        QFile junitFile(junit);
        QVERIFY(junitFile.open(QIODevice::ReadOnly));
        QCOMPARE(junitFile.readAll(), QByteArray::fromStdString(mdsl::corpusReportJUnit(report, report.right.name)));
        const QString html = dir.filePath(QStringLiteral("report.html"));
        QVERIFY(corpus->exportReport(CorpusPanel::ExportKind::Html, html));
        QFile htmlFile(html);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(htmlFile.readAll());
        QCOMPARE(page.count(QStringLiteral("src=\"data:image/png;base64,")), 3);
        QVERIFY(!page.contains(QStringLiteral("src=\"http")));
        QVERIFY(page.contains(QStringLiteral("NO-GO")));
        QVERIFY(page.contains(QString::fromStdString(report.differences.front().pointer)));
        window.editor()->document()->setModified(false);
    }

    void failingTestIsAcceptedAndItsFileWritten()
    {
        QTemporaryDir dir;
        const QString mapping = writeFile(dir, QStringLiteral("greet.mdsl"),
                                          "mapping \"greet\" version 2\nhello <- upper(.name)\n");
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("greet.tests")));
        writeFile(dir, QStringLiteral("greet.tests/ann.input.json"), "{\"name\": \"ann\"}\n");
        writeFile(dir, QStringLiteral("greet.tests/ann.expected.json"), "{\"hello\": \"ANN\"}\n");
        writeFile(dir, QStringLiteral("greet.tests/bob.input.json"), "{\"name\": \"bob\"}\n");
        const QString expectedFile = writeFile(dir, QStringLiteral("greet.tests/bob.expected.json"), "{\"hello\": \"Bob\"}\n");
        MainWindow window;
        QVERIFY(window.openFile(mapping));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CorpusController* corpus = window.corpusController();
        QSignalSpy ran(corpus, &CorpusController::testsFinished);
        corpus->runTests();
        QVERIFY(ran.wait(60000));
        QTreeWidget* tests = corpus->panel()->results()->testsTree();
        QCOMPARE(tests->topLevelItemCount(), 1);
        QTreeWidgetItem* suite = tests->topLevelItem(0);
        QCOMPARE(suite->text(1), QStringLiteral("1 passed, 1 failed"));
        QCOMPARE(suite->child(1)->text(0), QStringLiteral("bob"));
        QCOMPARE(suite->child(1)->text(1), QStringLiteral("FAIL"));

        // The failing case opens like a record, with "Accept current output".
        emit tests->itemActivated(suite->child(1), 0);
        QCOMPARE(mdsl::Json::parse(window.previewPanel()->inputText().toStdString()), mdsl::Json({{"name", "bob"}}));
        QVERIFY(corpus->recordBar()->acceptButton()->isVisible());
        QVERIFY(corpus->recordBar()->text().contains(QStringLiteral("bob")));
        // It asks first: "No" writes nothing.
        QTimer::singleShot(0, this, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->button(QMessageBox::No)->click();
        });
        QVERIFY(!corpus->acceptShownTest());
        QFile unchanged(expectedFile);
        QVERIFY(unchanged.open(QIODevice::ReadOnly));
        QCOMPARE(unchanged.readAll(), QByteArray("{\"hello\": \"Bob\"}\n"));
        QTimer::singleShot(0, this, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        QVERIFY(corpus->acceptShownTest());
        QFile written(expectedFile);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(mdsl::Json::parse(written.readAll().toStdString()), mdsl::Json({{"hello", "BOB"}}));
        QVERIFY(ran.wait(60000));   // the suite runs again: all pass
        QCOMPARE(tests->topLevelItem(0)->text(1), QStringLiteral("2 passed, 0 failed"));
        // The other case's file is as it was.
        QFile other(dir.filePath(QStringLiteral("greet.tests/ann.expected.json")));
        QVERIFY(other.open(QIODevice::ReadOnly));
        QCOMPARE(other.readAll(), QByteArray("{\"hello\": \"ANN\"}\n"));
    }

    void droppedCorpusBecomesTheCorpus()
    {
        QTemporaryDir dir;
        const QString corpusPath = writeCorpus(dir, 10);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(corpusPath)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QCOMPARE(QDir::fromNativeSeparators(window.corpusController()->panel()->corpusPath()), corpusPath);
        QCOMPARE(window.sideTabs()->currentWidget(), window.corpusController()->panel());
    }

    void screenshotsLightDarkFrench_data()
    {
        QTest::addColumn<int>("theme");
        QTest::addColumn<QString>("language");
        QTest::newRow("light") << int(ThemeChoice::Light) << QStringLiteral("en");
        QTest::newRow("dark") << int(ThemeChoice::Dark) << QStringLiteral("en");
        QTest::newRow("fr") << int(ThemeChoice::Light) << QStringLiteral("fr");
    }

    void screenshotsLightDarkFrench()
    {
        QFETCH(int, theme);
        QFETCH(QString, language);
        QTemporaryDir dir;
        const QString corpusPath = writeCorpus(dir, 2000);
        MainWindow window;
        StudioSettings s = window.settings();
        s.theme = ThemeChoice(theme);
        s.language = language;
        window.applySettings(s);
        openCustomerPair(window);
        window.resize(1500, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CorpusController* corpus = window.corpusController();
        corpus->setCorpus(corpusPath);
        runToEnd(*corpus);
        CorpusResults* results = corpus->panel()->results();
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        QVERIFY(QFileInfo(screenshot(&window, QStringLiteral("corpus-groups-") + tag)).size() > 20000);
        results->setCurrentIndex(1);
        QVERIFY(QFileInfo(screenshot(&window, QStringLiteral("corpus-plots-") + tag)).size() > 20000);
        if (language == QLatin1String("fr"))
            QVERIFY2(corpus->panel()->runButton()->text() == QStringLiteral("&Lancer"), qPrintable(corpus->panel()->runButton()->text()));
        s.theme = ThemeChoice::FollowDesktop;
        s.language = QStringLiteral("en");
        window.applySettings(s);
        window.editor()->document()->setModified(false);
    }
};

MDSL_TEST_MAIN(TestCorpusView)
#include "test_corpus_view.moc"
