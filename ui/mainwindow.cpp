#include "mainwindow.h"

#include "analysisservice.h"
#include "codeeditor.h"
#include "findbar.h"
#include "jsonview.h"
#include "mappingbackend.h"
#include "previewpanel.h"
#include "problemspanel.h"
#include "recovery.h"
#include "settingsdialog.h"
#include "studioapp.h"

#include "mdsl/format.h"
#include "mdsl/version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>

namespace studio {

struct MainWindow::Actions {
    QAction* newFile = nullptr;
    QAction* open = nullptr;
    QAction* save = nullptr;
    QAction* saveAs = nullptr;
    QAction* loadInput = nullptr;
    QAction* quit = nullptr;
    QAction* undo = nullptr;
    QAction* redo = nullptr;
    QAction* find = nullptr;
    QAction* replace = nullptr;
    QAction* goToLine = nullptr;
    QAction* toggleComment = nullptr;
    QAction* format = nullptr;
    QAction* complete = nullptr;
    QAction* run = nullptr;
    QAction* nextDiff = nullptr;
    QAction* previousDiff = nullptr;
    QAction* pin = nullptr;
    QAction* settings = nullptr;
    QAction* importFlags = nullptr;
    QAction* exportFlags = nullptr;
    QAction* about = nullptr;
};

MainWindow::MainWindow(QWidget* parent)
    : MainWindow(makeEngineBackend(), parent)
{
}

MainWindow::MainWindow(std::shared_ptr<MappingBackend> backend, QWidget* parent)
    : QMainWindow(parent)
    , service_(new AnalysisService(std::move(backend), this))
    , editor_(new CodeEditor(this))
    , problems_(new ProblemsPanel(this))
    , preview_(new PreviewPanel(this))
    , cursorLabel_(new QLabel(this))
    , problemsLabel_(new QLabel(this))
    , routeLabel_(new QLabel(this))
    , actions_(std::make_unique<Actions>())
{
    QSettings store;
    settings_ = StudioSettings::load(store);
    autoSaver_ = new AutoSaver([this] { return snapshot(); }, this);
    findBar_ = new FindBar(editor_, this);

    // Left: the recovery offer, the editor, its find bar, the problems. Right: the preview.
    recoveryBar_ = new QWidget(this);
    recoveryLabel_ = new QLabel(recoveryBar_);
    recoveryLabel_->setWordWrap(true);
    restoreButton_ = new QPushButton(recoveryBar_);
    discardButton_ = new QPushButton(recoveryBar_);
    auto* barLayout = new QHBoxLayout(recoveryBar_);
    barLayout->addWidget(recoveryLabel_, 1);
    barLayout->addWidget(restoreButton_);
    barLayout->addWidget(discardButton_);
    recoveryBar_->setAutoFillBackground(true);
    recoveryBar_->setStyleSheet(QStringLiteral("background: #fff3c4; color: #3a3000;"));
    recoveryBar_->hide();

    auto* editorBox = new QWidget(this);
    auto* editorLayout = new QVBoxLayout(editorBox);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(recoveryBar_);
    editorLayout->addWidget(editor_, 1);
    editorLayout->addWidget(findBar_);

    auto* left = new QSplitter(Qt::Vertical, this);
    left->addWidget(editorBox);
    left->addWidget(problems_);
    left->setStretchFactor(0, 4);
    left->setStretchFactor(1, 1);
    left->setChildrenCollapsible(false);

    mainSplitter_ = new QSplitter(Qt::Horizontal, this);
    // Right: one tab per way of looking at the mapping run (preview, debugger, visual
    // mapping); each feature adds its tab with addSideTab().
    sideTabs_ = new QTabWidget(this);
    sideTabs_->setDocumentMode(true);
    addSideTab(preview_, [this] { return tr("Preview"); });
    createDebugger();

    mainSplitter_->addWidget(left);
    mainSplitter_->addWidget(sideTabs_);
    mainSplitter_->setStretchFactor(0, 5);
    mainSplitter_->setStretchFactor(1, 6);
    mainSplitter_->setChildrenCollapsible(false);
    setCentralWidget(mainSplitter_);

    statusBar()->addPermanentWidget(routeLabel_);
    statusBar()->addPermanentWidget(problemsLabel_);
    statusBar()->addPermanentWidget(cursorLabel_);
    setAcceptDrops(true);
    editor_->setAcceptDrops(false);   // files dropped on the editor open, not paste their path
    preview_->inputView()->setAcceptDrops(false);

    createActions();
    createMenus();
    setUpVisualMapping();
    setUpRepro();

    connect(editor_->document(), &QTextDocument::modificationChanged, this, &QWidget::setWindowModified);
    connect(editor_->document(), &QTextDocument::contentsChanged, this, &MainWindow::textEdited);
    connect(editor_, &QPlainTextEdit::cursorPositionChanged, this, &MainWindow::updateCursorPosition);
    connect(service_, &AnalysisService::problemsReady, this, &MainWindow::showProblems);
    connect(service_, &AnalysisService::previewReady, this, &MainWindow::showPreview);
    connect(problems_, &ProblemsPanel::jumpRequested, editor_, &CodeEditor::selectRange);
    connect(problems_, &ProblemsPanel::fixRequested, this, &MainWindow::applyFix);
    connect(problems_, &ProblemsPanel::countsChanged, this, &MainWindow::updateStatus);
    connect(preview_, &PreviewPanel::jumpRequested, editor_, &CodeEditor::selectRange);
    connect(preview_, &PreviewPanel::inputEdited, this, [this] {
        autoSaver_->documentChanged();
        if (settings_.previewAutoRun)
            schedulePreview(settings_.previewDelayMs);
    });
    connect(preview_, &PreviewPanel::runRequested, this, &MainWindow::runPreview);
    connect(preview_, &PreviewPanel::loadInputRequested, this, [this] { actions_->loadInput->trigger(); });
    connect(preview_, &PreviewPanel::pinRequested, this, &MainWindow::choosePin);
    connect(restoreButton_, &QPushButton::clicked, this, &MainWindow::restoreRecovered);
    connect(discardButton_, &QPushButton::clicked, this, &MainWindow::discardRecovered);

    applySettings(settings_);
    retranslate();
    resize(1280, 800);
    mainSplitter_->setSizes({540, 740});
    updateTitle();
    checkForRecovery();
}

MainWindow::~MainWindow()
{
    delete recovered_;
    // A window destroyed is a deliberate end (closeEvent asked about unsaved text); only a
    // crash or a kill, which run no destructor, leaves a recovery file behind.
    autoSaver_->clear();
}

void MainWindow::createActions()
{
    Actions& a = *actions_;
    a.newFile = new QAction(this);
    a.newFile->setShortcut(QKeySequence::New);
    connect(a.newFile, &QAction::triggered, this, [this] {
        if (maybeSave())
            newDocument();
    });
    a.open = new QAction(this);
    a.open->setShortcut(QKeySequence::Open);
    connect(a.open, &QAction::triggered, this, &MainWindow::showOpenDialog);
    a.save = new QAction(this);
    a.save->setShortcut(QKeySequence::Save);
    connect(a.save, &QAction::triggered, this, &MainWindow::save);
    a.saveAs = new QAction(this);
    a.saveAs->setShortcut(QKeySequence::SaveAs);
    connect(a.saveAs, &QAction::triggered, this, [this] { saveAs(QString()); });
    a.loadInput = new QAction(this);
    connect(a.loadInput, &QAction::triggered, this, [this] { loadInput(QString()); });
    a.quit = new QAction(this);
    a.quit->setShortcut(QKeySequence::Quit);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);

