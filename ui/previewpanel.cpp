#include "previewpanel.h"

#include "analysisservice.h"
#include "diagnosticmessages.h"
#include "jsonview.h"
#include "mappingbackend.h"

#include "mdsl/jsondiff.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace studio {

namespace {

constexpr int kStartRole = Qt::UserRole + 1;
constexpr int kEndRole = Qt::UserRole + 2;

QString stateName(RunState state)
{
    switch (state) {
    case RunState::Ok:
        return PreviewPanel::tr("ok");
    case RunState::Failed:
        return PreviewPanel::tr("failed");
    case RunState::Invalid:
        return PreviewPanel::tr("invalid");
    case RunState::NotRun:
        break;
    }
    return PreviewPanel::tr("not run");
}

QString stateColour(RunState state)
{
    switch (state) {
    case RunState::Ok:
        return QStringLiteral("#2e9d4f");
    case RunState::Failed:
        return QStringLiteral("#d98c00");
    case RunState::Invalid:
        return QStringLiteral("#d23c3c");
    case RunState::NotRun:
        break;
    }
    return QStringLiteral("#888888");
}

} // namespace

QString formatDuration(qint64 us)
{
    if (us < 10000)
        return PreviewPanel::tr("%1 ms").arg(QLocale().toString(double(us) / 1000.0, 'f', 1));
    if (us < 1000000)
        return PreviewPanel::tr("%1 ms").arg(QLocale().toString(us / 1000));
    return PreviewPanel::tr("%1 s").arg(QLocale().toString(double(us) / 1e6, 'f', 1));
}

PreviewPanel::PreviewPanel(QWidget* parent)
    : QWidget(parent)
    , input_(new JsonView(this))
    , inputTitle_(new QLabel(this))
    , inputError_(new QLabel(this))
    , loadButton_(new QPushButton(this))
    , production_(new QLabel(this))
    , banner_(new QLabel(this))
    , runButton_(new QPushButton(this))
    , pinButton_(new QToolButton(this))
    , previousButton_(new QToolButton(this))
    , nextButton_(new QToolButton(this))
    , diffLabel_(new QLabel(this))
    , diffList_(new QListWidget(this))
{
    v1_ = makeSide();
    v2_ = makeSide();
    production_->setTextFormat(Qt::RichText);
    inputError_->setWordWrap(true);
    inputError_->setStyleSheet(QStringLiteral("color: #d23c3c;"));
    inputError_->hide();
    banner_->setTextFormat(Qt::RichText);
    banner_->setWordWrap(true);
    banner_->setAutoFillBackground(true);
    banner_->setStyleSheet(QStringLiteral("background: #dcebfb; color: #0b2a4a; padding: 4px;"));
    banner_->hide();
    // Counts and times must stay readable when the panel is narrow; the production line gives way.
    diffLabel_->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
    production_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    previousButton_->setArrowType(Qt::UpArrow);
    nextButton_->setArrowType(Qt::DownArrow);
    pinButton_->setCheckable(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(production_, 1);
    bar->addWidget(diffLabel_);
    bar->addWidget(previousButton_);
    bar->addWidget(nextButton_);
    bar->addWidget(pinButton_);
    bar->addWidget(runButton_);

    auto* inputBox = new QWidget(this);
    auto* inputLayout = new QVBoxLayout(inputBox);
    inputLayout->setContentsMargins(0, 0, 0, 0);
    auto* inputBar = new QHBoxLayout;
    inputBar->addWidget(inputTitle_, 1);
    inputBar->addWidget(loadButton_);
    inputLayout->addLayout(inputBar);
    inputLayout->addWidget(input_, 1);
    inputLayout->addWidget(inputError_);

    auto* outputs = new QSplitter(Qt::Horizontal, this);
    outputs->addWidget(v1_.box);
    outputs->addWidget(v2_.box);
    outputs->setChildrenCollapsible(false);

    // Input on top, the two outputs side by side under it, their differences at the bottom.
    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(inputBox);
    vertical->addWidget(outputs);
    vertical->addWidget(diffList_);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 5);
    vertical->setStretchFactor(2, 1);
    vertical->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(banner_);
    layout->addWidget(vertical, 1);

    connect(input_, &QPlainTextEdit::textChanged, this, [this] {
        inputText_ = input_->toPlainText();
        emit inputEdited();
    });
    connect(runButton_, &QPushButton::clicked, this, &PreviewPanel::runRequested);
    connect(loadButton_, &QPushButton::clicked, this, &PreviewPanel::loadInputRequested);
    connect(pinButton_, &QToolButton::clicked, this, [this] {
        // The button shows the state; what it does is decided by the window (a file dialog).
        pinButton_->setChecked(!pinnedPath_.isEmpty());
        emit pinRequested();
    });
    connect(previousButton_, &QToolButton::clicked, this, &PreviewPanel::previousDifference);
    connect(nextButton_, &QToolButton::clicked, this, &PreviewPanel::nextDifference);
    connect(diffList_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row != current_)
            selectDifference(row);
    });
    for (Side* side : {&v1_, &v2_}) {
        const bool isV2 = side == &v2_;
        connect(side->errors, &QListWidget::itemActivated, this, [this, isV2](QListWidgetItem* item) {
            // Only the V2 side is surely the editor's text; the V1 side may be a pinned file.
            if (isV2 || pinnedPath_.isEmpty())
                emit jumpRequested(item->data(kStartRole).toInt(), item->data(kEndRole).toInt());
        });
    }
    retranslate();
}

