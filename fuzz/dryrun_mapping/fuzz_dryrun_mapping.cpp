// A dry-run of a fuzzed mapping over a fixed input (the order example's), through production's
// routing: V2-routed (V1 fallback on) and V1-only, as `mapping-dsl dry-run` and `compile` do.
// Invariants: the run limits stop every run (libFuzzer's -timeout catches one they miss);
// results pass checkResult; the compiled plan or tree serializes.

#include "fuzz_runs.h"

#include "mdsl/flags.h"

using namespace mdsl;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const Json input = parseJson(fuzz::readSourceFile("resources/examples/order-export.input.json"));
    const std::string_view text = fuzz::asText(data, size);
    // Half the inputs with a trace, so that the recorder is fuzzed too.
    const RunOptions options = fuzz::fuzzRunOptions(size % 2 == 0);
    for (const Route route : { Route::V2Routed, Route::V1Only }) {
        const PreparedMapping prepared = prepare(text, route, Flags());
        std::string error;
        FUZZ_CHECK(fuzz::serializes(prepared.primary().planJson(), &error), "compile: " + error);
        fuzz::checkResult(dryRun(prepared, input, options), text);
    }
    return 0;
}
