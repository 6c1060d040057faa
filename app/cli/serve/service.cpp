// The six endpoints as functions of their bodies. The bodies are exactly the command line's:
// validate answers `validate --format json`, compile the plan `compile` prints, dry-run the
// result object of `dry-run` (docs/schemas/). Routing and fallback are the engine's own:
// Analysis::answer() and Analysis::prepared() under one snapshot of the live flags.

#include "serve/service.h"

#include "mdsl/report.h"

#include <algorithm>
#include <chrono>
#include <limits>

namespace cli::serve {

namespace {

/// A request body as the schemas define it (docs/schemas/dry-run-request.schema.json and
/// service-request.schema.json).
struct Request {
    std::string mapping;
    mdsl::Flags flags;          ///< the live flags, with the request's own turned off where it says so
    mdsl::Json input;
    mdsl::RunOptions options;
};

std::string dumpJson(const mdsl::Json& value)
{
    std::string out;
    mdsl::appendJson(out, value);
    return out;
}

const char* jsonType(const mdsl::Json& value)
{
    return value.type_name();
}

/// A positive integer member of `limits`, or an error message.
std::optional<std::uint64_t> positive(const mdsl::Json& value, const std::string& where, std::string& error)
{
    if (value.is_number_unsigned() && value.get<std::uint64_t>() >= 1)
        return value.get<std::uint64_t>();
    error = where + " must be a positive integer, not " + (value.is_number() ? value.dump() : std::string(jsonType(value)));
    return std::nullopt;
}

bool readLimits(const mdsl::Json& limits, const mdsl::RunLimits& caps, mdsl::RunLimits& out, std::string& error)
{
    if (!limits.is_object()) {
        error = "/limits must be an object, not " + std::string(jsonType(limits));
        return false;
    }
    for (const auto& [key, value] : limits.items()) {
        const std::optional<std::uint64_t> n = positive(value, "/limits/" + key, error);
        if (!n)
            return false;
        // A request may lower the service's caps, never raise them.
        if (key == "max_steps")
            out.maxSteps = std::min(*n, caps.maxSteps);
        else if (key == "max_output_bytes")
            out.maxOutputBytes = std::min(*n, caps.maxOutputBytes);
        else if (key == "max_depth")
            out.maxDepth = static_cast<int>(std::min<std::uint64_t>(*n, static_cast<std::uint64_t>(caps.maxDepth)));
        else if (key == "max_time_ms")
            out.maxTime = std::chrono::milliseconds(
                std::min<std::uint64_t>(*n, static_cast<std::uint64_t>(caps.maxTime.count())));
        else {
            error = "/limits has no member '" + key + "' (max_steps, max_output_bytes, max_depth, max_time_ms)";
            return false;
        }
    }
    return true;
}

/// The request's flags restrict the live ones: a client may ask what the service answers with
/// a flag off, never turn on what production has off (the rollback stays a rollback).
bool readFlags(const mdsl::Json& flags, mdsl::Flags& out, std::string& error)
{
    if (!flags.is_object()) {
        error = "/flags must be an object, not " + std::string(jsonType(flags));
        return false;
    }
    for (const auto& [key, value] : flags.items()) {
        const std::optional<mdsl::Flag> flag = mdsl::flagFromName(key);
        if (!flag) {
            error = "/flags has no member '" + key + "' (the seven mapping_dsl_* flags)";
            return false;
        }
        if (!value.is_boolean()) {
            error = "/flags/" + key + " must be a boolean, not " + std::string(jsonType(value));
            return false;
        }
        if (!value.get<bool>())
            out.set(*flag, false);
    }
    return true;
}

std::optional<Request> parseRequest(Endpoint endpoint, std::string_view body, const mdsl::Flags& live,
                                    const mdsl::RunLimits& caps, std::string& error)
{
    mdsl::Json doc;
    try {
        doc = mdsl::parseJson(body);
    } catch (const mdsl::Json::exception& e) {
        error = std::string("the body is not JSON: ") + e.what();
        return std::nullopt;
    }
    if (!doc.is_object()) {
        error = std::string("the body must be a JSON object, not ") + jsonType(doc);
        return std::nullopt;
    }
    Request request;
    request.flags = live;
    request.options.limits = caps;
    const bool dryRun = endpoint == Endpoint::DryRun;
    bool hasMapping = false;
    bool hasInput = false;
    for (auto& [key, value] : doc.items()) {
        if (key == "mapping") {
            if (!value.is_string()) {
                error = std::string("/mapping must be a string (the mapping's text), not ") + jsonType(value);
                return std::nullopt;
            }
            request.mapping = value.get<std::string>();
            hasMapping = true;
        } else if (key == "flags") {
            if (!readFlags(value, request.flags, error))
                return std::nullopt;
        } else if (dryRun && key == "input") {
            request.input = std::move(value);
            hasInput = true;
        } else if (dryRun && key == "trace") {
            if (!value.is_boolean()) {
                error = std::string("/trace must be a boolean, not ") + jsonType(value);
                return std::nullopt;
            }
            request.options.trace = value.get<bool>();
        } else if (dryRun && key == "now_ms") {
            if (!value.is_number_integer()) {
                error = std::string("/now_ms must be an integer (milliseconds since the Unix epoch), not ") + jsonType(value);
                return std::nullopt;
            }
            request.options.pinnedNowMs = value.get<std::int64_t>();
        } else if (dryRun && key == "limits") {
            if (!readLimits(value, caps, request.options.limits, error))
                return std::nullopt;
        } else {
            error = "the body has no member '" + key + "' ("
                + (dryRun ? "mapping, input, flags, trace, now_ms, limits" : "mapping, flags") + ")";
            return std::nullopt;
        }
    }
    if (!hasMapping || (dryRun && !hasInput)) {
        error = dryRun ? "the body needs 'mapping' (a string) and 'input' (any JSON value)"
                       : "the body needs 'mapping' (a string)";
        return std::nullopt;
    }
    // A trace is bounded like the output: events past the cap are left out and said so.
    request.options.maxTraceEvents = 100000;
    request.options.maxTraceBytes = request.options.limits.maxOutputBytes;
    return request;
}

bool stoppedByTime(const mdsl::RunResult& result)
{
    return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                       [](const mdsl::Diagnostic& d) { return d.code == "E404"; });
}

} // namespace

