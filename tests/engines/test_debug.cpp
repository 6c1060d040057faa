// The debugger's engine side (mdsl/debug.h), without widgets: a recorded run of the bundled
// order export stepped forward and back, its partial outputs, frames, values, breakpoints
// (conditional ones too), the writer of an output value and the writes of a rule.

#include "testmain.h"

#include "mdsl/debug.h"

#include <QFile>
#include <algorithm>
#include <atomic>
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
        QVERIFY(bad.conditionError.message().starts_with("the condition is not valid"));
        QVERIFY(r.evaluate("upper(.qty)", first.event).error.message().starts_with("the condition failed"));
        QCOMPARE(r.evaluate(".sku", first.event).error.message(), std::string("the condition gave a string, not true or false"));
        QVERIFY(!r.evaluate(".missing == 1", first.event).holds);
        // At top level the context is the input.
        QVERIFY(r.evaluate(".customer.country == \"FR\" and $.id == \"A-1042\"", start).holds);
    }

    void conditionsSeeTheRulesScope()
    {
        const std::string text = "mapping \"m\" version 2\n"
                                 "let threshold = 10\n"
                                 "table labels = { \"a\": \"Alpha\", \"b\": \"Beta\" }\n"
                                 "orders[] <- each .orders as order {\n"
                                 "  let big = .qty > threshold\n"
                                 "  id <- .id\n"
                                 "  lines[] <- each .lines as line {\n"
                                 "    let doubled = .n * 2\n"
                                 "    n <- .n\n"
                                 "  }\n"
                                 "  let late = 1\n"
                                 "  kind <- lookup(labels, .kind)\n"
                                 "}\n";
        const auto input = std::make_shared<const Json>(Json::parse(R"({"orders": [
            {"id": "A", "qty": 5, "kind": "a", "lines": [{"n": 1}, {"n": 2}]},
            {"id": "B", "qty": 50, "kind": "b", "lines": [{"n": 1}, {"n": 3}, {"n": 4}]},
            {"id": "C", "qty": 7, "kind": "b", "lines": [{"n": 9}]}]})"));
        const debug::Recording r = debug::record(text, input, mdsl::EngineKind::V2, mdsl::Flags());
        QCOMPARE(r.result().status, mdsl::RunStatus::Ok);
        const std::size_t start = r.firstStop().value();
        const int idLine = lineOf(text, "id <- .id");
        const int nLine = lineOf(text, "n <- .n");
        const int kindLine = lineOf(text, "kind <-");

        // A `let` of the enclosing block, as it was for this element.
        const debug::Stop big = r.continueFrom(start, {{idLine, "big"}});
        QVERIFY2(big.conditionError.empty(), big.conditionError.message().c_str());
        QCOMPARE(big.reason, debug::StopReason::Breakpoint);
        QCOMPARE(r.context(big.event)["id"], Json("B"));
        // The `as` name of the outer block and a `let` of the inner one.
        const debug::Stop inner = r.continueFrom(
            start, {{nLine, "lookup(order, \"id\") == \"B\" and doubled > 4 and lookup(line, \"n\") == 3"}});
        QVERIFY2(inner.conditionError.empty(), inner.conditionError.message().c_str());
        QCOMPARE(r.context(inner.event), Json::parse(R"({"n": 3})"));
        QCOMPARE(r.frames(inner.event).size(), std::size_t(5));
        // index(): the position of the current element of the innermost block.
        const debug::Stop third = r.continueFrom(start, {{idLine, "index() == 2"}});
        QCOMPARE(r.context(third.event)["id"], Json("C"));
        const debug::Stop secondLine = r.continueFrom(big.event,
            {{nLine, "index() == 1 and lookup(order, \"id\") == \"B\""}});
        QCOMPARE(r.context(secondLine.event), Json::parse(R"({"n": 3})"));
        // A top-level table and let.
        const debug::Stop beta = r.continueFrom(start,
            {{kindLine, "lookup(labels, .kind) == \"Beta\" and .qty < threshold"}});
        QVERIFY2(beta.conditionError.empty(), beta.conditionError.message().c_str());
        QCOMPARE(r.context(beta.event)["id"], Json("C"));

        // Wrong conditions: one message, with where in the condition, and it stops there.
        const debug::Stop unknown = r.continueFrom(start, {{idLine, "big and nosuch > 1"}});
        QCOMPARE(unknown.reason, debug::StopReason::Breakpoint);
        QCOMPARE(unknown.conditionError.message(), std::string("the condition is not valid (column 9): unknown name `nosuch`"));
        // Structured as a diagnostic is, for a client to word in its own language.
        QCOMPARE(unknown.conditionError.wording, std::string("condition.invalid"));
        QCOMPARE(unknown.conditionError.line, 1);
        QCOMPARE(unknown.conditionError.column, 9);
        QVERIFY(unknown.conditionError.diagnostic.has_value());
        QCOMPARE(unknown.conditionError.diagnostic->code, std::string("E201"));
        QCOMPARE(unknown.conditionError.diagnostic->args, std::vector<std::string>{"nosuch"});
        const debug::ConditionError notBoolean = r.evaluate(".id", big.event).error;
        QCOMPARE(notBoolean.wording, std::string("condition.not-boolean"));
        QCOMPARE(notBoolean.args, std::vector<std::string>{"type.string"});
        QCOMPARE(notBoolean.line, 0);
        QVERIFY(!notBoolean.diagnostic);
        // Every wording it uses is in the table.
        for (const debug::ConditionError& e : {unknown.conditionError, notBoolean})
            QVERIFY(mdsl::findWording(debug::conditionWordings(), e.wording));
        // A `let` that comes after the rule is not in its scope, as in the mapping itself.
        QCOMPARE(r.evaluate("late == 1", big.event).error.message(),
                 std::string("the condition is not valid (column 1): unknown name `late`"));
        QVERIFY(r.evaluate("(big", big.event).error.message().starts_with("the condition is not valid"));
        // One expression: no statements of its own.
        QCOMPARE(r.evaluate("big\nid <- 1", big.event).error.message(),
                 std::string("the condition is not valid (line 2, column 1): it must be one expression"));
        QVERIFY(r.evaluate("1 + 1) == 2\nid <- (1", big.event).error.message().starts_with("the condition is not valid"));
        const std::string failed = r.evaluate("big and upper(.qty) == \"X\"", big.event).error.message();
        QVERIFY2(failed.starts_with("the condition failed (column 9): "), failed.c_str());
        QCOMPARE(r.evaluate("lookup(order, \"qty\")", big.event).error.message(),
                 std::string("the condition gave a number, not true or false"));
        const std::string twoLines = r.evaluate("(big and\n  upper(.qty) == \"X\")", big.event).error.message();
        QVERIFY2(twoLines.starts_with("the condition failed (line 2, column 3): "), twoLines.c_str());
    }

    void watchesGiveValuesAtAStop()
    {
        const std::string text = "mapping \"m\" version 2\n"
                                 "let threshold = 10\n"
                                 "orders[] <- each .orders as order {\n"
                                 "  let big = .qty > threshold\n"
                                 "  id <- .id\n"
                                 "  lines[] <- each .lines as line {\n"
                                 "    n <- .n\n"
                                 "  }\n"
                                 "}\n"
                                 "count <- 1\n";
        const auto input = std::make_shared<const Json>(Json::parse(R"({"orders": [
            {"id": "A", "qty": 5, "lines": [{"n": 1}]},
            {"id": "B", "qty": 50, "lines": [{"n": 3}, {"n": 4}]}]})"));
        const debug::Recording r = debug::record(text, input, mdsl::EngineKind::V2, mdsl::Flags());
        QCOMPARE(r.result().status, mdsl::RunStatus::Ok);
        const std::size_t start = r.firstStop().value();
        const debug::Stop b = r.continueFrom(start, {{lineOf(text, "id <- .id"), "lookup(order, \"id\") == \"B\""}});
        QCOMPARE(b.reason, debug::StopReason::Breakpoint);

        // Values of any type: a `let` of the block, `.` the current element, a top-level let.
        QCOMPARE(r.watch("big", b.event).value, std::optional<Json>(Json(true)));
        QCOMPARE(r.watch(".", b.event).value->at("id"), Json("B"));
        QCOMPARE(r.watch("threshold * 2", b.event).value, std::optional<Json>(Json(20)));
        QCOMPARE(r.watch("order.lines", b.event).value->size(), std::size_t(2));
        // A path the element does not have: missing, not an error.
        const debug::WatchValue missing = r.watch(".contact.fax", b.event);
        QVERIFY(missing.missing());
        QVERIFY(missing.error.empty());
        // A syntax error, with where it is in the expression and its diagnostic's code.
        const debug::WatchValue broken = r.watch("big and (", b.event);
        QVERIFY(!broken.value);
        QCOMPARE(broken.error.wording, std::string("condition.invalid"));
        // The unclosed bracket, in the expression, though it swallows the rest of the mapping.
        QCOMPARE(broken.error.message(), std::string("the condition is not valid (column 9): '(' is not closed: expected ')'"));
        QCOMPARE(broken.error.diagnostic->code, std::string("E105"));
        // A name the mapping defines, but not in this rule's scope: said so, with its line.
        const int countStop = int(find(r, TraceKind::Write, "/count"));
        const debug::WatchValue outside = r.watch("line", std::size_t(countStop));
        QCOMPARE(outside.error.diagnostic->code, std::string("E201"));
        QCOMPARE(outside.outOfScopeName, std::string("line"));
        QCOMPARE(outside.outOfScopeLine, lineOf(text, "as line"));
        // A name defined nowhere stays unknown.
        const debug::WatchValue unknown = r.watch("nosuch", b.event);
        QCOMPARE(unknown.error.diagnostic->code, std::string("E201"));
        QVERIFY(unknown.outOfScopeName.empty());
        // A run-time error, with its code.
        const debug::WatchValue failed = r.watch("upper(.qty)", b.event);
        QCOMPARE(failed.error.wording, std::string("condition.failed"));
        QVERIFY(failed.error.diagnostic.has_value());
        QVERIFY(!failed.error.diagnostic->code.empty());
        // In an inner block, the outer `as` name and the inner element.
        const debug::Stop inner = r.continueFrom(start, {{lineOf(text, "n <- .n"), ".n == 4"}});
        QCOMPARE(r.watch("lookup(order, \"id\")", inner.event).value, std::optional<Json>(Json("B")));
        QCOMPARE(r.watch("index()", inner.event).value, std::optional<Json>(Json(1)));
        // Blank: nothing to show.
        QVERIFY(r.watch("  ", inner.event).missing());
    }

    void conditionsReadIntoValues()
    {
        // Reading into a value (docs/language.md): `o.id` is the field of an outer block's element.
        const std::string text = "mapping \"m\" version 2\n"
                                 "orders[] <- each .orders as o {\n"
                                 "  lines[] <- each .lines {\n"
                                 "    n <- .n\n"
                                 "  }\n"
                                 "}\n";
        const auto input = std::make_shared<const Json>(Json::parse(R"({"orders": [
            {"id": "A", "meta": {"tags": ["x"]}, "lines": [{"n": 1}, {"n": 2}]},
            {"id": "B", "meta": {"tags": ["y", "z"]}, "lines": [{"n": 1}, {"n": 3}]}]})"));
        const debug::Recording r = debug::record(text, input, mdsl::EngineKind::V2, mdsl::Flags());
        QCOMPARE(r.result().status, mdsl::RunStatus::Ok);
        const int nLine = lineOf(text, "n <- .n");
        const debug::Stop hit = r.continueFrom(r.firstStop().value(), {{nLine, "o.id == \"B\" and .n == 1"}});
        QVERIFY2(hit.conditionError.empty(), hit.conditionError.message().c_str());
        QCOMPARE(hit.reason, debug::StopReason::Breakpoint);
        QCOMPARE(r.context(hit.event), Json::parse(R"({"n": 1})"));
        QCOMPARE(r.frames(hit.event).size(), std::size_t(5));
        QCOMPARE(r.frames(hit.event)[1].index, std::int64_t(1));   // the second order
        // Deeper, with an index.
        QVERIFY(r.evaluate("o.meta.tags[1] == \"z\"", hit.event).holds);
        QVERIFY(!r.evaluate("o.meta.tags[5] == \"z\"", hit.event).holds);
        // Written with a blank, the step is a syntax error, worded with its position.
        const debug::ConditionError spaced = r.evaluate("o .id == \"B\"", hit.event).error;
        QCOMPARE(spaced.wording, std::string("condition.invalid"));
        QVERIFY(spaced.diagnostic.has_value());
        // With the flag off, the recording's flags refuse it.
        mdsl::Flags flags;
        flags.set(mdsl::Flag::V2NewOps, false);
        const debug::Recording off = debug::record(text, input, mdsl::EngineKind::V2, flags);
        const debug::ConditionError refused = off.evaluate("o.id == \"B\"", hit.event).error;
        QCOMPARE(refused.wording, std::string("condition.invalid"));
        QVERIFY(refused.diagnostic.has_value());
        QCOMPARE(refused.diagnostic->code, std::string("E302"));
    }

    void conditionsAreCompiledOncePerRule()
    {
        const std::string text = "mapping \"m\" version 2\nl[] <- each .items as item {\n  let twice = item * 2\n"
                                 "  v <- .\n}\n";
        Json items = Json::array();
        for (int i = 0; i < 500; ++i)
            items.push_back(i);
        const debug::Recording r = debug::record(text, std::make_shared<const Json>(Json{{"items", items}}),
                                                 mdsl::EngineKind::V2, mdsl::Flags());
        const int vLine = lineOf(text, "v <- .");
        QCOMPARE(r.conditionsCompiled(), std::size_t(0));
        // 450 stop candidates checked, one compilation.
        const debug::Stop hit = r.continueFrom(r.firstStop().value(), {{vLine, "twice == 900"}});
        QVERIFY2(hit.conditionError.empty(), hit.conditionError.message().c_str());
        QCOMPARE(r.context(hit.event), Json(450));
        QCOMPARE(r.conditionsCompiled(), std::size_t(1));
        // Continuing again, and backwards: still that one.
        const debug::Stop end = r.continueFrom(hit.event, {{vLine, "twice == 900"}});
        QCOMPARE(end.reason, debug::StopReason::End);
        QCOMPARE(r.reverseContinueFrom(end.event, {{vLine, "twice == 900"}}).event, hit.event);
        QCOMPARE(r.conditionsCompiled(), std::size_t(1));
        // Another condition: one more.
        QVERIFY(r.evaluate("twice == 2", hit.event).error.empty());
        QCOMPARE(r.conditionsCompiled(), std::size_t(2));
        // A cancelled search gives up where it started.
        std::atomic<bool> cancel{true};
        const debug::Stop cancelled = r.continueFrom(r.firstStop().value(), {{vLine, "twice == -1"}}, 20'000, &cancel);
        QCOMPARE(cancelled.reason, debug::StopReason::Cancelled);
        QCOMPARE(cancelled.event, r.firstStop().value());
    }

    void conditionsFollowTheRecordingsFlags()
    {
        const std::string text = "mapping \"m\" version 2\nl[] <- each .items {\n  v <- .\n}\n";
        const auto input = std::make_shared<const Json>(Json::parse(R"({"items": [1, 2, 3]})"));
        mdsl::Flags flags;
        flags.set(mdsl::Flag::V2NewOps, false);
        const debug::Recording off = debug::record(text, input, mdsl::EngineKind::V2, flags);
        QCOMPARE(off.result().status, mdsl::RunStatus::Ok);
        const int vLine = lineOf(text, "v <- .");
        const debug::Stop refused = off.continueFrom(off.firstStop().value(), {{vLine, "(. ?? 0) == 2"}});
        QCOMPARE(refused.reason, debug::StopReason::Breakpoint);
        QVERIFY2(refused.conditionError.message().starts_with("the condition is not valid (column 4): "),
                 refused.conditionError.message().c_str());
        QVERIFY2(refused.conditionError.message().find("mapping_dsl_v2_new_ops") != std::string::npos,
                 refused.conditionError.message().c_str());
        // With the flag on (the default), the same condition runs.
        const debug::Recording on = debug::record(text, input, mdsl::EngineKind::V2, mdsl::Flags());
        const debug::Stop two = on.continueFrom(on.firstStop().value(), {{vLine, "(. ?? 0) == 2"}});
        QVERIFY2(two.conditionError.empty(), two.conditionError.message().c_str());
        QCOMPARE(on.context(two.event), Json(2));
        // A version 1 document recorded with V1: the condition is version 1 too.
        const debug::Recording v1 = debug::record("mapping \"m\" version 1\na <- .x\n",
            std::make_shared<const Json>(Json{{"x", 1}}), mdsl::EngineKind::V1, mdsl::Flags());
        QVERIFY(v1.evaluate(".x == 1", v1.firstStop().value()).holds);
        // The V1 engine's trace gives the values of `let`s too.
        const debug::Recording v1let = debug::record("mapping \"m\" version 1\nlet k = .x + 1\na <- .x\n",
            std::make_shared<const Json>(Json{{"x", 1}}), mdsl::EngineKind::V1, mdsl::Flags());
        QVERIFY(v1let.evaluate("k == 2", v1let.firstStop().value()).holds);
        QVERIFY(!v1let.evaluate("k == 3", v1let.firstStop().value()).holds);
        QVERIFY(v1.evaluate("[.x] == [1]", v1.firstStop().value())
                    .error.message().starts_with("the condition is not valid (column 1)"));
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
        // A condition cannot read what was not recorded: it says so rather than guess.
        const std::string late
            = "mapping \"m\" version 2\nl[] <- each .items {\n  let all = $.items\n  n <- count(all)\n}\n";
        const debug::Recording big = debug::record(late, std::make_shared<const Json>(Json{{"items", items}}),
                                                   mdsl::EngineKind::V2, mdsl::Flags(), options);
        // Only where it reads it: before element 150, `and` does not look at `all`.
        const debug::Stop unread
            = big.continueFrom(big.firstStop().value(), {{4, "index() == 150 and count(all) > 0"}});
        QCOMPARE(unread.conditionError.message(),
                 std::string("the value of `all` (column 26) was not recorded here (the trace is too large): "
                             "the condition cannot read it"));
        QCOMPARE(big.context(unread.event).dump(), Json("item number 150").dump());
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
