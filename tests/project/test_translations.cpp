// French is complete: every user-visible string of ui/ has a French translation whose
// placeholders match the English ones, and no string in the sources is missing from the .ts.

#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QString translation;
    bool unfinished = false;
};

QList<Message> readTs(const QString& path, QString* error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{context, {}, {}, false};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            current.unfinished = type == QLatin1String("unfinished");
            const bool obsolete = type == QLatin1String("obsolete") || type == QLatin1String("vanished");
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!obsolete)
                messages.append(current);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%L?\\d+"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(0).remove(QLatin1Char('L')));
    return out;
}

const QString kTs = QStringLiteral(MDSL_SOURCE_DIR "/translations/mapping-studio_fr.ts");

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void frenchIsCompleteAndConsistent()
    {
        QString error;
        const QList<Message> messages = readTs(kTs, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());
        QStringList problems;
        for (const Message& m : messages) {
            if (m.unfinished || m.translation.trimmed().isEmpty())
                problems << QStringLiteral("untranslated [%1] %2").arg(m.context, m.source);
            else if (placeholders(m.source) != placeholders(m.translation))
                problems << QStringLiteral("placeholders differ [%1] %2 -> %3").arg(m.context, m.source, m.translation);
            else if (m.source.contains(QLatin1Char('&')) != m.translation.contains(QLatin1Char('&'))
                     && m.source.startsWith(QLatin1Char('&')))
                problems << QStringLiteral("mnemonic lost [%1] %2").arg(m.context, m.source);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void everySourceStringIsInTheTsFile()
    {
        // Run lupdate over the sources into a copy: a tr() string that is not yet in the .ts
        // file shows up there as unfinished.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("copy_fr.ts"));
        QVERIFY(QFile::copy(kTs, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(MDSL_SOURCE_DIR));
        lupdate.start(QStringLiteral(MDSL_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("ui"), QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
        QString error;
        QStringList missing;
        for (const Message& m : readTs(copy, &error)) {
            if (m.unfinished)
                missing << QStringLiteral("[%1] %2").arg(m.context, m.source);
        }
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("strings missing from translations/mapping-studio_fr.ts "
                                           "(run: cmake --build build/dev --target update_translations, then translate):\n")
                            + missing.join(QLatin1Char('\n'))));
    }
};

MDSL_TEST_MAIN(TestTranslations)
#include "test_translations.moc"
