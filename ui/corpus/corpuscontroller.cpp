#include "corpuscontroller.h"

#include "codeeditor.h"
#include "corpusexport.h"
#include "corpusrecordbar.h"
#include "corpusresults.h"
#include "previewcontroller.h"
#include "previewpanel.h"
#include "windowcontext.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace studio {

namespace {

// The progress display's period: 10 times a second, whatever the records' pace.
constexpr int kProgressMs = 100;

QString documentName(const WindowContext& context)
{
    const QString path = context.documentPath();
    return path.isEmpty() ? QStringLiteral("untitled.mdsl") : QFileInfo(path).fileName();
}

} // namespace

CorpusController::CorpusController(WindowContext& context, PreviewController& preview, QObject* parent)
    : QObject(parent)
    , context_(context)
    , preview_(preview)
    , panel_(new CorpusPanel(context.window()))
    , recordBar_(new CorpusRecordBar(context.window()))
{
    context_.addSideTab(panel_, [] { return tr("Corpus"); });
    progressTimer_.setInterval(kProgressMs);
    connect(&progressTimer_, &QTimer::timeout, this, &CorpusController::showLive);
    runLane_ = std::make_unique<BackgroundLane<CorpusRunRequest, CorpusRunResult>>(
        nullptr, [](const CorpusRunRequest& request, const std::atomic<bool>& cancelled) { return runCorpus(request, cancelled); },
        [this](CorpusRunResult&& result, quint64) { finished(std::move(result)); });
    testsLane_ = std::make_unique<BackgroundLane<TestsRequest, TestsResult>>(
        nullptr, [](const TestsRequest& request, const std::atomic<bool>&) { return studio::runTests(request); },
        [this](TestsResult&& result, quint64) {
            // Shared with the results view, never copied: a case's input may be 10,000 levels
            // deep, and copying a JSON value recurses.
            tests_ = std::make_shared<const TestsResult>(std::move(result));
            panel_->results()->setTests(tests_);
            panel_->results()->runTestsButton()->setEnabled(true);
            emit testsFinished();
        });

    connect(panel_, &CorpusPanel::runRequested, this, &CorpusController::run);
    connect(panel_, &CorpusPanel::cancelRequested, this, &CorpusController::cancel);
    connect(panel_, &CorpusPanel::exportRequested, this, [this](CorpusPanel::ExportKind kind) { exportReport(kind); });
    CorpusResults* results = panel_->results();
    connect(results, &CorpusResults::recordActivated, this, [this](quint64 line) { openRecord(line); });
    connect(results, &CorpusResults::ruleActivated, this, &CorpusController::goToRule);
    connect(results, &CorpusResults::testActivated, this, &CorpusController::openTestCase);
    connect(results, &CorpusResults::runTestsRequested, this, &CorpusController::runTests);
    connect(results, &QTabWidget::currentChanged, this, [this, results](int) {
        if (results->currentWidget() == results->testsTab() && tests_->suites.empty() && !testsLane_->busy())
            runTests();
    });
    connect(recordBar_, &CorpusRecordBar::backRequested, this, &CorpusController::backToSample);
    connect(recordBar_, &CorpusRecordBar::acceptRequested, this, [this] { acceptShownTest(); });
    // Heat marks belong to the text that was run: an edit moves the rules under them.
    connect(context_.editor()->document(), &QTextDocument::contentsChanged, this, [this] {
        if (!context_.editor()->heatMarks().isEmpty())
            context_.editor()->setHeatMarks({});
    });
    // The pinned V1 file may have changed since the tab was last shown.
    panel_->installEventFilter(this);
}

CorpusController::~CorpusController() = default;

bool CorpusController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == panel_ && event->type() == QEvent::Show)
        panel_->setPinnedName(QFileInfo(preview_.panel()->pinnedPath()).fileName());
    return QObject::eventFilter(watched, event);
}

void CorpusController::setCorpus(const QString& path)
{
    panel_->setCorpusPath(path);
    context_.showSideTab(panel_);
}

bool CorpusController::running() const
{
    return runLane_->busy();
}