    a.undo = new QAction(this);
    a.undo->setShortcut(QKeySequence::Undo);
    connect(a.undo, &QAction::triggered, editor_, &QPlainTextEdit::undo);
    a.redo = new QAction(this);
    a.redo->setShortcut(QKeySequence::Redo);
    connect(a.redo, &QAction::triggered, editor_, &QPlainTextEdit::redo);
    a.find = new QAction(this);
    a.find->setShortcut(QKeySequence::Find);
    connect(a.find, &QAction::triggered, findBar_, &FindBar::showFind);
    a.replace = new QAction(this);
    a.replace->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(a.replace, &QAction::triggered, findBar_, &FindBar::showReplace);
    a.goToLine = new QAction(this);
    a.goToLine->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(a.goToLine, &QAction::triggered, this, &MainWindow::goToLine);
    a.toggleComment = new QAction(this);
    a.toggleComment->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(a.toggleComment, &QAction::triggered, editor_, &CodeEditor::toggleComment);
    a.format = new QAction(this);
    a.format->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(a.format, &QAction::triggered, this, &MainWindow::formatDocument);
    a.complete = new QAction(this);
    connect(a.complete, &QAction::triggered, editor_, &CodeEditor::complete);

    a.run = new QAction(this);
    a.run->setShortcut(QKeySequence(Qt::Key_F5));
    connect(a.run, &QAction::triggered, this, &MainWindow::runPreview);
    a.nextDiff = new QAction(this);
    a.nextDiff->setShortcut(QKeySequence(Qt::Key_F8));
    connect(a.nextDiff, &QAction::triggered, preview_, &PreviewPanel::nextDifference);
    a.previousDiff = new QAction(this);
    a.previousDiff->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    connect(a.previousDiff, &QAction::triggered, preview_, &PreviewPanel::previousDifference);
    a.pin = new QAction(this);
    connect(a.pin, &QAction::triggered, this, &MainWindow::choosePin);

