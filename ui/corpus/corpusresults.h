#pragma once
// The Corpus view's results, one tab each: the figures, the plots (Qt Charts), the difference
// and failure groups with their records, the per-rule profile (sortable) and the mapping's tests.
// Activating a record, a rule or a test case says so by a signal; the controller acts.

#include "corpusrun.h"

#include <QTabWidget>

#include <memory>

class QChartView;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace studio {

class CorpusResults : public QTabWidget {
    Q_OBJECT

public:
    explicit CorpusResults(QWidget* parent = nullptr);

    /// Shows a comparison's report (nullptr clears).
    void setReport(std::shared_ptr<const mdsl::CorpusReport> report, std::uint64_t totalRecords);
    /// Shows the test suites' results.
    void setTests(std::shared_ptr<const TestsResult> tests);
    /// Colours follow the palette (light or dark).
    void applyPalette();
    void retranslate();

    [[nodiscard]] QTableWidget* figuresTable() const { return figures_; }
    [[nodiscard]] QTreeWidget* groupsTree() const { return groups_; }
    [[nodiscard]] QTableView* profileView() const { return profileView_; }
    [[nodiscard]] QTreeWidget* testsTree() const { return tests_; }
    [[nodiscard]] QPushButton* runTestsButton() const { return runTests_; }
    [[nodiscard]] const QList<QChartView*>& chartViews() const { return charts_; }
    /// The widget of each tab, for the controller to show one.
    [[nodiscard]] QWidget* groupsTab() const;
    [[nodiscard]] QWidget* testsTab() const { return testsTab_; }

signals:
    /// A record of the corpus was activated (double-click or Enter): its line.
    void recordActivated(quint64 line);
    /// A profile row was activated: the rule's 1-based line and column.
    void ruleActivated(int line, int column);
    /// A test case was activated.
    void testActivated(int suite, int testCase);
    void runTestsRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillFigures();
    void fillCharts();
    void fillGroups();
    void fillProfile();
    void fillTests();
    void showTestDetails(QTreeWidgetItem* item);

    std::shared_ptr<const mdsl::CorpusReport> report_;
    std::uint64_t totalRecords_ = 0;
    std::shared_ptr<const TestsResult> testsResult_ = std::make_shared<const TestsResult>();
    QTableWidget* figures_;
    QWidget* chartsTab_;
    QList<QChartView*> charts_;
    QTreeWidget* groups_;
    QStandardItemModel* profileModel_;
    QSortFilterProxyModel* profileProxy_;
    QTableView* profileView_;
    QLabel* profileSide_;
    QWidget* testsTab_;
    QTreeWidget* tests_;
    QPlainTextEdit* testDetails_;
    QPushButton* runTests_;
    QLabel* testsSummary_;
};

} // namespace studio
