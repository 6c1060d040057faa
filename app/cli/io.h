#pragma once
// File and stream helpers shared by the commands.

#include <optional>
#include <string>

namespace cli {

/// Reads a whole file, or standard input for "-". On failure returns nullopt and sets error
/// to a one-line message naming the file.
std::optional<std::string> readText(const std::string& path, std::string& error);

/// Writes a whole file atomically (a temporary file renamed over the target).
bool writeTextAtomically(const std::string& path, const std::string& text, std::string& error);

/// Prints "mapping-dsl: <message>" on standard error.
void printError(const std::string& message);

} // namespace cli
