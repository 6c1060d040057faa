// Reading a path from a value (`o.id`, `limits.max`, `first(.items).sku`, `(a ?? b).name`):
// the grammar, the validator's codes, the formatter, the V2 plan, the trace, the limits and
// the lineage. The documented results are in the golden scenarios navigate-*.

#include "testmain.h"

#include "enginetest.h"

#include "mdsl/analysis.h"
#include "mdsl/format.h"
#include "mdsl/syntax.h"

#include <QTest>

using mdsl::EngineKind;
using mdsl::Json;

namespace {

constexpr const char* kHeader = "mapping \"n\" version 2\n";

std::string codes(std::string_view text, const mdsl::Flags& flags = mdsl::Flags())
{
    std::string out;
    const mdsl::Analysis analysis = mdsl::analyze(text, flags);
    for (const mdsl::Diagnostic& d : analysis.diagnostics(mdsl::Route::V2Routed))
        out += (out.empty() ? "" : " ") + d.code + "@" + std::to_string(d.range.start.line) + ":" +
               std::to_string(d.range.start.column);
    return out;
}

Json navigateInput()
{
    return Json::parse(R"({"orders": [{"id": 1, "items": [{"sku": "a"}]}, {"id": 2, "items": []}],
                           "n": 5, "pair": {"x": {"y": "deep"}}})");
}

} // namespace

