#include "previewpanel.h"

#include "analysisservice.h"
#include "diagnosticmessages.h"
#include "jsonview.h"
#include "mappingbackend.h"

#include "mdsl/jsondiff.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace studio {

namespace {

constexpr int kStartRole = Qt::UserRole + 1;
constexpr int kEndRole = Qt::UserRole + 2;

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

/// A phrase as rich text: escaped, its strong part bold, in red when it is an alert.
QString richText(const Phrase& phrase)
{
    QString html = phrase.text.toHtmlEscaped();
    if (!phrase.strong.isEmpty()) {
        const QString strong = phrase.strong.toHtmlEscaped();
        if (const qsizetype at = html.indexOf(strong); at >= 0)
            html.replace(at, strong.size(), QStringLiteral("<b>%1</b>").arg(strong));
    }
    return phrase.alert ? QStringLiteral("<span style='color:#b3261e'>%1</span>").arg(html) : html;
}

} // namespace

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
    productionBar_ = bar;
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
    side.title->setTextFormat(Qt::RichText);
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

void PreviewPanel::setBanner(const QList<Phrase>& banner, const QString& toolTip)
{
    view_.banner = banner;
    view_.bannerToolTip = toolTip;
    QStringList parts;
    for (const Phrase& phrase : banner)
        parts << richText(phrase);
    banner_->setText(parts.join(QStringLiteral(" · ")));
    banner_->setToolTip(toolTip);
    banner_->setVisible(!banner.isEmpty());
}

PreviewViewInput PreviewPanel::viewInput() const
{
    return {result_.get(), haveResult_, running_, recorded_ ? &*recorded_ : nullptr, pinnedPath_};
}

void PreviewPanel::showOutputs()
{
    const PreviewViewInput in = viewInput();
    // Documents built off the UI thread are swapped in; an unchanged text is left alone.
    v1_.view->showJson(leftRunOf(in).rendered);
    v2_.view->showJson(rightRunOf(in).rendered);
    refresh();
}

void PreviewPanel::fillSide(Side& side, const PreviewSideView& view)
{
    side.title->setText(richText(view.title));
    QString status;
    if (view.recorded) {
        status = QStringLiteral("<span style='color:#1f5fa8; font-weight:bold'>%1</span>").arg(view.stateName.toHtmlEscaped());
    } else if (view.stateName.isEmpty()) {
        status = view.note.toHtmlEscaped();
    } else {
        status = QStringLiteral("<span style='color:%1; font-weight:bold'>%2</span> · %3")
                     .arg(stateColour(view.state), view.stateName.toHtmlEscaped(), view.time.toHtmlEscaped());
        if (!view.note.isEmpty())
            status += QStringLiteral(" · ") + view.note.toHtmlEscaped();
    }
    side.status->setText(status);
    if (!view.placeholder.isEmpty()) {
        side.view->setJsonText(QString());
        side.view->setPlaceholderText(view.placeholder);
    }
    side.errors->clear();
    for (const PreviewSideView::Error& error : view.errors) {
        auto* item = new QListWidgetItem(error.text, side.errors);
        item->setData(kStartRole, error.start);
        item->setData(kEndRole, error.end);
        item->setToolTip(error.text);
    }
    side.errors->setVisible(side.errors->count() > 0);
}

void PreviewPanel::refresh()
{
    // The selected difference stays selected while it is still there.
    const QString previous = current_ >= 0 && current_ < view_.differences.size() ? view_.differences.at(current_).pointer : QString();
    PreviewViewModel next = makePreviewViewModel(viewInput());
    next.banner = std::move(view_.banner);
    next.bannerToolTip = std::move(view_.bannerToolTip);
    view_ = std::move(next);
    current_ = -1;
    for (int i = 0; i < view_.differences.size(); ++i) {
        if (view_.differences.at(i).pointer == previous)
            current_ = i;
    }

    fillSide(v1_, view_.left);
    fillSide(v2_, view_.right);
    inputError_->setText(view_.inputError);
    inputError_->setVisible(!view_.inputError.isEmpty());
    production_->setText(view_.productionStateName.isEmpty()
                             ? richText(view_.production)
                             : QStringLiteral("%1 — <span style='color:%2'>%3</span>")
                                   .arg(richText(view_.production), stateColour(view_.productionState),
                                        view_.productionStateName.toHtmlEscaped()));

    diffList_->blockSignals(true);
    diffList_->clear();
    for (const PreviewDifferenceView& d : view_.differences)
        diffList_->addItem(d.text);
    diffList_->setCurrentRow(current_);
    diffList_->blockSignals(false);
    diffLabel_->setText(view_.comparison);
    previousButton_->setEnabled(!view_.differences.isEmpty());
    nextButton_->setEnabled(!view_.differences.isEmpty());
    selectDifference(current_);
}

void PreviewPanel::selectDifference(int index)
{
    current_ = index >= 0 && index < view_.differences.size() ? index : -1;
    const PreviewViewInput in = viewInput();
    QList<QPair<int, int>> v1Marks;
    QList<QPair<int, int>> v2Marks;
    int v1Current = -1;
    int v2Current = -1;
    for (int i = 0; i < view_.differences.size(); ++i) {
        const QString& pointer = view_.differences.at(i).pointer;
        if (const auto it = leftRunOf(in).rendered.lines.constFind(pointer); it != leftRunOf(in).rendered.lines.constEnd()) {
            if (i == current_)
                v1Current = int(v1Marks.size());
            v1Marks.append(it.value());
        }
        if (const auto it = rightRunOf(in).rendered.lines.constFind(pointer); it != rightRunOf(in).rendered.lines.constEnd()) {
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
    if (view_.differences.isEmpty())
        return;
    selectDifference((current_ + 1) % int(view_.differences.size()));
}

void PreviewPanel::previousDifference()
{
    if (view_.differences.isEmpty())
        return;
    selectDifference(current_ <= 0 ? int(view_.differences.size()) - 1 : current_ - 1);
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
