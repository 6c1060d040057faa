// The editor's completion: keywords (the lexer's), functions (the catalog's, with their
// signature while the arguments are typed), the names visible at the cursor and the targets
// written (both from the engine's analysis), source paths of the sample input after a dot,
// and after `name.` what that name holds (an element's fields, a table's rows).

#include "codeeditor.h"
#include "signaturehelp.h"
#include "utf8text.h"

#include "mdsl/catalog.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHeaderView>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTextBlock>
#include <QTreeView>

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

/// A function's line in the completion list: its parameters and result, then its summary.
QString functionDetail(std::string_view name)
{
    const auto entries = mdsl::findFunctions(name);
    if (entries.empty())
        return {};
    QString signature = fromStd(entries.front()->signature);
    signature.remove(0, qsizetype(name.size()));
    if (entries.size() > 1)
        signature += QLatin1Char(' ') + CodeEditor::tr("(overloads: %1)").arg(entries.size());
    return signature + QStringLiteral(" — ") + fromStd(entries.front()->summary);
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

void CodeEditor::setAnalysis(std::optional<mdsl::Analysis> analysis)
{
    analysis_ = std::move(analysis);
}

std::vector<mdsl::ScopeName> CodeEditor::namesAtCursor(int position) const
{
    if (!analysis_)
        return {};
    // The analysis may be of the text a keystroke ago: the cursor's line and column, as the
    // engine counts them (code points), are close enough to find the scope it is in. Nothing
    // but the cursor's line is read (no copy of the document on each hover).
    QTextCursor cursor(document());
    cursor.setPosition(position >= 0 ? position : textCursor().position());
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const int column = int(before.toUcs4().size()) + 1;
    return analysis_->namesAt(analysis_->lines().offset(cursor.blockNumber() + 1, column));
}

QString CodeEditor::nameDoc(const QString& word, int position) const
{
    for (const mdsl::ScopeName& name : namesAtCursor(position)) {
        if (fromStd(name.name) != word)
            continue;
        QString what = name.kind == mdsl::NameKind::Table     ? tr("table <b>%1</b>").arg(word)
                       : name.kind == mdsl::NameKind::Element ? tr("<b>%1</b>: the element of an array block").arg(word)
                                                              : tr("let <b>%1</b>").arg(word);
        QStringList facts;
        if (name.field)
            facts << tr("reads %1").arg(fromStd(name.field->text()).toHtmlEscaped());
        if (!name.keys.empty()) {
            QStringList keys;
            for (const std::string& key : name.keys)
                keys << fromStd(key).toHtmlEscaped();
            facts << tr("keys: %1").arg(keys.join(QStringLiteral(", ")));
        }
        facts << tr("defined on line %1").arg(name.definition.start.line);
        return QStringLiteral("<p>%1</p><p>%2</p>").arg(what, facts.join(QStringLiteral(" · ")));
    }
    return {};
}

namespace {

/// A field path as the sample input's paths write it: `.orders[0]` for `$.orders[*]`.
QString samplePathOf(const mdsl::FieldPath& field)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QString out;
    for (const mdsl::FieldStep& step : field.steps) {
        if (step.isElements()) {
            out += QStringLiteral("[0]");
            continue;
        }
        const QString name = fromStd(step.name);
        out += QLatin1Char('.') + (identifier.match(name).hasMatch() ? name : QLatin1Char('"') + name + QLatin1Char('"'));
    }
    return out;
}

} // namespace

void CodeEditor::addNameCompletions(const QString& prefix)
{
    const QString base = prefix.section(QLatin1Char('.'), 0, 0);
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    for (const mdsl::ScopeName& name : namesAtCursor()) {
        if (fromStd(name.name) != base)
            continue;
        const auto add = [this](const QString& text, const QString& detail) { addCompletion(text, detail); };
        for (const std::string& key : name.keys) {
            const QString k = fromStd(key);
            add(base + QLatin1Char('.') + (identifier.match(k).hasMatch() ? k : QLatin1Char('"') + k + QLatin1Char('"')),
                name.kind == mdsl::NameKind::Table ? tr("Row of the table %1").arg(base) : tr("Key of %1").arg(base));
        }
        if (!name.field)
            return;
        // The sample input's fields under what the name holds.
        const QString under = samplePathOf(*name.field);
        for (const QString& path : sourcePaths_)
            if (path.startsWith(under + QLatin1Char('.')) || path.startsWith(under + QLatin1Char('[')))
                add(base + path.mid(under.size()), tr("Field of %1 in the sample input").arg(base));
        return;
    }
}

