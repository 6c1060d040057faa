// The JSONPath engine beyond the compliance suite: error positions and messages, embedding
// in DSL expressions, normalized paths, regexes, nesting limits, the query inspection API.

#include "testmain.h"

#include "mdsl/jsonpath.h"

#include <QElapsedTimer>
#include <QTest>

#include <string>

using mdsl::Json;
namespace jp = mdsl::jsonpath;

namespace {

constexpr jp::ParseOptions kEmbedded{.embedded = true, .allowCurrentAsRoot = true};

jp::Error errorOf(const std::string& query, const jp::ParseOptions& options = {})
{
    const jp::ParseResult result = jp::parse(query, options);
    if (!result.error)
        return {0, 0, "(no error)", jp::ErrorCode::Syntax};
    return *result.error;
}

/// The selected values as one JSON array text.
QString run(const std::string& query, const Json& document)
{
    const jp::ParseResult result = jp::parse(query);
    if (!result.query)
        return QString::fromStdString("error: " + result.error->message);
    Json values = Json::array();
    for (const Json* value : result.query->select(document))
        values.push_back(*value);
    return QString::fromStdString(values.dump());
}

QString pathsOf(const std::string& query, const Json& document)
{
    QStringList paths;
    for (const jp::Node& node : jp::parse(query).query->selectWithPaths(document))
        paths << QString::fromStdString(jp::toString(node.path));
    return paths.join(QLatin1Char(' '));
}

} // namespace

