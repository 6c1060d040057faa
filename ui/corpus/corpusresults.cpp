#include "corpusresults.h"

#include "corpuscharts.h"
#include "corpusexport.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace studio {

namespace {

constexpr int kLineRole = Qt::UserRole + 1;    // a record's corpus line (groups)
constexpr int kSortRole = Qt::UserRole + 2;    // the number a profile column sorts by
constexpr int kColumnRole = Qt::UserRole + 3;  // a rule's column (profile)
constexpr int kSuiteRole = Qt::UserRole + 4;   // a test case's suite and index (tests)
constexpr int kCaseRole = Qt::UserRole + 5;

QString number(std::uint64_t n)
{
    return QLocale().toString(qulonglong(n));
}

QString share(double part, double whole)
{
    return QLocale().toString(whole <= 0 ? 0.0 : 100.0 * part / whole, 'f', 1) + QStringLiteral("\u00a0%");
}

QString jsonText(const std::optional<mdsl::Json>& value)
{
    return value ? QString::fromStdString(value->dump(-1, ' ', false, mdsl::Json::error_handler_t::replace))
                 : QCoreApplication::translate("studio::CorpusResults", "(missing)");
}

QString joinCodes(const std::vector<std::string>& codes)
{
    QStringList out;
    for (const std::string& code : codes)
        out << QString::fromStdString(code);
    return out.join(QStringLiteral(", "));
}

} // namespace

CorpusResults::CorpusResults(QWidget* parent)
    : QTabWidget(parent)
    , figures_(new QTableWidget(this))
    , chartsTab_(new QWidget(this))
    , groups_(new QTreeWidget(this))
    , profileModel_(new QStandardItemModel(this))
    , profileProxy_(new QSortFilterProxyModel(this))
    , profileView_(new QTableView(this))
    , profileSide_(new QLabel(this))
    , testsTab_(new QWidget(this))
    , tests_(new QTreeWidget(this))
    , testDetails_(new QPlainTextEdit(this))
    , runTests_(new QPushButton(this))
    , testsSummary_(new QLabel(this))
{
    setObjectName(QStringLiteral("corpusResults"));
    figures_->setColumnCount(2);
    figures_->horizontalHeader()->setVisible(false);
    figures_->horizontalHeader()->setStretchLastSection(true);
    figures_->verticalHeader()->setVisible(false);
    figures_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    addTab(figures_, QString());

    auto* grid = new QGridLayout(chartsTab_);
    for (int i = 0; i < 3; ++i) {
        auto* view = new QChartView(chartsTab_);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(180);
        charts_ << view;
        grid->addWidget(view, i / 2, i % 2);
    }
    addTab(chartsTab_, QString());

    groups_->setColumnCount(3);
    groups_->setRootIsDecorated(true);
    groups_->setUniformRowHeights(true);
    groups_->header()->setStretchLastSection(true);
    connect(groups_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (const QVariant line = item->data(0, kLineRole); line.isValid())
            emit recordActivated(line.toULongLong());
    });
    addTab(groups_, QString());

    auto* profileTab = new QWidget(this);
    auto* profileLayout = new QVBoxLayout(profileTab);
    profileLayout->setContentsMargins(0, 4, 0, 0);
    profileLayout->addWidget(profileSide_);
    profileProxy_->setSourceModel(profileModel_);
    profileProxy_->setSortRole(kSortRole);
    profileView_->setModel(profileProxy_);
    profileView_->setSortingEnabled(true);
    profileView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    profileView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    profileView_->verticalHeader()->setVisible(false);
    profileView_->horizontalHeader()->setStretchLastSection(true);
    connect(profileView_, &QTableView::activated, this, [this](const QModelIndex& index) {
        const QModelIndex rule = profileProxy_->index(index.row(), 0);
        emit ruleActivated(rule.data(kSortRole).toInt(), rule.data(kColumnRole).toInt());
    });
    profileLayout->addWidget(profileView_, 1);
    addTab(profileTab, QString());

    auto* testsLayout = new QVBoxLayout(testsTab_);
    testsLayout->setContentsMargins(0, 4, 0, 0);
    auto* testsTop = new QHBoxLayout;
    testsTop->addWidget(testsSummary_, 1);
    testsTop->addWidget(runTests_);
    testsLayout->addLayout(testsTop);
    auto* testsSplit = new QSplitter(Qt::Vertical, testsTab_);
    tests_->setColumnCount(3);
    tests_->header()->setStretchLastSection(true);
    testDetails_->setReadOnly(true);
    testDetails_->setLineWrapMode(QPlainTextEdit::NoWrap);
    testsSplit->addWidget(tests_);
    testsSplit->addWidget(testDetails_);
    testsLayout->addWidget(testsSplit, 1);
    connect(runTests_, &QPushButton::clicked, this, &CorpusResults::runTestsRequested);
    connect(tests_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) { showTestDetails(item); });
    connect(tests_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (const QVariant suite = item->data(0, kSuiteRole); suite.isValid() && item->data(0, kCaseRole).isValid())
            emit testActivated(suite.toInt(), item->data(0, kCaseRole).toInt());
    });
    addTab(testsTab_, QString());
    retranslate();
}

