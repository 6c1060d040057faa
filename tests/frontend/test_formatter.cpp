// The formatter: the canonical layout on a messy document, grouping and alignment rules,
// comments kept, refusal on syntax errors, and over every example and corpus mapping: the
// result is stable (formatting it again changes nothing) and means the same (same AST).

#include "testmain.h"

#include "syntax_test_util.h"

#include "mdsl/ast.h"
#include "mdsl/format.h"
#include "mdsl/syntax.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <random>

using namespace mdsl;

namespace {

QString fmt(const std::string& text)
{
    const FormatResult result = formatDocument(text);
    if (!result.ok)
        return QStringLiteral("refused: ") + testutil::describe(result.diagnostics).join(QStringLiteral("; "));
    return QString::fromStdString(result.text);
}

// Mappings written for these tests: every statement and expression form, odd layouts,
// comments in every place a comment can go.
const char* const kExamples[] = {
    R"(# Order export
mapping "order-export"   version 2


let vat=0.2
table countries = { "FR": "France", "DE": "Germany" }
order.id <- .id   # the id
order.customer  <-   upper( trim(.customer.name) )
order.country<- lookup(countries,.customer.country) ?? "Unknown"
order.total     <- round(.amount * (1 + vat), 2)
order.shipping {  # object
  street <- .address.line1


  city   <- .address.city
}
order.lines[] <- each $.items[?@.qty > 0] as it {       # array container
  sku   <- .sku
  total <- .qty*.price
  when .qty > 10 { bulk <- true } else { bulk <- false }
}
order.tags <- .tags | distinct | sort | join(",") # pipe
)",
    R"(table t = {
  "a": 1, # one
  "b": [1,2,
    3],
  c: f(1,
    2) # last
}
x <- a +
  b
y <- (a # inner
  ) + 1
z <- -(-1) - -2
n <- not (a and b) or not c
)",
    "a<-1",
    "",
    "# only a comment\n",
    "\n\n# c1\n\n\n# c2\nx <- 1\n\n\n",
    R"(o."e-mail" <- ."E-Mail"
o.items[0].sku <- .items[0]."sku id"
o."é" <- "é€😀"
o.x <- .
o.y <- .[1]
o.z <- $
o.w <- @.a
)",
    R"(when .a == 1 and .b != "x" {
  r <- 1
}
else {
  r <- 2
}
l[] <- each .items {
  let p = .price * 1.5e2
  v <- p
  w <- index()
  inner[] <- each .sub as s {
    q <- s ?? 0
  }
}
)",
    R"(a <- f(
  1, # first
  # between
  2
)
b <- [
]
c <- {}
d <- x |
  map(.a) |
  filter(.b > 0)
e <- 1 + # after plus
  2
)",
    "a { }\nb {\n  # only a comment\n}\n",
    "x <- ((1))\ny <- - - 1\nz <- 1 - (2 - 3)\n",
};

bool sameMeaning(const std::string& a, const std::string& b)
{
    const ParsedDocument pa = parseDocument(a);
    const ParsedDocument pb = parseDocument(b);
    return pa.ok() && pb.ok() && astToJson(*pa.document) == astToJson(*pb.document);
}

void checkStableAndFaithful(const std::string& text)
{
    const FormatResult once = formatDocument(text);
    QVERIFY2(once.ok, qPrintable(testutil::describe(once.diagnostics).join(QStringLiteral("\n"))));
    const FormatResult twice = formatDocument(once.text);
    QVERIFY(twice.ok);
    QCOMPARE(QString::fromStdString(twice.text), QString::fromStdString(once.text));
    QVERIFY2(sameMeaning(text, once.text), once.text.c_str());
    // Every comment survives, in order.
    const auto comments = [](const std::string& t) {
        QStringList out;
        const ParsedDocument parsed = parseDocument(t);
        for (const ast::Comment& c : parsed.document->comments)
            out << QString::fromStdString(c.text);
        return out;
    };
    QCOMPARE(comments(once.text), comments(text));
    if (!once.text.empty())
        QVERIFY(once.text.back() == '\n');
}

} // namespace

