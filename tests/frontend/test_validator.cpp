// The validator through its API: the document's version under each engine and flags, fixes
// that really fix, positions on non-ASCII lines, the three renderings, and robustness against
// random input. Case-by-case diagnostics live in the golden corpus (test_golden).

#include "testmain.h"

#include "mdsl/report.h"
#include "mdsl/syntax.h"
#include "mdsl/checks.h"

#include <QTest>

#include <random>

using mdsl::Diagnostic;
using mdsl::EngineKind;
using mdsl::Flag;
using mdsl::ValidateOptions;

namespace {

QStringList codes(const std::vector<Diagnostic>& diagnostics)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics)
        out << QString::fromStdString(d.code);
    return out;
}

/// The English a wording id of `table` and its arguments give, or "<unknown id>".
std::string wordingOf(const std::vector<mdsl::Wording>& table, const std::string& id,
                      const std::vector<std::string>& args)
{
    const auto entry = std::find_if(table.begin(), table.end(), [&](const mdsl::Wording& m) { return m.id == id; });
    return entry == table.end() ? "<unknown id " + id + ">" : mdsl::formatMessage(entry->pattern, args);
}

// Applies a fix's edits (last first, so earlier offsets hold).
std::string applyFix(std::string text, const mdsl::Fix& fix)
{
    std::vector<mdsl::TextEdit> edits = fix.edits;
    std::sort(edits.begin(), edits.end(),
              [](const auto& a, const auto& b) { return a.range.start.offset > b.range.start.offset; });
    for (const mdsl::TextEdit& edit : edits)
        text.replace(edit.range.start.offset, edit.range.end.offset - edit.range.start.offset, edit.newText);
    return text;
}

ValidateOptions options(EngineKind engine, std::initializer_list<Flag> off = {})
{
    ValidateOptions o;
    o.engine = engine;
    for (Flag flag : off)
        o.flags.set(flag, false);
    return o;
}

} // namespace

class TestValidator : public QObject {
    Q_OBJECT

private slots:
    // Related locations carry a stable wording id and typed arguments (what the studio
    // translates), and their English message is that wording's pattern with the arguments.
    void relatedLocationsHaveAWordingIdAndArguments()
    {
        const std::string text = "mapping \"m\" version 2\nlet x = 1\nlet x = 2\na <- x\na <- x\n"
                                 "b.c <- 1\nb <- 2\nd <- {k: 1, k: 2}\n";
        QStringList seen;
        for (const mdsl::Diagnostic& d : mdsl::validate(text, {})) {
            for (const mdsl::RelatedLocation& r : d.related) {
                QCOMPARE(r.message, wordingOf(mdsl::relatedMessages(), r.id, r.args));
                seen.append(QString::fromStdString(d.code + " " + r.id));
            }
        }
        seen.sort();
        QCOMPARE(seen, QStringList({"E205 written-here", "E206 first-defined", "W201 first-written", "W204 first-written"}));
    }

    // Fixes, likewise: a wording id of fixMessages(), typed arguments, the title their pattern.
    void fixesHaveAWordingIdAndArguments()
    {
        const std::vector<std::string> texts = {
            "mapping \"m\" version 1\nlet unused = 1\na <- uper(.x)\nb <- .y ?? 1\n",
            "a <- .y ?? 1\n",
            "mapping \"m\"\na <- .y ?? 1\n",
            "a <- \"open\nb <- upper(.x\n",
        };
        mdsl::ValidateOptions v1;
        v1.engine = EngineKind::V1;
        QStringList seen;
        for (const std::string& text : texts) {
            std::vector<mdsl::Diagnostic> diagnostics = mdsl::validate(text, v1);
            mdsl::ValidateOptions v2;   // documents without a version are version 1 here
            v2.flags.set(mdsl::Flag::V2Default, false);
            for (mdsl::Diagnostic& d : mdsl::validate(text, v2))
                diagnostics.push_back(std::move(d));
            for (const mdsl::Diagnostic& d : diagnostics) {
                for (const mdsl::Fix& fix : d.fixes) {
                    QCOMPARE(fix.title, wordingOf(mdsl::fixMessages(), fix.id, fix.args));
                    seen.append(QString::fromStdString(fix.id));
                }
            }
        }
        seen.removeDuplicates();
        seen.sort();
        QStringList all;
        for (const mdsl::Wording& m : mdsl::fixMessages())
            all.append(QString::fromUtf8(m.id.data(), qsizetype(m.id.size())));
        all.sort();
        QCOMPARE(seen.join(' '), all.join(' '));   // every wording is reachable, and reached here
    }

