// analyze() (mdsl/analysis.h): one parse of a text version answers every question a client
// asks — diagnostics of each engine and form, compiled mappings, routing, outline, lineage —
// with the same answers as the operations that parse on their own.

#include "testmain.h"

#include "enginetest.h"

#include "mdsl/analysis.h"
#include "mdsl/validate.h"

#include <QTest>

#include <thread>

using mdsl::EngineKind;
using mdsl::Json;
using mdsl::Route;

namespace {

constexpr const char* kOrderMapping = R"(mapping "order" version 2
# the order
let who = .customer.name
table codes = { "FR": "France" }
order {
  id <- .id
  name <- upper(who)
  lines[] <- each .items as item {
    sku <- .sku
    when .qty > 1 {
      bulk <- true
    }
  }
}
country <- lookup(codes, .country)
)";

const Json kOrderInput = Json::parse(R"({"id": 7, "customer": {"name": "ada"}, "country": "FR",
    "items": [{"sku": "a", "qty": 2}, {"sku": "b", "qty": 1}]})");

std::string codesOf(const std::vector<mdsl::Diagnostic>& diagnostics)
{
    std::string out;
    for (const mdsl::Diagnostic& d : diagnostics)
        out += (out.empty() ? "" : " ") + d.code + "@" + std::to_string(d.range.start.line);
    return out;
}

mdsl::Flags withFlag(mdsl::Flag flag, bool on)
{
    mdsl::Flags flags;
    flags.set(flag, on);
    return flags;
}

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

