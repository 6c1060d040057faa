// Measures the studio as a user feels it, through the real main window:
//  - keystroke -> updated problems, and keystroke -> updated preview, on a 2,000-line
//    mapping with a 1 MB sample input (the debounce delays included: that is what a user
//    waits for), for keystrokes that leave the output as it was (a space between tokens) and
//    for keystrokes that change it (a letter in a string, so both outputs are shown anew);
//  - the longest time the UI thread spends on one event meanwhile (instrumented in
//    QApplication::notify), i.e. how long typing could be blocked: in wall-clock time, and in
//    CPU time of the UI thread (on a loaded machine the wall time also counts the time the
//    thread waited for a core, which no code of ours can shorten);
//  - stepping through a debugger recording of the 50 MB input, 50 steps in a row as a held
//    step key gives them: the longest UI-thread event (the context and output are printed
//    off the UI thread);
//  - cold start: process start to a usable window with the example's problems and preview
//    shown (measured from outside, by launching this program again).
// --events lists, on stderr, every event over 5 ms of UI-thread CPU or 16 ms of wall time.
// --corpus N measures the Corpus view instead: a run over N generated customer records (the
// example pair, V1 against V2 routed), the longest UI-thread event meanwhile, how often the
// progress shown changed, and how long Cancel takes to give the partial figures.

#include "analysisservice.h"
#include "codeeditor.h"
#include "debuggerpanel.h"
#include "recordingdebugger.h"
#include "jsonpane.h"
#include "jsonview.h"
#include "largetextview.h"
#include "corpus/corpuscontroller.h"
#include "corpus/corpuspanel.h"
#include "mainwindow.h"
#include "previewpanel.h"
#include "problemspanel.h"
#include "studioapp.h"
#include "visualmappingpanel.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaEnum>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTreeWidget>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace {

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double processCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

/// Times every top-level event delivery, in wall-clock and in UI-thread CPU time: the longest
/// is the longest the UI was blocked.
class InstrumentedApp : public QApplication {
public:
    using QApplication::QApplication;

    struct Longest {
        double wallMs = 0;
        double cpuMs = 0;
        std::string what;
    };

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (depth_++ > 0 || !recording) {
            const bool handled = QApplication::notify(receiver, event);
            --depth_;
            return handled;
        }
        // Named before delivery: the receiver may be gone after it (DeferredDelete).
        const char* type = QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type());
        const char* receiverClass = receiver->metaObject()->className();
        const char* parentClass = receiver->parent() ? receiver->parent()->metaObject()->className() : "-";
        QElapsedTimer timer;
        timer.start();
        const double cpu0 = threadCpuMs();
        const bool handled = QApplication::notify(receiver, event);
        const double cpuMs = threadCpuMs() - cpu0;
        const double wallMs = double(timer.nsecsElapsed()) / 1e6;
        --depth_;
        ++events;
        if (wallMs > 16)
            ++over16Wall;
        if (cpuMs > 16)
            ++over16Cpu;
        const auto what = [&] { return std::string(type ? type : "?") + " to " + receiverClass; };
        if (listEvents && (cpuMs > 5 || wallMs > 16))
            std::fprintf(stderr, "event %s (child of %s): wall %.1f ms, CPU %.1f ms\n", what().c_str(), parentClass,
                         wallMs, cpuMs);
        if (wallMs > byWall.wallMs)
            byWall = {wallMs, cpuMs, what()};
        if (cpuMs > byCpu.cpuMs)
            byCpu = {wallMs, cpuMs, what()};
        double& kindMax = maxCpuByKind[what()];
        kindMax = std::max(kindMax, cpuMs);
        return handled;
    }

    void reset()
    {
        events = over16Wall = over16Cpu = 0;
        byWall = byCpu = {};
        maxCpuByKind.clear();
    }

    bool recording = false;
    bool listEvents = false;   ///< --events: each event over 5 ms of CPU or 16 ms of wall time
    int events = 0;
    int over16Wall = 0;
    int over16Cpu = 0;
    Longest byWall;
    Longest byCpu;
    std::map<std::string, double> maxCpuByKind;

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

