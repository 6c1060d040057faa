// The function library against the catalog: every catalog entry has an implementation, and
// every example of the catalog runs and gives its expected result — through both engines when
// the entry is version 1, through V2 otherwise.

#include "testmain.h"

#include "enginetest.h"

#include "mdsl/catalog.h"

#include <QTest>

#include <algorithm>

using mdsl::EngineKind;
using mdsl::Json;

class TestFunctions : public QObject {
    Q_OBJECT

private slots:
    void everyEntryHasAnImplementation()
    {
        for (const mdsl::CatalogEntry& entry : mdsl::catalog()) {
            if (entry.kind != mdsl::CatalogKind::Function)
                continue;
            // Every arity the entry accepts must reach an implementation of the same name
            // (min/max have two entries told apart by arity).
            const int top = entry.maxArity == mdsl::CatalogEntry::kVariadic ? entry.minArity + 3 : entry.maxArity;
            for (int arity = entry.minArity; arity <= top; ++arity) {
                const std::string name(entry.name);
                // An implementation exists when a call with that arity validates and runs
                // without an internal error (E499).
                std::string args;
                for (int i = 0; i < arity; ++i)
                    args += (i ? ", " : "") + std::string(entry.isPerElement(i) ? "." : ".a");
                const std::string text = "mapping \"p\" version 2\nx[] <- each .items {\n  r <- " + name + "(" + args + ")\n}\n";
                const mdsl::RunResult result =
                    enginetest::runWith(EngineKind::V2, text, Json::parse(R"({"items": [{"a": [1]}]})"));
                for (const mdsl::Diagnostic& d : result.diagnostics)
                    QVERIFY2(d.code != "E499" && d.code != "E202",
                             qPrintable(QString::fromStdString(name + "/" + std::to_string(arity) + ": " + d.message)));
            }
        }
    }

