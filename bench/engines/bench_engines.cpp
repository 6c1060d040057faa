// Helpers of the engines benchmark (scripts/bench-engines, docs/benchmarks.md "Engines"):
//   bench_engines generate N SEED   prints N seeded order-like records as NDJSON
//   bench_engines reserialize       parses each NDJSON line of stdin and prints it again:
//                                   the floor a batch dry-run is compared with

#include "mdsl/json.h"

#include <cstdio>
#include <iostream>
#include <random>
#include <string>

namespace {

int generate(long count, unsigned seed)
{
    static const char* const first[] = {"alice", "bob", "chloe", "david", "emma", "farid", "gina", "hugo"};
    static const char* const last[] = {"martin", "bernard", "dubois", "thomas", "robert", "richard"};
    static const char* const countries[] = {"FR", "DE", "IT", "ES", "US", "BE", "CH"};
    static const char* const cities[] = {"Paris", "Lyon", "Berlin", "Rome", "Madrid", "Boston"};
    static const char* const tags[] = {"gift", "express", "fragile", "b2b", "promo", "eco", "vip"};
    std::mt19937 rng(seed);
    const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    std::string line;
    for (long id = 1; id <= count; ++id) {
        // ASCII names keep jq's ascii_upcase equal to the DSL's Unicode upper().
        std::string name = std::string(pick(3) == 0 ? "  " : "") + first[pick(8)] + " "
            + last[pick(6)] + (pick(4) == 0 ? " " : "");
        mdsl::Json order = {
            {"id", id},
            {"customer",
             {{"name", name},
              {"country", countries[pick(7)]},
              {"address", {{"line1", std::to_string(1 + pick(200)) + " main street"}, {"city", cities[pick(6)]}}}}},
            {"amount", pick(100000) / 100.0},
        };
        mdsl::Json items = mdsl::Json::array();
        for (int i = 1 + pick(6); i > 0; --i)
            items.push_back({{"sku", "SKU-" + std::to_string(1000 + pick(9000))}, {"qty", pick(6)}, {"price", pick(10000) / 100.0}});
        order["items"] = std::move(items);
        mdsl::Json t = mdsl::Json::array();
        for (int i = pick(5); i > 0; --i)
            t.push_back(tags[pick(7)]);
        order["tags"] = std::move(t);
        line = order.dump();
        line += '\n';
        std::fwrite(line.data(), 1, line.size(), stdout);
    }
    return 0;
}

int reserialize()
{
    std::ios::sync_with_stdio(false);
    std::string line;
    std::string out;
    while (std::getline(std::cin, line)) {
        out = mdsl::Json::parse(line).dump();
        out += '\n';
        std::fwrite(out.data(), 1, out.size(), stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "generate" && argc == 4)
        return generate(std::stol(argv[2]), static_cast<unsigned>(std::stoul(argv[3])));
    if (mode == "reserialize" && argc == 2)
        return reserialize();
    std::cerr << "usage: bench_engines generate N SEED | bench_engines reserialize < records.ndjson\n";
    return 2;
}
