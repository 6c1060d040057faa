#pragma once
// The service's log: one line per event on standard error (the journal under systemd), the
// access log one line per request on standard output. Lines are written whole, from any thread.

#include <string_view>

namespace cli::serve {

/// "mapping-dsl serve: <message>" on standard error.
void logLine(std::string_view message);
/// One access log line on standard output.
void accessLine(std::string_view line);

} // namespace cli::serve
