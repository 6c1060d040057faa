// Repro bundles in the studio, driven as support staff drive them: export the situation from
// one window, open it in a fresh window (menu, command line path, drag and drop) and find
// everything restored — the mapping, the input, the flags and clock (for the session only),
// production's output beside ours with its differences — and invalid bundles refused.

#include "testmain.h"

#include "codeeditor.h"
#include "jsonview.h"
#include "mainwindow.h"
#include "previewpanel.h"
#include "studioapp.h"
#include "studiotest.h"

#include "mdsl/repro.h"

#include <QApplication>
#include <QDropEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

using namespace studio;
using studiotest::screenshot;
using studiotest::writeFile;

namespace {

const QString kExample = QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/customer-phone.mdslrepro");

mdsl::Json parseText(const QString& text)
{
    return mdsl::Json::parse(text.toStdString());
}

/// The flags saved in the settings (what the next start of the studio will use).
mdsl::Flags storedFlags()
{
    QSettings store;
    return StudioSettings::load(store).flags;
}

/// Closes the next message box and returns its text through `text`.
void answerNextMessageBox(QString* text, int tries = 500)
{
    QTimer::singleShot(10, qApp, [text, tries] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            if (tries > 0)
                answerNextMessageBox(text, tries - 1);   // not shown yet
            return;
        }
        *text = box->text();
        box->close();
    });
}

QStringList menuTexts(QMenu* menu)
{
    QStringList out;
    for (QAction* action : menu->actions())
        out << action->text() + (action->isChecked() ? QStringLiteral(" [x]") : QString());
    return out;
}

/// The verdict `mapping-dsl repro BUNDLE --format json` gives.
QString commandLineVerdict(const QString& bundle)
{
    QProcess cli;
    cli.start(QStringLiteral(MDSL_CLI), {QStringLiteral("repro"), bundle, QStringLiteral("--format"), QStringLiteral("json")});
    if (!cli.waitForFinished(60000))
        return QStringLiteral("<no answer>");
    const mdsl::Json report = mdsl::Json::parse(cli.readAllStandardOutput().toStdString(), nullptr, false);
    return report.is_object() && report.contains("verdict") ? QString::fromStdString(report["verdict"].get<std::string>())
                                                            : QStringLiteral("<not JSON>");
}

QMenu* menuNamed(QWidget* parent, const QString& title)
{
    for (QMenu* menu : parent->findChildren<QMenu*>()) {
        if (menu->title() == title)
            return menu;
    }
    return nullptr;
}

} // namespace

