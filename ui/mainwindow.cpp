// The shell: the widgets, menus and status bar, the settings, the window context and the
// features' controllers; the public API forwards to the controllers.

#include "mainwindow.h"

#include "analysisservice.h"
#include "codeeditor.h"
#include "corpus/corpuscontroller.h"
#include "corpus/corpusrecordbar.h"
#include "debuggercontroller.h"
#include "filescontroller.h"
#include "findbar.h"
#include "jsonview.h"
#include "mappingbackend.h"
#include "previewcontroller.h"
#include "previewpanel.h"
#include "problemspanel.h"
#include "migratecontroller.h"
#include "reprocontroller.h"
#include "settingsdialog.h"
#include "studioapp.h"
#include "visualmappingcontroller.h"
#include "windowcontext.h"
#include "workspacecontroller.h"

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
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
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
    QAction* cut = nullptr;
    QAction* copy = nullptr;
    QAction* paste = nullptr;
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
    , context_(std::make_unique<WindowContext>(*this))
    , actions_(std::make_unique<Actions>())
{
    QSettings store;
    settings_ = StudioSettings::load(store);
    findBar_ = new FindBar(editor_, this);
    // The features that the layout needs: the preview (its status widgets come first) and
    // the files (the recovery offer above the editor).
    previewController_ = new PreviewController(*context_, preview_, problems_, this);
    files_ = new FilesController(*context_, *previewController_, this);
    workspace_ = new WorkspaceController(*context_, *previewController_, *files_, this);

    // Left: the recovery offer, the editor, its find bar, the problems. Right: the side tabs.
    auto* editorBox = new QWidget(this);
    auto* editorLayout = new QVBoxLayout(editorBox);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(files_->recoveryBar());
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
    debugger_ = new DebuggerController(*context_, *previewController_, this);
    workspace_->setDebuggerPanel(debugger_->panel());

    mainSplitter_->addWidget(left);
    auto* rightBox = new QWidget(this);   // the side tabs, under the corpus' record bar
    auto* rightLayout = new QVBoxLayout(rightBox);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(sideTabs_, 1);
    mainSplitter_->addWidget(rightBox);
    mainSplitter_->setStretchFactor(0, 5);
    mainSplitter_->setStretchFactor(1, 6);
    mainSplitter_->setChildrenCollapsible(false);
    setCentralWidget(mainSplitter_);

    statusBar()->addPermanentWidget(cursorLabel_);
    setAcceptDrops(true);
    editor_->setAcceptDrops(false);   // files dropped on the editor open, not paste their path
    preview_->inputView()->setAcceptDrops(false);

    visualController_ = new VisualMappingController(*context_, *previewController_, this);
    repro_ = new ReproController(*context_, *files_, *previewController_, this);
    migrate_ = new MigrateController(*context_, *files_, *previewController_, this);
    corpus_ = new CorpusController(*context_, *previewController_, this);
    rightLayout->insertWidget(0, corpus_->recordBar());
    connect(files_, &FilesController::documentReplaced, repro_, &ReproController::close);
    createActions();
    createMenus();

    connect(editor_->document(), &QTextDocument::modificationChanged, this, &QWidget::setWindowModified);
    connect(editor_, &QPlainTextEdit::cursorPositionChanged, this, &MainWindow::updateCursorPosition);
    connect(preview_, &PreviewPanel::loadInputRequested, this, [this] { actions_->loadInput->trigger(); });

    applySettings(settings_);
    retranslate();
    resize(1280, 800);
    mainSplitter_->setSizes({540, 740});
    updateTitle();
    files_->checkForRecovery();
}

MainWindow::~MainWindow()
{
    // A window destroyed is a deliberate end (closeEvent asked about unsaved text); only a
    // crash or a kill, which run no destructor, leaves a recovery file behind.
    files_->autoSaver()->clear();
    workspace_->writeNow();   // a change made in the last second is kept too
    // The features go before the widgets they listen to, and before the context they hold.
    delete workspace_;
    delete migrate_;
    delete repro_;
    delete visualController_;
    delete debugger_;
    delete files_;
    delete previewController_;
}

