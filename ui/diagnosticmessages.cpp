#include "diagnosticmessages.h"

#include "mdsl/debug.h"
#include "mdsl/report.h"

#include <QRegularExpression>

namespace studio {

QString DiagnosticMessages::pattern(const QString& code)
{
    // The engine's patterns (syntax: engine/src/syntax; the rest: mdsl/report.h), with {0}
    // written %1. A code missing here shows the engine's English message.
    static const QHash<QString, const char*> patterns = {
        {QStringLiteral("E100"), QT_TR_NOOP("unexpected character %1")},
        {QStringLiteral("E101"), QT_TR_NOOP("expected %1, found %2")},
        {QStringLiteral("E102"), QT_TR_NOOP("string is not closed before the end of the line")},
        {QStringLiteral("E103"), QT_TR_NOOP("invalid escape sequence %1 in string")},
        {QStringLiteral("E104"), QT_TR_NOOP("invalid number %1: %2")},
        {QStringLiteral("E105"), QT_TR_NOOP("%1 is not closed: expected %2")},
        {QStringLiteral("E106"), QT_TR_NOOP("control character U+%1 in string: write it as an escape such as \\n or \\u%1")},
        {QStringLiteral("E107"), QT_TR_NOOP("invalid UTF-8 byte 0x%1")},
        {QStringLiteral("E108"), QT_TR_NOOP("unsupported language version %1: expected 1 or 2")},
        {QStringLiteral("E109"), QT_TR_NOOP("the 'mapping' header must come first, and only once")},
        {QStringLiteral("E110"), QT_TR_NOOP("invalid JSONPath query: %1")},
        {QStringLiteral("E111"), QT_TR_NOOP("comparisons cannot be chained: combine them with 'and'")},
        {QStringLiteral("E112"), QT_TR_NOOP("expected a function name after '|', found %1")},
        {QStringLiteral("E199"), QT_TR_NOOP("nesting deeper than %1 levels")},
        {QStringLiteral("E201"), QT_TR_NOOP("unknown name `%1`")},
        {QStringLiteral("E202"), QT_TR_NOOP("unknown function `%1`")},
        {QStringLiteral("E203"), QT_TR_NOOP("`%1` takes %2, not %3")},
        {QStringLiteral("E204"), QT_TR_NOOP("invalid regular expression for `%1`: %2")},
        {QStringLiteral("E205"), QT_TR_NOOP("`%1` is written as a value, so `%2` cannot be written under it")},
        {QStringLiteral("E206"), QT_TR_NOOP("`%1` is already defined in this scope")},
        {QStringLiteral("E207"), QT_TR_NOOP("`index()` is only defined inside an array block")},
        {QStringLiteral("E208"), QT_TR_NOOP("a table holds constants: `%1` is not a literal")},
        {QStringLiteral("E209"), QT_TR_NOOP("the target nests deeper than %1 levels, its blocks included")},
        {QStringLiteral("E301"), QT_TR_NOOP("%1 needs language version 2, but this document is version 1")},
        {QStringLiteral("E302"), QT_TR_NOOP("%1 needs the feature flag `%2`, which is off")},
        {QStringLiteral("E303"), QT_TR_NOOP("the V1 engine does not run version 2 documents")},
        {QStringLiteral("E304"), QT_TR_NOOP("version 2 documents need the feature flag `mapping_dsl_v2_enabled`, which is off")},
        {QStringLiteral("E310"), QT_TR_NOOP("the flag file is not valid YAML: %1")},
        {QStringLiteral("E311"), QT_TR_NOOP("the flag file must map flag names to true or false")},
        {QStringLiteral("E312"), QT_TR_NOOP("the flag `%1` must be true or false, not `%2`")},
        {QStringLiteral("E401"), QT_TR_NOOP("the run took more than %1 steps")},
        {QStringLiteral("E402"), QT_TR_NOOP("the output grew past %1 bytes")},
        {QStringLiteral("E403"), QT_TR_NOOP("values or expressions nest deeper than %1 levels")},
        {QStringLiteral("E404"), QT_TR_NOOP("the run took longer than %1 ms")},
        {QStringLiteral("E405"), QT_TR_NOOP("the run built more than %1 bytes of values")},
        {QStringLiteral("E410"), QT_TR_NOOP("an operand or argument has the wrong type")},
        {QStringLiteral("E411"), QT_TR_NOOP("division by zero, or a result that is not a finite number")},
        {QStringLiteral("E412"), QT_TR_NOOP("an argument has an invalid value")},
        {QStringLiteral("E413"), QT_TR_NOOP("cannot write `%1`: `%2` is %3")},
        {QStringLiteral("E414"), QT_TR_NOOP("`each` needs an array, not %1")},
        {QStringLiteral("E415"), QT_TR_NOOP("invalid regular expression for `%1`: %2")},
        {QStringLiteral("E420"), QT_TR_NOOP("line %1, column %2: the input is not JSON: %3")},
        {QStringLiteral("E499"), QT_TR_NOOP("a construct the engine cannot run")},
        {QStringLiteral("W201"), QT_TR_NOOP("`%1` is written twice; the later write replaces the earlier one")},
        {QStringLiteral("W202"), QT_TR_NOOP("`let %1` is never used")},
        {QStringLiteral("W203"), QT_TR_NOOP("`table %1` is never used")},
        {QStringLiteral("W204"), QT_TR_NOOP("the key `%1` appears twice; the later value is used")},
        {QStringLiteral("W205"), QT_TR_NOOP("`%1` never holds an object or an array: `%1%2` is always missing")},
        {QStringLiteral("W310"), QT_TR_NOOP("unknown flag `%1` is ignored")},
    };
    const auto it = patterns.constFind(code);
    return it == patterns.constEnd() ? QString() : tr(it.value());
}

QString DiagnosticMessages::translate(const QString& code, const QStringList& args, const QString& english,
                                      const QString& wording)
{
    // E301 and E302 name a language feature by its id: it is worded here, in this language.
    if ((code == QLatin1String("E301") || code == QLatin1String("E302")) && !args.isEmpty()) {
        const QString feature = translateFeature(args.first());
        if (feature.isEmpty())
            return english;
        QStringList worded = args;
        worded.first() = feature;
        return substitute(pattern(code), worded, english);
    }
    // Which arguments are phrase ids is the engine's knowledge (mdsl/report.h), by wording.
    const std::string id = (wording.isEmpty() ? code : wording).toStdString();
    std::string_view phraseArgs;
    if (wording.isEmpty()) {
        if (const mdsl::DiagnosticCode* entry = mdsl::findDiagnosticCode(id))
            phraseArgs = entry->phraseArgs;
    } else if (const mdsl::Wording* entry = mdsl::findWording(mdsl::messageWordings(), id)) {
        phraseArgs = entry->phraseArgs;
    } else {
        return english;   // a wording of a newer engine
    }
    QStringList worded = args;
    for (const char digit : phraseArgs) {
        const qsizetype index = digit - '0';
        if (index >= worded.size())
            continue;
        const QString phrase = translatePhrase(worded.at(index));
        // A phrase id this studio cannot say: the English message says it all.
        if (phrase.isEmpty())
            return english;
        worded[index] = phrase;
    }
    return substitute(wording.isEmpty() ? pattern(code) : wordingPattern(wording), worded, english);
}

QString DiagnosticMessages::translatePhrase(const QString& id)
{
    // "arity.range:2:3": the phrase's id, then its numbers (split as the engine splits them).
    const QString base = id.section(QLatin1Char(':'), 0, 0);
    const QString translated = translatedById(phrasePatterns(), base);
    if (!translated.isEmpty()) {
        QStringList params;
        for (const std::string& param : mdsl::phraseNumbers(id.toStdString()))
            params.append(QString::fromStdString(param));
        return substitute(translated, params, QString());
    }
    // Not a phrase id: data quoted as it is (a token such as ')' where a kind could stand).
    return mdsl::findWording(mdsl::phrases(), base.toStdString()) ? QString() : id;
}

QString DiagnosticMessages::translateFeature(const QString& feature)
{
    // The engine's featureWordings(), by id; a test ties the two.
    static const QHash<QString, const char*> patterns = {
        {QStringLiteral("object-block"), QT_TR_NOOP("an object block")},
        {QStringLiteral("array-block"), QT_TR_NOOP("an array block (`each`)")},
        {QStringLiteral("when-block"), QT_TR_NOOP("a `when` block")},
        {QStringLiteral("array-literal"), QT_TR_NOOP("an array literal")},
        {QStringLiteral("object-literal"), QT_TR_NOOP("an object literal")},
        {QStringLiteral("jsonpath"), QT_TR_NOOP("a JSONPath query")},
        {QStringLiteral("coalesce"), QT_TR_NOOP("the `??` operator")},
        {QStringLiteral("pipe"), QT_TR_NOOP("the pipe `|`")},
        {QStringLiteral("navigate"), QT_TR_NOOP("reading `%1` from a value")},
        {QStringLiteral("function"), QT_TR_NOOP("the function `%1`")},
        {QStringLiteral("array-form"), QT_TR_NOOP("the array form of `%1`")},
    };
    const qsizetype colon = feature.indexOf(QLatin1Char(':'));
    const QString id = colon < 0 ? feature : feature.left(colon);
    const QStringList args = colon < 0 ? QStringList() : QStringList{feature.mid(colon + 1)};
    return substitute(translatedById(patterns, id), args, QString());
}

QString DiagnosticMessages::translateRelated(const QString& id, const QStringList& args, const QString& english)
{
    // The engine's relatedMessages(), by id; a test ties the two.
    static const QHash<QString, const char*> patterns = {
        {QStringLiteral("first-written"), QT_TR_NOOP("first written here")},
        {QStringLiteral("first-defined"), QT_TR_NOOP("first defined here")},
        {QStringLiteral("written-here"), QT_TR_NOOP("`%1` is written here")},
    };
    return substitute(translatedById(patterns, id), args, english);
}

QString DiagnosticMessages::translatedById(const QHash<QString, const char*>& patterns, const QString& id)
{
    const auto it = patterns.constFind(id);
    return it == patterns.constEnd() ? QString() : tr(it.value());
}

QString DiagnosticMessages::substitute(const QString& translated, const QStringList& args, const QString& english)
{
    if (translated.isEmpty())
        return english;
    // The highest %n of the pattern must be an argument the engine sent; otherwise the
    // engine's message changed shape and its English text is the honest thing to show.
    static const QRegularExpression placeholder(QStringLiteral("%(\\d)"));
    int highest = 0;
    for (auto it = placeholder.globalMatch(translated); it.hasNext();)
        highest = qMax(highest, it.next().captured(1).toInt());
    if (highest != args.size())
        return english;
    // Substitute in one pass so that a "%2" inside an argument stays literal.
    QString out;
    out.reserve(translated.size() + 32);
    for (qsizetype i = 0; i < translated.size(); ++i) {
        const QChar c = translated.at(i);
        if (c == QLatin1Char('%') && i + 1 < translated.size() && translated.at(i + 1).isDigit()) {
            const int n = translated.at(i + 1).digitValue();
            if (n >= 1 && n <= args.size()) {
                out += args.at(n - 1);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString DiagnosticMessages::translateFix(const QString& id, const QStringList& args, const QString& english)
{
    // The engine's fixMessages(), by id; a test ties the two.
    static const QHash<QString, const char*> patterns = {
        {QStringLiteral("close-string"), QT_TR_NOOP("close the string")},
        {QStringLiteral("insert"), QT_TR_NOOP("insert %1")},
        {QStringLiteral("did-you-mean"), QT_TR_NOOP("did you mean `%1`?")},
        {QStringLiteral("remove-unused"), QT_TR_NOOP("remove the unused `%1`")},
        {QStringLiteral("add-header"), QT_TR_NOOP("add the header `mapping \"untitled\" version 2`")},
        {QStringLiteral("change-version"), QT_TR_NOOP("change the header to `version 2`")},
        {QStringLiteral("add-version"), QT_TR_NOOP("add `version 2` to the header")},
    };
    return substitute(translatedById(patterns, id), args, english);
}

QString DiagnosticMessages::conditionPattern(const QString& id)
{
    // The engine's conditionWordings(), by id, {0} written %1; a test ties the two.
    static const QHash<QString, const char*> patterns = {
        {QStringLiteral("condition.invalid"), QT_TR_NOOP("the condition is not valid%1: %2")},
        {QStringLiteral("condition.one-expression"), QT_TR_NOOP("the condition is not valid%1: it must be one expression")},
        {QStringLiteral("condition.failed"), QT_TR_NOOP("the condition failed%1: %2")},
        {QStringLiteral("condition.not-boolean"), QT_TR_NOOP("the condition gave %2, not true or false")},
        {QStringLiteral("condition.context-unrecorded"),
            QT_TR_NOOP("the current element was not recorded (the trace is too large): the condition cannot read it")},
        {QStringLiteral("condition.value-unrecorded"),
            QT_TR_NOOP("the value of `%2`%1 was not recorded here (the trace is too large): the condition cannot read it")},
        {QStringLiteral("condition.too-many-checks"), QT_TR_NOOP("stopped after checking conditions %2 times")},
        {QStringLiteral("condition.at-column"), QT_TR_NOOP(" (column %2)")},
        {QStringLiteral("condition.at-line"), QT_TR_NOOP(" (line %1, column %2)")},
    };
    return translatedById(patterns, id);
}

QString DiagnosticMessages::translateCondition(const mdsl::debug::ConditionError& error)
{
    const QString english = QString::fromStdString(error.message());
    const mdsl::Wording* entry = mdsl::findWording(mdsl::debug::conditionWordings(), error.wording);
    if (!entry)
        return english;
    // {0}: the position, itself worded by id.
    QString position;
    if (const std::string_view at = error.positionWording(); !at.empty()) {
        position = substitute(conditionPattern(QString::fromUtf8(at.data(), qsizetype(at.size()))),
                              {QString::number(error.line), QString::number(error.column)}, QString());
        if (position.isEmpty())
            return english;
    }
    QStringList args{position};
    // {1}: the diagnostic underneath, as the problems list says it, else the first argument.
    if (error.diagnostic) {
        const mdsl::Diagnostic& d = *error.diagnostic;
        QStringList diagnosticArgs;
        for (const std::string& arg : d.args)
            diagnosticArgs.append(QString::fromStdString(arg));
        args.append(translate(QString::fromStdString(d.code), diagnosticArgs, QString::fromStdString(d.message),
                              QString::fromStdString(d.wording)));
    }
    for (const std::string& arg : error.args) {
        QString worded = QString::fromStdString(arg);
        if (entry->phraseArgs.find(char('0' + args.size())) != std::string_view::npos) {
            worded = translatePhrase(worded);
            if (worded.isEmpty())
                return english;
        }
        args.append(worded);
    }
    // As many arguments as the pattern takes (the position is {0} even where it is not shown).
    qsizetype used = 0;
    for (qsizetype n = 0; n < args.size(); ++n) {
        const std::string placeholder = "{" + std::to_string(n) + "}";
        if (entry->pattern.find(placeholder) != std::string_view::npos)
            used = n + 1;
    }
    return substitute(conditionPattern(QString::fromStdString(error.wording)), args.mid(0, used), english);
}

QString DiagnosticMessages::severityName(int severity)
{
    switch (severity) {
    case 0:
        return tr("Error");
    case 1:
        return tr("Warning");
    default:
        return tr("Info");
    }
}

} // namespace studio
