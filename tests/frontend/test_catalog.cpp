// The function catalog: complete against the function list the language defines, unambiguous, and every example
// a valid expression of the version and flag its entry names (the engines run them next).

#include "testmain.h"

#include "mdsl/catalog.h"
#include "mdsl/validate.h"

#include <QTest>

#include <set>

using mdsl::CatalogEntry;
using mdsl::CatalogKind;
using mdsl::Flag;

namespace {

// The function list of the language's definition, word for word (docs/functions.md is generated from the catalog).
const char* const kV1 = "concat upper lower trim length substring replace to_string to_number to_boolean "
                        "default if lookup round floor ceil abs min max exists is_null";
const char* const kNewOps = "coalesce split starts_with ends_with contains pad_left pad_right matches "
                            "replace_regex keys values merge type_of switch parse_date format_date now "
                            "sha256 base64_encode base64_decode url_encode json_parse json_stringify";
const char* const kArrayOps = "map filter flatten sort sort_by distinct group_by index_by sum avg min max "
                              "count first last join reverse slice zip any all find index";
const char* const kOperators = "+ - * / % == != < <= > >= and or not ?? |";

QStringList words(const char* list)
{
    return QString::fromLatin1(list).split(u' ', Qt::SkipEmptyParts);
}

const CatalogEntry* entryFor(const QString& name, CatalogKind kind, int version)
{
    for (const CatalogEntry& entry : mdsl::catalog()) {
        if (entry.kind == kind && entry.version == version && QString::fromUtf8(entry.name.data(), int(entry.name.size())) == name)
            return &entry;
    }
    return nullptr;
}

QString describe(const std::vector<mdsl::Diagnostic>& diagnostics)
{
    QStringList out;
    for (const auto& d : diagnostics)
        out << QString::fromStdString(d.code + " " + d.message);
    return out.join(u"; ");
}

// The document an example stands for: a mapping as is, an expression as one rule.
std::string exampleDocument(const CatalogEntry& entry, const mdsl::CatalogExample& example)
{
    if (example.isMapping)
        return std::string(example.code);
    return "mapping \"example\" version " + std::to_string(entry.version) + "\nresult <- " + std::string(example.code) + "\n";
}

} // namespace

