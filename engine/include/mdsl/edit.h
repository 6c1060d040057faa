#pragma once
// Edits of a mapping's text computed from intentions, for the studio's visual mapping: the
// text stays the single source of truth and every gesture becomes one text edit.
//
// Paths of the input are written as field paths: `$` then `.name` (an identifier),
// `["e-mail"]` (any other name) and `[*]` (the elements of an array), e.g. `$.items[*].sku`.
// A leading `.` instead of `$` means the same (`.customer.name`). Targets are JSON Pointers as
// the lineage writes them: `/order/id`, `/order/lines/*/sku` (inside an array block), `` (the
// root).

#include "mdsl/diagnostic.h"
#include "mdsl/fieldpath.h"
#include "mdsl/flags.h"

#include <string>
#include <string_view>

namespace mdsl {

/// Why createRule() created nothing.
enum class RuleProblem {
    None,
    SyntaxErrors,        ///< the text has syntax errors
    NotAFieldPath,       ///< the source is not a field path
    NoField,             ///< the source is the whole input, which names no rule
    NotAContainer,       ///< the target is under a value or the elements marker
    NeedsJsonPath,       ///< the path needs JSONPath, which the document cannot use
    OuterElement,        ///< the field is in the element of an enclosing array block and cannot be read
                         ///< by its name there (version 1, or mapping_dsl_v2_new_ops off)
};

/// The result of createRule().
struct RuleCreation {
    bool ok = false;
    RuleProblem problem = RuleProblem::None;
    std::string error;        ///< why nothing can be created (English), when !ok
    TextEdit edit;            ///< the one edit to apply to the original text
    std::string text;         ///< the whole text after the edit
    Span rule;                ///< the created or changed rule, in `text`
    std::string target;       ///< the target the rule writes, as a JSON Pointer
    bool replaced = false;    ///< an existing rule's expression was replaced
};

/// The edit that maps the input field `sourcePath` to `targetPointer`:
/// - `targetPointer` is the target of an existing rule: that rule's expression is replaced
///   by the path (dropping a field on a target re-maps it; undo gives the old one back);
/// - it is a block (`/order/shipping`, `/order/lines` or `/order/lines/*`), an object the
///   mapping writes through dotted targets (`/order`, the only kind in version 1) or the root
///   (``): a rule `name <- path` is added there, named after the field's last name, with
///   `_2`, `_3`... when that name is taken. It goes after the last rule of that block that
///   writes under the same object, else at the end of the block.
/// The path is written relative to the context: inside an array block whose elements hold
/// the field, relative to the element (`.sku`); elsewhere as a simple path from the root
/// (`.customer.name`), or as a JSONPath query (`$.items[*].sku`, `$.id` inside an array
/// block) when it needs one, which version 2 with the JSONPath flag allows. A field of the
/// element of an enclosing array block (not the innermost) is read through that block's `as`
/// name (`order.id`; from the root it would read every element's field); a block without one
/// gets it in the same edit (`each .orders as order {`, a name the document does not use).
/// That needs version 2 and mapping_dsl_v2_new_ops; without them such a field is refused.
/// When the text was formatted, the result is formatted as well (the group's `<-` realigned);
/// otherwise only the new line is written, indented for its block. A text with syntax
/// errors, an unknown target or a path that cannot be written give ok = false.
RuleCreation createRule(std::string_view text, const FieldPath& sourcePath, std::string_view targetPointer,
                        const Flags& flags);
/// The same with the field path written as text (parseFieldPath()).
RuleCreation createRule(std::string_view text, std::string_view sourcePath, std::string_view targetPointer,
                        const Flags& flags);

} // namespace mdsl
