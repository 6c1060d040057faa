// The engine's JSON reader (mdsl::parseJson, engine/src/util/json_io.cpp) against
// nlohmann::json::parse, and its writer (appendJson) against dump().
// Invariants: both accept the same texts, give identical values (number types and member
// order included) or the same error, and appendJson writes the bytes dump() writes.

#include "fuzz_support.h"
#include "json_compare.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(mdsl::fuzz::asText(data, size));
    const std::string difference = mdsl::jsoncompare::compareParse(text);
    FUZZ_CHECK(difference.empty(), difference);
    return 0;
}