void CodeEditor::addCompletion(const QString& text, const QString& detail, const QString& tip)
{
    auto* item = new QStandardItem(text);
    auto* what = new QStandardItem(detail);
    item->setToolTip(tip.isEmpty() ? detail : tip);
    what->setToolTip(tip.isEmpty() ? detail : tip);
    what->setForeground(palette().color(QPalette::PlaceholderText));
    completionModel_->appendRow({item, what});
}

QString CodeEditor::nameDetail(const mdsl::ScopeName& name) const
{
    QStringList facts;
    facts << (name.kind == mdsl::NameKind::Table     ? tr("table")
              : name.kind == mdsl::NameKind::Element ? tr("element of an array block")
                                                     : tr("defined by let"));
    if (name.field)
        facts << tr("reads %1").arg(fromStd(name.field->text()));
    if (!name.keys.empty()) {
        QStringList keys;
        for (const std::string& key : name.keys)
            keys << fromStd(key);
        facts << tr("keys: %1").arg(keys.join(QStringLiteral(", ")));
    }
    return facts.join(QStringLiteral(" · "));
}

void CodeEditor::updateCompletionModel(const QString& prefix, bool afterDot)
{
    completionModel_->clear();
    if (afterDot) {
        for (const QString& p : sourcePaths_)
            addCompletion(p, tr("field of the sample input"));
        return;
    }
    if (prefix.contains(QLatin1Char('.'))) {
        addNameCompletions(prefix);
        return;
    }
    const QTextCursor cursor = textCursor();
    const bool atLineStart = cursor.block().text().left(cursor.positionInBlock()).trimmed() == prefix;
    QSet<QString> seen;
    if (atLineStart && analysis_) {
        // Targets already written elsewhere in the mapping, as written.
        for (const mdsl::OutlineEntry& entry : analysis_->outline()) {
            const QString t = fromStd(entry.name);
            const bool target = entry.kind == mdsl::OutlineKind::Rule || entry.kind == mdsl::OutlineKind::ObjectBlock ||
                                entry.kind == mdsl::OutlineKind::ArrayBlock;
            if (target && t != prefix && !seen.contains(t)) {
                seen.insert(t);
                addCompletion(t, tr("target written on line %1").arg(entry.range.start.line));
            }
        }
    }
    for (const mdsl::ScopeName& visible : namesAtCursor()) {
        const QString n = fromStd(visible.name);
        if (seen.contains(n))
            continue;
        seen.insert(n);
        addCompletion(n, nameDetail(visible));
    }
    for (const std::string_view f : mdsl::functionNames())
        addCompletion(fromStd(f), functionDetail(f), signatureOf(fromStd(f)));
    for (const QString& k : keywords())
        addCompletion(k, tr("keyword"));
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
    // The names in full; the details as far as a readable width allows (elided, whole in the
    // tooltip).
    const int names = completer_->popup()->sizeHintForColumn(0) + 24;
    const int details = qMin(completer_->popup()->sizeHintForColumn(1), fontMetrics().averageCharWidth() * 70);
    completionPopup_->setColumnWidth(0, names);
    rect.setWidth(names + details + completionPopup_->verticalScrollBar()->sizeHint().width() + 8);
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
    // The text before the cursor, as far back as a call's arguments go.
    const QTextCursor cursor = textCursor();
    QTextCursor before(document());
    before.setPosition(qMax(0, cursor.position() - 4000));
    before.setPosition(cursor.position(), QTextCursor::KeepAnchor);
    const QString text = before.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    signatureHelp_->showFor(openCallAt(text), cursorRect().translated(viewport()->pos()));
}

} // namespace studio
