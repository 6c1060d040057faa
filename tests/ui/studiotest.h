#pragma once
// Helpers shared by the studio's UI tests: isolated settings and recovery folders, and
// screenshots for people to look at.

#include "testmain.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QWidget>

namespace studiotest {

/// Settings, recovery files and recent files go to Qt's test locations, under an application
/// name of this test program's own, so that UI tests run in parallel (ctest --parallel) never
/// share a settings file. Call after the application's names are set.
inline void useOwnUserData()
{
    // Per test, not per program: the tests of a folder share one program and run in parallel.
    const QString program = QString::fromStdString(mdsl::test::currentTestName());
    if (!QCoreApplication::applicationName().endsWith(program))
        QCoreApplication::setApplicationName(QCoreApplication::applicationName() + QLatin1Char('-') + program);
    QStandardPaths::setTestModeEnabled(true);
}

/// useOwnUserData(), emptied first.
inline void isolateUserData()
{
    useOwnUserData();
    QSettings().clear();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).removeRecursively();
}

/// Saves a PNG of a widget under build/<dir>/screenshots/ and returns its path.
inline QString screenshot(QWidget* widget, const QString& name)
{
    const QString dir = QStringLiteral(MDSL_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString png = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    // Labels and scroll bars that just changed are laid out by posted events: as on screen.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    widget->grab().save(png);
    return png;
}

/// Writes a file into a temporary directory for the window to open; returns its path.
inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

/// Puts the cursor right after the first occurrence of `text` (or at its start).
inline bool moveCursorTo(QPlainTextEdit* edit, const QString& text, bool after = true)
{
    const qsizetype at = edit->toPlainText().indexOf(text);
    if (at < 0)
        return false;
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(int(at + (after ? text.size() : 0)));
    edit->setTextCursor(cursor);
    return true;
}

} // namespace studiotest
