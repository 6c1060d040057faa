// Every message the engine can word, in French: the codes, the message wordings and the
// phrases their arguments name (mdsl/report.h) each have the studio's pattern, identical in
// English to the engine's and translated in French; and real runs raising each runtime
// wording read as French sentences, with no English left in them.

#include "testmain.h"

#include "diagnosticmessages.h"
#include "studioapp.h"

#include "mdsl/engine.h"
#include "mdsl/report.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace studio;

namespace {

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

/// The engine's English pattern with {n} replaced by `<argN>`, and those arguments.
QString withPlaceholders(std::string_view pattern, QStringList& args)
{
    QString english = fromView(pattern);
    for (int n = 0; english.contains(QStringLiteral("{%1}").arg(n)); ++n) {
        args.append(QStringLiteral("<arg%1>").arg(n));
        english.replace(QStringLiteral("{%1}").arg(n), args.last());
    }
    return english;
}

/// The studio's words for a code's or a wording's message, in the interface language.
QString shown(const QString& code, const QString& wording, QStringList args)
{
    // E301 and E302 start with a feature id; the others' placeholders are data here.
    if ((code == QLatin1String("E301") || code == QLatin1String("E302")) && !args.isEmpty())
        args.first() = QStringLiteral("coalesce");
    return DiagnosticMessages::translate(code, args, QStringLiteral("<english>"), wording);
}

/// The text of a French message with its data taken out: `code`, "quoted" and 'quoted' parts.
QString wordsOf(QString french)
{
    static const QRegularExpression quoted(QStringLiteral("`[^`]*`|\"[^\"]*\"|«[^»]*»|'[^']*'"));
    return french.remove(quoted);
}

/// English words that a French message must not hold.
bool looksEnglish(const QString& words)
{
    static const QRegularExpression english(
        QStringLiteral("\\b(the|an|of|not|cannot|must|needs?|number|string|array|object|boolean|missing|"
                       "with|and|or|only|is|takes?|found|expected|write|output|key|empty|invalid)\\b"));
    return english.match(words).hasMatch();
}

struct RuntimeCase {
    const char* wording;
    const char* rules;   ///< under `mapping "m" version 2`
    const char* input;
    const char* french;  ///< the whole message in French, or "" to check the words only
};

// One real run per runtime wording the engines can raise (E499's are internal errors: a run
// reaches them only through a bug). The representative French sentences are checked whole.
const RuntimeCase kRuntimeCases[] = {
    {"E410.operands", "a <- 1 + \"x\"", "{}", "`+` ne peut pas prendre un nombre et une chaîne"},
    {"E410.operand", "a <- -.s", R"({"s": "x"})", "`-` ne peut pas prendre une chaîne"},
    {"E410.remainder-integers", "a <- 1.5 % 2", "{}", "`%` demande deux entiers, pas un nombre et un nombre"},
    {"E410.not-boolean", "a <- not .n", R"({"n": 1})", "l’opérande de `not` doit être un booléen, pas un nombre"},
    {"E410.condition", "a <- if(.n, 1, 2)", R"({"n": "yes"})", "la condition de `if` doit être un booléen, pas une chaîne"},
    {"E410.argument", "a <- upper(.n)", R"({"n": 42})", "l’argument 1 de `upper` doit être une chaîne, pas un nombre"},
    {"E410.order-type", "a <- sort(.p)", R"({"p": [true, false]})", ""},
    {"E410.order-mixed", "a <- sort(.p)", R"({"p": [1, "a"]})", ""},
    {"E410.sort-key-missing", "a <- sort_by(.p, .n)", R"({"p": [{"n": 1}, {}]})", ""},
    {"E410.key-type", "a <- group_by(.p, .n)", R"({"p": [{"n": [1]}]})", ""},
    {"E410.sum-type", "a <- sum(.p)", R"({"p": [1, "a"]})", "`sum` ne sait additionner que des nombres, pas une chaîne"},
    {"E410.join-type", "a <- join(.p, \",\")", R"({"p": [[1]]})", ""},
    {"E410.compare", "a <- max(.a, .b)", R"({"a": 1, "b": "x"})", ""},
    {"E411.division-by-zero", "a <- .n / 0", R"({"n": 1})", "division par zéro"},
    {"E411.not-finite", "a <- .n * .n", R"({"n": 1e308})", ""},
    {"E412.substring-negative", "a <- substring(.s, -1, 1)", R"({"s": "abc"})", ""},
    {"E412.replace-empty", "a <- replace(.s, .e, \"x\")", R"({"s": "abc", "e": ""})", ""},
    {"E412.not-a-number", "a <- to_number(.s)", R"({"s": "abc"})", "`to_number` ne peut pas lire de nombre dans «\u00a0abc\u00a0»"},
    {"E412.not-a-boolean", "a <- to_boolean(.s)", R"({"s": "maybe"})", ""},
    {"E412.split-empty-match", "a <- split(.s, .p)", R"({"s": "abc", "p": "x*"})", ""},
    {"E412.padding", "a <- pad_left(.s, 5, .p)", R"({"s": "abc", "p": "xy"})", ""},
    {"E412.replacement", "a <- replace_regex(.s, \"b\", .r)", R"({"s": "abc", "r": "\\9"})",
     "remplacement invalide pour `replace_regex`\u00a0: le remplacement demande le groupe 9, mais le motif n’a que 0 groupes entre parenthèses"},
    {"E412.date-expected", "a <- parse_date(.s, \"%Y\")", R"({"s": "2020x"})",
     "`parse_date`\u00a0: à la position 4 de «\u00a02020x\u00a0», on attendait la fin du texte"},
    {"E412.date-zone-offset", "a <- parse_date(.s, \"%Y%z\")", R"({"s": "2020+25:00"})", ""},
    {"E412.date-invalid", "a <- parse_date(.s, \"%Y-%m-%d\")", R"({"s": "2020-13-01"})", ""},
    {"E412.date-unknown-directive", "a <- parse_date(.s, .f)", R"({"s": "x", "f": "%Q"})", ""},
    {"E412.date-year-range", "a <- format_date(.ms)", R"({"ms": 253402300800000})", ""},
    {"E412.base64-invalid", "a <- base64_decode(.s)", R"({"s": "!!"})", ""},
    {"E412.base64-not-utf8", "a <- base64_decode(.s)", R"({"s": "/w=="})", ""},
    {"E412.json-invalid", "a <- json_parse(.s)", R"({"s": "{"})", "`json_parse`\u00a0: le texte n’est pas du JSON"},
    {"E413.under-value", "r[] <- each .rows {\n  v <- .v\n  when .deep {\n    v.w <- 1\n  }\n}",
     R"({"rows": [{"v": 1, "deep": true}]})", "impossible d’écrire `v.w`\u00a0: `v` est un nombre"},
    {"E414", "x[] <- each .a {\n  y <- 1\n}", R"({"a": {}})", "`each` demande un tableau, pas un objet"},
    {"E415", "a <- matches(.s, .p)", R"({"s": "a", "p": "a]"})",
     "expression régulière invalide pour `matches`\u00a0: ']' doit être échappé à la position 1 du motif"},
};


} // namespace