    a.settings = new QAction(this);
    a.settings->setShortcut(QKeySequence::Preferences);
    connect(a.settings, &QAction::triggered, this, &MainWindow::showSettings);
    a.importFlags = new QAction(this);
    connect(a.importFlags, &QAction::triggered, this, [this] {
        if (const QString path = SettingsDialog::chooseImportFile(this); !path.isEmpty())
            importFlagFile(path);
    });
    a.exportFlags = new QAction(this);
    connect(a.exportFlags, &QAction::triggered, this, [this] {
        const QString path = SettingsDialog::chooseExportFile(this);
        if (path.isEmpty())
            return;
        if (const QString error = writeFlagFile(path, settings_.flags); !error.isEmpty())
            QMessageBox::warning(this, tr("Export Flag File"), tr("Cannot write %1:\n%2").arg(QDir::toNativeSeparators(path), error));
    });
    a.about = new QAction(this);
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    const Actions& a = *actions_;
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(a.newFile);
    fileMenu_->addAction(a.open);
    recentMenu_ = fileMenu_->addMenu(QString());
    fileMenu_->addAction(a.save);
    fileMenu_->addAction(a.saveAs);
    fileMenu_->addSeparator();
    fileMenu_->addAction(a.loadInput);
    fileMenu_->addSeparator();
    fileMenu_->addAction(a.quit);

    editMenu_ = menuBar()->addMenu(QString());
    editMenu_->addAction(a.undo);
    editMenu_->addAction(a.redo);
    editMenu_->addSeparator();
    editMenu_->addAction(a.find);
    editMenu_->addAction(a.replace);
    editMenu_->addAction(a.goToLine);
    editMenu_->addSeparator();
    editMenu_->addAction(a.toggleComment);
    editMenu_->addAction(a.format);
    editMenu_->addAction(a.complete);

    previewMenu_ = menuBar()->addMenu(QString());
    previewMenu_->addAction(a.run);
    previewMenu_->addAction(a.nextDiff);
    previewMenu_->addAction(a.previousDiff);
    previewMenu_->addAction(a.pin);

    createDebugMenu();

    settingsMenu_ = menuBar()->addMenu(QString());
    settingsMenu_->addAction(a.settings);
    profilesMenu_ = settingsMenu_->addMenu(QString());
    settingsMenu_->addAction(a.importFlags);
    settingsMenu_->addAction(a.exportFlags);

    helpMenu_ = menuBar()->addMenu(QString());
    examplesMenu_ = helpMenu_->addMenu(QString());
    helpMenu_->addSeparator();
    helpMenu_->addAction(a.about);
    updateRecentMenu();
    updateExamplesMenu();
}

