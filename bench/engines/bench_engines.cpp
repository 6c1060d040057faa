// Helpers of the engines benchmark (scripts/bench-engines, docs/benchmarks.md "Engines"):
//   bench_engines generate N SEED   prints N seeded order-like records as NDJSON
//   bench_engines reserialize [--fast]   parses each NDJSON line of stdin and prints it again
//                                   (Json::parse and dump(); --fast: the engine's own reader
//                                   and writer, parseJson and appendJson): the floor a batch
//                                   dry-run is compared with
//   bench_engines phases FILE [v1|v2] where a batch dry-run's time goes, per record, over the
//                                   NDJSON lines of stdin: parse, run, print, free
//   bench_engines runs FILE [v1|v2] [ROUNDS]   the engine's runs alone, ROUNDS times over the
//                                   records (for a profiler)

#include "mdsl/engine.h"
#include "mdsl/json.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
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

int reserialize(bool fast)
{
    std::ios::sync_with_stdio(false);
    std::string line;
    std::string out;
    while (std::getline(std::cin, line)) {
        if (fast) {
            out.clear();
            mdsl::appendJson(out, mdsl::parseJson(line));
        } else {
            out = mdsl::Json::parse(line).dump();
        }
        out += '\n';
        std::fwrite(out.data(), 1, out.size(), stdout);
    }
    return 0;
}

double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

std::optional<mdsl::CompiledMapping> compileFile(const std::string& path, const std::string& engine)
{
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    mdsl::CompiledMapping mapping
        = mdsl::compile(text.str(), engine == "v1" ? mdsl::EngineKind::V1 : mdsl::EngineKind::V2, mdsl::Flags());
    if (!mapping.ok()) {
        std::cerr << "the mapping does not validate\n";
        return std::nullopt;
    }
    return mapping;
}

int runs(const std::string& mappingPath, const std::string& engine, int rounds)
{
    const std::optional<mdsl::CompiledMapping> mapping = compileFile(mappingPath, engine);
    if (!mapping)
        return 2;
    std::vector<mdsl::Json> inputs;
    for (std::string line; std::getline(std::cin, line);)
        inputs.push_back(mdsl::parseJson(line));
    const mdsl::RunOptions options;
    std::size_t checksum = 0;
    const double start = cpuSeconds();
    for (int round = 0; round < rounds; ++round)
        for (const mdsl::Json& input : inputs)
            checksum += mdsl::run(*mapping, input, options).stats.writes;
    const double seconds = cpuSeconds() - start;
    std::printf("%zu records x %d rounds, %s engine: %.2f us per run (checksum %zu)\n", inputs.size(), rounds,
                engine == "v1" ? "V1" : "V2", seconds / static_cast<double>(inputs.size()) / rounds * 1e6, checksum);
    return 0;
}

int phases(const std::string& mappingPath, const std::string& engine)
{
    const std::optional<mdsl::CompiledMapping> compiled = compileFile(mappingPath, engine);
    if (!compiled)
        return 2;
    const mdsl::CompiledMapping& mapping = *compiled;
    std::vector<std::string> lines;
    for (std::string line; std::getline(std::cin, line);)
        lines.push_back(std::move(line));
    const double n = static_cast<double>(lines.size());
    struct Phase {
        const char* name;
        double best = 1e30;
    };
    Phase parse{"parse (Json::parse)"}, fastParse{"parse (parseJson)"}, run{"run"}, print{"toJson + dump"},
        fastPrint{"toJson + appendJson"}, freeResults{"free results"}, freeInputs{"free inputs"};
    std::size_t bytes = 0;
    for (int round = 0; round < 5; ++round) {
        std::vector<mdsl::Json> inputs;
        inputs.reserve(lines.size());
        double t = cpuSeconds();
        for (const std::string& line : lines)
            inputs.push_back(mdsl::Json::parse(line));
        parse.best = std::min(parse.best, cpuSeconds() - t);
        {
            std::vector<mdsl::Json> fast;
            fast.reserve(lines.size());
            t = cpuSeconds();
            for (const std::string& line : lines)
                fast.push_back(mdsl::parseJson(line));
            fastParse.best = std::min(fastParse.best, cpuSeconds() - t);
            if (round == 0 && fast != inputs) {
                std::cerr << "parseJson and Json::parse disagree\n";
                return 1;
            }
        }

        std::vector<mdsl::RunResult> results;
        results.reserve(lines.size());
        const mdsl::RunOptions options;
        t = cpuSeconds();
        for (const mdsl::Json& input : inputs)
            results.push_back(mdsl::run(mapping, input, options));
        run.best = std::min(run.best, cpuSeconds() - t);

        t = cpuSeconds();
        for (const mdsl::RunResult& result : results)
            bytes += mdsl::toJson(result).dump(-1, ' ', false, mdsl::Json::error_handler_t::replace).size();
        print.best = std::min(print.best, cpuSeconds() - t);
        std::string out;
        t = cpuSeconds();
        for (const mdsl::RunResult& result : results) {
            out.clear();
            mdsl::appendJson(out, mdsl::toJson(result));
            bytes += out.size();
        }
        fastPrint.best = std::min(fastPrint.best, cpuSeconds() - t);

        t = cpuSeconds();
        results = {};
        freeResults.best = std::min(freeResults.best, cpuSeconds() - t);
        t = cpuSeconds();
        inputs = {};
        freeInputs.best = std::min(freeInputs.best, cpuSeconds() - t);

    }
    std::printf("%zu records, %s engine, best of 5 rounds, thread CPU time per record (checksum %zu)\n",
                lines.size(), engine == "v1" ? "V1" : "V2", bytes);
    double total = 0;
    for (const Phase* phase : {&parse, &fastParse, &run, &print, &fastPrint, &freeResults, &freeInputs}) {
        std::printf("  %-22s %7.2f us\n", phase->name, phase->best / n * 1e6);
        total += phase->best;
    }
    std::printf("  %-22s %7.2f us\n", "total", total / n * 1e6);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "generate" && argc == 4)
        return generate(std::stol(argv[2]), static_cast<unsigned>(std::stoul(argv[3])));
    if (mode == "reserialize" && (argc == 2 || (argc == 3 && std::string(argv[2]) == "--fast")))
        return reserialize(argc == 3);
    if (mode == "phases" && (argc == 3 || argc == 4))
        return phases(argv[2], argc == 4 ? argv[3] : "v2");
    if (mode == "runs" && argc >= 3 && argc <= 5)
        return runs(argv[2], argc >= 4 ? argv[3] : "v2", argc == 5 ? std::stoi(argv[4]) : 10);
    std::cerr << "usage: bench_engines generate N SEED | bench_engines reserialize [--fast] < records.ndjson\n"
                 "       bench_engines phases MAPPING [v1|v2] < records.ndjson\n"
                 "       bench_engines runs MAPPING [v1|v2] [ROUNDS] < records.ndjson\n";
    return 2;
}
