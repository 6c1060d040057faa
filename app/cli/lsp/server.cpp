#include "lsp/server.h"

#include "mdsl/version.h"

#include <filesystem>
#include <thread>

namespace lsp {

namespace {

std::string idKey(const Json& id)
{
    return id.is_string() ? "s" + id.get<std::string>() : "n" + id.dump();
}

bool validId(const Json& id)
{
    return id.is_string() || id.is_number_integer();
}

bool boolAt(const Json& object, std::initializer_list<const char*> path)
{
    const Json* at = &object;
    for (const char* key : path) {
        if (!at->is_object() || !at->contains(key))
            return false;
        at = &(*at)[key];
    }
    return at->is_boolean() && at->get<bool>();
}

bool markdownSupported(const Json& capabilities)
{
    const Json* at = &capabilities;
    for (const char* key : {"textDocument", "hover", "contentFormat"}) {
        if (!at->is_object() || !at->contains(key))
            return false;
        at = &(*at)[key];
    }
    if (!at->is_array())
        return false;
    for (const Json& kind : *at)
        if (kind == "markdown")
            return true;
    return false;
}

/// Where docs/diagnostics.md is: installed beside the program (share/doc/mapping-studio), or
/// the source tree of a build directory; else the project's web page.
std::string defaultDocsUrl()
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path program = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const fs::path& candidate : {program.parent_path() / "../share/doc/mapping-studio/diagnostics.md",
                                          program.parent_path() / "../../../docs/diagnostics.md"}) {
            const fs::path found = fs::weakly_canonical(candidate, ec);
            if (!ec && fs::is_regular_file(found, ec))
                return uriOfPath(found.string());
        }
    }
    return std::string(MDSL_HOMEPAGE_URL) + "/blob/main/docs/diagnostics.md";
}

} // namespace

Server::Server(int in, int out, ServerOptions options)
    : options_(options), reader_(in), writer_(out), docsUrl_(defaultDocsUrl()),
      worker_([this](const DiagnosticsWorker::Job& job, const mdsl::Analysis& analysis) { published(job, analysis); })
{
}

Server::~Server() = default;

int Server::run()
{
    std::thread reading([this] { readLoop(); });
    int code = 1;
    for (;;) {
        const Frame frame = nextFrame();
        if (frame.kind == Frame::Kind::End) {
            code = shutdown_ ? 0 : 1;
            break;
        }
        if (frame.kind == Frame::Kind::Error) {
            respondError(nullptr, frame.errorCode, frame.error);
            continue;
        }
        if (handle(frame.message) == Outcome::Exit) {
            code = shutdown_ ? 0 : 1;
            break;
        }
    }
    reader_.stop();
    reading.join();
    return code;
}

void Server::readLoop()
{
    for (;;) {
        Frame frame = reader_.read();
        const bool end = frame.kind == Frame::Kind::End;
        {
            const std::lock_guard lock(queueMutex_);
            // A cancellation takes effect at once, even for a request read before it and not
            // answered yet.
            const Json& m = frame.message;
            if (frame.kind == Frame::Kind::Message && m.is_object() && m.contains("method") &&
                m["method"] == "$/cancelRequest" && m.contains("params") && m["params"].is_object() &&
                m["params"].contains("id") && validId(m["params"]["id"])) {
                // Cancellations of requests already answered are kept until this bound.
                if (cancelled_.size() >= 4096)
                    cancelled_.clear();
                cancelled_.insert(idKey(m["params"]["id"]));
            }
            queue_.push_back(std::move(frame));
        }
        queueReady_.notify_one();
        if (end)
            return;
    }
}

Frame Server::nextFrame()
{
    std::unique_lock lock(queueMutex_);
    queueReady_.wait(lock, [this] { return !queue_.empty(); });
    Frame frame = std::move(queue_.front());
    queue_.pop_front();
    return frame;
}

