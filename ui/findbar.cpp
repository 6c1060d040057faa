#include "findbar.h"

#include "codeeditor.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTextBlock>
#include <QToolButton>

namespace studio {

FindBar::FindBar(CodeEditor* editor, QWidget* parent)
    : QWidget(parent)
    , editor_(editor)
    , find_(new QLineEdit(this))
    , replace_(new QLineEdit(this))
    , caseSensitive_(new QCheckBox(this))
    , previous_(new QToolButton(this))
    , next_(new QToolButton(this))
    , replaceOne_(new QToolButton(this))
    , replaceAll_(new QToolButton(this))
    , close_(new QToolButton(this))
    , count_(new QLabel(this))
{
    previous_->setArrowType(Qt::UpArrow);
    next_->setArrowType(Qt::DownArrow);
    close_->setText(QStringLiteral("✕"));
    find_->setClearButtonEnabled(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(find_, 2);
    layout->addWidget(previous_);
    layout->addWidget(next_);
    layout->addWidget(caseSensitive_);
    layout->addWidget(count_);
    layout->addWidget(replace_, 2);
    layout->addWidget(replaceOne_);
    layout->addWidget(replaceAll_);
    layout->addWidget(close_);

    connect(find_, &QLineEdit::textChanged, this, &FindBar::updateMatches);
    connect(find_, &QLineEdit::returnPressed, this, [this] { findNext(); });
    connect(replace_, &QLineEdit::returnPressed, this, &FindBar::replaceCurrent);
    connect(caseSensitive_, &QCheckBox::toggled, this, &FindBar::updateMatches);
    connect(previous_, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(next_, &QToolButton::clicked, this, [this] { findNext(); });
    connect(replaceOne_, &QToolButton::clicked, this, &FindBar::replaceCurrent);
    connect(replaceAll_, &QToolButton::clicked, this, &FindBar::replaceAll);
    connect(close_, &QToolButton::clicked, this, &FindBar::closeBar);
    connect(editor_, &QPlainTextEdit::textChanged, this, [this] {
        if (isVisible())
            updateMatches();
    });
    retranslate();
    hide();
}

void FindBar::showFind()
{
    const QString selected = editor_->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        find_->setText(selected);
    replace_->hide();
    replaceOne_->hide();
    replaceAll_->hide();
    show();
    find_->setFocus();
    find_->selectAll();
    updateMatches();
}

void FindBar::showReplace()
{
    showFind();
    replace_->show();
    replaceOne_->show();
    replaceAll_->show();
}

QList<QPair<int, int>> FindBar::matches() const
{
    QList<QPair<int, int>> out;
    const QString needle = find_->text();
    if (needle.isEmpty())
        return out;
    const QString text = editor_->toPlainText();
    const Qt::CaseSensitivity cs = caseSensitive_->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    for (qsizetype i = text.indexOf(needle, 0, cs); i >= 0 && out.size() < 10000; i = text.indexOf(needle, i + needle.size(), cs))
        out.append({int(i), int(i + needle.size())});
    return out;
}

void FindBar::updateMatches()
{
    const auto found = isVisible() ? matches() : QList<QPair<int, int>>();
    editor_->setSearchMatches(found);
    count_->setText(find_->text().isEmpty() ? QString() : tr("Matches: %1").arg(found.size()));
}

bool FindBar::findNext(bool backward)
{
    const QString needle = find_->text();
    if (needle.isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backward)
        flags |= QTextDocument::FindBackward;
    if (caseSensitive_->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    QTextCursor found = editor_->document()->find(needle, editor_->textCursor(), flags);
    if (found.isNull()) {
        // Wrap around.
        QTextCursor start(editor_->document());
        if (backward)
            start.movePosition(QTextCursor::End);
        found = editor_->document()->find(needle, start, flags);
    }
    if (found.isNull())
        return false;
    editor_->setTextCursor(found);
    editor_->centerCursor();
    return true;
}

void FindBar::replaceCurrent()
{
    QTextCursor cursor = editor_->textCursor();
    const Qt::CaseSensitivity cs = caseSensitive_->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    if (cursor.hasSelection() && cursor.selectedText().compare(find_->text(), cs) == 0)
        cursor.insertText(replace_->text());
    findNext();
}

int FindBar::replaceAll()
{
    const auto found = matches();
    if (found.isEmpty())
        return 0;
    QTextCursor cursor(editor_->document());
    cursor.beginEditBlock();
    // From the end, so earlier positions stay valid.
    for (auto it = found.crbegin(); it != found.crend(); ++it) {
        cursor.setPosition(it->first);
        cursor.setPosition(it->second, QTextCursor::KeepAnchor);
        cursor.insertText(replace_->text());
    }
    cursor.endEditBlock();
    return int(found.size());
}

void FindBar::closeBar()
{
    hide();
    editor_->setSearchMatches({});
    editor_->setFocus();
}

void FindBar::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        closeBar();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && (event->modifiers() & Qt::ShiftModifier)) {
        findNext(true);
        return;
    }
    QWidget::keyPressEvent(event);
}

void FindBar::retranslate()
{
    find_->setPlaceholderText(tr("Find"));
    replace_->setPlaceholderText(tr("Replace with"));
    caseSensitive_->setText(tr("Match case"));
    previous_->setToolTip(tr("Previous match (Shift+Enter)"));
    next_->setToolTip(tr("Next match (Enter)"));
    replaceOne_->setText(tr("Replace"));
    replaceAll_->setText(tr("Replace All"));
    close_->setToolTip(tr("Close (Esc)"));
    updateMatches();
}

void FindBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace studio