std::string_view endpointName(Endpoint endpoint) noexcept
{
    switch (endpoint) {
    case Endpoint::Validate: return "validate";
    case Endpoint::Compile: return "compile";
    case Endpoint::DryRun: return "dry-run";
    }
    return "validate";
}

Reply errorReply(int status, std::string_view code, std::string_view message)
{
    Reply reply;
    reply.status = status;
    reply.body = dumpJson(mdsl::Json{{"error", {{"status", status}, {"code", code}, {"message", message}}}});
    return reply;
}

mdsl::Analysis AnalysisCache::get(const std::string& text, const mdsl::Flags& flags, Metrics& metrics)
{
    std::string key;
    key.reserve(text.size() + mdsl::kAllFlags.size());
    for (const mdsl::Flag flag : mdsl::kAllFlags)
        key += flags.get(flag) ? '1' : '0';
    key += text;
    {
        const std::lock_guard lock(mutex_);
        if (const auto it = entries_.find(key); it != entries_.end()) {
            order_.splice(order_.begin(), order_, it->second.order);
            metrics.cacheLookup(true);
            return it->second.analysis;
        }
    }
    metrics.cacheLookup(false);
    // Analysed outside the lock: another thread may analyse the same text meanwhile, and the
    // first one in keeps its entry.
    mdsl::Analysis analysis = mdsl::analyze(text, flags);
    if (key.size() > maxBytes_)
        return analysis;
    const std::lock_guard lock(mutex_);
    if (entries_.contains(key))
        return analysis;
    while (!order_.empty() && (entries_.size() >= maxEntries_ || bytes_ + key.size() > maxBytes_)) {
        bytes_ -= order_.back().size();
        entries_.erase(order_.back());
        order_.pop_back();
    }
    order_.push_front(key);
    bytes_ += key.size();
    entries_.emplace(std::move(key), Entry{analysis, order_.begin()});
    return analysis;
}

