// The server's documents and configuration: open, change and close; the production flag file
// the diagnostics are computed under.

#include "lsp/server.h"

#include "mdsl/report.h"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace lsp {

namespace {

/// A flag file is a few lines; anything past this is not one.
constexpr std::uintmax_t kMaxFlagFileBytes = std::uintmax_t(1) << 20;

/// The server's settings, as initialization options or under "mappingDsl" in
/// workspace/didChangeConfiguration (VS Code's and Neovim's way) or at the top.
const Json* settingsOf(const Json& settings)
{
    if (!settings.is_object())
        return nullptr;
    if (settings.contains("mappingDsl") && settings["mappingDsl"].is_object())
        return &settings["mappingDsl"];
    return &settings;
}

} // namespace

Document& Server::documentOf(const Json& params)
{
    const std::string uri = stringMember(objectMember(params, "textDocument"), "uri");
    const auto found = documents_.find(uri);
    if (found == documents_.end())
        throw RequestError{kInvalidParams, "the document '" + uri + "' is not open"};
    return found->second;
}

const mdsl::Analysis& Server::analysisOf(Document& document)
{
    if (!document.analysis)
        document.analysis = mdsl::analyze(document.text, flags_);
    return *document.analysis;
}

void Server::schedule(Document& document, std::chrono::milliseconds delay)
{
    document.ticket = nextTicket_++;
    document.analysis.reset();
    worker_.schedule({document.uri, document.version, document.ticket, document.text, flags_, {}}, delay);
}

void Server::published(const DiagnosticsWorker::Job& job, const mdsl::Analysis& analysis)
{
    const std::lock_guard lock(documentsMutex_);
    const auto found = documents_.find(job.uri);
    if (found == documents_.end() || found->second.ticket != job.ticket)
        return;   // closed or edited since: a newer job publishes
    Document& document = found->second;
    document.analysis = analysis;
    notify("textDocument/publishDiagnostics",
           {{"uri", job.uri},
            {"version", job.version},
            {"diagnostics", toLspDiagnostics(analysis.diagnostics(mdsl::Route::V2Routed), *document.lines, job.uri, docsUrl_)}});
}

void Server::didOpen(const Json& params)
{
    const Json& item = objectMember(params, "textDocument");
    const std::string uri = stringMember(item, "uri");
    std::string text = stringMember(item, "text");
    if (text.size() > kMaxMessageBytes)
        throw RequestError{kInvalidParams, "the document is larger than the limit"};
    const std::int64_t version = integerMember(item, "version");
    documents_.erase(uri);
    Document& document = documents_[uri];
    document.uri = uri;
    document.path = pathOfUri(uri);
    document.version = version;
    document.setText(std::move(text));
    schedule(document, std::chrono::milliseconds(0));
}

void Server::didChange(const Json& params)
{
    Document& document = documentOf(params);
    if (!params.contains("contentChanges") || !params["contentChanges"].is_array())
        throw RequestError{kInvalidParams, "\"contentChanges\" must be an array"};
    const Json& changes = params["contentChanges"];
    // Validate everything before changing anything: a bad change leaves the text as it was.
    for (const Json& change : changes) {
        if (!change.is_object() || !change.contains("text") || !change["text"].is_string())
            throw RequestError{kInvalidParams, "each content change needs a \"text\" string"};
        if (change.contains("range"))
            for (const char* end : {"start", "end"}) {
                const Json& position = objectMember(objectMember(change, "range"), end);
                (void)integerMember(position, "line");
                (void)integerMember(position, "character");
            }
    }
    for (const Json& change : changes) {
        const std::string& text = change["text"].get_ref<const std::string&>();
        if (!change.contains("range")) {
            document.setText(text);
            continue;
        }
        const Json& range = objectMember(change, "range");
        const Json& start = objectMember(range, "start");
        const Json& end = objectMember(range, "end");
        // Clients send the end of the text as the line past the last one: clamp, as editors do.
        const auto begin = document.lines->offset(integerMember(start, "line"), integerMember(start, "character"), true);
        const auto finish = document.lines->offset(integerMember(end, "line"), integerMember(end, "character"), true);
        document.edit(*begin, *finish, text);
    }
    if (document.text.size() > kMaxMessageBytes)
        throw RequestError{kInvalidParams, "the document is larger than the limit"};
    const Json& item = objectMember(params, "textDocument");
    if (item.contains("version") && item["version"].is_number_integer())
        document.version = item["version"].get<std::int64_t>();
    schedule(document, options_.debounce);
}

void Server::didClose(const Json& params)
{
    const std::string uri = stringMember(objectMember(params, "textDocument"), "uri");
    if (documents_.erase(uri) == 0)
        return;
    worker_.cancel(uri);
    notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}});
}

std::string Server::resolve(const std::string& path) const
{
    std::filesystem::path p(path);
    if (p.is_relative() && !rootPath_.empty())
        p = std::filesystem::path(rootPath_) / p;
    return p.string();
}

void Server::configure(const Json& settings)
{
    const Json* mine = settingsOf(settings);
    if (!mine)
        return;
    if (mine->contains("diagnosticsDocs") && (*mine)["diagnosticsDocs"].is_string())
        docsUrl_ = (*mine)["diagnosticsDocs"].get<std::string>();
    if (!mine->contains("flagsFile"))
        return;
    const Json& file = (*mine)["flagsFile"];
    if (!file.is_string() && !file.is_null()) {
        showMessage(1, "mapping-dsl: \"flagsFile\" must be a path (a string)");
        return;
    }
    loadFlags(file.is_string() ? file.get<std::string>() : std::string());
    for (auto& [uri, document] : documents_)
        schedule(document, std::chrono::milliseconds(0));
}

void Server::loadFlags(const std::string& file)
{
    flagsFile_ = file;
    flags_ = mdsl::Flags();
    if (file.empty())
        return;
    const std::string path = resolve(file);
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    std::string problem = ec ? ec.message() : size > kMaxFlagFileBytes ? "larger than 1 MiB" : std::string();
    std::string text;
    if (problem.empty()) {
        std::ifstream in(path, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof())
            problem = "read error";
    }
    if (!problem.empty()) {
        showMessage(1, "mapping-dsl: cannot read the flag file '" + path + "': " + problem +
                           "; validating with every flag on (production's configuration)");
        return;
    }
    const mdsl::FlagsFile parsed = mdsl::parseFlags(text);
    flags_ = parsed.flags;
    if (!parsed.diagnostics.empty())
        showMessage(mdsl::hasErrors(parsed.diagnostics) ? 1 : 2,
                    "mapping-dsl: the flag file '" + path + "': " + mdsl::renderText(parsed.diagnostics, text, path));
}

} // namespace lsp
