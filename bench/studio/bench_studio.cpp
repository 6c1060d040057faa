// Measures the studio as a user feels it, through the real main window:
//  - keystroke -> updated problems, and keystroke -> updated preview, on a 2,000-line
//    mapping with a 1 MB sample input (the debounce delays included: that is what a user
//    waits for);
//  - the longest time the UI thread spends on one event meanwhile (instrumented in
//    QApplication::notify), i.e. how long typing could be blocked;
//  - cold start: process start to a usable window with the example's problems and preview
//    shown (measured from outside, by launching this program again).

#include "analysisservice.h"
#include "codeeditor.h"
#include "mainwindow.h"
#include "previewpanel.h"
#include "problemspanel.h"
#include "studioapp.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMetaEnum>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

/// Times every top-level event delivery: the longest is the longest the UI was blocked.
class InstrumentedApp : public QApplication {
public:
    using QApplication::QApplication;

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (depth_++ > 0) {
            const bool handled = QApplication::notify(receiver, event);
            --depth_;
            return handled;
        }
        QElapsedTimer timer;
        timer.start();
        const bool handled = QApplication::notify(receiver, event);
        const qint64 ns = timer.nsecsElapsed();
        --depth_;
        if (recording && ns > longestNs) {
            longestNs = ns;
            longestEvent = QString::fromLatin1(QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type()))
                           + QStringLiteral(" to ") + QString::fromLatin1(receiver->metaObject()->className());
        }
        return handled;
    }

    bool recording = false;
    qint64 longestNs = 0;
    QString longestEvent;

private:
    int depth_ = 0;
};

QString bigMapping(int lines)
{
    // A V1 document (both engines run it): lets, a table, and rules of several shapes.
    QString text = QStringLiteral("mapping \"bench\" version 1\n\nlet rate = 0.2\n"
                                  "table names = { \"a\": \"Alpha\", \"b\": \"Beta\" }\n\n");
    for (int i = 0; text.count(QLatin1Char('\n')) < lines; ++i) {
        switch (i % 4) {
        case 0:
            text += QStringLiteral("out.r%1.name <- upper(trim(.items[%2].name))\n").arg(i).arg(i % 500);
            break;
        case 1:
            text += QStringLiteral("out.r%1.total <- round(.items[%2].price * (1 + rate), 2)\n").arg(i).arg(i % 500);
            break;
        case 2:
            text += QStringLiteral("out.r%1.kind <- default(lookup(names, .items[%2].kind), \"other\")\n").arg(i).arg(i % 500);
            break;
        default:
            text += QStringLiteral("out.r%1.label <- concat(.items[%2].sku, \"-\", to_string(.items[%2].qty))\n").arg(i).arg(i % 500);
            break;
        }
    }
    return text;
}

