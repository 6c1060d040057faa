// JSON Patch generation (RFC 6902, pointers per RFC 6901) and application.

#include "testmain.h"

#include "mdsl/jsondiff.h"

#include <QTest>

#include <random>
#include <stdexcept>
#include <string>

using mdsl::Json;

namespace {

Json parse(const char* text)
{
    return Json::parse(text);
}

// Random JSON documents: keys drawn from a small pool (so two documents share keys and
// nest the same way often) that includes the characters pointers must escape.
class RandomJson {
public:
    explicit RandomJson(unsigned seed) : rng_(seed) {}

    Json document() { return value(0); }

    // A copy of `doc` with a few random edits: related documents give deep patches.
    Json mutate(const Json& doc, int depth = 0)
    {
        if (pick(4) == 0 || depth > 4)
            return pick(2) == 0 ? value(depth) : doc;
        if (doc.is_object()) {
            Json out = Json::object();
            for (const auto& [key, v] : doc.items()) {
                if (pick(6) != 0)
                    out[key] = mutate(v, depth + 1);
            }
            if (pick(3) == 0)
                out[key()] = value(depth + 1);
            return out;
        }
        if (doc.is_array()) {
            Json out = Json::array();
            for (const Json& v : doc)
                out.push_back(mutate(v, depth + 1));
            const int change = pick(4);
            if (change == 0)
                out.push_back(value(depth + 1));
            else if (change == 1 && !out.empty())
                out.erase(out.size() - 1);
            return out;
        }
        return doc;
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

    std::string key()
    {
        static const char* const keys[] = {"a", "b", "id", "a/b", "m~n", "~1", "", "é", "-", "0"};
        return keys[pick(10)];
    }

    Json value(int depth)
    {
        const int kind = depth > 3 ? pick(5) : pick(7);
        switch (kind) {
        case 0: return nullptr;
        case 1: return pick(2) == 0;
        case 2: return pick(200) - 100;
        case 3: return pick(2) == 0 ? Json(pick(9) / 4.0) : Json(static_cast<double>(pick(9)));
        case 4: return key();
        case 5: {
            Json o = Json::object();
            for (int i = pick(5); i > 0; --i)
                o[key()] = value(depth + 1);
            return o;
        }
        default: {
            Json a = Json::array();
            for (int i = pick(5); i > 0; --i)
                a.push_back(value(depth + 1));
            return a;
        }
        }
    }

    std::mt19937 rng_;
};

} // namespace

class TestJsonDiff : public QObject {
    Q_OBJECT

private slots:
    void equalDocumentsGiveEmptyPatch()
    {
        QCOMPARE(mdsl::jsonPatch(parse(R"({"a":1,"b":[1,2]})"), parse(R"({"b":[1,2],"a":1})")),
                 Json::array());
        QCOMPARE(mdsl::jsonPatch(parse("[1, 2.0]"), parse("[1.0, 2]")), Json::array());
    }

    void numbersCompareExactly()
    {
        QVERIFY(mdsl::jsonEqual(parse("1"), parse("1.0")));
        QVERIFY(!mdsl::jsonEqual(parse("1"), parse("1.5")));
        // 2^53 + 1 is not representable as a double: it must not equal 2^53 as a double.
        QVERIFY(!mdsl::jsonEqual(parse("9007199254740993"), parse("9007199254740992.0")));
        QVERIFY(mdsl::jsonEqual(parse("18446744073709551615"), parse("18446744073709551615")));
        QVERIFY(!mdsl::jsonEqual(parse("-1"), parse("18446744073709551615")));
        QVERIFY(!mdsl::jsonEqual(parse("\"1\""), parse("1")));
        QVERIFY(!mdsl::jsonEqual(parse("null"), parse("false")));
    }

    void objectMembersAreRemovedChangedAndAdded()
    {
        const Json patch = mdsl::jsonPatch(parse(R"({"keep":1,"gone":2,"change":{"x":1}})"),
                                           parse(R"({"keep":1,"change":{"x":2},"new":[true]})"));
        QCOMPARE(patch, parse(R"([
            {"op":"remove","path":"/gone"},
            {"op":"replace","path":"/change/x","value":2},
            {"op":"add","path":"/new","value":[true]}])"));
    }

    void pointerTokensAreEscaped()
    {
        const Json patch = mdsl::jsonPatch(parse(R"({"a/b~c":1})"), parse(R"({"a/b~c":2})"));
        QCOMPARE(patch, parse(R"([{"op":"replace","path":"/a~1b~0c","value":2}])"));
        QCOMPARE(mdsl::applyPatch(parse(R"({"a/b~c":1})"), patch), parse(R"({"a/b~c":2})"));
    }

