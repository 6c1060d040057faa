#include "studiosettings.h"

#include "diagnosticmessages.h"

#include "mdsl/engine.h"

#include <QCoreApplication>
#include <QFile>
#include <QFontDatabase>
#include <QSaveFile>
#include <QSettings>

namespace studio {

namespace {

constexpr const char* kContext = "studio::StudioSettings";

const char* const kProduction = QT_TRANSLATE_NOOP("studio::StudioSettings", "Production");
const char* const kRollback = QT_TRANSLATE_NOOP("studio::StudioSettings", "Rollback: V2 off");

void writeFlags(QSettings& settings, const mdsl::Flags& flags)
{
    for (const mdsl::Flag flag : mdsl::kAllFlags)
        settings.setValue(productionName(flag), flags.get(flag));
}

mdsl::Flags readFlags(QSettings& settings)
{
    mdsl::Flags flags;
    for (const mdsl::Flag flag : mdsl::kAllFlags)
        flags.set(flag, settings.value(productionName(flag), true).toBool());
    return flags;
}

} // namespace

QString productionName(mdsl::Flag flag)
{
    const std::string_view name = mdsl::flagName(flag);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

StudioSettings StudioSettings::load(QSettings& settings)
{
    StudioSettings s;
    settings.beginGroup(QStringLiteral("flags"));
    s.flags = readFlags(settings);
    settings.endGroup();

    const int count = settings.beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        FlagProfile profile;
        profile.name = settings.value(QStringLiteral("name")).toString();
        profile.flags = readFlags(settings);
        if (!profile.name.isEmpty())
            s.userProfiles.append(profile);
    }
    settings.endArray();

    const QString theme = settings.value(QStringLiteral("editor/theme")).toString();
    s.theme = theme == QLatin1String("light") ? ThemeChoice::Light
              : theme == QLatin1String("dark") ? ThemeChoice::Dark
                                               : ThemeChoice::FollowDesktop;
    s.editorFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (const QString font = settings.value(QStringLiteral("editor/font")).toString(); !font.isEmpty()) {
        QFont f;
        if (f.fromString(font))
            s.editorFont = f;
    }
    const QString language = settings.value(QStringLiteral("ui/language")).toString();
    s.language = (language == QLatin1String("en") || language == QLatin1String("fr")) ? language : QString();
    s.previewAutoRun = settings.value(QStringLiteral("preview/autoRun"), true).toBool();
    s.previewDelayMs = qBound(0, settings.value(QStringLiteral("preview/delayMs"), 100).toInt(), 5000);
    s.pinClock = settings.value(QStringLiteral("preview/pinClock"), true).toBool();
    s.pinnedClockMs = settings.value(QStringLiteral("preview/pinnedClockMs"), s.pinnedClockMs).toLongLong();
    return s;
}

void StudioSettings::save(QSettings& settings) const
{
    settings.beginGroup(QStringLiteral("flags"));
    writeFlags(settings, flags);
    settings.endGroup();
    settings.beginWriteArray(QStringLiteral("profiles"), int(userProfiles.size()));
    for (int i = 0; i < userProfiles.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), userProfiles.at(i).name);
        writeFlags(settings, userProfiles.at(i).flags);
    }
    settings.endArray();
    settings.setValue(QStringLiteral("editor/theme"), theme == ThemeChoice::Light  ? QStringLiteral("light")
                                                      : theme == ThemeChoice::Dark ? QStringLiteral("dark")
                                                                                   : QStringLiteral("system"));
    settings.setValue(QStringLiteral("editor/font"), editorFont.toString());
    settings.setValue(QStringLiteral("ui/language"), language);
    settings.setValue(QStringLiteral("preview/autoRun"), previewAutoRun);
    settings.setValue(QStringLiteral("preview/delayMs"), previewDelayMs);
    settings.setValue(QStringLiteral("preview/pinClock"), pinClock);
    settings.setValue(QStringLiteral("preview/pinnedClockMs"), pinnedClockMs);
    settings.sync();
}

QList<FlagProfile> builtInProfiles()
{
    FlagProfile production{QString::fromLatin1(kProduction), mdsl::Flags(), true};
    // The deployment plan's rollback: every V2 flag off, so every endpoint answers with V1.
    mdsl::Flags off;
    for (const mdsl::Flag flag : mdsl::kAllFlags)
        off.set(flag, flag == mdsl::Flag::V1Fallback);
    FlagProfile rollback{QString::fromLatin1(kRollback), off, true};
    return {production, rollback};
}

