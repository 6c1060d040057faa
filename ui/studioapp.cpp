#include "studioapp.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
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

bool installTranslation(const QString& localeName)
{
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
    parser.addPositionalArgument(QStringLiteral("file"), QApplication::translate("studio", "Mapping file to open."),
                                 QStringLiteral("[file]"));
    parser.process(app);
    return parser.positionalArguments();
}

} // namespace studio
