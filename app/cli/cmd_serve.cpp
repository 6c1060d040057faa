// mapping-dsl serve: production's six endpoints over HTTP (cpp-httplib), with the flags live,
// Prometheus metrics, health and readiness, limits answered with JSON errors, an access log,
// and a graceful stop on SIGTERM. The endpoints' logic is in serve/service.cpp.

#include "args.h"
#include "cmd_engine_options.h"
#include "io.h"
#include "serve/gate.h"
#include "serve/liveflags.h"
#include "serve/log.h"
#include "serve/metrics.h"
#include "serve/service.h"

#include "mdsl/batch.h"

#include <httplib.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <pthread.h>
#include <thread>
#include <unistd.h>

namespace cli {

namespace {

constexpr std::string_view kServeUsage = R"(Usage: mapping-dsl serve [--listen ADDRESS] [--port PORT] [--flags FILE] [--jobs N]
                         [--connections N] [--queue N] [--max-body BYTES] [--max-time-ms MS]
                         [--read-timeout-ms MS] [--cache N] [--no-access-log]

Serves production's six endpoints over HTTP, routed by the production flags:
  POST /api/v1/mappings/validate     POST /api/v1/mappings/validate/v1
  POST /api/v1/mappings/compile      POST /api/v1/mappings/compile/v1
  POST /api/v1/mappings/dry-run      POST /api/v1/mappings/dry-run/v1
and GET /healthz, /readyz and /metrics (Prometheus). The request and response bodies are
the command line's (docs/schemas/, docs/service.md).

Options:
  --listen ADDRESS     the address to listen on (default 127.0.0.1; 0.0.0.0 for all)
  --port PORT          the TCP port (default 8080; 0: any free port, printed at start)
  --flags FILE         production's flag file (YAML), reloaded when it changes and on SIGHUP;
                       default: all seven flags on
  --jobs N             requests running the engines at once (default: the cores)
  --connections N      connections served at once (default 64)
  --queue N            requests waiting for an engine at most; past it 429 (default 256)
  --max-body BYTES     largest request body; past it 413 (default 16777216)
  --max-time-ms MS     time limit of one run, the most a request may ask; past it 504
                       (default 5000); a request waiting longer for an engine gets 503
  --read-timeout-ms MS a client silent this long is disconnected (default 10000)
  --cache N            compiled mappings kept, by content (default 512)
  --no-access-log      no access log lines on standard output
  --help               print this help

Signals: SIGHUP reloads the flag file; SIGTERM and SIGINT stop accepting, let the requests
in flight finish, and exit 0.
Exit codes: 0 stopped by a signal, 2 usage error, unreadable or invalid flag file, or the
address cannot be bound.
)";

std::mutex logMutex;
bool accessLogOn = true;

void writeWhole(int fd, const std::string& line)
{
    const std::lock_guard lock(logMutex);
    std::size_t done = 0;
    while (done < line.size()) {
        const ssize_t n = ::write(fd, line.data() + done, line.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += static_cast<std::size_t>(n);
    }
}

std::optional<unsigned> numberOption(const ParsedArgs& args, const std::string& name, unsigned fallback,
                                     unsigned minimum, unsigned long long maximum)
{
    const std::optional<std::string> value = args.value(name);
    if (!value)
        return fallback;
    unsigned long long n = 0;
    const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
    if (ec != std::errc() || end != value->data() + value->size() || n < minimum || n > maximum)
        return std::nullopt;
    return static_cast<unsigned>(n);
}

struct ServedRoute {
    const char* path;
    serve::Endpoint endpoint;
    mdsl::Route route;
};

constexpr ServedRoute kRoutes[] = {
    {"/api/v1/mappings/validate", serve::Endpoint::Validate, mdsl::Route::V2Routed},
    {"/api/v1/mappings/compile", serve::Endpoint::Compile, mdsl::Route::V2Routed},
    {"/api/v1/mappings/dry-run", serve::Endpoint::DryRun, mdsl::Route::V2Routed},
    {"/api/v1/mappings/validate/v1", serve::Endpoint::Validate, mdsl::Route::V1Only},
    {"/api/v1/mappings/compile/v1", serve::Endpoint::Compile, mdsl::Route::V1Only},
    {"/api/v1/mappings/dry-run/v1", serve::Endpoint::DryRun, mdsl::Route::V1Only},
};

struct ServeSettings {
    std::string address = "127.0.0.1";
    unsigned port = 8080;
    unsigned jobs = 0;
    unsigned connections = 64;
    unsigned queue = 256;
    unsigned maxBody = 16u << 20;
    unsigned maxTimeMs = 5000;
    unsigned readTimeoutMs = 10000;
    unsigned cache = 512;
};

void setJson(httplib::Response& res, const serve::Reply& reply)
{
    res.status = reply.status;
    res.set_content(reply.body, "application/json");
    if (reply.engine) {
        res.set_header("X-Mapping-Engine", std::string(mdsl::engineName(*reply.engine)));
        res.set_header("X-Mapping-Fallback", reply.fallback ? "true" : "false");
    }
}

class HttpService {
public:
    HttpService(const ServeSettings& settings, serve::LiveFlags& flags, serve::Metrics& metrics)
        : settings_(settings), flags_(flags), metrics_(metrics),
          service_(flags, metrics, limits(settings)),
          gate_(mdsl::effectiveJobs(settings.jobs), settings.queue)
    {
        http_.new_task_queue = [n = settings.connections] { return new httplib::ThreadPool(n); };
        http_.set_payload_max_length(settings.maxBody);
        http_.set_read_timeout(std::chrono::milliseconds(settings.readTimeoutMs));
        http_.set_write_timeout(std::chrono::milliseconds(settings.readTimeoutMs));
        // Headers and body go out in separate writes: without TCP_NODELAY, Nagle holds the body
        // until the client's delayed ACK of the headers (40 ms a request).
        http_.set_tcp_nodelay(true);
        http_.set_keep_alive_timeout(2);
        http_.set_keep_alive_max_count(10000);
        for (const ServedRoute& route : kRoutes) {
            http_.Post(route.path, [this, route](const httplib::Request& req, httplib::Response& res) {
                answer(route, req, res);
            });
            http_.Get(route.path, [](const httplib::Request&, httplib::Response& res) {
                res.set_header("Allow", "POST");
                setJson(res, serve::errorReply(405, "method-not-allowed", "this endpoint takes POST with a JSON body"));
            });
        }
        http_.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(R"({"status":"ok"})", "application/json");
        });
        http_.Get("/readyz", [this](const httplib::Request&, httplib::Response& res) {
            if (draining_.load()) {
                setJson(res, serve::errorReply(503, "stopping", "the service is stopping"));
                return;
            }
            mdsl::Json flagsJson = mdsl::Json::object();
            const std::shared_ptr<const mdsl::Flags> live = flags_.current();
            for (const mdsl::Flag flag : mdsl::kAllFlags)
                flagsJson[std::string(mdsl::flagName(flag))] = live->get(flag);
            std::string body;
            mdsl::appendJson(body, mdsl::Json{{"status", "ready"}, {"flags", flagsJson}});
            res.set_content(body, "application/json");
        });
        http_.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
            res.set_content(metrics_.render(*flags_.current()), "text/plain; version=0.0.4; charset=utf-8");
        });
        http_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty())
                return httplib::Server::HandlerResponse::Unhandled;
            const int status = res.status;
            const char* code = status == 404 ? "not-found" : status == 413 ? "payload-too-large" : "bad-request";
            const std::string message = status == 404 ? "no such endpoint (docs/service.md lists them)"
                : status == 413 ? "the request body is larger than the service accepts (--max-body)"
                                : "the request is not valid HTTP: " + std::string(httplib::status_message(status));
            setJson(res, serve::errorReply(status, code, message));
            return httplib::Server::HandlerResponse::Handled;
        });
        http_.set_exception_handler([](const httplib::Request&, httplib::Response& res, const std::exception_ptr& ep) {
            std::string what = "internal error";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            serve::logLine("internal error: " + what);
            setJson(res, serve::errorReply(500, "internal", what));
        });
        http_.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            if (!accessLogOn)
                return;
            std::string line = req.remote_addr + " \"" + req.method + ' ' + req.path + "\" " + std::to_string(res.status)
                + ' ' + std::to_string(res.body.size());
            line += " engine=" + (res.has_header("X-Mapping-Engine") ? res.get_header_value("X-Mapping-Engine") : "-");
            line += " fallback=" + (res.has_header("X-Mapping-Fallback") ? res.get_header_value("X-Mapping-Fallback") : "-");
            line += " ms=" + (res.has_header("X-Elapsed-Ms") ? res.get_header_value("X-Elapsed-Ms") : "-");
            serve::accessLine(line);
        });
    }

    /// Binds; the port bound (settings' or, for port 0, the one chosen), or -1.
    int bind()
    {
        if (settings_.port == 0)
            return http_.bind_to_any_port(settings_.address);
        return http_.bind_to_port(settings_.address, static_cast<int>(settings_.port)) ? static_cast<int>(settings_.port)
                                                                                        : -1;
    }
    bool run() { return http_.listen_after_bind(); }
    void stop()
    {
        draining_.store(true);
        http_.stop();
    }

