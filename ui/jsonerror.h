#pragma once
// Why a JSON text is not JSON, in the interface language: the JSON parser's reason
// ("syntax error while parsing object key - unexpected '}'; expected string literal") worded
// for the user ("'}' where a string was expected"), words the parser does not say kept as it
// says them.

#include <QCoreApplication>
#include <QString>

namespace studio {

class JsonError {
    Q_DECLARE_TR_FUNCTIONS(studio::JsonError)

public:
    /// The reason of a parse error of the engine's JSON parser (mdsl::parseJson throws it as
    /// a Json::exception; its what() text, with or without its "[json.exception…] parse error
    /// at line 1, column 2: " head), worded in the interface language.
    [[nodiscard]] static QString reason(const QString& parserMessage);

private:
    /// A token as the parser names it ("string literal", "'}'", "end of input").
    [[nodiscard]] static QString tokenName(const QString& name);
    /// The lexer's own reasons: a malformed token.
    [[nodiscard]] static QString lexerReason(const QString& reason);
};

} // namespace studio
