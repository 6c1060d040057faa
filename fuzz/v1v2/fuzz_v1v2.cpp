// V1 against V2 on mapping texts from the fuzzer: whenever V1 accepts the text (a valid
// version 1 document), both engines run it on two fixed inputs and must agree on status,
// output, diagnostics, trace and counts. Mutated texts are rarely valid documents:
// fuzz/v1v2_generated makes valid ones from the fuzzer's bytes.

#include "fuzz_runs.h"

using namespace mdsl;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // The input fields the generator's documents read (docgen.h), in two shapes.
    static const Json inputs[] = {
        Json::parse(R"({"a": 1, "b": "x", "s": " Josè ", "n": null, "arr": [1, 2.5, "3", null],
                        "o": {"x": true, "y": [{"x": -1}]}, "u": 9223372036854775807})"),
        Json::parse(R"({"a": "1", "b": [], "s": "", "n": 0, "arr": {}, "o": null, "u": -0.0})"),
    };
    const std::string_view text = fuzz::asText(data, size);
    for (const Json& input : inputs)
        fuzz::checkEnginesAgree(text, input);
    return 0;
}