void Server::respond(const Json& id, Json result)
{
    writer_.write({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::respondError(const Json& id, int code, const std::string& message)
{
    writer_.write({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::notify(const std::string& method, Json params)
{
    writer_.write({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void Server::showMessage(int type, const std::string& message)
{
    notify("window/showMessage", {{"type", type}, {"message", message}});
}

Server::Outcome Server::handle(const Json& message)
{
    if (!message.is_object()) {
        respondError(nullptr, kInvalidRequest, message.is_array() ? "batches are not part of the Language Server Protocol"
                                                                  : "a message must be a JSON object");
        return Outcome::Continue;
    }
    const bool hasId = message.contains("id");
    const Json id = hasId && validId(message["id"]) ? message["id"] : Json(nullptr);
    if (!message.contains("jsonrpc") || message["jsonrpc"] != "2.0") {
        respondError(id, kInvalidRequest, "the message has no \"jsonrpc\": \"2.0\"");
        return Outcome::Continue;
    }
    if (!message.contains("method")) {
        if (!hasId || !(message.contains("result") || message.contains("error")))
            respondError(id, kInvalidRequest, "the message is neither a request, a notification nor a response");
        return Outcome::Continue;   // a response: the server sends no requests that wait for one
    }
    if (!message["method"].is_string() || (hasId && !validId(message["id"]))) {
        respondError(id, kInvalidRequest, !message["method"].is_string() ? "\"method\" must be a string"
                                                                          : "\"id\" must be an integer or a string");
        return Outcome::Continue;
    }
    const std::string method = message["method"].get<std::string>();
    // "params": null is read as absent (clients send it with shutdown and exit).
    const Json params = message.contains("params") && !message["params"].is_null() ? message["params"] : Json::object();
    if (!params.is_object() && !params.is_array()) {
        if (hasId)
            respondError(id, kInvalidParams, "\"params\" must be an object or an array");
        return Outcome::Continue;
    }

    if (!hasId) {
        if (method == "exit")
            return Outcome::Exit;
        if (initialized_ && !shutdown_) {
            const std::lock_guard lock(documentsMutex_);
            try {
                notification(method, params);
            } catch (const RequestError& e) {
                // A notification has no answer: say what was wrong with it in the log.
                notify("window/logMessage", {{"type", 1}, {"message", method + ": " + e.message}});
            }
        }
        return Outcome::Continue;
    }

    bool cancelled = false;
    {
        const std::lock_guard lock(queueMutex_);
        cancelled = cancelled_.erase(idKey(id)) > 0;
    }
    if (cancelled) {
        respondError(id, kRequestCancelled, "the request was cancelled");
        return Outcome::Continue;
    }
    if (shutdown_) {
        respondError(id, kInvalidRequest, "the server is shutting down: only 'exit' is accepted");
        return Outcome::Continue;
    }
    if (!initialized_ && method != "initialize") {
        respondError(id, kServerNotInitialized, "the server is not initialized yet");
        return Outcome::Continue;
    }
    try {
        const std::lock_guard lock(documentsMutex_);
        respond(id, request(method, params));
    } catch (const RequestError& e) {
        respondError(id, e.code, e.message);
    } catch (const Json::exception& e) {
        respondError(id, kInvalidParams, std::string("invalid parameters: ") + e.what());
    } catch (const std::exception& e) {
        respondError(id, kInternalError, e.what());
    }
    return Outcome::Continue;
}

Json Server::initialize(const Json& params)
{
    if (initialized_)
        throw RequestError{kInvalidRequest, "the server is already initialized"};
    if (!params.is_object())
        throw RequestError{kInvalidParams, "\"params\" must be an object"};
    const Json capabilities = params.contains("capabilities") && params["capabilities"].is_object()
                                  ? params["capabilities"] : Json::object();
    client_.snippets = boolAt(capabilities, {"textDocument", "completion", "completionItem", "snippetSupport"});
    client_.hierarchicalSymbols = boolAt(capabilities, {"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
    client_.prepareRename = boolAt(capabilities, {"textDocument", "rename", "prepareSupport"});
    client_.markdown = markdownSupported(capabilities);
    if (params.contains("rootUri") && params["rootUri"].is_string())
        rootPath_ = pathOfUri(params["rootUri"].get<std::string>());
    else if (params.contains("rootPath") && params["rootPath"].is_string())
        rootPath_ = params["rootPath"].get<std::string>();
    initialized_ = true;
    if (params.contains("initializationOptions") && params["initializationOptions"].is_object())
        configure(params["initializationOptions"]);

    const Json capabilitiesOut = {
        {"positionEncoding", "utf-16"},
        {"textDocumentSync", {{"openClose", true}, {"change", 2}}},
        {"completionProvider", {{"triggerCharacters", {".", "$"}}, {"resolveProvider", false}}},
        {"hoverProvider", true},
        {"signatureHelpProvider", {{"triggerCharacters", {"(", ","}}, {"retriggerCharacters", {","}}}},
        {"definitionProvider", true},
        {"referencesProvider", true},
        {"renameProvider", {{"prepareProvider", true}}},
        {"documentSymbolProvider", true},
        {"foldingRangeProvider", true},
        {"documentFormattingProvider", true},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix", "source.format"}}}},
    };
    return {{"capabilities", capabilitiesOut},
            {"serverInfo", {{"name", "mapping-dsl"}, {"version", MDSL_PROJECT_VERSION}}}};
}

Json Server::request(const std::string& method, const Json& params)
{
    if (method == "initialize")
        return initialize(params);
    if (method == "shutdown") {
        shutdown_ = true;
        return nullptr;
    }
    using Feature = Json (*)(Server&, Document&, const mdsl::Analysis&, std::uint32_t, const Json&);
    static const std::map<std::string, Feature, std::less<>> atPosition = {
        {"textDocument/completion",
         [](Server& s, Document& d, const mdsl::Analysis& a, std::uint32_t at, const Json&) {
             return completion(d, a, at, s.samples_.pathsFor(d.path), s.client_);
         }},
        {"textDocument/hover",
         [](Server& s, Document& d, const mdsl::Analysis& a, std::uint32_t at, const Json&) { return hover(d, a, at, s.client_); }},
        {"textDocument/signatureHelp",
         [](Server&, Document& d, const mdsl::Analysis&, std::uint32_t at, const Json&) { return signatureHelp(d, at); }},
        {"textDocument/definition",
         [](Server&, Document& d, const mdsl::Analysis& a, std::uint32_t at, const Json&) { return definition(d, a, at); }},
        {"textDocument/references",
         [](Server&, Document& d, const mdsl::Analysis& a, std::uint32_t at, const Json& p) {
             const bool declaration = p.contains("context") && p["context"].is_object() &&
                                      p["context"].value("includeDeclaration", false);
             return references(d, a, at, declaration);
         }},
        {"textDocument/prepareRename",
         [](Server&, Document& d, const mdsl::Analysis& a, std::uint32_t at, const Json&) { return prepareRename(d, a, at); }},
        {"textDocument/rename",
         [](Server&, Document& d, const mdsl::Analysis& a, std::uint32_t at, const Json& p) {
             return rename(d, a, at, stringMember(p, "newName"));
         }},
    };
    if (const auto found = atPosition.find(method); found != atPosition.end()) {
        Document& document = documentOf(params);
        const std::uint32_t offset = positionOffset(document, params);
        return found->second(*this, document, analysisOf(document), offset, params);
    }
    if (method == "textDocument/documentSymbol") {
        Document& document = documentOf(params);
        return documentSymbols(document, analysisOf(document), client_);
    }
    if (method == "textDocument/foldingRange") {
        Document& document = documentOf(params);
        return foldingRanges(document, analysisOf(document));
    }
    if (method == "textDocument/formatting")
        return formatting(documentOf(params));
    if (method == "textDocument/codeAction") {
        Document& document = documentOf(params);
        return codeActions(document, analysisOf(document), params);
    }
    throw RequestError{kMethodNotFound, "unknown method '" + method + "'"};
}

void Server::notification(const std::string& method, const Json& params)
{
    if (method == "textDocument/didOpen")
        didOpen(params);
    else if (method == "textDocument/didChange")
        didChange(params);
    else if (method == "textDocument/didClose")
        didClose(params);
    else if (method == "workspace/didChangeConfiguration")
        configure(params.is_object() && params.contains("settings") ? params["settings"] : Json::object());
    // Others (initialized, didSave, $/setTrace, $/cancelRequest...) need nothing from us.
}

} // namespace lsp