    void arraysAreComparedByPosition()
    {
        QCOMPARE(mdsl::jsonPatch(parse("[1,2]"), parse("[1,3,4,5]")), parse(R"([
            {"op":"replace","path":"/1","value":3},
            {"op":"add","path":"/2","value":4},
            {"op":"add","path":"/3","value":5}])"));
        // Trailing removals from the last index back, so each index is valid when applied.
        QCOMPARE(mdsl::jsonPatch(parse("[1,2,3,4]"), parse("[1]")), parse(R"([
            {"op":"remove","path":"/3"},
            {"op":"remove","path":"/2"},
            {"op":"remove","path":"/1"}])"));
    }

    void differentTypesAreOneReplace()
    {
        QCOMPARE(mdsl::jsonPatch(parse(R"({"a":[1]})"), parse(R"({"a":{"0":1}})")),
                 parse(R"([{"op":"replace","path":"/a","value":{"0":1}}])"));
        QCOMPARE(mdsl::jsonPatch(parse("1"), parse("\"1\"")),
                 parse(R"([{"op":"replace","path":"","value":"1"}])"));
    }

    // RFC 6902 appendix A examples that exercise each operation.
    void appliesEveryOperation()
    {
        QCOMPARE(mdsl::applyPatch(parse(R"({"foo":["bar","baz"]})"),
                                  parse(R"([{"op":"add","path":"/foo/1","value":"qux"}])")),
                 parse(R"({"foo":["bar","qux","baz"]})"));
        QCOMPARE(mdsl::applyPatch(parse(R"({"foo":["bar"]})"),
                                  parse(R"([{"op":"add","path":"/foo/-","value":"end"}])")),
                 parse(R"({"foo":["bar","end"]})"));
        QCOMPARE(mdsl::applyPatch(parse(R"({"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}})"),
                                  parse(R"([{"op":"move","from":"/foo/waldo","path":"/qux/thud"}])")),
                 parse(R"({"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}})"));
        QCOMPARE(mdsl::applyPatch(parse(R"({"a":{"b":1}})"),
                                  parse(R"([{"op":"copy","from":"/a","path":"/c"},
                                            {"op":"remove","path":"/a/b"}])")),
                 parse(R"({"a":{},"c":{"b":1}})"));
        QCOMPARE(mdsl::applyPatch(parse(R"({"a":[1,2]})"),
                                  parse(R"([{"op":"test","path":"/a","value":[1.0,2]}])")),
                 parse(R"({"a":[1,2]})"));
    }

    void failingOperationIsNamed_data()
    {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing member") << R"([{"op":"add","path":"/x","value":1},{"op":"remove","path":"/nope"}])"
                                        << "JSON Patch operation 1 (\"remove\" \"/nope\"): member 'nope' does not exist";
        QTest::newRow("bad escape") << R"([{"op":"replace","path":"/a~2","value":1}])"
                                    << "invalid escape";
        QTest::newRow("index past end") << R"([{"op":"replace","path":"/arr/5","value":1}])"
                                        << "array index 5 is out of range (size 2)";
        QTest::newRow("leading zero") << R"([{"op":"add","path":"/arr/01","value":1}])"
                                      << "'01' is not an array index";
        QTest::newRow("failed test") << R"([{"op":"test","path":"/a","value":2}])"
                                     << "operation 0 (\"test\" \"/a\"): the value differs";
        QTest::newRow("unknown op") << R"([{"op":"frob","path":""}])" << "unknown operation";
        QTest::newRow("move into child") << R"([{"op":"move","from":"/arr","path":"/arr/0"}])"
                                         << "into itself";
        QTest::newRow("no value") << R"([{"op":"add","path":"/b"}])" << "missing member 'value'";
    }

    void failingOperationIsNamed()
    {
        QFETCH(QString, patch);
        QFETCH(QString, message);
        try {
            mdsl::applyPatch(parse(R"({"a":1,"arr":[1,2]})"), Json::parse(patch.toStdString()));
            QFAIL("the patch applied");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
        }
    }

    // The property the comparison relies on: applying the patch to V1's output gives V2's.
    void patchTurnsFromIntoTo()
    {
        for (unsigned seed = 1; seed <= 3000; ++seed) {
            RandomJson random(seed);
            const Json a = random.document();
            const Json b = seed % 3 == 0 ? random.document() : random.mutate(a);
            const Json patch = mdsl::jsonPatch(a, b);
            Json applied;
            try {
                applied = mdsl::applyPatch(a, patch);
            } catch (const std::exception& e) {
                QFAIL(qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(QString::fromUtf8(e.what()))));
            }
            if (!mdsl::jsonEqual(applied, b))
                QFAIL(qPrintable(QStringLiteral("seed %1: %2 -> %3 gave %4")
                                     .arg(seed)
                                     .arg(QString::fromStdString(a.dump()), QString::fromStdString(b.dump()),
                                          QString::fromStdString(applied.dump()))));
            QCOMPARE(patch.empty(), mdsl::jsonEqual(a, b));
        }
    }
};

MDSL_TEST_MAIN(TestJsonDiff)
#include "test_jsondiff.moc"
