// Mapping tests in the engine: reading suites (folder and NDJSON), running their cases,
// missing versus null, --update's rewrite, the reports, and bad suites.

#include "testmain.h"

#include "mdsl/mappingtests.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <sstream>

using mdsl::Json;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTestedMapping = R"(mapping "people" version 2
id <- .id
email <- .email
name <- upper(.name)
)";

void mtWrite(const fs::path& path, std::string_view text)
{
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string mtRead(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Runs on the V2 engine alone: under production's flags the routed dry-run falls back to
/// V1 when V2 fails, and V1 does not run version 2 documents.
mdsl::SuiteReport mtRun(const mdsl::TestSuite& suite)
{
    mdsl::SuiteRunSettings settings;
    settings.engine = mdsl::TestEngine::V2;
    return mdsl::runSuite(kTestedMapping, suite, settings);
}

} // namespace

class TestMappingTests : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    fs::path root() const { return fs::path(dir.path().toStdString()); }

private slots:
    void theSuitesBesideAMappingAreFound()
    {
        const fs::path base = root() / "find";
        mtWrite(base / "m.mdsl", kTestedMapping);
        QVERIFY(mdsl::suitesBeside(base / "m.mdsl").empty());
        mtWrite(base / "m.tests" / "a.input.json", "{}");
        mtWrite(base / "m.tests.ndjson", "");
        const std::vector<fs::path> found = mdsl::suitesBeside(base / "m.mdsl");
        QCOMPARE(found.size(), std::size_t{2});
        QCOMPARE(found[0].filename().string(), std::string("m.tests"));
        QCOMPARE(found[1].filename().string(), std::string("m.tests.ndjson"));
    }

    void aFolderSuitePassesAndFails()
    {
        const fs::path suitePath = root() / "folder.tests";
        mtWrite(suitePath / "ann.input.json", R"({"id": 1, "name": "ann", "email": "a@x"})");
        mtWrite(suitePath / "ann.expected.json", R"({"id": 1, "email": "a@x", "name": "ANN"})");
        mtWrite(suitePath / "bob.input.json", R"({"id": 2, "name": "bob"})");
        mtWrite(suitePath / "bob.expected.json", R"({"id": 2, "email": null, "name": "BOB"})");
        mtWrite(suitePath / "suite.json", R"({"engine": "v1", "now": "2026-05-01T00:00:00Z"})");
        std::string error;
        const std::optional<mdsl::TestSuite> suite = mdsl::loadSuite(suitePath, error);
        QVERIFY2(suite, error.c_str());
        QCOMPARE(suite->cases.size(), std::size_t{2});
        QCOMPARE(suite->settings.engine.value_or(""), std::string("v1"));
        QCOMPARE(suite->settings.now.value_or(""), std::string("2026-05-01T00:00:00Z"));
        const mdsl::SuiteReport report = mtRun(*suite);
        QCOMPARE(report.passed(), std::size_t{1});
        QVERIFY(report.cases[0].passed);
        // bob's email is missing, not null: the one difference, with no "actual".
        const mdsl::CaseResult& bob = report.cases[1];
        QVERIFY(!bob.passed);
        QCOMPARE(bob.differences.size(), std::size_t{1});
        QCOMPARE(bob.differences[0].pointer, std::string("/email"));
        QVERIFY(bob.differences[0].expected && bob.differences[0].expected->is_null());
        QVERIFY(!bob.differences[0].actual);
        const std::string text = mdsl::testReportText({report}, kTestedMapping, "m.mdsl");
        QVERIFY2(text.find("/email: expected null, got missing") != std::string::npos, text.c_str());
        QVERIFY(text.find("2 cases: 1 passed, 1 failed") != std::string::npos);
        const Json json = mdsl::testReportJson({report});
        const Json& difference = json["suites"][0]["cases"][1]["differences"][0];
        QVERIFY(difference.contains("expected") && !difference.contains("actual"));
        QCOMPARE(json["failed"].get<int>(), 1);
        const std::string junit = mdsl::testReportJUnit({report});
        QVERIFY(junit.find("tests=\"2\" failures=\"1\"") != std::string::npos);
        QVERIFY(junit.find("<failure message=\"/email: expected null, got missing\"") != std::string::npos);
    }

    void missingAndNullStayDistinct()
    {
        std::uint64_t more = 0;
        // An absent key against a null value, both ways.
        auto d = mdsl::testDifferences(Json{{"a", nullptr}}, Json::object(), 10, more);
        QCOMPARE(d.size(), std::size_t{1});
        QVERIFY(d[0].expected && !d[0].actual);
        d = mdsl::testDifferences(Json::object(), Json{{"a", nullptr}}, 10, more);
        QCOMPARE(d.size(), std::size_t{1});
        QVERIFY(!d[0].expected && d[0].actual && d[0].actual->is_null());
        // No output at all (the mapping did not run) is not a null output.
        d = mdsl::testDifferences(Json(), std::nullopt, 10, more);
        QCOMPARE(d.size(), std::size_t{1});
        QVERIFY(d[0].pointer.empty() && !d[0].actual);
        QVERIFY(mdsl::testDifferences(Json(), Json(), 10, more).empty());
        // Numbers by value, key order ignored; array elements past the end are missing.
        QVERIFY(mdsl::testDifferences(Json::parse(R"({"a":1,"b":2.0})"), Json::parse(R"({"b":2,"a":1.0})"), 10, more).empty());
        d = mdsl::testDifferences(Json::parse("[1,2]"), Json::parse("[1,2,3]"), 10, more);
        QCOMPARE(d.size(), std::size_t{1});
        QCOMPARE(d[0].pointer, std::string("/2"));
        QVERIFY(!d[0].expected);
        // Past the limit, the others are counted.
        d = mdsl::testDifferences(Json::parse("[1,2,3,4]"), Json::parse("[5,6,7,8]"), 2, more);
        QCOMPARE(d.size(), std::size_t{2});
        QCOMPARE(more, std::uint64_t{2});
    }

    void anNdjsonSuiteWithErrorsAndSettings()
    {
        const fs::path path = root() / "n.tests.ndjson";
        mtWrite(path, "{\"suite\": {\"engine\": \"v2\"}}\n"
                      "{\"name\": \"ann\", \"input\": {\"id\": 1, \"name\": \"ann\"}, \"expected\": {\"id\": 1, \"name\": \"ANN\"}}\n"
                      "\n"
                      "{\"input\": {\"id\": 2, \"name\": 5}, \"expected\": {\"id\": 2}, \"errors\": [\"E410\"]}\n"
                      "{\"input\": {\"id\": 3, \"name\": 5}, \"expected\": {\"id\": 3}}\n");
        std::string error;
        const std::optional<mdsl::TestSuite> suite = mdsl::loadSuite(path, error);
        QVERIFY2(suite, error.c_str());
        QCOMPARE(suite->cases.size(), std::size_t{3});
        QCOMPARE(suite->cases[0].name, std::string("ann"));
        QCOMPARE(suite->cases[1].name, std::string("line 4"));
        QCOMPARE(suite->cases[1].line, 4);
        const mdsl::SuiteReport report = mtRun(*suite);
        QVERIFY(report.cases[0].passed);
        QVERIFY(report.cases[1].passed);   // the expected runtime error
        QVERIFY(!report.cases[2].passed);  // an error the case does not expect
        QVERIFY(report.cases[2].differences.empty());
        QVERIFY(report.cases[2].errors == std::vector<std::string>{"E410"});
    }

    void updateRewritesWhatChangedAtomically()
    {
        const fs::path path = root() / "u.tests.ndjson";
        const std::string kept = "{\"name\": \"kept\", \"input\": {\"id\": 1}, \"expected\": {\"id\": 1}}";
        mtWrite(path, kept + "\n{\"name\": \"stale\", \"input\": {\"id\": 2, \"name\": \"x\"}, \"expected\": {\"id\": 9}}\n");
        std::string error;
        std::optional<mdsl::TestSuite> suite = mdsl::loadSuite(path, error);
        QVERIFY2(suite, error.c_str());
        const mdsl::UpdateOutcome outcome = mdsl::updateSuite(*suite, mtRun(*suite));
        QVERIFY2(outcome.error.empty(), outcome.error.c_str());
        QCOMPARE(outcome.changes.size(), std::size_t{1});
        QCOMPARE(outcome.changes[0], std::string("stale: /id: 9 -> 2, /name: missing -> \"X\""));
        const std::string text = mtRead(path);
        QVERIFY(text.starts_with(kept + "\n"));   // an unchanged line stays as written
        QVERIFY(!fs::exists(path.string() + ".mdsl-tmp"));
        suite = mdsl::loadSuite(path, error);
        QVERIFY(suite);
        QCOMPARE(mtRun(*suite).failed(), std::size_t{0});

        // A folder: the expected file rewritten, an errors file written for a failing run.
        const fs::path folder = root() / "uf.tests";
        mtWrite(folder / "a.input.json", R"({"id": 5, "name": 1})");
        mtWrite(folder / "a.expected.json", "{}");
        suite = mdsl::loadSuite(folder, error);
        QVERIFY(suite);
        QVERIFY(mdsl::updateSuite(*suite, mtRun(*suite)).error.empty());
        QVERIFY(Json::parse(mtRead(folder / "a.expected.json")) == Json::parse(R"({"id": 5})"));
        QVERIFY(Json::parse(mtRead(folder / "a.errors.json")) == Json::parse(R"(["E410"])"));
        suite = mdsl::loadSuite(folder, error);
        QCOMPARE(mtRun(*suite).failed(), std::size_t{0});
    }

    void anInvalidMappingFailsEveryCaseAndIsNotUpdated()
    {
        const fs::path path = root() / "inv.tests.ndjson";
        mtWrite(path, "{\"input\": {}, \"expected\": null}\n");
        std::string error;
        const std::optional<mdsl::TestSuite> suite = mdsl::loadSuite(path, error);
        QVERIFY(suite);
        const mdsl::SuiteReport report = mdsl::runSuite("mapping \"x\" version 2\na <- nosuch(.b)\n", *suite, {});
        QVERIFY(!report.mappingErrors.empty());
        QVERIFY(!report.cases[0].passed);   // no output is not a null output
        QVERIFY(!mdsl::updateSuite(*suite, report).error.empty());
        QCOMPARE(mtRead(path), std::string("{\"input\": {}, \"expected\": null}\n"));
    }

    void badSuitesGiveOneClearMessage_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("no expected key") << "a.tests.ndjson" << R"({"input": {}})" << "a.tests.ndjson:1: the record has no \"expected\"";
        QTest::newRow("not JSON") << "b.tests.ndjson" << "{\"input\": {}, \"expected\": 1}\n{\"input\": {,}\n"
                                  << "b.tests.ndjson:2:12: not JSON: syntax error";
        QTest::newRow("unknown key") << "c.tests.ndjson" << R"({"input": {}, "expect": 1})" << "unknown key \"expect\"";
        QTest::newRow("empty") << "d.tests.ndjson" << "\n" << "the suite has no cases";
        QTest::newRow("not an object") << "e.tests.ndjson" << "[1]" << "a test record must be an object";
        QTest::newRow("settings late") << "f.tests.ndjson" << "{\"input\": 1, \"expected\": 1}\n{\"suite\": {}}"
                                       << "must be alone on the first record";
        QTest::newRow("bad engine") << "g.tests.ndjson" << R"({"suite": {"engine": "v3"}})" << "unknown engine 'v3'";
        QTest::newRow("case without expected file") << "h.tests/x.input.json" << "{}" << "case 'x' has no expected file 'x.expected.json'";
        QTest::newRow("expected without input") << "i.tests/x.expected.json" << "{}" << "case 'x' has no input file";
        QTest::newRow("malformed input file") << "j.tests/x.input.json" << "{\n  \"a\": tru\n}" << "x.input.json:2:11: not JSON: syntax error while parsing value";
        QTest::newRow("empty folder") << "k.tests/readme.txt" << "notes" << "the suite has no cases";
    }

    void badSuitesGiveOneClearMessage()
    {
        QFETCH(QString, file);
        QFETCH(QString, content);
        QFETCH(QString, message);
        const fs::path path = root() / "bad" / file.toStdString();
        mtWrite(path, content.toStdString());
        if (file.endsWith(QStringLiteral("x.input.json")) && !file.startsWith(QLatin1Char('h')))
            mtWrite(path.parent_path() / "x.expected.json", "{}");
        const fs::path suite = file.contains(QLatin1Char('/')) ? path.parent_path() : path;
        std::string error;
        QVERIFY(!mdsl::loadSuite(suite, error));
        QVERIFY2(error.find(message.toStdString()) != std::string::npos, error.c_str());
    }

    void aMissingSuiteIsNamed()
    {
        std::string error;
        QVERIFY(!mdsl::loadSuite(root() / "nowhere.tests", error));
        QVERIFY2(error.find("no test suite at") != std::string::npos, error.c_str());
    }
};

MDSL_TEST_MAIN(TestMappingTests)
#include "test_mappingtests.moc"
