// The preview's outputs: production's answer taken from the two dry-runs the preview makes,
// the same as the engine's routed dry-run gives; output documents built off the UI thread and
// coloured exactly as a JSON view colours the text itself; and the views, which swap such a
// document in only when the text changed and mark the differences on whatever they show.

#include "testmain.h"

#include "jsontext.h"
#include "jsonview.h"
#include "mappingbackend.h"
#include "previewpanel.h"
#include "previewviewmodel.h"
#include "studioapp.h"
#include "studiotest.h"
#include "syntaxrepository.h"

#include "mdsl/engine.h"
#include "mdsl/jsondiff.h"

#include <QApplication>
#include <QLabel>
#include <QPointer>
#include <QRandomGenerator>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace studio;

namespace {

QString resourceText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/// How each character of a document is coloured: foreground, background, bold, italic.
QStringList characterLooks(const QTextDocument& document)
{
    QStringList looks;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        QStringList line(block.length() - 1, QStringLiteral("plain"));
        for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
            const QString look = QStringLiteral("%1/%2/%3/%4")
                                     .arg(range.format.foreground().color().name(QColor::HexArgb),
                                          range.format.hasProperty(QTextFormat::BackgroundBrush)
                                              ? range.format.background().color().name(QColor::HexArgb)
                                              : QStringLiteral("-"))
                                     .arg(range.format.fontWeight())
                                     .arg(range.format.fontItalic());
            for (int i = range.start; i < range.start + range.length && i < line.size(); ++i)
                line[i] = look;
        }
        looks.append(QString::number(block.blockNumber()) + QLatin1Char(':') + line.join(QLatin1Char(' ')));
    }
    return looks;
}

/// The same text coloured by a JSON view's own highlighter (KSyntaxHighlighting, UI thread).
QStringList looksInAView(const QString& text)
{
    JsonView view;
    view.setJsonText(text);
    return characterLooks(*view.document());
}

/// A JSON value of every kind: escapes, Unicode, numbers of every shape, empty containers.
mdsl::Json randomJson(QRandomGenerator& random, int depth)
{
    static const char* const strings[] = {"plain", "quote \" and backslash \\", "line\nbreak\ttab", "José ünïcödé",
                                          "emoji 😀", "control \x01", "slash /", "", "{not: [json]}", "true"};
    static const double doubles[] = {0.5, -0.0, 1e100, 1.5e-7, 100.0, 3.14159, -2.5, 1e-300, 123456789.125};
    const int kind = depth > 3 ? int(random.bounded(6)) : int(random.bounded(8));
    switch (kind) {
    case 0:
        return nullptr;
    case 1:
        return random.bounded(2) == 0;
    case 2:
        return qint64(random.bounded(2000)) - 1000;
    case 3:
        return doubles[random.bounded(int(std::size(doubles)))];
    case 4:
    case 5:
        return strings[random.bounded(int(std::size(strings)))];
    case 6: {
        mdsl::Json array = mdsl::Json::array();
        for (int i = int(random.bounded(4)); i > 0; --i)
            array.push_back(randomJson(random, depth + 1));
        return array;
    }
    default: {
        mdsl::Json object = mdsl::Json::object();
        for (int i = int(random.bounded(4)); i > 0; --i)
            object[strings[random.bounded(int(std::size(strings)))]] = randomJson(random, depth + 1);
        return object;
    }
    }
}

std::shared_ptr<PreviewResult> previewOf(const mdsl::Json& v1, const mdsl::Json& v2)
{
    auto result = std::make_shared<PreviewResult>();
    for (auto [run, output] : {std::pair{&result->v1, &v1}, std::pair{&result->v2, &v2}}) {
        run->state = RunState::Ok;
        run->output = *output;
        run->rendered = renderJson(*output);
        run->rendered.document = buildJsonDocument(run->rendered.text, currentJsonStyle());
    }
    result->production.engine = QStringLiteral("v2");
    result->production.state = RunState::Ok;
    result->patch = mdsl::jsonPatch(v1, v2);
    return result;
}

mdsl::Json orders(int count, const char* status)
{
    mdsl::Json out = {{"orders", mdsl::Json::array()}};
    for (int i = 0; i < count; ++i)
        out["orders"].push_back({{"id", i}, {"status", status}, {"lines", {{{"sku", "A"}, {"qty", i % 5}}}}});
    return out;
}

} // namespace

