// The visual mapping driven as a user drives it: the bundled example's fields and targets with
// a line per field a rule reads, a field dragged onto a block becoming a formatted rule in the
// text (valid, undoable, drawn), the selection following both ways, and its speed on a long
// mapping.

#include "testmain.h"

#include "codeeditor.h"
#include "jsonview.h"
#include "mainwindow.h"
#include "previewpanel.h"
#include "problemspanel.h"
#include "studioapp.h"
#include "studiosettings.h"
#include "studiotest.h"
#include "visualmappingpanel.h"

#include "mdsl/analysis.h"
#include "mdsl/engine.h"

#include <QApplication>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QMimeData>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace studio;
using studiotest::moveCursorTo;
using studiotest::screenshot;

namespace {

/// Drags a field of the source tree onto a target item, through the same events a mouse
/// drag delivers: the source tree's drag data, then enter, move and drop on the target tree.
void dragField(VisualMappingPanel* panel, const QString& sourcePath, const QString& targetPointer)
{
    QTreeWidgetItem* source = panel->sourceItem(sourcePath);
    QTreeWidgetItem* target = panel->targetItem(targetPointer);
    QVERIFY2(source, qPrintable(sourcePath));
    QVERIFY2(target, qPrintable(targetPointer));
    QTreeWidget* tree = panel->sourceTree();
    std::unique_ptr<QMimeData> data(tree->model()->mimeData({tree->indexFromItem(source)}));
    QVERIFY(data);
    QWidget* viewport = panel->targetTree()->viewport();
    panel->targetTree()->scrollToItem(target);
    const QPoint at = panel->targetTree()->visualItemRect(target).center();
    QDragEnterEvent enter(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QDropEvent drop(QPointF(at), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
}

int linksTo(const VisualMappingPanel* panel, const QString& target)
{
    int n = 0;
    for (const auto& [rule, path] : panel->links())
        n += panel->rules()[std::size_t(rule)].target == target;
    return n;
}

/// Asks the panel for a refresh as an edit does, and waits until the lineage of the text as it
/// is now is shown (made by the analysis service off the UI thread).
bool refreshAndWait(VisualMappingPanel* panel)
{
    QSignalSpy refreshed(panel, &VisualMappingPanel::refreshed);
    panel->refreshSoon(0);
    return refreshed.wait(20000);
}

VisualMappingPanel* showPanel(MainWindow& window)
{
    VisualMappingPanel* panel = window.visualMappingPanel();
    window.sideTabs()->setCurrentWidget(panel);
    if (!refreshAndWait(panel))
        qWarning("the visual mapping was not refreshed");
    return panel;
}

} // namespace

class TestVisualMapping : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    void cleanup()
    {
        applyTheme(ThemeChoice::Light);
    }

    void treesAndLinesShowTheExample()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-export.mdsl")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        VisualMappingPanel* panel = showPanel(window);
        QCOMPARE(window.sideTabs()->tabText(window.sideTabs()->indexOf(panel)), QStringLiteral("Visual Mapping"));

        QTreeWidgetItem* name = panel->sourceItem(QStringLiteral("$.customer.name"));
        QVERIFY(name);
        QCOMPARE(name->text(1), QStringLiteral("string"));
        QCOMPARE(name->text(2), QStringLiteral("\"  josé martin \""));
        QTreeWidgetItem* items = panel->sourceItem(QStringLiteral("$.items"));
        QVERIFY(items);
        QCOMPARE(items->text(0), QStringLiteral("items[]"));
        QCOMPARE(items->text(2), QStringLiteral("3 items"));
        QVERIFY(panel->sourceItem(QStringLiteral("$.items[*].price")));

        QCOMPARE(panel->rules().size(), std::size_t{10});
        QCOMPARE(panel->targetItem(QStringLiteral("/order/lines"))->text(0), QStringLiteral("lines[]"));
        QCOMPARE(panel->targetItem(QStringLiteral("/order/lines/*/total"))->parent(), panel->targetItem(QStringLiteral("/order/lines")));
        QCOMPARE(panel->targetItem(QStringLiteral("/order/shipping/street"))->text(1), QStringLiteral(".address.line1"));
        // One line per field read: the array block draws from the array it iterates, a total
        // from quantity and price; names (vat, countries) are not fields.
        QCOMPARE(panel->links().size(), 11);
        QCOMPARE(linksTo(panel, QStringLiteral("/order/lines/*/total")), 2);
        QCOMPARE(linksTo(panel, QStringLiteral("/order/lines")), 1);

        // Collapsing a parent leaves the lines drawn to it; the text decides, not the view.
        panel->sourceTree()->collapseItem(panel->sourceItem(QStringLiteral("$.customer")));
        QCOMPARE(panel->links().size(), 11);
        screenshot(&window, QStringLiteral("visual-mapping-example"));
    }

