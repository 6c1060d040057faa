// The JSONPath Compliance Test Suite (RFC 9535): every case, one row each.

#include "testmain.h"

#include "mdsl/jsonpath.h"

#include <QFile>
#include <QTest>

#include <fstream>

using mdsl::Json;

namespace {

/// Values compared as JSON, objects regardless of member order (the suite's expectations
/// come from a JSON text; the RFC leaves member order to the implementation).
nlohmann::json plain(const Json& value)
{
    return nlohmann::json::parse(value.dump());
}

QString show(const Json& value)
{
    return QString::fromStdString(value.dump());
}

} // namespace

class TestJsonPathCts : public QObject {
    Q_OBJECT

    Json suite_;

private slots:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral(MDSL_JSONPATH_CTS)))
            QSKIP("The JSONPath compliance suite is not at " MDSL_JSONPATH_CTS
                  " (set the CMake cache variable MDSL_JSONPATH_CTS to its cts.json)");
        std::ifstream in(MDSL_JSONPATH_CTS);
        suite_ = Json::parse(in);
        QCOMPARE(suite_["tests"].size(), std::size_t{703});
    }

    void compliance_data()
    {
        QTest::addColumn<int>("index");
        if (!QFile::exists(QStringLiteral(MDSL_JSONPATH_CTS))) {
            QTest::newRow("suite absent") << -1;
            return;
        }
        std::ifstream in(MDSL_JSONPATH_CTS);
        const Json suite = Json::parse(in);
        int index = 0;
        for (const Json& test : suite["tests"]) {
            const std::string name = std::to_string(index) + ": " + test["name"].get<std::string>();
            QTest::newRow(name.c_str()) << index;
            ++index;
        }
    }

    void compliance()
    {
        QFETCH(int, index);
        const Json& test = suite_["tests"][static_cast<std::size_t>(index)];
        const std::string selector = test["selector"].get<std::string>();
        const auto parsed = mdsl::jsonpath::parse(selector);
        if (test.value("invalid_selector", false)) {
            QVERIFY2(parsed.error.has_value(), ("accepted an invalid query: " + selector).c_str());
            QVERIFY(!parsed.query.has_value());
            return;
        }
        QVERIFY2(parsed.query.has_value(),
                 ("rejected a valid query " + selector + ": " + parsed.error->message + " at "
                  + std::to_string(parsed.error->offset))
                     .c_str());
        const Json& document = test["document"];
        const std::vector<mdsl::jsonpath::Node> nodes = parsed.query->selectWithPaths(document);
        Json values = Json::array();
        Json paths = Json::array();
        for (const mdsl::jsonpath::Node& node : nodes) {
            values.push_back(*node.value);
            paths.push_back(mdsl::jsonpath::toString(node.path));
        }
        // The plain select() must agree with the one that builds paths.
        const std::vector<const Json*> plainNodes = parsed.query->select(document);
        QCOMPARE(plainNodes.size(), nodes.size());
        for (std::size_t i = 0; i < nodes.size(); ++i)
            QCOMPARE(plainNodes[i], nodes[i].value);

        if (test.contains("result")) {
            QVERIFY2(plain(values) == plain(test["result"]),
                     qPrintable(show(values) + QStringLiteral(" != ") + show(test["result"])));
            if (test.contains("result_paths"))
                QCOMPARE(show(paths), show(test["result_paths"]));
            return;
        }
        // Several results are allowed (object member order is unspecified): one must match.
        const Json& alternatives = test["results"];
        for (std::size_t i = 0; i < alternatives.size(); ++i) {
            if (plain(values) != plain(alternatives[i]))
                continue;
            if (test.contains("results_paths") && paths != test["results_paths"][i])
                continue;
            return;
        }
        QFAIL(("no alternative matches " + values.dump() + " " + paths.dump()).c_str());
    }
};

MDSL_TEST_MAIN(TestJsonPathCts)
#include "test_jsonpath_cts.moc"
