// The lexer: token kinds and spans, newlines, comments, strings and their escapes, numbers,
// JSONPath extents, and that it always reaches the end.

#include "testmain.h"

#include "mdsl/syntax.h"

#include <QTest>

using namespace mdsl;

namespace {

/// "kind:text" per token (Newline and EndOfFile by name), to compare whole token streams.
QStringList tokens(std::string_view text)
{
    const LexResult lexed = tokenize(text);
    QStringList out;
    for (const Token& t : lexed.tokens) {
        const auto source = QString::fromUtf8(text.substr(t.span.begin, t.span.size()));
        switch (t.kind) {
        case TokenKind::Newline: out << QStringLiteral("NL"); break;
        case TokenKind::EndOfFile: out << QStringLiteral("EOF"); break;
        default: out << QString::fromUtf8(tokenKindName(t.kind)) + QLatin1Char(':') + source;
        }
    }
    return out;
}

} // namespace

class TestLexer : public QObject {
    Q_OBJECT

private slots:
    void operatorsAndPunctuation()
    {
        QCOMPARE(tokens("a<-b<=c<d-1"), (QStringList{"identifier:a", "'<-':<-", "identifier:b", "'<=':<=", "identifier:c",
                                                     "'<':<", "identifier:d", "'-':-", "integer:1", "EOF"}));
        QCOMPARE(tokens("== != = >= > ?? | + * / % . , : ( ) [ ] { }").size(), 21);   // 20 tokens and the end
        QCOMPARE(tokens("x ?? y").at(1), QStringLiteral("'?\?':?\?"));
    }

    void keywordsAreNotIdentifiers()
    {
        QCOMPARE(tokens("mapping version let table each as when else and or not true false null letter"),
                 (QStringList{"'mapping':mapping", "'version':version", "'let':let", "'table':table", "'each':each",
                              "'as':as", "'when':when", "'else':else", "'and':and", "'or':or", "'not':not",
                              "'true':true", "'false':false", "'null':null", "identifier:letter", "EOF"}));
    }

    void newlinesCollapseAndCommentsGoAside()
    {
        const std::string text = "a # one\n\n  # two\nb\n";
        const LexResult lexed = tokenize(text);
        QCOMPARE(tokens(text), (QStringList{"identifier:a", "NL", "identifier:b", "NL", "EOF"}));
        QCOMPARE(lexed.comments.size(), std::size_t(2));
        QCOMPARE(lexed.comments[0].text, std::string("# one"));
        QCOMPARE(lexed.comments[0].span, (Span{2, 7}));
        QVERIFY(lexed.comments[0].trailing);
        QCOMPARE(lexed.comments[1].text, std::string("# two"));
        QVERIFY(!lexed.comments[1].trailing);
        // A CRLF line: the comment stops before the CR.
        QCOMPARE(tokenize("# x\r\n").comments[0].text, std::string("# x"));
    }

    void blanksAreRecorded()
    {
        const LexResult lexed = tokenize(".a .b");
        QVERIFY(!lexed.tokens[1].spaceBefore);
        QVERIFY(lexed.tokens[2].spaceBefore);
    }

    void stringsDecodeEscapes()
    {
        const LexResult lexed = tokenize("\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\ud83d\\ude00\"");
        QVERIFY(lexed.diagnostics.empty());
        QCOMPARE(lexed.tokens[0].kind, TokenKind::String);
        QCOMPARE(lexed.strings[lexed.tokens[0].payload], std::string("a\"\\/\b\f\n\r\tAé😀"));
    }

    void badStringsAreReportedOnceAndLexingGoesOn()
    {
        LexResult lexed = tokenize("\"abc\nx");
        QCOMPARE(lexed.diagnostics.size(), std::size_t(1));
        QCOMPARE(lexed.diagnostics[0].code, std::string("E102"));
        QCOMPARE(lexed.tokens[1].kind, TokenKind::Newline);
        QCOMPARE(lexed.tokens[2].kind, TokenKind::Identifier);

        lexed = tokenize("\"\\ud800x\"");
        QCOMPARE(lexed.diagnostics.size(), std::size_t(1));
        QCOMPARE(lexed.diagnostics[0].code, std::string("E103"));
        QCOMPARE(lexed.strings[0], std::string("x"));
    }