void MainWindow::retranslate()
{
    const Actions& a = *actions_;
    fileMenu_->setTitle(tr("&File"));
    a.newFile->setText(tr("&New"));
    a.open->setText(tr("&Open…"));
    recentMenu_->setTitle(tr("Open &Recent"));
    a.save->setText(tr("&Save"));
    a.saveAs->setText(tr("Save &As…"));
    a.loadInput->setText(tr("Load Sample &Input…"));
    a.quit->setText(tr("&Quit"));
    editMenu_->setTitle(tr("&Edit"));
    a.undo->setText(tr("&Undo"));
    a.redo->setText(tr("&Redo"));
    a.find->setText(tr("&Find…"));
    a.replace->setText(tr("&Replace…"));
    a.goToLine->setText(tr("&Go to Line…"));
    a.toggleComment->setText(tr("Toggle &Comment"));
    a.format->setText(tr("F&ormat Document"));
    a.complete->setText(tr("Complete"));
    a.complete->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space));
    previewMenu_->setTitle(tr("&Preview"));
    a.run->setText(tr("&Run Preview"));
    a.nextDiff->setText(tr("&Next Difference"));
    a.previousDiff->setText(tr("&Previous Difference"));
    a.pin->setText(tr("Pin &V1 Side to File…"));
    settingsMenu_->setTitle(tr("&Settings"));
    a.settings->setText(tr("&Settings…"));
    profilesMenu_->setTitle(tr("Flag &Profile"));
    a.importFlags->setText(tr("&Import Flag File…"));
    a.exportFlags->setText(tr("&Export Flag File…"));
    helpMenu_->setTitle(tr("&Help"));
    examplesMenu_->setTitle(tr("&Examples"));
    a.about->setText(tr("&About Mapping Studio"));
    recoveryLabel_->setText(recovered_ && !recovered_->isEmpty()
                                ? tr("Mapping Studio was closed without saving “%1” (autosaved %2). Restore the unsaved text?")
                                      .arg(recovered_->first().path.isEmpty() ? tr("Untitled")
                                                                              : QFileInfo(recovered_->first().path).fileName(),
                                           QLocale().toString(recovered_->first().savedAt.toLocalTime(), QLocale::ShortFormat))
                                : QString());
    restoreButton_->setText(tr("Restore"));
    discardButton_->setText(tr("Discard"));
    for (const SideTab& tab : sideTabTitles_)
        sideTabs_->setTabText(sideTabs_->indexOf(tab.widget), tab.title());
    retranslateDebugger();
    retranslateRepro();
    updateRecentMenu();
    updateProfilesMenu();
    updateTitle();
    updateCursorPosition();
    updateStatus();
}

