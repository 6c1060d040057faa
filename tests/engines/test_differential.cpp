// Differential testing: random valid version 1 documents and inputs, from a seeded
// generator, run through V1 (the reference) and V2; they must agree on output, status,
// diagnostics and trace. MDSL_FUZZ_SEED and MDSL_FUZZ_COUNT change the seed and the count
// (scripts/fuzz-engines); with MDSL_FUZZ_SAVE_DIR set, each disagreement is written there as
// a new golden scenario whose expectations are V1's. The generator and the comparison are
// fuzz/common/docgen.h, shared with the structure-aware fuzz harness fuzz/v1v2_generated.

#include "testmain.h"

#include "docgen.h"
#include "enginetest.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <cstdint>
#include <string>
#include <vector>

using mdsl::EngineKind;
using mdsl::Json;

namespace {

using Generator = mdsl::docgen::Generator<mdsl::docgen::SplitMix>;

std::string describe(const mdsl::RunResult& result)
{
    Json json = mdsl::toJson(result);
    json.erase("stats");
    json.erase("engine");
    json.erase("route");
    return json.dump();
}

void saveScenario(const QString& root, const QString& name, const std::string& text, const Json& input,
                  const mdsl::RunResult& reference)
{
    QDir dir(root);
    dir.mkpath(name);
    const auto write = [&](const QString& file, const std::string& content) {
        QFile out(dir.filePath(name + "/" + file));
        if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            out.write(content.data(), static_cast<qint64>(content.size()));
    };
    write("mapping.mdsl", text);
    write("input.json", input.dump(2) + "\n");
    write("expected.json", (reference.output ? *reference.output : Json()).dump(2) + "\n");
    write("expected-status.txt", std::string(statusName(reference.status)) + "\n");
    std::string diagnostics;
    for (const mdsl::Diagnostic& d : reference.diagnostics)
        diagnostics += std::to_string(d.range.start.line) + ":" + std::to_string(d.range.start.column) + " " + d.code
                     + " " + d.message + "\n";
    if (!diagnostics.empty())
        write("expected-diagnostics.txt", diagnostics);
}

} // namespace

class TestDifferential : public QObject {
    Q_OBJECT

private slots:
    void v1AndV2Agree()
    {
        const std::uint64_t seed = qEnvironmentVariableIsSet("MDSL_FUZZ_SEED")
                                     ? qEnvironmentVariable("MDSL_FUZZ_SEED").toULongLong() : 20261123;
        const int count = qEnvironmentVariableIsSet("MDSL_FUZZ_COUNT") ? qEnvironmentVariableIntValue("MDSL_FUZZ_COUNT")
                                                                        : 10000;
        const QString saveDir = qEnvironmentVariable("MDSL_FUZZ_SAVE_DIR");
        Generator generator(mdsl::docgen::SplitMix{seed});
        int disagreements = 0;
        int ran = 0;
        int failed = 0;
        int budgetStops = 0;
        QString first;
        for (int i = 0; i < count; ++i) {
            const std::string text = generator.document();
            const Json input = generator.input();
            mdsl::RunOptions options = enginetest::pinnedOptions(true);
            // One case in four under a small budget of values built (E405): both engines must
            // count the same bytes at the same places, and so stop at the same rule.
            const bool tight = i % 4 == 3;
            if (tight)
                options.limits.maxBuildBytes = 16 + (static_cast<std::uint64_t>(i) * 7919u) % 400u;
            const mdsl::RunResult v1 = enginetest::runWith(EngineKind::V1, text, input, options);
            const mdsl::RunResult v2 = enginetest::runWith(EngineKind::V2, text, input, options,
                                                           mdsl::docgen::version1Flags());
            ran += v1.status != mdsl::RunStatus::Invalid ? 1 : 0;
            failed += v1.status == mdsl::RunStatus::Failed ? 1 : 0;
            budgetStops += enginetest::lastCode(v1) == "E405" ? 1 : 0;
            if (mdsl::docgen::sameRun(v1, v2))
                continue;
            ++disagreements;
            if (first.isEmpty())
                first = QString::fromStdString("seed " + std::to_string(seed) + " case " + std::to_string(i) + ":\n" + text
                                               + "input: " + input.dump() + "\nv1: " + describe(v1) + "\nv2: " + describe(v2));
            if (!saveDir.isEmpty() && !tight)   // scenarios run under the default limits
                saveScenario(saveDir, QStringLiteral("fuzz-%1-%2").arg(seed).arg(i), text, input, v1);
        }
        qInfo("%d cases, %d ran (%d with runtime errors, %d stopped by a small budget), %d disagreements", count, ran,
              failed, budgetStops, disagreements);
        // The generator must produce documents that mostly validate, or the test proves little.
        QVERIFY2(ran * 10 >= count * 8, "at least 80% of the generated documents are valid");
        QVERIFY2(failed > 0 && failed < ran, "both clean runs and runs with runtime errors are generated");
        QVERIFY2(budgetStops > 0, "some runs reach the small budgets");
        QVERIFY2(disagreements == 0, qPrintable(first));
    }
};

MDSL_TEST_MAIN(TestDifferential)
#include "test_differential.moc"
