#pragma once
// The logic of `mapping-dsl serve`, apart from HTTP: production's six endpoints as functions
// from a request body to a reply, under the live flags, with the compiled mappings cached by
// content. server.cpp puts them on the wire; tests and the benchmark reach them through HTTP.

#include "serve/liveflags.h"
#include "serve/metrics.h"

#include "mdsl/analysis.h"
#include "mdsl/engine.h"
#include "mdsl/json.h"

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cli::serve {

/// The three operations; each has a V2-routed and a V1-only form.
enum class Endpoint : std::uint8_t { Validate, Compile, DryRun };
/// "validate", "compile", "dry-run": the last part of the path and the metrics' label.
std::string_view endpointName(Endpoint endpoint) noexcept;

/// What the service answers: an HTTP status, a JSON body, and who answered.
struct Reply {
    int status = 200;
    std::string body;
    std::optional<mdsl::EngineKind> engine;   ///< unset when no engine ran (a refused request)
    bool fallback = false;
    std::string runStatus = "error";          ///< "ok", "failed", "invalid", or "error" (refused)
};

/// The JSON error body of a refused request: {"error":{"status":N,"code":"...","message":"..."}}.
Reply errorReply(int status, std::string_view code, std::string_view message);

/// The caps a request's own `limits` cannot raise (docs/service.md, "Limits").
struct ServiceLimits {
    mdsl::RunLimits run;                    ///< per-run caps (max_time_ms caps the time a run takes)
    std::size_t cacheEntries = 512;         ///< analyses kept, least recently used out first
    std::size_t cacheBytes = 64u << 20;     ///< bytes of mapping text kept at most
};

/// The analyses of the mappings asked about, by content: the mapping's text and the flags it
/// was analysed under. Bounded in entries and bytes; any thread may ask.
class AnalysisCache {
public:
    AnalysisCache(std::size_t maxEntries, std::size_t maxBytes) : maxEntries_(maxEntries), maxBytes_(maxBytes) {}
    /// The analysis of `text` under `flags`, made on a miss.
    mdsl::Analysis get(const std::string& text, const mdsl::Flags& flags, Metrics& metrics);

private:
    using Order = std::list<std::string>;
    struct Entry {
        mdsl::Analysis analysis;
        Order::iterator order;
    };
    std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;   ///< key: flag bits, then the text
    Order order_;                                      ///< most recently used first
    std::size_t bytes_ = 0;
    std::size_t maxEntries_;
    std::size_t maxBytes_;
};

class Service {
public:
    Service(LiveFlags& flags, Metrics& metrics, ServiceLimits limits);

    /// Answers one request of an endpoint's form (route) with its JSON body. Bodies that are
    /// not JSON or not of the schema give 400 with an error body; a run stopped by its time
    /// limit gives 504.
    Reply handle(Endpoint endpoint, mdsl::Route route, std::string_view body);

private:
    Reply validate(const mdsl::Analysis& analysis, mdsl::Route route);
    Reply compile(const mdsl::Analysis& analysis, mdsl::Route route);
    Reply dryRun(const mdsl::Analysis& analysis, mdsl::Route route, const mdsl::Json& input,
                 const mdsl::RunOptions& options);

    LiveFlags& flags_;
    Metrics& metrics_;
    ServiceLimits limits_;
    AnalysisCache cache_;
};

} // namespace cli::serve