class TestPreview : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setupApplication(*qApp, QStringLiteral("en"));
        studiotest::isolateUserData();
    }

    void productionAnswerIsTheRoutedDryRun()
    {
        struct Case {
            const char* name;
            QString mapping;
            QString input;
        };
        const QString v1Example = resourceText(QStringLiteral(":/examples/customer-v1.mdsl"));
        const QList<Case> cases = {
            {"V1 document", v1Example, resourceText(QStringLiteral(":/examples/customer-v1.input.json"))},
            {"V2 document with JSONPath", resourceText(QStringLiteral(":/examples/order-export.mdsl")),
             resourceText(QStringLiteral(":/examples/order-export.input.json"))},
            {"runtime error, no version", QStringLiteral("mapping \"s\"\na <- 1 / 0\nd <- .id\n"),
             QStringLiteral(R"({"id": 42})")},
            {"syntax error", QStringLiteral("mapping \"s\" version 1\na <- \n"), QStringLiteral("{}")},
        };
        QVERIFY(!v1Example.isEmpty() && !cases.at(1).mapping.isEmpty());
        const std::shared_ptr<MappingBackend> backend = makeEngineBackend();
        QSet<QString> seen;
        for (const Case& c : cases) {
            const mdsl::Json input = mdsl::Json::parse(c.input.toStdString());
            // Every combination of the flags that decide routing and validity.
            for (int bits = 0; bits < 16; ++bits) {
                mdsl::Flags flags;
                flags.set(mdsl::Flag::V2Enabled, bits & 1);
                flags.set(mdsl::Flag::V1Fallback, bits & 2);
                flags.set(mdsl::Flag::V2Default, bits & 4);
                flags.set(mdsl::Flag::V2JsonPath, bits & 8);
                const std::string text = c.mapping.toStdString();
                mdsl::RunOptions options;
                options.pinnedNowMs = 0;
                const mdsl::PreparedMapping prepared = mdsl::prepare(text, mdsl::Route::V2Routed, flags);
                const mdsl::RunResult served = mdsl::dryRun(prepared, input, options);
                // The V1 side on the same text, or pinned to another mapping.
                for (const bool pinned : {false, true}) {
                    PreviewRequest request;
                    request.text = c.mapping;
                    request.leftText = pinned ? v1Example : c.mapping;
                    request.input = c.input;
                    request.flags = flags;
                    request.pinnedNowMs = 0;
                    const PreviewResult result = backend->preview(request);
                    const QString where = QStringLiteral("%1, flags %2%3").arg(QLatin1String(c.name)).arg(bits).arg(
                        pinned ? QStringLiteral(", V1 pinned") : QString());
                    QVERIFY2(result.inputError.isEmpty(), qPrintable(where));
                    QCOMPARE(result.production.engine.toStdString(), std::string(mdsl::engineName(served.engine)));
                    QCOMPARE(result.production.fallback, served.fallback);
                    QVERIFY2(result.production.state == runStateOf(served.status), qPrintable(where));
                    seen.insert(result.production.engine + (result.production.fallback ? QStringLiteral(" fallback ")
                                                                                          : QStringLiteral(" "))
                                + QString::number(int(result.production.state)));
                }
            }
        }
        // The cases reach every answer: either engine ok, failed or invalid, and fallbacks to a
        // V1 that failed or refused the document (V2 runs every document V1 runs).
        for (const char* answer : {"v2 1", "v2 2", "v2 3", "v1 1", "v1 2", "v1 3", "v1 fallback 2", "v1 fallback 3"})
            QVERIFY2(seen.contains(QLatin1String(answer)), answer);
    }

    void renderingWalksWithoutRecursion()
    {
        // The printed text is JSON's own two-space layout, and each value's lines are noted.
        QRandomGenerator random(20261207);
        for (int i = 0; i < 40; ++i) {
            const mdsl::Json json = randomJson(random, 0);
            QCOMPARE(renderJson(json).text, QString::fromStdString(json.dump(2)));
        }
        const RenderedJson keyed = renderJson(mdsl::Json::parse(R"({"a/b": {"c~d": [1, {"e": null}]}})"));
        QCOMPARE(keyed.lines.value(QStringLiteral("/a~1b/c~0d/1/e")), qMakePair(5, 5));
        QCOMPARE(keyed.lines.value(QStringLiteral("/a~1b")), qMakePair(1, 8));
        QCOMPARE(keyed.lines.value(QString()), qMakePair(0, 9));
        // A sample input 10,000 levels deep is printed, not a stack overflow.
        const int depth = 10'000;
        const mdsl::Json deep = mdsl::Json::parse(std::string(depth, '[') + std::string(depth, ']'));
        const RenderedJson rendered = renderJson(deep);
        QCOMPARE(rendered.text.count(QLatin1Char('\n')), 2 * (depth - 1));
        QString innermost;
        for (int i = 1; i < depth; ++i)
            innermost += QStringLiteral("/0");
        QCOMPARE(rendered.lines.value(innermost), qMakePair(depth - 1, depth - 1));
    }

    void outputDocumentsAreColouredAsAViewColoursJson()
    {
        QRandomGenerator random(20261124);
        JsonColourer colourer;   // reused: its memory of the last text's lines must not show
        for (int i = 0; i < 60; ++i) {
            const QString text = renderJson(randomJson(random, 0)).text;
            const SharedTextDocument document = buildJsonDocument(text, currentJsonStyle(), &colourer);
            QCOMPARE(document->toPlainText(), text);
            QCOMPARE(jsonDocumentTheme(*document), themeForPalette(QApplication::palette()).name());
            QCOMPARE(characterLooks(*document), looksInAView(text));
        }
        // A text that changed in one line: coloured from the last one's lines, still the same.
        const QString before = renderJson(orders(50, "open")).text;
        const QString after = QString(before).replace(QStringLiteral("\"qty\": 3"), QStringLiteral("\"qty\": \"3\""));
        QVERIFY(after != before);
        buildJsonDocument(before, currentJsonStyle(), &colourer);
        QCOMPARE(characterLooks(*buildJsonDocument(after, currentJsonStyle(), &colourer)), looksInAView(after));
        // Too large to colour: plain, as the view shows it.
        const QString large = renderJson(orders(4000, "open")).text;
        QVERIFY(large.size() > kJsonHighlightLimit);
        const SharedTextDocument plain = buildJsonDocument(large, currentJsonStyle(), &colourer);
        QVERIFY(jsonDocumentTheme(*plain).isEmpty());
        QVERIFY(plain->firstBlock().layout()->formats().isEmpty());
    }

    void viewsSwapDocumentsOnlyWhenTheTextChanges()
    {
        PreviewPanel panel;
        panel.resize(900, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        std::shared_ptr<PreviewResult> first = previewOf(orders(300, "open"), orders(300, "OPEN"));
        panel.setResult(first);
        QCOMPARE(panel.v1View()->document(), first->v1.rendered.document.get());
        QCOMPARE(panel.v2View()->document(), first->v2.rendered.document.get());
        QCOMPARE(panel.v2View()->toPlainText(), first->v2.rendered.text);
        QCOMPARE(panel.differenceCount(), 300);

        // The same outputs again, in new documents: the views keep the ones they show.
        panel.setResult(previewOf(orders(300, "open"), orders(300, "OPEN")));
        QCOMPARE(panel.v1View()->document(), first->v1.rendered.document.get());
        QCOMPARE(panel.v2View()->document(), first->v2.rendered.document.get());

        // Differences are marked in the document shown, one selection per value.
        panel.nextDifference();
        JsonView* v2 = panel.v2View();
        QCOMPARE(v2->extraSelections().size(), v2->markedLines().size());
        for (const QTextEdit::ExtraSelection& s : v2->extraSelections())
            QCOMPARE(s.cursor.document(), v2->document());

        // A changed output is swapped in; the marks move to its document.
        std::shared_ptr<PreviewResult> second = previewOf(orders(300, "open"), orders(301, "OPEN"));
        panel.setResult(second);
        QCOMPARE(v2->document(), second->v2.rendered.document.get());
        QCOMPARE(v2->toPlainText(), second->v2.rendered.text);
        QVERIFY(!v2->extraSelections().isEmpty());
        for (const QTextEdit::ExtraSelection& s : v2->extraSelections())
            QCOMPARE(s.cursor.document(), v2->document());

        // A document nobody shows or holds is freed (later, in an event of its own).
        QPointer<QTextDocument> old = first->v2.rendered.document.get();
        first.reset();
        QTRY_VERIFY(old.isNull());

        // Production's recorded output on the left: a document of the view's own.
        mdsl::ReproProduction production;
        production.output = orders(2, "open");
        panel.setProductionOutput(std::make_shared<const mdsl::ReproProduction>(production), mdsl::Route::V2Routed);
        QVERIFY(!panel.v1View()->sharedDocument());
        QCOMPARE(panel.v1View()->toPlainText(), renderJson(orders(2, "open")).text);
        panel.setProductionOutput(nullptr, mdsl::Route::V2Routed);
        QCOMPARE(panel.v1View()->document(), second->v1.rendered.document.get());
    }

    void theViewModelSaysWhatThePanelShows()
    {
        // Computed from a result alone, no panel: a user's reading of each line.
        mdsl::Json changed = orders(2, "open");
        changed["orders"][1]["status"] = "OPEN";
        changed["orders"][0].erase("status");
        const std::shared_ptr<PreviewResult> result = previewOf(orders(2, "open"), changed);
        result->v2.state = RunState::Failed;
        result->v2.elapsedUs = 1500;
        PreviewViewInput in{result.get(), true, false, nullptr, QStringLiteral("/tmp/old.mdsl")};
        PreviewViewModel view = makePreviewViewModel(in);
        QCOMPARE(view.left.title.text, QStringLiteral("V1 engine on old.mdsl"));
        QCOMPARE(view.right.statusLine(), QStringLiteral("V2 engine · failed · 1.5 ms"));
        QCOMPARE(view.productionLine(), QStringLiteral("Production serves V2 — ok"));
        QCOMPARE(view.comparison, QStringLiteral("Differences: 2"));
        QCOMPARE(view.differenceTexts(), QStringList({QStringLiteral("/orders/0/status — V1: \"open\" · V2: missing"),
                                                      QStringLiteral("/orders/1/status — V1: \"open\" · V2: \"OPEN\"")}));
        QVERIFY(!view.verdict);

        // Running again: the last answer stays, marked as updating; before any answer, running.
        in.running = true;
        QVERIFY(makePreviewViewModel(in).right.statusLine().endsWith(QStringLiteral("· updating…")));
        const PreviewResult none;
        const PreviewViewModel first = makePreviewViewModel({&none, false, true, nullptr, QString()});
        QCOMPARE(first.left.statusLine(), QStringLiteral("V1 engine · running…"));
        QCOMPARE(first.productionLine(), QStringLiteral("Running…"));
        QVERIFY(first.comparison.isEmpty());

        // The panel renders the view-model: the same words, the strong part in bold.
        PreviewPanel panel;
        panel.setPinned(QStringLiteral("/tmp/old.mdsl"), QStringLiteral("mapping \"old\" version 1\n"));
        panel.setResult(result);
        QCOMPARE(panel.view().differenceTexts(), view.differenceTexts());
        QCOMPARE(panel.view().left.title.text, view.left.title.text);
        panel.setBanner({Phrase{QStringLiteral("Repro bundle a<b>.mdslrepro"), QStringLiteral("Repro bundle")},
                         Phrase{QStringLiteral("engine 0.1"), QString(), true}});
        QCOMPARE(panel.view().bannerText(), QStringLiteral("Repro bundle a<b>.mdslrepro · engine 0.1"));
        const QList<QLabel*> labels = panel.findChildren<QLabel*>();
        const auto shows = [&labels](const QString& html) {
            return std::any_of(labels.begin(), labels.end(), [&html](const QLabel* l) { return l->text() == html; });
        };
        QVERIFY(shows(QStringLiteral("<b>V1 engine</b> on old.mdsl")));
        QVERIFY(shows(QStringLiteral("<b>Repro bundle</b> a&lt;b&gt;.mdslrepro · <span style='color:#b3261e'>engine 0.1</span>")));
    }

    void aMarkedValueIsOneSelectionOverItsLines()
    {
        PreviewPanel panel;
        panel.resize(900, 700);
        panel.show();
        // The second order is replaced by an array: one difference, a value of many lines.
        mdsl::Json changed = orders(3, "open");
        changed["orders"][1] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        panel.setResult(previewOf(orders(3, "open"), changed));
        QCOMPARE(panel.differenceCount(), 1);
        panel.nextDifference();
        JsonView* v2 = panel.v2View();
        QCOMPARE(v2->markedLines().size(), 1);
        const auto [first, last] = v2->markedLines().first();
        QVERIFY(last - first >= 8);
        QCOMPARE(v2->extraSelections().size(), 1);
        const QTextCursor cursor = v2->extraSelections().first().cursor;
        QCOMPARE(cursor.selectionStart(), v2->document()->findBlockByNumber(first).position());
        const QTextBlock end = v2->document()->findBlockByNumber(last);
        QCOMPARE(cursor.selectionEnd(), end.position() + end.length());   // its line end too
        QTest::qWait(50);   // the labels' new sizes are laid out by posted events
        studiotest::screenshot(&panel, QStringLiteral("preview-marked-object"));
    }

    void aPaletteChangeColoursTheShownDocumentAgain()
    {
        PreviewPanel panel;
        panel.show();
        std::shared_ptr<PreviewResult> result = previewOf(orders(5, "open"), orders(5, "OPEN"));
        panel.setResult(result);
        const QString initial = jsonDocumentTheme(*panel.v2View()->document());
        QVERIFY(!initial.isEmpty());
        applyTheme(ThemeChoice::Dark);
        const QString dark = themeForPalette(QApplication::palette()).name();
        QVERIFY(dark != initial);
        QTRY_COMPARE(jsonDocumentTheme(*panel.v2View()->document()), dark);
        QCOMPARE(characterLooks(*panel.v2View()->document()), looksInAView(result->v2.rendered.text));
        QTest::qWait(50);
        studiotest::screenshot(&panel, QStringLiteral("preview-dark"));
        applyTheme(ThemeChoice::FollowDesktop);
        QTRY_COMPARE(jsonDocumentTheme(*panel.v2View()->document()), initial);
    }
};

MDSL_TEST_MAIN(TestPreview)
#include "test_preview.moc"