bool CorpusController::run()
{
    if (running())
        return false;
    panel_->setPinnedName(QFileInfo(preview_.panel()->pinnedPath()).fileName());
    const QString corpus = QDir::fromNativeSeparators(panel_->corpusPath());
    const auto refuse = [this](const QString& why) {
        panel_->progressLabel()->setText(why);
        context_.showMessage(why, 6000);
        return false;
    };
    if (corpus.isEmpty())
        return refuse(tr("Choose a corpus first: an NDJSON file or a folder of JSON files."));
    if (!QFileInfo::exists(corpus))
        return refuse(tr("%1 does not exist.").arg(QDir::toNativeSeparators(corpus)));
    CorpusRunRequest request;
    request.corpusPath = corpus;
    request.format = panel_->format();
    request.flags = context_.settings().flags;
    request.nowMs = context_.settings().previewClock();
    request.thresholds = panel_->thresholds();
    const QString text = context_.editor()->toPlainText();
    request.right = {CorpusSideChoice::Kind::Mapping, documentName(context_), text, panel_->rightEngine()};
    switch (panel_->leftSide()) {
    case CorpusPanel::LeftSide::PinnedV1:
        if (preview_.panel()->pinnedPath().isEmpty())
            return refuse(tr("No V1 file is pinned: pin one in the preview, or choose another left side."));
        request.left = {CorpusSideChoice::Kind::Mapping, QFileInfo(preview_.panel()->pinnedPath()).fileName(),
                        preview_.panel()->pinnedText(), mdsl::SideEngine::V1};
        break;
    case CorpusPanel::LeftSide::MappingV1:
        request.left = {CorpusSideChoice::Kind::Mapping, documentName(context_), text, mdsl::SideEngine::V1};
        break;
    case CorpusPanel::LeftSide::Outputs: {
        const QString outputs = QDir::fromNativeSeparators(panel_->outputsPath());
        if (!QFileInfo(outputs).isFile())
            return refuse(tr("Choose the recorded outputs file (one output a line, aligned with the corpus)."));
        request.left = {CorpusSideChoice::Kind::Outputs, outputs, QString(), mdsl::SideEngine::V1};
        break;
    }
    case CorpusPanel::LeftSide::PairOutputs:
        if (request.format != CorpusFormat::Pairs)
            return refuse(tr("Recorded outputs of the pairs need a corpus of input/output pairs."));
        request.left = {CorpusSideChoice::Kind::PairOutputs, QString(), QString(), mdsl::SideEngine::V1};
        break;
    }
    live_ = request.live;
    runClock_.start();
    panel_->showStarted();
    runLane_->schedule(std::move(request));
    progressTimer_.start();
    return true;
}

void CorpusController::cancel()
{
    if (!live_ || !running())
        return;
    live_->cancel = true;
    showLive();
}

void CorpusController::showLive()
{
    if (!live_ || live_->totalRecords == 0)
        return;
    panel_->showProgress(live_->load(), live_->totalRecords, runClock_.elapsed(), live_->cancel.load());
}

void CorpusController::finished(CorpusRunResult&& result)
{
    progressTimer_.stop();
    last_ = std::move(result);
    panel_->showFinished(*last_);
    showHeatMarks();
    if (last_->report && last_->error.isEmpty()) {
        context_.showMessage(tr("Corpus: %1").arg(verdictTitle(*last_->report)), 5000);
        if (!last_->report->differences.empty() || !last_->report->failures.empty())
            panel_->results()->setCurrentWidget(panel_->results()->groupsTab());
    }
    emit runFinished();
}

void CorpusController::showHeatMarks()
{
    QMap<int, double> heat;
    const mdsl::CorpusReport* report = last_ ? last_->report.get() : nullptr;
    // The editor's text is the right side's: its rules are where the marks go.
    if (report && report->right.profile && report->right.kind == mdsl::SideKind::Mapping) {
        double top = 0;
        for (const mdsl::RuleFigures& rule : report->right.profile->rules)
            top = std::max(top, report->right.profile->share(rule));
        for (const mdsl::RuleFigures& rule : report->right.profile->rules) {
            const double share = report->right.profile->share(rule);
            if (top > 0 && share >= 0.05)   // the costly rules, a twentieth of the run time or more
                heat.insert(rule.line, share / top);
        }
    }
    context_.editor()->setHeatMarks(heat);
}

void CorpusController::keepSample()
{
    if (!savedSample_)
        savedSample_ = preview_.sampleInput();
}

bool CorpusController::openRecord(std::uint64_t line)
{
    if (!last_ || !last_->report)
        return false;
    keepSample();
    shownTest_.reset();
    const QString path = last_->corpusPath;
    const CorpusFormat format = last_->format;
    recordBar_->showRecord(line, QFileInfo(path).fileName());
    showSampleLater(tr("Reading record %1 of %2…").arg(line).arg(QFileInfo(path).fileName()),
                    [path, format, line](QString& error) { return readCorpusRecord(path, format, line, error); });
    return true;
}

void CorpusController::showSampleLater(const QString& loading, std::function<std::optional<QString>(QString& error)> make)
{
    const quint64 request = ++sampleRequest_;
    pendingSample_ = true;
    preview_.panel()->setInputLoading(loading);
    context_.showSideTab(preview_.panel());
    struct Made {
        std::optional<QString> text;
        QString error;
    };
    auto* watcher = new QFutureWatcher<Made>(this);
    connect(watcher, &QFutureWatcher<Made>::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        if (request != sampleRequest_)
            return;   // a newer record or test case, or back to the sample
        pendingSample_ = false;
        preview_.panel()->setInputLoading(QString());
        Made made = watcher->result();
        if (!made.text) {
            context_.showMessage(made.error, 6000);
            backToSample();
            return;
        }
        preview_.setSampleInput(*made.text, true);
        preview_.runPreview();
        emit sampleShown();
    });
    watcher->setFuture(QtConcurrent::run([make = std::move(make)] {
        Made made;
        made.text = make(made.error);
        return made;
    }));
}

