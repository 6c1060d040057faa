// Benchmark (not a test): V1 against V2 on a version 1 mapping over order-like records.
// Prints records/s of each engine and the speed ratio V2/V1 (docs/benchmarks.md).
//   bench_v1_v2 [RECORDS] [ROUNDS]

#include "mdsl/engine.h"

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <vector>

using mdsl::Json;

namespace {

const char* const kMapping = R"(mapping "bench" version 1
table countries = { "FR": "France", "DE": "Germany", "IT": "Italy", "ES": "Spain" }
let vat = 0.2
order.id        <- .id
order.customer  <- upper(trim(.customer.name))
order.email     <- lower(.customer.email)
order.country   <- lookup(countries, .customer.country, "Unknown")
order.total     <- round(.amount * (1 + vat), 2)
order.discount  <- if(.amount > 100, round(.amount * 0.05, 2), 0)
order.label     <- concat(.customer.country, "-", to_string(.id))
order.first_sku <- upper(.items[0].sku)
order.items     <- length(.items)
order.note      <- default(.note, "none")
order.vip       <- .customer.vip and .amount >= 50
)";

Json record(int i)
{
    static const char* countries[] = {"FR", "DE", "IT", "ES", "PT"};
    Json items = Json::array();
    for (int k = 0; k < 1 + i % 6; ++k)
        items.push_back({{"sku", "sku-" + std::to_string(i * 7 + k)}, {"qty", k % 3}, {"price", 1.5 * (k + 1)}});
    Json r = {{"id", i},
              {"customer", {{"name", "  Customer " + std::to_string(i) + " "}, {"email", "C" + std::to_string(i) + "@Example.com"},
                            {"country", countries[i % 5]}, {"vip", i % 3 == 0}}},
              {"amount", 10.25 * (i % 40)},
              {"items", items},
              {"tags", {"t" + std::to_string(i % 4), "t" + std::to_string(i % 3)}}};
    if (i % 2)
        r["note"] = "n" + std::to_string(i);
    return r;
}

double secondsFor(const mdsl::CompiledMapping& mapping, const std::vector<Json>& records, std::size_t& checksum)
{
    // CPU time of this thread: on a shared machine wall time measures the neighbours.
    const mdsl::RunOptions options;
    const auto cpu = [] {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
    };
    const double start = cpu();
    for (const Json& r : records) {
        const mdsl::RunResult result = mdsl::run(mapping, r, options);
        checksum += result.output->size() + (result.status == mdsl::RunStatus::Ok ? 1 : 0);
    }
    return cpu() - start;
}

} // namespace

int main(int argc, char** argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
    std::vector<Json> records;
    records.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        records.push_back(record(i));
    const mdsl::CompiledMapping v1 = mdsl::compile(kMapping, mdsl::EngineKind::V1, mdsl::Flags());
    const mdsl::CompiledMapping v2 = mdsl::compile(kMapping, mdsl::EngineKind::V2, mdsl::Flags());
    if (!v1.ok() || !v2.ok()) {
        std::fprintf(stderr, "the benchmark mapping does not validate\n");
        return 2;
    }
    // Same outputs, or the comparison means nothing.
    for (int i = 0; i < std::min(count, 1000); ++i)
        if (mdsl::run(v1, records[static_cast<std::size_t>(i)], {}).output->dump()
            != mdsl::run(v2, records[static_cast<std::size_t>(i)], {}).output->dump()) {
            std::fprintf(stderr, "V1 and V2 disagree on record %d\n", i);
            return 1;
        }
    double best1 = 1e9, best2 = 1e9;
    std::size_t checksum = 0;
    for (int round = 0; round < rounds; ++round) {
        best1 = std::min(best1, secondsFor(v1, records, checksum));
        best2 = std::min(best2, secondsFor(v2, records, checksum));
    }
    std::printf("records: %d, best of %d rounds (checksum %zu)\n", count, rounds, checksum);
    std::printf("V1: %.3f s CPU, %.0f records/s\n", best1, count / best1);
    std::printf("V2: %.3f s CPU, %.0f records/s\n", best2, count / best2);
    std::printf("V2 speed-up over V1: %.2fx\n", best1 / best2);
    return 0;
}
