// The debugger's engine side (mdsl/debug.h), without widgets: a recorded run of the bundled
// order export stepped forward and back, its partial outputs, frames, values, breakpoints
// (conditional ones too), the writer of an output value and the writes of a rule.

#include "testmain.h"

#include "mdsl/debug.h"

#include <QFile>
#include <algorithm>
#include <QTest>

using mdsl::Json;
using mdsl::TraceKind;
namespace debug = mdsl::debug;

namespace {

std::string readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

std::string exampleText()
{
    return readFile(QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/order-export.mdsl"));
}

std::shared_ptr<const Json> exampleInput()
{
    return std::make_shared<const Json>(
        Json::parse(readFile(QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/order-export.input.json"))));
}

/// The source text of a rule event's span.
std::string spanText(const debug::Recording& r, std::size_t i)
{
    const mdsl::Span s = r.event(i).span;
    return r.text().substr(s.begin, s.size());
}

/// The first event of a kind with a target, for the assertions below.
std::size_t find(const debug::Recording& r, TraceKind kind, const std::string& target)
{
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (r.event(i).kind == kind && r.event(i).target == target)
            return i;
    }
    return r.size();
}

int lineOf(const std::string& text, const std::string& needle)
{
    const std::size_t at = text.find(needle);
    return at == std::string::npos ? 0 : int(std::count(text.begin(), text.begin() + std::ptrdiff_t(at), '\n')) + 1;
}

} // namespace

class TestDebug : public QObject {
    Q_OBJECT

private slots:
    void stepsThroughTheExample()
    {
        const debug::Recording r = debug::record(exampleText(), exampleInput(), mdsl::EngineKind::V2, mdsl::Flags());
        QCOMPARE(mdsl::statusName(r.result().status), std::string_view("ok"));
        QVERIFY(!r.truncated());
        // The first stop is the first rule, with nothing written yet.
        std::size_t at = r.firstStop().value();
        QCOMPARE(r.event(at).kind, TraceKind::RuleEntered);
        QCOMPARE(spanText(r, at).substr(0, 8), std::string("order.id"));
        QCOMPARE(r.outputAt(at).dump(), std::string("{}"));
        QCOMPARE(r.lineOf(at), lineOf(r.text(), "order.id"));
        // Its value, then its write: the partial output has order.id.
        const std::vector<std::size_t> values = r.valuesOf(at);
        QCOMPARE(values.size(), std::size_t(1));
        QCOMPARE(r.event(values[0]).value->dump(), std::string("\"A-1042\""));
        at = r.stepInto(at).value();
        QCOMPARE(r.event(at).kind, TraceKind::Write);
        QCOMPARE(r.outputAt(at).dump(), std::string(R"({"order":{"id":"A-1042"}})"));
        QCOMPARE(r.lastWrite(at).value(), at);
        // Step over from a rule's write: the next rule, at the same level.
        at = r.stepOver(at).value();
        QCOMPARE(r.event(at).kind, TraceKind::RuleEntered);
        QVERIFY(spanText(r, at).starts_with("order.customer"));
        // Its three sub-expressions, innermost first.
        std::vector<std::string> shown;
        for (const std::size_t v : r.valuesOf(at))
            shown.push_back(spanText(r, v) + " = " + r.event(v).value->dump());
        QCOMPARE(shown.size(), std::size_t(3));
        QCOMPARE(shown[0], std::string(".customer.name = \"  jos\xc3\xa9 martin \""));
        QCOMPARE(shown[2], std::string("upper(trim(.customer.name)) = \"JOS\xc3\x89 MARTIN\""));
        // Step back returns to the previous stop, and the output is as it was.
        const std::size_t back = r.stepBack(at).value();
        QCOMPARE(r.event(back).kind, TraceKind::Write);
        QCOMPARE(r.event(back).target, std::string("/order/id"));
        QCOMPARE(r.outputAt(back).dump(), std::string(R"({"order":{"id":"A-1042"}})"));
    }

    void arrayBlockFramesAndStepping()
    {
        const debug::Recording r = debug::record(exampleText(), exampleInput(), mdsl::EngineKind::V2, mdsl::Flags());
        // Run to the array block's line.
        const int blockLine = lineOf(r.text(), "order.lines[]");
        std::size_t at = r.runToLine(r.firstStop().value(), blockLine).value();
        QVERIFY(r.isBlock(at));
        QCOMPARE(r.frames(at).size(), std::size_t(1));
        // Step into: the first element, whose context is the first item with qty > 0.
        const std::size_t element = r.stepInto(at).value();
        QCOMPARE(r.event(element).kind, TraceKind::ElementEntered);
        QCOMPARE(r.context(element)["sku"], Json("KB-01"));
        QCOMPARE(r.outputAt(element)["order"]["lines"].dump(), std::string("[{}]"));
        // Into the element's first rule: frames are block, element, rule.
        const std::size_t inner = r.stepInto(element).value();
        const std::vector<debug::Frame> frames = r.frames(inner);
        QCOMPARE(frames.size(), std::size_t(3));
        QCOMPARE(frames[0].kind, debug::FrameKind::Rule);
        QCOMPARE(frames[1].kind, debug::FrameKind::Element);
        QCOMPARE(frames[1].index, std::int64_t(0));
        QCOMPARE(frames[2].event, inner);
        QCOMPARE(r.ruleOf(inner).value(), inner);
        // Step over the element: the next element; the partial output has the first line.
        const std::size_t next = r.stepOver(element).value();
        QCOMPARE(r.event(next).kind, TraceKind::ElementEntered);
        QCOMPARE(r.event(next).index, std::int64_t(1));
        QCOMPARE(r.context(next)["sku"], Json("CB-3M"));
        QCOMPARE(r.outputAt(next)["order"]["lines"].dump(), std::string(R"([{"sku":"KB-01","total":79.0},{}])"));
        // Step out of a rule inside: the block's write of the whole array.
        const std::size_t out = r.stepOut(r.stepInto(next).value()).value();
        QCOMPARE(r.event(out).kind, TraceKind::Write);
        QCOMPARE(r.event(out).target, std::string("/order/lines"));
        QCOMPARE(r.outputAt(out)["order"]["lines"].size(), std::size_t(2));
        // Step over the whole block from its start lands on that same write.
        QCOMPARE(r.stepOver(at).value(), out);
        // At top level there is nothing to step out of.
        QVERIFY(!r.stepOut(at));
        // The last stop's output is the run's output.
        QCOMPARE(r.outputAt(r.lastStop().value()).dump(), r.result().output->dump());
    }

    void writersAndWritesOfARule()
    {
        const debug::Recording r = debug::record(exampleText(), exampleInput(), mdsl::EngineKind::V2, mdsl::Flags());
        const std::size_t end = r.size() - 1;
        // A value inside an array block: the rule inside, for that element.
        const std::size_t sku = r.writerOf("/order/lines/1/sku", end).value();
        QCOMPARE(r.event(sku).target, std::string("/order/lines/1/sku"));
        QVERIFY(spanText(r, r.ruleOf(sku).value()).starts_with("sku"));
        // The array itself: the block.
        QCOMPARE(r.event(r.writerOf("/order/lines", end).value()).target, std::string("/order/lines"));
        // A container: the first write into it.
        QCOMPARE(r.event(r.writerOf("/order", end).value()).target, std::string("/order/id"));
        // Not written (yet): nothing.
        QVERIFY(!r.writerOf("/order/tags", find(r, TraceKind::Write, "/order/id")));
        QVERIFY(!r.writerOf("/nope", end));
        // Every write of the `total` rule inside the block: one per element.
        const std::size_t totalRule = r.ruleOf(find(r, TraceKind::Write, "/order/lines/0/total")).value();
        const std::vector<std::size_t> writes = r.outcomesOfRule(r.event(totalRule).span.begin);
        QCOMPARE(writes.size(), std::size_t(2));
        QCOMPARE(r.event(writes[0]).value->dump(), std::string("79.0"));
        QCOMPARE(r.event(writes[1]).target, std::string("/order/lines/1/total"));
    }

    void breakpoints()
    {
        const debug::Recording r = debug::record(exampleText(), exampleInput(), mdsl::EngineKind::V2, mdsl::Flags());
        const std::size_t start = r.firstStop().value();
        const int totalLine = lineOf(r.text(), "total <- .qty");
        const int tagsLine = lineOf(r.text(), "order.tags");
        // Unconditional: each element's `total` rule in turn.
        const std::vector<debug::Breakpoint> plain = {{totalLine, {}}};
        const debug::Stop first = r.continueFrom(start, plain);
        QCOMPARE(first.reason, debug::StopReason::Breakpoint);
        QCOMPARE(r.lineOf(first.event), totalLine);
        QCOMPARE(r.context(first.event)["sku"], Json("KB-01"));
        const debug::Stop second = r.continueFrom(first.event, plain);
        QCOMPARE(r.context(second.event)["sku"], Json("CB-3M"));
        // Past the last hit: the end of the run.
        const debug::Stop end = r.continueFrom(second.event, plain);
        QCOMPARE(end.reason, debug::StopReason::End);
        QCOMPARE(end.event, r.lastStop().value());
        // Backwards in time: the previous hit, then the start of the run.
        QCOMPARE(r.reverseContinueFrom(second.event, plain).event, first.event);
        const debug::Stop start2 = r.reverseContinueFrom(first.event, plain);
        QCOMPARE(start2.reason, debug::StopReason::End);
        QCOMPARE(start2.event, start);
        // Conditional over the context element (with the document's lets in scope).
        const std::vector<debug::Breakpoint> cond = {{totalLine, ".price < 20 and vat > 0"}, {tagsLine, {}}};
        const debug::Stop hit = r.continueFrom(start, cond);
        QCOMPARE(hit.breakpoint, 0);
        QVERIFY(hit.conditionError.empty());
        QCOMPARE(r.context(hit.event)["sku"], Json("CB-3M"));
        // A condition that never holds: the next breakpoint.
        const debug::Stop tags = r.continueFrom(start, {{totalLine, ".qty > 100"}, {tagsLine, {}}});
        QCOMPARE(tags.breakpoint, 1);
        // A condition that is wrong stops there and says why; it never throws.
        const debug::Stop bad = r.continueFrom(start, {{totalLine, "nosuch(.qty"}});
        QCOMPARE(bad.reason, debug::StopReason::Breakpoint);
        QVERIFY(bad.conditionError.starts_with("the condition is not valid"));
        QVERIFY(r.evaluate("upper(.qty)", first.event).error.starts_with("the condition failed"));
        QCOMPARE(r.evaluate(".sku", first.event).error, std::string("the condition gave a string, not true or false"));
        QVERIFY(!r.evaluate(".missing == 1", first.event).holds);
        // At top level the context is the input.
        QVERIFY(r.evaluate(".customer.country == \"FR\" and $.id == \"A-1042\"", start).holds);
    }

    void ruleLines()
    {
        const std::string text = exampleText();
        const std::vector<debug::RuleLocation> rules = debug::ruleLocations(text);
        const int header = lineOf(text, "order.shipping {");
        // An object block's header line: its first rule.
        QCOMPARE(debug::ruleLineFor(rules, header), lineOf(text, "street <-"));
        QCOMPARE(debug::ruleLineFor(rules, lineOf(text, "sku   <-")), lineOf(text, "sku   <-"));
        QCOMPARE(debug::ruleLineFor(rules, 1), lineOf(text, "order.id"));
        QCOMPARE(debug::ruleLineFor(rules, 10'000), 0);
    }

    void errorsSkipsAndTheV1Engine()
    {
        const std::string text = "mapping \"m\" version 1\na <- .x\nb <- upper(.n)\nc <- .n + 1\n";
        const debug::Recording r = debug::record(
            text, std::make_shared<const Json>(Json { { "n", 41 } }), mdsl::EngineKind::V1, mdsl::Flags());
        QCOMPARE(mdsl::statusName(r.result().status), std::string_view("failed"));
        const std::size_t skip = r.stepInto(r.firstStop().value()).value();
        QCOMPARE(r.event(skip).kind, TraceKind::Skip);
        QCOMPARE(r.event(skip).reason, std::string("source missing"));
        std::size_t error = r.stepOver(r.stepOver(skip).value()).value();
        QCOMPARE(r.event(error).kind, TraceKind::Error);
        QCOMPARE(r.errorOf(error)->code, std::string("E410"));
        QCOMPARE(r.frames(error).size(), std::size_t(1));
        QCOMPARE(r.lineOf(r.frames(error)[0].event), 3);
        QCOMPARE(r.outputAt(r.lastStop().value()).dump(), std::string(R"({"c":42})"));
    }

    void invalidEmptyAndCappedRuns()
    {
        const debug::Recording invalid = debug::record(
            "a <- nosuch(1)\n", std::make_shared<const Json>(Json::object()), mdsl::EngineKind::V2, mdsl::Flags());
        QCOMPARE(invalid.size(), std::size_t(0));
        QVERIFY(!invalid.firstStop());
        QVERIFY(!invalid.result().diagnostics.empty());

        const std::string many = "mapping \"m\" version 2\nl[] <- each .items { v <- . }\n";
        Json items = Json::array();
        for (int i = 0; i < 1000; ++i)
            items.push_back(i);
        const debug::Recording capped = debug::record(many, std::make_shared<const Json>(Json{{"items", items}}),
                                                      mdsl::EngineKind::V2, mdsl::Flags(), {}, 100);
        QCOMPARE(capped.size(), std::size_t(100));
        QVERIFY(capped.truncated());
        QCOMPARE(capped.result().output->at("l").size(), std::size_t(1000));   // the run itself went on
        // Deep into the capped trace, replaying from snapshots agrees with replaying from the start.
        std::size_t at = capped.lastStop().value();
        Json stepped = capped.outputAt(0);
        capped.advance(stepped, 0, at);
        QCOMPARE(capped.outputAt(at).dump(), stepped.dump());
        QVERIFY(!capped.stepOut(at));
    }

    void largeValuesAreDescribedPastTheByteBudget()
    {
        // Each element looks at the whole list: past the budget, values are described, not copied.
        const std::string text = "mapping \"m\" version 2\nl[] <- each .items {\n  n <- count($.items)\n}\n";
        Json items = Json::array();
        for (int i = 0; i < 200; ++i)
            items.push_back("item number " + std::to_string(i));
        mdsl::RunOptions options;
        options.maxTraceBytes = 20'000;
        const debug::Recording r = debug::record(text, std::make_shared<const Json>(Json{{"items", items}}),
                                                 mdsl::EngineKind::V2, mdsl::Flags(), options);
        QCOMPARE(r.result().output->at("l").size(), std::size_t(200));
        QCOMPARE(r.result().output->at("l")[199]["n"], Json(200));
        std::size_t copied = 0;
        std::size_t described = 0;
        for (std::size_t i = 0; i < r.size(); ++i) {
            const mdsl::TraceEvent& e = r.event(i);
            if (e.kind != TraceKind::Value || !e.value)
                continue;
            if (e.value->is_array())
                ++copied;
            else if (e.value->is_string()
                && e.value->get<std::string>() == "(an array not recorded: the trace is too large)")
                ++described;
        }
        QVERIFY(copied > 0 && copied < 20);
        QVERIFY(described > 150);
        // Small values are still recorded: the count itself.
        QCOMPARE(r.event(r.valuesOf(r.ruleOf(find(r, TraceKind::Write, "/l/199/n")).value()).back()).value->dump(),
                 std::string("200"));
    }

    void snapshotsAgreeWithReplay()
    {
        const std::string text
            = "mapping \"m\" version 2\nl[] <- each .items {\n  v <- .\n  w <- . * 2\n}\nn <- count(.items)\n";
        Json items = Json::array();
        for (int i = 0; i < 700; ++i)
            items.push_back(i);
        const debug::Recording r = debug::record(text, std::make_shared<const Json>(Json{{"items", items}}),
                                                 mdsl::EngineKind::V2, mdsl::Flags());
        QVERIFY(r.size() > 2000);
        for (const std::size_t at : {std::size_t(511), std::size_t(1500), r.size() - 1}) {
            Json replayed = r.outputAt(0);
            r.advance(replayed, 0, at);
            QCOMPARE(r.outputAt(at).dump(), replayed.dump());
        }
        QCOMPARE(r.outputAt(r.size() - 1).dump(), r.result().output->dump());
    }
};

MDSL_TEST_MAIN(TestDebug)
#include "test_debug.moc"
