#pragma once
// Diagnostics as data: what the validator, the engines and the flag loader report.
// The English message is for logs and the command line; the code and the arguments let
// the studio show the message in the user's language.

#include "mdsl/source.h"

#include <string>
#include <vector>

namespace mdsl {

enum class Severity { Error, Warning, Info };

/// "error", "warning" or "info".
std::string_view severityName(Severity severity) noexcept;

/// A replacement of a range of the document by new text.
struct TextEdit {
    Range range;
    std::string newText;

    friend bool operator==(const TextEdit&, const TextEdit&) = default;
};

/// A named set of edits that resolves a diagnostic, e.g. "add `version 2` to the header".
struct Fix {
    std::string title;                ///< English text, arguments substituted
    std::vector<TextEdit> edits;
    std::string id;                   ///< stable id of the wording (fixMessages() in mdsl/report.h)
    std::vector<std::string> args;    ///< the wording's arguments, in order ({0}, {1}, ...)

    friend bool operator==(const Fix&, const Fix&) = default;
};

/// Another place that explains a diagnostic, e.g. the first write of a target written twice.
struct RelatedLocation {
    Range range;
    std::string message;              ///< English text, arguments substituted
    std::string id;                   ///< stable id of the wording (relatedMessages() in mdsl/report.h)
    std::vector<std::string> args;    ///< the wording's arguments, in order ({0}, {1}, ...)

    friend bool operator==(const RelatedLocation&, const RelatedLocation&) = default;
};

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;                 ///< stable code: E1xx syntax, E2xx names/types/targets, E3xx version/flags, E4xx runtime, Wxxx warnings
    std::string message;              ///< English text, arguments substituted
    std::vector<std::string> args;    ///< the message's arguments, in order ({0}, {1}, ...)
    Range range;
    std::vector<RelatedLocation> related;
    std::vector<Fix> fixes;
    /// The id of the message's wording (messageWordings() in mdsl/report.h, "E410.operands")
    /// when the code has several or its arguments hold phrase ids; empty: the code's pattern.
    std::string wording;

    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// Substitutes {0}, {1}, ... in an English message template.
std::string formatMessage(std::string_view pattern, const std::vector<std::string>& args);

/// True when any diagnostic is an error.
bool hasErrors(const std::vector<Diagnostic>& diagnostics) noexcept;

} // namespace mdsl