QString bigInput(qsizetype bytes)
{
    QString text = QStringLiteral("{\n  \"items\": [\n");
    for (int i = 0; text.size() < bytes; ++i) {
        text += QStringLiteral("    {\"sku\": \"SKU-%1\", \"name\": \"  item number %1  \", \"price\": %2, "
                               "\"qty\": %3, \"kind\": \"%4\", \"note\": \"lorem ipsum dolor sit amet\"},\n")
                    .arg(i)
                    .arg(double(i % 997) / 10.0)
                    .arg(i % 7)
                    .arg(i % 3 == 0 ? QStringLiteral("a") : QStringLiteral("b"));
    }
    text += QStringLiteral("    {\"sku\": \"last\"}\n  ]\n}\n");
    return text;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    if (values.empty())
        return 0;
    const auto index = std::size_t(p * double(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

int coldStartChild(int argc, char** argv)
{
    QApplication app(argc, argv);
    studio::setupApplication(app, QStringLiteral("en"));
    QStandardPaths::setTestModeEnabled(true);
    studio::MainWindow window;
    window.openBundledExample();
    window.show();
    // Usable: the window is on screen with the example's problems and its preview shown.
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QElapsedTimer timeout;
    timeout.start();
    while (window.previewPanel()->result().production.engine.isEmpty()) {
        if (timeout.elapsed() > 10000)
            return 1;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--cold-start") == 0)
        return coldStartChild(argc, argv);

    InstrumentedApp app(argc, argv);
    studio::setupApplication(app, QStringLiteral("en"));
    QStandardPaths::setTestModeEnabled(true);

    studio::MainWindow window;
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    const QString mapping = bigMapping(2000);
    const QString input = bigInput(1 << 20);
    window.previewPanel()->setInputText(input);
    window.editor()->setPlainText(mapping);

    QSignalSpy problems(window.findChild<studio::AnalysisService*>(), &studio::AnalysisService::problemsReady);
    QSignalSpy previews(window.findChild<studio::AnalysisService*>(), &studio::AnalysisService::previewReady);
    // Warm up: the first preview parses the 1 MB input.
    if (!previews.wait(20000)) {
        std::fprintf(stderr, "no preview\n");
        return 1;
    }
    QTest::qWait(500);
    const auto& first = window.previewPanel()->result();
    std::printf("mapping: %lld lines; input: %lld bytes; V1 %s, V2 %s, %d difference(s)\n",
                qlonglong(mapping.count(QLatin1Char('\n'))), qlonglong(input.toUtf8().size()),
                first.v1.state == studio::RunState::Ok ? "ok" : "not ok",
                first.v2.state == studio::RunState::Ok ? "ok" : "not ok", window.previewPanel()->differenceCount());

    std::vector<double> toProblems;
    std::vector<double> toPreview;
    app.recording = true;
    constexpr int kRounds = 20;
    for (int round = 0; round < kRounds; ++round) {
        problems.clear();
        previews.clear();
        // A keystroke in the middle of the document, as a user types.
        QTextCursor cursor = window.editor()->textCursor();
        cursor.setPosition(int(mapping.size() / 2));
        window.editor()->setTextCursor(cursor);
        QElapsedTimer timer;
        timer.start();
        QTest::keyClick(window.editor(), round % 2 == 0 ? Qt::Key_Space : Qt::Key_Backspace);
        if (problems.isEmpty() && !problems.wait(5000))
            return 1;
        toProblems.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (previews.isEmpty() && !previews.wait(10000))
            return 1;
        toPreview.push_back(double(timer.nsecsElapsed()) / 1e6);
        QTest::qWait(50);
    }
    app.recording = false;

    std::printf("keystroke -> problems: median %.1f ms, p95 %.1f ms, max %.1f ms (budget 150 ms)\n",
                percentile(toProblems, 0.5), percentile(toProblems, 0.95), percentile(toProblems, 1.0));
    std::printf("keystroke -> preview:  median %.1f ms, p95 %.1f ms, max %.1f ms (budget 300 ms)\n",
                percentile(toPreview, 0.5), percentile(toPreview, 0.95), percentile(toPreview, 1.0));
    std::printf("longest UI-thread event while typing: %.1f ms (%s; budget 16 ms)\n",
                double(app.longestNs) / 1e6, qPrintable(app.longestEvent));
    const auto& last = window.previewPanel()->result();
    std::printf("last preview: V1 %.1f ms, V2 %.1f ms (engine times), whole preview %.1f ms\n",
                double(last.v1.elapsedUs) / 1000, double(last.v2.elapsedUs) / 1000, double(last.totalUs) / 1000);

    // Cold start, from outside: process start to a usable window.
    std::vector<double> starts;
    for (int i = 0; i < 5; ++i) {
        QProcess child;
        QElapsedTimer timer;
        timer.start();
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--cold-start")});
        if (!child.waitForFinished(20000) || child.exitCode() != 0)
            return 1;
        starts.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("cold start to a usable window with the example: median %.0f ms, max %.0f ms (budget 1000 ms)\n",
                percentile(starts, 0.5), percentile(starts, 1.0));
    window.editor()->document()->setModified(false);
    return 0;
}
