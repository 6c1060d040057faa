#pragma once
// The one KSyntaxHighlighting repository of the studio, with the Mapping DSL definition that
// ships in the application's resources.

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QPalette>

class QPlainTextEdit;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace studio {

/// The process-wide repository (created on first use, lives until exit).
KSyntaxHighlighting::Repository& syntaxRepository();

/// The Mapping DSL definition from the application's resources (invalid if it failed to load).
KSyntaxHighlighting::Definition mappingDslDefinition();

/// The name of the Mapping DSL definition, as in resources/syntax/mapping-dsl.xml.
inline constexpr const char* kMappingDslDefinitionName = "Mapping DSL";

/// The editor theme for a palette: dark palettes get a dark theme.
KSyntaxHighlighting::Theme themeForPalette(const QPalette& palette);

/// Gives a text view the theme of the application's palette: the highlighter's formats and
/// the view's background, text and selection colours. Returns the theme (invalid if none).
/// The application palette decides, not the view's own: that one holds the theme's colours.
KSyntaxHighlighting::Theme applyEditorTheme(QPlainTextEdit* view, KSyntaxHighlighting::SyntaxHighlighter* highlighter);

} // namespace studio
