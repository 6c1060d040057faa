// mapping-dsl query, run as a user runs it.

#include "testmain.h"

#include "../cli/clitest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

namespace {

const QByteArray kStore = R"({"store": {"book": [{"title": "A", "price": 8.95}, {"title": "B", "price": 12.99}],
                               "bicycle": {"color": "red", "price": 19.95}}})";

QJsonArray outputArray(const CliResult& result)
{
    return QJsonDocument::fromJson(result.out.toUtf8()).array();
}

} // namespace

class TestJsonPathCli : public QObject {
    Q_OBJECT

private slots:
    void printsValuesFromStandardInput()
    {
        const CliResult r = runCli({QStringLiteral("query"), QStringLiteral("$..price")}, kStore);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(outputArray(r), QJsonArray({8.95, 12.99, 19.95}));
        QVERIFY(r.err.isEmpty());
    }

    void printsNormalizedPathsOfAFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("store.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(kStore);
        out.close();
        const CliResult r = runCli({QStringLiteral("query"), QStringLiteral("$.store.book[?@.price > 10]"), file,
                                    QStringLiteral("--paths")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(outputArray(r), QJsonArray({QStringLiteral("$['store']['book'][1]")}));
    }

    void emptyResultIsAnEmptyArray()
    {
        const CliResult r = runCli({QStringLiteral("query"), QStringLiteral("$.nothing"), QStringLiteral("-")}, kStore);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("[]"));
    }

    void invalidQueryShowsACaretUnderTheError()
    {
        const CliResult r = runCli({QStringLiteral("query"), QStringLiteral("$.store[?@.price >> 1]")}, kStore);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        const QStringList lines = r.err.split(QLatin1Char('\n'));
        QVERIFY2(lines.size() >= 3, qPrintable(r.err));
        QCOMPARE(lines[0], QStringLiteral("mapping-dsl: invalid query at 1:19: expected a filter expression: a query "
                                          "('@' or '$'), a literal, a function call, '!' or '(', found '>'"));
        QCOMPARE(lines[1], QStringLiteral("  $.store[?@.price >> 1]"));
        QCOMPARE(lines[2], QStringLiteral("  ") + QString(18, QLatin1Char(' ')) + QLatin1Char('^'));   // under the second '>'
    }

    void badInputIsExitCodeTwo()
    {
        const CliResult invalidJson = runCli({QStringLiteral("query"), QStringLiteral("$")}, "{\"a\": ");
        QCOMPARE(invalidJson.exitCode, 2);
        QVERIFY2(invalidJson.err.contains(QStringLiteral("invalid JSON in standard input")), qPrintable(invalidJson.err));

        const CliResult missing = runCli({QStringLiteral("query"), QStringLiteral("$"), QStringLiteral("/nonexistent/x.json")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("cannot read '/nonexistent/x.json'")), qPrintable(missing.err));

        const CliResult noQuery = runCli({QStringLiteral("query")});
        QCOMPARE(noQuery.exitCode, 2);
        QVERIFY(noQuery.err.contains(QStringLiteral("missing the QUERY argument")));

        const CliResult unknownOption = runCli({QStringLiteral("query"), QStringLiteral("$"), QStringLiteral("--frob")});
        QCOMPARE(unknownOption.exitCode, 2);
        QVERIFY(unknownOption.err.contains(QStringLiteral("unknown option '--frob'")));

        const QByteArray deep = QByteArray(20000, '[') + QByteArray(20000, ']');
        const CliResult tooDeep = runCli({QStringLiteral("query"), QStringLiteral("$")}, deep);
        QCOMPARE(tooDeep.exitCode, 2);
        QVERIFY(tooDeep.err.contains(QStringLiteral("nested more than 10000 levels deep")));
    }

    // Descendants of descendants of a 400-byte document used to take the machine's memory:
    // the query stops at its node limit, inside the traversal, with one line saying why.
    void aRunawayQueryStopsWithAMessage_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("values") << QStringList();
        QTest::newRow("paths") << QStringList{QStringLiteral("--paths")};
    }

    void aRunawayQueryStopsWithAMessage()
    {
        QFETCH(QStringList, extra);
        const QByteArray nested = QByteArray(200, '[') + "0" + QByteArray(200, ']');
        const CliResult r = runCli(QStringList{QStringLiteral("query"), QStringLiteral("$..*..*..*..*..*")} + extra, nested);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("mapping-dsl: the query visited more than 50,000,000 nodes"))
                     || r.err.startsWith(QStringLiteral("mapping-dsl: the query took longer than 10 s")),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void helpDescribesTheCommand()
    {
        const CliResult r = runCli({QStringLiteral("query"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("Usage: mapping-dsl query 'QUERY' [FILE|-] [--paths]")));
        const CliResult top = runCli({QStringLiteral("--help")});
        QVERIFY(top.out.contains(QStringLiteral("query       run a JSONPath query")));
    }
};

MDSL_TEST_MAIN(TestJsonPathCli)
#include "test_jsonpath_cli.moc"
