// The language server's latency as an editor sees it: `mapping-dsl lsp` runs as a child
// process; the benchmark opens a generated mapping of about 2,000 lines, then times K edits
// (one character typed in a rule, as an incremental didChange) from the moment the change is
// written to the moment the server's publishDiagnostics for that version is read. The time
// includes the server's debounce (the pause it waits for more typing), the analysis, the
// conversion of positions and both pipes.

#include "mdsl/json.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using mdsl::Json;
using Clock = std::chrono::steady_clock;

/// A mapping of about `lines` lines in the shape of real ones: a header of names, then
/// customer blocks with lookups and nested array blocks over the order lines.
std::string orderMapping(int lines)
{
    const auto block = [](const std::string& n, int source) {
        return "customer" + n + " {\n"
               "  id <- .customers[" + std::to_string(source) + "].id\n"
               "  name <- concat(trim(.first), \" \", upper(.last))\n"
               "  region <- lookup(regions, .country, \"other\")\n"
               "  orders[] <- each .orders as order {\n"
               "    number <- order.number\n"
               "    gross <- round(order.net * (1 + vat), 2)\n"
               "    items[] <- each .lines {\n"
               "      sku <- .sku\n"
               "      qty <- .qty ?? 1\n"
               "    }\n"
               "  }\n"
               "}\n";
    };
    constexpr int kHeaderLines = 3;
    constexpr int kBlockLines = 13;
    std::string text = "mapping \"orders\" version 2\n"
                       "let vat = 0.2\n"
                       "table regions = { \"FR\": \"EU\", \"DE\": \"EU\", \"US\": \"NA\" }\n";
    const int blocks = std::max(1, (lines - kHeaderLines + kBlockLines - 1) / kBlockLines);
    for (int b = 0; b < blocks; ++b)
        text += block(std::to_string(b), b % 5);
    return text;
}

class Server {
public:
    explicit Server(const std::vector<std::string>& args)
    {
        int in[2];
        int out[2];
        if (::pipe(in) != 0 || ::pipe(out) != 0)
            std::exit(2);
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(in[0], 0);
            ::dup2(out[1], 1);
            ::close(in[1]);
            ::close(out[0]);
            std::vector<char*> argv;
            for (const std::string& a : args)
                argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            std::_Exit(127);
        }
        ::close(in[0]);
        ::close(out[1]);
        to_ = in[1];
        from_ = out[0];
    }

    void send(const Json& message)
    {
        const std::string body = message.dump();
        const std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        std::size_t done = 0;
        while (done < frame.size()) {
            const ssize_t n = ::write(to_, frame.data() + done, frame.size() - done);
            if (n <= 0)
                std::exit(2);
            done += static_cast<std::size_t>(n);
        }
    }

    Json receive()
    {
        for (;;) {
            const std::size_t header = buffer_.find("\r\n\r\n");
            if (header != std::string::npos) {
                const std::size_t length = std::strtoull(buffer_.c_str() + buffer_.find(':') + 1, nullptr, 10);
                if (buffer_.size() >= header + 4 + length) {
                    Json message = Json::parse(buffer_.substr(header + 4, length));
                    buffer_.erase(0, header + 4 + length);
                    return message;
                }
            }
            char chunk[65536];
            const ssize_t n = ::read(from_, chunk, sizeof chunk);
            if (n <= 0) {
                std::fprintf(stderr, "bench_lsp: the server ended\n");
                std::exit(2);
            }
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
    }

    /// The diagnostics of a version (other messages skipped).
    Json diagnosticsOf(int version)
    {
        for (;;) {
            Json m = receive();
            if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"].value("version", -1) == version)
                return m["params"]["diagnostics"];
        }
    }

    int finish()
    {
        ::close(to_);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    pid_t pid_ = -1;
    int to_ = -1;
    int from_ = -1;
    std::string buffer_;
};

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

} // namespace

int main(int argc, char** argv)
{
    int lines = 2000;
    int edits = 50;
    std::string debounce = "25";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--lines")
            lines = std::atoi(argv[i + 1]);
        else if (option == "--edits")
            edits = std::atoi(argv[i + 1]);
        else if (option == "--debounce")
            debounce = argv[i + 1];
    }
    const std::string text = orderMapping(lines);
    const long lineCount = std::count(text.begin(), text.end(), '\n');
    Server server({MDSL_CLI, "lsp", "--debounce", debounce});
    const std::string uri = "file:///bench/orders.mdsl";
    server.send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
                 {"params", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", Json::object()}}}});
    server.receive();
    server.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", Json::object()}});
    server.send({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
                 {"params", {{"textDocument", {{"uri", uri}, {"languageId", "mapping-dsl"}, {"version", 1}, {"text", text}}}}}});
    if (!server.diagnosticsOf(1).empty()) {
        std::fprintf(stderr, "bench_lsp: the generated mapping has diagnostics\n");
        return 2;
    }
    // Type in the middle of the document: `name` -> `nameX` on the rule of a block there.
    const int line = static_cast<int>(lineCount / 2 / 13 * 13 + 3 + 2);
    std::vector<double> ms;
    for (int k = 0; k < edits; ++k) {
        const int version = k + 2;
        const Json position = {{"line", line}, {"character", 6 + k}};
        const auto start = Clock::now();
        server.send({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"},
                     {"params", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                 {"contentChanges", Json::array({{{"range", {{"start", position}, {"end", position}}}, {"text", "x"}}})}}}});
        server.diagnosticsOf(version);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    server.send({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}});
    server.receive();
    server.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
    const int status = server.finish();
    std::printf("bench_lsp: %ld lines, %zu bytes, %d edits, debounce %s ms\n", lineCount, text.size(), edits, debounce.c_str());
    std::printf("didChange -> publishDiagnostics: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms\n",
                percentile(ms, 0.5), percentile(ms, 0.9), *std::min_element(ms.begin(), ms.end()),
                *std::max_element(ms.begin(), ms.end()));
    return status == 0 ? 0 : 1;
}
