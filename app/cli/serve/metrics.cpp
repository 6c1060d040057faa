// Counters and histograms under one lock (a request takes it once), rendered sorted by
// label set so that the exposition is stable.

#include "serve/metrics.h"

#include "mdsl/version.h"

#include <cstdio>

#ifndef MDSL_PROJECT_VERSION
#define MDSL_PROJECT_VERSION "0"
#endif

namespace cli::serve {

namespace {

std::string promLabel(std::string_view name, std::string_view value)
{
    std::string out(name);
    out += "=\"";
    for (const char c : value) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    out += '"';
    return out;
}

std::string promNumber(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.9g", value);
    return buffer;
}

void promHeader(std::string& out, std::string_view name, std::string_view type, std::string_view help)
{
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void promSeries(std::string& out, std::string_view name, const std::map<std::string, std::uint64_t>& values)
{
    for (const auto& [labels, value] : values)
        out.append(name).append("{").append(labels).append("} ").append(std::to_string(value)).append("\n");
}

} // namespace

void Metrics::request(std::string_view endpoint, std::string_view route, std::string_view engine,
                      std::string_view status, int code, double seconds)
{
    const std::string key = promLabel("endpoint", endpoint) + ',' + promLabel("route", route) + ',' + promLabel("engine", engine)
        + ',' + promLabel("status", status) + ',' + promLabel("code", std::to_string(code));
    const std::string latencyKey = promLabel("endpoint", endpoint) + ',' + promLabel("engine", engine);
    const std::lock_guard lock(mutex_);
    ++requests_[key];
    Histogram& h = latency_[latencyKey];
    ++h.count;
    h.sum += seconds;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++h.buckets[i];
            break;
        }
    }
}

void Metrics::engineRun(mdsl::EngineKind engine, mdsl::RunStatus status)
{
    const std::string key = promLabel("engine", mdsl::engineName(engine)) + ',' + promLabel("status", mdsl::statusName(status));
    const std::lock_guard lock(mutex_);
    ++runs_[key];
}

void Metrics::errors(mdsl::EngineKind engine, const std::vector<mdsl::Diagnostic>& diagnostics)
{
    for (const mdsl::Diagnostic& d : diagnostics) {
        if (d.severity != mdsl::Severity::Error || d.code.size() < 2)
            continue;
        const std::string family = d.code.substr(0, 2) + "xx";
        const std::string key = promLabel("engine", mdsl::engineName(engine)) + ',' + promLabel("family", family);
        const std::lock_guard lock(mutex_);
        ++errors_[key];
    }
}

void Metrics::fallback(std::string_view endpoint)
{
    const std::string key = promLabel("endpoint", endpoint);
    const std::lock_guard lock(mutex_);
    ++fallbacks_[key];
}

void Metrics::flagsReloaded(bool ok)
{
    const std::lock_guard lock(mutex_);
    ++(ok ? reloadsOk_ : reloadsRefused_);
}

void Metrics::cacheLookup(bool hit)
{
    const std::lock_guard lock(mutex_);
    ++(hit ? cacheHits_ : cacheMisses_);
}

void Metrics::inFlight(int delta)
{
    const std::lock_guard lock(mutex_);
    inFlight_ += delta;
}

std::string Metrics::render(const mdsl::Flags& flags) const
{
    std::string out;
    out.reserve(8192);
    const std::lock_guard lock(mutex_);
    promHeader(out, "mapping_dsl_requests_total", "counter",
           "Requests answered, by endpoint, route (v2: V2-routed form, v1: V1-only form), answering engine, run status and HTTP code.");
    promSeries(out, "mapping_dsl_requests_total", requests_);
    promHeader(out, "mapping_dsl_engine_runs_total", "counter",
           "Engine runs of dry-runs by engine and status; a V2 run that failed before a V1 fallback counts as a V2 run.");
    promSeries(out, "mapping_dsl_engine_runs_total", runs_);
    promHeader(out, "mapping_dsl_fallbacks_total", "counter", "Requests answered by V1 after V2 failed (mapping_dsl_v1_fallback).");
    promSeries(out, "mapping_dsl_fallbacks_total", fallbacks_);
    promHeader(out, "mapping_dsl_errors_total", "counter",
           "Error diagnostics in the answers, by engine and code family (E1xx syntax, E2xx names and targets, E3xx version and flags, E4xx runtime).");
    promSeries(out, "mapping_dsl_errors_total", errors_);

    promHeader(out, "mapping_dsl_request_duration_seconds", "histogram",
           "Time from the request read to the reply ready, by endpoint and answering engine.");
    for (const auto& [labels, h] : latency_) {
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += h.buckets[i];
            out.append("mapping_dsl_request_duration_seconds_bucket{").append(labels).append(",le=\"")
                .append(promNumber(kBuckets[i])).append("\"} ").append(std::to_string(cumulative)).append("\n");
        }
        out.append("mapping_dsl_request_duration_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ")
            .append(std::to_string(h.count)).append("\n");
        out.append("mapping_dsl_request_duration_seconds_sum{").append(labels).append("} ").append(promNumber(h.sum)).append("\n");
        out.append("mapping_dsl_request_duration_seconds_count{").append(labels).append("} ")
            .append(std::to_string(h.count)).append("\n");
    }

    promHeader(out, "mapping_dsl_flag", "gauge", "Production's feature flags as the service applies them now (1 on, 0 off).");
    for (const mdsl::Flag flag : mdsl::kAllFlags)
        out.append("mapping_dsl_flag{").append(promLabel("flag", mdsl::flagName(flag))).append("} ")
            .append(flags.get(flag) ? "1" : "0").append("\n");
    promHeader(out, "mapping_dsl_flag_reloads_total", "counter", "Reloads of the flag file: applied (ok) or refused for errors (refused).");
    out.append("mapping_dsl_flag_reloads_total{result=\"ok\"} ").append(std::to_string(reloadsOk_)).append("\n");
    out.append("mapping_dsl_flag_reloads_total{result=\"refused\"} ").append(std::to_string(reloadsRefused_)).append("\n");
    promHeader(out, "mapping_dsl_cache_lookups_total", "counter", "Lookups of compiled mappings by content: hit or miss.");
    out.append("mapping_dsl_cache_lookups_total{result=\"hit\"} ").append(std::to_string(cacheHits_)).append("\n");
    out.append("mapping_dsl_cache_lookups_total{result=\"miss\"} ").append(std::to_string(cacheMisses_)).append("\n");
    promHeader(out, "mapping_dsl_in_flight_requests", "gauge", "Requests being answered now.");
    out.append("mapping_dsl_in_flight_requests ").append(std::to_string(inFlight_)).append("\n");
    promHeader(out, "mapping_dsl_build_info", "gauge", "The service's version and its engine's version (always 1).");
    out.append("mapping_dsl_build_info{").append(promLabel("version", MDSL_PROJECT_VERSION)).append(",")
        .append(promLabel("engine_version", mdsl::engineVersion())).append(",")
        .append(promLabel("language_versions", "1-" + std::to_string(mdsl::kMaxLanguageVersion))).append("} 1\n");
    return out;
}

} // namespace cli::serve
