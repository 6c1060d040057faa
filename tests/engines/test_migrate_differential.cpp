// The migration's differential test: random valid version 1 documents and inputs from the
// seeded generator of test_differential (fuzz/common/docgen.h, here with targets that share
// prefixes, so that object blocks are made), each migrated to version 2; the original on the
// V1 engine and the migrated text on the V2 engine must give the same output (exact, number
// types and key order included), status, error codes and messages, and write and skip
// counts. Some cases run under a small budget of values built (E405), some under flags that
// hold rewrites back. MDSL_MIGRATE_SEED and MDSL_MIGRATE_COUNT change the seed and the count.

#include "testmain.h"

#include "docgen.h"
#include "enginetest.h"

#include "mdsl/migrate.h"

#include <QTest>

#include <cstdint>
#include <string>

using mdsl::EngineKind;
using mdsl::Json;

namespace {

/// Status, output, and the errors (code and message) of a run: what a user compares.
std::string migrationRunText(const mdsl::RunResult& result)
{
    std::string out = std::string(statusName(result.status)) + " " + (result.output ? result.output->dump() : "-")
                    + " writes " + std::to_string(result.stats.writes) + " skipped "
                    + std::to_string(result.stats.skipped) + "\n";
    for (const mdsl::Diagnostic& d : result.diagnostics)
        if (d.severity == mdsl::Severity::Error)
            out += d.code + " " + d.message + "\n";
    return out;
}

} // namespace

class TestMigrateDifferential : public QObject {
    Q_OBJECT

private slots:
    void originalOnV1AndMigratedOnV2Agree()
    {
        const std::uint64_t seed = qEnvironmentVariableIsSet("MDSL_MIGRATE_SEED")
                                     ? qEnvironmentVariable("MDSL_MIGRATE_SEED").toULongLong() : 20261207;
        const int count = qEnvironmentVariableIsSet("MDSL_MIGRATE_COUNT")
                            ? qEnvironmentVariableIntValue("MDSL_MIGRATE_COUNT") : 10000;
        mdsl::docgen::Generator<mdsl::docgen::SplitMix> generator(mdsl::docgen::SplitMix{seed}, true);
        int migratedCount = 0;
        int blocks = 0;
        int coalesces = 0;
        int heldBack = 0;
        int failedRuns = 0;
        int budgetStops = 0;
        int disagreements = 0;
        QString first;
        for (int i = 0; i < count; ++i) {
            const std::string text = generator.document();
            const Json input = generator.input();
            // One case in five with containers off, one in five with new_ops off: partial
            // migrations must be as exact as full ones.
            mdsl::Flags flags;
            if (i % 5 == 1)
                flags.set(mdsl::Flag::V2Containers, false);
            if (i % 5 == 2)
                flags.set(mdsl::Flag::V2NewOps, false);
            const mdsl::MigrationResult m = mdsl::migrateToVersion2(text, {flags, "fuzz"});
            if (m.outcome != mdsl::MigrationOutcome::Migrated) {
                // Only documents with errors are refused; they are reported as such.
                if (m.outcome != mdsl::MigrationOutcome::HasErrors || m.diagnostics.empty()) {
                    ++disagreements;
                    if (first.isEmpty())
                        first = QString::fromStdString("case " + std::to_string(i) + " not migrated: " + m.reason + "\n" + text);
                }
                continue;
            }
            ++migratedCount;
            for (const mdsl::MigrationChange& c : m.changes) {
                blocks += c.kind == mdsl::MigrationChangeKind::ObjectBlock ? 1 : 0;
                coalesces += c.kind == mdsl::MigrationChangeKind::Coalesce ? 1 : 0;
            }
            heldBack += m.heldBack.empty() ? 0 : 1;
            mdsl::RunOptions options = enginetest::pinnedOptions();
            if (i % 4 == 3)
                options.limits.maxBuildBytes = 16 + (static_cast<std::uint64_t>(i) * 7919u) % 400u;
            const mdsl::RunResult v1 = enginetest::runWith(EngineKind::V1, text, input, options, flags);
            const mdsl::RunResult v2 = enginetest::runWith(EngineKind::V2, m.text, input, options, flags);
            failedRuns += v1.status == mdsl::RunStatus::Failed ? 1 : 0;
            budgetStops += enginetest::lastCode(v1) == "E405" ? 1 : 0;
            const std::string a = migrationRunText(v1);
            const std::string b = migrationRunText(v2);
            if (a == b)
                continue;
            ++disagreements;
            if (first.isEmpty())
                first = QString::fromStdString("seed " + std::to_string(seed) + " case " + std::to_string(i) + ":\n" + text
                                               + "migrated:\n" + m.text + "input: " + input.dump() + "\nV1: " + a + "V2: " + b);
        }
        qInfo("%d cases, %d migrated (%d object blocks, %d `??`, %d held back by flags), %d runs with runtime errors, "
              "%d stopped by a small budget, %d disagreements",
              count, migratedCount, blocks, coalesces, heldBack, failedRuns, budgetStops, disagreements);
        QVERIFY2(migratedCount * 10 >= count * 8, "at least 80% of the generated documents are valid and migrated");
        QVERIFY2(blocks * 3 >= migratedCount, "object blocks are made often");
        QVERIFY2(coalesces * 20 >= migratedCount, "default() calls are rewritten often");
        QVERIFY2(heldBack > 0 && failedRuns > 0 && budgetStops > 0, "flags off, runtime errors and small budgets occur");
        QVERIFY2(disagreements == 0, qPrintable(first));
    }
};

MDSL_TEST_MAIN(TestMigrateDifferential)
#include "test_migrate_differential.moc"
