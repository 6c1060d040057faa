// createRule (mdsl/edit.h): the rule a visual drop writes, in the right block, formatted,
// valid, and producing the dropped field's value at the target. Also field paths and the
// lineage the visual mapping draws.

#include "testmain.h"

#include "enginetest.h"

#include "mdsl/analysis.h"
#include "mdsl/edit.h"
#include "mdsl/format.h"

#include <QTest>

using mdsl::Json;

namespace {

const char* const kOrder = R"(mapping "order-export" version 2

order.id       <- .id
order.customer <- upper(.customer.name)

order.shipping {
  city <- .address.city
}
order.lines[] <- each $.items[?@.qty > 0] {   # kept
  sku <- .sku
}
)";

const Json kInput = Json::parse(R"({"id": "A-1", "amount": 12.5, "customer": {"name": "Ann", "e-mail": "a@x"},
    "address": {"city": "Lyon", "zip": "69003"}, "items": [{"sku": "K", "qty": 2, "price": 3}], "tags": ["a", "b"]})");

bool hasErrors(const std::string& text)
{
    return mdsl::hasErrors(mdsl::analyze(text, mdsl::Flags()).diagnostics(mdsl::Route::V2Routed));
}

/// The text with the edit applied (byte offsets of the original).
std::string applied(const std::string& text, const mdsl::TextEdit& edit)
{
    std::string out = text;
    out.replace(edit.range.start.offset, edit.range.end.offset - edit.range.start.offset, edit.newText);
    return out;
}

Json outputOf(const std::string& text)
{
    const mdsl::RunResult r = enginetest::runWith(mdsl::EngineKind::V2, text, kInput);
    return r.output.value_or(Json());
}

} // namespace

