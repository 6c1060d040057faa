// The migration to version 2 (mdsl/migrate.h): the text each rewrite gives, what is never
// touched, the flags, the refusals, the bundled customer-v1 example and every version 1
// golden scenario (migrated, valid as version 2, same output on its input as the original on
// V1), and the corpus check.

#include "testmain.h"

#include "enginetest.h"
#include "testfiles.h"

#include "mdsl/migrate.h"
#include "mdsl/validate.h"

#include <QDir>
#include <QTest>

#include <sstream>

using mdsl::Json;
using mdsl::MigrationOutcome;

namespace {

const QString kMigrateScenarios = QStringLiteral(MDSL_SOURCE_DIR "/tests/engines/scenarios");

mdsl::MigrationResult migrated(const std::string& text, const mdsl::Flags& flags = mdsl::Flags())
{
    return mdsl::migrateToVersion2(text, {flags, "m"});
}

std::string kindsOf(const mdsl::MigrationResult& result)
{
    std::string out;
    for (const mdsl::MigrationChange& c : result.changes)
        out += std::string(mdsl::migrationChangeKindName(c.kind)) + "@" + std::to_string(c.line) + " ";
    return out;
}

bool validAsVersion2(const std::string& text, const mdsl::Flags& flags = mdsl::Flags())
{
    mdsl::ValidateOptions options;
    options.flags = flags;
    return !mdsl::hasErrors(mdsl::validate(text, options));
}

/// The original on V1 and the migrated text on V2 give the same status, output and errors.
QString sameRunOnBoth(const std::string& original, const std::string& migratedText, const Json& input,
                      const mdsl::Flags& flags = mdsl::Flags())
{
    const mdsl::RunResult v1 = enginetest::runWith(mdsl::EngineKind::V1, original, input, enginetest::pinnedOptions(), flags);
    const mdsl::RunResult v2 = enginetest::runWith(mdsl::EngineKind::V2, migratedText, input, enginetest::pinnedOptions(), flags);
    const auto errors = [](const mdsl::RunResult& r) {
        std::string out;
        for (const mdsl::Diagnostic& d : r.diagnostics)
            if (d.severity == mdsl::Severity::Error)
                out += d.code + " " + d.message + "\n";
        return out;
    };
    const std::string a = std::string(statusName(v1.status)) + " " + (v1.output ? v1.output->dump() : "-") + "\n" + errors(v1);
    const std::string b = std::string(statusName(v2.status)) + " " + (v2.output ? v2.output->dump() : "-") + "\n" + errors(v2);
    return a == b ? QString() : QString::fromStdString("V1: " + a + "V2: " + b);
}

} // namespace

class TestMigrate : public QObject {
    Q_OBJECT

private slots:
    void consecutiveRulesUnderOnePrefixBecomeABlock()
    {
        const mdsl::MigrationResult m = migrated("mapping \"s\" version 1\n"
                                                 "# the order\n"
                                                 "order.id <- .id  # kept with its rule\n"
                                                 "order.total <- .total\n"
                                                 "\n"
                                                 "order.customer.name <- .name\n"
                                                 "order.customer.email <- .email\n"
                                                 "name <- .name\n"
                                                 "order.late <- .late\n");
        QCOMPARE(m.outcome, MigrationOutcome::Migrated);
        QCOMPARE(m.text, std::string("mapping \"s\" version 2\n"
                                     "# the order\n"
                                     "order {\n"
                                     "  id    <- .id # kept with its rule\n"
                                     "  total <- .total\n"
                                     "\n"
                                     "  customer {\n"
                                     "    name  <- .name\n"
                                     "    email <- .email\n"
                                     "  }\n"
                                     "}\n"
                                     "name       <- .name\n"
                                     "order.late <- .late\n"));
        QCOMPARE(kindsOf(m), std::string("header@1 object_block@3 object_block@6 "));
        QVERIFY(m.heldBack.empty());
        QVERIFY(validAsVersion2(m.text));
    }

    void sharedDeepPrefixesAndIndexesMakeOneBlock()
    {
        const mdsl::MigrationResult m = migrated("mapping \"s\"\n"
                                                 "a.b.c.x <- 1\n"
                                                 "a.b.c.y <- 2\n"
                                                 "l[0].x <- 3\n"
                                                 "l[0].\"y-z\" <- 4\n"
                                                 "l[1].x <- 5\n");
        QCOMPARE(m.outcome, MigrationOutcome::Migrated);
        QCOMPARE(m.text, std::string("mapping \"s\" version 2\n"
                                     "a.b.c {\n"
                                     "  x <- 1\n"
                                     "  y <- 2\n"
                                     "}\n"
                                     "l[0] {\n"
                                     "  x     <- 3\n"
                                     "  \"y-z\" <- 4\n"
                                     "}\n"
                                     "l[1].x <- 5\n"));
    }

