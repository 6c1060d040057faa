// The facade: routing and fallback (docs/engines.md, "Routing and fallback"), the result object and its
// JSON Schema (section 10), compile's plan, trace events, the pinned clock, lineage.

#include "testmain.h"

#include "enginetest.h"

#include "mdsl/analysis.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using mdsl::EngineKind;
using mdsl::Flag;
using mdsl::Json;
using mdsl::Route;

namespace {

mdsl::Flags flagsWith(std::initializer_list<std::pair<Flag, bool>> values)
{
    mdsl::Flags flags;
    for (const auto& [flag, on] : values)
        flags.set(flag, on);
    return flags;
}

Json loadSchema(const char* name)
{
    QFile file(QStringLiteral(MDSL_SOURCE_DIR "/docs/schemas/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return Json();
    return Json::parse(file.readAll().toStdString());
}

/// Checks the required fields and the enums of a schema (the subset our schemas use),
/// following local $refs; returns the first problem, or an empty string.
std::string checkAgainst(const Json& value, const Json& schema, const Json& root, const std::string& where)
{
    const Json* s = &schema;
    if (s->contains("$ref")) {
        const std::string ref = (*s)["$ref"];
        s = ref == "#" ? &root : &root["$defs"][ref.substr(std::string("#/$defs/").size())];
    }
    if (s->contains("enum")) {
        bool found = false;
        for (const Json& option : (*s)["enum"])
            found = found || option == value;
        if (!found)
            return where + ": " + value.dump() + " is not one of " + (*s)["enum"].dump();
    }
    if (s->contains("type")) {
        const std::string type = (*s)["type"];
        const bool ok = (type == "object" && value.is_object()) || (type == "array" && value.is_array())
                     || (type == "string" && value.is_string()) || (type == "boolean" && value.is_boolean())
                     || (type == "integer" && value.is_number_integer())
                     || (type == "number" && value.is_number());
        if (!ok)
            return where + ": not " + type;
    }
    if (s->contains("required"))
        for (const Json& key : (*s)["required"])
            if (!value.contains(key.get<std::string>()))
                return where + ": missing " + key.get<std::string>();
    if (value.is_object() && s->contains("properties"))
        for (auto it = (*s)["properties"].begin(); it != (*s)["properties"].end(); ++it)
            if (value.contains(it.key()))
                if (std::string problem = checkAgainst(value[it.key()], it.value(), root, where + "." + it.key()); !problem.empty())
                    return problem;
    if (value.is_array() && s->contains("items"))
        for (std::size_t i = 0; i < value.size(); ++i)
            if (std::string problem = checkAgainst(value[i], (*s)["items"], root, where + "[" + std::to_string(i) + "]"); !problem.empty())
                return problem;
    return {};
}

} // namespace

class TestFacade : public QObject {
    Q_OBJECT

private slots:
    // Every bundled example validates without errors and runs ok on its sample input through
    // production's routing: what a new user opens first.
    void bundledExamplesRunClean()
    {
        const QDir examples(QStringLiteral(MDSL_SOURCE_DIR "/resources/examples"));
        const QStringList mappings = examples.entryList({QStringLiteral("*.mdsl")}, QDir::Files, QDir::Name);
        QVERIFY(mappings.size() >= 4);
        for (const QString& name : mappings) {
            QFile mapping(examples.filePath(name));
            QFile input(examples.filePath(QFileInfo(name).completeBaseName() + QStringLiteral(".input.json")));
            QVERIFY(mapping.open(QIODevice::ReadOnly) && input.open(QIODevice::ReadOnly));
            const std::string text = mapping.readAll().toStdString();
            const mdsl::Analysis analysis = mdsl::analyze(text, mdsl::Flags());
            QVERIFY2(!mdsl::hasErrors(analysis.diagnostics(Route::V2Routed)), qPrintable(name));
            const mdsl::RunResult r = mdsl::dryRun(analysis.prepared(Route::V2Routed), Json::parse(input.readAll().toStdString()),
                                                   enginetest::pinnedOptions());
            QVERIFY2(r.status == mdsl::RunStatus::Ok && !r.fallback, qPrintable(name));
        }
    }

    void routing()
    {
        const mdsl::Flags on;
        const mdsl::Flags off = flagsWith({{Flag::V2Enabled, false}});
        QCOMPARE(mdsl::routedEngine(Route::V2Routed, on), EngineKind::V2);
        QCOMPARE(mdsl::routedEngine(Route::V2Routed, off), EngineKind::V1);
        QCOMPARE(mdsl::routedEngine(Route::V1Only, on), EngineKind::V1);
        QCOMPARE(mdsl::routeName(Route::V1Only), std::string_view("v1"));
        QCOMPARE(mdsl::engineName(EngineKind::V2), std::string_view("v2"));
    }

    void v2DisabledRoutesToV1()
    {
        const auto prepared = mdsl::prepare("mapping \"m\" version 1\nx <- .a\n", Route::V2Routed,
                                            flagsWith({{Flag::V2Enabled, false}}));
        const mdsl::RunResult result = mdsl::dryRun(prepared, Json{{"a", 1}}, enginetest::pinnedOptions());
        QCOMPARE(result.engine, EngineKind::V1);
        QCOMPARE(result.route, Route::V2Routed);
        QVERIFY(!result.fallback);
        QCOMPARE(result.output->dump(), std::string(R"({"x":1})"));
    }

    void v1OnlyRefusesVersionTwo()
    {
        const auto prepared = mdsl::prepare("mapping \"m\" version 2\nx <- .a\n", Route::V1Only, mdsl::Flags());
        const mdsl::RunResult result = mdsl::dryRun(prepared, Json::object(), enginetest::pinnedOptions());
        QCOMPARE(result.status, mdsl::RunStatus::Invalid);
        QVERIFY(!result.output);
        QCOMPARE(result.diagnostics.front().code, std::string("E303"));
    }

    void failedV2FallsBackToV1WithTheFailureAttached()
    {
        // Headerless: version 2 for V2 (v2_default on), version 1 for V1; both fail at run time.
        const auto prepared = mdsl::prepare("x <- 1 / 0\ny <- .a\n", Route::V2Routed, mdsl::Flags());
        const mdsl::RunResult result = mdsl::dryRun(prepared, Json{{"a", 2}}, enginetest::pinnedOptions());
        QVERIFY(result.fallback);
        QCOMPARE(result.engine, EngineKind::V1);
        QVERIFY(result.v2Failure);
        QCOMPARE(result.v2Failure->engine, EngineKind::V2);
        QCOMPARE(result.v2Failure->status, mdsl::RunStatus::Failed);
        const Json json = mdsl::toJson(result);
        QCOMPARE(json["v2_failure"]["engine"], Json("v2"));
        QCOMPARE(json["fallback"], Json(true));
    }

    void invalidV2WithoutFallbackIsNotRetried()
    {
        const mdsl::Flags flags = flagsWith({{Flag::V1Fallback, false}, {Flag::V2NewOps, false}});
        const auto prepared = mdsl::prepare("mapping \"m\" version 2\nx <- .a ?? 1\n", Route::V2Routed, flags);
        const mdsl::RunResult result = mdsl::dryRun(prepared, Json::object(), enginetest::pinnedOptions());
        QVERIFY(!result.fallback);
        QCOMPARE(result.status, mdsl::RunStatus::Invalid);
        QCOMPARE(result.diagnostics.front().code, std::string("E302"));
        QCOMPARE(mdsl::analyze("mapping \"m\" version 2\nx <- .a ?? 1\n", flags).diagnostics(Route::V2Routed).front().code,
                 std::string("E302"));
    }

    void resultMatchesItsSchema()
    {
        const Json schema = loadSchema("dry-run-result.schema.json");
        QVERIFY(schema.is_object());
        const char* texts[] = {"x <- .a\ny <- upper(1)\nz <- .nope\n", "x <- (\n",
                               "mapping \"m\" version 2\nl[] <- each .items { v <- . }\n"};
        for (const char* text : texts) {
            const auto prepared = mdsl::prepare(text, Route::V2Routed, mdsl::Flags());
            mdsl::RunOptions options = enginetest::pinnedOptions(true);
            options.profile = true;   // the per-rule profile too
            const Json json = mdsl::toJson(mdsl::dryRun(prepared, Json{{"a", 1}, {"items", {1, 2}}}, options));
            const std::string problem = checkAgainst(json, schema, schema, "$");
            QVERIFY2(problem.empty(), (problem + " in " + json.dump()).c_str());
        }
        // The checker itself rejects what the schema forbids.
        QVERIFY(!checkAgainst(Json{{"engine", "v3"}}, schema, schema, "$").empty());
    }

    void compilePrintsThePlanOrTheAst()
    {
        const char* text = "mapping \"m\" version 1\nlet k = 2 * 3\nx <- upper(.a) \n";
        const Json plan = mdsl::compile(text, EngineKind::V2, mdsl::Flags()).planJson();
        QCOMPARE(plan["engine"], Json("v2"));
        // The constant is folded, the function resolved, the path precomputed.
        QCOMPARE(plan["statements"][0]["value"].dump(), std::string(R"({"op":"const","value":6})"));
        QCOMPARE(plan["statements"][1]["value"]["function"], Json("upper"));
        QCOMPARE(plan["statements"][1]["value"]["args"][0]["steps"].dump(), std::string(R"(["a"])"));
        const Json ast = mdsl::compile(text, EngineKind::V1, mdsl::Flags()).planJson();
        QCOMPARE(ast["statements"][0]["kind"], Json("let"));
        QCOMPARE(ast["statements"][0]["value"]["kind"], Json("binary"));
    }

    void traceEvents()
    {
        const char* text = "mapping \"m\" version 2\nl[] <- each .items { v <- . }\ns <- .nope\ne <- upper(1)\n";
        const mdsl::RunResult result =
            enginetest::runWith(EngineKind::V2, text, Json{{"items", {7}}}, enginetest::pinnedOptions(true));
        std::string kinds;
        for (const mdsl::TraceEvent& event : result.trace)
            kinds += std::string(mdsl::traceKindName(event.kind)) + " ";
        QCOMPARE(kinds, std::string("rule value enter rule value write leave write rule value skip rule error "));
        QCOMPARE(result.trace[5].target, std::string("/l/0/v"));
        QCOMPARE(result.trace[10].reason, std::string("source missing"));
        QCOMPARE(result.trace[12].reason, std::string("E410"));
        // Off: no events.
        QVERIFY(enginetest::runWith(EngineKind::V2, text, Json::object()).trace.empty());
    }

    void pinnedClock()
    {
        QCOMPARE(enginetest::evalExpr(EngineKind::V2, "now()"), Json(1'700'000'000'000));
    }

    void lineageResolvesContexts()
    {
        const char* text = "mapping \"m\" version 2\nlet n = .customer.name\nid <- .id\nname <- upper(n)\n"
                           "lines[] <- each $.items[?@.qty > 0] {\n  sku <- .sku\n}\ntotal <- sum(map(.items, .price))\n";
        const Json lineage = mdsl::lineageToJson(mdsl::analyze(text, mdsl::Flags()).lineage());
        QCOMPARE(lineage.size(), std::size_t{5});
        QCOMPARE(lineage[0]["target"], Json("/id"));
        QCOMPARE(lineage[1]["sources"].dump(), std::string(R"(["$.customer.name"])"));
        QCOMPARE(lineage[3]["target"], Json("/lines/*/sku"));
        QCOMPARE(lineage[3]["sources"].dump(), std::string(R"(["$.items[?@.qty > 0].sku"])"));
        QCOMPARE(lineage[4]["sources"].dump(), std::string(R"(["$.items","$.items[*].price"])"));
    }
};

MDSL_TEST_MAIN(TestFacade)
#include "test_facade.moc"
