#pragma once
// Application-wide setup shared by the studio executable and the UI tests.

#include "studiosettings.h"

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

/// The locale name last given to installTranslation().
QString installedLanguage();

/// Applies the theme choice to the whole application: light or dark palettes made from the
/// editor themes, or the desktop's own palette (followed when it changes).
void applyTheme(ThemeChoice choice);

/// Parses the studio's command line (--help, --version, files to open) and returns the files.
QStringList parseCommandLine(const QApplication& app);

} // namespace studio
