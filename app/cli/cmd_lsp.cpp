// mapping-dsl lsp: the studio's validation, completion, hover, navigation, formatting and
// fixes for any editor that speaks the Language Server Protocol (docs/editors.md).

#include "args.h"
#include "io.h"

#include "lsp/server.h"

#include <charconv>
#include <csignal>
#include <iostream>

namespace cli {

namespace {

constexpr const char* kLspUsage = R"(Usage: mapping-dsl lsp [--stdio] [--debounce MS]

Runs a Language Server Protocol 3.17 server over standard input and output, for Kate,
Neovim, VS Code and any other LSP client (docs/editors.md): diagnostics as you type (each
with its code, a link to docs/diagnostics.md and its related locations), quick fixes,
completion, hover, signature help, go to definition, find references, rename, document
symbols, folding and formatting.

Options:
  --stdio          talk over standard input and output (the default and only transport;
                   accepted because clients pass it)
  --debounce MS    wait this long after an edit before validating (default 25)
  --help           print this help

Settings (initializationOptions, or workspace/didChangeConfiguration under "mappingDsl"):
  flagsFile        the production flag file to validate against (YAML; relative to the
                   workspace root); unreadable: a message, and every flag on
  diagnosticsDocs  the URL of docs/diagnostics.md that diagnostic codes link to

Exit codes: 0 after 'shutdown' then 'exit', 1 on 'exit' (or the end of the input) without
'shutdown', 2 usage error.
)";

} // namespace

int runLsp(const std::vector<std::string>& args)
{
    std::string error;
    const auto parsed = cli::parse(args, {{"--stdio"}, {"--debounce", true}, {"--help"}}, error);
    if (!parsed || !parsed->positional.empty()) {
        printError("lsp: " + (parsed ? std::string("unexpected argument '") + parsed->positional.front() + "'" : error));
        std::cerr << kLspUsage;
        return kUsage;
    }
    if (parsed->has("--help")) {
        std::cout << kLspUsage;
        return kOk;
    }
    lsp::ServerOptions options;
    if (const auto value = parsed->value("--debounce")) {
        int ms = -1;
        const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), ms);
        if (ec != std::errc() || end != value->data() + value->size() || ms < 0 || ms > 10000) {
            printError("lsp: --debounce takes milliseconds from 0 to 10000, not '" + *value + "'");
            return kUsage;
        }
        options.debounce = std::chrono::milliseconds(ms);
    }
    // A client that goes away mid-write must not kill the server with SIGPIPE: the write
    // fails and the reader sees the end of the input.
    std::signal(SIGPIPE, SIG_IGN);
    lsp::Server server(0, 1, options);
    return server.run();
}

} // namespace cli
