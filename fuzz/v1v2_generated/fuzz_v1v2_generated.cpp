// V1 against V2, structure-aware: the fuzzer's bytes are the decisions of the document and
// input generator the differential test uses (fuzz/common/docgen.h), so every input is a
// valid version 1 document and an input for it, and a mutation of a byte changes one
// decision. Both engines must agree on status, output, diagnostics, trace and counts.

#include "fuzz_runs.h"

using namespace mdsl;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    docgen::Generator<docgen::ByteSource> generator(docgen::ByteSource(data, size));
    const std::string text = generator.document();
    const Json input = generator.input();
    fuzz::checkEnginesAgree(text, input);
    return 0;
}