int MainWindow::addSideTab(QWidget* widget, std::function<QString()> title)
{
    const int index = sideTabs_->addTab(widget, title());
    sideTabTitles_.push_back({widget, std::move(title)});
    return index;
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateTitle()
{
    const QString name = path_.isEmpty() ? untitledName() : QFileInfo(path_).fileName();
    setWindowTitle(tr("%1[*] — Mapping Studio").arg(name));
}

void MainWindow::updateCursorPosition()
{
    const QTextCursor cursor = editor_->textCursor();
    cursorLabel_->setText(tr("Line %1, Column %2").arg(cursor.blockNumber() + 1).arg(cursor.positionInBlock() + 1));
}

void MainWindow::updateStatus()
{
    int errors = 0;
    int warnings = 0;
    for (const Problem& p : problems_->problems()) {
        errors += p.severity == ProblemSeverity::Error;
        warnings += p.severity == ProblemSeverity::Warning;
    }
    problemsLabel_->setText(problemsSummary(errors, warnings));
    routeLabel_->setText(tr("Dry-run: %1").arg(routedEngineSummary(settings_.flags)));
}

void MainWindow::textEdited()
{
    autoSaver_->documentChanged();
    scheduleAnalysis();
}

void MainWindow::scheduleAnalysis(bool previewNow)
{
    requestedRevision_ = editor_->document()->revision();
    service_->scheduleProblems(editor_->toPlainText(), settings_.flags);
    if (previewNow)
        schedulePreview(0);
    else if (settings_.previewAutoRun)
        schedulePreview(settings_.previewDelayMs);
}

void MainWindow::schedulePreview(int delayMs)
{
    PreviewRequest request;
    request.text = editor_->toPlainText();
    request.leftText = preview_->pinnedPath().isEmpty() ? request.text : preview_->pinnedText();
    request.input = preview_->inputText();
    request.flags = settings_.flags;
    request.pinnedNowMs = settings_.previewClock();
    request.production = preview_->production();
    request.productionRoute = preview_->productionRoute();
    preview_->showRunning();
    service_->schedulePreview(std::move(request), delayMs);
}

void MainWindow::runPreview()
{
    schedulePreview(0);
}

void MainWindow::showProblems(const ProblemsResult& result)
{
    problemsRevision_ = requestedRevision_;
    problems_->setProblems(result.problems);
    editor_->setProblems(result.problems);
    updateStatus();
}

void MainWindow::showPreview(const std::shared_ptr<const PreviewResult>& result)
{
    preview_->setResult(result);
    if (result->inputError.isEmpty())
        editor_->setSourcePaths(result->sourcePaths);
}

bool MainWindow::applyFix(const TextFix& fix)
{
    // The fix's positions belong to the text that was validated; after an edit they may
    // point elsewhere, and the next validation offers the fix again.
    if (problemsRevision_ != editor_->document()->revision()) {
        statusBar()->showMessage(tr("The text changed since it was checked; try the fix again in a moment."), 4000);
        return false;
    }
    QTextCursor cursor(editor_->document());
    cursor.beginEditBlock();
    QList<TextEdit> edits = fix.edits;
    std::sort(edits.begin(), edits.end(), [](const TextEdit& x, const TextEdit& y) { return x.start > y.start; });
    for (const TextEdit& edit : edits) {
        cursor.setPosition(edit.start);
        cursor.setPosition(edit.end, QTextCursor::KeepAnchor);
        cursor.insertText(edit.text);
    }
    cursor.endEditBlock();
    return true;
}

bool MainWindow::formatDocument()
{
    const QByteArray utf8 = editor_->toPlainText().toUtf8();
    const mdsl::FormatResult result = mdsl::formatDocument(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    if (!result.ok) {
        const QList<Problem> errors = toProblems(result.diagnostics, editor_->toPlainText());
        statusBar()->showMessage(errors.isEmpty() ? tr("The document cannot be formatted.")
                                                  : tr("Not formatted: line %1: %2").arg(errors.first().line).arg(errors.first().message()),
                                 6000);
        return false;
    }
    const QString formatted = QString::fromUtf8(result.text.data(), qsizetype(result.text.size()));
    if (formatted == editor_->toPlainText())
        return true;
    // One edit over the whole text: one undo step, and the cursor stays on its line.
    const int line = editor_->textCursor().blockNumber();
    QTextCursor cursor(editor_->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(formatted);
    editor_->goToLine(line + 1);
    return true;
}

void MainWindow::goToLine()
{
    bool ok = false;
    const int line = QInputDialog::getInt(this, tr("Go to Line"), tr("Line (1–%1):").arg(editor_->blockCount()),
                                          editor_->textCursor().blockNumber() + 1, 1, editor_->blockCount(), 1, &ok);
    if (ok)
        editor_->goToLine(line);
}

void MainWindow::applySettings(const StudioSettings& settings)
{
    const bool flagsChanged = !(settings.flags == settings_.flags);
    const bool previewChanged = settings.pinClock != settings_.pinClock || settings.pinnedClockMs != settings_.pinnedClockMs;
    settings_ = settings;
    QSettings store;
    settingsToStore().save(store);
    applyTheme(settings_.theme);
    editor_->setEditorFont(settings_.editorFont);
    if (settings_.language != installedLanguage())
        installTranslation(settings_.language);
    service_->setPreviewDelay(settings_.previewDelayMs);
    updateProfilesMenu();
    updateStatus();
    if (flagsChanged || previewChanged)
        scheduleAnalysis(true);
}

SettingsDialog* MainWindow::showSettings()
{
    if (!settingsDialog_) {
        settingsDialog_ = new SettingsDialog(settings_, this);
        settingsDialog_->setAttribute(Qt::WA_DeleteOnClose);
        connect(settingsDialog_, &SettingsDialog::settingsChanged, this, &MainWindow::applySettings);
    }
    settingsDialog_->show();
    settingsDialog_->raise();
    return settingsDialog_;
}

bool MainWindow::importFlagFile(const QString& path)
{
    const FlagFileResult result = readFlagFile(path);
    if (!result.ok) {
        QMessageBox::warning(this, tr("Import Flag File"),
                             tr("%1 was not imported:\n%2").arg(QDir::toNativeSeparators(path), result.messages.join(QLatin1Char('\n'))));
        return false;
    }
    StudioSettings next = settings_;
    next.flags = result.flags;
    applySettings(next);
    statusBar()->showMessage(result.messages.isEmpty() ? tr("Flags imported from %1").arg(QDir::toNativeSeparators(path))
                                                       : result.messages.join(QStringLiteral("; ")),
                             6000);
    return true;
}

void MainWindow::updateProfilesMenu()
{
    if (!profilesMenu_)
        return;
    profilesMenu_->clear();
    const auto all = reproProfiles() + builtInProfiles() + settings_.userProfiles;
    for (const FlagProfile& profile : all) {
        QAction* action = profilesMenu_->addAction(displayName(profile));
        action->setCheckable(true);
        action->setChecked(profile.flags == settings_.flags);
        const mdsl::Flags flags = profile.flags;
        connect(action, &QAction::triggered, this, [this, flags] {
            StudioSettings next = settings_;
            next.flags = flags;
            applySettings(next);
        });
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Mapping Studio"),
                       tr("<h3>Mapping Studio %1</h3>"
                          "<p>Editor and debugger for the Mapping DSL.</p>"
                          "<p>Engine %2, language versions 1 and 2.</p>")
                           .arg(QApplication::applicationVersion(),
                                QString::fromUtf8(mdsl::engineVersion().data(),
                                                  qsizetype(mdsl::engineVersion().size()))));
}

} // namespace studio
