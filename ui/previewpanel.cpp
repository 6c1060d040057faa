#include "previewpanel.h"

#include "analysisservice.h"
#include "diagnosticmessages.h"
#include "jsonpane.h"
#include "jsonview.h"
#include "largetextview.h"
#include "mappingbackend.h"

#include "mdsl/jsondiff.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QEvent>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>
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
    , input_(new JsonPane(this))
    , inputTitle_(new QLabel(this))
    , inputError_(new QLabel(this))
    , loadButton_(new QPushButton(this))
    , samples_(new QComboBox(this))
    , samplesButton_(new QToolButton(this))
    , samplesMenu_(new QMenu(this))
    , production_(new QLabel(this))
    , banner_(new QLabel(this))
    , runButton_(new QPushButton(this))
    , pinButton_(new QToolButton(this))
    , previousButton_(new QToolButton(this))
    , nextButton_(new QToolButton(this))
    , diffLabel_(new QLabel(this))
    , diffList_(new QListWidget(this))
    , why_(new QLabel(this))
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
    inputBar->addWidget(samples_);
    inputBar->addWidget(samplesButton_);
    inputBar->addWidget(loadButton_);
    samples_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    samplesButton_->setMenu(samplesMenu_);
    samplesButton_->setPopupMode(QToolButton::InstantPopup);
    connect(samples_, &QComboBox::activated, this, &PreviewPanel::sampleChosen);
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
    // The differences, and under them why the chosen one differs.
    auto* differences = new QWidget(this);
    auto* differencesLayout = new QVBoxLayout(differences);
    differencesLayout->setContentsMargins(0, 0, 0, 0);
    differencesLayout->addWidget(diffList_, 1);
    differencesLayout->addWidget(why_);
    why_->setTextFormat(Qt::RichText);
    why_->setWordWrap(true);
    why_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    why_->hide();
    connect(why_, &QLabel::linkActivated, this, &PreviewPanel::whyLinkActivated);
    vertical->addWidget(differences);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 5);
    vertical->setStretchFactor(2, 1);
    vertical->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(banner_);
    layout->addWidget(vertical, 1);

    connect(input_->textView(), &QPlainTextEdit::textChanged, this, [this] {
        if (settingInput_)
            return;
        inputText_ = input_->textView()->toPlainText();
        ++inputGeneration_;
        loading_.clear();
        emit inputEdited();
    });
    connect(input_->textView(), &JsonView::largeInsertRequested, this, &PreviewPanel::insertLarge);
    // A large sample is read-only; pasting on it replaces it whole.
    connect(input_->largeView(), &LargeJsonView::pasteRequested, this, [this] {
        const QString pasted = QGuiApplication::clipboard()->text();
        if (pasted.size() > kLargeTextLimit) {
            insertLarge(pasted);
        } else if (!pasted.isEmpty()) {
            setInputText(pasted);
        }
    });
    connect(runButton_, &QPushButton::clicked, this, &PreviewPanel::runRequested);
    connect(loadButton_, &QPushButton::clicked, this, &PreviewPanel::loadInputRequested);
    connect(pinButton_, &QToolButton::clicked, this, [this] {
        // The button shows the state; what it does is decided by the window (a file dialog).
        pinButton_->setChecked(!pinnedPath_.isEmpty());
        emit pinRequested();
    });
    connect(previousButton_, &QToolButton::clicked, this, [this] {
        previousDifference();
        emit differenceChosen(current_);
    });
    connect(nextButton_, &QToolButton::clicked, this, [this] {
        nextDifference();
        emit differenceChosen(current_);
    });
    connect(diffList_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row != current_) {
            selectDifference(row);
            emit differenceChosen(current_);
        }
    });
    // Clicking the difference already chosen asks again (e.g. after moving in the editor).
    connect(diffList_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        if (diffList_->row(item) == current_)
            emit differenceChosen(current_);
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
    side.view = new JsonPane(side.box);
    side.view->textView()->setReadOnly(true);
    side.view->setHoverValues(true);
    const bool right = v1_.box != nullptr;   // the left side is made first
    connect(side.view, &JsonPane::lineHovered, this, [this, right](int line, const QPoint& at, QWidget* view) {
        if (shownOutput(right))
            emit outputHovered(right, line, at, view);
    });
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

JsonView* PreviewPanel::inputView() const
{
    return input_->textView();
}

JsonView* PreviewPanel::v1View() const
{
    return v1_.view->textView();
}

JsonView* PreviewPanel::v2View() const
{
    return v2_.view->textView();
}

void PreviewPanel::setInputText(const QString& text)
{
    if (text.size() <= kLargeTextLimit) {
        loading_.clear();
        const bool same = !input_->showsLarge() && text == inputText_;
        input_->setJsonText(text);   // textChanged: inputText_ and inputEdited follow
        if (same)
            refresh();
        return;
    }
    // In force at once (the preview may run on it); shown once its lines are indexed.
    inputText_ = text;
    setInputLoading(tr("Indexing the sample input (%1)…").arg(QLocale().formattedDataSize(text.size())));
    indexInBackground([text] { return text; });
    emit inputEdited();
}

void PreviewPanel::indexInBackground(std::function<QString()> text)
{
    const quint64 generation = ++inputGeneration_;
    auto* watcher = new QFutureWatcher<std::shared_ptr<const LargeText>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == inputGeneration_)   // not overtaken by another input meanwhile
            setLargeInput(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([text = std::move(text)] { return LargeText::make(text()); }));
}

