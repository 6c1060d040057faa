// The engine's fast JSON reader and writers (mdsl/json.h, appendResultJson in mdsl/engine.h)
// against nlohmann's own: parseJson gives the value Json::parse gives (number types and key
// order included) or throws the same error; appendJson writes the bytes of dump(); a dry-run
// result written directly is byte for byte toJson(result).dump() on the golden corpus. The
// comparison is fuzz/common/json_compare.h, shared with the fuzz harness fuzz/json_reader.

#include "testmain.h"

#include "enginetest.h"
#include "json_compare.h"

#include "mdsl/flags.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>

using mdsl::Json;

// Named, not anonymous: the tests of a folder are compiled as one unity build.
namespace jsoniotest {

const QString kScenarios = QStringLiteral(MDSL_SOURCE_DIR "/tests/engines/scenarios");

std::string readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

using mdsl::jsoncompare::appended;
using mdsl::jsoncompare::compareParse;
using mdsl::jsoncompare::dumped;

std::vector<std::string> scenarioInputs()
{
    std::vector<std::string> inputs;
    for (const QString& name : QDir(kScenarios).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const std::string text = readFile(kScenarios + "/" + name + "/input.json");
        if (!text.empty())
            inputs.push_back(text);
    }
    return inputs;
}

} // namespace jsoniotest

class TestJsonIo : public QObject {
    Q_OBJECT

private slots:
    void parsesWhatTheLibraryParses_data()
    {
        QTest::addColumn<QByteArray>("text");
        const char* const cases[] = {
            // Numbers: types and ranges.
            "0", "-0", "1", "-1", "0.0", "-0.0", "1.5", "1E2", "1e+2", "1e-2", "2.5E-3", "123456789012345678",
            "1234567890123456789", "9223372036854775807", "9223372036854775808", "18446744073709551615",
            "18446744073709551616", "-9223372036854775808", "-9223372036854775809", "-18446744073709551616",
            "1e308", "1.7976931348623157e308", "1e309", "-1e400", "1e-400", "4.9e-324", "2.2250738585072011e-308",
            "0.1", "0.30000000000000004", "123.456e7", "100000000000000000000000", "[1,-1,1.0,-1.0]",
            // Number syntax errors.
            "01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "1.5.2", "--1", "1 2", "NaN", "Infinity", "-01",
            // Literals.
            "true", "false", "null", "tru", "nulll", "True", " null ", "\t\r\n null\n",
            // Strings.
            "\"\"", "\"abc\"", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "\"\\u0041\\u00e9\\u20AC\"", "\"\\u0000\"",
            "\"\\ud83d\\ude00\"", "\"\\uD83D\\uDE00x\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"",
            "\"\\ud83dx\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\x\"", "\"abc", "\"a\tb\"", "\"a\nb\"",
            "\"caf\xC3\xA9\"", "\"\xE2\x82\xAC\"", "\"\xF0\x9F\x98\x80\"", "\"\xC3\"", "\"\xC0\x80\"",
            "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xFF\"", "\"\x7F\"", "\"a\xE2\x82\"",
            // Containers.
            "[]", "{}", "[ ]", "{ }", "[1,[2,[3,[]]]]", "{\"a\":{\"b\":{\"c\":[{}]}}}", "[1,]", "{\"a\":1,}",
            "{\"a\" 1}", "{a:1}", "{\"a\":1 \"b\":2}", "[1 2]", "[", "]", "{", "{\"a\":", "{\"a\"",
            "{\"b\":1,\"a\":2,\"c\":3}", "{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":[1],\"a\":{\"x\":1}}",
            "{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k10\":10,\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14,\"k15\":15,\"k16\":16,\"k17\":17,\"k3\":33,\"k17\":170}",
            // Whole documents.
            "", " ", "[] []", "{}x", "\xEF\xBB\xBF{}", "\xEF\xBB\xBF", "\xEF\xBB{}", " \xEF\xBB\xBF{}", "/* */ 1",
            "[1]\x00", "\"a\x00b\"",
        };
        for (const char* text : cases)
            QTest::newRow(text) << QByteArray(text);
        QTest::newRow("nul inside") << QByteArray("[1,\0 2]", 7);
        int n = 0;
        for (const std::string& input : jsoniotest::scenarioInputs())
            QTest::newRow(qPrintable(QString("scenario input %1").arg(++n))) << QByteArray::fromStdString(input);
    }

    void parsesWhatTheLibraryParses()
    {
        QFETCH(QByteArray, text);
        const std::string difference = jsoniotest::compareParse(text.toStdString());
        QVERIFY2(difference.empty(), difference.c_str());
    }

