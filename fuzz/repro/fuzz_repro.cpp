// The repro bundle reader (mdsl::parseRepro): the files support staff are sent are untrusted.
// Invariants: it never throws and gives a bundle or one line of error, never both; the error
// and its JSON Pointer are UTF-8; a bundle it accepts, written by writeRepro(), reads back as
// the same bundle.

#include "fuzz_support.h"

#include "mdsl/repro.h"

using namespace mdsl;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const ReproParse parsed = parseRepro(fuzz::asText(data, size));
    FUZZ_CHECK(parsed.bundle.has_value() == parsed.error.empty(), parsed.error);
    if (!parsed.bundle) {
        FUZZ_CHECK(parsed.error.find('\n') == std::string::npos, parsed.error);
        FUZZ_CHECK(fuzz::isUtf8(parsed.error) && fuzz::isUtf8(parsed.pointer), parsed.error);
        return 0;
    }
    const std::string written = writeRepro(*parsed.bundle);
    const ReproParse back = parseRepro(written);
    FUZZ_CHECK(back.bundle, "the written bundle does not read back: " + back.error + "\n" + written);
    FUZZ_CHECK(reproToJson(*back.bundle) == reproToJson(*parsed.bundle), written);
    return 0;
}
