#include "studioapp.h"

#include "syntaxrepository.h"

#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QStyleHints>
#include <QTranslator>

namespace studio {

namespace {

QTranslator* appTranslator()
{
    static QTranslator* translator = nullptr;
    if (!translator)
        translator = new QTranslator(qApp);
    return translator;
}

QTranslator* qtTranslator()
{
    static QTranslator* translator = nullptr;
    if (!translator)
        translator = new QTranslator(qApp);
    return translator;
}

} // namespace

namespace {
QString& installedName()
{
    static QString name;
    return name;
}
} // namespace

QString installedLanguage()
{
    return installedName();
}

bool installTranslation(const QString& localeName)
{
    installedName() = localeName;
    QCoreApplication::removeTranslator(appTranslator());
    QCoreApplication::removeTranslator(qtTranslator());
    const QLocale locale = localeName.isEmpty() ? QLocale::system() : QLocale(localeName);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return false;
    if (qtTranslator()->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                             QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator());
    if (!appTranslator()->load(locale, QStringLiteral("mapping-studio"), QStringLiteral("_"),
                               QStringLiteral(":/i18n")))
        return false;
    QCoreApplication::installTranslator(appTranslator());
    return true;
}

namespace {

/// The colour `amount` of the way from `from` to `to`.
QColor blend(const QColor& from, const QColor& to, double amount)
{
    const auto mix = [amount](int a, int b) { return int(a + (b - a) * amount + 0.5); };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()), mix(from.blue(), to.blue()));
}

/// A whole-window palette in the colours of an editor theme, so a dark editor does not sit in
/// a light window.
QPalette paletteFromTheme(const KSyntaxHighlighting::Theme& theme, bool dark)
{
    using T = KSyntaxHighlighting::Theme;
    const QColor base = QColor::fromRgba(theme.editorColor(T::BackgroundColor));
    const QColor text = QColor::fromRgba(theme.textColor(T::Normal));
    const QColor window = dark ? base.lighter(115) : QColor(0xef, 0xf0, 0xf1);
    const QColor button = dark ? base.lighter(130) : QColor(0xfc, 0xfc, 0xfc);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, dark ? base.lighter(110) : base.darker(104));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, dark ? text.darker(160) : text.lighter(250));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x29, 0x80, 0xb9));
    p.setColor(QPalette::Mid, dark ? window.lighter(130) : window.darker(130));
    // Disabled text half way to its background: lighter() of a near-black text stays near
    // black, and a disabled button looked enabled in the light theme.
    p.setColor(QPalette::Disabled, QPalette::Text, blend(text, base, 0.55));
    p.setColor(QPalette::Disabled, QPalette::WindowText, blend(text, window, 0.55));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, blend(text, button, 0.55));
    return p;
}

} // namespace

void applyTheme(ThemeChoice choice)
{
    using R = KSyntaxHighlighting::Repository;
    switch (choice) {
    case ThemeChoice::Light:
        QApplication::setPalette(paletteFromTheme(syntaxRepository().defaultTheme(R::LightTheme), false));
        break;
    case ThemeChoice::Dark:
        QApplication::setPalette(paletteFromTheme(syntaxRepository().defaultTheme(R::DarkTheme), true));
        break;
    case ThemeChoice::FollowDesktop:
        // An empty palette resets the application to the platform's own, which follows the
        // desktop's colour scheme; the editors pick their theme from it.
        QApplication::setPalette(QPalette());
        break;
    }
}

void setupApplication(QApplication& app, const QString& localeName)
{
    QApplication::setApplicationName(QStringLiteral("mapping-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Mapping Studio"));
    QApplication::setApplicationVersion(QStringLiteral(MDSL_PROJECT_VERSION));
    QApplication::setOrganizationName(QStringLiteral("mapping-studio"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.mappingstudio.MappingStudio"));
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/mapping-studio.svg")));
    installTranslation(localeName);
}

QStringList parseCommandLine(const QApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("studio", "Editor and debugger for the Mapping DSL."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("studio", "Mapping file or repro bundle to open."),
                                 QStringLiteral("[file.mdsl | bundle.mdslrepro] [input.json]"));
    parser.process(app);
    return parser.positionalArguments();
}

} // namespace studio