class TestJsonPath : public QObject {
    Q_OBJECT

private slots:
    void errorsPointAtTheOffendingCharacter_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("code");
        const auto row = [](const char* name, const char* query, int offset, const char* message,
                            jp::ErrorCode code = jp::ErrorCode::Syntax) {
            QTest::newRow(name) << QString::fromUtf8(query) << offset << QString::fromUtf8(message)
                                << static_cast<int>(code);
        };
        row("no root", "a.b", 0, "expected '$' to start the query, found 'a'");
        row("unclosed bracket", "$['a'", 5, "expected ',' or ']' after the selector, found the end of the query");
        row("bad name start", "$.1", 2, "expected '*' or a member name after '.', found '1'");
        row("trailing blank", "$.a ", 3, "expected '.', '..', '[' or the end of the query, found blank space");
        row("unterminated string", "$['abc", 2, "unterminated string: expected a closing '");
        row("bad escape", "$['\\q']", 3,
            "invalid escape: expected one of \\b \\f \\n \\r \\t \\/ \\\\ \\uXXXX or the quote");
        row("leading zero", "$[01]", 2, "leading zeros are not allowed in the index");
        row("minus zero", "$[-0]", 2, "-0 is not allowed as the index");
        row("index above I-JSON", "$[9007199254740992]", 2,
            "the index is outside the I-JSON range -(2^53-1) to 2^53-1", jp::ErrorCode::IntegerRange);
        row("step below I-JSON", "$[::-9007199254740992]", 4,
            "the slice step is outside the I-JSON range -(2^53-1) to 2^53-1", jp::ErrorCode::IntegerRange);
        row("unknown function", "$[?foo(@)]", 3,
            "unknown function 'foo': expected length, count, match, search or value", jp::ErrorCode::UnknownFunction);
        row("arity", "$[?length(@, 1) > 1]", 3, "length() takes 1 argument, not 2", jp::ErrorCode::Type);
        row("non-singular compared", "$[?@.* == 1]", 3,
            "only a singular query (name and index selectors only) can be compared; use count(), value() or an "
            "existence test",
            jp::ErrorCode::Type);
        row("value result alone", "$[?length(@)]", 3,
            "the result of length() is a value and must be compared (==, !=, <, <=, >, >=)", jp::ErrorCode::Type);
        row("logical result compared", "$[?match(@, 'a') == true]", 3,
            "the result of match() is logical and cannot be compared", jp::ErrorCode::Type);
        row("literal alone", "$[?@.a && 1]", 10,
            "a literal cannot stand alone in a filter: expected a comparison operator (==, !=, <, <=, >, >=) after it",
            jp::ErrorCode::Type);
        row("count of a value", "$[?count(1) == 1]", 9, "the first argument of count() must be a query (it takes a nodelist)",
            jp::ErrorCode::Type);
        row("invalid regex literal", "$[?match(@, 'a(b')]", 12,
            "invalid I-Regexp pattern: unclosed '(' at offset 3 of the pattern", jp::ErrorCode::Regex);
        row("unclosed parenthesis", "$[?(@.a]", 7,
            "expected ')' to close the parenthesized expression, or '&&' or '||', found ']'");
    }

    void errorsPointAtTheOffendingCharacter()
    {
        QFETCH(QString, query);
        QFETCH(int, offset);
        QFETCH(QString, message);
        QFETCH(int, code);
        const jp::Error error = errorOf(query.toStdString());
        QCOMPARE(QString::fromStdString(error.message), message);
        QCOMPARE(static_cast<int>(error.offset), offset);
        QCOMPARE(static_cast<int>(error.code), code);
    }

    void errorsCoverTheOffendingText()
    {
        // What an editor underlines: the whole operand, literal or call at fault.
        const auto covered = [](const std::string& query) {
            const jp::Error error = errorOf(query);
            return QString::fromStdString(query.substr(error.offset, error.length));
        };
        QCOMPARE(covered("$[?@.* == 1]"), QStringLiteral("@.*"));
        QCOMPARE(covered("$[?match(@, 'a(b')]"), QStringLiteral("'a(b'"));
        QCOMPARE(covered("$[?length(@.a) && @.b]"), QStringLiteral("length(@.a)"));
        QCOMPARE(covered("$[?value(@.a == 1) == 1]"), QStringLiteral("@.a == 1"));
        QCOMPARE(covered("$[?@.a == 'x"), QStringLiteral("'"));
        QCOMPARE(errorOf("$[").length, 0u);   // at the end of the text
    }

    void integersAtTheIJsonLimitsAreAccepted()
    {
        const Json array = Json::array({1, 2, 3});
        QCOMPARE(run("$[-9007199254740991]", array), QStringLiteral("[]"));
        QCOMPARE(run("$[9007199254740991:]", array), QStringLiteral("[]"));
        QCOMPARE(run("$[-9007199254740991:9007199254740991:2]", array), QStringLiteral("[1,3]"));
        QCOMPARE(run("$[::-9007199254740991]", array), QStringLiteral("[3]"));
        QCOMPARE(errorOf("$[-9007199254740992]").code, jp::ErrorCode::IntegerRange);
        QCOMPARE(errorOf("$[99999999999999999999999]").code, jp::ErrorCode::IntegerRange);
    }

    void embeddedQueriesStopWhereTheDslContinues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("query");
        QTest::newRow("arithmetic") << QStringLiteral("$.a.b + 1") << QStringLiteral("$.a.b");
        // (The DSL's '{' is added as a QChar: moc miscounts a lone brace in a string literal.)
        QTest::newRow("each block") << (QStringLiteral("each $.items[?@.qty > 0] ") + QChar(u'{')).mid(5)
                                    << QStringLiteral("$.items[?@.qty > 0]");
        QTest::newRow("relative comparison") << QStringLiteral("@.price > 3") << QStringLiteral("@.price");
        QTest::newRow("brackets in strings") << QStringLiteral("$['a]b', \"[(\"][?@.x == ']'] * 2")
                                             << QStringLiteral("$['a]b', \"[(\"][?@.x == ']']");
        QTest::newRow("newline ends it") << QStringLiteral("$.a\n.b <- 1") << QStringLiteral("$.a");
        QTest::newRow("blank then segment") << QStringLiteral("$.a .b)") << QStringLiteral("$.a .b");
        QTest::newRow("newline inside brackets") << QStringLiteral("$[?@.a ==\n 1].b, x")
                                                 << QStringLiteral("$[?@.a ==\n 1].b");
        QTest::newRow("closing parenthesis") << QStringLiteral("$..price)") << QStringLiteral("$..price");
        QTest::newRow("root alone") << QStringLiteral("$ ") << QStringLiteral("$");
    }

    void embeddedQueriesStopWhereTheDslContinues()
    {
        QFETCH(QString, text);
        QFETCH(QString, query);
        const std::string input = text.toStdString();
        const jp::ParseResult result = jp::parse(input, kEmbedded);
        QVERIFY2(result.query, result.error ? result.error->message.c_str() : "");
        QCOMPARE(QString::fromStdString(input.substr(0, result.consumed)), query);
        QCOMPARE(QString::fromStdString(result.query->text()), query);
    }

    void embeddedErrorsTellHowFarToSkip()
    {
        // Brackets balanced and strings respected: the skip ends after the closing ']'.
        const std::string text = "$.items[?@.qty >> 0 || @.n == ']'] + 1";
        const jp::ParseResult result = jp::parse(text, kEmbedded);
        QVERIFY(result.error);
        QCOMPARE(result.error->offset, 16u);
        QCOMPARE(text.substr(0, result.consumed), std::string("$.items[?@.qty >> 0 || @.n == ']']"));

        // A bracket that never closes: skip to the end of the line, not of the whole text.
        const std::string unclosed = "$.a[?@.b == 1\nnext <- 2";
        const jp::ParseResult open = jp::parse(unclosed, kEmbedded);
        QVERIFY(open.error);
        QCOMPARE(unclosed.substr(0, open.consumed), std::string("$.a[?@.b == 1"));

        // A name that cannot start: the error is at the dot, the skip covers it.
        const jp::ParseResult dot = jp::parse("$.a.+1", kEmbedded);
        QVERIFY(dot.error);
        QCOMPARE(dot.error->offset, 4u);
        QVERIFY(dot.consumed >= 4u);
    }

    void currentNodeStartsOnlyWhenAllowed()
    {
        QCOMPARE(errorOf("@.a").message, std::string("expected '$' to start the query, found '@'"));
        const jp::ParseResult relative = jp::parse("@.a", {.allowCurrentAsRoot = true});
        QVERIFY(relative.query && relative.query->isRelative());
        const Json root = Json::parse(R"({"a": 1, "b": {"a": 2}})");
        std::vector<const Json*> out;
        relative.query->select(root, root["b"], out);
        QCOMPARE(out.size(), std::size_t{1});
        QCOMPARE(out.front(), &root["b"]["a"]);   // a pointer into the document, not a copy
    }

    void singularQueriesExposeTheirSteps()
    {
        const jp::ParseResult singular = jp::parse("$.a['b c'][-1]");
        QVERIFY(singular.query->isSingular());
        const auto steps = singular.query->singularSteps();
        QVERIFY(steps);
        QCOMPARE(steps->size(), std::size_t{3});
        QCOMPARE(std::get<std::string>((*steps)[1]), std::string("b c"));
        QCOMPARE(std::get<std::int64_t>((*steps)[2]), std::int64_t{-1});
        const Json root = Json::parse(R"({"a": {"b c": [1, 2, 3]}})");
        QCOMPARE(singular.query->selectOne(root, root), &root["a"]["b c"][2]);
        QVERIFY(!jp::parse("$.a.x").query->selectOne(root, root));   // missing
        QVERIFY(!jp::parse("$.a[*]").query->isSingular());
        QVERIFY(!jp::parse("$..a").query->singularSteps());
    }

    void normalizedPathsEscapeNames()
    {
        // Built in C++ rather than parsed from a raw string: moc misreads backslashes in raw strings.
        Json document = Json::object();
        document["it's"] = 1;
        document["back\\slash"] = 2;
        document["tab\t"] = 3;
        document[std::string("\x01")] = 4;
        document["é\""] = 5;
        QCOMPARE(pathsOf("$.*", document),
                 QStringLiteral("$['it\\'s'] $['back\\\\slash'] $['tab\\t'] $['\\u0001'] $['é\"']"));
        const jp::NormalizedPath path{std::string("a"), std::size_t{0}, std::string("\b\f\n\r")};
        QCOMPARE(jp::toString(path), std::string("$['a'][0]['\\b\\f\\n\\r']"));
    }

    void numbersCompareByValue()
    {
        const Json document = Json::parse(R"([{"n": 1}, {"n": 1.0}, {"n": 2}, {"n": 18446744073709551615}, {"n": -1}])");
        QCOMPARE(run("$[?@.n == 1].n", document), QStringLiteral("[1,1.0]"));
        QCOMPARE(run("$[?@.n > 1.5].n", document), QStringLiteral("[2,18446744073709551615]"));
        QCOMPARE(run("$[?@.n < 0].n", document), QStringLiteral("[-1]"));
        // Objects are equal whatever their member order, numbers whatever their representation.
        const Json pairs = Json::parse(R"([{"x": {"a": 1, "b": 2}, "y": {"b": 2, "a": 1.0}, "id": 1},
                                           {"x": {"a": 1}, "y": {"a": 2}, "id": 2},
                                           {"x": [1, 2], "y": [2, 1], "id": 3}])");
        QCOMPARE(run("$[?@.x == @.y].id", pairs), QStringLiteral("[1]"));
        // Nothing equals Nothing and is neither less nor greater than anything.
        QCOMPARE(run("$[?@.none == @.other].id", pairs), QStringLiteral("[1,2,3]"));
        QCOMPARE(run("$[?@.none <= @.id].id", pairs), QStringLiteral("[]"));
        QCOMPARE(run("$[?@.none != 1].id", pairs), QStringLiteral("[1,2,3]"));
    }

    void regexesTranslateToLinearTime()
    {
        // Catastrophic for a backtracking engine; RE2 answers at once.
        const Json document = Json::array({std::string(5000, 'a') + "!"});
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(run("$[?match(@, '(a+)+$')]", document), QStringLiteral("[]"));
        QCOMPARE(run("$[?search(@, '(a|aa)*b')]", document), QStringLiteral("[]"));
        QVERIFY2(timer.elapsed() < 2000, "a regex took too long");

        // '.' matches anything but line breaks; match is whole, search partial.
        const Json lines = Json::array({"a\nb", "a\rb", "a\u2028b", "axb", "xaxbx"});
        QCOMPARE(run("$[?match(@, 'a.b')]", lines), QStringLiteral("[\"a\u2028b\",\"axb\"]"));
        QCOMPARE(run("$[?search(@, 'a.b')]", lines), QStringLiteral("[\"a\u2028b\",\"axb\",\"xaxbx\"]"));
        // Classes, escapes and categories.
        const Json words = Json::array({"Ab", "ab", "a-b", "a.b", "a]b"});
        QCOMPARE(run("$[?match(@, '\\\\p{Lu}b')]", words), QStringLiteral("[\"Ab\"]"));
        QCOMPARE(run("$[?match(@, 'a[-.]b')]", words), QStringLiteral("[\"a-b\",\"a.b\"]"));
        QCOMPARE(run("$[?match(@, 'a[^a-z\\\\]]b')]", words), QStringLiteral("[\"a-b\",\"a.b\"]"));
        QCOMPARE(run("$[?match(@, 'a\\\\.b')]", words), QStringLiteral("[\"a.b\"]"));
        QCOMPARE(run("$[?match(@, '[a-c]{1,2}')]", words), QStringLiteral("[\"ab\"]"));
    }

    void invalidRegexesFromTheDocumentMatchNothing()
    {
        const Json document = {{"p", "a("}, {"q", "\\d"}, {"values", {"a(", "1"}}};
        QCOMPARE(run("$.values[?match(@, $.p)]", document), QStringLiteral("[]"));
        QCOMPARE(run("$.values[?search(@, $.q)]", document), QStringLiteral("[]"));   // \d is not I-Regexp
        QCOMPARE(errorOf("$[?match(@, '\\\\d')]").code, jp::ErrorCode::Regex);
        QCOMPARE(errorOf("$[?match(@, 'a{2,1}')]").code, jp::ErrorCode::Regex);
        QCOMPARE(errorOf("$[?match(@, '*a')]").code, jp::ErrorCode::Regex);
    }

    void deepNestingFailsCleanly()
    {
        const std::string parens = "$[?" + std::string(100000, '(') + "@.a" + std::string(100000, ')') + "]";
        const jp::Error tooDeep = errorOf(parens);
        QCOMPARE(tooDeep.code, jp::ErrorCode::TooDeep);
        QVERIFY(tooDeep.offset < 100u);

        std::string filters = "$";
        for (int i = 0; i < 5000; ++i)
            filters += "[?@";
        filters += std::string(5000, ']');
        QCOMPARE(errorOf(filters).code, jp::ErrorCode::TooDeep);

        std::string calls = "$[?";
        for (int i = 0; i < 5000; ++i)
            calls += "length(value(";
        QCOMPARE(errorOf(calls).code, jp::ErrorCode::TooDeep);

        // Nesting within the limit works.
        const std::string fine = "$[?" + std::string(20, '(') + "@.a" + std::string(20, ')') + "]";
        QCOMPARE(run(fine, Json::parse(R"([{"a": 1}, {"b": 2}])")), QStringLiteral("[{\"a\":1}]"));
    }

    void deepDocumentsDoNotExhaustTheStack()
    {
        // 100000 levels of arrays: descendant queries and deep equality walk them without recursion.
        Json deep = Json::array();
        Json* inner = &deep;
        for (int i = 0; i < 100000; ++i) {
            inner->push_back(Json::array());
            inner = &inner->back();
        }
        inner->push_back(7);
        const jp::ParseResult query = jp::parse("$..[?@ == 7]");
        QCOMPARE(query.query->select(deep).size(), std::size_t{1});
        const jp::ParseResult equality = jp::parse("$[?@ == $[0]]");
        QCOMPARE(equality.query->select(deep).size(), std::size_t{1});
        const std::vector<jp::Node> nodes = jp::parse("$..[?@ == 7]").query->selectWithPaths(deep);
        QCOMPARE(nodes.size(), std::size_t{1});
        QCOMPARE(nodes.front().path.size(), std::size_t{100001});   // 100000 arrays, then the 7
        QCOMPARE(jp::parse("$..[0]").query->select(deep).size(), std::size_t{100001});
        // nlohmann's destructor is iterative, so letting deep go is safe.
    }

    void compiledQueriesRunManyTimes()
    {
        const jp::ParseResult result = jp::parse("$.orders[?@.total > 100 && match(@.country, 'F.')].id");
        QVERIFY(result.query);
        const jp::Query copy = *result.query;   // shares the compiled form
        for (int i = 0; i < 3; ++i) {
            const Json document = Json::parse(
                R"({"orders": [{"id": 1, "total": 150, "country": "FR"}, {"id": 2, "total": 50, "country": "FI"},
                               {"id": 3, "total": 500, "country": "DE"}, {"id": 4, "total": 101.5, "country": "FI"}]})");
            Json ids = Json::array();
            for (const Json* id : copy.select(document))
                ids.push_back(*id);
            QCOMPARE(QString::fromStdString(ids.dump()), QStringLiteral("[1,4]"));
        }
    }
};

MDSL_TEST_MAIN(TestJsonPath)
#include "test_jsonpath.moc"