PreviewPanel::Side PreviewPanel::makeSide()
{
    Side side;
    side.box = new QWidget(this);
    side.title = new QLabel(side.box);
    side.status = new QLabel(side.box);
    side.status->setTextFormat(Qt::RichText);
    side.status->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
    side.title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    side.view = new JsonView(side.box);
    side.view->setReadOnly(true);
    side.errors = new QListWidget(side.box);
    side.errors->setMaximumHeight(90);
    side.errors->hide();
    auto* head = new QHBoxLayout;
    head->addWidget(side.title, 1);
    head->addWidget(side.status);
    auto* layout = new QVBoxLayout(side.box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(head);
    layout->addWidget(side.view, 1);
    layout->addWidget(side.errors);
    return side;
}

void PreviewPanel::setInputText(const QString& text)
{
    input_->setJsonText(text);
}

void PreviewPanel::setPinned(const QString& path, const QString& text)
{
    pinnedPath_ = path;
    pinnedText_ = path.isEmpty() ? QString() : text;
    pinButton_->setChecked(!path.isEmpty());
    retranslate();
}

void PreviewPanel::showRunning()
{
    running_ = true;
    refresh();
}

void PreviewPanel::setResult(std::shared_ptr<const PreviewResult> result)
{
    std::shared_ptr<const PreviewResult> previous = std::exchange(result_, std::move(result));
    haveResult_ = true;
    running_ = false;
    showOutputs();
    releaseInBackground(std::move(previous));
}

void PreviewPanel::setProductionOutput(std::shared_ptr<const mdsl::ReproProduction> production, mdsl::Route route)
{
    recorded_.reset();
    recordedRoute_ = route;
    recordedProduction_ = std::move(production);
    if (recordedProduction_) {
        EngineRun run;
        run.state = RunState::Ok;
        run.output = recordedProduction_->output;
        run.rendered = renderJson(recordedProduction_->output);
        recorded_ = std::move(run);
    }
    // Production ran the bundle's mapping text: the left side is never a pinned file then.
    pinButton_->setEnabled(!recorded_);
    retranslate();
    showOutputs();
}

void PreviewPanel::setBanner(const QString& text, const QString& toolTip)
{
    banner_->setText(text);
    banner_->setToolTip(toolTip);
    banner_->setVisible(!text.isEmpty());
}

QString PreviewPanel::bannerText() const
{
    QTextDocument doc;
    doc.setHtml(banner_->text());
    return doc.toPlainText();
}

const EngineRun& PreviewPanel::leftRun() const
{
    return recorded_ ? *recorded_ : result_->v1;
}

const EngineRun& PreviewPanel::rightRun() const
{
    if (!recorded_)
        return result_->v2;
    // Our answer as production would give it, as the engine routed it for production's route.
    return result_->production.answer.engine == mdsl::EngineKind::V1 ? result_->v1 : result_->v2;
}

void PreviewPanel::showOutputs()
{
    const QString previous = current_ >= 0 && current_ < differences_.size() ? differences_.at(current_).pointer : QString();
    differences_.clear();
    const mdsl::Json* patch = &result_->patch;
    static const mdsl::Json kNoPatch = mdsl::Json::array();
    if (recorded_) {
        // The engine judged our answer against production's, off the UI thread (judgeRepro);
        // nothing ran yet, or the sample input is not JSON: nothing to compare.
        patch = result_->repro ? &result_->repro->patch : &kNoPatch;
    }
    if (patch->is_array()) {
        for (const mdsl::Json& op : *patch) {
            if (op.is_object() && op.contains("path") && op["path"].is_string())
                differences_.append({QString::fromStdString(op["path"].get<std::string>()),
                                     QString::fromStdString(op.value("op", std::string()))});
        }
    }
    current_ = -1;
    for (int i = 0; i < differences_.size(); ++i) {
        if (differences_.at(i).pointer == previous)
            current_ = i;
    }
    // Documents built off the UI thread are swapped in; an unchanged text is left alone.
    v1_.view->showJson(leftRun().rendered);
    v2_.view->showJson(rightRun().rendered);
    refresh();
}

std::optional<mdsl::ReproVerdict> PreviewPanel::reproVerdict() const
{
    if (!recorded_ || !haveResult_ || !result_->repro)
        return std::nullopt;
    return result_->repro->verdict;
}

QString PreviewPanel::shownInputError() const
{
    return inputError_->isHidden() ? QString() : inputError_->text();
}

QString PreviewPanel::comparisonText() const
{
    return diffLabel_->text();
}

QStringList PreviewPanel::differencesAsText() const
{
    QStringList out;
    for (int i = 0; i < diffList_->count(); ++i)
        out.append(diffList_->item(i)->text());
    return out;
}

void PreviewPanel::fillSide(Side& side, const EngineRun& run, bool recorded)
{
    QString status;
    if (recorded) {
        status = QStringLiteral("<span style='color:#1f5fa8; font-weight:bold'>%1</span>").arg(tr("recorded").toHtmlEscaped());
    } else if (!haveResult_ || run.state == RunState::NotRun) {
        status = running_ ? tr("running…") : QString();
    } else {
        status = QStringLiteral("<span style='color:%1; font-weight:bold'>%2</span> · %3")
                     .arg(stateColour(run.state), stateName(run.state).toHtmlEscaped(), formatDuration(run.elapsedUs));
        if (running_)
            status += QStringLiteral(" · ") + tr("updating…");
    }
    side.status->setText(status);
    if (haveResult_ && !run.output) {
        side.view->setJsonText(QString());
        side.view->setPlaceholderText(run.state == RunState::Invalid ? tr("No output: the mapping is invalid for this engine.")
                                                                     : tr("No output."));
    }
    side.errors->clear();
    for (const Problem& p : run.problems) {
        if (p.severity != ProblemSeverity::Error)
            continue;
        auto* item = new QListWidgetItem(tr("%1:%2 %3 %4").arg(p.line).arg(p.column).arg(p.code, p.message()), side.errors);
        item->setData(kStartRole, p.start);
        item->setData(kEndRole, p.end);
        item->setToolTip(item->text());
    }
    side.errors->setVisible(side.errors->count() > 0);
}

void PreviewPanel::refresh()
{
    fillSide(v1_, leftRun(), recorded_.has_value());
    fillSide(v2_, rightRun(), false);
    if (recorded_) {
        const bool v1 = &rightRun() == &result_->v1;
        v2_.title->setText(v1 ? tr("<b>Ours</b>: V1 engine") : tr("<b>Ours</b>: V2 engine"));
    }

    if (!result_->inputError.isEmpty() && haveResult_) {
        inputError_->setText(inputErrorText(*result_));
        inputError_->show();
    } else {
        inputError_->hide();
    }

    QString production;
    if (haveResult_ && result_->inputError.isEmpty() && !result_->production.engine.isEmpty()) {
        const QString engine = result_->production.engine.toUpper();
        QString what;
        if (result_->production.fallback)
            what = tr("Production serves <b>V1 by fallback</b> (V2 failed)");
        else
            what = tr("Production serves <b>%1</b>").arg(engine);
        production = QStringLiteral("%1 — <span style='color:%2'>%3</span>")
                         .arg(what, stateColour(result_->production.state), stateName(result_->production.state));
    } else if (running_) {
        production = tr("Running…");
    }
    production_->setText(production);

    diffList_->blockSignals(true);
    diffList_->clear();
    const mdsl::Json* v1 = leftRun().output ? &*leftRun().output : nullptr;
    const mdsl::Json* v2 = rightRun().output ? &*rightRun().output : nullptr;
    for (const Difference& d : differences_) {
        bool inV1 = false;
        bool inV2 = false;
        const QString a = describeAt(v1, d.pointer, &inV1);
        const QString b = describeAt(v2, d.pointer, &inV2);
        // Missing (key absent) and null are different things: say which.
        const QString where = d.pointer.isEmpty() ? QStringLiteral("/") : d.pointer;
        const QString left = inV1 ? a : tr("missing");
        const QString right = inV2 ? b : tr("missing");
        diffList_->addItem(recorded_ ? tr("%1 — Production: %2 · Ours: %3").arg(where, left, right)
                                     : tr("%1 — V1: %2 · V2: %3").arg(where, left, right));
    }
    diffList_->setCurrentRow(current_);
    diffList_->blockSignals(false);

    if (!haveResult_)
        diffLabel_->clear();
    else if (recorded_ && !result_->repro)
        diffLabel_->setText(tr("No comparison: one side has no output"));
    else if (recorded_ && result_->repro->verdict == mdsl::ReproVerdict::Reproduced)
        diffLabel_->setText(tr("Reproduced: same output as production"));
    else if (recorded_ && differences_.isEmpty())
        // The same output, but our run did not end ok: production's answer is not reproduced.
        diffLabel_->setText(tr("Not reproduced: our run is %1").arg(stateName(rightRun().state)));
    else if (recorded_)
        diffLabel_->setText(tr("Differences from production: %1").arg(differences_.size()));
    else if (!v1 || !v2)
        diffLabel_->setText(tr("No comparison: one side has no output"));
    else if (differences_.isEmpty())
        diffLabel_->setText(tr("Outputs identical"));
    else
        diffLabel_->setText(tr("Differences: %1").arg(differences_.size()));
    previousButton_->setEnabled(!differences_.isEmpty());
    nextButton_->setEnabled(!differences_.isEmpty());
    selectDifference(current_);
}

void PreviewPanel::selectDifference(int index)
{
    current_ = index >= 0 && index < differences_.size() ? index : -1;
    QList<QPair<int, int>> v1Marks;
    QList<QPair<int, int>> v2Marks;
    int v1Current = -1;
    int v2Current = -1;
    for (int i = 0; i < differences_.size(); ++i) {
        const QString& pointer = differences_.at(i).pointer;
        if (const auto it = leftRun().rendered.lines.constFind(pointer); it != leftRun().rendered.lines.constEnd()) {
            if (i == current_)
                v1Current = int(v1Marks.size());
            v1Marks.append(it.value());
        }
        if (const auto it = rightRun().rendered.lines.constFind(pointer); it != rightRun().rendered.lines.constEnd()) {
            if (i == current_)
                v2Current = int(v2Marks.size());
            v2Marks.append(it.value());
        }
    }
    v1_.view->setMarkedLines(v1Marks, v1Current);
    v2_.view->setMarkedLines(v2Marks, v2Current);
    if (v1Current >= 0)
        v1_.view->showLine(v1Marks.at(v1Current).first);
    if (v2Current >= 0)
        v2_.view->showLine(v2Marks.at(v2Current).first);
    if (diffList_->currentRow() != current_) {
        diffList_->blockSignals(true);
        diffList_->setCurrentRow(current_);
        diffList_->blockSignals(false);
    }
}

void PreviewPanel::nextDifference()
{
    if (differences_.isEmpty())
        return;
    selectDifference((current_ + 1) % int(differences_.size()));
}

void PreviewPanel::previousDifference()
{
    if (differences_.isEmpty())
        return;
    selectDifference(current_ <= 0 ? int(differences_.size()) - 1 : current_ - 1);
}

QString PreviewPanel::productionText() const
{
    QTextDocument doc;
    doc.setHtml(production_->text());
    return doc.toPlainText();
}

QString PreviewPanel::statusText(bool v2) const
{
    const Side& side = v2 ? v2_ : v1_;
    QTextDocument title;
    title.setHtml(side.title->text());
    QTextDocument status;
    status.setHtml(side.status->text());
    return title.toPlainText() + QStringLiteral(" · ") + status.toPlainText();
}

void PreviewPanel::retranslate()
{
    inputTitle_->setText(tr("<b>Sample input</b>"));
    loadButton_->setText(tr("Load…"));
    loadButton_->setToolTip(tr("Load the sample input from a JSON file (or drop one on the window)"));
    runButton_->setText(tr("Run"));
    runButton_->setToolTip(tr("Run the preview now"));
    pinButton_->setText(pinnedPath_.isEmpty() ? tr("Pin V1 to File…") : tr("Unpin V1"));
    pinButton_->setToolTip(tr("Run the V1 side on another mapping file, e.g. the V1 original of a migrated mapping"));
    previousButton_->setToolTip(tr("Previous difference"));
    nextButton_->setToolTip(tr("Next difference"));
    if (recorded_)
        v1_.title->setText(tr("<b>Production</b> (recorded)"));
    else
        v1_.title->setText(pinnedPath_.isEmpty() ? tr("<b>V1 engine</b>")
                                                 : tr("<b>V1 engine</b> on %1").arg(QFileInfo(pinnedPath_).fileName().toHtmlEscaped()));
    v2_.title->setText(tr("<b>V2 engine</b>"));
    input_->setPlaceholderText(tr("Type or drop a JSON sample input here"));
    refresh();
}

void PreviewPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace studio