// N customer records (as tests/engines/customer_corpus.h makes them), one per line.
bool writeCustomerCorpus(const QString& path, int records)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    static const char* const tiers[] = {"G", "S", "B", "X"};
    std::string chunk;
    char line[512];
    for (int n = 1; n <= records; ++n) {
        std::string contact = "{\"email\":\"Client" + std::to_string(n) + "@Example.COM\"";
        if (n % 5 != 0)
            contact += ",\"phone\":\"+33 1 00 00 " + std::to_string(1000 + n % 9000) + "\"";
        if (n % 3 == 0)
            contact += ",\"fax\":null";
        else if (n % 3 == 2)
            contact += ",\"fax\":\"+33 1 99 99 " + std::to_string(1000 + n % 9000) + "\"";
        contact += "}";
        std::snprintf(line, sizeof line,
                      "{\"address\":{\"city\":\"Lyon\"%s},\"balance\":%.2f,\"contact\":%s,\"first_name\":\" Ann%d \","
                      "\"id\":%d,\"last_name\":\"lee%d\",\"tier\":\"%s\"}\n",
                      n % 4 != 0 ? ",\"country\":\"FR\"" : "", double(n * 1337 % 200000) / 100.0, contact.c_str(), n, n, n,
                      tiers[n % 4]);
        chunk += line;
        if (chunk.size() > (1 << 20)) {
            file.write(chunk.data(), qint64(chunk.size()));
            chunk.clear();
        }
    }
    file.write(chunk.data(), qint64(chunk.size()));
    return file.flush();
}

int corpusBench(InstrumentedApp& app, int records)
{
    QTemporaryDir dir(QDir::currentPath() + QStringLiteral("/bench-corpus-XXXXXX"));
    const QString corpusPath = dir.filePath(QStringLiteral("customers.ndjson"));
    QElapsedTimer timer;
    timer.start();
    if (!writeCustomerCorpus(corpusPath, records))
        return 1;
    std::printf("corpus: %d records, %.0f MB, written in %.1f s\n", records, double(QFileInfo(corpusPath).size()) / 1e6,
                double(timer.elapsed()) / 1000);
    studio::MainWindow window;
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openExample(QStringLiteral("customer-v2.mdsl"))
        || !window.pinV1To(QStringLiteral(":/examples/customer-v1.mdsl")))
        return 1;
    studio::CorpusController* corpus = window.corpusController();
    corpus->setCorpus(corpusPath);
    QTest::qWait(500);
    std::vector<double> updates;   // ms since the start at which the progress shown changed
    QElapsedTimer sinceStart;
    QObject::connect(corpus->panel()->progressBar(), &QProgressBar::valueChanged, &app,
                     [&] { updates.push_back(double(sinceStart.nsecsElapsed()) / 1e6); });
    QSignalSpy done(corpus, &studio::CorpusController::runFinished);

    app.reset();
    app.recording = true;
    sinceStart.start();
    if (!corpus->run() || !done.wait(3600 * 1000))
        return 1;
    app.recording = false;
    const double runMs = double(sinceStart.nsecsElapsed()) / 1e6;
    const mdsl::CorpusReport& report = *corpus->lastResult()->report;
    double longestGap = 0;
    for (std::size_t i = 1; i < updates.size(); ++i)
        longestGap = std::max(longestGap, updates[i] - updates[i - 1]);
    const double firstUpdate = updates.empty() ? 0 : updates.front();
    std::printf("run: %llu records compared in %.1f s (%.0f records/s), %zu difference groups, verdict %s\n",
                static_cast<unsigned long long>(report.compared), runMs / 1000, double(report.compared) / (runMs / 1000),
                report.differences.size(), report.verdict.go ? "GO" : "NO-GO");
    std::printf("  longest UI-thread event, wall: %.1f ms (CPU %.1f ms; %s); budget 16 ms\n", app.byWall.wallMs,
                app.byWall.cpuMs, app.byWall.what.c_str());
    std::printf("  longest UI-thread event, CPU:  %.1f ms (wall %.1f ms; %s)\n", app.byCpu.cpuMs, app.byCpu.wallMs,
                app.byCpu.what.c_str());
    std::printf("  events over 16 ms: %d wall, %d CPU, of %d\n", app.over16Wall, app.over16Cpu, app.events);
    std::printf("  progress shown: %zu updates, %.1f a second; first after %.0f ms (counting the corpus' lines "
                "included), longest gap %.0f ms (budget: 4 a second, 250 ms)\n",
                updates.size(), double(updates.size()) / (runMs / 1000), firstUpdate, longestGap);

    // Cancel: from the click to the partial figures on screen.
    std::vector<double> cancels;
    for (int round = 0; round < 5; ++round) {
        done.clear();
        if (!corpus->run())
            return 1;
        QTest::qWait(1500);
        QElapsedTimer cancel;
        cancel.start();
        QTest::mouseClick(corpus->panel()->cancelButton(), Qt::LeftButton);
        if (!done.wait(60000) || !corpus->lastResult()->report->cancelled)
            return 1;
        cancels.push_back(double(cancel.nsecsElapsed()) / 1e6);
    }
    std::printf("cancel -> partial figures shown: median %.0f ms, max %.0f ms (budget 200 ms)\n", percentile(cancels, 0.5),
                percentile(cancels, 1.0));
    std::printf("load average: %s\n", qPrintable(loadAverage()));
    window.editor()->document()->setModified(false);
    return 0;
}

