#pragma once
// JSON documents as the preview shows them: pretty-printed two spaces deep, with the lines
// each value occupies, so a JSON Pointer from a patch can be highlighted in the text.

#include "mdsl/json.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace studio {

struct RenderedJson {
    QString text;
    /// JSON Pointer -> [first line, last line] (0-based) of the value at that pointer.
    QHash<QString, QPair<int, int>> lines;
};

/// Pretty-prints a document and records where each value is.
RenderedJson renderJson(const mdsl::Json& json);

/// The value at a JSON Pointer as short text (empty, *present false, when absent).
QString describeAt(const mdsl::Json* document, const QString& pointer, bool* present = nullptr);

/// The paths of the sample input as completion candidates, ".customer.name", breadth first,
/// at most `limit` of them (a large input must not flood the list). Arrays contribute their
/// first element's fields under "[0]".
QStringList sourcePaths(const mdsl::Json& input, int limit = 2000);

} // namespace studio
