// mapping-dsl migrate as an author and a CI job use it: the migrated text and the changes,
// --output, --check, --corpus (proof before writing), the adoption report, and the exit
// codes of the bad cases (version 2: 0 with a message; errors: 1; unreadable: 2).

#include "testmain.h"

#include "clitest.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QString kCustomerV1 = QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/customer-v1.mdsl");
const QString kCustomerV2 = QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/customer-v2.mdsl");

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliMigrate : public QObject {
    Q_OBJECT

private slots:
    void printsTheMigratedTextAndTheChanges()
    {
        const CliResult r = runCli({QStringLiteral("migrate"), kCustomerV1});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("# Customer export")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("mapping \"customer-export\" version 2\n")));
        QVERIFY(r.out.contains(QStringLiteral("customer {\n  id      <- .id\n")));
        QVERIFY(r.out.contains(QStringLiteral("  tier    <- lookup(tiers, .tier) ?? \"Standard\"\n")));
        // The changes go to standard error when the text goes to standard output.
        QVERIFY2(r.err.contains(kCustomerV1 + QStringLiteral(":2: the header says `version 2` instead of `version 1`\n")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(kCustomerV1 + QStringLiteral(":7-17: 11 rules under `customer` become an object block\n")));
        QVERIFY(r.err.contains(kCustomerV1 + QStringLiteral(":16: `default(.address.country, \"FR\")` becomes `.address.country ?? \"FR\"`\n")));
    }

    void writesTheOutputFileAndChecksWithoutWriting()
    {
        QTemporaryDir dir;
        const QString source = writeFile(dir, QStringLiteral("m.mdsl"), fileBytes(kCustomerV1));
        const QString target = dir.filePath(QStringLiteral("m2.mdsl"));
        CliResult r = runCli({QStringLiteral("migrate"), source, QStringLiteral("--check")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("become an object block")));
        QVERIFY(!QFile::exists(target));
        r = runCli({QStringLiteral("migrate"), source, QStringLiteral("--output"), target});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("written to ") + target), qPrintable(r.out));
        QVERIFY(fileBytes(target).contains("version 2"));
        // The written file validates as version 2 and is formatted.
        QCOMPARE(runCli({QStringLiteral("validate"), target}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("fmt"), target, QStringLiteral("--check")}).exitCode, 0);
        // Migrating it again: nothing to do.
        r = runCli({QStringLiteral("migrate"), target});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains(QStringLiteral("already version 2: nothing to migrate")));
    }

    void aVersionTwoDocumentIsNothingToDo()
    {
        const CliResult r = runCli({QStringLiteral("migrate"), kCustomerV2, QStringLiteral("--check")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, kCustomerV2 + QStringLiteral(": the mapping is already version 2: nothing to migrate\n"));
    }

    void aDocumentWithErrorsPrintsThemAndExitsOne()
    {
        QTemporaryDir dir;
        const QString source = writeFile(dir, QStringLiteral("bad.mdsl"), "mapping \"b\" version 1\na <- florr(.x)\n");
        const QString target = dir.filePath(QStringLiteral("out.mdsl"));
        const CliResult r = runCli({QStringLiteral("migrate"), source, QStringLiteral("--output"), target});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(source + QStringLiteral(":2:6: error[E202]: unknown function `florr`")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("not migrated: the mapping has errors as version 1")));
        QVERIFY(!QFile::exists(target));
    }

    void unreadableFilesExitTwo()
    {
        QTemporaryDir dir;
        CliResult r = runCli({QStringLiteral("migrate"), dir.filePath(QStringLiteral("nope.mdsl"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("cannot read")), qPrintable(r.err));
        r = runCli({QStringLiteral("migrate"), dir.path()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("it is a directory")));
        const QString source = writeFile(dir, QStringLiteral("m.mdsl"), "mapping \"m\" version 1\na <- 1\n");
        r = runCli({QStringLiteral("migrate"), source, QStringLiteral("--corpus"), dir.filePath(QStringLiteral("none.ndjson")),
                    QStringLiteral("--output"), dir.filePath(QStringLiteral("out.mdsl"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.mdsl"))));
        r = runCli({QStringLiteral("migrate"), source, QStringLiteral("--check"), QStringLiteral("--output"), source});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--check and --output exclude each other")));
    }

    void flagsOffHoldRewritesBackOrBlock()
    {
        QTemporaryDir dir;
        const QString flags = writeFile(dir, QStringLiteral("flags.yaml"), "mapping_dsl_v2_containers: false\n");
        CliResult r = runCli({QStringLiteral("migrate"), kCustomerV1, QStringLiteral("--flags"), flags});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("customer.id      <- .id\n")));
        QVERIFY2(r.err.contains(QStringLiteral(":7-17: not rewritten: 11 rules under `customer` stay separate: an object block "
                                               "needs the flag mapping_dsl_v2_containers, which is off")),
                 qPrintable(r.err));
        const QString off = writeFile(dir, QStringLiteral("off.yaml"), "mapping_dsl_v2_enabled: false\n");
        r = runCli({QStringLiteral("migrate"), kCustomerV1, QStringLiteral("--flags"), off});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains(QStringLiteral("not migrated: production runs no version 2 mapping: the flag "
                                              "mapping_dsl_v2_enabled is off")));
    }

    void theCorpusProvesTheMigrationBeforeItIsWritten()
    {
        QTemporaryDir dir;
        const QString corpus = writeFile(dir, QStringLiteral("corpus.ndjson"),
                                         fileBytes(QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/customer-v1.input.json"))
                                                 .replace('\n', ' ')
                                             + "\n{\"id\": 2, \"tier\": \"S\", \"address\": {\"country\": null}}\n{}\n");
        const QString target = dir.filePath(QStringLiteral("out.mdsl"));
        const CliResult r = runCli({QStringLiteral("migrate"), kCustomerV1, QStringLiteral("--corpus"), corpus,
                                    QStringLiteral("--output"), target, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json[QStringLiteral("outcome")].toString(), QStringLiteral("migrated"));
        QCOMPARE(json[QStringLiteral("written")].toString(), target);
        const QJsonObject check = json[QStringLiteral("corpus")].toObject();
        QCOMPARE(check[QStringLiteral("same")].toBool(), true);
        QCOMPARE(check[QStringLiteral("compared")].toInt(), 3);
        QCOMPARE(check[QStringLiteral("differing")].toInt(), 0);
        QCOMPARE(json[QStringLiteral("changes")].toArray().size(), 4);
        QVERIFY(QFile::exists(target));
    }

    void adoptionReportOverAFolder()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("team/old"));
        writeFile(dir, QStringLiteral("team/old/customer.mdsl"), fileBytes(kCustomerV1));
        writeFile(dir, QStringLiteral("team/new.mdsl"), fileBytes(kCustomerV2));
        writeFile(dir, QStringLiteral("broken.mdsl"), "mapping \"b\" version 1\na <- florr(.x)\n");
        writeFile(dir, QStringLiteral("plain.mdsl"), "mapping \"p\"\na <- .a\n");
        writeFile(dir, QStringLiteral("notes.txt"), "not a mapping");
        const QString flags = writeFile(dir, QStringLiteral("flags.yaml"), "mapping_dsl_v2_new_ops: false\n");
        CliResult r = runCli({QStringLiteral("migrate"), QStringLiteral("--report"), dir.path(), QStringLiteral("--flags"),
                              flags});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral(": 4 mappings\n  version 2: 1 (25.0 %)\n  version 1: 3\n"
                                               "    migrate cleanly:          1\n"
                                               "    need flags that are off:  1\n"
                                               "    cannot be migrated:       1\n")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Version 2:\n  team/new.mdsl\n")));
        QVERIFY(r.out.contains(QStringLiteral("  plain.mdsl (1 change)\n")));
        QVERIFY(r.out.contains(QStringLiteral("  team/old/customer.mdsl [mapping_dsl_v2_new_ops]: 2 rewrites wait for flags")));
        QVERIFY(r.out.contains(QStringLiteral("  broken.mdsl: the mapping has errors as version 1: 1 error, first 2:6 E202")));

        r = runCli({QStringLiteral("migrate"), QStringLiteral("--report"), dir.path(), QStringLiteral("--format"),
                    QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json[QStringLiteral("mappings")].toInt(), 4);
        QCOMPARE(json[QStringLiteral("version2")].toInt(), 1);
        QCOMPARE(json[QStringLiteral("clean")].toInt(), 2);
        QCOMPARE(json[QStringLiteral("cannot_migrate")].toInt(), 1);
        const QJsonArray files = json[QStringLiteral("files")].toArray();
        QCOMPARE(files.size(), 4);
        QCOMPARE(files[0].toObject()[QStringLiteral("file")].toString(), QStringLiteral("broken.mdsl"));
        QCOMPARE(files[0].toObject()[QStringLiteral("adoption")].toString(), QStringLiteral("cannot_migrate"));

        r = runCli({QStringLiteral("migrate"), QStringLiteral("--report"), dir.filePath(QStringLiteral("nope"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("not a folder")));
    }
};

MDSL_TEST_MAIN(TestCliMigrate)
#include "test_cli_migrate.moc"
