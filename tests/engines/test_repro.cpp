// Repro bundles (mdsl/repro.h): writing and reading back, strict validation of untrusted
// files (one message with the JSON Pointer at fault, never a crash), the replay's verdicts,
// the bundled example, and the JSON Schema agreeing with the parser.

#include "testmain.h"

#include "mdsl/jsondiff.h"
#include "mdsl/repro.h"

#include <QFile>
#include <QTest>

#include <algorithm>

using mdsl::Json;
using mdsl::ReproBundle;
using mdsl::ReproVerdict;

namespace {

constexpr std::string_view kMapping = "mapping \"t\" version 2\n"
                                      "customer {\n"
                                      "  id    <- .id\n"
                                      "  name  <- upper(.name)\n"
                                      "  phone <- .phone ?? \"unknown\"\n"
                                      "}\n";

ReproBundle sampleBundle()
{
    ReproBundle b;
    b.createdAt = "2026-11-24T01:30:00Z";
    b.engineVersion = "0.1.0";
    b.studioVersion = "0.1.0";
    b.mappingName = "customer.mdsl";
    b.mappingText = kMapping;
    b.input = Json::parse(R"({"id": 7, "name": "ada", "phone": null})");
    b.flags.set(mdsl::Flag::V2JsonPath, false);
    b.nowMs = 1767225600000;
    b.notes = "Ticket 42: phone\nsecond line";
    return b;
}

QByteArray readSource(const char* path)
{
    QFile file(QStringLiteral(MDSL_SOURCE_DIR "/") + QLatin1String(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Json exampleJson()
{
    return Json::parse(readSource("resources/examples/customer-phone.mdslrepro").toStdString());
}

mdsl::ReproProduction production(const char* output, std::optional<mdsl::EngineKind> engine = std::nullopt)
{
    mdsl::ReproProduction p;
    p.output = Json::parse(output);
    p.engine = engine;
    return p;
}

mdsl::ReproParse parseJson(const Json& doc)
{
    return mdsl::parseRepro(doc.dump());
}

} // namespace

class TestRepro : public QObject {
    Q_OBJECT

private slots:
    void writesAndReadsBackEveryField()
    {
        ReproBundle b = sampleBundle();
        b.route = mdsl::Route::V1Only;
        b.production = mdsl::ReproProduction{Json::parse(R"({"x": 1})"), mdsl::EngineKind::V1, true, "0.0.9"};
        const std::string text = mdsl::writeRepro(b);
        const mdsl::ReproParse back = mdsl::parseRepro(text);
        QVERIFY2(back.bundle, back.error.c_str());
        const ReproBundle& r = *back.bundle;
        QCOMPARE(r.createdAt, b.createdAt);
        QCOMPARE(r.engineVersion, b.engineVersion);
        QCOMPARE(r.studioVersion, b.studioVersion);
        QCOMPARE(r.mappingName, b.mappingName);
        QCOMPARE(r.mappingText, b.mappingText);
        QCOMPARE(r.input.dump(), b.input.dump());
        QVERIFY(r.flags == b.flags);
        QVERIFY(!r.flags.get(mdsl::Flag::V2JsonPath));
        QVERIFY(r.route == mdsl::Route::V1Only);
        QCOMPARE(r.nowMs, b.nowMs);
        QCOMPARE(r.notes, b.notes);
        QVERIFY(r.production);
        QCOMPARE(r.production->output.dump(), b.production->output.dump());
        QVERIFY(r.production->engine == mdsl::EngineKind::V1);
        QVERIFY(r.production->fallback);
        QCOMPARE(r.production->engineVersion, std::string("0.0.9"));
        // Stable: writing what was read gives the same bytes, keys in the documented order.
        QCOMPARE(mdsl::writeRepro(r), text);
        QVERIFY(text.find("\"format\": \"mdslrepro\"") < text.find("\"mapping\""));
        QVERIFY(text.find("\"flags\"") < text.find("\"production\""));
        QVERIFY(text.back() == '\n');
    }

    void optionalFieldsMayBeAbsent()
    {
        ReproBundle b = sampleBundle();
        b.studioVersion.clear();
        b.nowMs.reset();
        b.notes.clear();
        const std::string text = mdsl::writeRepro(b);
        QVERIFY(text.find("studio_version") == std::string::npos);
        QVERIFY(text.find("now_ms") == std::string::npos);
        const mdsl::ReproParse back = mdsl::parseRepro(text);
        QVERIFY2(back.bundle, back.error.c_str());
        QVERIFY(!back.bundle->nowMs);
        QVERIFY(!back.bundle->production);
    }

    void invalidBundlesNameTheFieldAtFault_data()
    {
        QTest::addColumn<QByteArray>("edit");      // a JSON Merge Patch applied to a valid bundle
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("message");
        QTest::newRow("wrong format") << QByteArray(R"({"format": "zip"})") << "/format" << "not a repro bundle";
        QTest::newRow("no format") << QByteArray(R"({"format": null})") << "/format" << "not a repro bundle";
        QTest::newRow("newer version") << QByteArray(R"({"format_version": 2})") << "/format_version"
                                       << "unsupported format version 2 (this engine reads version 1)";
        QTest::newRow("version as text") << QByteArray(R"({"format_version": "1"})") << "/format_version"
                                         << "expected an integer, found a string";
        QTest::newRow("version fraction") << QByteArray(R"({"format_version": 1.5})") << "/format_version"
                                          << "expected an integer, found a fraction";
        QTest::newRow("missing mapping") << QByteArray(R"({"mapping": null})") << "" << "missing required field 'mapping'";
        QTest::newRow("mapping text number") << QByteArray(R"({"mapping": {"text": 12}})") << "/mapping/text"
                                             << "expected a string, found a number";
        QTest::newRow("mapping is array") << QByteArray(R"({"mapping": [1]})") << "/mapping"
                                          << "expected an object, found an array";
        QTest::newRow("missing input") << QByteArray(R"({"input": null})") << "" << "missing required field 'input'";
        QTest::newRow("flag as text") << QByteArray(R"({"flags": {"mapping_dsl_v2_enabled": "yes"}})")
                                      << "/flags/mapping_dsl_v2_enabled" << "expected a boolean, found a string";
        QTest::newRow("flag missing") << QByteArray(R"({"flags": {"mapping_dsl_v2_new_ops": null}})") << "/flags"
                                      << "missing required field 'mapping_dsl_v2_new_ops'";
        QTest::newRow("unknown flag") << QByteArray(R"({"flags": {"mapping_dsl_v3": true}})") << "/flags/mapping_dsl_v3"
                                      << "unknown field 'mapping_dsl_v3'";
        QTest::newRow("unknown route") << QByteArray(R"({"route": "v3"})") << "/route" << "expected \"v2-routed\" or \"v1-only\"";
        QTest::newRow("clock fraction") << QByteArray(R"({"now_ms": 1.5})") << "/now_ms" << "expected an integer";
        QTest::newRow("clock too far") << QByteArray(R"({"now_ms": 18446744073709551615})") << "/now_ms" << "out of range";
        QTest::newRow("clock before") << QByteArray(R"({"now_ms": -9000000000000000})") << "/now_ms" << "out of range";
        QTest::newRow("production no output") << QByteArray(R"({"production": {"output": null, "engine_version": "1"}})")
                                              << "/production" << "missing required field 'output'";
        QTest::newRow("production engine") << QByteArray(R"({"production": {"engine": "v9"}})") << "/production/engine"
                                           << "expected \"v1\" or \"v2\"";
        QTest::newRow("fallback by v2") << QByteArray(R"({"production": {"engine": "v2", "fallback": true}})")
                                        << "/production/fallback" << "a fallback is answered by V1";
        QTest::newRow("unknown field") << QByteArray(R"({"extra~/x": 1})") << "/extra~0~1x" << "unknown field 'extra~/x'";
        QTest::newRow("notes number") << QByteArray(R"({"notes": 3})") << "/notes" << "expected a string, found a number";
        QTest::newRow("long name") << QByteArray(("{\"mapping\": {\"name\": \"" + std::string(300, 'n') + "\"}}").c_str())
                                   << "/mapping/name" << "longer than 256 bytes";
    }

    void invalidBundlesNameTheFieldAtFault()
    {
        QFETCH(QByteArray, edit);
        QFETCH(QString, pointer);
        QFETCH(QString, message);
        Json doc = exampleJson();
        doc.merge_patch(Json::parse(edit.toStdString()));
        const mdsl::ReproParse parsed = parseJson(doc);
        QVERIFY(!parsed.bundle);
        QCOMPARE(QString::fromStdString(parsed.pointer), pointer);
        QVERIFY2(QString::fromStdString(parsed.error).contains(message), parsed.error.c_str());
        QVERIFY2(QString::fromStdString(parsed.error).startsWith((pointer.isEmpty() ? QStringLiteral("/") : pointer) + ": "),
                 parsed.error.c_str());
    }

    void hostileFilesGiveOneMessage_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "not JSON: parse error at line 1";
        QTest::newRow("truncated") << QByteArray("{\"format\": \"mdslrepro\", \"format_") << "not JSON: parse error at line 1";
        QTest::newRow("array") << QByteArray("[1, 2]") << "/: expected an object, found an array";
        QTest::newRow("bad utf-8") << QByteArray("{\"format\": \"\xff\xfe\"}") << "not JSON";
        QTest::newRow("number overflow") << QByteArray(R"({"now_ms": 1e400})") << "not JSON";
        QTest::newRow("deep arrays") << QByteArray(100000, '[') << "nested deeper than 512 levels (line 1)";
        QTest::newRow("deep objects") << (QByteArray("{\n") + QByteArray(600, '{')) << "nested deeper than 512 levels (line 2)";
    }

    void hostileFilesGiveOneMessage()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const mdsl::ReproParse parsed = mdsl::parseRepro(std::string_view(text.constData(), std::size_t(text.size())));
        QVERIFY(!parsed.bundle);
        QVERIFY2(QString::fromStdString(parsed.error).startsWith(message), parsed.error.c_str());
        QVERIFY(parsed.error.find('\n') == std::string::npos);
    }

    void bracketsInStringsAreNotNesting()
    {
        ReproBundle b = sampleBundle();
        b.notes = std::string(2000, '[') + "\\\"{{{";
        const mdsl::ReproParse parsed = mdsl::parseRepro(mdsl::writeRepro(b));
        QVERIFY2(parsed.bundle, parsed.error.c_str());
        QCOMPARE(parsed.bundle->notes, b.notes);
    }

    void oversizedFileIsRefusedBeforeParsing()
    {
        const std::string huge(mdsl::kMaxReproBytes + 1, ' ');
        const mdsl::ReproParse parsed = mdsl::parseRepro(huge);
        QVERIFY(!parsed.bundle);
        QCOMPARE(parsed.error, std::string("larger than 64 MiB"));
    }

    void replayReproducesProductionsOutput()
    {
        ReproBundle b = sampleBundle();
        b.production = production(R"({"customer": {"id": 7, "name": "ADA", "phone": "unknown"}})");
        const mdsl::ReproReplay r = mdsl::replayRepro(b);
        QCOMPARE(r.verdict, ReproVerdict::Reproduced);
        QCOMPARE(r.patch, Json::array());
        QVERIFY(r.ours.engine == mdsl::EngineKind::V2);
        QVERIFY(!r.engineDiffers);
        QCOMPARE(mdsl::reproVerdictName(r.verdict), std::string_view("reproduced"));
    }

    void replayReportsTheDifferences()
    {
        ReproBundle b = sampleBundle();
        b.production = production(R"({"customer": {"id": 7, "name": "ADA", "phone": null}})", mdsl::EngineKind::V1);
        const mdsl::ReproReplay r = mdsl::replayRepro(b);
        QCOMPARE(r.verdict, ReproVerdict::Differs);
        QCOMPARE(r.patch, Json::parse(R"([{"op": "replace", "path": "/customer/phone", "value": "unknown"}])"));
        QVERIFY(r.engineDiffers);   // production says V1 answered; here V2 did
        // The patch turns production's output into ours.
        QCOMPARE(mdsl::applyPatch(b.production->output, r.patch), *r.ours.output);
    }

    void replayRunsUnderTheBundledFlagsRouteAndClock()
    {
        ReproBundle b = sampleBundle();
        b.mappingText = "mapping \"t\" version 2\nat <- now()\n";
        const mdsl::ReproReplay clock = mdsl::replayRepro(b);
        QCOMPARE(clock.verdict, ReproVerdict::NoProductionOutput);
        QCOMPARE(clock.ours.output->value("at", Json()), Json(1767225600000));   // the pinned clock

        b.mappingText = "mapping \"t\" version 1\nname <- upper(.name)\n";
        b.route = mdsl::Route::V1Only;
        const mdsl::ReproReplay v1 = mdsl::replayRepro(b);
        QVERIFY(v1.ours.engine == mdsl::EngineKind::V1);
        QCOMPARE(v1.ours.output->dump(), std::string(R"({"name":"ADA"})"));

        // V2 disabled: the V2-routed form answers with V1 too.
        b.route = mdsl::Route::V2Routed;
        b.flags.set(mdsl::Flag::V2Enabled, false);
        QVERIFY(mdsl::replayRepro(b).ours.engine == mdsl::EngineKind::V1);
        // Containers off: the V2 mapping is invalid, and with fallback off nothing answers.
        b = sampleBundle();
        b.flags.set(mdsl::Flag::V2Containers, false);
        b.flags.set(mdsl::Flag::V1Fallback, false);
        b.production = production(R"({"customer": {}})");
        const mdsl::ReproReplay invalid = mdsl::replayRepro(b);
        QVERIFY(invalid.ours.status == mdsl::RunStatus::Invalid);
        QCOMPARE(invalid.verdict, ReproVerdict::Differs);
        QCOMPARE(invalid.patch, Json::parse(R"([{"op": "replace", "path": "", "value": null}])"));
    }

    void bundledExampleIsValidAndDiffers()
    {
        const QByteArray text = readSource("resources/examples/customer-phone.mdslrepro");
        QVERIFY(!text.isEmpty());
        const mdsl::ReproParse parsed = mdsl::parseRepro(text.toStdString());
        QVERIFY2(parsed.bundle, parsed.error.c_str());
        QCOMPARE(mdsl::writeRepro(*parsed.bundle), text.toStdString());   // written as the writer writes
        QCOMPARE(parsed.bundle->mappingText, readSource("resources/examples/customer-v2.mdsl").toStdString());
        const mdsl::ReproReplay r = mdsl::replayRepro(*parsed.bundle);
        QCOMPARE(r.verdict, ReproVerdict::Differs);
        QCOMPARE(r.patch, Json::parse(R"([{"op": "replace", "path": "/customer/phone", "value": "unknown"},
                                          {"op": "add", "path": "/customer/fax", "value": null}])"));
    }

    void schemaAndParserAgree()
    {
        const Json schema = Json::parse(readSource("docs/schemas/mdslrepro.schema.json").toStdString());
        QCOMPARE(schema["$schema"], Json("https://json-schema.org/draft/2020-12/schema"));
        // Every object of the schema: the parser requires exactly the schema's "required"
        // fields, and accepts every property the schema defines and nothing else.
        Json full = exampleJson();
        full["production"]["engine"] = "v1";
        full["production"]["fallback"] = true;
        QVERIFY2(parseJson(full).bundle, parseJson(full).error.c_str());
        for (const std::string where : {"", "/mapping", "/flags", "/production"}) {
            const Json& s = where.empty() ? schema : schema["properties"][where.substr(1)];
            QCOMPARE(s["additionalProperties"], Json(false));
            const Json required = s["required"];
            QVERIFY(!required.empty());
            for (const auto& [key, property] : s["properties"].items()) {
                Json doc = full;
                doc.at(Json::json_pointer(where)).erase(key);
                const bool isRequired = std::find(required.begin(), required.end(), Json(key)) != required.end();
                const mdsl::ReproParse parsed = parseJson(doc);
                QVERIFY2(bool(parsed.bundle) == !isRequired, (where + "/" + key + ": " + parsed.error).c_str());
            }
            Json extra = full;
            extra.at(Json::json_pointer(where))["not_in_schema"] = 1;
            QCOMPARE(parseJson(extra).pointer, where + "/not_in_schema");
            // The schema's flags are production's seven.
            if (where == "/flags") {
                QCOMPARE(s["properties"].size(), mdsl::kAllFlags.size());
                for (const mdsl::Flag flag : mdsl::kAllFlags)
                    QVERIFY(s["properties"].contains(std::string(mdsl::flagName(flag))));
            }
        }
        QCOMPARE(schema["properties"]["route"]["enum"], Json::parse(R"(["v2-routed", "v1-only"])"));
        QCOMPARE(schema["properties"]["format_version"]["const"], Json(mdsl::kReproFormatVersion));
    }
};

MDSL_TEST_MAIN(TestRepro)
#include "test_repro.moc"
