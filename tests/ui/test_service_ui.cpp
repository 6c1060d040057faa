// The studio asks a real `mapping-dsl serve` on the loopback: Settings > Service holds its
// URL, "Ask the service" on the preview's production line shows the service's answer beside
// ours and flags a difference (a service whose flags have V2 off answers with V1).

#include "testmain.h"

#include "../service/servicetest.h"
#include "mainwindow.h"
#include "previewpanel.h"
#include "servicecontroller.h"
#include "settingsdialog.h"
#include "studioapp.h"
#include "studiotest.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QToolButton>

using namespace studio;

namespace {

/// Clicks "Ask the service" as a user does and returns the answer shown.
QString askService(MainWindow& window)
{
    auto* button = window.findChild<QToolButton*>(QStringLiteral("askServiceButton"));
    auto* controller = window.findChild<ServiceController*>();
    if (!button || !controller || !button->isVisible())
        return QStringLiteral("no button");
    QSignalSpy answered(controller, &ServiceController::answered);
    QTest::mouseClick(button, Qt::LeftButton);
    if (answered.isEmpty() && !answered.wait(30000))
        return QStringLiteral("no answer");
    return controller->answerLabel()->text();
}

} // namespace

class TestServiceUi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    void askTheServiceShowsItsAnswerBesideOurs()
    {
        servicetest::Server production;
        QVERIFY2(production.start(), qPrintable(production.log()));
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openExample(QStringLiteral("order-export.mdsl")));

        // No URL yet: the action says where to set one.
        QVERIFY(askService(window).contains(QStringLiteral("Set the service's URL in Settings &gt; Service.")));

        // Settings > Service.
        SettingsDialog* settings = window.showSettings();
        QVERIFY(settings);
        auto* page = settings->findChild<ServiceSettingsPage*>();
        QVERIFY(page);
        page->urlEdit()->setText(QStringLiteral("not a url"));
        QCOMPARE(serviceUrl(), QString());
        page->urlEdit()->setText(production.url(QString()));
        QCOMPARE(serviceUrl(), production.url(QString()));
        settings->findChild<QTabWidget*>()->setCurrentWidget(page);
        studiotest::screenshot(settings, QStringLiteral("settings-service"));
        settings->accept();

        const QString same = askService(window);
        QVERIFY2(same.contains(QStringLiteral("Service: V2 — ok, same answer as the studio")), qPrintable(same));
        QTRY_VERIFY(production.accessLog().contains(QStringLiteral("\"POST /api/v1/mappings/dry-run\" 200")));

        // A service rolled back (V2 off) answers with V1: the difference is flagged.
        QTemporaryDir dir;
        const QString flags = dir.filePath(QStringLiteral("flags.yml"));
        QVERIFY(servicetest::writeAtomically(flags, servicetest::flagFile({QStringLiteral("mapping_dsl_v2_enabled")})));
        servicetest::Server rolledBack;
        QVERIFY2(rolledBack.start({QStringLiteral("--flags"), flags}), qPrintable(rolledBack.log()));
        setServiceUrl(rolledBack.url(QStringLiteral("/")));
        const QString differs = askService(window);
        QVERIFY2(differs.contains(QStringLiteral("Service: V1 — invalid, differs from the studio: engine, status, output")),
                 qPrintable(differs));
        auto* controller = window.findChild<ServiceController*>();
        QVERIFY(controller->answerLabel()->toolTip().contains(QStringLiteral("Studio: V2 — ok")));
        studiotest::screenshot(window.previewPanel(), QStringLiteral("preview-ask-the-service"));

        // A service that is not there.
        QCOMPARE(rolledBack.stop(), 0);
        const QString gone = askService(window);
        QVERIFY2(gone.contains(QStringLiteral("Service unreachable")), qPrintable(gone));
    }
};

MDSL_TEST_MAIN(TestServiceUi)
#include "test_service_ui.moc"