class TestNavigate : public QObject {
    Q_OBJECT

private slots:
    void formsRunOnV2_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<QString>("expected");
        QTest::newRow("call result") << "first(.orders).id" << "1";
        QTest::newRow("call result, deeper") << "first(.orders).items[0].sku" << "\"a\"";
        QTest::newRow("parenthesised") << "(.nope ?? .pair).x.y" << "\"deep\"";
        QTest::newRow("index") << "(.orders)[1].id" << "2";
        QTest::newRow("pipe result") << "(.orders | last).id" << "2";
        QTest::newRow("through missing") << "(.nope).x" << "\"<missing>\"";
        QTest::newRow("through a number") << "(.n).x" << "\"<missing>\"";
        QTest::newRow("through an array by name") << "(.orders).id" << "\"<missing>\"";
        QTest::newRow("index past the end") << "(.orders)[9]" << "\"<missing>\"";
        QTest::newRow("quoted field") << R"(({"a b": 7})."a b")" << "7";
        QTest::newRow("literal object") << R"(({"a": {"b": [5, 6]}}).a.b[1])" << "6";
    }

    void formsRunOnV2()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        const Json result = enginetest::evalExpr(EngineKind::V2, expr.toStdString(), navigateInput());
        QCOMPARE(QString::fromStdString(result.dump()), expected);
    }

    void namesOfLetsTablesAndElements()
    {
        const std::string text = std::string(kHeader) +
                                 "let cfg = {\"limits\": {\"max\": 3}}\n"
                                 "table codes = {\"FR\": {\"name\": \"France\"}}\n"
                                 "max <- cfg.limits.max\n"
                                 "fr <- codes.FR.name\n"
                                 "out[] <- each .orders as o {\n"
                                 "  skus[] <- each .items {\n"
                                 "    order <- o.id\n"
                                 "  }\n"
                                 "}\n";
        const mdsl::RunResult r = enginetest::runWith(EngineKind::V2, text, navigateInput());
        QCOMPARE(mdsl::statusName(r.status), std::string_view("ok"));
        QCOMPARE(r.output->dump(), std::string(R"({"max":3,"fr":"France","out":[{"skus":[{"order":1}]},{"skus":[]}]})"));
    }

    void validatorCodes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("flagOff");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ok") << QString("%1let a = {\"b\": 1}\nx <- a.b\n").arg(kHeader) << -1 << "";
        QTest::newRow("version 1") << "mapping \"n\" version 1\nx <- upper(.a).b\n" << -1 << "E301@2:15";
        QTest::newRow("flag off") << QString("%1x <- first(.a).b\n").arg(kHeader) << int(mdsl::Flag::V2NewOps) << "E302@2:15";
        QTest::newRow("unknown name") << QString("%1x <- nope.b\n").arg(kHeader) << -1 << "E201@2:6";
        QTest::newRow("scalar let") << QString("%1let a = 1 + 2\nx <- a.b\n").arg(kHeader) << -1 << "W205@3:7";
        QTest::newRow("string let") << QString("%1let a = \"s\"\nx <- a[0]\n").arg(kHeader) << -1 << "W205@3:7";
        QTest::newRow("object let") << QString("%1let a = .x\nx <- a.b\n").arg(kHeader) << -1 << "";
        QTest::newRow("blank after the dot") << QString("%1x <- first(.a). b\n").arg(kHeader) << -1 << "E101@2:17";
        QTest::newRow("blank before the dot") << QString("%1let o = .a\nx <- o .b\n").arg(kHeader) << -1 << "W202@2:5 E101@3:8";
    }

    void validatorCodes()
    {
        QFETCH(QString, text);
        QFETCH(int, flagOff);
        QFETCH(QString, expected);
        mdsl::Flags flags;
        if (flagOff >= 0)
            flags.set(mdsl::Flag(flagOff), false);
        QCOMPARE(QString::fromStdString(codes(text.toStdString(), flags)), expected);
    }

    void versionOneOffersTheVersionFix()
    {
        const mdsl::Analysis analysis = mdsl::analyze("mapping \"n\" version 1\nx <- upper(.a).b\n", mdsl::Flags());
        const std::vector<mdsl::Diagnostic>& diagnostics = analysis.diagnostics(mdsl::Route::V2Routed);
        QCOMPARE(diagnostics.size(), std::size_t{1});
        QCOMPARE(diagnostics[0].message, std::string("reading `.b` from a value needs language version 2, but this "
                                                     "document is version 1"));
        QCOMPARE(diagnostics[0].fixes.size(), std::size_t{1});
        QCOMPARE(diagnostics[0].fixes[0].id, std::string("change-version"));
    }

    void formatterKeepsItIdempotent()
    {
        const std::string text = std::string(kHeader) +
                                 "let  cfg = {\"a\": {\"b\": 1}}   # config\n"
                                 "x <- cfg.a.\"b\"  # read\n"
                                 "y <- ( .p ?? .q ).name[0]\n"
                                 "z <- first(.items).sku\n";
        const mdsl::FormatResult once = mdsl::formatDocument(text);
        QVERIFY(once.ok);
        QVERIFY2(once.text.find("x <- cfg.a.\"b\" # read") != std::string::npos, once.text.c_str());
        QVERIFY2(once.text.find("y <- (.p ?? .q).name[0]") != std::string::npos, once.text.c_str());
        QVERIFY2(once.text.find("z <- first(.items).sku") != std::string::npos, once.text.c_str());
        QVERIFY(once.text.find("# config") != std::string::npos);
        QCOMPARE(mdsl::formatDocument(once.text).text, once.text);
        // Formatting keeps the meaning.
        const Json input = Json::parse(R"({"q": {"name": ["n"]}, "items": [{"sku": "s"}]})");
        QCOMPARE(enginetest::runWith(EngineKind::V2, once.text, input).output->dump(),
                 enginetest::runWith(EngineKind::V2, text, input).output->dump());
    }

    void planPrecomputesTheSteps()
    {
        const mdsl::CompiledMapping m =
            mdsl::compile(std::string(kHeader) + "x <- first(.a).b.\"c d\"[2]\n", EngineKind::V2, mdsl::Flags());
        QVERIFY(m.ok());
        const Json node = m.planJson()["statements"][0]["value"];
        QCOMPARE(node["op"], Json("navigate"));
        QCOMPARE(node["steps"].dump(), std::string(R"(["b","c d",2])"));
        QCOMPARE(node["args"][0]["op"], Json("call"));
    }

    void traceRecordsTheRead()
    {
        const mdsl::RunResult r = enginetest::runWith(EngineKind::V2, std::string(kHeader) + "x <- first(.orders).id\n",
                                                      navigateInput(), enginetest::pinnedOptions(true));
        bool read = false;
        for (const mdsl::TraceEvent& e : r.trace)
            read = read || (e.kind == mdsl::TraceKind::Value && e.value == Json(1) && e.span.size() == 17);
        QVERIFY(read);
    }

    void limitsApply()
    {
        // A value built by a call and read into counts against the budget as any value built.
        mdsl::RunOptions options = enginetest::pinnedOptions();
        options.limits.maxBuildBytes = 64;
        const mdsl::RunResult r = enginetest::runWith(
            EngineKind::V2, std::string(kHeader) + "x <- split(.s, \",\")[0]\n", Json{{"s", std::string(200, ',')}}, options);
        QCOMPARE(enginetest::lastCode(r), std::string("E405"));
    }

    void lineageReadsTheOuterElement()
    {
        const std::string text = std::string(kHeader) +
                                 "let cfg = .settings\n"
                                 "max <- cfg.limits.max\n"
                                 "sku <- first(.items).sku\n"
                                 "out[] <- each .orders as o {\n"
                                 "  lines[] <- each .lines {\n"
                                 "    order <- o.id\n"
                                 "  }\n"
                                 "}\n";
        const mdsl::Analysis analysis = mdsl::analyze(text, mdsl::Flags());
        std::map<std::string, std::string> fields;
        for (const mdsl::LineageEntry& e : analysis.lineage())
            if (!e.sources.empty() && e.sources[0].field)
                fields[e.target] = e.sources[0].field->text();
        QCOMPARE(fields["/max"], std::string("$.settings.limits.max"));
        QCOMPARE(fields["/sku"], std::string("$.items[*].sku"));
        QCOMPARE(fields["/out/*/lines/*/order"], std::string("$.orders[*].id"));
    }

    void deepNestingStaysBounded()
    {
        // 10,000 parenthesised navigations: one E199 at the parser's depth limit, no crash.
        std::string expr;
        for (int i = 0; i < 10'000; ++i)
            expr += "(";
        expr += ".a";
        for (int i = 0; i < 10'000; ++i)
            expr += ").a";
        const mdsl::ParsedDocument parsed = mdsl::parseDocument(std::string(kHeader) + "x <- " + expr + "\n");
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.diagnostics.front().code, std::string("E199"));
        // A long flat chain of steps is no nesting at all.
        std::string chain = "first(.a)";
        for (int i = 0; i < 10'000; ++i)
            chain += ".a";
        QCOMPARE(enginetest::evalExpr(EngineKind::V2, chain), Json("<missing>"));
    }
};

MDSL_TEST_MAIN(TestNavigate)
#include "test_navigate.moc"
