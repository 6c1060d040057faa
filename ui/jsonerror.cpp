#include "jsonerror.h"

#include <QRegularExpression>

namespace studio {

namespace {

/// What the parser read last, as short as a message needs (an unclosed string is the rest
/// of the text).
QString shortToken(const QString& token)
{
    constexpr int kMax = 24;
    QString out = token.size() > kMax ? token.left(kMax) + QStringLiteral("…") : token;
    out.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return out;
}

} // namespace

QString JsonError::tokenName(const QString& name)
{
    if (name == QLatin1String("end of input"))
        return tr("the end of the text");
    if (name == QLatin1String("string literal"))
        return tr("a string");
    if (name == QLatin1String("number literal"))
        return tr("a number");
    if (name == QLatin1String("true literal") || name == QLatin1String("false literal")
        || name == QLatin1String("null literal"))
        return name.section(QLatin1Char(' '), 0, 0);
    if (name == QLatin1String("'[', '{', or a literal"))
        return tr("a value");
    return name;   // a punctuation mark, quoted: "'}'"
}

QString JsonError::lexerReason(const QString& reason)
{
    static const QRegularExpression control(QStringLiteral("^invalid string: control character (.+) must be escaped"));
    if (reason == QLatin1String("invalid literal"))
        return tr("not a value: a value is true, false, null, a number, a string, an object or an array");
    if (reason == QLatin1String("invalid string: missing closing quote"))
        return tr("a string has no closing quote");
    if (reason == QLatin1String("invalid string: ill-formed UTF-8 byte"))
        return tr("a string holds a byte that is not UTF-8");
    if (reason == QLatin1String("invalid string: forbidden character after backslash"))
        return tr("a backslash in a string is followed by a character that cannot be escaped");
    if (reason.startsWith(QLatin1String("invalid string: '\\u' must be followed by 4 hex digits")))
        return tr("\\u in a string must be followed by 4 hexadecimal digits");
    if (const QRegularExpressionMatch m = control.match(reason); m.hasMatch())
        return tr("the control character %1 in a string must be escaped").arg(m.captured(1));
    if (reason.startsWith(QLatin1String("invalid number")))
        return tr("a malformed number");
    return reason;
}

QString JsonError::reason(const QString& parserMessage)
{
    QString detail = parserMessage;
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error …"
    if (detail.startsWith(QLatin1Char('[')))
        detail = detail.section(QStringLiteral("] "), 1);
    if (detail.startsWith(QLatin1String("parse error")) && detail.contains(QStringLiteral(": ")))
        detail = detail.section(QStringLiteral(": "), 1);
    // A number past the range of a double: "number overflow parsing '1e400'".
    static const QRegularExpression overflow(QStringLiteral("^number overflow parsing '(.*)'$"));
    if (const QRegularExpressionMatch m = overflow.match(detail); m.hasMatch())
        return tr("the number %1 is too large").arg(shortToken(m.captured(1)));
    static const QRegularExpression syntax(QStringLiteral("^syntax error (?:while parsing [a-z ]+ )?- (.*)$"),
                                           QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = syntax.match(detail);
    if (!m.hasMatch())
        return detail;
    QString rest = m.captured(1);
    // A malformed token: "invalid literal; last read: 'tru'", maybe then "; expected …".
    if (const qsizetype lastRead = rest.indexOf(QLatin1String("; last read: '")); lastRead >= 0) {
        QString token = rest.mid(lastRead + 14);
        if (const qsizetype expected = token.lastIndexOf(QLatin1String("'; expected ")); expected >= 0)
            token.truncate(expected);
        else if (token.endsWith(QLatin1Char('\'')))
            token.chop(1);
        const QString reason = rest.left(lastRead);
        // A literal's characters are read on from the token before it ('"b": tru'): its word.
        if (reason == QLatin1String("invalid literal")) {
            static const QRegularExpression separator(QStringLiteral("[\\s:,\\[{]"));
            token = token.trimmed();
            token = token.mid(token.lastIndexOf(separator) + 1);
        }
        return tr("%1, at '%2'").arg(lexerReason(reason), shortToken(token));
    }
    // A token out of place: "unexpected '}'; expected string literal".
    QString expected;
    if (const qsizetype at = rest.lastIndexOf(QLatin1String("; expected ")); at >= 0) {
        expected = rest.mid(at + 11);
        rest.truncate(at);
    }
    if (!rest.startsWith(QLatin1String("unexpected ")))
        return lexerReason(rest);
    const QString found = tokenName(rest.mid(11));
    return expected.isEmpty() ? tr("unexpected %1").arg(found) : tr("%1 where %2 was expected").arg(found, tokenName(expected));
}

} // namespace studio
