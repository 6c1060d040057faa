// The production flag file: reading it as production writes it, and reporting what is wrong
// with a line, as the studio's settings and `validate --flags` show it.

#include "testmain.h"

#include "mdsl/flags.h"

#include <QTest>

using mdsl::Flag;
using mdsl::Flags;
using mdsl::parseFlags;

namespace {

// The file exactly as production writes it (docs/language.md, "Versions and flags").
const char* const kProductionFile = R"(mapping_dsl_v2_enabled: true
mapping_dsl_v2_default: true   # V2 for new mappings
mapping_dsl_v1_fallback: true  # fall back to V1 when V2 fails
mapping_dsl_v2_containers: true
mapping_dsl_v2_jsonpath: true
mapping_dsl_v2_array_ops: true
mapping_dsl_v2_new_ops: true
)";

QString codes(const std::vector<mdsl::Diagnostic>& diagnostics)
{
    QStringList out;
    for (const auto& d : diagnostics)
        out << QString::fromStdString(d.code + "@" + std::to_string(d.range.start.line) + ":"
                                      + std::to_string(d.range.start.column));
    return out.join(u' ');
}

} // namespace

class TestFlags : public QObject {
    Q_OBJECT

private slots:
    void namesAreProductionNames()
    {
        for (Flag flag : mdsl::kAllFlags)
            QCOMPARE(mdsl::flagFromName(mdsl::flagName(flag)), std::optional<Flag>(flag));
        QCOMPARE(mdsl::flagName(Flag::V2ArrayOps), std::string_view("mapping_dsl_v2_array_ops"));
        QVERIFY(!mdsl::flagFromName("mapping_dsl_v3_enabled"));
    }

    void productionFileReadsAllOn()
    {
        const auto file = parseFlags(kProductionFile);
        QCOMPARE(codes(file.diagnostics), QString());
        QVERIFY(file.flags == Flags());
    }

    void writeFlagsIsProductionsFile()
    {
        QCOMPARE(QString::fromStdString(mdsl::writeFlags(Flags())), QString::fromUtf8(kProductionFile));
    }

    void writeThenReadKeepsEveryValue()
    {
        for (Flag off : mdsl::kAllFlags) {
            Flags flags;
            flags.set(off, false);
            const auto file = parseFlags(mdsl::writeFlags(flags));
            QVERIFY(file.diagnostics.empty());
            QVERIFY2(file.flags == flags, mdsl::flagName(off).data());
            QVERIFY(!file.flags.get(off));
        }
    }

    void absentKeysDefaultToOn()
    {
        const auto file = parseFlags("# only one key\nmapping_dsl_v2_jsonpath: false\n");
        QVERIFY(file.diagnostics.empty());
        QVERIFY(!file.flags.get(Flag::V2JsonPath));
        QVERIFY(file.flags.get(Flag::V2Enabled));
        QVERIFY(file.flags.get(Flag::V2NewOps));
        QVERIFY(parseFlags("").flags == Flags());
        QVERIFY(parseFlags("# nothing but a comment\n").diagnostics.empty());
    }

    void unknownKeyIsAWarningWithItsLine()
    {
        const auto file = parseFlags("mapping_dsl_v2_enabled: false\nmapping_dsl_v2_pipes: true\n");
        QCOMPARE(codes(file.diagnostics), QStringLiteral("W310@2:1"));
        QCOMPARE(file.diagnostics[0].severity, mdsl::Severity::Warning);
        QCOMPARE(file.diagnostics[0].args, std::vector<std::string>{"mapping_dsl_v2_pipes"});
        QVERIFY(!file.flags.get(Flag::V2Enabled));
    }

    void nonBooleanIsAnErrorWithItsLine()
    {
        const auto file = parseFlags("mapping_dsl_v2_enabled: true\n"
                                     "mapping_dsl_v2_default: yes\n"
                                     "mapping_dsl_v2_jsonpath: \"false\"\n"
                                     "mapping_dsl_v2_new_ops:\n"
                                     "mapping_dsl_v2_array_ops: 0\n");
        QCOMPARE(codes(file.diagnostics), QStringLiteral("E312@2:25 E312@3:26 E312@4:1 E312@5:27"));
        QCOMPARE(file.diagnostics[0].args, (std::vector<std::string>{"mapping_dsl_v2_default", "yes"}));
        QCOMPARE(file.diagnostics[1].args[1], std::string("\"false\""));
        QCOMPARE(file.diagnostics[0].range.end.column, 28);
        // A wrong value leaves the default.
        QVERIFY(file.flags.get(Flag::V2Default));
    }

    void yamlSyntaxErrorHasLineAndColumn()
    {
        const auto file = parseFlags("mapping_dsl_v2_enabled: true\nmapping_dsl_v2_default: [true\n");
        QCOMPARE(file.diagnostics.size(), std::size_t(1));
        QCOMPARE(file.diagnostics[0].code, std::string("E310"));
        QVERIFY(file.diagnostics[0].range.start.line >= 2);
        QVERIFY(file.flags == Flags());
    }

    void topLevelMustBeAMapping()
    {
        QCOMPARE(codes(parseFlags("- mapping_dsl_v2_enabled\n").diagnostics), QStringLiteral("E311@1:1"));
        QCOMPARE(codes(parseFlags("true\n").diagnostics), QStringLiteral("E311@1:1"));
    }
};

MDSL_TEST_MAIN(TestFlags)
#include "test_flags.moc"
