// The parser: every construct of the language to the expected tree, precedence, exact syntax
// diagnostics, recovery after errors, spans (also after non-ASCII text), depth limits.

#include "testmain.h"

#include "syntax_test_util.h"

#include "mdsl/ast.h"
#include "mdsl/syntax.h"

#include <QTest>

using namespace mdsl;
using testutil::describe;
using testutil::exprOf;

namespace {

Json parseToJson(std::string_view text)
{
    const ParsedDocument parsed = parseDocument(text);
    if (!parsed.diagnostics.empty())
        return Json(describe(parsed.diagnostics).join(QStringLiteral("; ")).toStdString());
    return astToJson(*parsed.document);
}

QString diagnosticsOf(std::string_view text)
{
    return describe(parseDocument(text).diagnostics).join(QStringLiteral("\n"));
}

} // namespace

class TestParser : public QObject {
    Q_OBJECT

private slots:
    // Operators by precedence, and every kind of primary.
    void expressions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("tree");
        const auto row = [](const char* e, const char* t) { QTest::newRow(e) << QString(e) << QString(t); };
        row("1 + 2 * 3", "(+ 1 (* 2 3))");
        row("1 * 2 + 3", "(+ (* 1 2) 3)");
        row("1 - 2 - 3", "(- (- 1 2) 3)");
        row("8 / 4 % 3", "(% (/ 8 4) 3)");
        row("-a * b", "(* (- a) b)");
        row("- - 1", "(- (- 1))");
        row("a + b == c * d", "(== (+ a b) (* c d))");
        row("not a == b", "(not (== a b))");
        row("not not a", "(not (not a))");
        row("a and b or c and d", "(or (and a b) (and c d))");
        row("a or b ?? c", "(?? (or a b) c)");
        row("a ?? b ?? c", "(?? (?? a b) c)");
        row("a ?? b | f", "(pipe (?? a b) f)");
        row("x | f | g(1, 2)", "(pipe (pipe x f) g 1 2)");
        row("(1 + 2) * 3", "(* (+ 1 2) 3)");
        row("a < b and b <= c", "(and (< a b) (<= b c))");
        row("a != b", "(!= a b)");
        row("a >= b", "(>= a b)");
        row("a > -1", "(> a (- 1))");
        row("null", "null");
        row("true", "true");
        row("false", "false");
        row("42", "42");
        row("-0", "(- 0)");
        row("1.5", "1.5");
        row("1e3", "1000.0");
        row("2.50E-1", "0.25");
        row("9223372036854775807", "9223372036854775807");
        row("9223372036854775808", "9.223372036854776e+18");
        row("\"a\\\"b\\\\c\\/d\\n\"", "\"a\\\"b\\\\c/d\\n\"");
        row("\"\\u00e9\\ud83d\\ude00\"", "\"é😀\"");
        row("\"é\"", "\"é\"");
        row("[]", "(array)");
        row("[1, \"a\", [true]]", "(array 1 \"a\" (array true))");
        row("[1, 2,]", "(array 1 2)");
        row("{}", "(object)");
        row("{ a: 1, \"k-2\": .x, not: 2 }", "(object a:1 k-2:(path x) not:2)");
        row(".", "(path)");
        row(".a", "(path a)");
        row(".a.b[0].\"x y\"", "(path a b 0 x y)");
        row(".[2]", "(path 2)");
        row(".each.not", "(path each not)");
        row("vat", "vat");
        row("f()", "(call f)");
        row("upper(trim(.name))", "(call upper (call trim (path name)))");
        row("$.items[?@.qty > 0]", "(jsonpath $.items[?@.qty > 0])");
        row("@.price * 2", "(* (jsonpath @.price) 2)");
        row("$", "(jsonpath $)");
        row("f(., .a)", "(call f (path) (path a))");
        // Reading into a value binds tighter than any operator.
        row("o.id", "(get o id)");
        row("o.items[0].\"x y\"", "(get o items 0 x y)");
        row("first(.items).sku", "(get (call first (path items)) sku)");
        row("(a ?? b).name", "(get (?? a b) name)");
        row("(.a)[2]", "(get (path a) 2)");
        row("-o.n * 2", "(* (- (get o n)) 2)");
        row("not o.ok", "(not (get o ok))");
        row("o.n + p.m", "(+ (get o n) (get p m))");
        row("f(o.a, g(x).b)", "(call f (get o a) (get (call g x) b))");
        row("x | f(o.a)", "(pipe x f (get o a))");
    }
    void expressions()
    {
        QFETCH(QString, expression);
        QFETCH(QString, tree);
        QCOMPARE(exprOf(expression.toStdString()), tree);
    }

    void integersStayExactAndDoublesStayDoubles()
    {
        const ParsedDocument parsed = parseDocument("a <- 1\nb <- 1.0\n");
        const Json json = astToJson(*parsed.document);
        QVERIFY(json["statements"][0]["value"]["value"].is_number_integer());
        QVERIFY(json["statements"][1]["value"]["value"].is_number_float());
        const auto& literal = parsed.document->statements[1]->as<ast::RuleStmt>().value->as<ast::LiteralExpr>();
        QCOMPARE(QString::fromStdString(literal.text), QStringLiteral("1.0"));
        QVERIFY(literal.type == ast::LiteralExpr::Type::Double);
    }

    void wholeDocumentToNormalizedAst()
    {
        const std::string text = R"(mapping "order-export" version 2
let vat = 0.2
table countries = { "FR": "France" }
order."e-mail" <- .email
order.items[0] <- 1
order.shipping {
  city <- .address.city
}
order.lines[] <- each $.items as item {
  sku <- item
}
when .vip {
  vip <- true
} else {
  vip <- false
}
)";
        const Json expected = Json::parse(R"({
  "header": {"name": "order-export", "version": 2},
  "statements": [
    {"kind": "let", "name": "vat", "value": {"kind": "literal", "value": 0.2}},
    {"kind": "table", "name": "countries", "value": {"kind": "object", "entries": [
        {"key": "FR", "value": {"kind": "literal", "value": "France"}}]}},
    {"kind": "rule", "target": ["order", "e-mail"], "value": {"kind": "path", "path": ["email"]}},
    {"kind": "rule", "target": ["order", "items", 0], "value": {"kind": "literal", "value": 1}},
    {"kind": "object_block", "target": ["order", "shipping"], "body": [
        {"kind": "rule", "target": ["city"], "value": {"kind": "path", "path": ["address", "city"]}}]},
    {"kind": "array_block", "target": ["order", "lines"], "source": {"kind": "jsonpath", "query": "$.items"},
     "as": "item", "body": [
        {"kind": "rule", "target": ["sku"], "value": {"kind": "name", "name": "item"}}]},
    {"kind": "when", "condition": {"kind": "path", "path": ["vip"]},
     "then": [{"kind": "rule", "target": ["vip"], "value": {"kind": "literal", "value": true}}],
     "else": [{"kind": "rule", "target": ["vip"], "value": {"kind": "literal", "value": false}}]}
  ]})");
        QCOMPARE(QString::fromStdString(parseToJson(text).dump(2)), QString::fromStdString(expected.dump(2)));
    }

    void treeOfAQueryThatIsNotUtf8Serializes()
    {
        // A query that does not parse stays in the tree (E110) with its text; what the tree
        // shows of it is UTF-8, so `compile` and the studio can print it (before: type_error 316).
        const ParsedDocument parsed = parseDocument("mapping \"m\" version 2\na <- $.\xff\n");
        QCOMPARE(parsed.diagnostics.front().code, std::string("E110"));
        const Json tree = astToJson(*parsed.document);
        QCOMPARE(tree["statements"][0]["value"]["query"], Json("$.\\xFF"));
        QCOMPARE(tree.dump(), tree.dump(-1, ' ', false, Json::error_handler_t::strict));
    }

    void headerVariants()
    {
        QCOMPARE(parseToJson("mapping \"m\"\n")["header"].dump(), std::string(R"({"name":"m","version":null})"));
        QCOMPARE(parseToJson("mapping \"m\" version 1\n")["header"]["version"].get<int>(), 1);
        QVERIFY(parseToJson("a <- 1\n")["header"].is_null());
        QCOMPARE(diagnosticsOf("mapping \"m\" version 3\n"),
                 QStringLiteral("E108 1:21-1:22 unsupported language version 3: expected 1 or 2"));
        QCOMPARE(diagnosticsOf("a <- 1\nmapping \"m\"\n"),
                 QStringLiteral("E109 2:1-2:8 the 'mapping' header must come first, and only once"));
    }

    void pipesAndCallsAsJson()
    {
        const Json json = parseToJson("t <- .tags | distinct | join(\",\")\n");
        const Json expected = Json::parse(R"({"kind": "pipe",
            "input": {"kind": "pipe", "input": {"kind": "path", "path": ["tags"]}, "function": "distinct", "args": []},
            "function": "join", "args": [{"kind": "literal", "value": ","}]})");
        QCOMPARE(QString::fromStdString(json["statements"][0]["value"].dump()), QString::fromStdString(expected.dump()));
    }

    void newlinesContinueStatements()
    {
        // Inside expression brackets, and after a binary operator, '<-', ',' or '|'.
        QCOMPARE(exprOf("f(1,\n  2)"), QStringLiteral("(call f 1 2)"));
        QCOMPARE(exprOf("[\n1,\n2\n]"), QStringLiteral("(array 1 2)"));
        QCOMPARE(exprOf("{\n a: 1,\n b: 2\n}"), QStringLiteral("(object a:1 b:2)"));
        QCOMPARE(exprOf("1 +\n 2"), QStringLiteral("(+ 1 2)"));
        QCOMPARE(exprOf("a and\n b"), QStringLiteral("(and a b)"));
        QCOMPARE(exprOf(".x |\n f"), QStringLiteral("(pipe (path x) f)"));
        QCOMPARE(exprOf("\n  1"), QStringLiteral("1"));
        QCOMPARE(exprOf("(1\n + 2)"), QStringLiteral("(+ 1 2)"));
        // A comment inside a multi-line literal is kept aside, not in the tree.
        QCOMPARE(exprOf("[1, # one\n 2]"), QStringLiteral("(array 1 2)"));
        // Outside brackets a newline ends the statement: `+ 2` is a new (bad) statement.
        QCOMPARE(diagnosticsOf("x <- 1\n+ 2\n"), QStringLiteral("E101 2:1-2:2 expected a statement, found '+'"));
    }

    void blocksSeparateStatementsByNewlines()
    {
        const ParsedDocument parsed = parseDocument("a {\n  b <- 1\n  c <- 2\n}\nd { e <- 3 }\n");
        QVERIFY(parsed.ok());
        const auto& block = parsed.document->statements[0]->as<ast::ObjectBlock>();
        QCOMPARE(block.body.size(), std::size_t(2));
        QCOMPARE(parsed.document->statements[1]->as<ast::ObjectBlock>().body.size(), std::size_t(1));
        // `else` may also start the next line.
        QVERIFY(parseDocument("when a {\n  b <- 1\n}\nelse {\n  b <- 2\n}\n").ok());
    }

    void syntaxErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("diagnostics");
        const auto row = [](const char* name, const char* t, const char* d) {
            QTest::newRow(name) << QByteArray(t) << QString::fromUtf8(d);
        };
        row("missing value", "a <-\n", "E101 1:5-1:5 expected an expression, found end of file");
        row("missing operand", "a <- 1 +\nb <- 2\n", "E101 2:3-2:5 expected end of line, found '<-'");
        row("missing arrow", "a 1\n", "E101 1:3-1:4 expected '<-', '{' or '[] <- each' after the target, found integer '1'");
        row("trailing junk", "a <- 1 2\n", "E101 1:8-1:9 expected end of line, found integer '2'");
        row("bad character", "a <- 1 ^ 2\n", "E100 1:8-1:9 unexpected character '^'");
        row("bang", "a <- !b\n", "E100 1:6-1:7 unexpected character '!'");
        row("unterminated string", "a <- \"abc\n", "E102 1:6-1:10 string is not closed before the end of the line");
        row("invalid escape", "a <- \"a\\qb\"\n", "E103 1:8-1:10 invalid escape sequence '\\q' in string");
        row("lone low surrogate", "a <- \"\\udc00\"\n",
            "E103 1:7-1:13 invalid escape sequence '\\udc00' (a low surrogate without its high surrogate) in string");
        row("short unicode escape", "a <- \"\\u12\"\n", "E103 1:7-1:9 invalid escape sequence '\\u' in string");
        row("leading zero", "a <- 012\n", "E104 1:6-1:9 invalid number '012': a number does not start with 0");
        row("dot without digits", "a <- 1.\n", "E104 1:6-1:8 invalid number '1.': expected a digit after '.'");
        row("bad exponent", "a <- 1e+\n", "E104 1:6-1:9 invalid number '1e+': expected a digit in the exponent");
        row("letters after number", "a <- 12ab\n", "E104 1:6-1:10 invalid number '12ab': a number is not followed by letters");
        row("huge double", "a <- 1e999\n", "E104 1:6-1:11 invalid number '1e999': out of the range of a double");
        row("unclosed paren", "a <- f(1\n", "E105 1:7-1:8 '(' is not closed: expected ')'");
        row("unclosed array then rule", "a <- [1, 2\nb <- 2\n", "E105 1:6-1:7 '[' is not closed: expected ']'");
        row("unclosed block", "a {\n  b <- 1\n", "E105 1:3-1:4 '{' is not closed: expected '}'");
        row("tab in string", "a <- \"a\tb\"\n",
            "E106 1:8-1:9 control character U+0009 in string: write it as an escape such as \\n or \\u0009");
        row("invalid utf8", "a <- \"\xff\"\n", "E107 1:7-1:8 invalid UTF-8 byte 0xFF");
        row("jsonpath string", "a <- $.items[?@.x == \"a\nb <- 1\n",
            "E110 1:24-1:24 invalid JSONPath query: control characters must be escaped in a string (use \\n, \\t or \\u00XX)");
        row("invalid jsonpath", "a <- $.items[",
            "E110 1:14-1:14 invalid JSONPath query: expected a selector: a quoted name, '*', an index, a slice or '?' and a filter, found the end of the query");
        row("chained comparison", "a <- 1 < 2 < 3\n", "E111 1:12-1:13 comparisons cannot be chained: combine them with 'and'");
        row("pipe without function", "a <- .x | 1\n", "E112 1:11-1:12 expected a function name after '|', found integer '1'");
        row("keyword as target", "let <- 1\n", "E101 1:5-1:7 expected a name, found '<-'");
        row("missing comma", "a <- [1 2]\n", "E101 1:9-1:10 expected ',' or ']', found integer '2'");
        row("missing colon", "a <- {k 1}\n", "E101 1:9-1:10 expected ':', found integer '1'");
        row("stray brace", "}\n", "E101 1:1-1:2 expected a statement, found '}'");
        row("negative index", "a[-1] <- 1\n", "E101 1:3-1:4 expected an index (a non-negative integer), found '-'");
        row("table not object", "table t = [1]\n", "E101 1:11-1:12 expected '{' (a table is an object literal), found '['");
        row("each missing", "a[] <- .x {\n}\n", "E101 1:8-1:9 expected 'each', found '.'");
        row("not after operator", "a <- 1 == not b\n", "E101 1:11-1:14 expected an expression, found 'not'");
        row("blank in path", "a <- .b .c\n", "E101 1:9-1:10 expected end of line, found '.'");
        row("missing name string", "mapping m\n", "E101 1:9-1:10 expected the mapping's name (a string), found identifier 'm'");
    }
    void syntaxErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, diagnostics);
        QCOMPARE(diagnosticsOf(text.toStdString()), diagnostics);
    }

    void diagnosticsCarryArgsAndFixes()
    {
        const ParsedDocument parsed = parseDocument("a <- f(1, 2\n");
        QCOMPARE(parsed.diagnostics.size(), std::size_t(1));
        const Diagnostic& d = parsed.diagnostics[0];
        QCOMPARE(d.args, (std::vector<std::string>{"'('", "')'"}));
        QCOMPARE(d.fixes.size(), std::size_t(1));
        QCOMPARE(d.fixes[0].edits[0].newText, std::string(")"));
        QCOMPARE(d.fixes[0].edits[0].range.start.offset, std::uint32_t(11));   // right after `2`

        const ParsedDocument unterminated = parseDocument("a <- \"abc\n");
        QCOMPARE(unterminated.diagnostics[0].fixes[0].edits[0].newText, std::string("\""));
        QCOMPARE(unterminated.diagnostics[0].fixes[0].edits[0].range.start.column, 10);
    }

    void recoveryCostsOneStatement()
    {
        const std::string text = "a <- 1\nb <- (2\nc <- 3\nd <- * 4\ne <- 5\n";
        const ParsedDocument parsed = parseDocument(text);
        QCOMPARE(describe(parsed.diagnostics),
                 (QStringList{QStringLiteral("E105 2:6-2:7 '(' is not closed: expected ')'"),
                              QStringLiteral("E101 4:6-4:7 expected an expression, found '*'")}));
        QStringList targets;
        for (const ast::StmtPtr& s : parsed.document->statements)
            targets << QString::fromStdString(s->as<ast::RuleStmt>().target.segments[0].name);
        QCOMPARE(targets, (QStringList{"a", "c", "e"}));
    }

    void recoveryInsideBlocksKeepsTheBlock()
    {
        const std::string text = "o {\n  a <- 1 * * 2\n  b <- 2 )\n  c <- 3\n}\nz <- 4\n";
        const ParsedDocument parsed = parseDocument(text);
        QCOMPARE(testutil::codes(parsed.diagnostics), (QStringList{"E101", "E101"}));
        QCOMPARE(parsed.document->statements.size(), std::size_t(2));
        const auto& block = parsed.document->statements[0]->as<ast::ObjectBlock>();
        QCOMPARE(block.body.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(block.body[0]->as<ast::RuleStmt>().target.segments[0].name), QStringLiteral("c"));
    }

    void recoverySkipsABrokenBlockHeadWithItsBody()
    {
        const std::string text = "a..b {\n  c <- 1\n}\nd <- 2\n";
        const ParsedDocument parsed = parseDocument(text);
        QCOMPARE(describe(parsed.diagnostics), QStringList{QStringLiteral("E101 1:3-1:4 expected a field name after '.', found '.'")});
        QCOMPARE(parsed.document->statements.size(), std::size_t(1));
    }

    void badLineInsideMultiLineLiteralIsOneError()
    {
        const std::string text = "table t = {\n  \"a\": 1 +,\n  \"b\": 2\n}\nx <- 1\n";
        const ParsedDocument parsed = parseDocument(text);
        QCOMPARE(describe(parsed.diagnostics), QStringList{QStringLiteral("E101 2:11-2:12 expected an expression, found ','")});
        QCOMPARE(parsed.document->statements.size(), std::size_t(1));
    }

    void spansPointAtTheSource()
    {
        const std::string text = "let s = \"é€😀\"\nout.\"ü\" <- f(.a, s) + 1\n";
        const ParsedDocument parsed = parseDocument(text);
        QVERIFY(parsed.ok());
        const auto& rule = parsed.document->statements[1]->as<ast::RuleStmt>();
        const auto slice = [&](Span s) { return QString::fromStdString(text.substr(s.begin, s.size())); };
        QCOMPARE(slice(rule.span), QStringLiteral("out.\"ü\" <- f(.a, s) + 1"));
        QCOMPARE(slice(rule.target.span), QStringLiteral("out.\"ü\""));
        QCOMPARE(slice(rule.target.segments[1].span), QStringLiteral("\"ü\""));
        QCOMPARE(slice(rule.arrowSpan), QStringLiteral("<-"));
        const auto& sum = rule.value->as<ast::BinaryExpr>();
        QCOMPARE(slice(sum.opSpan), QStringLiteral("+"));
        QCOMPARE(slice(sum.left->span), QStringLiteral("f(.a, s)"));
        QCOMPARE(slice(sum.left->as<ast::CallExpr>().args[0]->span), QStringLiteral(".a"));
        // Parentheses: the inner node's span excludes them, the outer node's includes them.
        const ParsedDocument paren = parseDocument("x <- (1 + 2) * 3\n");
        const auto& product = paren.document->statements[0]->as<ast::RuleStmt>().value->as<ast::BinaryExpr>();
        QVERIFY(product.left->parenthesized);
        QCOMPARE(product.left->span, (Span{6, 11}));
        QCOMPARE(product.span, (Span{5, 16}));
    }

    void errorColumnsCountCodePoints()
    {
        // "é€😀" is 9 bytes but 3 columns.
        QCOMPARE(diagnosticsOf("x <- \"é€😀\" 1\n"), QStringLiteral("E101 1:12-1:13 expected end of line, found integer '1'"));
        QCOMPARE(diagnosticsOf("# é€😀\nx <- \"é\" ^\n"), QStringLiteral("E100 2:10-2:11 unexpected character '^'"));
    }

    void jsonPathErrorsPointInsideTheQuery()
    {
        const std::string text = "x <- $.a[?@.b == ] + 1\n";
        const ParsedDocument parsed = parseDocument(text);
        QCOMPARE(testutil::codes(parsed.diagnostics), QStringList{"E110"});
        const Diagnostic& d = parsed.diagnostics[0];
        // Inside the query, not at its start.
        QVERIFY(d.range.start.offset > 5);
        QVERIFY(d.range.start.offset < 22);
        const auto& rule = parsed.document->statements[0]->as<ast::RuleStmt>();
        const auto* sum = rule.value->tryAs<ast::BinaryExpr>();
        QVERIFY(sum);
        const auto& query = sum->left->as<ast::JsonPathExpr>();
        QVERIFY(query.error.has_value());
        QVERIFY(!query.query.has_value());
        QCOMPARE(query.span.begin + query.error->offset, d.range.start.offset);
    }

    void compiledQueriesAreKept()
    {
        const ParsedDocument parsed = parseDocument("x <- $.a.b\ny <- @.c[*]\n");
        QVERIFY(parsed.ok());
        const auto& a = parsed.document->statements[0]->as<ast::RuleStmt>().value->as<ast::JsonPathExpr>();
        const auto& b = parsed.document->statements[1]->as<ast::RuleStmt>().value->as<ast::JsonPathExpr>();
        QVERIFY(a.query && a.query->isSingular() && !a.isRelative());
        QVERIFY(b.query && !b.query->isSingular() && b.isRelative());
    }

    void commentsAreKeptAside()
    {
        const ParsedDocument parsed = parseDocument("# head\na <- 1 # tail\n  # inside\n");
        QCOMPARE(parsed.document->comments.size(), std::size_t(3));
        QCOMPARE(parsed.document->comments[0].text, std::string("# head"));
        QVERIFY(!parsed.document->comments[0].trailing);
        QVERIFY(parsed.document->comments[1].trailing);
        QVERIFY(!parsed.document->comments[2].trailing);
    }

    void nestingIsBounded()
    {
        std::string deep = "x <- ";
        for (int i = 0; i < 5000; ++i)
            deep += "(";
        deep += "1";
        for (int i = 0; i < 5000; ++i)
            deep += ")";
        deep += "\ny <- 2\n";
        ParsedDocument parsed = parseDocument(deep);
        QCOMPARE(testutil::codes(parsed.diagnostics), QStringList{"E199"});
        QCOMPARE(parsed.document->statements.size(), std::size_t(1));   // y is still parsed

        std::string chain = "x <- 1";
        for (int i = 0; i < 5000; ++i)
            chain += " + 1";
        parsed = parseDocument(chain + "\n");
        QCOMPARE(testutil::codes(parsed.diagnostics), QStringList{"E199"});

        std::string blocks;
        for (int i = 0; i < 1000; ++i)
            blocks += "a {\n";
        parsed = parseDocument(blocks);
        QCOMPARE(testutil::codes(parsed.diagnostics), (QStringList{"E105", "E199"}));

        // Within the limit all is well.
        std::string fine = "x <- ";
        for (int i = 0; i < 100; ++i)
            fine += "-";
        QVERIFY(parseDocument(fine + "1\n").ok());
    }

    void visitorReachesEveryExpression()
    {
        struct Counter : ast::AstVisitor {
            int literals = 0;
            void visitLiteral(const ast::LiteralExpr&) override { ++literals; }
        } counter;
        const ParsedDocument parsed = parseDocument(
            "let a = 1\ntable t = { k: 2 }\no { p <- [3, {x: 4}] }\nl[] <- each f(5) { q <- -6 | g(7) }\n"
            "when 8 > 9 { r <- 10 } else { r <- not 11 }\n");
        QVERIFY(parsed.ok());
        counter.visitDocument(*parsed.document);
        QCOMPARE(counter.literals, 11);
    }
};

MDSL_TEST_MAIN(TestParser)
#include "test_parser.moc"
