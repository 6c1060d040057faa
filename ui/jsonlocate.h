#pragma once
// From a line of a pretty-printed JSON text (renderJson: two spaces per level, one member or
// element per line) back to the JSON Pointer of the value on it: what a hover over an output
// view asks about. Walks up the lines by their indentation, without recursion, without
// parsing the text and without copying its lines; the preview does it off the UI thread.

#include <QString>

#include <optional>

namespace studio {

class LargeText;

/// The JSON Pointer of the value on line `line` (0-based) of `text` ("" for the root; a
/// closing bracket's line names its container), or nothing when the line holds no value or
/// more than `budget` lines would have to be read.
std::optional<QString> pointerAtLine(const LargeText& text, int line, int budget = 8'000'000);

} // namespace studio