    void examplesRun_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("isMapping");
        QTest::addColumn<int>("version");
        int n = 0;
        for (const mdsl::CatalogEntry& entry : mdsl::catalog())
            for (const mdsl::CatalogExample& example : entry.examples)
                QTest::newRow(qPrintable(QStringLiteral("%1 #%2").arg(QString::fromUtf8(entry.name.data(), int(entry.name.size()))).arg(++n)))
                    << QString::fromUtf8(example.code.data(), int(example.code.size()))
                    << QString::fromUtf8(example.input.data(), int(example.input.size()))
                    << QString::fromUtf8(example.expected.data(), int(example.expected.size()))
                    << example.isMapping << entry.version;
    }

    void examplesRun()
    {
        QFETCH(QString, code);
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(bool, isMapping);
        QFETCH(int, version);
        const std::string text = code.toStdString();
        const Json in = input.isEmpty() ? Json::object() : Json::parse(input.toStdString());
        const Json want = expected == "missing" ? Json("<missing>") : Json::parse(expected.toStdString());
        std::vector<EngineKind> engines{EngineKind::V2};
        if (version == 1)
            engines.push_back(EngineKind::V1);
        for (const EngineKind engine : engines) {
            Json got;
            if (isMapping) {
                const mdsl::RunResult result = enginetest::runWith(engine, text, in);
                if (engine == EngineKind::V1 && result.status == mdsl::RunStatus::Invalid)
                    continue;   // a version 2 example mapping of a version 1 function
                QCOMPARE(statusName(result.status), std::string_view("ok"));
                got = *result.output;
            } else {
                got = enginetest::evalExpr(engine, text, in, version);
            }
            // Numbers compare by value here (the catalog writes 3.0 and 3 alike in places).
            QVERIFY2(got == want || (got.is_number() && want.is_number() && got.get<double>() == want.get<double>()),
                     qPrintable(QStringLiteral("%1 via %2: got %3, expected %4")
                                    .arg(code, engine == EngineKind::V1 ? "v1" : "v2",
                                         QString::fromStdString(got.dump()), expected)));
        }
    }

    // An integer rounded to tens, hundreds… is exact (half away from zero); through doubles,
    // round(-9223372036854775808, -18) gave -8999999999999998976. A result past int64 is a
    // double, as an integer `+` that overflows.
    void roundingAnIntegerIsExact()
    {
        const struct {
            const char* expr;
            const char* want;
        } cases[] = {
            { "round(-9223372036854775807 - 1, -18)", "-9000000000000000000" },
            { "round(9223372036854775807, -18)", "9000000000000000000" },
            { "round(1234567890123456789, -3)", "1234567890123457000" },
            { "round(25, -1)", "30" },
            { "round(-25, -1)", "-30" },
            { "round(-24, -1)", "-20" },
            { "round(-9223372036854775807 - 1, -19)", "0" },
            { "round(9223372036854775807, -1)", "9.223372036854776e+18" },
        };
        for (const auto& c : cases)
            for (const EngineKind engine : { EngineKind::V1, EngineKind::V2 })
                QCOMPARE(enginetest::evalExpr(engine, c.expr, Json::object(), 1).dump(), std::string(c.want));
    }

    // Dates stay within what their formats can say: %Y is four digits, a zone offset is at
    // most 23:59 (RFC 3339).
    void datesOutsideTheirFormatsAreErrors()
    {
        const std::string iso = "\"%Y-%m-%dT%H:%M:%S%z\"";
        const struct {
            std::string expr;
            Json want;
        } cases[] = {
            { "format_date(253402300799999)", "9999-12-31T23:59:59Z" },
            { "format_date(253402300800000)", "<error E412>" }, // 10000-01-01
            { "format_date(-62167219200000)", "0000-01-01T00:00:00Z" },
            { "format_date(-62167219200001)", "<error E412>" }, // the year -1
            { "format_date(253402300800000, \"%H:%M\")", "00:00" }, // no %Y: any year
            { "parse_date(\"2024-03-01T00:00:00+23:59\", " + iso + ")", 1709164860000 },
            { "parse_date(\"2024-03-01T00:00:00+99:99\", " + iso + ")", "<error E412>" },
            { "parse_date(\"2024-03-01T00:00:00-24:00\", " + iso + ")", "<error E412>" },
            { "parse_date(\"2024-03-01T00:00:00+0060\", " + iso + ")", "<error E412>" },
        };
        for (const auto& c : cases)
            QCOMPARE(enginetest::evalExpr(EngineKind::V2, c.expr).dump(), c.want.dump());
    }

    // Base64 padding completes the last group of four: "====" is not Base64, nor is "QQ=".
    void base64PaddingMustCompleteTheLastGroup()
    {
        const struct {
            const char* text;
            Json want;
        } cases[] = {
            { "====", "<error E412>" },
            { "=", "<error E412>" },
            { "QQ=", "<error E412>" },
            { "QUJD=", "<error E412>" },
            { "QQ===", "<error E412>" },
            { "QQ==", "A" },
            { "QQ", "A" },
            { "QUI=", "AB" },
            { "", "" },
        };
        for (const auto& c : cases)
            QCOMPARE(enginetest::evalExpr(EngineKind::V2, "base64_decode(\"" + std::string(c.text) + "\")").dump(),
                c.want.dump());
    }

    // distinct and sort take a shortcut for arrays of up to 16 elements (no hash table, an
    // insertion sort): on either side of it they keep first occurrences in order, equate
    // numbers by value, keep equal keys in their order, and move or copy their elements alike.
    void distinctAndSortAtAnySize()
    {
        for (const int size : {3, 16, 17, 40}) {
            Json numbers = Json::array();
            Json firsts = Json::array();
            for (int i = 0; i < size; ++i) {
                const int n = (i * 7) % (size / 2 + 1);
                // Every other repeat of a value is written as a double: still the same number.
                numbers.push_back(i % 2 == 0 ? Json(n) : Json(static_cast<double>(n)));
                bool seen = false;
                for (const Json& kept : firsts)
                    seen = seen || kept.get<double>() == n;
                if (!seen)
                    firsts.push_back(numbers.back());
            }
            const Json input = {{"a", numbers}};
            QCOMPARE(enginetest::evalExpr(EngineKind::V2, "distinct(.a)", input).dump(), firsts.dump());
            Json ordered = numbers;
            std::stable_sort(ordered.begin(), ordered.end(),
                             [](const Json& x, const Json& y) { return x.get<double>() < y.get<double>(); });
            QCOMPARE(enginetest::evalExpr(EngineKind::V2, "sort(.a)", input).dump(), ordered.dump());
            Json orderedFirsts = firsts;
            std::stable_sort(orderedFirsts.begin(), orderedFirsts.end(),
                             [](const Json& x, const Json& y) { return x.get<double>() < y.get<double>(); });
            QCOMPARE(enginetest::evalExpr(EngineKind::V2, ".a | distinct | sort", input).dump(), orderedFirsts.dump());
        }
    }
};

MDSL_TEST_MAIN(TestFunctions)
#include "test_functions.moc"
