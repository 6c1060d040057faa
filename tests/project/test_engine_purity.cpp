// engine/ is the library production embeds: it must never include Qt.

#include "testmain.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestEnginePurity : public QObject {
    Q_OBJECT

private slots:
    void engineIncludesNoQt()
    {
        const QString engineDir = QStringLiteral(MDSL_SOURCE_DIR "/engine");
        QVERIFY2(QFileInfo(engineDir).isDir(), qPrintable(engineDir));
        // #include <QString>, <QtCore/...>, "qglobal.h", <qobject.h> ...
        static const QRegularExpression qtInclude(
            QStringLiteral("^\\s*#\\s*include\\s*[<\"](Q[A-Z]\\w*|Qt\\w*/|q\\w+\\.h)[>\"/]"),
            QRegularExpression::MultilineOption);
        QStringList offenders;
        int files = 0;
        QDirIterator it(engineDir, {QStringLiteral("*.h"), QStringLiteral("*.hpp"),
                                    QStringLiteral("*.cpp"), QStringLiteral("*.cc")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            ++files;
            const QString text = QString::fromUtf8(file.readAll());
            auto match = qtInclude.match(text);
            if (match.hasMatch())
                offenders << QStringLiteral("%1: %2").arg(path, match.captured(0).trimmed());
        }
        QVERIFY2(files > 0, "no engine sources found");
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }

    void engineBuildFileLinksNoQt()
    {
        QFile file(QStringLiteral(MDSL_SOURCE_DIR "/engine/CMakeLists.txt"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(!text.contains(QStringLiteral("Qt6::")) && !text.contains(QStringLiteral("Qt::")),
                 "engine/CMakeLists.txt links a Qt target");
    }
};

MDSL_TEST_MAIN(TestEnginePurity)
#include "test_engine_purity.moc"