class TestStudioRepro : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        // Settings of our own: this test checks what is saved, and other UI tests may run
        // at the same time against the shared test settings.
        QCoreApplication::setApplicationName(QCoreApplication::applicationName() + QStringLiteral("-repro-test"));
        studiotest::isolateUserData();
    }

    void bundleRoundTripsBetweenWindows()
    {
        QTemporaryDir dir;
        const QString bundlePath = dir.filePath(QStringLiteral("ticket.mdslrepro"));
        const QString productionPath = writeFile(
            dir, QStringLiteral("production.json"), R"({"customer": {"id": 4711, "phone": null, "extra": [1, 2]}})");
        QString mapping;
        QString input;
        mdsl::Flags flags;
        {
            MainWindow source;
            QVERIFY(source.openExample(QStringLiteral("customer-v2.mdsl")));
            source.editor()->moveCursor(QTextCursor::End);
            source.editor()->insertPlainText(QStringLiteral("# tried: phone ?? \"none\"\n"));
            source.previewPanel()->setInputText(QStringLiteral("{\"id\": 4711, \"contact\": {\"phone\": null}, \"b\": [true, 1.5]}"));
            StudioSettings s = source.settings();
            s.flags.set(mdsl::Flag::V2ArrayOps, false);
            s.pinnedClockMs = 1795166040000;
            source.applySettings(s);
            QVERIFY(source.loadProductionOutput(productionPath));
            QVERIFY(source.showsRepro());
            QVERIFY(source.exportReproBundle(bundlePath, QStringLiteral("Ticket 7: phone\nline two")));
            mapping = source.editor()->toPlainText();
            input = source.previewPanel()->inputText();
            flags = source.settings().flags;
            // The user's own settings before the bundle is opened elsewhere: all flags on.
            s.flags = mdsl::Flags();
            s.pinnedClockMs = 1767225600000;
            source.applySettings(s);
        }
        QVERIFY(storedFlags() == mdsl::Flags());

        // The file is a valid bundle with everything in it.
        QFile file(bundlePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const mdsl::ReproParse parsed = mdsl::parseRepro(file.readAll().toStdString());
        QVERIFY2(parsed.bundle, parsed.error.c_str());
        QCOMPARE(parsed.bundle->mappingName, std::string("customer-v2.mdsl"));
        QCOMPARE(parsed.bundle->notes, std::string("Ticket 7: phone\nline two"));
        QCOMPARE(parsed.bundle->nowMs, std::optional<std::int64_t>(1795166040000));
        QVERIFY(!parsed.bundle->studioVersion.empty());
        QVERIFY(parsed.bundle->production);

        MainWindow window;
        const QString before = window.editor()->toPlainText();
        QVERIFY(window.openFile(bundlePath));   // the command line and File > Open go through openFile
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The mapping, as an unsaved copy named after production's file.
        QCOMPARE(window.editor()->toPlainText(), mapping);
        QVERIFY(window.editor()->document()->isModified());
        QVERIFY(window.currentPath().isEmpty());
        QVERIFY2(window.windowTitle().contains(QStringLiteral("customer-v2.mdsl (from repro bundle)")),
                 qPrintable(window.windowTitle()));
        QVERIFY(window.editor()->toPlainText() != before);
        // The input, the same document.
        QCOMPARE(parseText(window.previewPanel()->inputText()), parseText(input));
        // The flags and clock for this session; the saved settings stay the user's.
        QVERIFY(window.settings().flags == flags);
        QVERIFY(!window.settings().flags.get(mdsl::Flag::V2ArrayOps));
        QCOMPARE(window.settings().pinnedClockMs, 1795166040000);
        QVERIFY(window.settings().pinClock);
        QVERIFY(storedFlags() == mdsl::Flags());
        QMenu* profiles = menuNamed(&window, QStringLiteral("Flag &Profile"));
        QVERIFY(profiles);
        QVERIFY2(menuTexts(profiles).contains(QStringLiteral("Repro bundle (this session) [x]")),
                 qPrintable(menuTexts(profiles).join(QLatin1Char('|'))));

        // Production's output on the left, ours on the right, the differences navigable.
        PreviewPanel* preview = window.previewPanel();
        QVERIFY(preview->showsProduction());
        QCOMPARE(parseText(preview->v1View()->toPlainText()), parseText(QStringLiteral(R"({"customer": {"id": 4711, "phone": null, "extra": [1, 2]}})")));
        QTRY_VERIFY(preview->v2View()->toPlainText().contains(QStringLiteral("\"unknown\"")));
        QTRY_VERIFY(preview->differenceCount() > 0);
        const QStringList differences = preview->view().differenceTexts();
        QVERIFY2(differences.contains(QStringLiteral("/customer/phone — Production: null · Ours: \"unknown\"")),
                 qPrintable(differences.join(QLatin1Char('\n'))));
        QVERIFY(differences.join(QLatin1Char('\n')).contains(QStringLiteral("/customer/extra — Production:")));
        preview->nextDifference();
        QCOMPARE(preview->currentDifference(), 0);
        QVERIFY(preview->view().left.statusLine().contains(QStringLiteral("Production")));
        QVERIFY(preview->view().right.statusLine().contains(QStringLiteral("Ours")));
        QVERIFY(preview->view().bannerText().contains(QStringLiteral("ticket.mdslrepro")));
        QVERIFY(preview->view().bannerText().contains(QStringLiteral("Ticket 7")));

        // Editing the mapping re-runs ours against the same production output.
        window.editor()->moveCursor(QTextCursor::End);
        window.editor()->insertPlainText(QStringLiteral("customer.note <- \"x\"\n"));
        QTRY_VERIFY(preview->view().differenceTexts().join(QLatin1Char('\n')).contains(QStringLiteral("/customer/note")));

        // A broken sample input: nothing ran, so nothing is compared; and it cannot be exported.
        preview->setInputText(QStringLiteral("{\"id\": "));
        QTRY_VERIFY(!preview->result().inputError.isEmpty());
        QCOMPARE(preview->differenceCount(), 0);
        QVERIFY(preview->showsProduction());
        QString shown;
        answerNextMessageBox(&shown);
        QTemporaryDir out;
        QVERIFY(!window.exportReproBundle(out.filePath(QStringLiteral("x.mdslrepro")), QString()));
        QVERIFY2(shown.contains(QStringLiteral("The sample input must be JSON")), qPrintable(shown));
        QVERIFY(!QFile::exists(out.filePath(QStringLiteral("x.mdslrepro"))));

        // Closing the bundle gives the user's flags and clock back.
        window.closeRepro();
        QVERIFY(!preview->showsProduction());
        QVERIFY(window.settings().flags == mdsl::Flags());
        QCOMPARE(window.settings().pinnedClockMs, 1767225600000);
        QVERIFY(!menuTexts(profiles).join(QLatin1Char('|')).contains(QStringLiteral("Repro bundle")));
        window.editor()->document()->setModified(false);
    }

    void exampleBundleShowsProductionsDifferences()
    {
        MainWindow window;
        QVERIFY(window.openReproBundle(kExample));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PreviewPanel* preview = window.previewPanel();
        QTRY_COMPARE(preview->differenceCount(), 2);
        QCOMPARE(preview->view().differenceTexts(),
                 QStringList({QStringLiteral("/customer/phone — Production: null · Ours: \"unknown\""),
                              QStringLiteral("/customer/fax — Production: missing · Ours: null")}));
        preview->nextDifference();
        QVERIFY(preview->view().bannerText().contains(QStringLiteral("Ticket SUP-2318")));
        QVERIFY(preview->view().bannerText().contains(QStringLiteral("clock 2026-11-20 09:14:00 UTC")));
        const QString png = screenshot(&window, QStringLiteral("repro"));
        QVERIFY(QFileInfo(png).size() > 20000);
        window.editor()->document()->setModified(false);
    }

    // One verdict for one bundle: the studio asks the engine (judgeRepro), as `mapping-dsl
    // repro` does (replayRepro). A run that failed but left production's output is not a
    // reproduction, on either side.
    void studioAndCommandLineGiveTheSameVerdict_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("example") << "example" << "differs";
        QTest::newRow("same output") << "same" << "reproduced";
        QTest::newRow("failed run, same partial output") << "failed" << "differs";
        QTest::newRow("V1-only route") << "v1only" << "reproduced";
        QTest::newRow("V2 switched off") << "v2off" << "reproduced";
    }

    void studioAndCommandLineGiveTheSameVerdict()
    {
        QFETCH(QString, name);
        QFETCH(QString, verdict);
        QFile file(kExample);
        QVERIFY(file.open(QIODevice::ReadOnly));
        mdsl::ReproBundle bundle = *mdsl::parseRepro(file.readAll().toStdString()).bundle;
        if (name == QLatin1String("same")) {
            bundle.production->output = *mdsl::replayRepro(bundle).ours.output;
        } else if (name == QLatin1String("failed")) {
            bundle.mappingText = "mapping \"m\" version 2\na <- 1\nb <- upper(42)\n";
            bundle.flags.set(mdsl::Flag::V1Fallback, false);
            bundle.production->output = mdsl::Json{{"a", 1}};
        } else if (name == QLatin1String("v1only")) {
            bundle.mappingText = "mapping \"m\" version 1\nid <- .id\n";
            bundle.input = mdsl::Json{{"id", 7}};
            bundle.route = mdsl::Route::V1Only;
            bundle.production->output = mdsl::Json{{"id", 7}};
            bundle.production->engine = mdsl::EngineKind::V1;
        } else if (name == QLatin1String("v2off")) {
            // The rollback: V2 switched off, the V2-routed operation answers with V1.
            bundle.mappingText = "mapping \"m\" version 1\nid <- .id\n";
            bundle.input = mdsl::Json{{"id", 7}};
            bundle.flags.set(mdsl::Flag::V2Enabled, false);
            bundle.production->output = mdsl::Json{{"id", 7}};
            bundle.production->engine = mdsl::EngineKind::V1;
        }
        QTemporaryDir dir;
        const QString path = writeFile(dir, name + QStringLiteral(".mdslrepro"), QByteArray::fromStdString(mdsl::writeRepro(bundle)));
        QCOMPARE(commandLineVerdict(path), verdict);

        MainWindow window;
        QVERIFY(window.openReproBundle(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PreviewPanel* preview = window.previewPanel();
        QTRY_VERIFY(preview->view().verdict.has_value());
        QCOMPARE(QString::fromUtf8(mdsl::reproVerdictName(*preview->view().verdict).data()), verdict);
        if (name == QLatin1String("failed"))
            QVERIFY2(preview->view().comparison.startsWith(QStringLiteral("Not reproduced")), qPrintable(preview->view().comparison));
        window.editor()->document()->setModified(false);
    }

    void droppedBundleOpens()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(kExample)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(window.previewPanel()->showsProduction());
        QVERIFY(window.editor()->toPlainText().contains(QStringLiteral("phone    <- .contact.phone ?? \"unknown\"")));
        window.editor()->document()->setModified(false);
    }

    void invalidBundleIsRefusedAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << QByteArray("{\"format\": \"mdslrepro\",") << "not JSON: parse error at line 1";
        QTest::newRow("wrong type") << QByteArray(R"({"format": "mdslrepro", "format_version": "one"})")
                                    << "/format_version: expected an integer, found a string";
        QTest::newRow("deep") << QByteArray(100000, '{') << "nested deeper than 512 levels";
    }

    void invalidBundleIsRefusedAndChangesNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.mdslrepro"), content);
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-export.mdsl")));
        const QString text = window.editor()->toPlainText();
        const QString input = window.previewPanel()->inputText();
        const mdsl::Flags flags = window.settings().flags;
        QString shown;
        answerNextMessageBox(&shown);
        QVERIFY(!window.openFile(path));
        QVERIFY2(shown.contains(QStringLiteral("This is not a valid repro bundle: ") + message), qPrintable(shown));
        QCOMPARE(window.editor()->toPlainText(), text);
        QCOMPARE(window.previewPanel()->inputText(), input);
        QVERIFY(window.settings().flags == flags);
        QVERIFY(!window.showsRepro());
        QCOMPARE(window.currentPath(), QStringLiteral(":/examples/order-export.mdsl"));
    }
};

MDSL_TEST_MAIN(TestStudioRepro)
#include "test_studio_repro.moc"
