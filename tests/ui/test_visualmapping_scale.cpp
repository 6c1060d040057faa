// The visual mapping at 3,000 rules, driven as a user drives it: a first view of groups, not
// a tangle; the filter box narrowing both trees and their lines, with its count; groups that
// collapse into one line per field; only the lines in view drawn; long names elided in the
// middle with the whole name in a tooltip; a click on a line still selecting its rule.

#include "testmain.h"

#include "codeeditor.h"
#include "mainwindow.h"
#include "previewpanel.h"
#include "studioapp.h"
#include "studiotest.h"
#include "visualmappingpanel.h"

#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeWidget>

using namespace studio;
using studiotest::screenshot;

namespace {

constexpr int kScaleGroups = 30;
constexpr int kScaleRulesPerGroup = 100;

const char* const kScaleFields[] = {".customer.name", ".customer.email", ".order.id", ".order.total"};

/// The target name of rule `i`: long enough to be elided, its number at the end.
QString scaleTargetName(int i)
{
    return QStringLiteral("delivery_address_line_of_the_customer_in_group_%1_number_%2")
        .arg(i / kScaleRulesPerGroup, 2, 10, QLatin1Char('0'))
        .arg(i, 4, 10, QLatin1Char('0'));
}

QString scaleTarget(int i)
{
    return QStringLiteral("/out/group_%1/%2").arg(i / kScaleRulesPerGroup, 2, 10, QLatin1Char('0')).arg(scaleTargetName(i));
}

/// 3,000 rules in 30 groups of 100, each reading one of four fields of the sample.
QString scaleMapping()
{
    QString text = QStringLiteral("mapping \"scale\" version 2\n\n");
    for (int i = 0; i < kScaleGroups * kScaleRulesPerGroup; ++i)
        text += QStringLiteral("out.group_%1.%2 <- %3\n")
                    .arg(i / kScaleRulesPerGroup, 2, 10, QLatin1Char('0'))
                    .arg(scaleTargetName(i), QLatin1String(kScaleFields[i % 4]));
    return text;
}

VisualMappingPanel* showScalePanel(MainWindow& window)
{
    window.newDocument();
    window.editor()->setPlainText(scaleMapping());
    window.previewPanel()->setInputText(QStringLiteral(
        R"({"customer": {"name": "Ada", "email": "ada@example.com"}, "order": {"id": 7, "total": 12.5}})"));
    window.resize(1500, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return nullptr;
    VisualMappingPanel* panel = window.visualMappingPanel();
    window.sideTabs()->setCurrentWidget(panel);
    // Until the lineage of the whole text, with the sample's fields, is shown.
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 60000 &&
           (panel->rules().size() != std::size_t(kScaleGroups * kScaleRulesPerGroup) ||
            !panel->sourceItem(QStringLiteral("$.customer.email")) || panel->links().size() != 3000)) {
        QSignalSpy refreshed(panel, &VisualMappingPanel::refreshed);
        panel->refreshSoon(0);
        refreshed.wait(20000);
    }
    return panel;
}

/// Rows a tree has room for in its view.
int rowsInView(const QTreeWidget* tree)
{
    const int height = std::max(tree->visualItemRect(tree->topLevelItem(0)).height(), 1);
    return tree->viewport()->height() / height + 1;
}

int rulesOf(const std::vector<DrawnLink>& links)
{
    int n = 0;
    for (const DrawnLink& link : links)
        n += int(link.rules.size());
    return n;
}

} // namespace