class TestEdit : public QObject {
    Q_OBJECT

private slots:
    void dropOnObjectBlockAddsAlignedRule()
    {
        const mdsl::RuleCreation r = mdsl::createRule(kOrder, "$.address.zip", "/order/shipping", mdsl::Flags());
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.target, std::string("/order/shipping/zip"));
        QVERIFY2(r.text.find("order.shipping {\n  city <- .address.city\n  zip  <- .address.zip\n}\n") != std::string::npos, r.text.c_str());
        QCOMPARE(applied(kOrder, r.edit), r.text);
        // The block is laid out as the formatter lays it out; the rest (a comment's spacing the
        // formatter would change) is left as the author wrote it.
        const std::string formatted = mdsl::formatDocument(r.text).text;
        QVERIFY(formatted.find("order.shipping {\n  city <- .address.city\n  zip  <- .address.zip\n}\n") != std::string::npos);
        QVERIFY(r.text.find("{   # kept") != std::string::npos);
        // A formatted text stays formatted.
        const std::string tidy = mdsl::formatDocument(kOrder).text;
        const mdsl::RuleCreation again = mdsl::createRule(tidy, "$.address.zip", "/order/shipping", mdsl::Flags());
        QVERIFY2(again.ok, again.error.c_str());
        QCOMPARE(mdsl::formatDocument(again.text).text, again.text);
        QVERIFY(!hasErrors(r.text));
        QCOMPARE(outputOf(r.text)["order"]["shipping"]["zip"], Json("69003"));
        QCOMPARE(r.text.substr(r.rule.begin, r.rule.end - r.rule.begin), std::string("zip  <- .address.zip"));
        QVERIFY(!r.replaced);
    }

    void dropInArrayBlockIsRelativeToTheElement()
    {
        for (const char* target : {"/order/lines", "/order/lines/*"}) {
            const mdsl::RuleCreation r = mdsl::createRule(kOrder, "$.items[*].price", target, mdsl::Flags());
            QVERIFY2(r.ok, r.error.c_str());
            QCOMPARE(r.target, std::string("/order/lines/*/price"));
            QVERIFY2(r.text.find("  sku   <- .sku\n  price <- .price\n}") != std::string::npos, r.text.c_str());
            QCOMPARE(outputOf(r.text)["order"]["lines"][0]["price"], Json(3));
        }
        // A field outside the elements is read from the root with JSONPath.
        const mdsl::RuleCreation outside = mdsl::createRule(kOrder, "$.id", "/order/lines/*", mdsl::Flags());
        QVERIFY2(outside.ok, outside.error.c_str());
        QVERIFY2(outside.text.find("  id  <- $.id\n") != std::string::npos, outside.text.c_str());
        QCOMPARE(outputOf(outside.text)["order"]["lines"][0]["id"], Json("A-1"));
    }

    void nestedArrayBlocks()
    {
        const std::string nested = "mapping \"n\" version 2\n\nout[] <- each .orders {\n  id <- .id\n"
                                   "  lines[] <- each .lines {\n    sku <- .sku\n  }\n}\n";
        const Json input = Json::parse(R"({"orders": [{"id": 1, "lines": [{"sku": "A", "qty": 2}]}]})");
        const mdsl::RuleCreation inner = mdsl::createRule(nested, "$.orders[*].lines[*].qty", "/out/*/lines", mdsl::Flags());
        QVERIFY2(inner.ok, inner.error.c_str());
        QVERIFY2(inner.text.find("    sku <- .sku\n    qty <- .qty\n  }\n}\n") != std::string::npos, inner.text.c_str());
        const mdsl::RunResult run = enginetest::runWith(mdsl::EngineKind::V2, inner.text, input);
        QCOMPARE(run.output.value()["out"][0]["lines"][0]["qty"], Json(2));
        // The order's id seen from a line: read through the outer block's `as` name, which
        // the same edit gives the block (from the root it would be every order's id).
        const mdsl::RuleCreation outer = mdsl::createRule(nested, "$.orders[*].id", "/out/*/lines/*", mdsl::Flags());
        QVERIFY2(outer.ok, outer.error.c_str());
        QVERIFY2(outer.text.find("out[] <- each .orders as order {\n") != std::string::npos, outer.text.c_str());
        QVERIFY2(outer.text.find("    sku <- .sku\n    id  <- order.id\n") != std::string::npos, outer.text.c_str());
        QVERIFY(!hasErrors(outer.text));
        QCOMPARE(applied(nested, outer.edit), outer.text);   // one edit: one undo step
        QCOMPARE(enginetest::runWith(mdsl::EngineKind::V2, outer.text, input).output.value()["out"][0]["lines"][0]["id"],
                 Json(1));
        // A block that has a name keeps it; a name the document uses is not taken again.
        const std::string named = "mapping \"n\" version 2\nlet order = 1\nout[] <- each .orders as o {\n"
                                  "  lines[] <- each .lines {\n    sku <- .sku\n  }\n}\nx <- order\n";
        const mdsl::RuleCreation byName = mdsl::createRule(named, "$.orders[*].id", "/out/*/lines/*", mdsl::Flags());
        QVERIFY2(byName.ok && byName.text.find("id  <- o.id") != std::string::npos, byName.text.c_str());
        const std::string unnamed = "mapping \"n\" version 2\nlet order = 1\nout[] <- each .orders {\n"
                                    "  lines[] <- each .lines {\n    sku <- .sku\n  }\n}\nx <- order\n";
        const mdsl::RuleCreation second = mdsl::createRule(unnamed, "$.orders[*].id", "/out/*/lines/*", mdsl::Flags());
        QVERIFY2(second.ok && second.text.find("each .orders as order_2 {") != std::string::npos, second.text.c_str());
        // Without the flag that reads into a value, the drop is refused and says why.
        mdsl::Flags noNewOps;
        noNewOps.set(mdsl::Flag::V2NewOps, false);
        const mdsl::RuleCreation refused = mdsl::createRule(nested, "$.orders[*].id", "/out/*/lines/*", noNewOps);
        QVERIFY(!refused.ok);
        QCOMPARE(refused.problem, mdsl::RuleProblem::OuterElement);
    }

    void dropOnDottedObjectAndRoot()
    {
        const mdsl::RuleCreation r = mdsl::createRule(kOrder, ".amount", "/order", mdsl::Flags());
        QVERIFY2(r.ok, r.error.c_str());
        // After the last rule writing under /order at the top level, in its group's alignment.
        QVERIFY2(r.text.find("order.customer <- upper(.customer.name)\norder.amount   <- .amount\n") != std::string::npos, r.text.c_str());
        QVERIFY(!hasErrors(r.text));

        const mdsl::RuleCreation root = mdsl::createRule(kOrder, "$.tags", "", mdsl::Flags());
        QVERIFY2(root.ok, root.error.c_str());
        QCOMPARE(root.target, std::string("/tags"));
        QCOMPARE(outputOf(root.text)["tags"], Json::parse(R"(["a", "b"])"));
    }

    void takenNamesGetASuffix()
    {
        const mdsl::RuleCreation r = mdsl::createRule(kOrder, "$.customer.name", "/order", mdsl::Flags());
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.target, std::string("/order/name"));
        const mdsl::RuleCreation again = mdsl::createRule(r.text, "$.id", "/order", mdsl::Flags());
        QVERIFY2(again.ok, again.error.c_str());
        QCOMPARE(again.target, std::string("/order/id_2"));
        QVERIFY(!hasErrors(again.text));
        // A name that is not an identifier is quoted, in the target and in the path.
        const mdsl::RuleCreation quoted = mdsl::createRule(kOrder, R"($.customer["e-mail"])", "/order/shipping", mdsl::Flags());
        QVERIFY2(quoted.ok, quoted.error.c_str());
        QVERIFY2(quoted.text.find(R"("e-mail" <- .customer."e-mail")") != std::string::npos, quoted.text.c_str());
        QCOMPARE(outputOf(quoted.text)["order"]["shipping"]["e-mail"], Json("a@x"));
    }

    void dropOnTargetReplacesItsExpression()
    {
        const mdsl::RuleCreation r = mdsl::createRule(kOrder, "$.customer.e-mail", "/order/customer", mdsl::Flags());
        QVERIFY(!r.ok);   // not a field path: "-" is not part of a name
        const mdsl::RuleCreation ok = mdsl::createRule(kOrder, "$.amount", "/order/customer", mdsl::Flags());
        QVERIFY2(ok.ok, ok.error.c_str());
        QVERIFY(ok.replaced);
        QVERIFY2(ok.text.find("order.customer <- .amount\n") != std::string::npos, ok.text.c_str());
        QCOMPARE(ok.edit.newText, std::string(".amount"));   // only the expression changes
        QCOMPARE(outputOf(ok.text)["order"]["customer"], Json(12.5));
    }

    void versionOneDocumentsUseDottedTargets()
    {
        const std::string v1 = "mapping \"c\" version 1\n\ncustomer.id <- .id   # the key\ncustomer.city <- .address.city\n";
        const mdsl::RuleCreation r = mdsl::createRule(v1, ".customer.name", "/customer", mdsl::Flags());
        QVERIFY2(r.ok, r.error.c_str());
        // Not formatted before: the new line joins its group, whose `<-` are aligned as the
        // formatter aligns them; the comment keeps its spacing.
        QCOMPARE(r.text, std::string("mapping \"c\" version 1\n\ncustomer.id   <- .id   # the key\n"
                                     "customer.city <- .address.city\ncustomer.name <- .customer.name\n"));
        QCOMPARE(r.edit.range.start.line, 3);   // one edit, from the first realigned arrow
        QVERIFY(!hasErrors(r.text));
        QCOMPARE(mdsl::run(mdsl::compile(r.text, mdsl::EngineKind::V1, mdsl::Flags()), kInput, {}).output.value()["customer"]["name"], Json("Ann"));
        // Arrays need JSONPath, which version 1 does not have: a clear refusal.
        const mdsl::RuleCreation array = mdsl::createRule(v1, "$.items[*].sku", "/customer", mdsl::Flags());
        QVERIFY(!array.ok);
        QVERIFY2(array.error.find("inside an array") != std::string::npos, array.error.c_str());
    }

    void emptyBlocksAndDocuments()
    {
        const std::string empty = "mapping \"e\" version 2\n\nout {\n}\n";
        const mdsl::RuleCreation r = mdsl::createRule(empty, "$.id", "/out", mdsl::Flags());
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.text, std::string("mapping \"e\" version 2\n\nout {\n  id <- .id\n}\n"));
        const mdsl::RuleCreation none = mdsl::createRule("mapping \"n\" version 2\n", "$.id", "", mdsl::Flags());
        QVERIFY2(none.ok, none.error.c_str());
        QVERIFY(!hasErrors(none.text));
        QCOMPARE(outputOf(none.text)["id"], Json("A-1"));
    }

    void badRequestsSayWhy()
    {
        QVERIFY(!mdsl::createRule("a <- (", "$.id", "", mdsl::Flags()).ok);                       // syntax error
        QVERIFY(!mdsl::createRule(kOrder, "id", "", mdsl::Flags()).ok);                           // not a path
        QVERIFY(!mdsl::createRule(kOrder, "$", "/order", mdsl::Flags()).ok);                      // no field
        QVERIFY(!mdsl::createRule(kOrder, "$.id", "/order/id/x", mdsl::Flags()).ok);              // under a value
        QVERIFY(!mdsl::createRule(kOrder, "$..sku", "/order", mdsl::Flags()).ok);                 // descendants
    }

    void fieldPathsOfLineageSources()
    {
        auto fieldText = [](std::string_view text) {
            const std::optional<mdsl::FieldPath> path = mdsl::parseFieldPath(text);
            return path ? path->text() : std::string("(none)");
        };
        QCOMPARE(fieldText("$.items[?@.qty > 0].sku"), std::string("$.items[*].sku"));
        QCOMPARE(fieldText("$.lines[0]['e-mail']"), std::string(R"($.lines[*]["e-mail"])"));
        QCOMPARE(fieldText("$.customer.name"), std::string("$.customer.name"));
        QCOMPARE(fieldText(".customer.name"), std::string("$.customer.name"));
        QCOMPARE(fieldText("."), std::string("$"));
        QCOMPARE(fieldText("$..sku"), std::string("(none)"));
        QCOMPARE(fieldText("$.customer.e-mail"), std::string("(none)"));
        QCOMPARE(fieldText("customer"), std::string("(none)"));
        // The lineage gives each source's field typed: nothing to read back from its text.
        const mdsl::Analysis analysis = mdsl::analyze(kOrder, mdsl::Flags());
        const std::vector<mdsl::LineageEntry>& lineage = analysis.lineage();
        QCOMPARE(lineage.size(), std::size_t{5});
        QVERIFY(lineage[3].kind == mdsl::LineageKind::Array);
        QVERIFY(lineage[4].kind == mdsl::LineageKind::Rule);
        QVERIFY(lineage[4].sources[0].field.has_value());
        const std::vector<mdsl::FieldStep> sku{mdsl::FieldStep::member("items"), mdsl::FieldStep::elements(),
                                               mdsl::FieldStep::member("sku")};
        QVERIFY(lineage[4].sources[0].field->steps == sku);
        QCOMPARE(lineage[4].sources[0].field->text(), std::string("$.items[*].sku"));
    }
};

MDSL_TEST_MAIN(TestEdit)
#include "test_edit.moc"