private slots:
    void everyAnswerFromOneParse()
    {
        const std::uint64_t before = mdsl::documentsParsed();
        const mdsl::Analysis analysis = mdsl::analyze(kOrderMapping, mdsl::Flags());
        // Everything a keystroke in the studio asks, and what the command line asks.
        QVERIFY(analysis.syntaxOk());
        QVERIFY(analysis.diagnostics(Route::V2Routed).empty());
        QCOMPARE(codesOf(analysis.diagnostics(Route::V1Only)), std::string("E303@1"));
        QVERIFY(analysis.compiled(EngineKind::V2).ok());
        QVERIFY(!analysis.compiled(EngineKind::V1).ok());
        QCOMPARE(analysis.languageVersion(EngineKind::V2), 2);
        QVERIFY(!analysis.outline().empty());
        QVERIFY(!analysis.lineage().empty());
        const mdsl::RunResult run = mdsl::dryRun(analysis.prepared(Route::V2Routed), kOrderInput, {});
        QCOMPARE(mdsl::statusName(run.status), std::string_view("ok"));
        QCOMPARE(mdsl::documentsParsed() - before, std::uint64_t{1});
        // Asked again: made once, the same objects.
        QCOMPARE(&analysis.lineage(), &analysis.lineage());
        QCOMPARE(&analysis.compiled(EngineKind::V2), &analysis.compiled(EngineKind::V2));
        QCOMPARE(mdsl::documentsParsed() - before, std::uint64_t{1});
        // The operations that parse on their own parse again (once each).
        (void)mdsl::compile(kOrderMapping, EngineKind::V2, mdsl::Flags());
        QCOMPARE(mdsl::documentsParsed() - before, std::uint64_t{2});
    }

    void prepareParsesOnceForBothEngines()
    {
        const std::uint64_t before = mdsl::documentsParsed();
        (void)mdsl::prepare(kOrderMapping, Route::V2Routed, mdsl::Flags());   // V2 and the V1 fallback
        QCOMPARE(mdsl::documentsParsed() - before, std::uint64_t{1});
    }

    void sameAnswersAsTheOperations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("flagOff");   // -1: all on
        QTest::newRow("version 2") << QString::fromUtf8(kOrderMapping) << -1;
        QTest::newRow("version 2, V2 off") << QString::fromUtf8(kOrderMapping) << int(mdsl::Flag::V2Enabled);
        QTest::newRow("version 2, no fallback") << QString::fromUtf8(kOrderMapping) << int(mdsl::Flag::V1Fallback);
        QTest::newRow("no version, default off") << QStringLiteral("a <- .x ?? 1\nb <- .y\n") << int(mdsl::Flag::V2Default);
        QTest::newRow("syntax errors") << QStringLiteral("mapping \"m\" version 2\na <- (\nb <- .y\nb <- .z\n") << -1;
        QTest::newRow("version 1") << QStringLiteral("mapping \"m\" version 1\na.b <- .x\nc <- default(.y, 0)\n") << -1;
        QTest::newRow("empty") << QString() << -1;
    }

    void sameAnswersAsTheOperations()
    {
        QFETCH(QString, text);
        QFETCH(int, flagOff);
        const mdsl::Flags flags = flagOff < 0 ? mdsl::Flags() : withFlag(mdsl::Flag(flagOff), false);
        const std::string utf8 = text.toStdString();
        const mdsl::Analysis analysis = mdsl::analyze(utf8, flags);
        for (const EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
            const mdsl::ValidateOptions options{flags, engine};
            QCOMPARE(codesOf(analysis.diagnostics(engine)), codesOf(mdsl::validate(utf8, options)));
            QCOMPARE(analysis.languageVersion(engine), mdsl::compile(utf8, engine, flags).languageVersion());
        }
        for (const Route route : {Route::V2Routed, Route::V1Only}) {
            QCOMPARE(codesOf(analysis.diagnostics(route)),
                     codesOf(mdsl::compile(utf8, mdsl::routedEngine(route, flags), flags).diagnostics()));
            const mdsl::RunResult ours = mdsl::dryRun(analysis.prepared(route), kOrderInput, {});
            const mdsl::RunResult theirs = mdsl::dryRun(mdsl::prepare(utf8, route, flags), kOrderInput, {});
            QCOMPARE(mdsl::toJson(ours).dump().size() > 0, true);
            Json a = mdsl::toJson(ours);
            Json b = mdsl::toJson(theirs);
            a.erase("stats");
            b.erase("stats");
            if (a.contains("v2_failure"))
                a["v2_failure"].erase("stats"), b["v2_failure"].erase("stats");
            QCOMPARE(a.dump(), b.dump());
            QCOMPARE(mdsl::engineName(analysis.answer(route, mdsl::RunStatus::Failed).engine),
                     mdsl::engineName(mdsl::routedAnswer(route, flags, mdsl::RunStatus::Failed).engine));
        }
    }

    void outlineOfTargetsBlocksAndNames()
    {
        const mdsl::Analysis analysis = mdsl::analyze(kOrderMapping, mdsl::Flags());
        std::string shape;
        for (const mdsl::OutlineEntry& e : analysis.outline()) {
            shape += std::string(mdsl::outlineKindName(e.kind)) + " " + e.name + " " + e.target + " " + e.alias + " ^" +
                     std::to_string(e.parent) + " L" + std::to_string(e.range.start.line) + "-" +
                     std::to_string(e.range.end.line) + "\n";
        }
        QCOMPARE(shape, std::string("let who   ^-1 L3-3\n"
                                    "table codes   ^-1 L4-4\n"
                                    "object order /order  ^-1 L5-14\n"
                                    "rule id /order/id  ^2 L6-6\n"
                                    "rule name /order/name  ^2 L7-7\n"
                                    "array lines /order/lines item ^2 L8-13\n"
                                    "rule sku /order/lines/*/sku  ^5 L9-9\n"
                                    "when    ^5 L10-12\n"
                                    "rule bulk /order/lines/*/bulk  ^7 L11-11\n"
                                    "rule country /country  ^-1 L15-15\n"));
        // Names are positioned where they are written: the target of a rule, the name of a let.
        const mdsl::OutlineEntry& let = analysis.outline()[0];
        QCOMPARE(let.nameRange.start.column, 5);
        QCOMPARE(let.nameRange.end.column, 8);
    }

    void lineageIsTyped()
    {
        const char* text = "mapping \"m\" version 2\nlet n = .customer.\"e-mail\"\nid <- n\n"
                           "lines[] <- each $.items[?@.qty > 0] {\n  sku <- .sku\n  any <- $..sku\n}\n"
                           "firsts[] <- each concat(.a, .b) {\n  x <- .x\n}\n";
        const mdsl::Analysis analysis = mdsl::analyze(text, mdsl::Flags());
        const std::vector<mdsl::LineageEntry>& lineage = analysis.lineage();
        QCOMPARE(lineage.size(), std::size_t{6});
        QCOMPARE(lineage[0].target, std::string("/id"));
        QCOMPARE(lineage[0].sources[0].query, std::string(R"($.customer["e-mail"])"));
        QCOMPARE(lineage[0].sources[0].field->steps.back().name, std::string("e-mail"));
        QCOMPARE(lineage[2].sources[0].query, std::string("$.items[?@.qty > 0].sku"));
        QCOMPARE(lineage[2].sources[0].field->text(), std::string("$.items[*].sku"));
        // Descendants name no one field; neither does a path whose context is not a path.
        QCOMPARE(lineage[3].sources[0].query, std::string("$..sku"));
        QVERIFY(!lineage[3].sources[0].field);
        QCOMPARE(lineage[5].sources[0].query, std::string("@.x"));
        QVERIFY(!lineage[5].sources[0].field);
        QCOMPARE(lineage[2].range.start.line, 5);
    }

    void namesVisibleAtAPlace()
    {
        const std::string text = kOrderMapping;
        const mdsl::Analysis analysis = mdsl::analyze(text, mdsl::Flags());
        auto namesAt = [&](std::string_view marker, std::size_t shift = 0) {
            const std::size_t at = text.find(marker);
            std::string out;
            for (const mdsl::ScopeName& n : analysis.namesAt(std::uint32_t(at + shift))) {
                out += (out.empty() ? "" : " ") + n.name + (n.field ? "=" + n.field->text() : std::string());
                for (const std::string& key : n.keys)
                    out += "[" + key + "]";
            }
            return out;
        };
        // Inside the inner block: the element's name and what it holds, the top-level names.
        QCOMPARE(namesAt("sku <- .sku"), std::string("who=$.customer.name codes[FR] item=$.items[*]"));
        // In the block's header (its source) the element has no name yet.
        QCOMPARE(namesAt("each .items", 5), std::string("who=$.customer.name codes[FR]"));
        // Before a let, it is not defined yet; in its own value neither.
        QCOMPARE(namesAt("let who"), std::string());
        QCOMPARE(namesAt(".customer.name"), std::string());
        QCOMPARE(namesAt("country <-"), std::string("who=$.customer.name codes[FR]"));
        // Past the end of the text: the top-level names.
        QCOMPARE(analysis.namesAt(std::uint32_t(text.size() + 10)).size(), std::size_t{2});
    }

    void referencesOfANameFollowTheScopes()
    {
        const std::string text = R"(mapping "refs" version 2
let who = .customer.name
table codes = { "FR": "France" }
name <- upper(who)
lines[] <- each .items as item {
  let who = item.sku
  sku <- who
  label <- lookup(codes, item.country)
}
again <- who ?? "none"
)";
        const mdsl::Analysis analysis = mdsl::analyze(text, mdsl::Flags());
        auto usesAt = [&](std::string_view marker, std::size_t shift = 0) {
            const auto refs = analysis.referencesAt(std::uint32_t(text.find(marker) + shift));
            if (!refs)
                return std::string("none");
            std::string out = refs->name + "@" + std::to_string(refs->definition.start.line) + ":";
            for (const mdsl::Range& use : refs->uses)
                out += " " + std::to_string(use.start.line) + "." + std::to_string(use.start.column);
            return out;
        };
        // The outer `who` from its definition, a use, and just past a use's end: the inner
        // `who` of the block is another name.
        QCOMPARE(usesAt("who = .customer"), std::string("who@2: 4.15 10.10"));
        QCOMPARE(usesAt("who)"), std::string("who@2: 4.15 10.10"));
        QCOMPARE(usesAt("who)", 3), std::string("who@2: 4.15 10.10"));
        QCOMPARE(usesAt("sku <- who", 7), std::string("who@6: 7.10"));
        // An element name and a table.
        QCOMPARE(usesAt("as item", 3), std::string("item@5: 6.13 8.26"));
        QCOMPARE(usesAt("codes,"), std::string("codes@3: 8.19"));
        // Not on a name: a path, a function, a keyword.
        QCOMPARE(usesAt(".customer"), std::string("none"));
        QCOMPARE(usesAt("upper"), std::string("none"));
        QCOMPARE(usesAt("mapping"), std::string("none"));
        const auto item = analysis.referencesAt(std::uint32_t(text.find("as item") + 3));
        QVERIFY(item);
        QCOMPARE(item->kind, mdsl::NameKind::Element);
        QCOMPARE(item->definition.end.offset - item->definition.start.offset, 4u);
    }

    void sharedAcrossThreads()
    {
        const std::uint64_t before = mdsl::documentsParsed();
        const mdsl::Analysis analysis = mdsl::analyze(kOrderMapping, mdsl::Flags());
        std::vector<std::thread> threads;
        std::vector<std::size_t> sizes(4);
        for (std::size_t i = 0; i < sizes.size(); ++i)
            threads.emplace_back([&, i] {
                const mdsl::RunResult r = mdsl::run(analysis.compiled(EngineKind::V2), kOrderInput, {});
                sizes[i] = analysis.lineage().size() + analysis.outline().size() + (r.status == mdsl::RunStatus::Ok ? 1000 : 0);
            });
        for (std::thread& t : threads)
            t.join();
        for (const std::size_t size : sizes)
            QCOMPARE(size, sizes.front());
        QCOMPARE(sizes.front(), std::size_t{1000 + 6 + 10});   // ok, six lineage entries, ten outline entries
        QCOMPARE(mdsl::documentsParsed() - before, std::uint64_t{1});
    }
};

MDSL_TEST_MAIN(TestAnalysis)
#include "test_analysis.moc"
