// The service's work without HTTP (docs/benchmarks.md, "Service"): the same request bodies
// through the same code the endpoints run (serve::Service::handle: body parsed, analysis
// taken from the cache by content, engine run, result written), from as many threads as wrk
// uses connections' worth of cores. bench/service/run.sh runs it beside wrk on the service,
// and the ratio of the two is the HTTP overhead.
//
//   bench_service_direct validate|dry-run MAPPING INPUT SECONDS THREADS

#include "serve/liveflags.h"
#include "serve/log.h"
#include "serve/metrics.h"
#include "serve/service.h"

#include "mdsl/json.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace cli::serve {
void logLine(std::string_view) {}
void accessLine(std::string_view) {}
} // namespace cli::serve

namespace {

std::string slurp(const char* path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 6) {
        std::fprintf(stderr, "usage: bench_service_direct validate|dry-run MAPPING INPUT SECONDS THREADS\n");
        return 2;
    }
    const std::string endpoint = argv[1];
    const bool dryRun = endpoint == "dry-run";
    mdsl::Json body = {{"mapping", slurp(argv[2])}};
    if (dryRun)
        body["input"] = mdsl::parseJson(slurp(argv[3]));
    std::string request;
    mdsl::appendJson(request, body);
    const double seconds = std::stod(argv[4]);
    const int threads = std::max(1, std::stoi(argv[5]));

    cli::serve::Metrics metrics;
    cli::serve::LiveFlags flags("", metrics);
    cli::serve::Service service(flags, metrics, {});
    const auto kind = dryRun ? cli::serve::Endpoint::DryRun : cli::serve::Endpoint::Validate;

    std::atomic<bool> stop{false};
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(threads));
    std::vector<std::thread> workers;
    const auto start = std::chrono::steady_clock::now();
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            std::vector<double>& mine = latencies[static_cast<std::size_t>(t)];
            while (!stop.load(std::memory_order_relaxed)) {
                const auto a = std::chrono::steady_clock::now();
                const cli::serve::Reply reply = service.handle(kind, mdsl::Route::V2Routed, request);
                const auto b = std::chrono::steady_clock::now();
                if (reply.status != 200)
                    std::abort();
                mine.push_back(std::chrono::duration<double, std::milli>(b - a).count());
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop.store(true);
    for (std::thread& w : workers)
        w.join();
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<double> all;
    for (const auto& l : latencies)
        all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    const auto at = [&](double q) { return all.empty() ? 0.0 : all[static_cast<std::size_t>(q * static_cast<double>(all.size() - 1))]; };
    std::printf("direct %s: %zu requests in %.2f s: %.0f requests/s, p50 %.3f ms, p99 %.3f ms\n", endpoint.c_str(),
                all.size(), elapsed, static_cast<double>(all.size()) / elapsed, at(0.50), at(0.99));
    return 0;
}