    void defaultBecomesCoalesceWithTheParenthesesItNeeds()
    {
        const std::string original = "mapping \"s\" version 1\n"
                                     "let fallback = default(.x, 0)\n"
                                     "a <- default(.a, \"n/a\")\n"
                                     "b <- default(.b, 1) + 1\n"
                                     "c <- default(.c, default(.d, 2))\n"
                                     "d <- default(default(.c, .d), 3)\n"
                                     "e <- upper(default(.e, \"x\"))\n"
                                     "f <- not default(.f, false)\n"
                                     "g <- (default(.g, 1)) * 2\n"
                                     "h <- default(.h, fallback)\n";
        const mdsl::MigrationResult m = migrated(original);
        QCOMPARE(m.outcome, MigrationOutcome::Migrated);
        QCOMPARE(m.text, std::string("mapping \"s\" version 2\n"
                                     "let fallback = .x ?? 0\n"
                                     "a <- .a ?? \"n/a\"\n"
                                     "b <- (.b ?? 1) + 1\n"
                                     "c <- .c ?? (.d ?? 2)\n"
                                     "d <- .c ?? .d ?? 3\n"
                                     "e <- upper(.e ?? \"x\")\n"
                                     "f <- not (.f ?? false)\n"
                                     "g <- (.g ?? 1) * 2\n"
                                     "h <- .h ?? fallback\n"));
        const std::string text = mdsl::migrationChangesText(m, "s.mdsl");
        QVERIFY2(text.find("s.mdsl:3: `default(.a, \"n/a\")` becomes `.a ?? \"n/a\"`\n") != std::string::npos, text.c_str());
        for (const Json& input : {Json::object(), Json{{"b", nullptr}, {"d", 5}, {"f", true}, {"g", 4}, {"x", 7}},
                                  Json{{"c", 0}, {"e", "é"}, {"f", "no"}}})
            QCOMPARE(sameRunOnBoth(original, m.text, input), QString());
    }

    void namesCommentsLetsTablesAndOrderAreKept()
    {
        const std::string original = "# Header comment\n"
                                     "mapping \"keep\"   # trailing\n"
                                     "\n"
                                     "table t = {\"A\": 1,   \"B\": 2}\n"
                                     "let x = lookup(t, .k)   # a let\n"
                                     "# before a rule\n"
                                     "z <- x\n"
                                     "a <- 1.50\n";
        const mdsl::MigrationResult m = migrated(original);
        QCOMPARE(m.outcome, MigrationOutcome::Migrated);
        QCOMPARE(m.text, std::string("# Header comment\n"
                                     "mapping \"keep\" version 2 # trailing\n"
                                     "\n"
                                     "table t = {\"A\": 1, \"B\": 2}\n"
                                     "let x = lookup(t, .k) # a let\n"
                                     "# before a rule\n"
                                     "z <- x\n"
                                     "a <- 1.50\n"));
        QCOMPARE(kindsOf(m), std::string("header@2 "));
    }

    void aDocumentWithoutHeaderGetsOne()
    {
        const mdsl::MigrationResult m = mdsl::migrateToVersion2("x <- 1\n", {mdsl::Flags(), "customer-export"});
        QCOMPARE(m.outcome, MigrationOutcome::Migrated);
        QCOMPARE(m.text, std::string("mapping \"customer-export\" version 2\nx <- 1\n"));
        // A file name that is not UTF-8 still names the mapping.
        const mdsl::MigrationResult odd = mdsl::migrateToVersion2("x <- 1\n", {mdsl::Flags(), "caf\xe9 \"v1\""});
        QCOMPARE(odd.outcome, MigrationOutcome::Migrated);
        QCOMPARE(odd.text, std::string("mapping \"caf\xef\xbf\xbd \\\"v1\\\"\" version 2\nx <- 1\n"));
    }