    // E301 and E302 name the feature by an id of featureWordings() (no English in their
    // arguments); their English message says it in words, as before.
    void featureErrorsNameTheFeatureById()
    {
        mdsl::ValidateOptions noNewOps;
        noNewOps.flags.set(mdsl::Flag::V2NewOps, false);
        const auto e302 = mdsl::validate("mapping \"m\" version 2\na <- .x ?? 1\nb <- split(.s, \",\")\n", noNewOps);
        QCOMPARE(codes(e302), QStringList({"E302", "E302"}));
        QCOMPARE(e302[0].args, std::vector<std::string>({"coalesce", "mapping_dsl_v2_new_ops"}));
        QCOMPARE(e302[0].message, std::string("the `??` operator needs the feature flag `mapping_dsl_v2_new_ops`, which is off"));
        QCOMPARE(e302[1].args[0], std::string("function:split"));
        QCOMPARE(e302[1].message.substr(0, 22), std::string("the function `split` n"));
        const auto e301 = mdsl::validate("mapping \"m\" version 1\no { a <- 1 }\n", {});
        QCOMPARE(e301.front().code, std::string("E301"));
        QCOMPARE(e301.front().args, std::vector<std::string>({"object-block"}));
        QCOMPARE(e301.front().message, std::string("an object block needs language version 2, but this document is version 1"));
        for (const mdsl::Wording& w : mdsl::featureWordings())
            QVERIFY2(mdsl::featureText(std::string(w.id) + ":f").find("{0}") == std::string::npos, w.id.data());
    }

