#include "corpuspanel.h"

#include "corpusexport.h"
#include "corpusresults.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QStandardItemModel>
#include <QPushButton>
#include <QVBoxLayout>

namespace studio {

namespace {

QDoubleSpinBox* thresholdBox(QWidget* parent, double max, int decimals)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0, max);
    box->setDecimals(decimals);
    box->setAccelerated(true);
    return box;
}

QString duration(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    if (seconds >= 3600)
        return QCoreApplication::translate("studio::CorpusPanel", "%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    if (seconds >= 60)
        return QCoreApplication::translate("studio::CorpusPanel", "%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return QCoreApplication::translate("studio::CorpusPanel", "%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', seconds < 10 ? 1 : 0));
}

} // namespace

CorpusPanel::CorpusPanel(QWidget* parent)
    : QWidget(parent)
    , corpus_(new QLineEdit(this))
    , browseFile_(new QPushButton(this))
    , browseFolder_(new QPushButton(this))
    , format_(new QComboBox(this))
    , left_(new QComboBox(this))
    , outputs_(new QLineEdit(this))
    , browseOutputs_(new QPushButton(this))
    , right_(new QComboBox(this))
    , maxErrorRate_(thresholdBox(this, 100, 2))
    , maxTimeRatio_(thresholdBox(this, 1000, 2))
    , maxDifferent_(thresholdBox(this, 100, 2))
    , maxInvalid_(thresholdBox(this, 100, 2))
    , run_(new QPushButton(this))
    , cancel_(new QPushButton(this))
    , progress_(new QProgressBar(this))
    , progressText_(new QLabel(this))
    , counters_(new QLabel(this))
    , verdict_(new QLabel(this))
    , checks_(new QLabel(this))
    , results_(new CorpusResults(this))
    , exportHtml_(new QPushButton(this))
    , exportJson_(new QPushButton(this))
    , exportJUnit_(new QPushButton(this))
{
    setObjectName(QStringLiteral("corpusPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QGridLayout;
    for (int i = 0; i < 4; ++i)
        labels_ << new QLabel(this);
    labels_[0]->setBuddy(corpus_);
    labels_[1]->setBuddy(left_);
    labels_[2]->setBuddy(right_);
    labels_[3]->setBuddy(maxErrorRate_);
    form->addWidget(labels_[0], 0, 0);
    auto* corpusRow = new QHBoxLayout;
    corpusRow->addWidget(corpus_, 1);
    corpusRow->addWidget(browseFile_);
    corpusRow->addWidget(browseFolder_);
    corpusRow->addWidget(format_);
    form->addLayout(corpusRow, 0, 1);
    form->addWidget(labels_[1], 1, 0);
    auto* leftRow = new QHBoxLayout;
    leftRow->addWidget(left_);
    leftRow->addWidget(outputs_, 1);
    leftRow->addWidget(browseOutputs_);
    form->addLayout(leftRow, 1, 1);
    form->addWidget(labels_[2], 2, 0);
    auto* rightRow = new QHBoxLayout;
    rightRow->addWidget(right_);
    rightRow->addStretch(1);
    form->addLayout(rightRow, 2, 1);
    form->addWidget(labels_[3], 3, 0);
    auto* thresholdRow = new QHBoxLayout;
    for (QDoubleSpinBox* box : {maxErrorRate_, maxTimeRatio_, maxDifferent_, maxInvalid_})
        thresholdRow->addWidget(box);
    thresholdRow->addStretch(1);
    form->addLayout(thresholdRow, 3, 1);
    form->setColumnStretch(1, 1);
    layout->addLayout(form);

    auto* runRow = new QHBoxLayout;
    runRow->addWidget(run_);
    runRow->addWidget(cancel_);
    runRow->addWidget(progress_, 1);
    layout->addLayout(runRow);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(progressText_, 1);
    statusRow->addWidget(counters_);
    layout->addLayout(statusRow);

    verdict_->setObjectName(QStringLiteral("corpusVerdict"));
    verdict_->setAutoFillBackground(true);
    verdict_->setMargin(6);
    QFont big = verdict_->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    verdict_->setFont(big);
    checks_->setWordWrap(true);
    checks_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(verdict_);
    layout->addWidget(checks_);
    layout->addWidget(results_, 1);
    auto* exportRow = new QHBoxLayout;
    exportRow->addStretch(1);
    exportRow->addWidget(exportHtml_);
    exportRow->addWidget(exportJson_);
    exportRow->addWidget(exportJUnit_);
    layout->addLayout(exportRow);

    corpus_->setClearButtonEnabled(true);
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    progress_->setTextVisible(true);
    progress_->setFormat(QString());
    cancel_->setEnabled(false);
    run_->setDefault(true);
    setThresholds(mdsl::Thresholds{});
    for (QPushButton* button : {exportHtml_, exportJson_, exportJUnit_})
        button->setEnabled(false);
    verdict_->hide();
    checks_->hide();

    connect(browseFile_, &QPushButton::clicked, this, [this] { browseCorpus(false); });
    connect(browseFolder_, &QPushButton::clicked, this, [this] { browseCorpus(true); });
    connect(browseOutputs_, &QPushButton::clicked, this, &CorpusPanel::browseOutputs);
    connect(left_, &QComboBox::currentIndexChanged, this, &CorpusPanel::updateSideControls);
    connect(format_, &QComboBox::currentIndexChanged, this, &CorpusPanel::updateSideControls);
    connect(run_, &QPushButton::clicked, this, &CorpusPanel::runRequested);
    connect(corpus_, &QLineEdit::returnPressed, this, &CorpusPanel::runRequested);
    connect(cancel_, &QPushButton::clicked, this, &CorpusPanel::cancelRequested);
    connect(exportHtml_, &QPushButton::clicked, this, [this] { emit exportRequested(ExportKind::Html); });
    connect(exportJson_, &QPushButton::clicked, this, [this] { emit exportRequested(ExportKind::Json); });
    connect(exportJUnit_, &QPushButton::clicked, this, [this] { emit exportRequested(ExportKind::JUnit); });
    retranslate();
    setLeftSide(LeftSide::MappingV1);
}

QString CorpusPanel::corpusPath() const
{
    return corpus_->text().trimmed();
}

void CorpusPanel::setCorpusPath(const QString& path)
{
    corpus_->setText(QDir::toNativeSeparators(path));
    setFormat(guessCorpusFormat(path));
}

CorpusFormat CorpusPanel::format() const
{
    return CorpusFormat(format_->currentIndex());
}

void CorpusPanel::setFormat(CorpusFormat format)
{
    format_->setCurrentIndex(int(format));
    if (format == CorpusFormat::Pairs)
        setLeftSide(LeftSide::PairOutputs);
    else if (leftSide() == LeftSide::PairOutputs)
        setLeftSide(pinnedName_.isEmpty() ? LeftSide::MappingV1 : LeftSide::PinnedV1);
}

CorpusPanel::LeftSide CorpusPanel::leftSide() const
{
    return LeftSide(left_->currentIndex());
}

void CorpusPanel::setLeftSide(LeftSide side)
{
    left_->setCurrentIndex(int(side));
    updateSideControls();
}

QString CorpusPanel::outputsPath() const
{
    return outputs_->text().trimmed();
}

void CorpusPanel::setOutputsPath(const QString& path)
{
    outputs_->setText(QDir::toNativeSeparators(path));
}

mdsl::SideEngine CorpusPanel::rightEngine() const
{
    return mdsl::SideEngine(right_->currentData().toInt());
}

void CorpusPanel::setRightEngine(mdsl::SideEngine engine)
{
    right_->setCurrentIndex(right_->findData(int(engine)));
}

mdsl::Thresholds CorpusPanel::thresholds() const
{
    mdsl::Thresholds t;
    t.maxErrorRatePercent = maxErrorRate_->value();
    t.maxTimeRatio = maxTimeRatio_->value();
    t.maxDifferentPercent = maxDifferent_->value();
    t.maxInvalidInputPercent = maxInvalid_->value();
    return t;
}

void CorpusPanel::setThresholds(const mdsl::Thresholds& t)
{
    maxErrorRate_->setValue(t.maxErrorRatePercent);
    maxTimeRatio_->setValue(t.maxTimeRatio);
    maxDifferent_->setValue(t.maxDifferentPercent);
    maxInvalid_->setValue(t.maxInvalidInputPercent);
}

void CorpusPanel::setPinnedName(const QString& name)
{
    const bool wasDefault = leftSide() == (pinnedName_.isEmpty() ? LeftSide::MappingV1 : LeftSide::PinnedV1);
    pinnedName_ = name;
    fillLeftSides();
    if (wasDefault && format() != CorpusFormat::Pairs)
        setLeftSide(name.isEmpty() ? LeftSide::MappingV1 : LeftSide::PinnedV1);
    updateSideControls();
}

void CorpusPanel::showStarted()
{
    running_ = true;
    run_->setEnabled(false);
    cancel_->setEnabled(true);
    progress_->setValue(0);
    progress_->setFormat(tr("counting records…"));
    progressText_->setText(tr("Counting the corpus' records…"));
    counters_->clear();
}

void CorpusPanel::showProgress(const mdsl::CorpusProgress& p, std::uint64_t total, qint64 elapsedMs, bool cancelling)
{
    const QLocale locale;
    if (total > 0)
        progress_->setValue(int(std::min<std::uint64_t>(1000, p.records * 1000 / total)));
    progress_->setFormat(tr("%1 of %2 records").arg(locale.toString(qulonglong(p.records)), locale.toString(qulonglong(total))));
    const double seconds = double(elapsedMs) / 1000.0;
    const double rate = seconds > 0 ? double(p.records) / seconds : 0;
    QString text = tr("%1 records/s").arg(locale.toString(rate, 'f', 0));
    if (rate > 0 && total > p.records)
        text += tr(", about %1 left").arg(duration(qint64(double(total - p.records) / rate * 1000.0)));
    if (cancelling)
        text = tr("Cancelling: the records under way finish…");
    progressText_->setText(text);
    counters_->setText(tr("identical %1 · different %2 · left errors %3 · right errors %4 · invalid input %5")
                           .arg(locale.toString(qulonglong(p.identical)),
                                locale.toString(qulonglong(p.compared - p.identical)),
                                locale.toString(qulonglong(p.leftErrors)), locale.toString(qulonglong(p.rightErrors)),
                                locale.toString(qulonglong(p.invalidInput))));
}

void CorpusPanel::showFinished(const CorpusRunResult& result)
{
    running_ = false;
    run_->setEnabled(true);
    cancel_->setEnabled(false);
    shown_ = result;
    const bool hasReport = result.report != nullptr;
    for (QPushButton* button : {exportHtml_, exportJson_, exportJUnit_})
        button->setEnabled(hasReport && result.error.isEmpty());
    if (hasReport) {
        const mdsl::CorpusReport& r = *result.report;
        showProgress(mdsl::corpusProgress(r), result.totalRecords, result.elapsedMs, false);
        progressText_->setText(r.cancelled ? tr("Cancelled after %1: the figures below are partial.").arg(duration(result.elapsedMs))
                                           : tr("Done in %1.").arg(duration(result.elapsedMs)));
    }
    if (!result.error.isEmpty())
        progressText_->setText(result.error);
    results_->setReport(result.error.isEmpty() ? result.report : nullptr, result.totalRecords);
    showVerdict(&result);
}

void CorpusPanel::showVerdict(const CorpusRunResult* result)
{
    const bool shown = result != nullptr && result->report != nullptr && result->error.isEmpty();
    verdict_->setVisible(shown);
    checks_->setVisible(shown);
    if (!shown)
        return;
    const mdsl::CorpusReport& r = *result->report;
    verdict_->setText(verdictTitle(r));
    QPalette banner = verdict_->palette();
    banner.setColor(QPalette::Window, r.verdict.go ? QColor(40, 150, 60) : QColor(200, 50, 40));
    banner.setColor(QPalette::WindowText, Qt::white);
    verdict_->setPalette(banner);
    QStringList lines;
    for (const mdsl::VerdictCheck& c : r.verdict.checks) {
        const QString state = !c.applicable ? tr("n/a") : c.passed ? tr("passed") : tr("FAILED");
        lines << QStringLiteral("<b>%1</b> (%2): %3").arg(checkTitle(c.name).toHtmlEscaped(), state.toHtmlEscaped(),
                                                          QString::fromStdString(c.reason).toHtmlEscaped());
    }
    checks_->setText(lines.join(QStringLiteral("<br>")));
}

void CorpusPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CorpusPanel::retranslate()
{
    labels_[0]->setText(tr("C&orpus:"));
    labels_[1]->setText(tr("&Left side:"));
    labels_[2]->setText(tr("Ri&ght side:"));
    labels_[3]->setText(tr("Thresholds:"));
    corpus_->setPlaceholderText(tr("An NDJSON file, a folder of JSON files, or drop one on the window"));
    browseFile_->setText(tr("F&ile…"));
    browseFolder_->setText(tr("Folder…"));
    const int format = qMax(0, format_->currentIndex());
    format_->clear();
    format_->addItems({tr("NDJSON, one record a line"), tr("Folder of JSON files"), tr("Input/output pairs (NDJSON)")});
    format_->setCurrentIndex(format);
    fillLeftSides();
    outputs_->setPlaceholderText(tr("Outputs file (NDJSON)"));
    browseOutputs_->setText(tr("O&utputs…"));
    const int right = qMax(0, right_->currentIndex());
    right_->clear();
    right_->addItem(tr("This mapping, routed as production (session flags)"), int(mdsl::SideEngine::Routed));
    right_->addItem(tr("This mapping on V2"), int(mdsl::SideEngine::V2));
    right_->addItem(tr("This mapping on V1"), int(mdsl::SideEngine::V1));
    right_->setCurrentIndex(right);
    maxErrorRate_->setPrefix(tr("error rate ≤ "));
    maxErrorRate_->setSuffix(QStringLiteral("\u00a0%"));
    maxTimeRatio_->setPrefix(tr("time ratio ≤ "));
    maxTimeRatio_->setSuffix(QStringLiteral("×"));
    maxDifferent_->setPrefix(tr("different ≤ "));
    maxDifferent_->setSuffix(QStringLiteral("\u00a0%"));
    maxInvalid_->setPrefix(tr("invalid input ≤ "));
    maxInvalid_->setSuffix(QStringLiteral("\u00a0%"));
    run_->setText(tr("&Run"));
    cancel_->setText(tr("Ca&ncel"));
    exportHtml_->setText(tr("Export HT&ML…"));
    exportJson_->setText(tr("Export &JSON…"));
    exportJUnit_->setText(tr("E&xport JUnit…"));
    if (shown_ && !running_)
        showFinished(*shown_);
    else if (!running_)
        progressText_->setText(tr("Choose a corpus and press Run."));
    updateSideControls();
}

void CorpusPanel::fillLeftSides()
{
    const int left = qMax(0, left_->currentIndex());
    const QSignalBlocker quiet(left_);
    left_->clear();
    left_->addItem(pinnedName_.isEmpty() ? tr("Pinned V1 file on V1 (none pinned)") : tr("%1 on V1 (pinned)").arg(pinnedName_));
    left_->addItem(tr("This mapping on V1"));
    left_->addItem(tr("Recorded outputs (a file aligned with the corpus)"));
    left_->addItem(tr("Recorded outputs of the pairs"));
    left_->setCurrentIndex(left);
    updateSideControls();
}

void CorpusPanel::browseCorpus(bool folder)
{
    const QString path = folder
        ? QFileDialog::getExistingDirectory(this, tr("Corpus Folder"), corpusPath())
        : QFileDialog::getOpenFileName(this, tr("Corpus"), corpusPath(), tr("NDJSON (*.ndjson *.jsonl);;All files (*)"));
    if (!path.isEmpty())
        setCorpusPath(path);
}

void CorpusPanel::browseOutputs()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Recorded Outputs"), outputsPath(),
                                                      tr("NDJSON (*.ndjson *.jsonl);;All files (*)"));
    if (!path.isEmpty())
        setOutputsPath(path);
}

void CorpusPanel::updateSideControls()
{
    const bool outputs = leftSide() == LeftSide::Outputs;
    outputs_->setEnabled(outputs);
    browseOutputs_->setEnabled(outputs);
    // Only a pinned file can be the pinned side; only pairs have recorded outputs of their own.
    if (auto* model = qobject_cast<QStandardItemModel*>(left_->model())) {
        if (QStandardItem* item = model->item(int(LeftSide::PinnedV1)))
            item->setEnabled(!pinnedName_.isEmpty());
        if (QStandardItem* item = model->item(int(LeftSide::PairOutputs)))
            item->setEnabled(format() == CorpusFormat::Pairs);
    }
}

} // namespace studio
