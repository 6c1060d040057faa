#pragma once
// Diagnostics in the user's language. The engine reports a stable code, the message's
// arguments and an English message; the studio translates at display time from a table of
// code -> translatable pattern, and falls back to the English message for a code it does not
// know (or whose arguments do not fit the pattern), so a newer engine never shows garbage.

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace mdsl::debug {
struct ConditionError;
}

namespace studio {

class DiagnosticMessages {
    Q_DECLARE_TR_FUNCTIONS(studio::DiagnosticMessages)

public:
    /// The message of a diagnostic in the current language, by its code or, when it has one,
    /// its wording id ("E410.operands", Diagnostic::wording); its phrase arguments (type
    /// names, token kinds...) are said in this language too.
    static QString translate(const QString& code, const QStringList& args, const QString& english,
                             const QString& wording = QString());
    /// A phrase the engine names as an argument ("type.number"), in the current language; an
    /// argument that is no phrase id as it is; empty for a phrase id this studio does not know.
    static QString translatePhrase(const QString& id);
    /// A language feature named by E301 and E302 ("coalesce", "function:split"), in words of
    /// the current language; empty for an id this studio does not know.
    static QString translateFeature(const QString& feature);
    /// What a related location says ("first written here"), by the engine's wording id.
    static QString translateRelated(const QString& id, const QStringList& args, const QString& english);
    /// The title of a fix ("insert '}'", "add `version 2` to the header") in the current
    /// language, by the engine's wording id.
    static QString translateFix(const QString& id, const QStringList& args, const QString& english);
    /// Why a breakpoint condition gave no answer, in the current language: its wording
    /// (mdsl::debug::conditionWordings()), its position in the condition and the diagnostic
    /// underneath, said as translate() says it. The engine's English message when this studio
    /// does not know a wording.
    static QString translateCondition(const mdsl::debug::ConditionError& error);
    /// The studio's pattern of a condition wording id ("condition.failed"), or empty: what a
    /// test compares with the engine's table.
    static QString conditionPattern(const QString& id);
    /// "Error", "Warning" or "Info" in the current language.
    static QString severityName(int severity);

private:
    /// The translated pattern of a code (with %1, %2...), or an empty string.
    static QString pattern(const QString& code);
    /// The translated pattern of a message wording id (diagnosticwordings.cpp), or empty.
    static QString wordingPattern(const QString& wording);
    /// The phrases, by id (diagnosticwordings.cpp).
    static const QHash<QString, const char*>& phrasePatterns();
    /// The translated pattern of a wording id in `patterns`, or an empty string.
    static QString translatedById(const QHash<QString, const char*>& patterns, const QString& id);
    /// `translated` with its %1, %2… replaced by args; english when they do not fit.
    static QString substitute(const QString& translated, const QStringList& args, const QString& english);
};

} // namespace studio
