// Source positions and diagnostic messages.

#include "testmain.h"

#include "mdsl/diagnostic.h"
#include "mdsl/source.h"

#include <QTest>

using mdsl::LineIndex;

class TestSource : public QObject {
    Q_OBJECT

private slots:
    void positionsCountLinesFromOne()
    {
        const LineIndex index("ab\ncd\n\nef");
        QCOMPARE(index.lineCount(), 4);
        QCOMPARE(index.position(0), (mdsl::Position{1, 1, 0}));
        QCOMPARE(index.position(2), (mdsl::Position{1, 3, 2}));
        QCOMPARE(index.position(3), (mdsl::Position{2, 1, 3}));
        QCOMPARE(index.position(7), (mdsl::Position{4, 1, 7}));
        QCOMPARE(index.position(9), (mdsl::Position{4, 3, 9}));
        // Past the end clamps.
        QCOMPARE(index.position(100), (mdsl::Position{4, 3, 9}));
    }

    void columnsCountCodePointsNotBytes()
    {
        // "é" is two bytes, "€" three, "😀" four: the column after each is one more.
        const std::string text = "x <- \"é€😀\" + y";
        const LineIndex index(text);
        const auto plus = static_cast<std::uint32_t>(text.find('+'));
        QCOMPARE(index.position(plus).column, 12);
        QCOMPARE(index.position(plus).offset, plus);
        QCOMPARE(index.offset(1, 12), plus);
    }

    void lineTextDropsTerminators()
    {
        const LineIndex index("first\r\nsecond\nthird");
        QCOMPARE(QString::fromStdString(std::string(index.lineText(1))), QStringLiteral("first"));
        QCOMPARE(QString::fromStdString(std::string(index.lineText(2))), QStringLiteral("second"));
        QCOMPARE(QString::fromStdString(std::string(index.lineText(3))), QStringLiteral("third"));
        QVERIFY(index.lineText(4).empty());
    }

    void messagesSubstituteArguments()
    {
        QCOMPARE(QString::fromStdString(mdsl::formatMessage("unknown function '{0}' ({1} args)", {"fo", "2"})),
                 QStringLiteral("unknown function 'fo' (2 args)"));
        // A missing argument leaves nothing; braces that are not placeholders stay.
        QCOMPARE(QString::fromStdString(mdsl::formatMessage("{0}{1} {x}", {"a"})), QStringLiteral("a {x}"));
    }
};

MDSL_TEST_MAIN(TestSource)
#include "test_source.moc"