QWidget* CorpusResults::groupsTab() const
{
    return groups_;
}

void CorpusResults::setReport(std::shared_ptr<const mdsl::CorpusReport> report, std::uint64_t totalRecords)
{
    report_ = std::move(report);
    totalRecords_ = totalRecords;
    fillFigures();
    fillCharts();
    fillGroups();
    fillProfile();
}

void CorpusResults::setTests(std::shared_ptr<const TestsResult> tests)
{
    testsResult_ = std::move(tests);
    fillTests();
}

void CorpusResults::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QTabWidget::changeEvent(event);
}

void CorpusResults::retranslate()
{
    setTabText(0, tr("Figures"));
    setTabText(1, tr("Plots"));
    setTabText(2, tr("Groups"));
    setTabText(3, tr("Profile"));
    setTabText(4, tr("Tests"));
    groups_->setHeaderLabels({tr("Group or record"), tr("Records"), tr("Left → right")});
    tests_->setHeaderLabels({tr("Suite or case"), tr("Result"), tr("Time")});
    runTests_->setText(tr("Run Tests"));
    runTests_->setToolTip(tr("Run the mapping's test suites, as mapping-dsl test finds them"));
    fillFigures();
    fillCharts();
    fillGroups();
    fillProfile();
    fillTests();
}

void CorpusResults::applyPalette()
{
    for (QChartView* view : std::as_const(charts_)) {
        if (view->chart() != nullptr)
            applyChartPalette(*view->chart(), palette());
    }
}

void CorpusResults::fillFigures()
{
    const QList<FigureRow> rows = report_ ? corpusFigures(*report_, totalRecords_) : QList<FigureRow>();
    figures_->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        figures_->setItem(i, 0, new QTableWidgetItem(rows[i].name));
        figures_->setItem(i, 1, new QTableWidgetItem(rows[i].value));
    }
    figures_->resizeColumnToContents(0);
}

void CorpusResults::fillCharts()
{
    std::unique_ptr<QChart> made[3];
    if (report_) {
        made[0] = timeDistributionChart(*report_);
        made[1] = differenceGroupsChart(*report_);
        made[2] = failuresChart(*report_);
    }
    for (int i = 0; i < 3; ++i) {
        QChart* old = charts_[i]->chart();
        QChart* chart = made[i] ? made[i].release() : new QChart;
        applyChartPalette(*chart, palette());
        charts_[i]->setChart(chart);   // the view owns the new chart; the old one is ours to delete
        delete old;
    }
}

void CorpusResults::fillGroups()
{
    groups_->clear();
    if (!report_)
        return;
    const double compared = double(report_->compared);
    for (const mdsl::DifferenceGroup& g : report_->differences) {
        auto* group = new QTreeWidgetItem(groups_);
        group->setText(0, tr("%1 · %2").arg(g.pointer.empty() ? tr("(whole output)") : QString::fromStdString(g.pointer),
                                            QString::fromUtf8(mdsl::differenceKindName(g.kind))));
        group->setText(1, tr("%1 (%2)").arg(number(g.records), share(double(g.records), compared)));
        group->setData(0, kLineRole, QVariant::fromValue<qulonglong>(g.firstLine));
        for (const mdsl::GroupExample& e : g.examples) {
            auto* record = new QTreeWidgetItem(group);
            record->setText(0, tr("record %1").arg(number(e.line)));
            record->setText(2, tr("%1 → %2").arg(QString::fromStdString(e.left), QString::fromStdString(e.right)));
            record->setData(0, kLineRole, QVariant::fromValue<qulonglong>(e.line));
        }
    }
    for (const mdsl::FailureGroup& g : report_->failures) {
        auto* group = new QTreeWidgetItem(groups_);
        const QString side = g.side == "left" ? tr("left fails") : g.side == "right" ? tr("right fails") : tr("invalid input");
        group->setText(0, tr("%1 · %2").arg(side, QString::fromStdString(g.code)));
        group->setText(1, tr("%1 (%2)").arg(number(g.records), share(double(g.records), double(report_->records))));
        group->setText(2, QString::fromStdString(g.message));
        group->setData(0, kLineRole, QVariant::fromValue<qulonglong>(g.firstLine));
        for (std::uint64_t line : g.lines) {
            auto* record = new QTreeWidgetItem(group);
            record->setText(0, tr("record %1").arg(number(line)));
            record->setData(0, kLineRole, QVariant::fromValue<qulonglong>(line));
        }
    }
    if (QTreeWidgetItem* first = groups_->topLevelItem(0))
        first->setExpanded(true);   // the largest group's records at once
    groups_->resizeColumnToContents(0);
    groups_->resizeColumnToContents(1);
}

