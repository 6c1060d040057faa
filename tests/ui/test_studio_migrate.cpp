// File > Migrate to V2… as an author uses it: the version 1 customer export migrated, opened
// as an unsaved version 2 document with the preview's V1 side pinned to the original, both
// sides giving the same output, the changes listed, the corpus check run off the UI thread
// (identical, then a difference after an edit, with its record's line), and the refusals
// (a version 2 file, a file with errors). Takes the screenshot of docs/migration.md.

#include "testmain.h"

#include "codeeditor.h"
#include "jsonview.h"
#include "mainwindow.h"
#include "migratecontroller.h"
#include "previewpanel.h"
#include "studioapp.h"
#include "studiotest.h"

#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

using namespace studio;
using studiotest::writeFile;

namespace {

const QString kMigrateExamples = QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/");

QByteArray exampleBytes(const QString& name)
{
    QFile file(kMigrateExamples + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Closes the next message box and gives its text through `text`.
void closeNextMessageBox(QString* text, int tries = 500)
{
    QTimer::singleShot(10, qApp, [text, tries] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            if (tries > 0)
                closeNextMessageBox(text, tries - 1);
            return;
        }
        *text = box->text();
        box->close();
    });
}

} // namespace

class TestStudioMigrate : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    void migratedDocumentIsPinnedToItsOriginal()
    {
        QTemporaryDir dir;
        const QString original = writeFile(dir, QStringLiteral("customer-v1.mdsl"), exampleBytes(QStringLiteral("customer-v1.mdsl")));
        writeFile(dir, QStringLiteral("customer-v1.input.json"), exampleBytes(QStringLiteral("customer-v1.input.json")));
        MainWindow window;
        QVERIFY(window.openFile(original));   // its sample input comes with it
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        MigrateController* migrate = window.migrateController();
        QVERIFY(migrate);

        // The action is in the File menu.
        bool inFileMenu = false;
        for (QMenu* menu : window.findChildren<QMenu*>())
            if (menu->title() == QStringLiteral("&File"))
                inFileMenu = menu->actions().contains(migrate->action());
        QVERIFY(inFileMenu);
        QCOMPARE(migrate->action()->text(), QStringLiteral("&Migrate to V2…"));

        QVERIFY(migrate->migrateFile(original));
        const QString text = window.editor()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("mapping \"customer-export\" version 2\n")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("customer {\n  id      <- .id\n")));
        QVERIFY(text.contains(QStringLiteral("  country <- .address.country ?? \"FR\"\n")));
        // A new, unsaved document; the original file is untouched.
        QVERIFY(window.currentPath().isEmpty());
        QVERIFY(window.editor()->document()->isModified());
        {
            QFile file(original);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), exampleBytes(QStringLiteral("customer-v1.mdsl")));
        }

        // The preview's V1 side runs the original, the V2 side the migrated text: the same output.
        PreviewPanel* preview = window.previewPanel();
        QCOMPARE(preview->pinnedPath(), QFileInfo(original).absoluteFilePath());
        QTRY_VERIFY(preview->v2View()->toPlainText().contains(QStringLiteral("\"Amélie POULAIN\"")));
        QTRY_VERIFY(preview->v1View()->toPlainText().contains(QStringLiteral("\"Amélie POULAIN\"")));
        QCOMPARE(preview->v1View()->toPlainText(), preview->v2View()->toPlainText());
        QCOMPARE(preview->differenceCount(), 0);
        QVERIFY2(preview->view().left.statusLine().contains(QStringLiteral("customer-v1.mdsl")),
                 qPrintable(preview->view().left.statusLine()));

        // The changes, with the original's line numbers.
        QCOMPARE(migrate->changeLines(),
                 QStringList({QStringLiteral("Line 2: the header says `version 2` instead of `version 1`"),
                              QStringLiteral("Lines 7–17: 11 rules under `customer` become an object block"),
                              QStringLiteral("Line 11: `default(lookup(tiers, .tier), \"Standard\")` becomes "
                                             "`lookup(tiers, .tier) ?? \"Standard\"`"),
                              QStringLiteral("Line 16: `default(.address.country, \"FR\")` becomes `.address.country ?? \"FR\"`")}));
        QTabWidget* tabs = nullptr;
        for (QTabWidget* candidate : window.findChildren<QTabWidget*>())
            if (candidate->indexOf(migrate->panel()) >= 0)
                tabs = candidate;
        QVERIFY2(tabs, "the Migration tab is a side tab");
        QCOMPARE(tabs->tabText(tabs->indexOf(migrate->panel())), QStringLiteral("Migration"));
        QVERIFY(tabs->currentWidget() == preview);   // the preview shows, pinned to the original
        const QString png = studiotest::screenshot(&window, QStringLiteral("migration"));
        QVERIFY(QFile::exists(png));

        // The corpus check: identical on every record.
        auto* checkButton = migrate->panel()->findChild<QPushButton*>();
        QVERIFY(checkButton);
        QCOMPARE(checkButton->text(), QStringLiteral("Check on a Corpus…"));
        QVERIFY(checkButton->isEnabled());
        const QString corpus = writeFile(dir, QStringLiteral("corpus.ndjson"),
                                         exampleBytes(QStringLiteral("customer-v1.input.json")).replace('\n', ' ')
                                             + "\n{\"id\": 2, \"tier\": \"X\"}\n{\"id\": 3, \"address\": {\"country\": \"DE\"}}\n");
        migrate->checkCorpus(corpus);
        migrate->waitForCorpusCheck();
        QCOMPARE(migrate->verdictText(), QStringLiteral("Identical on all 3 records: the original on V1 and this text on V2 "
                                                        "give the same status and output."));
        tabs->setCurrentWidget(migrate->panel());
        QVERIFY(QFile::exists(studiotest::screenshot(&window, QStringLiteral("migration-changes"))));
        tabs->setCurrentWidget(preview);

        // An edit that changes the meaning: the check names the record that differs.
        QVERIFY(studiotest::moveCursorTo(window.editor(), QStringLiteral("?? \"FR"), false));
        QTextCursor cursor = window.editor()->textCursor();
        cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, 7);
        window.editor()->setTextCursor(cursor);
        window.editor()->insertPlainText(QStringLiteral("?? \"IT\""));
        QVERIFY(window.editor()->toPlainText().contains(QStringLiteral("?? \"IT\"")));
        migrate->checkCorpus(corpus);
        migrate->waitForCorpusCheck();
        QCOMPARE(migrate->verdictText(), QStringLiteral("2 of 3 records differ (corpus lines 1, 2): this text does not give "
                                                        "what the original gives."));
    }

    void versionTwoAndBrokenFilesAreRefused()
    {
        QTemporaryDir dir;
        MainWindow window;
        const QString before = window.editor()->toPlainText();
        MigrateController* migrate = window.migrateController();
        QString said;
        closeNextMessageBox(&said);
        QVERIFY(!migrate->migrateFile(kMigrateExamples + QStringLiteral("customer-v2.mdsl")));
        QVERIFY2(said.endsWith(QStringLiteral("customer-v2.mdsl is already version 2: there is nothing to migrate.")),
                 qPrintable(said));
        const QString broken = writeFile(dir, QStringLiteral("broken.mdsl"), "mapping \"b\" version 1\na <- florr(.x)\n");
        closeNextMessageBox(&said);
        QVERIFY(!migrate->migrateFile(broken));
        QVERIFY2(said.contains(QStringLiteral("has errors, so it is not migrated")), qPrintable(said));
        QVERIFY(said.contains(QStringLiteral("Line 2: unknown function `florr`")));
        QCOMPARE(window.editor()->toPlainText(), before);
        QVERIFY(window.previewPanel()->pinnedPath().isEmpty());
        QVERIFY(migrate->changeLines().isEmpty());
        QVERIFY(!migrate->panel()->findChild<QPushButton*>()->isEnabled());
    }
};

MDSL_TEST_MAIN(TestStudioMigrate)
#include "test_studio_migrate.moc"