private:
    static serve::ServiceLimits limits(const ServeSettings& settings)
    {
        serve::ServiceLimits l;
        l.run.maxTime = std::chrono::milliseconds(settings.maxTimeMs);
        l.cacheEntries = settings.cache;
        return l;
    }

    void answer(const ServedRoute& route, const httplib::Request& req, httplib::Response& res)
    {
        const auto start = std::chrono::steady_clock::now();
        const std::string_view endpoint = serve::endpointName(route.endpoint);
        serve::Reply reply;
        metrics_.inFlight(1);
        if (draining_.load()) {
            reply = serve::errorReply(503, "stopping", "the service is stopping; retry on another instance");
        } else {
            switch (gate_.enter(std::chrono::milliseconds(settings_.maxTimeMs))) {
            case serve::Gate::Entry::Admitted:
                try {
                    reply = service_.handle(route.endpoint, route.route, req.body);
                } catch (const std::exception& e) {
                    serve::logLine(std::string("internal error: ") + e.what());
                    reply = serve::errorReply(500, "internal", e.what());
                }
                gate_.leave();
                break;
            case serve::Gate::Entry::QueueFull:
                reply = serve::errorReply(429, "too-many-requests",
                                          "too many requests at once (--jobs running, --queue waiting); retry later");
                res.set_header("Retry-After", "1");
                break;
            case serve::Gate::Entry::TimedOut:
                reply = serve::errorReply(503, "overloaded", "no engine was free within the time limit; retry later");
                res.set_header("Retry-After", "1");
                break;
            }
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        metrics_.request(endpoint, mdsl::routeName(route.route),
                         reply.engine ? mdsl::engineName(*reply.engine) : std::string_view("none"), reply.runStatus,
                         reply.status, seconds);
        metrics_.inFlight(-1);
        setJson(res, reply);
        char ms[32];
        std::snprintf(ms, sizeof ms, "%.3f", seconds * 1000);
        res.set_header("X-Elapsed-Ms", ms);
    }

    const ServeSettings& settings_;
    serve::LiveFlags& flags_;
    serve::Metrics& metrics_;
    serve::Service service_;
    serve::Gate gate_;
    httplib::Server http_;
    std::atomic<bool> draining_{false};
};

} // namespace