void CorpusResults::fillProfile()
{
    profileModel_->clear();
    profileModel_->setHorizontalHeaderLabels({tr("Rule"), tr("Calls"), tr("Time (µs)"), tr("Share"), tr("Errors")});
    const mdsl::SideFigures* side = !report_ ? nullptr : report_->right.profile ? &report_->right
                                                         : report_->left.profile ? &report_->left : nullptr;
    profileSide_->setText(side ? tr("Rules of the %1 side (%2), over every record compared")
                                     .arg(side == &report_->right ? tr("right") : tr("left"), QString::fromStdString(side->label))
                               : tr("No mapping side was profiled."));
    if (!side)
        return;
    const mdsl::RuleProfile& profile = *side->profile;
    for (const mdsl::RuleFigures& rule : profile.rules) {
        const auto cell = [](const QString& text, const QVariant& sortBy) {
            auto* item = new QStandardItem(text);
            item->setData(sortBy, kSortRole);
            return item;
        };
        QList<QStandardItem*> row;
        row << cell(tr("%1: %2").arg(rule.line).arg(QString::fromStdString(rule.target)), rule.line);
        row.front()->setData(rule.column, kColumnRole);
        row << cell(number(rule.calls), qulonglong(rule.calls));
        row << cell(QLocale().toString(double(rule.totalNs) / 1000.0, 'f', 1), qlonglong(rule.totalNs));
        row << cell(share(double(rule.totalNs), double(profile.runNs)), profile.share(rule));
        row << cell(number(rule.errors), qulonglong(rule.errors));
        for (int c = 1; c < row.size(); ++c)
            row[c]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        profileModel_->appendRow(row);
    }
    profileView_->sortByColumn(2, Qt::DescendingOrder);
    profileView_->resizeColumnsToContents();
}

void CorpusResults::fillTests()
{
    tests_->clear();
    testDetails_->clear();
    std::size_t passed = 0;
    std::size_t failed = 0;
    for (int s = 0; s < int(testsResult_->suites.size()); ++s) {
        const mdsl::SuiteReport& report = testsResult_->suites[std::size_t(s)].report;
        auto* suite = new QTreeWidgetItem(tests_);
        suite->setText(0, QString::fromStdString(report.path.filename().string()));
        suite->setText(1, tr("%1 passed, %2 failed").arg(report.passed()).arg(report.failed()));
        suite->setData(0, kSuiteRole, s);
        passed += report.passed();
        failed += report.failed();
        for (int c = 0; c < int(report.cases.size()); ++c) {
            const mdsl::CaseResult& result = report.cases[std::size_t(c)];
            auto* item = new QTreeWidgetItem(suite);
            item->setText(0, QString::fromStdString(result.name));
            item->setText(1, result.passed ? tr("pass") : tr("FAIL"));
            item->setForeground(1, result.passed ? QColor(40, 150, 60) : QColor(210, 50, 40));
            item->setText(2, tr("%1 µs").arg(result.elapsedUs));
            item->setData(0, kSuiteRole, s);
            item->setData(0, kCaseRole, c);
        }
        suite->setExpanded(true);
    }
    for (const QString& error : std::as_const(testsResult_->errors)) {
        auto* item = new QTreeWidgetItem(tests_);
        item->setText(0, error);
        item->setText(1, tr("cannot run"));
    }
    testsSummary_->setText(testsResult_->suites.empty() && testsResult_->errors.isEmpty()
                               ? tr("No test suite beside the mapping (NAME.tests/ or NAME.tests.ndjson).")
                               : tr("%1 passed, %2 failed. Double-click a case to open it.").arg(passed).arg(failed));
    tests_->resizeColumnToContents(0);
}

void CorpusResults::showTestDetails(QTreeWidgetItem* item)
{
    testDetails_->clear();
    if (item == nullptr || !item->data(0, kCaseRole).isValid())
        return;
    const auto& suite = testsResult_->suites[std::size_t(item->data(0, kSuiteRole).toInt())];
    const mdsl::CaseResult& result = suite.report.cases[std::size_t(item->data(0, kCaseRole).toInt())];
    QStringList lines;
    lines << tr("%1: %2").arg(QString::fromStdString(result.name), result.passed ? tr("pass") : tr("FAIL"));
    for (const mdsl::TestDifference& d : result.differences)
        lines << tr("at %1: expected %2, got %3")
                     .arg(d.pointer.empty() ? tr("(whole output)") : QString::fromStdString(d.pointer), jsonText(d.expected),
                          jsonText(d.actual));
    if (result.moreDifferences > 0)
        lines << tr("… and %1 more differences").arg(result.moreDifferences);
    if (result.errors != result.expectedErrors)
        lines << tr("errors: expected [%1], got [%2]").arg(joinCodes(result.expectedErrors), joinCodes(result.errors));
    testDetails_->setPlainText(lines.join(QLatin1Char('\n')));
}

} // namespace studio