    void numbersFollowJson()
    {
        QCOMPARE(tokens("0 12 1.5 1e9 2.5E-3 0.0"),
                 (QStringList{"integer:0", "integer:12", "number:1.5", "number:1e9", "number:2.5E-3", "number:0.0", "EOF"}));
        for (const char* bad : {"01", "1.", "1.e5", "1e", "3x"}) {
            const LexResult lexed = tokenize(bad);
            QCOMPARE(lexed.diagnostics.size(), std::size_t(1));
            QCOMPARE(lexed.diagnostics[0].code, std::string("E104"));
            QCOMPARE(lexed.tokens.size(), std::size_t(2));   // one token and the end
        }
        // A leading '.' is a path, and '-' is an operator, not part of the number.
        QCOMPARE(tokens(".5"), (QStringList{"'.':.", "integer:5", "EOF"}));
        QCOMPARE(tokens("-1"), (QStringList{"'-':-", "integer:1", "EOF"}));
    }

    void jsonPathRunsAsFarAsItsSyntax()
    {
        QCOMPARE(tokens("$.items[?@.qty > 0 && @.name == \"a b\"] + 1"),
                 (QStringList{"JSONPath query:$.items[?@.qty > 0 && @.name == \"a b\"]", "'+':+", "integer:1", "EOF"}));
        QCOMPARE(tokens("f(@.a, $)"),
                 (QStringList{"identifier:f", "'(':(", "JSONPath query:@.a", "',':,", "JSONPath query:$", "')':)", "EOF"}));
        const LexResult lexed = tokenize("$.a.b");
        QVERIFY(lexed.queries[lexed.tokens[0].payload].query.has_value());
    }

    void invalidCharactersMakeOneDiagnosticPerRun()
    {
        LexResult lexed = tokenize("a ^ b");
        QCOMPARE(lexed.diagnostics.size(), std::size_t(1));
        QCOMPARE(lexed.diagnostics[0].code, std::string("E100"));
        lexed = tokenize("a \xff\xfe\xfd b");
        QCOMPARE(lexed.diagnostics.size(), std::size_t(1));
        QCOMPARE(lexed.diagnostics[0].code, std::string("E107"));
        QCOMPARE(lexed.tokens[1].kind, TokenKind::Invalid);
        QCOMPARE(lexed.tokens[2].kind, TokenKind::Identifier);
        // In a string or a comment too: a blob of 3,000 such bytes is one diagnostic over them.
        for (const std::string& text : {"a <- \"" + std::string(3000, '\xff') + "\"", "# " + std::string(3000, '\xfe')}) {
            lexed = tokenize(text);
            QCOMPARE(lexed.diagnostics.size(), std::size_t(1));
            QCOMPARE(lexed.diagnostics[0].code, std::string("E107"));
            QCOMPARE(lexed.diagnostics[0].range.end.offset - lexed.diagnostics[0].range.start.offset, 3000u);
        }
        // Overlong encodings and encoded surrogates are not UTF-8.
        QCOMPARE(tokenize("\"\xc0\xaf\"").diagnostics[0].code, std::string("E107"));
        QCOMPARE(tokenize("\"\xed\xa0\x80\"").diagnostics[0].code, std::string("E107"));
    }

    void alwaysEndsWithEndOfFile()
    {
        for (const char* text : {"", "\n", "#", "\"", "\\", "$[", "@", "a\n\n\n"}) {
            const LexResult lexed = tokenize(text);
            QVERIFY(!lexed.tokens.empty());
            QCOMPARE(lexed.tokens.back().kind, TokenKind::EndOfFile);
        }
    }
};

MDSL_TEST_MAIN(TestLexer)
#include "test_lexer.moc"
