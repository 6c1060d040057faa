#pragma once
// `mapping-dsl lsp`: a Language Server Protocol 3.17 server over a pair of file descriptors
// (standard input and output). One thread reads and frames the client's messages (and notes
// cancellations as they arrive), the main thread answers them in order, a worker thread
// publishes diagnostics.

#include "lsp/diagnostics.h"
#include "lsp/document.h"
#include "lsp/features.h"
#include "lsp/samples.h"
#include "lsp/transport.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace lsp {

struct ServerOptions {
    /// How long the client must pause typing before a change is analysed.
    std::chrono::milliseconds debounce{25};
};

class Server {
public:
    Server(int in, int out, ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Serves until `exit` or the end of the input; the process's exit code: 0 after
    /// `shutdown`, 1 without.
    int run();

private:
    enum class Outcome { Continue, Exit };

    void readLoop();
    Frame nextFrame();
    Outcome handle(const Json& message);
    void respond(const Json& id, Json result);
    void respondError(const Json& id, int code, const std::string& message);
    void notify(const std::string& method, Json params);
    void showMessage(int type, const std::string& message);

    Json request(const std::string& method, const Json& params);
    void notification(const std::string& method, const Json& params);
    Json initialize(const Json& params);

    // server_documents.cpp
    void didOpen(const Json& params);
    void didChange(const Json& params);
    void didClose(const Json& params);
    void configure(const Json& settings);
    void loadFlags(const std::string& file);
    void schedule(Document& document, std::chrono::milliseconds delay);
    void published(const DiagnosticsWorker::Job& job, const mdsl::Analysis& analysis);
    Document& documentOf(const Json& params);
    const mdsl::Analysis& analysisOf(Document& document);
    std::string resolve(const std::string& path) const;

    ServerOptions options_;
    FrameReader reader_;
    FrameWriter writer_;

    // Frames read ahead, and the ids of requests cancelled meanwhile (reader thread -> main).
    std::mutex queueMutex_;
    std::condition_variable queueReady_;
    std::deque<Frame> queue_;
    std::set<std::string> cancelled_;

    bool initialized_ = false;
    bool shutdown_ = false;
    ClientSupport client_;
    std::string rootPath_;
    std::string docsUrl_;
    std::string flagsFile_;
    mdsl::Flags flags_;
    std::uint64_t nextTicket_ = 1;
    SampleInputs samples_;

    // Documents: the main thread edits them; the worker's publish reads them.
    std::mutex documentsMutex_;
    std::map<std::string, Document> documents_;

    DiagnosticsWorker worker_;   // last: stopped first, before what it calls back into
};

} // namespace lsp
