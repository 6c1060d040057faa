// Why an output location has its value or none (mdsl/explain.h), on the bundled examples and
// small mappings: a rule's write, a missing input path, array blocks and their elements,
// runtime errors, a `when` that did not hold, a cut trace and a location no rule writes.

#include "testmain.h"

#include "enginetest.h"

#include "mdsl/analysis.h"
#include "mdsl/explain.h"

#include <QFile>
#include <QTest>

using mdsl::EngineKind;
using mdsl::Json;
using mdsl::WhyKind;

namespace {

std::string exampleFile(const char* name)
{
    QFile file(QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

/// A traced run of `text` on `input` by `engine`, and the answer for `pointer`.
mdsl::Why whyOf(const std::string& text, const Json& input, EngineKind engine, const std::string& pointer,
                std::size_t maxEvents = 0)
{
    const mdsl::Analysis analysis = mdsl::analyze(text, mdsl::Flags());
    mdsl::RunOptions options = enginetest::pinnedOptions(true);
    options.maxTraceEvents = maxEvents;
    const mdsl::RunResult run = mdsl::run(analysis.compiled(engine), input, options);
    return mdsl::explain(run, analysis, pointer);
}

} // namespace

class TestExplain : public QObject {
    Q_OBJECT

private slots:
    void customerOnBothEngines_data()
    {
        QTest::addColumn<int>("engine");
        QTest::newRow("v1") << int(EngineKind::V1);
        QTest::newRow("v2") << int(EngineKind::V2);
    }

    void customerOnBothEngines()
    {
        QFETCH(int, engine);
        const std::string text = exampleFile("customer-v1.mdsl");
        const Json input = Json::parse(exampleFile("customer-v1.input.json"));
        const auto kind = EngineKind(engine);

        const mdsl::Why fax = whyOf(text, input, kind, "/customer/fax");
        QCOMPARE(fax.kind, WhyKind::Missing);
        QCOMPARE(fax.path, std::string(".contact.fax"));
        QVERIFY(fax.rule);
        QCOMPARE(fax.rule->line, 17);
        QCOMPARE(fax.rule->text, std::string("customer.fax <- .contact.fax"));
        QCOMPARE(fax.english, std::string("`.contact.fax` is missing in the input (rule at line 17)"));

        const mdsl::Why id = whyOf(text, input, kind, "/customer/id");
        QCOMPARE(id.kind, WhyKind::Written);
        QCOMPARE(id.rule->line, 7);
        QCOMPARE(id.english, std::string("written by the rule at line 7 `customer.id <- .id`"));

        // A null read from the input is a value: written.
        const mdsl::Why phone = whyOf(text, input, kind, "/customer/phone");
        QCOMPARE(phone.kind, WhyKind::Written);
        QCOMPARE(phone.rule->line, 14);

        // The object the rules wrote into.
        const mdsl::Why customer = whyOf(text, input, kind, "/customer");
        QCOMPARE(customer.kind, WhyKind::Contains);
        QCOMPARE(customer.target, std::string("/customer/id"));
        QCOMPARE(customer.rule->line, 7);

        const mdsl::Why unknown = whyOf(text, input, kind, "/nothing/here");
        QCOMPARE(unknown.kind, WhyKind::NotTargeted);
        QVERIFY(!unknown.rule);
        QCOMPARE(unknown.english, std::string("no rule writes it"));
        QCOMPARE(whyOf(text, input, kind, "not a pointer").kind, WhyKind::NotTargeted);
    }

    void functionWithoutValue()
    {
        const std::string text = "mapping \"t\" version 2\ntable t = { \"a\": 1 }\nout.v <- lookup(t, .k)\n";
        const mdsl::Why why = whyOf(text, Json{{"k", "zz"}}, EngineKind::V2, "/out/v");
        QCOMPARE(why.kind, WhyKind::NoValue);
        QCOMPARE(why.path, std::string("lookup(t, .k)"));
        QCOMPARE(why.rule->line, 3);
    }

    void arrayBlocksAndElements()
    {
        const std::string text = exampleFile("order-export.mdsl");
        const Json input = Json::parse(exampleFile("order-export.input.json"));
        const mdsl::Why sku = whyOf(text, input, EngineKind::V2, "/order/lines/0/sku");
        QCOMPARE(sku.kind, WhyKind::Written);
        QCOMPARE(sku.rule->text, std::string("sku <- .sku"));
        QCOMPARE(sku.rule->line, 17);

        const mdsl::Why element = whyOf(text, input, EngineKind::V2, "/order/lines/1");
        QCOMPARE(element.kind, WhyKind::Element);
        QCOMPARE(element.index, 1);
        QCOMPARE(element.rule->line, 16);

        const mdsl::Why lines = whyOf(text, input, EngineKind::V2, "/order/lines");
        QCOMPARE(lines.kind, WhyKind::Written);
        QCOMPARE(lines.rule->line, 16);
        QCOMPARE(lines.rule->text, std::string("order.lines[] <- each $.items[?@.qty > 0] { # array container over a JSONPath"));

        // Inside a value written whole.
        const std::string whole = "mapping \"t\" version 2\nout.items <- .items\n";
        const mdsl::Why inside = whyOf(whole, Json{{"items", Json::array({Json{{"a", 1}}})}}, EngineKind::V2, "/out/items/0/a");
        QCOMPARE(inside.kind, WhyKind::WrittenInside);
        QCOMPARE(inside.target, std::string("/out/items"));
        QCOMPARE(inside.rule->line, 2);

        // A member missing in one element only, and a block whose source is missing or null.
        const std::string block = "mapping \"t\" version 2\n"
                                  "out.items[] <- each .items {\n"
                                  "  fax <- .contact.fax\n"
                                  "}\n"
                                  "out.none[] <- each .none {\n"
                                  "  x <- .x\n"
                                  "}\n"
                                  "out.nil[] <- each .nil {\n"
                                  "  x <- .x\n"
                                  "}\n";
        const Json items = Json::parse(R"({"items": [{"contact": {"fax": "1"}}, {"contact": {}}], "nil": null})");
        QCOMPARE(whyOf(block, items, EngineKind::V2, "/out/items/0/fax").kind, WhyKind::Written);
        const mdsl::Why fax = whyOf(block, items, EngineKind::V2, "/out/items/1/fax");
        QCOMPARE(fax.kind, WhyKind::Missing);
        QCOMPARE(fax.path, std::string(".contact.fax"));
        QCOMPARE(fax.rule->line, 3);
        const mdsl::Why none = whyOf(block, items, EngineKind::V2, "/out/none");
        QCOMPARE(none.kind, WhyKind::Missing);
        QCOMPARE(none.path, std::string(".none"));
        QCOMPARE(none.rule->line, 5);
        const mdsl::Why nil = whyOf(block, items, EngineKind::V2, "/out/nil");
        QCOMPARE(nil.kind, WhyKind::Null);
        QCOMPARE(nil.path, std::string(".nil"));
        QCOMPARE(nil.english, std::string("`.nil` is null in the input (array block at line 8)"));
    }

    void runtimeErrors()
    {
        const std::string text = "mapping \"t\" version 2\n"
                                 "out.q <- .n / 0\n"
                                 "out.items[] <- each .items {\n"
                                 "  v <- 10 / .d\n"
                                 "}\n";
        const Json input = Json::parse(R"({"n": 1, "items": [{"d": 2}, {"d": 0}]})");
        const mdsl::Why q = whyOf(text, input, EngineKind::V2, "/out/q");
        QCOMPARE(q.kind, WhyKind::Failed);
        QCOMPARE(q.code, std::string("E411"));
        QVERIFY(!q.message.empty());
        QCOMPARE(q.rule->line, 2);
        QCOMPARE(q.english, "error E411 in the rule at line 2: " + q.message);
        QCOMPARE(whyOf(text, input, EngineKind::V2, "/out/items/0/v").kind, WhyKind::Written);
        const mdsl::Why v = whyOf(text, input, EngineKind::V2, "/out/items/1/v");
        QCOMPARE(v.kind, WhyKind::Failed);
        QCOMPARE(v.rule->line, 4);
        QCOMPARE(v.target, std::string("/out/items/1/v"));
    }

    void whenThatDidNotHold()
    {
        const std::string text = "mapping \"t\" version 2\n"
                                 "when .express {\n"
                                 "  out.speed <- \"fast\"\n"
                                 "}\n";
        const mdsl::Why why = whyOf(text, Json{{"express", false}}, EngineKind::V2, "/out/speed");
        QCOMPARE(why.kind, WhyKind::NotRun);
        QCOMPARE(why.candidates.size(), std::size_t(1));
        QCOMPARE(why.candidates.front().line, 3);
        QCOMPARE(why.english, std::string("the rule at line 3 writes it but did not run"));
    }

    void cutTrace()
    {
        const std::string text = exampleFile("customer-v1.mdsl");
        const Json input = Json::parse(exampleFile("customer-v1.input.json"));
        // Cut just past the first write (customer.id): the last rule (customer.fax) is left out.
        const mdsl::Analysis analysis = mdsl::analyze(text, mdsl::Flags());
        const mdsl::RunResult full = mdsl::run(analysis.compiled(EngineKind::V2), input, enginetest::pinnedOptions(true));
        std::size_t cut = 0;
        while (cut < full.trace.size() && full.trace[cut].kind != mdsl::TraceKind::Write)
            ++cut;
        QVERIFY(cut + 1 < full.trace.size());
        const mdsl::Why fax = whyOf(text, input, EngineKind::V2, "/customer/fax", cut + 1);
        QVERIFY(fax.traceTruncated);
        QCOMPARE(fax.kind, WhyKind::TraceCut);
        QCOMPARE(fax.english, std::string("not known: the trace was cut before it was recorded"));
        // What was recorded before the cut is still known, and says the rest is not.
        const mdsl::Why id = whyOf(text, input, EngineKind::V2, "/customer/id", cut + 1);
        QCOMPARE(id.kind, WhyKind::Written);
        QCOMPARE(id.english, std::string("written by the rule at line 7 `customer.id <- .id` (the trace was cut: later rules are not known)"));
    }
};

MDSL_TEST_MAIN(TestExplain)
#include "test_explain.moc"
