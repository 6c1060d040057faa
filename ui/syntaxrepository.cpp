#include "syntaxrepository.h"

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

} // namespace studio