class TestFormatter : public QObject {
    Q_OBJECT

private slots:
    void canonicalLayout()
    {
        QCOMPARE(fmt(kExamples[0]), QStringLiteral(R"(# Order export
mapping "order-export" version 2

let vat = 0.2
table countries = {"FR": "France", "DE": "Germany"}
order.id       <- .id # the id
order.customer <- upper(trim(.customer.name))
order.country  <- lookup(countries, .customer.country) ?? "Unknown"
order.total    <- round(.amount * (1 + vat), 2)
order.shipping { # object
  street <- .address.line1

  city <- .address.city
}
order.lines[] <- each $.items[?@.qty > 0] as it { # array container
  sku   <- .sku
  total <- .qty * .price
  when .qty > 10 {
    bulk <- true
  } else {
    bulk <- false
  }
}
order.tags <- .tags | distinct | sort | join(",") # pipe
)"));
    }

    void multiLineListsAndBreaks()
    {
        QCOMPARE(fmt(kExamples[1]), QStringLiteral(R"(table t = {
  "a": 1, # one
  "b": [
    1,
    2,
    3
  ],
  c: f(
    1,
    2
  ) # last
}
x <- a +
  b
y <- (a # inner
  ) + 1
z <- -(-1) - -2
n <- not (a and b) or not c
)"));
    }

    void groupsEndAtBlankLinesCommentsAndBlocks()
    {
        QCOMPARE(fmt("a <- 1\nbbb <- 2\n\ncc <- 3\nd <- 4\n# c\neeeee <- 5\nf <- 6\ng { h <- 1 }\nii <- 7\nj <- 8\n"),
                 QStringLiteral("a   <- 1\nbbb <- 2\n\ncc <- 3\nd  <- 4\n# c\neeeee <- 5\nf     <- 6\ng {\n  h <- 1\n}\nii <- 7\nj  <- 8\n"));
        // A trailing comment does not end a group; widths count code points, not bytes.
        QCOMPARE(fmt("\"é\" <- 1 # x\nab <- 2\nlet v = 1\nabc <- 3\n"),
                 QStringLiteral("\"é\" <- 1 # x\nab  <- 2\nlet v = 1\nabc <- 3\n"));
    }

    void spellingsAreKept()
    {
        QCOMPARE(fmt("a <- 1.50\nb <- \"\\u00e9\"\nc <- .\"x y\"\nd <- { \"k\": 1e3 }\n"),
                 QStringLiteral("a <- 1.50\nb <- \"\\u00e9\"\nc <- .\"x y\"\nd <- {\"k\": 1e3}\n"));
    }

    void smallDocuments()
    {
        QCOMPARE(fmt(""), QString());
        QCOMPARE(fmt("\n\n"), QString());
        QCOMPARE(fmt("a<-1"), QStringLiteral("a <- 1\n"));
        QCOMPARE(fmt("\n\n# c1\n\n\n# c2\nx <- 1\n\n\n"), QStringLiteral("# c1\n\n# c2\nx <- 1\n"));
    }

    void refusesSyntaxErrors()
    {
        QCOMPARE(fmt("a <- 1\nb <- (2\nc <- 3 3\n"),
                 QStringLiteral("refused: E105 2:6-2:7 '(' is not closed: expected ')'; "
                                "E101 3:8-3:9 expected end of line, found integer '3'"));
    }

    void examplesAreStableAndFaithful_data()
    {
        QTest::addColumn<QByteArray>("text");
        int i = 0;
        for (const char* example : kExamples)
            QTest::newRow(qPrintable(QStringLiteral("example %1").arg(i++))) << QByteArray(example);
        // The golden corpus (every mapping.mdsl of tests/frontend/cases) and the examples.
        const QString root = QStringLiteral(MDSL_SOURCE_DIR);
        QDirIterator it(root + QStringLiteral("/tests/frontend/cases"), {QStringLiteral("mapping.mdsl")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        for (const QFileInfo& info : QDir(root + QStringLiteral("/resources/examples")).entryInfoList({QStringLiteral("*.mdsl")}))
            files << info.filePath();
        files.sort();
        for (const QString& path : files) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray text = file.readAll();
            // Documents with syntax errors are the refusal test's business.
            if (parseDocument(text.toStdString()).ok())
                QTest::newRow(qPrintable(QDir(root).relativeFilePath(path))) << text;
        }
    }
    void examplesAreStableAndFaithful()
    {
        QFETCH(QByteArray, text);
        checkStableAndFaithful(text.toStdString());
    }

    // A comment may end the line after any token where a line break is allowed: wherever
    // it lands, formatting keeps it, keeps the meaning and is stable on a second pass.
    void commentsAfterAnyTokenAreStable_data() { examplesAreStableAndFaithful_data(); }
    void commentsAfterAnyTokenAreStable()
    {
        QFETCH(QByteArray, text);
        const std::string source = text.toStdString();
        const LexResult lexed = tokenize(source);
        std::mt19937 random(20261124);
        // A seeded sample of positions per document keeps the run short.
        for (int sample = 0; sample < 8 && lexed.tokens.size() > 1; ++sample) {
            const std::size_t i = random() % (lexed.tokens.size() - 1);
            const std::size_t at = lexed.tokens[i].span.end;
            const std::string variant = source.substr(0, at) + " # c" + std::to_string(i) + "\n" + source.substr(at);
            if (!parseDocument(variant).ok())
                continue;   // no line break allowed here
            checkStableAndFaithful(variant);
            if (QTest::currentTestFailed()) {
                qWarning("with a comment after token %zu:\n%s", i, variant.c_str());
                return;
            }
        }
    }

    void corpusDocumentsWithErrorsAreRefused()
    {
        QDirIterator it(QStringLiteral(MDSL_SOURCE_DIR "/tests/frontend/cases"), {QStringLiteral("mapping.mdsl")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const std::string text = file.readAll().toStdString();
            const ParsedDocument parsed = parseDocument(text);
            const FormatResult result = formatDocument(text);
            QCOMPARE(result.ok, parsed.ok());
            if (!parsed.ok())
                QCOMPARE(result.diagnostics, parsed.diagnostics);
        }
    }
};

MDSL_TEST_MAIN(TestFormatter)
#include "test_formatter.moc"