    void deepDocumentsNeedNoRecursion()
    {
        const int depth = 100000;
        const Json parsed = mdsl::parseJson(std::string(depth, '[') + std::string(depth, ']'));
        int measured = 0;
        for (const Json* node = &parsed; node->is_array(); node = node->empty() ? nullptr : &node->front()) {
            ++measured;
            if (node->empty())
                break;
        }
        QCOMPARE(measured, depth);
        std::string out;
        mdsl::appendJson(out, parsed);
        QCOMPARE(out, std::string(depth, '[') + std::string(depth, ']'));
        QVERIFY_THROWS_EXCEPTION(Json::parse_error, mdsl::parseJson(std::string(depth, '[') + std::string(depth - 1, ']')));
    }

    // Random edits of valid documents: whatever comes out, the two parsers agree.
    void mutatedDocumentsAgree()
    {
        std::vector<std::string> seeds = jsoniotest::scenarioInputs();
        seeds.push_back("{\"id\":12,\"name\":\"  Zoë \\\"x\\\" \",\"n\":[1,-2,3.5e2,18446744073709551615],\"ok\":true,\"z\":null,\"u\":\"\\u00e9\\ud83d\\ude00\"}");
        std::mt19937 random(20261124);
        static const char kAlphabet[] = "{}[]\",:\\u0123456789.eE+-truefalsn \t\r\ndD8\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xFF";
        int checked = 0;
        for (int round = 0; round < 20000; ++round) {
            std::string text = seeds[random() % seeds.size()];
            for (int edits = 1 + static_cast<int>(random() % 3); edits > 0 && !text.empty(); --edits) {
                const std::size_t at = random() % text.size();
                const char c = kAlphabet[random() % (sizeof kAlphabet - 1)];
                switch (random() % 3) {
                case 0: text[at] = c; break;
                case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c); break;
                default: text.erase(at, 1 + random() % 4); break;
                }
            }
            const std::string difference = jsoniotest::compareParse(text);
            QVERIFY2(difference.empty(), difference.c_str());
            ++checked;
        }
        QCOMPARE(checked, 20000);
    }

    void writesWhatDumpWrites()
    {
        // Every byte, alone and after ASCII, as a one-byte string and as a key.
        for (int b = 0; b < 256; ++b) {
            const std::string one(1, static_cast<char>(b));
            for (const Json& value : {Json(one), Json("a" + one + "z"), Json{{one, one}}})
                QCOMPARE(jsoniotest::appended(value), jsoniotest::dumped(value));
        }
        // Invalid UTF-8 of every kind, and random bytes.
        for (const char* text : {"\xC3", "a\xC3", "\xC3(", "\xE2\x82", "\xE2\x82z", "\xED\xA0\x80", "\xC0\xAF",
                                 "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\x80", "ok\xBF\xBFok", "\xF0\x9F\x98"})
            QCOMPARE(jsoniotest::appended(Json(text)), jsoniotest::dumped(Json(text)));
        std::mt19937 random(7);
        for (int round = 0; round < 5000; ++round) {
            std::string text(random() % 12, '\0');
            for (char& c : text)
                c = static_cast<char>(random() % 4 == 0 ? random() % 32 : 0x70 + random() % 0x90);
            QCOMPARE(jsoniotest::appended(Json(text)), jsoniotest::dumped(Json(text)));
        }
        // Numbers: extremes, and doubles from random bits (non-finite ones print null).
        for (const Json& value : {Json(std::numeric_limits<std::int64_t>::min()), Json(std::numeric_limits<std::int64_t>::max()),
                                  Json(std::numeric_limits<std::uint64_t>::max()), Json(0), Json(-0.0), Json(1e21),
                                  Json(1e-7), Json(123456789.0), Json(0.1), Json(std::nan("")), Json(-INFINITY)})
            QCOMPARE(jsoniotest::appended(value), jsoniotest::dumped(value));
        std::mt19937_64 bits(11);
        for (int round = 0; round < 20000; ++round) {
            const std::uint64_t pattern = bits();
            double number = 0;
            std::memcpy(&number, &pattern, sizeof number);
            QCOMPARE(jsoniotest::appended(Json(number)), jsoniotest::dumped(Json(number)));
        }
        const Json nested = {{"a", Json::array()}, {"b", Json::object()}, {"c", {1, {{"d", {nullptr, true, false}}}, "e"}}};
        QCOMPARE(jsoniotest::appended(nested), jsoniotest::dumped(nested));
    }

    void writesWhatAnIndentedDumpWrites()
    {
        // Pretty-printed: the bytes of dump(indent) for every scenario input, empty containers
        // and scalars included, at several indents.
        std::vector<Json> values = {Json::object(), Json::array(), Json(1), Json("x"),
                                    {{"a", Json::array()}, {"b", Json::object()}, {"c", {1, {{"d", {nullptr, true}}}, "e"}}}};
        for (const std::string& text : jsoniotest::scenarioInputs())
            values.push_back(mdsl::parseJson(text));
        for (const Json& value : values) {
            for (int indent : {0, 2, 4}) {
                std::string out = "prefix ";
                mdsl::appendJson(out, value, indent);
                QCOMPARE(out, "prefix " + value.dump(indent, ' ', false, Json::error_handler_t::replace));
            }
            QCOMPARE(mdsl::jsonText(value, 2), value.dump(2, ' ', false, Json::error_handler_t::replace));
            QCOMPARE(mdsl::jsonText(value), value.dump(-1, ' ', false, Json::error_handler_t::replace));
        }
        // 10,000 levels: written without recursion, each level on its own line.
        const int depth = 10000;
        const Json deep = mdsl::parseJson(std::string(depth, '[') + "1" + std::string(depth, ']'));
        const std::string pretty = mdsl::jsonText(deep, 2);
        QCOMPARE(std::count(pretty.begin(), pretty.end(), '\n'), std::ptrdiff_t{2 * depth});
        QCOMPARE(pretty.substr(0, 6), std::string("[\n  [\n"));
        QVERIFY(pretty.ends_with("\n  ]\n]"));
    }

    void excerptsCostWhatTheyShow()
    {
        // Whole when small; cut at a character boundary when not, never more than asked.
        const Json small = {{"a", {1, 2}}, {"é", "x"}};
        bool cut = true;
        QCOMPARE(mdsl::jsonExcerpt(small, 100, &cut), small.dump());
        QVERIFY(!cut);
        const Json accents = Json::array({std::string(100, 'a') + "ééééé"});
        for (std::size_t limit = 100; limit < 110; ++limit) {
            const std::string text = mdsl::jsonExcerpt(accents, limit, &cut);
            QVERIFY(cut);
            QVERIFY(text.size() <= limit);
            QCOMPARE(text, accents.dump().substr(0, text.size()));
            QVERIFY((static_cast<unsigned char>(accents.dump()[text.size()]) & 0xC0) != 0x80);
        }
        // A 10 MB string: its first bytes only, and a pretty excerpt is the indented text's start.
        const Json huge = {{"s", std::string(10'000'000, 'x')}};
        const std::string start = mdsl::jsonExcerpt(huge, 50, &cut, 2);
        QVERIFY(cut);
        QCOMPARE(start, huge.dump(2).substr(0, start.size()));
        QVERIFY(start.size() > 40 && start.size() <= 50);
        // A million elements: the first bytes only.
        Json million = Json::array();
        for (int i = 0; i < 1'000'000; ++i)
            million.push_back(i);
        const std::string first = mdsl::jsonExcerpt(million, 80, &cut);
        QVERIFY(cut);
        QCOMPARE(first, million.dump().substr(0, first.size()));
        QVERIFY(first.size() > 70 && first.size() <= 80);
    }

    // Every golden scenario through the routed dry-run (fallback on), with and without trace:
    // the result line written directly is the tree's dump, byte for byte.
    void resultLinesAreTheTreesDump()
    {
        mdsl::Flags flags;
        flags.set(mdsl::Flag::V1Fallback, true);
        int compared = 0;
        for (const QString& name : QDir(jsoniotest::kScenarios).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString dir = jsoniotest::kScenarios + "/" + name;
            const std::string text = jsoniotest::readFile(dir + "/mapping.mdsl");
            const std::string inputText = jsoniotest::readFile(dir + "/input.json");
            const Json input = inputText.empty() ? Json::object() : Json::parse(inputText);
            for (const mdsl::Route route : {mdsl::Route::V2Routed, mdsl::Route::V1Only}) {
                const mdsl::PreparedMapping mapping = mdsl::prepare(text, route, flags);
                for (const bool trace : {false, true}) {
                    const mdsl::RunResult result = mdsl::dryRun(mapping, input, enginetest::pinnedOptions(trace));
                    std::string line;
                    mdsl::appendResultJson(line, result);
                    QVERIFY2(line == jsoniotest::dumped(mdsl::toJson(result)), qPrintable(name));
                    ++compared;
                }
            }
        }
        QVERIFY(compared >= 240);
        // No output, invalid UTF-8 in a message, a V2 failure attached.
        mdsl::RunResult failure;
        failure.status = mdsl::RunStatus::Invalid;
        mdsl::Diagnostic diagnostic;
        diagnostic.code = "E420";
        diagnostic.message = "bad \xC3 byte";
        failure.diagnostics.push_back(diagnostic);
        mdsl::RunResult fallback;
        fallback.engine = mdsl::EngineKind::V1;
        fallback.fallback = true;
        fallback.output = Json{{"a", "\xFF"}};
        fallback.stats.elapsedUs = -1;
        fallback.v2Failure = std::make_shared<mdsl::RunResult>(failure);
        for (const mdsl::RunResult* result : {&failure, &fallback}) {
            std::string line;
            mdsl::appendResultJson(line, *result);
            QCOMPARE(line, jsoniotest::dumped(mdsl::toJson(*result)));
        }
    }
};

MDSL_TEST_MAIN(TestJsonIo)
#include "test_json_io.moc"
