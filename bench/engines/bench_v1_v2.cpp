// Benchmark: V1 against V2 on a version 1 mapping over order-like records (docs/benchmarks.md,
// "V1 against V2"). Two measures of the engines' own run time (run(), result freed outside):
//   - per record: both engines run the same record one after the other, in alternating order
//     from round to round, so that each also runs it with the record in cache, as a dry-run
//     does right after parsing it; each record's best time over the rounds, summed;
//   - sweep: each engine over all the records (not in cache: the records take more memory
//     than the caches), the best thread CPU time over the rounds; again with the per-rule
//     profile on (RunOptions::profile), for its cost.
//   bench_v1_v2 [RECORDS] [ROUNDS]

#include "mdsl/engine.h"

#include <algorithm>
#include <chrono>
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

double secondsFor(const mdsl::CompiledMapping& mapping, const std::vector<Json>& records, std::size_t& checksum,
                  bool profile = false)
{
    // CPU time of this thread: on a shared machine wall time measures the neighbours.
    mdsl::RunOptions options;
    options.profile = profile;   // the per-rule profile's cost (its target: at most 2x)
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

/// Per record: the best run time of each engine over the rounds, in nanoseconds.
struct PerRecord {
    std::vector<double> v1;
    std::vector<double> v2;
};

PerRecord perRecord(const mdsl::CompiledMapping& v1, const mdsl::CompiledMapping& v2, const std::vector<Json>& records,
                    int rounds, std::size_t& checksum)
{
    using Clock = std::chrono::steady_clock;
    const mdsl::RunOptions options;
    PerRecord best{std::vector<double>(records.size(), 1e30), std::vector<double>(records.size(), 1e30)};
    const auto timed = [&](const mdsl::CompiledMapping& mapping, const Json& record, double& slot) {
        const auto start = Clock::now();
        mdsl::RunResult result = mdsl::run(mapping, record, options);
        const auto end = Clock::now();
        slot = std::min(slot, static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(end - start).count()));
        checksum += result.stats.writes;
    };
    for (int round = 0; round < rounds; ++round) {
        for (std::size_t i = 0; i < records.size(); ++i) {
            if ((round + static_cast<int>(i)) % 2 == 0) {
                timed(v1, records[i], best.v1[i]);
                timed(v2, records[i], best.v2[i]);
            } else {
                timed(v2, records[i], best.v2[i]);
                timed(v1, records[i], best.v1[i]);
            }
        }
    }
    return best;
}

double sum(const std::vector<double>& values)
{
    double total = 0;
    for (const double value : values)
        total += value;
    return total;
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
    std::size_t checksum = 0;
    const PerRecord hot = perRecord(v1, v2, records, rounds, checksum);
    double best1 = 1e9, best2 = 1e9, profiled1 = 1e9, profiled2 = 1e9;
    for (int round = 0; round < rounds; ++round) {
        best1 = std::min(best1, secondsFor(v1, records, checksum));
        best2 = std::min(best2, secondsFor(v2, records, checksum));
        profiled1 = std::min(profiled1, secondsFor(v1, records, checksum, true));
        profiled2 = std::min(profiled2, secondsFor(v2, records, checksum, true));
    }
    const double hot1 = sum(hot.v1) / count * 1e-3, hot2 = sum(hot.v2) / count * 1e-3;
    std::printf("records: %d, rounds: %d (checksum %zu)\n", count, rounds, checksum);
    std::printf("per record, in cache:   V1 %.2f us, V2 %.2f us per run: V2 %.2fx faster\n", hot1, hot2, hot1 / hot2);
    std::printf("sweep, out of cache:    V1 %.3f s CPU (%.2f us), V2 %.3f s CPU (%.2f us): V2 %.2fx faster\n", best1,
                best1 / count * 1e6, best2, best2 / count * 1e6, best1 / best2);
    std::printf("sweep with --profile:   V1 %.2f us (%.2fx), V2 %.2f us (%.2fx) per run\n", profiled1 / count * 1e6,
                profiled1 / best1, profiled2 / count * 1e6, profiled2 / best2);
    return 0;
}
