// Values and missing (docs/engines.md, "Values and *missing*"): integers, division, Unicode, key order,
// the missing rules and the output rules, through both engines.

#include "testmain.h"

#include "enginetest.h"

#include <QTest>

using mdsl::EngineKind;
using mdsl::Json;
using enginetest::evalExpr;
using enginetest::runWith;
using enginetest::sameJson;

Q_DECLARE_METATYPE(Json)

class TestValues : public QObject {
    Q_OBJECT

private:
    // Checks one expression through both engines (version 1 syntax) and prints both on failure.
    static void checkBoth(const char* expr, const Json& expected, const Json& input = Json::object())
    {
        for (const EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
            const Json got = evalExpr(engine, expr, input, 1);
            if (!sameJson(got, expected))
                QFAIL(qPrintable(QStringLiteral("%1 (%2): got %3, expected %4")
                                     .arg(expr, engine == EngineKind::V1 ? "v1" : "v2",
                                          QString::fromStdString(got.dump()), QString::fromStdString(expected.dump()))));
        }
    }

private slots:
    void integersStayExact()
    {
        checkBoth("9007199254740993 + 0", Json(std::int64_t{9007199254740993}));
        checkBoth("3 * 4", Json(12));
        checkBoth("-7 % 3", Json(-1));
    }

    void overflowGivesADouble()
    {
        checkBoth("9223372036854775807 + 1", Json(9.223372036854775808e18));
        checkBoth("-9223372036854775807 - 10", Json(-9.223372036854775817e18));
        checkBoth("4611686018427387904 * 4", Json(1.8446744073709552e19));
    }

    void divisionIsExactOrDouble()
    {
        checkBoth("6 / 3", Json(2));
        checkBoth("7 / 2", Json(3.5));
        checkBoth("1 / 3", Json(1.0 / 3.0));
        checkBoth("1 / 0", Json("<error E411>"));
        checkBoth("5 % 0", Json("<error E411>"));
    }

    void doublesPrintShortest()
    {
        QCOMPARE(evalExpr(EngineKind::V2, "0.1 + 0.2", Json::object(), 1).dump(), std::string("0.30000000000000004"));
        QCOMPARE(evalExpr(EngineKind::V1, "1.5 * 2", Json::object(), 1).dump(), std::string("3.0"));
    }

    void unicodeCountsCodePoints()
    {
        checkBoth("upper(\"josé\")", Json("JOSÉ"));
        checkBoth("lower(\"ÉCOLE\")", Json("école"));
        checkBoth("upper(\"straße\")", Json("STRASSE"));
        checkBoth("length(\"😀é\")", Json(2));
        checkBoth("substring(\"a😀bc\", 1, 2)", Json("😀b"));
        checkBoth("trim(\"\u00a0 x \u2003\")", Json("x"));
        // Comparison by code point: "é" (U+00E9) sorts after "z".
        checkBoth("\"é\" > \"z\"", Json(true));
    }

    void missingPropagates()
    {
        checkBoth(".nope + 1", Json("<missing>"));
        checkBoth("upper(.nope)", Json("<missing>"));
        checkBoth("upper(.n)", Json(nullptr), Json{{"n", nullptr}});
        checkBoth("default(.nope, 1)", Json(1));
        checkBoth("default(.n, 1)", Json(1), Json{{"n", nullptr}});
        checkBoth("concat(\"a\", .nope, null, 1)", Json("a1"));
        checkBoth("exists(.n)", Json(true), Json{{"n", nullptr}});
        checkBoth("is_null(.nope)", Json(true));
        checkBoth("length(.nope)", Json("<missing>"));
        checkBoth("if(.nope, 1, 2)", Json(2));
    }

    void typeErrorsFailTheRuleOnly()
    {
        const char* text = "a <- upper(42)\nb <- 1 + \"x\"\nc <- .v\n";
        for (const EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
            const mdsl::RunResult result = runWith(engine, text, Json{{"v", 7}});
            QCOMPARE(result.status, mdsl::RunStatus::Failed);
            QCOMPARE(result.output->dump(), std::string(R"({"c":7})"));
            QCOMPARE(result.diagnostics.size(), std::size_t{2});
            QCOMPARE(result.diagnostics[0].code, std::string("E410"));
            QCOMPARE(result.diagnostics[0].range.start.line, 1);
            QCOMPARE(result.diagnostics[1].range.start.line, 2);
        }
    }

    void keyOrderIsFirstWriteAndInputOrder()
    {
        const char* text = "z <- 1\na <- .o\nm <- 2\nz <- 3\n";
        const Json input = Json::parse(R"({"o": {"y": 1, "b": 2, "x": 3}})");
        for (const EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
            const mdsl::RunResult result = runWith(engine, text, input);
            QCOMPARE(result.output->dump(), std::string(R"({"z":3,"a":{"y":1,"b":2,"x":3},"m":2})"));
        }
    }

    void targetsCreatePadAndConflict()
    {
        // (A write under a scalar written by another rule is a validation error, E205; the
        // engines' own check, E413, is covered by the scenario write-under-scalar.)
        const char* text = "a.b[2] <- 1\nc.d <- 1\nc.e <- 2\nskip <- .nope\n";
        for (const EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
            const mdsl::RunResult result = runWith(engine, text, Json::object());
            QCOMPARE(result.output->dump(), std::string(R"({"a":{"b":[null,null,1]},"c":{"d":1,"e":2}})"));
            QCOMPARE(result.status, mdsl::RunStatus::Ok);
            QCOMPARE(result.stats.skipped, std::uint64_t{1});
            QCOMPARE(result.stats.writes, std::uint64_t{3});
            QCOMPARE(result.stats.rules, std::uint64_t{4});
        }
    }

    void literalsAndBlocks()
    {
        const char* text = "mapping \"t\" version 2\n"
                           "o <- {a: .nope, b: 1}\n"
                           "l <- [.nope, 2]\n"
                           "empty { x <- .nope }\n"
                           "lines[] <- each .items { n <- . }\n"
                           "none[] <- each .nope { n <- . }\n"
                           "zero[] <- each .empty { n <- . }\n";
        const mdsl::RunResult result = runWith(EngineKind::V2, text, Json::parse(R"({"items": [1, 2], "empty": []})"));
        QCOMPARE(result.status, mdsl::RunStatus::Ok);
        QCOMPARE(result.output->dump(), std::string(R"({"o":{"b":1},"l":[null,2],"lines":[{"n":1},{"n":2}],"zero":[]})"));
    }

    void eachOverAnObjectIsAnError()
    {
        const char* text = "mapping \"t\" version 2\nlines[] <- each .o { n <- . }\nok <- 1\n";
        const mdsl::RunResult result = runWith(EngineKind::V2, text, Json::parse(R"({"o": {"a": 1}})"));
        QCOMPARE(result.status, mdsl::RunStatus::Failed);
        QCOMPARE(result.diagnostics.back().code, std::string("E414"));
        QCOMPARE(result.output->dump(), std::string(R"({"ok":1})"));
    }

    void inputIsNotCopiedWhenRead()
    {
        // A let bound to a large input value and read many times stays cheap and exact.
        Json big = Json::array();
        for (int i = 0; i < 1000; ++i)
            big.push_back(i);
        const char* text = "let xs = .big\na <- length(xs)\nb <- length(xs)\n";
        for (const EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
            const mdsl::RunResult result = runWith(engine, text, Json{{"big", big}});
            QCOMPARE(result.output->dump(), std::string(R"({"a":1000,"b":1000})"));
        }
    }
};

MDSL_TEST_MAIN(TestValues)
#include "test_values.moc"
