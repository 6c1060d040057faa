// The editor's hover: the problems under the mouse (their message, and where they come
// from), else what a name visible there holds, else the catalog entry of the function.

#include "codeeditor.h"

#include "mdsl/catalog.h"

#include <QHelpEvent>
#include <QTextBlock>
#include <QToolTip>

namespace studio {

namespace {

QString fromView(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

/// The catalog documentation of a function, as rich text for a tooltip.
QString functionDoc(const QString& name)
{
    const QByteArray utf8 = name.toUtf8();
    const auto entries = mdsl::findFunctions(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    QString html;
    for (const mdsl::CatalogEntry* e : entries) {
        if (!html.isEmpty())
            html += QStringLiteral("<hr/>");
        html += QStringLiteral("<p><code><b>%1</b></code></p><p>%2</p>")
                    .arg(fromView(e->signature).toHtmlEscaped(), fromView(e->summary).toHtmlEscaped());
        if (!e->missing.empty())
            html += QStringLiteral("<p><i>%1</i> %2</p>")
                        .arg(CodeEditor::tr("Missing or null:"), fromView(e->missing).toHtmlEscaped());
        if (e->flag)
            html += QStringLiteral("<p>%1</p>")
                        .arg(CodeEditor::tr("Language version %1, flag <code>%2</code>.")
                                 .arg(e->version)
                                 .arg(fromView(mdsl::flagName(*e->flag))));
        else
            html += QStringLiteral("<p>%1</p>").arg(CodeEditor::tr("Language version %1.").arg(e->version));
        if (!e->examples.empty() && !e->examples.front().isMapping)
            html += QStringLiteral("<p><code>%1</code> → <code>%2</code></p>")
                        .arg(fromView(e->examples.front().code).toHtmlEscaped(),
                             fromView(e->examples.front().expected).toHtmlEscaped());
    }
    return html;
}

} // namespace

QString CodeEditor::hoverText(int position) const
{
    QStringList messages;
    for (const Underline& u : underlines_) {
        // The mouse finds the position nearest to it: the right half of the last character
        // gives its end. A one-character underline is hard to hit: one more character on each
        // side counts.
        const int start = u.cursor.selectionStart();
        const int end = u.cursor.selectionEnd();
        const int slack = end - start <= 1 ? 1 : 0;
        if (position >= start - slack && position <= qMax(end, start + 1) + slack) {
            messages.append(QStringLiteral("<p><b>%1</b> %2</p>").arg(u.problem.code, u.problem.message().toHtmlEscaped()));
            // Where the problem comes from too ("first written here"): the other half of the story.
            for (const RelatedProblem& r : u.problem.related)
                messages.append(QStringLiteral("<p>&nbsp;&nbsp;%1</p>")
                                    .arg(tr("→ line %1, column %2: %3").arg(r.line).arg(r.column).arg(r.message())
                                             .toHtmlEscaped()));
        }
    }
    if (!messages.isEmpty())
        return messages.join(QString());

    QTextCursor cursor(document());
    cursor.setPosition(position);
    const QString text = cursor.block().text();
    int col = cursor.positionInBlock();
    if (col >= text.size() || !isWordChar(text.at(col)))
        return {};
    int begin = col;
    while (begin > 0 && isWordChar(text.at(begin - 1)))
        --begin;
    int end = col;
    while (end < text.size() && isWordChar(text.at(end)))
        ++end;
    // A name right after '.' is a field of a path, not a function.
    if (begin > 0 && (text.at(begin - 1) == QLatin1Char('.') || text.at(begin - 1) == QLatin1Char('$')))
        return {};
    const QString word = text.mid(begin, end - begin);
    const QString name = nameDoc(word, cursor.block().position() + begin);
    return name.isEmpty() ? functionDoc(word) : name;
}

bool CodeEditor::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPoint inViewport = viewport()->mapFromGlobal(help->globalPos());
        const QString text = hoverText(cursorForPosition(inViewport).position());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

} // namespace studio