class TestVisualMappingScale : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    void firstViewShowsGroupsAndFewLines()
    {
        MainWindow window;
        VisualMappingPanel* panel = showScalePanel(window);
        QVERIFY(panel);
        QCOMPARE(panel->rules().size(), std::size_t{3000});
        QCOMPARE(panel->ruleCountText(), QStringLiteral("%1 rules").arg(QLocale().toString(3000)));
        // The groups show; past a screenful they are closed, and each closed group draws one
        // line per field its rules read, not one per rule.
        QTreeWidgetItem* out = panel->targetItem(QStringLiteral("/out"));
        QVERIFY(out && out->isExpanded());
        QTreeWidgetItem* group = panel->targetItem(QStringLiteral("/out/group_17"));
        QVERIFY(group && !group->isExpanded());
        QCOMPARE(group->text(1), QStringLiteral("%1 rules").arg(QLocale().toString(100)));
        QCOMPARE(out->text(1), QStringLiteral("%1 rules").arg(QLocale().toString(3000)));
        int toGroup = 0;
        int rulesToGroup = 0;
        for (const DrawnLink& link : panel->drawnLinks()) {
            QVERIFY(link.target != panel->targetItem(scaleTarget(1700)));
            if (link.target == group) {
                ++toGroup;
                rulesToGroup += int(link.rules.size());
            }
        }
        QCOMPARE(toGroup, 4);
        QCOMPARE(rulesToGroup, 100);
        // The first group fits in a screenful and is open: 100 lines, and 4 for each other group.
        QCOMPARE(panel->drawnLinks().size(), std::size_t{100 + 29 * 4});
        QVERIFY2(panel->drawnLinks().size() < 250, qPrintable(QString::number(panel->drawnLinks().size())));
        screenshot(&window, QStringLiteral("visual-mapping-3000-rules"));

        // An edit inside a rule keeps the rows (the same items, groups and scroll) and shows
        // the rule's new text and line.
        QTreeWidgetItem* fifth = panel->targetItem(scaleTarget(5));
        QCOMPARE(fifth->text(1), QStringLiteral(".customer.email"));
        {
            QSignalSpy edited(panel, &VisualMappingPanel::refreshed);
            QTextCursor cursor = window.editor()->document()->find(QStringLiteral("number_0005 <- .customer.email"));
            QVERIFY(!cursor.isNull());
            cursor.insertText(QStringLiteral("number_0005 <- .order.total"));
            QVERIFY(edited.wait(20000));
        }
        QTRY_COMPARE(fifth->text(1), QStringLiteral(".order.total"));
        QCOMPARE(panel->targetItem(scaleTarget(5)), fifth);
        QVERIFY(std::any_of(panel->drawnLinks().begin(), panel->drawnLinks().end(), [&](const DrawnLink& link) {
            return link.target == fifth && link.source == panel->sourceItem(QStringLiteral("$.order.total"));
        }));
        QVERIFY2(fifth->toolTip(1).contains(QStringLiteral("Line 8: .order.total")), qPrintable(fifth->toolTip(1)));

        // Collapse All: one line per top-level field to the one group of the output.
        panel->collapseAll();
        QVERIFY(panel->targetItem(QString())->isExpanded());
        QVERIFY(!out->isExpanded());
        QCOMPARE(panel->drawnLinks().size(), std::size_t{2});   // customer -> out, order -> out
        for (const DrawnLink& link : panel->drawnLinks())
            QCOMPARE(link.target, out);
        QCOMPARE(rulesOf(panel->drawnLinks()), 3000);
        screenshot(&window, QStringLiteral("visual-mapping-3000-collapsed"));

        // A group the user opens stays open when the text changes.
        panel->targetTree()->expandItem(out);
        panel->targetTree()->expandItem(panel->targetItem(QStringLiteral("/out/group_03")));
        QSignalSpy refreshed(panel, &VisualMappingPanel::refreshed);
        window.editor()->appendPlainText(QStringLiteral("extra <- .order.id"));
        QVERIFY(refreshed.wait(20000));
        QTRY_VERIFY(panel->targetItem(QStringLiteral("/extra")));
        QVERIFY(panel->targetItem(QStringLiteral("/out/group_03"))->isExpanded());
        QVERIFY(!panel->targetItem(QStringLiteral("/out/group_04"))->isExpanded());
    }

    void filterNarrowsBothTreesAndTheirLines()
    {
        MainWindow window;
        VisualMappingPanel* panel = showScalePanel(window);
        QVERIFY(panel);
        // Ctrl+F in the panel goes to its filter box.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        panel->targetTree()->setFocus();
        QTest::keyClick(panel->targetTree(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(panel->filterEdit()->hasFocus());

        // A target by its name: that one rule, its field, the lines between them.
        QTest::keyClicks(panel->filterEdit(), QStringLiteral("number_0712"));
        QTRY_COMPARE(panel->ruleCountText(), QStringLiteral("1 of %1 rules shown").arg(QLocale().toString(3000)));
        QTreeWidgetItem* target = panel->targetItem(scaleTarget(712));
        QVERIFY(!target->isHidden());
        QVERIFY(!panel->targetItem(QStringLiteral("/out/group_07"))->isHidden());
        QVERIFY(panel->targetItem(scaleTarget(713))->isHidden());
        QVERIFY(panel->targetItem(QStringLiteral("/out/group_08"))->isHidden());
        QVERIFY(!panel->sourceItem(QStringLiteral("$.customer.name"))->isHidden());   // what rule 712 reads
        QVERIFY(panel->sourceItem(QStringLiteral("$.customer.email"))->isHidden());
        QCOMPARE(panel->drawnLinks().size(), std::size_t{1});
        QCOMPARE(panel->drawnLinks().front().target, target);
        QCOMPARE(panel->drawnLinks().front().source, panel->sourceItem(QStringLiteral("$.customer.name")));
        screenshot(&window, QStringLiteral("visual-mapping-3000-filtered"));

        // A field by its path: the targets that read it, and only its lines.
        panel->filterEdit()->setText(QStringLiteral("customer.email"));
        panel->applyFilter();
        QCOMPARE(panel->ruleCountText(), QStringLiteral("750 of %1 rules shown").arg(QLocale().toString(3000)));
        QVERIFY(panel->sourceItem(QStringLiteral("$.customer.name"))->isHidden());
        QVERIFY(!panel->sourceItem(QStringLiteral("$.customer.email"))->isHidden());
        QVERIFY(panel->targetItem(scaleTarget(712))->isHidden());
        QVERIFY(!panel->targetItem(scaleTarget(713))->isHidden());
        QCOMPARE(rulesOf(panel->drawnLinks()), 750);
        for (const DrawnLink& link : panel->drawnLinks())
            QCOMPARE(link.source, panel->sourceItem(QStringLiteral("$.customer.email")));

        // The dotted form a rule writes finds its target too; nothing matching shows nothing.
        panel->filterEdit()->setText(QStringLiteral("group_29.delivery"));
        panel->applyFilter();
        QCOMPARE(panel->ruleCountText(), QStringLiteral("100 of %1 rules shown").arg(QLocale().toString(3000)));
        panel->filterEdit()->setText(QStringLiteral("no such name"));
        panel->applyFilter();
        QCOMPARE(panel->ruleCountText(), QStringLiteral("0 of %1 rules shown").arg(QLocale().toString(3000)));
        QVERIFY(panel->drawnLinks().empty());

        // Escape clears it: every rule, the groups as they were.
        QTest::keyClick(panel->filterEdit(), Qt::Key_Escape);
        QCOMPARE(panel->filterEdit()->text(), QString());
        QCOMPARE(panel->ruleCountText(), QStringLiteral("%1 rules").arg(QLocale().toString(3000)));
        QVERIFY(!panel->targetItem(QStringLiteral("/out/group_17"))->isExpanded());
        QVERIFY(!panel->targetItem(scaleTarget(712))->isHidden());
    }

    void onlyTheLinesInViewAreDrawn()
    {
        MainWindow window;
        VisualMappingPanel* panel = showScalePanel(window);
        QVERIFY(panel);
        panel->expandAll();
        // Every rule has its line between shown rows...
        QCOMPARE(panel->drawnLinks().size(), std::size_t{3000});
        // ...but a paint draws those that end in a row in view, and one bundle per row in view
        // for the lines leaving it: bounded by the rows in view, not by the rules.
        const int bound = 3 * (rowsInView(panel->sourceTree()) + rowsInView(panel->targetTree()));
        const auto painted = [panel] {
            panel->grab();
            return panel->paintedLineCount();
        };
        QVERIFY(panel->visibleLineCount() > 0);
        QVERIFY2(panel->visibleLineCount() <= bound, qPrintable(QStringLiteral("%1 > %2").arg(panel->visibleLineCount()).arg(bound)));
        QVERIFY2(painted() <= bound, qPrintable(QString::number(panel->paintedLineCount())));
        panel->targetTree()->scrollToItem(panel->targetItem(scaleTarget(2500)));
        QVERIFY(painted() > 0);
        QVERIFY2(painted() <= bound, qPrintable(QString::number(panel->paintedLineCount())));
        screenshot(&window, QStringLiteral("visual-mapping-3000-scrolled"));

        // A click on the line at a target selects its rule, as with a small mapping.
        QTreeWidget* targets = panel->targetTree();
        QTreeWidgetItem* item = panel->targetItem(scaleTarget(2502));
        targets->scrollToItem(item, QAbstractItemView::PositionAtCenter);
        auto* area = panel->findChild<QWidget*>(QStringLiteral("visualMappingLinks"));
        QVERIFY(area);
        const QPoint inView = targets->visualItemRect(item).center();
        const int y = area->mapFrom(panel, targets->viewport()->mapTo(panel, inView)).y();
        QTest::mouseClick(area, Qt::LeftButton, Qt::NoModifier, QPoint(area->width() - 5, y));
        const QString rule = QStringLiteral("out.group_25.%1 <- .order.id").arg(scaleTargetName(2502));
        QCOMPARE(window.editor()->textCursor().selectedText(), rule);
        QCOMPARE(targets->currentItem(), item);
    }

    void longNamesAreElidedInTheMiddleWithATooltip()
    {
        MainWindow window;
        VisualMappingPanel* panel = showScalePanel(window);
        QVERIFY(panel);
        panel->expandAll();
        QTreeWidgetItem* item = panel->targetItem(scaleTarget(712));
        QVERIFY(item);
        const QString full = scaleTargetName(712);
        QCOMPARE(item->text(0), full);
        // Narrower than the name: the start and the end show, the middle gives way.
        panel->targetTree()->header()->resizeSection(0, 260);
        const QString shown = panel->shownTargetName(scaleTarget(712));
        QVERIFY2(shown.contains(QStringLiteral("…")), qPrintable(shown));
        QVERIFY2(shown.endsWith(QStringLiteral("number_0712")) || shown.endsWith(QStringLiteral("0712")), qPrintable(shown));
        const QString head = shown.section(QStringLiteral("…"), 0, 0);
        const QString tail = shown.section(QStringLiteral("…"), 1);
        QVERIFY(!head.isEmpty() && full.startsWith(head));
        QVERIFY(!tail.isEmpty() && full.endsWith(tail));
        QVERIFY(QFontMetrics(item->font(0)).horizontalAdvance(shown) <= 260);
        // Wide enough: the whole name.
        panel->targetTree()->header()->resizeSection(0, 900);
        QCOMPARE(panel->shownTargetName(scaleTarget(712)), full);
        // The tooltip: the whole name, where it is, its rule and the rule's line.
        const QString tip = item->toolTip(0);
        QVERIFY2(tip.contains(full), qPrintable(tip));
        QVERIFY2(tip.contains(scaleTarget(712)), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Line %1: .customer.name").arg(712 + 3)), qPrintable(tip));
    }
};

MDSL_TEST_MAIN(TestVisualMappingScale)
#include "test_visualmapping_scale.moc"
