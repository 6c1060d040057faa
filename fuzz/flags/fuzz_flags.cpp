// The production flag file (YAML, mdsl::parseFlags).
// Invariants: it never throws; its diagnostics pass the common checks (UTF-8, ranges inside
// the file, the report writers); what writeFlags() writes reads back as the same flags,
// without a diagnostic.

#include "fuzz_support.h"

#include "mdsl/flags.h"

using namespace mdsl;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = fuzz::asText(data, size);
    const FlagsFile file = parseFlags(text);
    fuzz::checkDiagnostics(file.diagnostics, text);

    const std::string written = writeFlags(file.flags);
    const FlagsFile back = parseFlags(written);
    FUZZ_CHECK(back.diagnostics.empty() && back.flags == file.flags, written);
    return 0;
}