void PreviewPanel::setLargeInput(std::shared_ptr<const LargeText> text)
{
    const bool changed = text->text() != inputText_;   // equal when setInputText started it: no second run
    settingInput_ = true;
    input_->showLarge(text);
    settingInput_ = false;
    inputText_ = text->text();
    ++inputGeneration_;
    loading_.clear();
    refresh();
    if (changed)
        emit inputEdited();
}

void PreviewPanel::setInputLoading(const QString& what)
{
    loading_ = what;
    refresh();
}

void PreviewPanel::insertLarge(const QString& inserted)
{
    // The selection is replaced, as a paste would; the result is made and indexed in a worker.
    // On a large (read-only) sample, a paste replaces it whole.
    const QTextCursor cursor = input_->textView()->textCursor();
    const bool whole = input_->showsLarge();
    const QString before = whole ? QString() : inputText_.left(cursor.selectionStart());
    const QString after = whole ? QString() : inputText_.mid(cursor.selectionEnd());
    setInputLoading(tr("Reading the pasted sample input (%1)…").arg(QLocale().formattedDataSize(inserted.size())));
    indexInBackground([before, inserted, after] { return before + inserted + after; });
}

void PreviewPanel::setPinned(const QString& path, const QString& text)
{
    const bool changed = path != pinnedPath_;
    pinnedPath_ = path;
    pinnedText_ = path.isEmpty() ? QString() : text;
    pinButton_->setChecked(!path.isEmpty());
    retranslate();
    if (changed)
        emit pinChanged();
}

void PreviewPanel::setSamples(const QStringList& names, int current)
{
    const QSignalBlocker blocker(samples_);
    samples_->clear();
    samples_->addItems(names);
    samples_->setCurrentIndex(current);
    retranslate();
}

void PreviewPanel::renameSample()
{
    const int index = samples_->currentIndex();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Sample"), tr("Name of the sample input:"), QLineEdit::Normal,
                                               samples_->currentText(), &ok);
    if (ok && !name.trimmed().isEmpty())
        emit sampleRenamed(index, name.trimmed());
}

void PreviewPanel::removeSample()
{
    const int index = samples_->currentIndex();
    if (samples_->count() < 2)
        return;
    if (QMessageBox::question(this, tr("Remove Sample"), tr("Remove the sample input “%1”? Its text is lost.").arg(samples_->currentText()))
        == QMessageBox::Yes)
        emit sampleRemoveRequested(index);
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

const RenderedJson* PreviewPanel::shownOutput(bool right) const
{
    const PreviewViewInput in = viewInput();
    const EngineRun& run = right ? rightRunOf(in) : leftRunOf(in);
    return run.output ? &run.rendered : nullptr;
}

void PreviewPanel::setWhy(const QString& html, const QString& plain)
{
    whyPlain_ = plain;
    why_->setText(html);
    why_->setToolTip(html.isEmpty() ? QString() : tr("Click a side's name to select its rule in the editor"));
    why_->setVisible(!html.isEmpty());
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
        if (run.rendered.text.size() > kLargeTextLimit)
            run.rendered.large = LargeText::make(run.rendered.text);
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
    emit resultShown();
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
        side.view->textView()->setPlaceholderText(view.placeholder);
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
    // While a large sample is read, what the last run said of the input no longer applies.
    const QString inputError = loading_.isEmpty() ? view_.inputError : QString();
    inputError_->setText(inputError);
    inputError_->setVisible(!inputError.isEmpty());
    QString title = tr("<b>Sample input</b>");
    if (!loading_.isEmpty())
        title += QStringLiteral(" — <i>%1</i>").arg(loading_.toHtmlEscaped());
    else if (input_->showsLarge())
    {
        const int lines = input_->largeView()->text()->lineCount();
        const QString size = QLocale().formattedDataSize(inputText_.size());
        title += QStringLiteral(" — ")
            + (lines == 1 ? tr("%1, 1 line, read-only").arg(size) : tr("%1, %2 lines, read-only").arg(size, QLocale().toString(lines))).toHtmlEscaped();
    }
    inputTitle_->setText(title);
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
    loadButton_->setText(tr("Load…"));
    samples_->setToolTip(tr("The mapping's sample inputs: each is kept with the mapping, in its workspace file"));
    samplesButton_->setText(tr("Samples"));
    samplesMenu_->clear();
    samplesMenu_->addAction(tr("New Sample"), this, [this] { emit sampleAddRequested(false); });
    samplesMenu_->addAction(tr("Duplicate Sample"), this, [this] { emit sampleAddRequested(true); });
    samplesMenu_->addAction(tr("Rename Sample…"), this, &PreviewPanel::renameSample);
    samplesMenu_->addAction(tr("Remove Sample…"), this, &PreviewPanel::removeSample)->setEnabled(samples_->count() > 1);
    loadButton_->setToolTip(tr("Load the sample input from a JSON file (or drop one on the window)"));
    runButton_->setText(tr("Run"));
    runButton_->setToolTip(tr("Run the preview now"));
    pinButton_->setText(pinnedPath_.isEmpty() ? tr("Pin V1 to File…") : tr("Unpin V1"));
    pinButton_->setToolTip(tr("Run the V1 side on another mapping file, e.g. the V1 original of a migrated mapping"));
    previousButton_->setToolTip(tr("Previous difference"));
    nextButton_->setToolTip(tr("Next difference"));
    input_->textView()->setPlaceholderText(tr("Type or drop a JSON sample input here"));
    refresh();
}

void PreviewPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace studio
