#pragma once
// The service's metrics, rendered in Prometheus' text exposition format at /metrics
// (docs/service.md, "Metrics"): requests by endpoint, route, engine, status and HTTP code;
// engine runs and fallbacks; error diagnostics by code family; latency histograms per
// endpoint and engine; the seven flags; flag reloads; the analysis cache; build info.

#include "mdsl/diagnostic.h"
#include "mdsl/engine.h"
#include "mdsl/flags.h"

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cli::serve {

class Metrics {
public:
    /// One answered request. `engine`: "v1", "v2" or "none" (refused before any engine ran);
    /// `status`: the run status, or "error" for a refused request.
    void request(std::string_view endpoint, std::string_view route, std::string_view engine, std::string_view status,
                 int code, double seconds);
    /// One run of an engine (a dry-run whose V2 run failed and V1 answered counts both).
    void engineRun(mdsl::EngineKind engine, mdsl::RunStatus status);
    /// The error diagnostics an engine reported, counted by code family ("E4xx").
    void errors(mdsl::EngineKind engine, const std::vector<mdsl::Diagnostic>& diagnostics);
    void fallback(std::string_view endpoint);
    void flagsReloaded(bool ok);
    void cacheLookup(bool hit);
    void inFlight(int delta);

    /// The text exposition of every metric, the flags as they are now.
    [[nodiscard]] std::string render(const mdsl::Flags& flags) const;

    /// The upper bounds of the latency histograms' buckets, in seconds.
    static constexpr std::array<double, 14> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,    0.25,  0.5,    1.0,   2.5,  5.0,   10.0};

private:
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> buckets{};   ///< not cumulative
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::string, std::uint64_t> requests_;    ///< by their label set, as rendered
    std::map<std::string, std::uint64_t> runs_;
    std::map<std::string, std::uint64_t> errors_;
    std::map<std::string, std::uint64_t> fallbacks_;
    std::map<std::string, Histogram> latency_;
    std::uint64_t reloadsOk_ = 0;
    std::uint64_t reloadsRefused_ = 0;
    std::uint64_t cacheHits_ = 0;
    std::uint64_t cacheMisses_ = 0;
    long inFlight_ = 0;
};

} // namespace cli::serve