class TestCatalog : public QObject {
    Q_OBJECT

private slots:
    void everyDesignFunctionIsThere_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("version");
        QTest::addColumn<int>("flag");   // -1: none
        for (const QString& name : words(kV1))
            QTest::newRow(qPrintable("v1 " + name)) << name << int(CatalogKind::Function) << 1 << -1;
        for (const QString& name : words(kNewOps))
            QTest::newRow(qPrintable("new_ops " + name)) << name << int(CatalogKind::Function) << 2 << int(Flag::V2NewOps);
        for (const QString& name : words(kArrayOps))
            QTest::newRow(qPrintable("array_ops " + name)) << name << int(CatalogKind::Function) << 2 << int(Flag::V2ArrayOps);
        for (const QString& name : words(kOperators)) {
            const bool v2 = name == "??" || name == "|";
            QTest::newRow(qPrintable("operator " + name)) << name << int(CatalogKind::Operator) << (v2 ? 2 : 1)
                                                          << (v2 ? int(Flag::V2NewOps) : -1);
        }
    }

    void everyDesignFunctionIsThere()
    {
        QFETCH(QString, name);
        QFETCH(int, kind);
        QFETCH(int, version);
        QFETCH(int, flag);
        const CatalogEntry* entry = entryFor(name, CatalogKind(kind), version);
        QVERIFY2(entry, qPrintable(name + " is missing"));
        QCOMPARE(entry->flag.has_value(), flag >= 0);
        if (flag >= 0)
            QCOMPARE(int(*entry->flag), flag);
        QVERIFY(!entry->signature.empty());
        QVERIFY(!entry->summary.empty());
        QVERIFY(!entry->missing.empty());
        QVERIFY(!entry->errors.empty());
        QVERIFY(!entry->examples.empty());
    }

    void nothingBeyondTheDesign()
    {
        const QStringList all = words(kV1) + words(kNewOps) + words(kArrayOps) + words(kOperators);
        for (const CatalogEntry& entry : mdsl::catalog())
            QVERIFY2(all.contains(QString::fromUtf8(entry.name.data(), int(entry.name.size()))), entry.name.data());
    }

    void overloadsAreToldApartByArity()
    {
        for (std::string_view name : mdsl::functionNames()) {
            const auto overloads = mdsl::findFunctions(name);
            for (int count = 0; count < 12; ++count) {
                int accepting = 0;
                for (const CatalogEntry* entry : overloads)
                    accepting += entry->acceptsArity(count) ? 1 : 0;
                QVERIFY2(accepting <= 1, name.data());
            }
        }
        const auto min = mdsl::findFunctions("min");
        QCOMPARE(min.size(), std::size_t(2));
        QVERIFY(min[0]->acceptsArity(2) && min[0]->acceptsArity(5) && !min[0]->acceptsArity(1));
        QCOMPARE(min[0]->version, 1);
        QVERIFY(min[1]->acceptsArity(1) && !min[1]->acceptsArity(2));
        QCOMPARE(min[1]->flag, std::optional<Flag>(Flag::V2ArrayOps));
        QVERIFY(mdsl::findFunctions("??").empty());   // operators are not callable
    }

    void perElementArgumentsAreExactlyTheDesigns()
    {
        const QStringList perElement = words("map filter sort_by group_by index_by any all find");
        for (const CatalogEntry& entry : mdsl::catalog()) {
            const QString name = QString::fromUtf8(entry.name.data(), int(entry.name.size()));
            QCOMPARE(entry.perElementArgs != 0, perElement.contains(name));
            if (entry.perElementArgs != 0)
                QVERIFY2(entry.isPerElement(1) && !entry.isPerElement(0), qPrintable(name));
        }
    }

    void examplesAreValidJsonAndValidDocuments()
    {
        int examples = 0;
        for (const CatalogEntry& entry : mdsl::catalog()) {
            for (const mdsl::CatalogExample& example : entry.examples) {
                ++examples;
                const QString where = QString::fromUtf8(entry.name.data(), int(entry.name.size())) + ": "
                    + QString::fromUtf8(example.code.data(), int(example.code.size()));
                if (!example.input.empty())
                    QVERIFY2(!mdsl::Json::parse(example.input, nullptr, false).is_discarded(), qPrintable(where));
                if (example.expected != "missing")
                    QVERIFY2(!mdsl::Json::parse(example.expected, nullptr, false).is_discarded(), qPrintable(where));
                const std::string document = exampleDocument(entry, example);
                const auto diagnostics = mdsl::validate(document, {});
                QVERIFY2(diagnostics.empty(), qPrintable(where + " -> " + describe(diagnostics)));
                // Version 1 entries' examples run on the V1 engine as well.
                if (entry.version == 1 && !example.isMapping) {
                    mdsl::ValidateOptions v1;
                    v1.engine = mdsl::EngineKind::V1;
                    const auto v1Diagnostics = mdsl::validate(document, v1);
                    QVERIFY2(v1Diagnostics.empty(), qPrintable(where + " (V1) -> " + describe(v1Diagnostics)));
                }
            }
        }
        QVERIFY(examples > 100);
    }

    void designBehavioursHaveExamples_data()
    {
        // Behaviours that authors rely on (docs/functions.md).
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("round half away from zero") << "round(2.5)" << "3";
        QTest::newRow("round negative") << "round(-2.5)" << "-3";
        QTest::newRow("to_number integer") << "to_number(\"42\")" << "42";
        QTest::newRow("join empty") << "join([], \",\")" << "\"\"";
        QTest::newRow("sum empty") << "sum([])" << "0";
        QTest::newRow("first empty") << "first([])" << "missing";
        QTest::newRow("last empty") << "last([])" << "missing";
        QTest::newRow("concat skips") << "concat(\"a\", .nope, null, \"b\")" << "\"ab\"";
        QTest::newRow("coalesce") << "coalesce(.a, .b, \"none\")" << "\"none\"";
        QTest::newRow("default null") << "default(.a, 0)" << "0";
    }

    void designBehavioursHaveExamples()
    {
        QFETCH(QString, code);
        QFETCH(QString, expected);
        for (const CatalogEntry& entry : mdsl::catalog()) {
            for (const mdsl::CatalogExample& example : entry.examples) {
                if (QString::fromUtf8(example.code.data(), int(example.code.size())) == code) {
                    QCOMPARE(QString::fromUtf8(example.expected.data(), int(example.expected.size())), expected);
                    return;
                }
            }
        }
        QFAIL(qPrintable("no example " + code));
    }

    void jsonAndMarkdownHoldEveryEntry()
    {
        const mdsl::Json json = mdsl::catalogToJson();
        QCOMPARE(json.at("functions").size(), mdsl::catalog().size());
        const mdsl::Json& round = *std::find_if(json["functions"].begin(), json["functions"].end(),
                                                [](const mdsl::Json& e) { return e["name"] == "round"; });
        QCOMPARE(round["maxArity"].get<int>(), 2);
        QVERIFY(round["flag"].is_null());
        const std::string markdown = mdsl::catalogToMarkdown();
        std::set<std::string_view> seen;
        for (const CatalogEntry& entry : mdsl::catalog()) {
            if (seen.insert(entry.name).second)
                QVERIFY2(markdown.find("### `" + std::string(entry.name) + "`") != std::string::npos, entry.name.data());
        }
    }
};

MDSL_TEST_MAIN(TestCatalog)
#include "test_catalog.moc"