    void oneParsePerTextVersion()
    {
        // The problems, the preview (both engines, production's answer) and the visual mapping
        // of one version of the text all come from one analysis: the text is parsed once.
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-export.mdsl")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        VisualMappingPanel* panel = showPanel(window);
        PreviewPanel* preview = window.previewPanel();
        QTRY_VERIFY(preview->v2View()->toPlainText().contains(QStringLiteral("\"order\"")));

        const std::uint64_t before = mdsl::documentsParsed();
        QTextCursor cursor = window.editor()->textCursor();
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(QStringLiteral("\nparsed_once <- nope(1)\n"));   // one edit: one new version
        QTRY_VERIFY(std::any_of(window.problemsPanel()->problems().begin(), window.problemsPanel()->problems().end(),
                                [](const Problem& p) { return p.message().contains(QStringLiteral("nope")); }));
        QTRY_VERIFY(preview->view().right.statusLine().contains(QStringLiteral("invalid")));
        QTRY_VERIFY(panel->targetItem(QStringLiteral("/parsed_once")));
        QCOMPARE(mdsl::documentsParsed() - before, std::uint64_t{1});
    }

    void droppedFieldBecomesAFormattedRule()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-export.mdsl")));
        window.resize(1500, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        VisualMappingPanel* panel = showPanel(window);
        const QString before = window.editor()->toPlainText();
        QTRY_COMPARE(window.problemsPanel()->problems().size(), 0);

        dragField(panel, QStringLiteral("$.address.zip"), QStringLiteral("/order/shipping"));
        const QString after = window.editor()->toPlainText();
        QVERIFY2(after.contains(QStringLiteral("order.shipping {                                  # object container\n"
                                               "  street <- .address.line1\n"
                                               "  city   <- .address.city\n"
                                               "  zip    <- .address.zip\n"
                                               "}\n")),
                 qPrintable(after));
        QCOMPARE(after.size(), before.size() + QStringLiteral("  zip    <- .address.zip\n").size());
        QCOMPARE(window.editor()->textCursor().selectedText(), QStringLiteral("zip    <- .address.zip"));
        QTRY_VERIFY(panel->targetItem(QStringLiteral("/order/shipping/zip")));
        QCOMPARE(panel->links().size(), 12);
        QCOMPARE(panel->currentRule() >= 0 ? panel->rules()[std::size_t(panel->currentRule())].target : QString(),
                 QStringLiteral("/order/shipping/zip"));
        QTRY_COMPARE(window.problemsPanel()->problems().size(), 0);

        // Into the array block: relative to the element, aligned with its group.
        dragField(panel, QStringLiteral("$.items[*].price"), QStringLiteral("/order/lines"));
        QVERIFY2(window.editor()->toPlainText().contains(QStringLiteral("  total <- .qty * .price\n  price <- .price\n}")),
                 qPrintable(window.editor()->toPlainText()));
        QTRY_VERIFY(panel->targetItem(QStringLiteral("/order/lines/*/price")));
        QTRY_COMPARE(window.problemsPanel()->problems().size(), 0);
        QTRY_VERIFY(window.previewPanel()->v2View()->toPlainText().contains(QStringLiteral("\"price\": 39.5")));
        screenshot(&window, QStringLiteral("visual-mapping"));

        // Each drop is one undo step.
        window.editor()->undo();
        window.editor()->undo();
        QCOMPARE(window.editor()->toPlainText(), before);

        // A field on an existing target re-maps it.
        dragField(panel, QStringLiteral("$.customer.country"), QStringLiteral("/order/id"));
        QVERIFY(window.editor()->toPlainText().contains(QStringLiteral("order.id        <- .customer.country\n")));
        window.editor()->undo();
        QCOMPARE(window.editor()->toPlainText(), before);

        // A drop that cannot be written says why and changes nothing.
        StudioSettings settings = window.settings();
        settings.flags.set(mdsl::Flag::V2JsonPath, false);
        window.applySettings(settings);
        QVERIFY(refreshAndWait(panel));
        dragField(panel, QStringLiteral("$.items[*].sku"), QStringLiteral("/order/shipping"));
        QCOMPARE(window.editor()->toPlainText(), before);
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("needs JSONPath")),
                 qPrintable(window.statusBar()->currentMessage()));
    }

    void selectionFollowsBothWays()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-export.mdsl")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        VisualMappingPanel* panel = showPanel(window);
        CodeEditor* editor = window.editor();

        // Editor -> panel: the cursor in a rule highlights its target and its lines.
        QVERIFY(moveCursorTo(editor, QStringLiteral("city   <-")));
        QCOMPARE(panel->targetTree()->currentItem(), panel->targetItem(QStringLiteral("/order/shipping/city")));
        QVERIFY(panel->sourceItem(QStringLiteral("$.address.city"))->isSelected());

        // Panel -> editor: a target selects its rule.
        panel->targetTree()->setCurrentItem(panel->targetItem(QStringLiteral("/order/customer")));
        QCOMPARE(editor->textCursor().selectedText(), QStringLiteral("order.customer  <- upper(trim(.customer.name))"));

        // A click on a line selects its rule: the end of the line at the target /order/id.
        auto* area = panel->findChild<QWidget*>(QStringLiteral("visualMappingLinks"));
        QVERIFY(area);
        QTreeWidget* targets = panel->targetTree();
        QTreeWidgetItem* id = panel->targetItem(QStringLiteral("/order/id"));
        const QPoint inView = targets->visualItemRect(id).center();
        const int y = area->mapFrom(panel, targets->viewport()->mapTo(panel, inView)).y();
        QTest::mouseClick(area, Qt::LeftButton, Qt::NoModifier, QPoint(area->width() - 5, y));
        QCOMPARE(editor->textCursor().selectedText(), QStringLiteral("order.id        <- .id"));
        QCOMPARE(targets->currentItem(), id);

        // The lines take the palette's colours: they show in the dark theme too.
        StudioSettings settings = window.settings();
        settings.theme = ThemeChoice::Dark;
        window.applySettings(settings);
        QTRY_VERIFY(panel->palette().color(QPalette::Base).lightness() < 128);
        QVERIFY(moveCursorTo(editor, QStringLiteral("total <- .qty")));
        QCOMPARE(panel->targetTree()->currentItem(), panel->targetItem(QStringLiteral("/order/lines/*/total")));
        const QImage dark = panel->grab().toImage();
        const QColor accent = panel->palette().color(QPalette::Highlight);
        const QPoint end = area->mapTo(panel, QPoint(area->width() - 3, area->mapFrom(panel, targets->viewport()->mapTo(panel, targets->visualItemRect(panel->targetTree()->currentItem()).center())).y()));
        QCOMPARE(dark.pixelColor(end * dark.devicePixelRatio()).rgb(), accent.rgb());
        screenshot(&window, QStringLiteral("visual-mapping-dark"));
        settings.theme = ThemeChoice::FollowDesktop;
        window.applySettings(settings);
    }

    void versionOneMappingsGetDottedTargets()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("customer-v1.mdsl")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        VisualMappingPanel* panel = showPanel(window);
        dragField(panel, QStringLiteral("$.contact.email"), QStringLiteral("/customer"));
        QVERIFY2(window.editor()->toPlainText().contains(QStringLiteral("customer.fax     <- .contact.fax\ncustomer.email_2 <- .contact.email\n")),
                 qPrintable(window.editor()->toPlainText()));
        QTRY_COMPARE(window.problemsPanel()->problems().size(), 0);
        QTRY_VERIFY(panel->targetItem(QStringLiteral("/customer/email_2")));
    }

    void outerElementFieldIsReadThroughTheBlocksName()
    {
        // A line needs its order's id: dropped into the inner block, the rule reads it through
        // the outer block's name, which the same edit gives it; one undo takes both back.
        MainWindow window;
        window.newDocument();
        const QString text = QStringLiteral("mapping \"orders\" version 2\n\nout[] <- each .orders {\n"
                                            "  lines[] <- each .lines {\n    sku <- .sku\n  }\n}\n");
        window.editor()->setPlainText(text);
        window.previewPanel()->setInputText(
            QStringLiteral(R"({"orders": [{"id": 7, "lines": [{"sku": "A"}, {"sku": "B"}]}]})"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        VisualMappingPanel* panel = showPanel(window);
        QTRY_VERIFY(panel->sourceItem(QStringLiteral("$.orders[*].id")));
        QTRY_VERIFY(panel->targetItem(QStringLiteral("/out/*/lines")));
        dragField(panel, QStringLiteral("$.orders[*].id"), QStringLiteral("/out/*/lines"));
        const QString written = window.editor()->toPlainText();
        QVERIFY2(written.contains(QStringLiteral("out[] <- each .orders as order {\n")), qPrintable(written));
        QVERIFY2(written.contains(QStringLiteral("    sku <- .sku\n    id  <- order.id\n")), qPrintable(written));
        QTRY_VERIFY(window.previewPanel()->v2View()->toPlainText().contains(QStringLiteral("\"id\": 7")));
        QTRY_COMPARE(window.problemsPanel()->problems().size(), 0);
        // The line is drawn from the outer element's field.
        QTRY_VERIFY(linksTo(panel, QStringLiteral("/out/*/lines/*/id")) == 1);
        screenshot(&window, QStringLiteral("visual-mapping-outer-element"));
        window.editor()->undo();
        QCOMPARE(window.editor()->toPlainText(), text);
    }

    void deepSampleInputsShowABoundedTree()
    {
        // 10,000 levels: the preview says E403 (the engine's depth limit), the visual mapping
        // shows the first levels and says the rest is not shown; nothing overflows the stack.
        MainWindow window;
        window.newDocument();
        window.editor()->setPlainText(QStringLiteral("mapping \"deep\" version 2\nx <- .a.a\n"));
        QString deep;
        for (int i = 0; i < 10'000; ++i)
            deep += QStringLiteral("{\"a\": ");
        deep += QStringLiteral("1");
        for (int i = 0; i < 10'000; ++i)
            deep += QLatin1Char('}');
        window.previewPanel()->setInputText(deep);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        VisualMappingPanel* panel = showPanel(window);
        QTRY_VERIFY(panel->sourceItem(QStringLiteral("$.a")));
        QString path = QStringLiteral("$");
        QTreeWidgetItem* item = nullptr;
        int shown = 0;
        for (; shown < 100; ++shown) {
            QTreeWidgetItem* next = panel->sourceItem(path + QStringLiteral(".a"));
            if (!next)
                break;
            item = next;
            path += QStringLiteral(".a");
        }
        QCOMPARE(shown, 32);
        QVERIFY(item && item->childCount() == 1);
        QCOMPARE(item->child(0)->text(0), QStringLiteral("… deeper levels are not shown"));
        const auto rightErrors = [&] {
            QStringList texts;
            for (const PreviewSideView::Error& e : window.previewPanel()->view().right.errors)
                texts << e.text;
            return texts.join(QLatin1Char(' '));
        };
        QTRY_VERIFY2(rightErrors().contains(QStringLiteral("E403")), qPrintable(rightErrors()));
        QCOMPARE(window.previewPanel()->view().right.stateName, QStringLiteral("failed"));
    }

    void longMappingsStayResponsive()
    {
        MainWindow window;
        QString text = QStringLiteral("mapping \"long\" version 2\n\n");
        for (int i = 0; i < 2000; ++i)
            text += QStringLiteral("out.f%1 <- concat(.customer.name, \"-%1\")\n").arg(i);
        window.newDocument();
        window.editor()->setPlainText(text);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        VisualMappingPanel* panel = showPanel(window);
        QCOMPARE(panel->rules().size(), std::size_t{2000});
        QElapsedTimer engine;
        engine.start();
        const QByteArray utf8 = window.editor()->toPlainText().toUtf8();
        const std::size_t entries = mdsl::analyze(std::string_view(utf8.constData(), std::size_t(utf8.size())), mdsl::Flags()).lineage().size();
        qInfo("lineage of 2,000 rules: %lld µs in the panel, %lld µs in the engine (%zu entries)", panel->lastLineageUs(),
              engine.nsecsElapsed() / 1000, entries);
        // Typing does not wait for it: the refresh after a keystroke runs off the UI thread.
        QElapsedTimer clock;
        clock.start();
        QTest::keyClicks(window.editor(), QStringLiteral("x"));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QTRY_COMPARE(panel->rules().size(), std::size_t{2000});
    }
};

MDSL_TEST_MAIN(TestVisualMapping)
#include "test_visualmapping.moc"