void printLongestEvents(const InstrumentedApp& app)
{
    std::printf("  longest UI-thread event, wall: %.1f ms (CPU %.1f ms; %s); budget 16 ms\n", app.byWall.wallMs,
                app.byWall.cpuMs, app.byWall.what.c_str());
    std::printf("  longest UI-thread event, CPU:  %.1f ms (wall %.1f ms; %s)\n", app.byCpu.cpuMs, app.byCpu.wallMs,
                app.byCpu.what.c_str());
    std::printf("  events over 16 ms: %d wall, %d CPU, of %d\n", app.over16Wall, app.over16Cpu, app.events);
}

/// "Visual Mapping at 3,000 rules": from asking for the lineage to the tab showing it (the
/// lineage made in a worker, the trees and lines on the UI thread), then the longest UI-thread
/// event while a filter is typed and cleared, and while the expanded target tree is paged through.
bool visualMappingBench(InstrumentedApp& app, studio::MainWindow& window)
{
    static const char* const fields[] = {".customer.name", ".customer.email", ".order.id", ".order.total", ".order.currency"};
    QString text = QStringLiteral("mapping \"visual\" version 2\n\n");
    for (int i = 0; i < 3000; ++i)
        text += QStringLiteral("out.section_%1.%2_%3 <- %4\n")
                    .arg(i / 100, 2, 10, QLatin1Char('0'))
                    .arg(i % 2 ? QStringLiteral("billing_address_line_of_the_customer") : QStringLiteral("delivery_note"))
                    .arg(i)
                    .arg(QLatin1String(fields[i % 5]));
    window.previewPanel()->setInputText(QStringLiteral(
        R"({"customer": {"name": "Ada", "email": "ada@example.com"}, "order": {"id": 7, "total": 12.5, "currency": "EUR"}})"));
    window.editor()->setPlainText(text);
    studio::VisualMappingPanel* panel = window.visualMappingPanel();
    window.sideTabs()->setCurrentWidget(panel);
    QSignalSpy refreshed(panel, &studio::VisualMappingPanel::refreshed);
    QElapsedTimer clock;
    clock.start();
    while (panel->rules().size() != 3000 || panel->links().size() != 3000) {
        if (clock.elapsed() > 60000)
            return false;
        refreshed.clear();
        panel->refreshSoon(0);
        refreshed.wait(20000);
    }
    // Ten refreshes, each asked by `ask(round)`: the time to the tab shown and drawn.
    std::vector<double> shown;
    std::vector<double> worker;
    const auto rounds = [&](const auto& ask) {
        shown.clear();
        worker.clear();
        app.reset();
        app.recording = true;
        for (int round = 0; round < 10; ++round) {
            refreshed.clear();
            QElapsedTimer timer;
            timer.start();
            ask(round);
            if (!refreshed.wait(20000))
                return false;
            panel->repaint();   // the trees and the lines drawn
            shown.push_back(double(timer.nsecsElapsed()) / 1e6);
            worker.push_back(double(panel->lastLineageUs()) / 1000);
            QTest::qWait(50);
        }
        app.recording = false;
        return true;
    };
    if (!rounds([panel](int) { panel->refreshSoon(0); }))
        return false;
    std::printf("\nVisual Mapping at 3,000 rules (%zu lines drawn of %zu, first view):\n", std::size_t(panel->visibleLineCount()),
                panel->drawnLinks().size());
    std::printf("  lineage asked -> shown, targets unchanged: median %.1f ms, max %.1f ms (lineage in the worker: median %.1f ms)\n",
                percentile(shown, 0.5), percentile(shown, 1.0), percentile(worker, 0.5));
    printLongestEvents(app);

    // A rule added at the end, then removed: the target tree is made anew each time.
    const bool added = rounds([&window](int round) {
        QTextCursor cursor(window.editor()->document());
        cursor.movePosition(QTextCursor::End);
        if (round % 2 == 0) {
            cursor.insertText(QStringLiteral("extra <- .order.id\n"));
        } else {
            cursor.movePosition(QTextCursor::PreviousBlock, QTextCursor::KeepAnchor);
            cursor.removeSelectedText();
        }
    });
    if (!added)
        return false;
    std::printf("  a rule added or removed -> shown (with the 250 ms pause after typing): median %.1f ms, max %.1f ms\n",
                percentile(shown, 0.5), percentile(shown, 1.0));
    printLongestEvents(app);

    app.reset();
    app.recording = true;
    const QString filter = QStringLiteral("section_17.billing");
    for (const QChar c : filter) {
        QTest::keyClicks(panel->filterEdit(), QString(c));
        QTest::qWait(30);
    }
    QTest::qWait(300);
    const QString filtered = panel->ruleCountText();
    QTest::keyClick(panel->filterEdit(), Qt::Key_Escape);
    QTest::qWait(300);
    app.recording = false;
    std::printf("  typing a filter (\"%s\": %s) and clearing it:\n", qPrintable(filter), qPrintable(filtered));
    printLongestEvents(app);

    panel->expandAll();
    QTest::qWait(300);
    app.reset();
    app.recording = true;
    panel->targetTree()->setFocus();
    for (int i = 0; i < 60; ++i) {
        QTest::keyClick(panel->targetTree(), Qt::Key_PageDown);
        QTest::qWait(10);
    }
    app.recording = false;
    std::printf("  paging through the expanded targets (%d lines drawn in the last view, %zu in all):\n",
                panel->paintedLineCount(), panel->drawnLinks().size());
    printLongestEvents(app);
    window.sideTabs()->setCurrentIndex(0);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--cold-start") == 0)
        return coldStartChild(argc, argv);

    InstrumentedApp app(argc, argv);
    app.listEvents = QCoreApplication::arguments().contains(QStringLiteral("--events"));
    studio::setupApplication(app, QStringLiteral("en"));
    QStandardPaths::setTestModeEnabled(true);
    if (const qsizetype at = QCoreApplication::arguments().indexOf(QStringLiteral("--corpus")); at > 0)
        return corpusBench(app, QCoreApplication::arguments().value(at + 1, QStringLiteral("1000000")).toInt());

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
    std::printf("mapping: %lld lines; input: %lld bytes; output: %lld lines, %lld characters; V1 %s, V2 %s, "
                "%d difference(s)\n",
                qlonglong(mapping.count(QLatin1Char('\n'))), qlonglong(input.toUtf8().size()),
                qlonglong(first.v2.rendered.text.count(QLatin1Char('\n')) + 1),
                qlonglong(first.v2.rendered.text.size()),
                first.v1.state == studio::RunState::Ok ? "ok" : "not ok",
                first.v2.state == studio::RunState::Ok ? "ok" : "not ok", window.previewPanel()->differenceCount());

    QString typedMapping = mapping;
    const auto type = [&](const char* title, const QString& anchor, Qt::Key key) {
        // A keystroke after `anchor` in the middle of the document, then one that undoes it.
        const qsizetype at = typedMapping.indexOf(anchor, typedMapping.size() / 2);
        if (at < 0)
            return false;
        std::vector<double> toProblems;
        std::vector<double> toPreview;
        app.reset();
        app.recording = true;
        const double cpu0 = processCpuMs();
        QElapsedTimer wall;
        wall.start();
        constexpr int kRounds = 20;
        for (int round = 0; round < kRounds; ++round) {
            problems.clear();
            previews.clear();
            QTextCursor cursor = window.editor()->textCursor();
            cursor.setPosition(int(at + anchor.size() + (round % 2)));
            window.editor()->setTextCursor(cursor);
            QElapsedTimer timer;
            timer.start();
            QTest::keyClick(window.editor(), round % 2 == 0 ? key : Qt::Key_Backspace);
            if (problems.isEmpty() && !problems.wait(5000))
                return false;
            toProblems.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (previews.isEmpty() && !previews.wait(10000))
                return false;
            toPreview.push_back(double(timer.nsecsElapsed()) / 1e6);
            QTest::qWait(50);
        }
        app.recording = false;
        const double wallMs = double(wall.nsecsElapsed()) / 1e6;
        const double cpuMs = processCpuMs() - cpu0;
        if (window.editor()->toPlainText() != typedMapping) {
            std::fprintf(stderr, "the keystrokes did not undo each other\n");
            return false;
        }

        std::printf("\n%s (%d keystrokes; process CPU %.0f ms over %.0f ms wall, %.2f cores):\n", title, kRounds,
                    cpuMs, wallMs, cpuMs / wallMs);
        std::printf("  keystroke -> problems: median %.1f ms, p95 %.1f ms, max %.1f ms (budget 150 ms)\n",
                    percentile(toProblems, 0.5), percentile(toProblems, 0.95), percentile(toProblems, 1.0));
        std::printf("  keystroke -> preview:  median %.1f ms, p95 %.1f ms, max %.1f ms (budget 300 ms)\n",
                    percentile(toPreview, 0.5), percentile(toPreview, 0.95), percentile(toPreview, 1.0));
        std::printf("  longest UI-thread event, wall: %.1f ms (CPU %.1f ms; %s); budget 16 ms\n", app.byWall.wallMs,
                    app.byWall.cpuMs, app.byWall.what.c_str());
        std::printf("  longest UI-thread event, CPU:  %.1f ms (wall %.1f ms; %s)\n", app.byCpu.cpuMs, app.byCpu.wallMs,
                    app.byCpu.what.c_str());
        std::printf("  events over 16 ms: %d wall, %d CPU, of %d\n", app.over16Wall, app.over16Cpu, app.events);
        std::vector<std::pair<double, std::string>> kinds;
        for (const auto& [what, ms] : app.maxCpuByKind)
            kinds.emplace_back(ms, what);
        std::sort(kinds.rbegin(), kinds.rend());
        std::printf("  most UI-thread CPU in one event:");
        for (std::size_t i = 0; i < kinds.size() && i < 4; ++i)
            std::printf("%s %s %.1f ms", i ? "," : "", kinds[i].second.c_str(), kinds[i].first);
        const auto& last = window.previewPanel()->result();
        std::printf("\n  last preview: V1 %.1f ms, V2 %.1f ms (engine times), whole preview %.1f ms\n",
                    double(last.v1.elapsedUs) / 1000, double(last.v2.elapsedUs) / 1000, double(last.totalUs) / 1000);
        return true;
    };
    std::printf("load average before typing: %s\n", qPrintable(loadAverage()));
    // A space after an arrow: the output stays as it was.
    if (!type("keystrokes that leave the output as it was (a space after an arrow)", QStringLiteral("<-"),
              Qt::Key_Space))
        return 1;
    // A letter inside the "-" of a label: one value of both outputs changes each time.
    if (!type("keystrokes that change the output (a letter in a string)", QStringLiteral("\"-"), Qt::Key_X))
        return 1;
    // The same with a large output: two more rules copy the 1 MB input's items, so each
    // output is a text of over 100,000 lines (drawn by the lines in view: largetextview.h).
    typedMapping = mapping + QStringLiteral("out.all <- .items\nout.again <- .items\n");
    previews.clear();
    window.editor()->setPlainText(typedMapping);
    if (!previews.wait(20000))
        return 1;
    QTest::qWait(500);
    std::printf("\nwith a large output: %lld lines, %lld characters\n",
                qlonglong(window.previewPanel()->result().v2.rendered.text.count(QLatin1Char('\n')) + 1),
                qlonglong(window.previewPanel()->result().v2.rendered.text.size()));
    if (!type("keystrokes that change a large output (a letter in a string)", QStringLiteral("\"-"), Qt::Key_X))
        return 1;
    // A mapping of 3,000 rules, typed in, with the same 1 MB input.
    const QString longMapping = bigMapping(3000);
    typedMapping = longMapping;
    previews.clear();
    window.editor()->setPlainText(typedMapping);
    if (!previews.wait(20000))
        return 1;
    QTest::qWait(500);
    std::printf("\nwith a mapping of %lld lines (3,000 rules)\n", qlonglong(longMapping.count(QLatin1Char('\n'))));
    if (!type("keystrokes in a 3,000-rule mapping (a letter in a string)", QStringLiteral("\"-"), Qt::Key_X))
        return 1;
    if (!visualMappingBench(app, window))
        return 1;

    // A 50 MB sample input pasted into the input: the longest UI-thread event until it is
    // shown and until the preview ran on it.
    {
        const QString huge = bigInput(50 << 20);
        window.editor()->setPlainText(QStringLiteral("mapping \"count\" version 2\nn <- count(.items)\n"));
        if (!previews.wait(20000))
            return 1;
        QTest::qWait(500);
        window.previewPanel()->setInputText(QStringLiteral("{}"));   // back in the text editor
        QApplication::clipboard()->setText(huge);
        window.previewPanel()->inputView()->setFocus();
        window.previewPanel()->inputView()->selectAll();
        previews.clear();
        app.reset();
        app.recording = true;
        QElapsedTimer timer;
        timer.start();
        QTest::keyClick(window.previewPanel()->inputView(), Qt::Key_V, Qt::ControlModifier);
        while (!window.previewPanel()->inputPane()->showsLarge() && timer.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        const double shownMs = double(timer.nsecsElapsed()) / 1e6;
        while (!window.previewPanel()->result().v2.rendered.text.contains(QStringLiteral("\"n\": ")) || previews.isEmpty()) {
            if (timer.elapsed() > 120000)
                return 1;
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        }
        const double previewMs = double(timer.nsecsElapsed()) / 1e6;
        // Scrolling through it: a page down, forty times.
        for (int i = 0; i < 40; ++i)
            QTest::keyClick(window.previewPanel()->inputPane()->largeView(), Qt::Key_PageDown);
        QTest::qWait(200);
        app.recording = false;
        std::printf("\npasting a %.1f MB sample input (%d lines): shown after %.0f ms, preview after %.0f ms\n",
                    double(huge.size()) / (1 << 20), window.previewPanel()->inputPane()->largeView()->text()->lineCount(),
                    shownMs, previewMs);
        std::printf("  longest UI-thread event, wall: %.1f ms (CPU %.1f ms; %s); budget 16 ms\n", app.byWall.wallMs,
                    app.byWall.cpuMs, app.byWall.what.c_str());
        std::printf("  longest UI-thread event, CPU:  %.1f ms (wall %.1f ms; %s)\n", app.byCpu.cpuMs, app.byCpu.wallMs,
                    app.byCpu.what.c_str());
        std::printf("  events over 16 ms: %d wall, %d CPU, of %d\n", app.over16Wall, app.over16Cpu, app.events);
    }
    // Stepping through a recording of the 50 MB input, as a held step key does (a step every
    // 30 ms), with a watch: the longest UI-thread event until the last step's views are shown.
    {
        QString steps = QStringLiteral("mapping \"steps\" version 2\nn <- count(.items)\n");
        for (int i = 0; i < 40; ++i)
            steps += QStringLiteral("r%1 <- .items[%1].sku\n").arg(i);
        window.editor()->setPlainText(steps);
        studio::DebuggerPanel* panel = window.debuggerPanel();
        auto* debugger = static_cast<studio::RecordingDebugger*>(panel->debugger());
        panel->setWatches({QStringLiteral("count(.items)")});
        window.recordDebugRun(false);
        QElapsedTimer recordTimer;
        recordTimer.start();
        while ((!debugger->state().recorded || debugger->isBusy()) && recordTimer.elapsed() < 180000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        if (!debugger->state().recorded)
            return 1;
        const double recordedMs = double(recordTimer.nsecsElapsed()) / 1e6;
        debugger->waitForViews();
        app.reset();
        app.recording = true;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 50; ++i) {
            panel->action(i < 40 ? studio::DebugAction::StepInto : studio::DebugAction::StepBack)->trigger();
            QTest::qWait(30);
        }
        while ((debugger->state().viewsPending || debugger->state().watchesPending) && timer.elapsed() < 120000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        const double doneMs = double(timer.nsecsElapsed()) / 1e6;
        app.recording = false;
        std::printf("\nstepping through a recording of a 50 MB input (recorded in %.0f ms): 50 steps, the last "
                    "step's views shown %.0f ms after the first step\n", recordedMs, doneMs);
        std::printf("  longest UI-thread event, wall: %.1f ms (CPU %.1f ms; %s); budget 16 ms\n", app.byWall.wallMs,
                    app.byWall.cpuMs, app.byWall.what.c_str());
        std::printf("  longest UI-thread event, CPU:  %.1f ms (wall %.1f ms; %s)\n", app.byCpu.cpuMs, app.byCpu.wallMs,
                    app.byCpu.what.c_str());
        std::printf("  events over 16 ms: %d wall, %d CPU, of %d\n", app.over16Wall, app.over16Cpu, app.events);
        panel->setWatches({});
    }
    std::printf("\nload average after typing: %s\n", qPrintable(loadAverage()));

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
    std::printf("\ncold start to a usable window with the example: median %.0f ms, max %.0f ms (budget 1000 ms)\n",
                percentile(starts, 0.5), percentile(starts, 1.0));
    window.editor()->document()->setModified(false);
    return 0;
}