QString displayName(const FlagProfile& profile)
{
    return profile.builtIn ? QCoreApplication::translate(kContext, profile.name.toUtf8().constData()) : profile.name;
}

bool isRolloutFlag(mdsl::Flag flag)
{
    return flag == mdsl::Flag::V2Enabled || flag == mdsl::Flag::V2Default || flag == mdsl::Flag::V1Fallback;
}

QString flagDescription(mdsl::Flag flag)
{
    switch (flag) {
    case mdsl::Flag::V2Enabled:
        return QCoreApplication::translate("studio::StudioSettings", "Route the V2-routed endpoints to the V2 engine");
    case mdsl::Flag::V2Default:
        return QCoreApplication::translate("studio::StudioSettings", "Documents without a version are version 2");
    case mdsl::Flag::V1Fallback:
        return QCoreApplication::translate("studio::StudioSettings", "When V2 fails, answer with V1 (marked as a fallback)");
    case mdsl::Flag::V2Containers:
        return QCoreApplication::translate("studio::StudioSettings", "Object, array and when blocks; object and array literals");
    case mdsl::Flag::V2JsonPath:
        return QCoreApplication::translate("studio::StudioSettings", "JSONPath queries ($ and @)");
    case mdsl::Flag::V2ArrayOps:
        return QCoreApplication::translate("studio::StudioSettings", "Array functions (map, filter, sort, sum…)");
    case mdsl::Flag::V2NewOps:
        return QCoreApplication::translate("studio::StudioSettings", "The ?? and | operators and the new functions");
    }
    return {};
}

QList<EndpointRoute> endpointRoutes(const mdsl::Flags& flags)
{
    const QString routed = routedEngineSummary(flags);
    QList<EndpointRoute> rows;
    for (const char* op : {"validate", "compile", "dry-run"})
        rows.append({QStringLiteral("/api/v1/mappings/%1").arg(QLatin1String(op)), routed});
    for (const char* op : {"validate", "compile", "dry-run"})
        rows.append({QStringLiteral("/api/v1/mappings/%1/v1").arg(QLatin1String(op)), QCoreApplication::translate("studio::StudioSettings", "V1 only")});
    return rows;
}

QString routedEngineSummary(const mdsl::Flags& flags)
{
    if (mdsl::routedEngine(mdsl::Route::V2Routed, flags) == mdsl::EngineKind::V1)
        return QCoreApplication::translate("studio::StudioSettings", "V1 (V2 disabled)");
    return flags.get(mdsl::Flag::V1Fallback) ? QCoreApplication::translate("studio::StudioSettings", "V2, V1 as fallback") : QCoreApplication::translate("studio::StudioSettings", "V2, no fallback");
}

FlagFileResult readFlagFile(const QString& path)
{
    FlagFileResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.messages.append(QCoreApplication::translate(kContext, "Cannot read %1: %2").arg(path, file.errorString()));
        return result;
    }
    constexpr qint64 kMaxSize = 1 << 20;
    if (file.size() > kMaxSize) {
        result.messages.append(QCoreApplication::translate(kContext, "%1 is too large for a flag file.").arg(path));
        return result;
    }
    const QByteArray bytes = file.read(kMaxSize);
    const mdsl::FlagsFile parsed = mdsl::parseFlags(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    for (const mdsl::Diagnostic& d : parsed.diagnostics) {
        QStringList args;
        for (const std::string& a : d.args)
            args.append(QString::fromStdString(a));
        const QString message = DiagnosticMessages::translate(QString::fromStdString(d.code), args,
                                                              QString::fromStdString(d.message),
                                                              QString::fromStdString(d.wording));
        result.messages.append(QCoreApplication::translate(kContext, "line %1: %2").arg(d.range.start.line).arg(message));
    }
    result.ok = !mdsl::hasErrors(parsed.diagnostics);
    if (result.ok)
        result.flags = parsed.flags;
    return result;
}

QString writeFlagFile(const QString& path, const mdsl::Flags& flags)
{
    const std::string yaml = mdsl::writeFlags(flags);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml.data(), qint64(yaml.size())) < 0 || !file.commit())
        return file.errorString();
    return {};
}

} // namespace studio
