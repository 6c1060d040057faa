// The editor's completion: keywords (the lexer's), functions (the catalog's, with their
// signature while the arguments are typed), `let`/`table` names, source paths of the sample
// input after a dot, and target paths.

#include "codeeditor.h"
#include "utf8text.h"

#include "mdsl/catalog.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTextBlock>
#include <QToolTip>

namespace studio {

namespace {

/// The lexer's keywords: completion offers exactly the words the language reserves.
const QStringList& keywords()
{
    static const QStringList words = [] {
        QStringList list;
        for (const std::string_view word : mdsl::keywords())
            list.append(QString::fromUtf8(word.data(), qsizetype(word.size())));
        return list;
    }();
    return words;
}

QString signatureOf(const QString& name)
{
    const QByteArray utf8 = name.toUtf8();
    QStringList lines;
    for (const mdsl::CatalogEntry* e : mdsl::findFunctions(std::string_view(utf8.constData(), std::size_t(utf8.size()))))
        lines.append(fromStd(e->signature));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString CodeEditor::wordBeforeCursor(bool* afterDot) const
{
    const QTextCursor cursor = textCursor();
    const QString text = cursor.block().text();
    int begin = cursor.positionInBlock();
    while (begin > 0 && (isWordChar(text.at(begin - 1)) || text.at(begin - 1) == QLatin1Char('.')))
        --begin;
    const QString word = text.mid(begin, cursor.positionInBlock() - begin);
    *afterDot = word.startsWith(QLatin1Char('.'));
    return word;
}

void CodeEditor::setSourcePaths(const QStringList& paths)
{
    sourcePaths_ = paths;
}

void CodeEditor::updateCompletionModel(const QString& prefix, bool afterDot)
{
    completionModel_->clear();
    const auto add = [this](const QString& text, const QString& tip) {
        auto* item = new QStandardItem(text);
        item->setToolTip(tip);
        completionModel_->appendRow(item);
    };
    if (afterDot) {
        for (const QString& p : sourcePaths_)
            add(p, tr("Source path from the sample input"));
        return;
    }
    const QString text = toPlainText();
    const QTextCursor cursor = textCursor();
    const bool atLineStart = cursor.block().text().left(cursor.positionInBlock()).trimmed() == prefix;
    QSet<QString> seen;
    if (atLineStart) {
        // Target paths already written elsewhere in the mapping.
        static const QRegularExpression target(QStringLiteral("^[ \\t]*([A-Za-z_][A-Za-z0-9_.]*)(?:\\[\\])?\\s*(?:<-|\\{)"),
                                               QRegularExpression::MultilineOption);
        for (auto it = target.globalMatch(text); it.hasNext();) {
            const QString t = it.next().captured(1);
            if (t != prefix && !seen.contains(t)) {
                seen.insert(t);
                add(t, tr("Target path"));
            }
        }
    }
    static const QRegularExpression name(QStringLiteral("^[ \\t]*(?:let|table)[ \\t]+([A-Za-z_][A-Za-z0-9_]*)"),
                                         QRegularExpression::MultilineOption);
    for (auto it = name.globalMatch(text); it.hasNext();) {
        const QString n = it.next().captured(1);
        if (!seen.contains(n)) {
            seen.insert(n);
            add(n, tr("Name defined by let or table"));
        }
    }
    for (const std::string_view f : mdsl::functionNames()) {
        const QString n = fromStd(f);
        add(n, signatureOf(n));
    }
    for (const QString& k : keywords())
        add(k, tr("Keyword"));
}

void CodeEditor::complete()
{
    bool afterDot = false;
    const QString prefix = wordBeforeCursor(&afterDot);
    updateCompletionModel(prefix, afterDot);
    completer_->setCompletionPrefix(prefix);
    if (completer_->completionCount() == 0) {
        completer_->popup()->hide();
        return;
    }
    completer_->popup()->setCurrentIndex(completer_->completionModel()->index(0, 0));
    QRect rect = cursorRect();
    rect.translate(viewportMargins().left(), 0);
    rect.setWidth(completer_->popup()->sizeHintForColumn(0) + completer_->popup()->verticalScrollBar()->sizeHint().width() + 16);
    completer_->complete(rect);
}

void CodeEditor::insertCompletion(const QString& completion)
{
    bool afterDot = false;
    const QString prefix = wordBeforeCursor(&afterDot);
    QTextCursor cursor = textCursor();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(prefix.size()));
    const bool isFunction = !signatureOf(completion).isEmpty() && !afterDot;
    const QString next = cursor.block().text().mid(textCursor().positionInBlock(), 1);
    cursor.insertText(completion + (isFunction && next != QLatin1String("(") ? QStringLiteral("(") : QString()));
    setTextCursor(cursor);
    if (isFunction)
        showSignatureHelp();
}

void CodeEditor::showSignatureHelp()
{
    // The innermost unclosed call before the cursor, on this line.
    const QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    int depth = 0;
    for (int i = int(before.size()) - 1; i >= 0; --i) {
        const QChar c = before.at(i);
        if (c == QLatin1Char(')')) {
            ++depth;
        } else if (c == QLatin1Char('(')) {
            if (depth-- > 0)
                continue;
            int begin = i;
            while (begin > 0 && isWordChar(before.at(begin - 1)))
                --begin;
            const QString signature = signatureOf(before.mid(begin, i - begin));
            if (signature.isEmpty())
                break;
            QToolTip::showText(viewport()->mapToGlobal(cursorRect().bottomLeft()), signature, this);
            return;
        }
    }
    QToolTip::hideText();
}

} // namespace studio