void MainWindow::createActions()
{
    Actions& a = *actions_;
    a.newFile = new QAction(this);
    a.newFile->setShortcut(QKeySequence::New);
    connect(a.newFile, &QAction::triggered, this, [this] {
        if (files_->maybeSave())
            newDocument();
    });
    a.open = new QAction(this);
    a.open->setShortcut(QKeySequence::Open);
    connect(a.open, &QAction::triggered, files_, &FilesController::showOpenDialog);
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
    // Cut, copy and paste act on the text field that has the focus: the editor, the sample
    // input, a find field (each has the slot; the shortcuts reach a focused field first).
    const auto onFocused = [this](const char* slot) {
        QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : editor_;
        if (target->metaObject()->indexOfSlot((QByteArray(slot) + "()").constData()) < 0)
            target = editor_;
        QMetaObject::invokeMethod(target, slot);
    };
    a.cut = new QAction(this);
    a.cut->setShortcut(QKeySequence::Cut);
    connect(a.cut, &QAction::triggered, this, [onFocused] { onFocused("cut"); });
    a.copy = new QAction(this);
    a.copy->setShortcut(QKeySequence::Copy);
    connect(a.copy, &QAction::triggered, this, [onFocused] { onFocused("copy"); });
    a.paste = new QAction(this);
    a.paste->setShortcut(QKeySequence::Paste);
    connect(a.paste, &QAction::triggered, this, [onFocused] { onFocused("paste"); });
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
    connect(a.pin, &QAction::triggered, previewController_, &PreviewController::choosePin);

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
    fileMenu_->addActions(repro_->actions());
    fileMenu_->addAction(migrate_->action());
    fileMenu_->addSeparator();
    fileMenu_->addAction(a.quit);

    editMenu_ = menuBar()->addMenu(QString());
    editMenu_->addAction(a.undo);
    editMenu_->addAction(a.redo);
    editMenu_->addSeparator();
    editMenu_->addAction(a.cut);
    editMenu_->addAction(a.copy);
    editMenu_->addAction(a.paste);
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

    debugMenu_ = menuBar()->addMenu(QString());
    for (const QList<QAction*>& group : debugger_->actionGroups()) {
        if (!debugMenu_->isEmpty())
            debugMenu_->addSeparator();
        debugMenu_->addActions(group);
    }

    settingsMenu_ = menuBar()->addMenu(QString());
    settingsMenu_->addAction(a.settings);
    profilesMenu_ = settingsMenu_->addMenu(QString());
    settingsMenu_->addAction(a.importFlags);
    settingsMenu_->addAction(a.exportFlags);

    helpMenu_ = menuBar()->addMenu(QString());
    examplesMenu_ = helpMenu_->addMenu(QString());
    helpMenu_->addSeparator();
    helpMenu_->addAction(a.about);
    files_->setMenus(recentMenu_, examplesMenu_);
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
    a.cut->setText(tr("Cu&t"));
    a.copy->setText(tr("&Copy"));
    a.paste->setText(tr("&Paste"));
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
    for (const SideTab& tab : sideTabTitles_)
        sideTabs_->setTabText(sideTabs_->indexOf(tab.widget), tab.title());
    debugMenu_->setTitle(tr("&Debug"));
    debugger_->retranslate();
    files_->retranslate();
    previewController_->retranslate();
    repro_->retranslate();
    migrate_->retranslate();
    updateProfilesMenu();
    updateTitle();
    updateCursorPosition();
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

QString MainWindow::documentName() const
{
    return path_.isEmpty() ? repro_->untitledName() : QFileInfo(path_).fileName();
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Mapping Studio").arg(documentName()));
}

void MainWindow::updateCursorPosition()
{
    const QTextCursor cursor = editor_->textCursor();
    cursorLabel_->setText(tr("Line %1, Column %2").arg(cursor.blockNumber() + 1).arg(cursor.positionInBlock() + 1));
}

void MainWindow::runPreview()
{
    previewController_->runPreview();
}

bool MainWindow::applyFix(const TextFix& fix)
{
    return previewController_->applyFix(fix);
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
    // One edit over the whole text: one undo step, and the cursor stays on its token.
    editor_->replaceAllText(formatted);
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
    repro_->settingsToStore(settings_).save(store);
    applyTheme(settings_.theme);
    editor_->setEditorFont(settings_.editorFont);
    if (settings_.language != installedLanguage())
        installTranslation(settings_.language);
    updateProfilesMenu();
    previewController_->settingsApplied(flagsChanged || previewChanged);
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
    const auto all = repro_->profiles() + builtInProfiles() + settings_.userProfiles;
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