class TestDiagnosticMessages : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { installTranslation(QStringLiteral("en")); }

    // Every code's pattern and every message wording: the studio's English is the engine's,
    // and French says it with the same placeholders.
    void everyMessageHasAFrenchForm()
    {
        struct Entry {
            QString code, wording;
            std::string_view pattern;
        };
        QList<Entry> entries;
        for (const mdsl::DiagnosticCode& c : mdsl::diagnosticCodes())
            entries.append({fromView(c.code), QString(), c.pattern});
        for (const mdsl::Wording& w : mdsl::messageWordings())
            entries.append({fromView(mdsl::wordingCode(w.id)), fromView(w.id), w.pattern});
        QVERIFY(entries.size() > 80);
        for (const Entry& e : entries) {
            const QString id = e.wording.isEmpty() ? e.code : e.wording;
            QStringList args;
            const QString english = withPlaceholders(e.pattern, args);
            installTranslation(QStringLiteral("en"));
            const QString inEnglish = shown(e.code, e.wording, args);
            if (e.code == QLatin1String("E301") || e.code == QLatin1String("E302"))
                QVERIFY2(inEnglish.startsWith(QLatin1String("the `??` operator")), qPrintable(id));
            else
                QVERIFY2(inEnglish == english, qPrintable(id + ": " + inEnglish + " / " + english));
            installTranslation(QStringLiteral("fr"));
            const QString french = shown(e.code, e.wording, args);
            QVERIFY2(french != QLatin1String("<english>") && french != inEnglish, qPrintable(id + ": " + french));
            for (const QString& arg : std::as_const(args))
                if (e.code != QLatin1String("E301") && e.code != QLatin1String("E302"))
                    QVERIFY2(french.contains(arg), qPrintable(id + ": " + french));
        }
    }

    // Every phrase: the studio's English is the engine's, and French differs.
    void everyPhraseHasAFrenchForm()
    {
        for (const mdsl::Wording& phrase : mdsl::phrases()) {
            QStringList params;   // "arity.range:<arg0>:<arg1>"
            const QString english = withPlaceholders(phrase.pattern, params);
            const QString id = (QStringList{fromView(phrase.id)} + params).join(QLatin1Char(':'));
            installTranslation(QStringLiteral("en"));
            QCOMPARE(DiagnosticMessages::translatePhrase(id), english);
            QCOMPARE(QString::fromStdString(mdsl::phraseText(id.toStdString())), english);
            installTranslation(QStringLiteral("fr"));
            const QString french = DiagnosticMessages::translatePhrase(id);
            QVERIFY2(!french.isEmpty() && french != english, qPrintable(id));
            for (const QString& param : std::as_const(params))
                QVERIFY2(french.contains(param), qPrintable(id + ": " + french));
        }
        // An argument that is no phrase id is data, shown as it is.
        QCOMPARE(DiagnosticMessages::translatePhrase(QStringLiteral("')'")), QStringLiteral("')'"));
    }

    // A syntax error names the token kinds in French: nothing of "end of line" stays.
    void syntaxErrorsNameTokensInFrench()
    {
        installTranslation(QStringLiteral("fr"));
        QCOMPARE(DiagnosticMessages::translate(QStringLiteral("E101"),
                                               {QStringLiteral("token.end-of-line"), QStringLiteral("'.'")},
                                               QStringLiteral("<english>")),
                 QStringLiteral("attendu\u00a0: fin de ligne\u00a0; trouvé\u00a0: '.'"));
        QCOMPARE(DiagnosticMessages::translate(QStringLiteral("E101"),
                                               {QStringLiteral("expect.expression"), QStringLiteral("token.identifier"),
                                                QStringLiteral("'x'")},
                                               QStringLiteral("<english>"), QStringLiteral("E101.found-text")),
                 QStringLiteral("attendu\u00a0: une expression\u00a0; trouvé\u00a0: identifiant 'x'"));
    }

    // Real runs: each runtime wording comes out of the engine with its id, its English message
    // made from the table, and reads in French without English words.
    void runtimeErrorsReadInFrench()
    {
        QSet<QString> covered;
        for (const RuntimeCase& c : kRuntimeCases) {
            const std::string text = std::string("mapping \"m\" version 2\n") + c.rules + "\n";
            const mdsl::CompiledMapping mapping = mdsl::compile(text, mdsl::EngineKind::V2, mdsl::Flags());
            const mdsl::RunResult result = mdsl::run(mapping, mdsl::Json::parse(c.input), mdsl::RunOptions());
            QVERIFY2(!result.diagnostics.empty(), c.wording);
            const mdsl::Diagnostic& d = result.diagnostics.front();
            const QString wording = fromView(d.wording.empty() ? d.code : d.wording);
            QCOMPARE(wording, QString::fromLatin1(c.wording));
            QCOMPARE(d.message, mdsl::messageText(d.code, d.wording, d.args));
            QStringList args;
            for (const std::string& arg : d.args)
                args.append(QString::fromStdString(arg));
            installTranslation(QStringLiteral("fr"));
            const QString french = DiagnosticMessages::translate(fromView(d.code), args,
                                                                 QString::fromStdString(d.message), fromView(d.wording));
            installTranslation(QStringLiteral("en"));
            qInfo("%s: %s", c.wording, qPrintable(french));
            if (*c.french)
                QCOMPARE(french, QString::fromUtf8(c.french));
            QVERIFY2(!looksEnglish(wordsOf(french)), qPrintable(wording + ": " + french));
            covered.insert(wording);
        }
        // Every runtime wording but the internal errors has a run here.
        for (const mdsl::Wording& w : mdsl::messageWordings()) {
            const QString id = fromView(w.id);
            if (id.startsWith(QLatin1String("E4")) && !id.startsWith(QLatin1String("E499")) && id != QLatin1String("E413.output"))
                QVERIFY2(covered.contains(id), qPrintable(id));
        }
    }
};

MDSL_TEST_MAIN(TestDiagnosticMessages)
#include "test_diagnosticmessages.moc"
