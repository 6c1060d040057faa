// Fuzz-style robustness in the normal test run: random bytes, random token sequences and
// random edits of a valid mapping (all seeded, so a failure reproduces) never crash or hang
// the lexer, the parser, the formatter or the validator, and the parser's results stay sane.

#include "testmain.h"

#include "mdsl/ast.h"
#include "mdsl/format.h"
#include "mdsl/syntax.h"
#include "mdsl/validate.h"

#include <QElapsedTimer>
#include <QTest>

#include <random>

using namespace mdsl;

namespace {

// Enough to reach every error path many times, few enough for seconds under the sanitizers.
constexpr int kCases = 2000;
constexpr int kEditCases = 500;   // each parses, formats and validates a whole mapping

const char* const kTokenTexts[] = {
    "mapping", "version", "let", "table", "each", "as", "when", "else", "and", "or", "not",
    "true", "false", "null", "a", "b.c", "x_1", "\"s\"", "\"e\\u00e9\"", "\"bad\\q\"", "\"open",
    "0", "42", "1.5", "1e3", "01", "1.", ".", ".a", ".a.b[0]", "[", "]", "(", ")", "{", "}",
    ",", ":", "<-", "=", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "??", "|",
    "$", "$.a", "$.items[?@.q > 1]", "$[", "@", "@.p", "# comment\n", "\n", "\n\n", "é", "^",
    "f(", "upper(.x)", "[]", "\xff",
};

/// Checks what must hold for any input: the parser returns a document, diagnostics are
/// syntax errors with ranges inside the text, formatting either refuses with the same
/// diagnostics or gives a stable text with the same meaning, and the validator returns.
void checkInput(const std::string& text)
{
    const LexResult lexed = tokenize(text);
    QVERIFY(!lexed.tokens.empty() && lexed.tokens.back().kind == TokenKind::EndOfFile);

    const ParsedDocument parsed = parseDocument(text);
    QVERIFY(parsed.document);
    for (const Diagnostic& d : parsed.diagnostics) {
        QVERIFY2(d.code.size() == 4 && d.code.compare(0, 2, "E1") == 0, d.code.c_str());
        QVERIFY(d.range.start.offset <= d.range.end.offset);
        QVERIFY(d.range.end.offset <= text.size());
        QVERIFY(!d.message.empty());
    }
    (void)astToJson(*parsed.document, true).dump();

    const FormatResult formatted = formatDocument(text);
    QCOMPARE(formatted.ok, parsed.ok());
    if (formatted.ok) {
        const ParsedDocument again = parseDocument(formatted.text);
        QVERIFY2(again.ok(), (text + "\n----\n" + formatted.text).c_str());
        QVERIFY2(astToJson(*again.document) == astToJson(*parsed.document), (text + "\n----\n" + formatted.text).c_str());
        QCOMPARE(formatDocument(formatted.text).text, formatted.text);
    }
    (void)validate(text, ValidateOptions{});
}

const char* const kSeedMapping = R"(mapping "m" version 2
let vat = 0.2
table t = {"FR": "France", "DE": [1, 2]}
o.id    <- .id # c
o.total <- round(.amount * (1 + vat), 2) ?? 0
o.s {
  city <- .address.city
}
o.lines[] <- each $.items[?@.qty > 0] as it {
  sku <- upper(.sku) | trim
  when .qty > 1 and not .gift {
    bulk <- true
  } else {
    bulk <- -1
  }
}
)";

} // namespace

class TestFuzz : public QObject {
    Q_OBJECT

private slots:
    void randomBytes()
    {
        std::mt19937 rng(20261123);
        // Mostly characters that mean something to the lexer, sometimes any byte.
        const std::string alphabet = "abcxyz_019.,:;()[]{}<>-=!?|+*/%\"\\$@# \n\t\r'&~^";
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < kCases; ++i) {
            std::string text(rng() % 120, ' ');
            for (char& c : text)
                c = rng() % 4 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
            checkInput(text);
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY2(timer.elapsed() < 60000, "the parser is too slow on random input");
    }

    void randomTokenSequences()
    {
        std::mt19937 rng(7);
        for (int i = 0; i < kCases; ++i) {
            std::string text;
            const int count = static_cast<int>(rng() % 40);
            for (int k = 0; k < count; ++k) {
                text += kTokenTexts[rng() % std::size(kTokenTexts)];
                text += rng() % 3 == 0 ? "" : " ";
            }
            checkInput(text);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void randomEditsOfAValidMapping()
    {
        std::mt19937 rng(99);
        const std::string seed = kSeedMapping;
        QVERIFY(parseDocument(seed).ok());
        for (int i = 0; i < kEditCases; ++i) {
            std::string text = seed;
            const int edits = 1 + static_cast<int>(rng() % 3);
            for (int k = 0; k < edits; ++k) {
                const std::size_t at = rng() % (text.size() + 1);
                switch (rng() % 3) {
                case 0:
                    text.erase(at, 1 + rng() % 4);
                    break;
                case 1:
                    text.insert(at, kTokenTexts[rng() % std::size(kTokenTexts)]);
                    break;
                default:
                    if (at < text.size())
                        text[at] = "(){}[]\"\n.#$"[rng() % 11];
                    break;
                }
            }
            checkInput(text);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void pathologicalNesting()
    {
        for (const char* unit : {"(", "[", "{", "a {\n", "-", "not ", "f(", "when a {\n", "x[] <- each $ {\n"}) {
            std::string text = "x <- ";
            for (int i = 0; i < 20000; ++i)
                text += unit;
            checkInput(text);
        }
        std::string chain = "x <- 1";
        for (int i = 0; i < 20000; ++i)
            chain += " | f";
        checkInput(chain);
    }
};

MDSL_TEST_MAIN(TestFuzz)
#include "test_fuzz.moc"