Service::Service(LiveFlags& flags, Metrics& metrics, ServiceLimits limits)
    : flags_(flags), metrics_(metrics), limits_(limits), cache_(limits.cacheEntries, limits.cacheBytes)
{
}

Reply Service::handle(Endpoint endpoint, mdsl::Route route, std::string_view body)
{
    // One snapshot of the flags for the whole request: the old set or the new one.
    const std::shared_ptr<const mdsl::Flags> live = flags_.current();
    std::string error;
    std::optional<Request> request = parseRequest(endpoint, body, *live, limits_.run, error);
    if (!request)
        return errorReply(400, "bad-request", error);
    const mdsl::Analysis analysis = cache_.get(request->mapping, request->flags, metrics_);
    switch (endpoint) {
    case Endpoint::Validate: return validate(analysis, route);
    case Endpoint::Compile: return compile(analysis, route);
    case Endpoint::DryRun: return dryRun(analysis, route, request->input, request->options);
    }
    return errorReply(500, "internal", "unknown endpoint");
}

Reply Service::validate(const mdsl::Analysis& analysis, mdsl::Route route)
{
    Reply reply;
    reply.engine = analysis.answer(route, mdsl::RunStatus::Ok).engine;
    const std::vector<mdsl::Diagnostic>& diagnostics = analysis.diagnostics(route);
    metrics_.errors(*reply.engine, diagnostics);
    reply.runStatus = mdsl::hasErrors(diagnostics) ? "invalid" : "ok";
    reply.body = dumpJson(mdsl::diagnosticsToJson(diagnostics));
    return reply;
}

Reply Service::compile(const mdsl::Analysis& analysis, mdsl::Route route)
{
    Reply reply;
    mdsl::EngineKind engine = analysis.answer(route, mdsl::RunStatus::Ok).engine;
    const mdsl::CompiledMapping* mapping = &analysis.compiled(engine);
    if (!mapping->ok()) {
        metrics_.errors(engine, mapping->diagnostics());
        // The routing function says whether V1 answers when the routed engine refuses.
        const mdsl::RoutedAnswer answer = analysis.answer(route, mdsl::RunStatus::Invalid);
        if (answer.fallback && analysis.compiled(answer.engine).ok()) {
            engine = answer.engine;
            mapping = &analysis.compiled(engine);
            reply.fallback = true;
            metrics_.fallback(endpointName(Endpoint::Compile));
        }
    }
    reply.engine = engine;
    if (!mapping->ok()) {
        reply.status = 422;
        reply.runStatus = "invalid";
        reply.body = dumpJson(mdsl::diagnosticsToJson(mapping->diagnostics()));
        return reply;
    }
    reply.runStatus = "ok";
    reply.body = dumpJson(mapping->planJson());
    return reply;
}

Reply Service::dryRun(const mdsl::Analysis& analysis, mdsl::Route route, const mdsl::Json& input,
                      const mdsl::RunOptions& options)
{
    const mdsl::RunResult result = mdsl::dryRun(analysis.prepared(route), input, options);
    if (result.v2Failure) {
        metrics_.engineRun(mdsl::EngineKind::V2, result.v2Failure->status);
        metrics_.errors(mdsl::EngineKind::V2, result.v2Failure->diagnostics);
        metrics_.fallback(endpointName(Endpoint::DryRun));
    }
    metrics_.engineRun(result.engine, result.status);
    metrics_.errors(result.engine, result.diagnostics);
    Reply reply;
    reply.engine = result.engine;
    reply.fallback = result.fallback;
    reply.runStatus = std::string(mdsl::statusName(result.status));
    if (stoppedByTime(result)) {
        // The run was stopped by its time limit: 504, with the result as far as it went.
        reply.status = 504;
        reply.body = R"({"error":{"status":504,"code":"time-limit","message":"the run took longer than )"
            + std::to_string(options.limits.maxTime.count()) + R"( ms"},"result":)";
        mdsl::appendResultJson(reply.body, result);
        reply.body += '}';
        return reply;
    }
    mdsl::appendResultJson(reply.body, result);
    return reply;
}

} // namespace cli::serve
