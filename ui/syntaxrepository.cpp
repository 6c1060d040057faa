#include "syntaxrepository.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QApplication>
#include <QPlainTextEdit>

namespace studio {

KSyntaxHighlighting::Repository& syntaxRepository()
{
    static KSyntaxHighlighting::Repository repository;
    return repository;
}

KSyntaxHighlighting::Definition mappingDslDefinition()
{
    return syntaxRepository().definitionForName(QString::fromLatin1(kMappingDslDefinitionName));
}

KSyntaxHighlighting::Theme themeForPalette(const QPalette& palette)
{
    return syntaxRepository().themeForPalette(palette);
}

KSyntaxHighlighting::Theme applyEditorTheme(QPlainTextEdit* view, KSyntaxHighlighting::SyntaxHighlighter* highlighter)
{
    const KSyntaxHighlighting::Theme theme = themeForPalette(QApplication::palette());
    if (!theme.isValid())
        return theme;
    if (highlighter->theme().name() != theme.name()) {
        highlighter->setTheme(theme);
        if (highlighter->document())
            highlighter->rehighlight();
    }
    using T = KSyntaxHighlighting::Theme;
    QPalette pal = view->palette();
    pal.setColor(QPalette::Base, QColor::fromRgba(theme.editorColor(T::BackgroundColor)));
    pal.setColor(QPalette::Text, QColor::fromRgba(theme.textColor(T::Normal)));
    pal.setColor(QPalette::Highlight, QColor::fromRgba(theme.editorColor(T::TextSelection)));
    // Setting the palette re-enters the view's changeEvent; the theme is the same, so it settles.
    if (pal != view->palette())
        view->setPalette(pal);
    return theme;
}

} // namespace studio
