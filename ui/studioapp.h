#pragma once
// Application-wide setup shared by the studio executable and the UI tests.

#include <QString>
#include <QStringList>

class QApplication;

namespace studio {

/// Sets names used by QSettings and the window system, the icon, and installs the
/// translation of the given locale name ("" for the system locale).
void setupApplication(QApplication& app, const QString& localeName = {});

/// Installs the translation for a locale name such as "fr" or "en" (English needs none).
/// Returns true when a translation was found and installed.
bool installTranslation(const QString& localeName);

/// Parses the studio's command line (--help, --version, files to open) and returns the files.
QStringList parseCommandLine(const QApplication& app);

} // namespace studio
