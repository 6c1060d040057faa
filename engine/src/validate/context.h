#pragma once
// Internal: what the validator's passes share — the text, its line index, the document's
// version, and the list the diagnostics go to.

#include "mdsl/ast.h"
#include "mdsl/diagnostic.h"
#include "mdsl/validate.h"

#include <string>
#include <string_view>
#include <vector>

namespace mdsl::validator {

/// What an expression is known to yield, as far as the validator can see without data.
enum class Shape { Unknown, Object, Array, Scalar };
Shape shapeOf(const ast::Expr& expr);

struct Context {
    std::string_view text;
    LineIndex index;
    const ValidateOptions& options;
    const ast::Document& document;
    int version = 1;
    /// Version and flag checks of features apply (off when the whole document is already
    /// refused, by E303 or E304: one error says it all).
    bool checkFeatures = true;
    std::vector<Diagnostic> diagnostics;

    Context(std::string_view t, const ValidateOptions& o, const ast::Document& d)
        : text(t), index(t), options(o), document(d)
    {
    }

    /// Adds a diagnostic of a registered code over a span; returns it for related locations
    /// and fixes.
    Diagnostic& report(std::string_view code, std::vector<std::string> args, Span span);
    [[nodiscard]] Range range(Span span) const { return index.range(span); }
    [[nodiscard]] std::string_view source(Span span) const { return text.substr(span.begin, span.size()); }

    /// Reports a version 2 feature (E301) when the document is version 1, or (E302) when the
    /// flag that enables it is off. `what` is its id in featureWordings() ("object-block",
    /// "function:split"); the message says it in words.
    void requireFeature(std::string_view what, Flag flag, Span span);
};

/// Names, calls, regular expressions and features (one walk with scopes).
void checkNamesAndCalls(Context& context);
/// Target conflicts and double writes.
void checkTargets(Context& context);

/// The catalog or scope name closest to `name` (edit distance at most 2, and less than half
/// its length), or empty.
std::string_view closestName(std::string_view name, const std::vector<std::string_view>& candidates);

} // namespace mdsl::validator
