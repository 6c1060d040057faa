#pragma once
// The one KSyntaxHighlighting repository of the studio, with the Mapping DSL definition that
// ships in the application's resources.

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QPalette>

namespace studio {

/// The process-wide repository (created on first use, lives until exit).
KSyntaxHighlighting::Repository& syntaxRepository();

/// The Mapping DSL definition from the application's resources (invalid if it failed to load).
KSyntaxHighlighting::Definition mappingDslDefinition();

/// The name of the Mapping DSL definition, as in resources/syntax/mapping-dsl.xml.
inline constexpr const char* kMappingDslDefinitionName = "Mapping DSL";

/// The editor theme for a palette: dark palettes get a dark theme.
KSyntaxHighlighting::Theme themeForPalette(const QPalette& palette);

} // namespace studio