    void documentVersion_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("engine");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<bool>("byDefault");
        QTest::addColumn<int>("version");
        QTest::newRow("header 1 wins") << "mapping \"a\" version 1\n" << int(EngineKind::V2) << true << true << 1;
        QTest::newRow("header 2 wins") << "mapping \"a\" version 2\n" << int(EngineKind::V1) << true << true << 2;
        QTest::newRow("none, V1 engine") << "" << int(EngineKind::V1) << true << true << 1;
        QTest::newRow("none, V2 both on") << "" << int(EngineKind::V2) << true << true << 2;
        QTest::newRow("none, V2 default off") << "" << int(EngineKind::V2) << true << false << 1;
        QTest::newRow("none, V2 disabled") << "" << int(EngineKind::V2) << false << true << 1;
        QTest::newRow("header without version") << "mapping \"a\"\n" << int(EngineKind::V2) << true << true << 2;
    }

    void documentVersion()
    {
        QFETCH(QString, text);
        QFETCH(int, engine);
        QFETCH(bool, enabled);
        QFETCH(bool, byDefault);
        QFETCH(int, version);
        ValidateOptions o = options(EngineKind(engine));
        o.flags.set(Flag::V2Enabled, enabled);
        o.flags.set(Flag::V2Default, byDefault);
        const auto parsed = mdsl::parseDocument(text.toStdString());
        QCOMPARE(mdsl::documentVersion(*parsed.document, o), version);
    }

    void versionTwoFixMakesTheErrorGo_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no header") << "a <- .x ?? 1\n";
        QTest::newRow("header without version") << "mapping \"m\"\na <- [1]\n";
        QTest::newRow("header version 1") << "mapping \"m\" version 1\nwhen .a {\n  b <- 1\n}\n";
    }

    void versionTwoFixMakesTheErrorGo()
    {
        QFETCH(QString, text);
        const ValidateOptions o = options(EngineKind::V2, {Flag::V2Default});
        const auto before = mdsl::validate(text.toStdString(), o);
        QCOMPARE(codes(before), QStringList{"E301"});
        QCOMPARE(before[0].fixes.size(), std::size_t(1));
        const std::string fixed = applyFix(text.toStdString(), before[0].fixes[0]);
        QCOMPARE(codes(mdsl::validate(fixed, o)), QStringList());
    }

    void noVersionFixWhereItCannotHelp()
    {
        // The V1 engine refuses version 2, and V2 disabled refuses it too.
        const auto v1 = mdsl::validate("a <- .x ?? 1\n", options(EngineKind::V1));
        QCOMPARE(codes(v1), QStringList{"E301"});
        QVERIFY(v1[0].fixes.empty());
        const auto disabled = mdsl::validate("a <- .x ?? 1\n", options(EngineKind::V2, {Flag::V2Enabled}));
        QCOMPARE(codes(disabled), QStringList{"E301"});
        QVERIFY(disabled[0].fixes.empty());
    }

    void didYouMeanAndRemovalFixesApply()
    {
        const std::string text = "let vat = 0.2\nlet unused = 1\na <- florr(.x * vta)\n";
        const auto before = mdsl::validate(text, {});
        QCOMPARE(codes(before), (QStringList{"W202", "E202", "E201"}));
        std::string fixed = text;
        // Later ranges first, so the earlier fixes' offsets hold.
        for (auto it = before.rbegin(); it != before.rend(); ++it) {
            QCOMPARE(it->fixes.size(), std::size_t(1));
            fixed = applyFix(fixed, it->fixes[0]);
        }
        QCOMPARE(QString::fromStdString(fixed), QStringLiteral("let vat = 0.2\na <- floor(.x * vat)\n"));
        QCOMPARE(codes(mdsl::validate(fixed, {})), QStringList());
    }

    void flagMessagesNameTheProductionFlag()
    {
        const auto d = mdsl::validate("mapping \"m\" version 2\nids <- $.a[*]\n", options(EngineKind::V2, {Flag::V2JsonPath}));
        QCOMPARE(codes(d), QStringList{"E302"});
        QCOMPARE(d[0].args, (std::vector<std::string>{"jsonpath", "mapping_dsl_v2_jsonpath"}));   // the feature by id
        QVERIFY(d[0].message.find("mapping_dsl_v2_jsonpath") != std::string::npos);
        const auto disabled = mdsl::validate("mapping \"m\" version 2\n", options(EngineKind::V2, {Flag::V2Enabled}));
        QCOMPARE(codes(disabled), QStringList{"E304"});
        QVERIFY(disabled[0].message.find("mapping_dsl_v2_enabled") != std::string::npos);
    }

    void relatedLocationPointsAtTheFirstWrite()
    {
        const auto d = mdsl::validate("a <- 1\nb <- 2\na <- 3\n", {});
        QCOMPARE(codes(d), QStringList{"W201"});
        QCOMPARE(d[0].severity, mdsl::Severity::Warning);
        QCOMPARE(d[0].range.start.line, 3);
        QCOMPARE(d[0].related.size(), std::size_t(1));
        QCOMPARE(d[0].related[0].range.start.line, 1);
        QCOMPARE(d[0].related[0].range.end.column, 2);
    }

    void positionsCountCodePoints()
    {
        // "é€😀" is 2+3+4 bytes but 3 columns.
        const std::string text = "a <- concat(\"é€😀\", nope)\n";
        const auto d = mdsl::validate(text, {});
        QCOMPARE(codes(d), QStringList{"E201"});
        QCOMPARE(d[0].range.start.column, 20);
        QCOMPARE(d[0].range.end.column, 24);
        QCOMPARE(d[0].range.start.offset, std::uint32_t(text.find("nope")));
    }

    void textRenderingPutsTheCaretUnderTheRange()
    {
        const std::string text = "a <- concat(\"é€😀\", nope)\n";
        const std::string out = mdsl::renderText(mdsl::validate(text, {}), text, "m.mdsl");
        const QStringList lines = QString::fromStdString(out).split(u'\n');
        QCOMPARE(lines[0], QStringLiteral("m.mdsl:1:20: error[E201]: unknown name `nope`"));
        QCOMPARE(lines[1], QStringLiteral("   1 | a <- concat(\"é€😀\", nope)"));
        // The emoji is two terminal columns wide, so the caret is one column further right.
        QCOMPARE(lines[2], QStringLiteral("     |                     ^~~~"));
    }

    void jsonHasTheDocumentedShape()
    {
        const std::string text = "a <- 1\na <- 2\n";
        const mdsl::Json json = mdsl::diagnosticsToJson(mdsl::validate(text, {}));
        const mdsl::Json& d = json.at("diagnostics").at(0);
        QCOMPARE(QString::fromStdString(d.dump()),
                 QStringLiteral(R"({"severity":"warning","code":"W201","message":"`a` is written twice; the later write replaces the earlier one",)"
                                R"("args":["a"],"range":{"start":{"line":2,"column":1,"offset":7},"end":{"line":2,"column":2,"offset":8}},)"
                                R"("related":[{"range":{"start":{"line":1,"column":1,"offset":0},"end":{"line":1,"column":2,"offset":1}},)"
                                R"("message":"first written here"}],"fixes":[]})"));
    }

    void sarifHasRulesResultsAndFixes()
    {
        const std::string text = "a <- florr(1)\n";
        const mdsl::Json sarif = mdsl::diagnosticsToSarif(mdsl::validate(text, {}), "m.mdsl");
        QCOMPARE(sarif.at("version").get<std::string>(), std::string("2.1.0"));
        const mdsl::Json& run = sarif.at("runs").at(0);
        QCOMPARE(run.at("tool").at("driver").at("name").get<std::string>(), std::string("mapping-dsl"));
        const mdsl::Json& rules = run.at("tool").at("driver").at("rules");
        QCOMPARE(rules.size(), mdsl::diagnosticCodes().size());
        const mdsl::Json& result = run.at("results").at(0);
        QCOMPARE(result.at("ruleId").get<std::string>(), std::string("E202"));
        QCOMPARE(rules.at(result.at("ruleIndex").get<std::size_t>()).at("id"), result.at("ruleId"));
        QCOMPARE(result.at("level").get<std::string>(), std::string("error"));
        const mdsl::Json& region = result.at("locations").at(0).at("physicalLocation").at("region");
        QCOMPARE(region.at("startLine").get<int>(), 1);
        QCOMPARE(region.at("startColumn").get<int>(), 6);
        QCOMPARE(region.at("endColumn").get<int>(), 11);
        const mdsl::Json& replacement = result.at("fixes").at(0).at("artifactChanges").at(0).at("replacements").at(0);
        QCOMPARE(replacement.at("insertedContent").at("text").get<std::string>(), std::string("floor"));
    }

    void codeTableIsSortedAndUnique()
    {
        const auto& table = mdsl::diagnosticCodes();
        for (std::size_t i = 1; i < table.size(); ++i)
            QVERIFY2(table[i - 1].code < table[i].code, table[i].code.data());
        for (const auto& code : table)
            QCOMPARE(mdsl::findDiagnosticCode(code.code), &code);
        QVERIFY(!mdsl::findDiagnosticCode("E999"));
    }

    void randomBytesNeverCrash()
    {
        std::mt19937 random(20261123);
        for (int round = 0; round < 300; ++round) {
            std::string text(random() % 200, '\0');
            for (char& c : text)
                c = static_cast<char>(random() % 256);
            const auto d = mdsl::validate(text, {});
            (void)mdsl::renderText(d, text, "x");
        }
    }

    void randomTokensNeverCrash()
    {
        // Real tokens in random order reach far deeper into the parser and validator.
        const std::vector<std::string> tokens = {
            "mapping", "\"m\"", "version", "2", "let", "table", "each", "as", "when", "else", "x", "a.b",
            "<-", "=", "{", "}", "[", "]", "(", ")", ",", ":", "|", "??", "+", "*", "==", "and", "not",
            "\n", "\n", "\n", ".a", "$.a[*]", "@.b", "upper", "min", "index()", "matches", "\"[\"", "1.5", "null", "[]",
        };
        std::mt19937 random(42);
        for (int round = 0; round < 500; ++round) {
            std::string text;
            const int count = static_cast<int>(random() % 60);
            for (int i = 0; i < count; ++i)
                text += tokens[random() % tokens.size()] + " ";
            for (EngineKind engine : {EngineKind::V1, EngineKind::V2}) {
                const auto d = mdsl::validate(text, options(engine));
                for (const Diagnostic& diagnostic : d) {
                    QVERIFY(!diagnostic.code.empty());
                    QVERIFY(diagnostic.range.start.offset <= diagnostic.range.end.offset);
                    QVERIFY(diagnostic.range.end.offset <= text.size());
                }
            }
        }
    }

    void deepNestingIsOneError()
    {
        const std::string text = "a <- " + std::string(5000, '[') + std::string(5000, ']') + "\n";
        const auto d = mdsl::validate(text, {});
        QVERIFY(codes(d).contains("E199"));
    }
};

MDSL_TEST_MAIN(TestValidator)
#include "test_validator.moc"