void CorpusController::backToSample()
{
    if (std::exchange(pendingSample_, false))
        preview_.panel()->setInputLoading(QString());
    ++sampleRequest_;
    if (savedSample_) {
        preview_.setSampleInput(*savedSample_);
        preview_.runPreview();
    }
    savedSample_.reset();
    shownTest_.reset();
    recordBar_->hide();
}

void CorpusController::runTests()
{
    panel_->results()->runTestsButton()->setEnabled(false);
    testsLane_->schedule({context_.documentPath(), context_.editor()->toPlainText()});
}

bool CorpusController::openTestCase(int suite, int testCase)
{
    if (suite < 0 || std::size_t(suite) >= tests_->suites.size())
        return false;
    const LoadedSuite& loaded = tests_->suites[std::size_t(suite)];
    if (testCase < 0 || std::size_t(testCase) >= loaded.suite.cases.size())
        return false;
    const mdsl::TestCase& test = loaded.suite.cases[std::size_t(testCase)];
    const mdsl::CaseResult& result = loaded.report.cases[std::size_t(testCase)];
    keepSample();
    shownTest_ = {suite, testCase};
    recordBar_->showTestCase(QString::fromStdString(test.name), QString::fromStdString(loaded.suite.path.filename().string()),
                             !result.passed && result.output.has_value());
    // The results are shared and never change: the worker reads the case's input from them.
    showSampleLater(tr("Reading test case %1…").arg(QString::fromStdString(test.name)),
                    [tests = tests_, input = &test.input](QString&) {
                        return std::optional<QString>(QString::fromStdString(mdsl::jsonText(*input, 2)));
                    });
    return true;
}

bool CorpusController::acceptShownTest(bool ask)
{
    if (!shownTest_)
        return false;
    const auto [suite, testCase] = *shownTest_;
    const LoadedSuite& loaded = tests_->suites[std::size_t(suite)];
    const mdsl::TestCase& test = loaded.suite.cases[std::size_t(testCase)];
    const QString file = QString::fromStdString(test.file.string());
    if (ask && QMessageBox::question(context_.window(), tr("Accept Current Output"),
                                     tr("Write the mapping's current output as the expected output of %1 in %2?")
                                         .arg(QString::fromStdString(test.name), QDir::toNativeSeparators(file)))
                   != QMessageBox::Yes)
        return false;
    const QString error = acceptTestCase(loaded, std::size_t(testCase));
    if (!error.isEmpty()) {
        QMessageBox::warning(context_.window(), tr("Accept Current Output"), tr("Cannot write %1:\n%2").arg(file, error));
        return false;
    }
    context_.showMessage(tr("Wrote the expected output of %1.").arg(QString::fromStdString(test.name)), 5000);
    recordBar_->acceptButton()->hide();
    runTests();
    return true;
}

bool CorpusController::exportReport(CorpusPanel::ExportKind kind, const QString& chosen)
{
    if (!last_ || !last_->report || !last_->error.isEmpty())
        return false;
    const QString base = QFileInfo(last_->corpusPath).completeBaseName();
    QString path = chosen;
    if (path.isEmpty()) {
        const QString suffix = kind == CorpusPanel::ExportKind::Html ? QStringLiteral(".html")
                               : kind == CorpusPanel::ExportKind::Json ? QStringLiteral(".json") : QStringLiteral(".junit.xml");
        const QString filter = kind == CorpusPanel::ExportKind::Html ? tr("HTML report (*.html)")
                               : kind == CorpusPanel::ExportKind::Json ? tr("JSON report (*.json)") : tr("JUnit XML (*.xml)");
        path = QFileDialog::getSaveFileName(context_.window(), tr("Export Corpus Report"), base + QStringLiteral("-report") + suffix, filter);
        if (path.isEmpty())
            return false;
    }
    const mdsl::CorpusReport& report = *last_->report;
    const QByteArray bytes = kind == CorpusPanel::ExportKind::Html ? corpusReportHtml(report, last_->corpusPath, last_->totalRecords).toUtf8()
                             : kind == CorpusPanel::ExportKind::Json ? corpusReportJsonBytes(report)
                                                                     : corpusReportJUnitBytes(report);
    if (const QString error = writeFileAtomically(path, bytes); !error.isEmpty()) {
        QMessageBox::warning(context_.window(), tr("Export Corpus Report"), tr("Cannot write %1:\n%2").arg(path, error));
        return false;
    }
    context_.showMessage(tr("Wrote %1.").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void CorpusController::goToRule(int line, int column)
{
    Q_UNUSED(column);
    context_.editor()->goToLine(line);
    context_.editor()->setFocus();
}

} // namespace studio
