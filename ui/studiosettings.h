#pragma once
// The studio's settings: the production flags and named flag profiles, the editor theme and
// font, the interface language and the preview behaviour. Persisted with QSettings.

#include "mdsl/flags.h"

#include <QFont>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace studio {

enum class ThemeChoice { FollowDesktop, Light, Dark };

/// A named set of flag values. Built-in profiles have a fixed name, translated when shown.
struct FlagProfile {
    QString name;
    mdsl::Flags flags;
    bool builtIn = false;

    friend bool operator==(const FlagProfile&, const FlagProfile&) = default;
};

struct StudioSettings {
    mdsl::Flags flags;                   ///< the flags validation and preview run under
    QList<FlagProfile> userProfiles;     ///< the user's own profiles (built-ins are not stored)
    ThemeChoice theme = ThemeChoice::FollowDesktop;
    QFont editorFont;                    ///< default: the system's fixed font
    QString language;                    ///< "" follows the system; "en" or "fr"
    bool previewAutoRun = true;
    int previewDelayMs = 100;            ///< after the last edit
    bool pinClock = true;                ///< now() reads a fixed instant, so previews reproduce
    qint64 pinnedClockMs = 1767225600000; ///< 2026-01-01T00:00:00Z

    friend bool operator==(const StudioSettings&, const StudioSettings&) = default;

    /// Reads the settings (defaults for what is absent or unreadable).
    static StudioSettings load(QSettings& settings);
    void save(QSettings& settings) const;

    /// The clock the preview pins, if any.
    [[nodiscard]] std::optional<qint64> previewClock() const
    {
        return pinClock ? std::optional<qint64>(pinnedClockMs) : std::nullopt;
    }
};

/// "Production" (all on) and "Rollback: V2 off" (the deployment plan's rollback).
QList<FlagProfile> builtInProfiles();
/// A profile's name for display (built-ins translated).
QString displayName(const FlagProfile& profile);

/// Which group a flag belongs to in the settings: rollout flags, then V2 features.
bool isRolloutFlag(mdsl::Flag flag);
/// A one-line explanation of a flag, translated.
QString flagDescription(mdsl::Flag flag);
QString productionName(mdsl::Flag flag);

/// The outcome of reading a production flag file.
struct FlagFileResult {
    bool ok = false;            ///< false: nothing to apply (unreadable, or errors)
    mdsl::Flags flags;
    QStringList messages;       ///< translated: "line 3: unknown flag `x` is ignored"
};
/// Reads a production YAML flag file (at most 1 MiB: a flag file is a few lines).
FlagFileResult readFlagFile(const QString& path);
/// Writes the flags as production's flag file, atomically. Returns an error text, or "".
QString writeFlagFile(const QString& path, const mdsl::Flags& flags);

/// One line of the deployment plan's endpoint table under a set of flags.
struct EndpointRoute {
    QString endpoint;   ///< "/api/v1/mappings/validate"
    QString engine;     ///< translated: "V2, V1 as fallback", "V1 only", ...
};
/// The six endpoints (validate, compile, dry-run; V2-routed then V1-only) and their engines.
QList<EndpointRoute> endpointRoutes(const mdsl::Flags& flags);
/// What production serves for the V2-routed dry-run, in words ("V2 (V1 if V2 fails)").
QString routedEngineSummary(const mdsl::Flags& flags);

} // namespace studio
