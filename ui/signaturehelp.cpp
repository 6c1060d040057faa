#include "signaturehelp.h"

#include "utf8text.h"

#include "mdsl/catalog.h"


namespace studio {

namespace {

/// How far back the scan for an open call looks: a call's arguments fit in this.
constexpr int kMaxScan = 4000;

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

/// The parameters of a catalog signature, "round(x: number, digits?: integer) -> number", as
/// [start, end) ranges in it.
QList<QPair<int, int>> parameterRanges(const QString& signature)
{
    QList<QPair<int, int>> ranges;
    const qsizetype open = signature.indexOf(QLatin1Char('('));
    const qsizetype close = signature.lastIndexOf(QLatin1Char(')'));
    if (open < 0 || close <= open + 1)
        return ranges;
    int start = int(open) + 1;
    for (int i = start; i <= close; ++i) {
        if (i == close || signature.at(i) == QLatin1Char(',')) {
            int b = start;
            while (b < i && signature.at(b) == QLatin1Char(' '))
                ++b;
            ranges.append({b, i});
            start = i + 1;
        }
    }
    return ranges;
}

/// Which parameter of `params` an argument index falls on: a variadic "..." takes every
/// argument from its place on.
int parameterFor(const QString& signature, const QList<QPair<int, int>>& params, int argument)
{
    for (int i = 0; i < params.size(); ++i) {
        const auto [b, e] = params.at(i);
        if (signature.mid(b, e - b) == QLatin1String("...") && argument >= i)
            return i;
    }
    return argument < params.size() ? argument : -1;
}

} // namespace

std::optional<OpenCall> openCallAt(const QString& before)
{
    // A forward scan of the last kMaxScan characters: strings and comments hide their brackets
    // and commas; a stack keeps each open bracket with the commas seen at its level.
    struct Open {
        QChar bracket;
        int at;
        int commas;
    };
    QList<Open> stack;
    const int from = int(qMax<qsizetype>(0, before.size() - kMaxScan));
    bool inString = false;
    for (int i = from; i < before.size(); ++i) {
        const QChar c = before.at(i);
        if (inString) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"') || c == QLatin1Char('\n'))
                inString = false;
            continue;
        }
        if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('#')) {
            while (i < before.size() && before.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{')) {
            stack.append({c, i, 0});
        } else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) {
            if (!stack.isEmpty())
                stack.removeLast();
        } else if (c == QLatin1Char(',') && !stack.isEmpty()) {
            ++stack.last().commas;
        }
    }
    // The innermost '(' (an array literal inside a call still types that call's argument).
    for (qsizetype s = stack.size() - 1; s >= 0; --s) {
        const Open& open = stack.at(s);
        if (open.bracket != QLatin1Char('('))
            continue;
        int begin = open.at;
        while (begin > 0 && isNameChar(before.at(begin - 1)))
            --begin;
        if (begin == open.at)
            return std::nullopt;   // a parenthesised expression, not a call
        return OpenCall{before.mid(begin, open.at - begin), open.commas};
    }
    return std::nullopt;
}

QString signatureHelpHtml(const QString& name, int argument)
{
    const QByteArray utf8 = name.toUtf8();
    const auto entries = mdsl::findFunctions(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    QStringList lines;
    for (const mdsl::CatalogEntry* e : entries) {
        const QString signature = fromStd(e->signature);
        const QList<QPair<int, int>> params = parameterRanges(signature);
        const int active = parameterFor(signature, params, argument);
        QString line = signature.toHtmlEscaped();
        if (active >= 0) {
            const auto [from, to] = params.at(active);
            line = signature.left(from).toHtmlEscaped()
                   + QStringLiteral("<b><u>%1</u></b>").arg(signature.mid(from, to - from).toHtmlEscaped())
                   + signature.mid(to).toHtmlEscaped();
        }
        // An overload that cannot take this many arguments is shown, but greyed.
        if (!e->acceptsArity(argument + 1))
            line = QStringLiteral("<span style=\"color: gray\">%1</span>").arg(line);
        lines.append(QStringLiteral("<code>%1</code>").arg(line));
    }
    return lines.join(QStringLiteral("<br/>"));
}

QString functionSummary(const QString& name)
{
    const QByteArray utf8 = name.toUtf8();
    const auto entries = mdsl::findFunctions(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    return entries.empty() ? QString() : fromStd(entries.front()->summary);
}

SignatureHelp::SignatureHelp(QWidget* parent)
    : QLabel(parent)
{
    setTextFormat(Qt::RichText);
    setForegroundRole(QPalette::ToolTipText);
    setBackgroundRole(QPalette::ToolTipBase);
    setAutoFillBackground(true);
    setFrameShape(QFrame::Box);
    setMargin(4);
    setWordWrap(false);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    hide();
}

void SignatureHelp::showFor(const std::optional<OpenCall>& call, const QRect& anchor)
{
    const QString html = call ? signatureHelpHtml(call->name, call->argument) : QString();
    if (html.isEmpty()) {
        active_.clear();
        hide();
        return;
    }
    // The bold parameter as plain text: what the user reads as "the current parameter".
    const qsizetype b = html.indexOf(QLatin1String("<b><u>"));
    const qsizetype e = html.indexOf(QLatin1String("</u></b>"));
    active_ = b >= 0 && e > b ? html.mid(b + 6, e - b - 6) : QString();
    active_.replace(QLatin1String("&gt;"), QLatin1String(">")).replace(QLatin1String("&lt;"), QLatin1String("<"));
    active_.replace(QLatin1String("&amp;"), QLatin1String("&"));
    // The summary on one line, cut to the editor's width (the whole entry is in the hover).
    const QWidget* area = parentWidget();
    const int room = area->width() - 2 * (margin() + frameWidth()) - 16;
    const QString summary = fontMetrics().elidedText(functionSummary(call->name), Qt::ElideRight, qMax(80, room));
    setText(html + QStringLiteral("<br/>") + summary.toHtmlEscaped());
    adjustSize();
    int x = qBound(0, anchor.left(), qMax(0, area->width() - width()));
    // Above the line, where the completion list (below it) does not cover it.
    int y = anchor.top() - height() - 2;
    if (y < 0)
        y = qMin(anchor.bottom() + 2, qMax(0, area->height() - height()));
    move(x, y);
    show();
    raise();
}

} // namespace studio