    void onlyTheFeaturesWhoseFlagsAreOnAreUsed()
    {
        const std::string original = "mapping \"s\" version 1\no.a <- default(.a, 1)\no.b <- 2\n";
        mdsl::Flags noContainers;
        noContainers.set(mdsl::Flag::V2Containers, false);
        mdsl::MigrationResult m = migrated(original, noContainers);
        QCOMPARE(m.outcome, MigrationOutcome::Migrated);
        QCOMPARE(m.text, std::string("mapping \"s\" version 2\no.a <- .a ?? 1\no.b <- 2\n"));
        QCOMPARE(m.heldBack.size(), std::size_t(1));
        QCOMPARE(m.heldBack[0].flag, mdsl::Flag::V2Containers);
        QCOMPARE(m.heldBack[0].line, 2);
        QVERIFY(validAsVersion2(m.text, noContainers));

        mdsl::Flags noNewOps;
        noNewOps.set(mdsl::Flag::V2NewOps, false);
        m = migrated(original, noNewOps);
        QCOMPARE(m.outcome, MigrationOutcome::Migrated);
        QCOMPARE(m.text, std::string("mapping \"s\" version 2\no {\n  a <- default(.a, 1)\n  b <- 2\n}\n"));
        QCOMPARE(m.heldBack.size(), std::size_t(1));
        QCOMPARE(m.heldBack[0].flag, mdsl::Flag::V2NewOps);
        QCOMPARE(mdsl::migrationChangesText(m, "s.mdsl"),
                 std::string("s.mdsl:1: the header says `version 2` instead of `version 1`\n"
                             "s.mdsl:2-3: 2 rules under `o` become an object block\n"
                             "s.mdsl:2: not rewritten: `default(.a, 1)` stays a call: `??` needs the flag "
                             "mapping_dsl_v2_new_ops, which is off\n"));
        QVERIFY(validAsVersion2(m.text, noNewOps));

        mdsl::Flags v2Off;
        v2Off.set(mdsl::Flag::V2Enabled, false);
        m = migrated(original, v2Off);
        QCOMPARE(m.outcome, MigrationOutcome::Blocked);
        QVERIFY(m.text.empty());
        QCOMPARE(m.blockingFlag, std::optional<mdsl::Flag>(mdsl::Flag::V2Enabled));
        QCOMPARE(m.reason, std::string("production runs no version 2 mapping: the flag mapping_dsl_v2_enabled is off"));
    }

    void versionTwoAndBrokenDocumentsAreNotMigrated()
    {
        mdsl::MigrationResult m = migrated("mapping \"s\" version 2\na <- .a ?? 1\n");
        QCOMPARE(m.outcome, MigrationOutcome::AlreadyVersion2);
        QCOMPARE(m.reason, std::string("the mapping is already version 2: nothing to migrate"));
        m = migrated("a <- .a ?? 1\n");   // no version, version 2 features: version 2 by default
        QCOMPARE(m.outcome, MigrationOutcome::AlreadyVersion2);

        m = migrated("mapping \"s\" version 1\na <- florr(.x)\nb <- .a ??\n");
        QCOMPARE(m.outcome, MigrationOutcome::HasErrors);
        QVERIFY(m.text.empty());
        QCOMPARE(m.diagnostics.size(), std::size_t(1));   // the syntax error first: E101 on line 3
        QCOMPARE(m.diagnostics[0].range.start.line, 3);
        m = migrated("mapping \"s\" version 1\na <- florr(.x)\nb <- .a ?? 1\n");
        QCOMPARE(m.outcome, MigrationOutcome::HasErrors);
        QStringList codes;
        for (const mdsl::Diagnostic& d : m.diagnostics)
            codes << QString::fromStdString(d.code);
        QCOMPARE(codes, QStringList({"E202", "E301"}));
        const Json json = mdsl::migrationToJson(m);
        QCOMPARE(json["outcome"], Json("errors"));
        QCOMPARE(json["diagnostics"].size(), std::size_t(2));
    }

