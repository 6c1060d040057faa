// A dry-run of fixed mappings (the bundled examples: a V2 showcase with containers, JSONPath
// and array operations, and a V1 mapping) over a fuzzed input document, through production's
// routing (V2-routed with fallback, and V1-only).
// Invariants: an input that is JSON never makes a valid mapping invalid (but for V1's refusal
// of a version 2 document when V2 fails and falls back); the run limits stop
// every run (libFuzzer's -timeout catches one they miss); results pass checkResult; on the
// version 1 mapping V1 and V2 agree.

#include "fuzz_runs.h"

#include "mdsl/flags.h"

using namespace mdsl;

namespace {

struct Fixture {
    std::string text;
    PreparedMapping routed;
    PreparedMapping v1Only;
    bool version1;
};

std::vector<Fixture> makeFixtures()
{
    std::vector<Fixture> fixtures;
    for (const char* name : { "order-export.mdsl", "customer-v2.mdsl", "customer-v1.mdsl" }) {
        std::string text = fuzz::readSourceFile(std::string("resources/examples/") + name);
        PreparedMapping routed = prepare(text, Route::V2Routed, Flags());
        PreparedMapping v1Only = prepare(text, Route::V1Only, Flags());
        FUZZ_CHECK(routed.primary().ok(), name);
        const bool version1 = v1Only.primary().ok();
        fixtures.push_back({ std::move(text), std::move(routed), std::move(v1Only), version1 });
    }
    return fixtures;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::vector<Fixture> fixtures = makeFixtures();
    Json input;
    try {
        input = parseJson(fuzz::asText(data, size));
    } catch (const Json::exception&) {
        return 0; // not JSON: the reader's own harness covers that
    }
    const RunOptions options = fuzz::fuzzRunOptions(true);
    for (const Fixture& fixture : fixtures) {
        const RunResult routed = dryRun(fixture.routed, input, options);
        fuzz::checkResult(routed, fixture.text);
        // Invalid only when V2 failed and V1, the fallback, refuses a version 2 document.
        FUZZ_CHECK(routed.status != RunStatus::Invalid || routed.fallback,
            toJson(routed).dump(-1, ' ', false, Json::error_handler_t::replace));
        if (fixture.version1) {
            fuzz::checkResult(dryRun(fixture.v1Only, input, options), fixture.text);
            fuzz::checkEnginesAgree(fixture.text, input);
        }
    }
    return 0;
}