namespace serve {

void logLine(std::string_view message)
{
    writeWhole(2, "mapping-dsl serve: " + std::string(message) + '\n');
}

void accessLine(std::string_view line)
{
    writeWhole(1, std::string(line) + '\n');
}

} // namespace serve

int runServe(const std::vector<std::string>& args)
{
    std::string error;
    const auto parsed = cli::parse(args,
                                   {{"--listen", true}, {"--port", true}, {"--flags", true}, {"--jobs", true},
                                    {"--connections", true}, {"--queue", true}, {"--max-body", true},
                                    {"--max-time-ms", true}, {"--read-timeout-ms", true}, {"--cache", true},
                                    {"--no-access-log"}, {"--help"}},
                                   error);
    if (!parsed)
        return commandUsageError("serve", kServeUsage, error);
    if (parsed->has("--help")) {
        std::fwrite(kServeUsage.data(), 1, kServeUsage.size(), stdout);
        return kOk;
    }
    if (!parsed->positional.empty())
        return commandUsageError("serve", kServeUsage, "serve takes no FILE argument");
    ServeSettings settings;
    settings.address = parsed->value("--listen").value_or(settings.address);
    const struct {
        const char* name;
        unsigned* value;
        unsigned minimum;
        unsigned long long maximum;
    } numbers[] = {
        {"--port", &settings.port, 0, 65535},
        {"--jobs", &settings.jobs, 1, 1024},
        {"--connections", &settings.connections, 1, 4096},
        {"--queue", &settings.queue, 0, 1000000},
        {"--max-body", &settings.maxBody, 1, 1u << 30},
        {"--max-time-ms", &settings.maxTimeMs, 1, 3600000},
        {"--read-timeout-ms", &settings.readTimeoutMs, 1, 3600000},
        {"--cache", &settings.cache, 1, 1000000},
    };
    for (const auto& n : numbers) {
        const std::optional<unsigned> v = numberOption(*parsed, n.name, *n.value, n.minimum, n.maximum);
        if (!v)
            return commandUsageError("serve", kServeUsage,
                                     std::string(n.name) + " needs a number from " + std::to_string(n.minimum) + " to "
                                         + std::to_string(n.maximum));
        *n.value = *v;
    }
    accessLogOn = !parsed->has("--no-access-log");

    serve::Metrics metrics;
    serve::LiveFlags flags(parsed->value("--flags").value_or(""), metrics);
    if (!flags.start(error)) {
        printError("serve: " + error);
        return kUsage;
    }

    // Signals are taken by one thread (below) with sigtimedwait; every other thread, the
    // server's included, starts with them blocked. A peer gone mid-write is an error, not SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    HttpService server(settings, flags, metrics);
    const int port = server.bind();
    if (port < 0) {
        printError("serve: cannot listen on " + settings.address + ":" + std::to_string(settings.port));
        return kUsage;
    }
    serve::logLine("listening on http://" + settings.address + ":" + std::to_string(port) + " (engine jobs "
                   + std::to_string(mdsl::effectiveJobs(settings.jobs)) + ", flags "
                   + (flags.path().empty() ? std::string("defaults") : flags.path()) + ": "
                   + serve::flagsSummary(*flags.current()) + ")");

    std::atomic<bool> stopping{false};
    std::thread control([&] {
        // Polls the flag file four times a second: a change is in effect within a second.
        const timespec tick{0, 250'000'000};
        while (!stopping.load()) {
            const int sig = sigtimedwait(&signals, nullptr, &tick);
            if (sig == SIGHUP) {
                flags.reload("SIGHUP");
            } else if (sig == SIGTERM || sig == SIGINT) {
                serve::logLine(std::string("stopping on ") + (sig == SIGTERM ? "SIGTERM" : "SIGINT")
                               + ": finishing the requests in flight");
                server.stop();
                return;
            } else {
                flags.poll();
            }
        }
    });
    server.run();
    stopping.store(true);
    control.join();
    serve::logLine("stopped");
    return kOk;
}

} // namespace cli
