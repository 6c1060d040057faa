// File > Migrate to V2… (docs/migration.md). The migration itself is the engine's (the same
// as `mapping-dsl migrate`); this file shows it: the migrated text as a new unsaved document
// (it is not the original file: saving asks where), the preview's V1 side pinned to the
// original so that every run of the preview compares the two, the changes in the Migration
// tab, and the corpus check there, run in a thread of the pool.

#include "migratecontroller.h"

#include "backgroundlane.h"
#include "codeeditor.h"
#include "diagnosticmessages.h"
#include "filescontroller.h"
#include "previewcontroller.h"
#include "previewpanel.h"
#include "utf8text.h"
#include "windowcontext.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <fstream>

namespace studio {

/// One corpus check: the corpus file, the original and the text to judge, the flags.
struct MigrationCorpusRequest {
    QString path;
    std::string original;
    std::string migrated;
    mdsl::Flags flags;
};

namespace {

mdsl::MigrationCorpusCheck runMigrationCorpusCheck(const MigrationCorpusRequest& request)
{
    std::ifstream corpus(QFile::encodeName(request.path).toStdString(), std::ios::binary);
    if (!corpus || QFileInfo(request.path).isDir()) {
        mdsl::MigrationCorpusCheck failed;
        failed.report.inputError = "cannot read " + QDir::toNativeSeparators(request.path).toStdString();
        return failed;
    }
    return mdsl::checkMigrationOnCorpus(corpus, request.original, request.migrated, request.flags);
}

/// A diagnostic's message in the current language.
QString translatedMessage(const mdsl::Diagnostic& d)
{
    QStringList args;
    for (const std::string& arg : d.args)
        args << fromStd(arg);
    return DiagnosticMessages::translate(fromStd(d.code), args, fromStd(d.message), fromStd(d.wording));
}

QString lineRange(int line, int endLine)
{
    return endLine > line ? MigrateController::tr("Lines %1–%2").arg(line).arg(endLine)
                          : MigrateController::tr("Line %1").arg(line);
}

/// A change in the current language, by its wording id; the engine's English otherwise.
QString changeText(const std::string& wording, const std::vector<std::string>& args, int line, int endLine,
                   const std::string& english)
{
    QStringList a;
    for (const std::string& arg : args)
        a << fromStd(arg);
    const auto code = [&](qsizetype i) { return QStringLiteral("`%1`").arg(a.value(i)); };
    QString text;
    if (wording == "header.version")
        text = MigrateController::tr("the header says `version 2` instead of `version 1`");
    else if (wording == "header.added")
        text = MigrateController::tr("the header gets `version 2`");
    else if (wording == "header.created" && a.size() == 1)
        text = MigrateController::tr("a header %1 is added (the document had none)").arg(code(0));
    else if (wording == "block" && a.size() == 2)
        text = MigrateController::tr("%1 rules under %2 become an object block").arg(a[0], code(1));
    else if (wording == "coalesce" && a.size() == 2)
        text = MigrateController::tr("%1 becomes %2").arg(code(0), code(1));
    else if (wording == "block.held" && a.size() == 3)
        text = MigrateController::tr("not rewritten: %1 rules under %2 stay separate, an object block needs the flag %3, "
                                     "which is off")
                   .arg(a[0], code(1), a[2]);
    else if (wording == "coalesce.held" && a.size() == 2)
        text = MigrateController::tr("not rewritten: %1 stays a call, `??` needs the flag %2, which is off")
                   .arg(code(0), a[1]);
    else
        text = fromStd(english);
    return MigrateController::tr("%1: %2").arg(lineRange(line, endLine), text);
}

} // namespace

MigrateController::MigrateController(WindowContext& context, FilesController& files, PreviewController& preview,
                                     QObject* parent)
    : QObject(parent)
    , context_(context)
    , files_(files)
    , preview_(preview)
    , action_(new QAction(this))
    , panel_(new QWidget(context.window()))
    , heading_(new QLabel(panel_))
    , changes_(new QListWidget(panel_))
    , corpusButton_(new QPushButton(panel_))
    , verdict_(new QLabel(panel_))
{
    panel_->setObjectName(QStringLiteral("migrationPanel"));
    panel_->hide();
    heading_->setWordWrap(true);
    verdict_->setWordWrap(true);
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(corpusButton_);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(panel_);
    layout->addWidget(heading_);
    layout->addWidget(changes_, 1);
    layout->addLayout(buttons);
    layout->addWidget(verdict_);

    corpusLane_ = std::make_unique<BackgroundLane<MigrationCorpusRequest, mdsl::MigrationCorpusCheck>>(
        nullptr, [](const MigrationCorpusRequest& request, const std::atomic<bool>&) { return runMigrationCorpusCheck(request); },
        [this](mdsl::MigrationCorpusCheck&& check, quint64) { showVerdict(check); });

    connect(action_, &QAction::triggered, this, &MigrateController::chooseAndMigrate);
    connect(corpusButton_, &QPushButton::clicked, this, [this] { checkCorpus(QString()); });
    // Another document replaces the migrated one: its migration no longer applies.
    connect(&files_, &FilesController::documentReplaced, this, [this] {
        corpusLane_->cancel();
        originalPath_.clear();
        originalText_.clear();
        result_ = mdsl::MigrationResult();
        lastCheck_.reset();
        verdict_->clear();
        retranslate();
    });
    retranslate();
}

MigrateController::~MigrateController() = default;

void MigrateController::chooseAndMigrate()
{
    const QString current = context_.documentPath();
    const QString start = current.isEmpty() || current.startsWith(QLatin1Char(':')) ? QDir::homePath() : current;
    const QString path = QFileDialog::getOpenFileName(context_.window(), tr("Migrate to V2"), start,
                                                      tr("Mappings (*.mdsl);;All files (*)"));
    if (!path.isEmpty())
        migrateFile(path);
}

bool MigrateController::migrateFile(const QString& path)
{
    const QString title = tr("Migrate to V2");
    const std::optional<QString> text = FilesController::readTextOrSay(context_.window(), path, title, tr("Cannot open %1:\n%2"));
    if (!text)
        return false;
    const QString name = QDir::toNativeSeparators(path);
    const std::string original = text->toStdString();
    const mdsl::MigrationResult result
        = mdsl::migrateToVersion2(original, {context_.settings().flags, QFileInfo(path).completeBaseName().toStdString()});
    switch (result.outcome) {
    case mdsl::MigrationOutcome::AlreadyVersion2:
        QMessageBox::information(context_.window(), title, tr("%1 is already version 2: there is nothing to migrate.").arg(name));
        return false;
    case mdsl::MigrationOutcome::HasErrors: {
        QStringList lines;
        for (const mdsl::Diagnostic& d : result.diagnostics)
            if (d.severity == mdsl::Severity::Error && lines.size() < 5)
                lines << tr("Line %1: %2").arg(d.range.start.line).arg(translatedMessage(d));
        QMessageBox::warning(context_.window(), title,
                             tr("%1 has errors, so it is not migrated. Open it and fix them first:\n%2")
                                 .arg(name, lines.join(QLatin1Char('\n'))));
        return false;
    }
    case mdsl::MigrationOutcome::Blocked:
        QMessageBox::warning(context_.window(), title,
                             result.blockingFlag
                                 ? tr("%1 is not migrated: production runs no version 2 mapping while the flag %2 is "
                                      "off (Settings).")
                                       .arg(name, fromStd(mdsl::flagName(*result.blockingFlag)))
                                 : tr("%1 is not migrated: %2").arg(name, fromStd(result.reason)));
        return false;
    case mdsl::MigrationOutcome::Migrated:
        break;
    }
    if (!files_.maybeSave())
        return false;
    corpusLane_->cancel();
    originalPath_ = QFileInfo(path).absoluteFilePath();
    originalText_ = original;
    result_ = result;
    lastCheck_.reset();
    verdict_->clear();
    // The migrated text is a new document, not the original file: saving asks where.
    context_.setDocumentPath(QString());
    context_.editor()->setPlainText(fromStd(result.text));
    context_.editor()->document()->setModified(true);
    preview_.pinV1To(originalPath_);
    if (!tabAdded_) {   // the tab comes with the first migration
        context_.addSideTab(panel_, [this] { return tr("Migration"); });
        tabAdded_ = true;
    }
    showChanges();
    context_.showSideTab(preview_.panel());
    context_.updateTitle();
    context_.showMessage(tr("Migrated %1 to version 2: %2 changes (Migration tab), V1 side pinned to the original")
                             .arg(QFileInfo(path).fileName())
                             .arg(result.changes.size()),
                         8000);
    return true;
}

void MigrateController::checkCorpus(const QString& target)
{
    if (originalPath_.isEmpty())
        return;
    QString path = target;
    if (path.isEmpty()) {
        path = QFileDialog::getOpenFileName(context_.window(), tr("Check on a Corpus"),
                                            corpusPath_.isEmpty() ? QFileInfo(originalPath_).absolutePath() : corpusPath_,
                                            tr("NDJSON corpora (*.ndjson *.jsonl);;All files (*)"));
        if (path.isEmpty())
            return;
    }
    corpusPath_ = path;
    lastCheck_.reset();
    verdict_->setStyleSheet(QString());
    verdict_->setText(tr("Checking %1…").arg(QDir::toNativeSeparators(path)));
    corpusLane_->schedule(MigrationCorpusRequest{path, originalText_, context_.editor()->toPlainText().toStdString(),
                                                 context_.settings().flags});
}

void MigrateController::waitForCorpusCheck()
{
    corpusLane_->waitForIdle();
}

void MigrateController::showVerdict(const mdsl::MigrationCorpusCheck& check)
{
    if (lastCheck_.get() != &check)
        lastCheck_ = std::make_unique<mdsl::MigrationCorpusCheck>(check);
    const mdsl::CorpusReport& r = check.report;
    QString text;
    if (!r.inputError.empty()) {
        text = tr("The corpus check stopped: %1").arg(fromStd(r.inputError));
    } else if (!r.left.runs || !r.right.runs) {
        text = r.right.runs ? tr("The original does not run on V1: the corpus cannot be compared.")
                            : tr("This text does not run on V2: fix its problems, then check again.");
    } else if (check.differing > 0) {
        QStringList lines;
        for (const std::uint64_t line : check.lines)
            lines << QString::number(line);
        text = tr("%1 of %2 records differ (corpus lines %3): this text does not give what the original gives.")
                   .arg(check.differing)
                   .arg(r.compared)
                   .arg(lines.join(QStringLiteral(", ")) + (check.differing > std::uint64_t(lines.size()) ? QStringLiteral(", …") : QString()));
    } else if (r.compared == 0) {
        text = tr("The corpus has no record to compare.");
    } else {
        text = tr("Identical on all %1 records: the original on V1 and this text on V2 give the same status and output.")
                   .arg(r.compared);
    }
    if (r.invalidInput > 0)
        text += QLatin1Char(' ') + tr("%1 lines of the corpus are not valid input and were not run.").arg(r.invalidInput);
    verdict_->setStyleSheet(check.same && r.compared > 0 ? QStringLiteral("color: #1e7b34; font-weight: bold;")
                                                        : QStringLiteral("color: #b3261e; font-weight: bold;"));
    verdict_->setText(text);
}

void MigrateController::showChanges()
{
    corpusButton_->setEnabled(!originalPath_.isEmpty());
    changes_->clear();
    for (const mdsl::MigrationChange& c : result_.changes)
        changes_->addItem(changeText(c.wording, c.args, c.line, c.endLine, c.description));
    for (const mdsl::HeldBackRewrite& h : result_.heldBack)
        changes_->addItem(changeText(h.wording, h.args, h.line, h.endLine, h.description));
    heading_->setText(originalPath_.isEmpty()
                          ? tr("No migration yet: File > Migrate to V2… rewrites a version 1 mapping as version 2.")
                          : tr("Migrated from %1. The preview's V1 side runs the original, its V2 side this text; line "
                               "numbers are the original's.")
                                .arg(QDir::toNativeSeparators(originalPath_)));
}

QStringList MigrateController::changeLines() const
{
    QStringList lines;
    for (int i = 0; i < changes_->count(); ++i)
        lines << changes_->item(i)->text();
    return lines;
}

QString MigrateController::verdictText() const
{
    return verdict_->text();
}

void MigrateController::retranslate()
{
    action_->setText(tr("&Migrate to V2…"));
    action_->setToolTip(tr("Rewrite a version 1 mapping as version 2 and open it beside the original"));
    corpusButton_->setText(tr("Check on a Corpus…"));
    corpusButton_->setToolTip(tr("Run the original on V1 and this text on V2 over every record of an NDJSON corpus"));
    showChanges();
    if (lastCheck_)
        showVerdict(*lastCheck_);
}

} // namespace studio