    void customerExampleMigratesAndGivesTheSameOutput()
    {
        const std::string original = testfiles::readFile(QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/customer-v1.mdsl")).toStdString();
        const Json input = Json::parse(testfiles::readFile(QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/customer-v1.input.json")).toStdString());
        const mdsl::MigrationResult m = mdsl::migrateToVersion2(original, {mdsl::Flags(), "customer-v1"});
        QCOMPARE(m.outcome, MigrationOutcome::Migrated);
        QCOMPARE(m.text, std::string("# Customer export, as written for the V1 engine: simple paths, V1 functions, no containers.\n"
                                     "mapping \"customer-export\" version 2\n"
                                     "\n"
                                     "let greeting = \"Dear\"\n"
                                     "table tiers = {\"G\": \"Gold\", \"S\": \"Silver\", \"B\": \"Bronze\"}\n"
                                     "\n"
                                     "customer {\n"
                                     "  id      <- .id\n"
                                     "  name    <- concat(trim(.first_name), \" \", upper(trim(.last_name)))\n"
                                     "  salute  <- concat(greeting, \" \", trim(.first_name))\n"
                                     "  email   <- lower(.contact.email)\n"
                                     "  tier    <- lookup(tiers, .tier) ?? \"Standard\"\n"
                                     "  balance <- round(.balance, 2)\n"
                                     "  vip     <- .balance > 1000\n"
                                     "  phone   <- .contact.phone\n"
                                     "  city    <- .address.city\n"
                                     "  country <- .address.country ?? \"FR\"\n"
                                     "  fax     <- .contact.fax\n"
                                     "}\n"));
        QCOMPARE(kindsOf(m), std::string("header@2 object_block@7 coalesce@11 coalesce@16 "));
        QVERIFY(validAsVersion2(m.text));
        QCOMPARE(sameRunOnBoth(original, m.text, input), QString());
        // The version 2 example of the same export is what an author writes by hand.
        QCOMPARE(sameRunOnBoth(original, m.text, Json::object()), QString());
    }

    void everyVersionOneScenarioMigrates_data()
    {
        QTest::addColumn<QString>("dir");
        int version1 = 0;
        for (const QString& name : QDir(kMigrateScenarios).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const std::string text = testfiles::readFile(kMigrateScenarios + "/" + name + "/mapping.mdsl").toStdString();
            if (mdsl::migrateToVersion2(text, {}).outcome == MigrationOutcome::AlreadyVersion2)
                continue;
            QTest::newRow(qPrintable(name)) << kMigrateScenarios + "/" + name;
            ++version1;
        }
        QVERIFY2(version1 >= 25, "the golden scenarios hold version 1 documents");
    }

    void everyVersionOneScenarioMigrates()
    {
        QFETCH(QString, dir);
        const std::string text = testfiles::readFile(dir + "/mapping.mdsl").toStdString();
        const QByteArray inputText = testfiles::readFile(dir + "/input.json");
        const Json input = inputText.isEmpty() ? Json::object() : Json::parse(inputText.toStdString());
        const bool invalid = testfiles::readFile(dir + "/expected-status.txt").trimmed() == "invalid";
        const mdsl::MigrationResult m = mdsl::migrateToVersion2(text, {});
        if (invalid) {
            // A scenario of errors: they are reported, nothing is migrated.
            QCOMPARE(m.outcome, MigrationOutcome::HasErrors);
            QVERIFY(!m.diagnostics.empty());
            return;
        }
        QCOMPARE(m.outcome, MigrationOutcome::Migrated);
        QVERIFY(validAsVersion2(m.text));
        QCOMPARE(sameRunOnBoth(text, m.text, input), QString());
        // Migrating is idempotent in effect: the migrated text is version 2.
        QCOMPARE(mdsl::migrateToVersion2(m.text, {}).outcome, MigrationOutcome::AlreadyVersion2);
    }

    void theCorpusCheckListsTheRecordsThatDiffer()
    {
        const std::string original = "mapping \"s\" version 1\no.a <- default(.a, 1)\no.b <- .b\n";
        const mdsl::MigrationResult m = migrated(original);
        QCOMPARE(m.outcome, MigrationOutcome::Migrated);
        const std::string corpus = "{\"a\": 2, \"b\": 3}\n{\"b\": null}\n\n{\"a\": null}\n";
        std::istringstream same(corpus);
        mdsl::MigrationCorpusCheck check = mdsl::checkMigrationOnCorpus(same, original, m.text, mdsl::Flags(), false, 1);
        QVERIFY(check.same);
        QCOMPARE(check.report.compared, std::uint64_t(3));
        QCOMPARE(check.summary, std::string("identical on all 3 records (the original on V1, the migrated mapping on V2)"));

        // The author edited the migrated text in the studio: the check shows where it changed.
        std::string edited = m.text;
        edited.replace(edited.find("?? 1"), 4, "?? 9");
        std::istringstream again(corpus);
        check = mdsl::checkMigrationOnCorpus(again, original, edited, mdsl::Flags(), false, 1);
        QVERIFY(!check.same);
        QCOMPARE(check.differing, std::uint64_t(2));
        QCOMPARE(check.lines, std::vector<std::uint64_t>({2, 4}));
        QCOMPARE(check.summary,
                 std::string("2 of 3 records differ between the original on V1 and the migrated mapping on V2"));
    }
};

MDSL_TEST_MAIN(TestMigrate)
#include "test_migrate.moc"
