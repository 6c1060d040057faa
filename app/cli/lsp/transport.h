#pragma once
// JSON-RPC 2.0 over a byte stream, framed as the Language Server Protocol frames it:
// `Content-Length: N\r\n\r\n` then N bytes of JSON. The reader is strict about the frame and
// recovers from a bad one (it looks for the next `Content-Length:` header); the writer is
// safe to call from any thread.

#include "mdsl/json.h"

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>

namespace lsp {

using mdsl::Json;

/// JSON-RPC and LSP error codes.
enum ErrorCode : int {
    kParseError = -32700,
    kInvalidRequest = -32600,
    kMethodNotFound = -32601,
    kInvalidParams = -32602,
    kInternalError = -32603,
    kServerNotInitialized = -32002,
    kRequestFailed = -32803,
    kRequestCancelled = -32800,
};

/// The bounds of one message: like the rest of the command line, no input is read without a
/// limit on its size and nesting.
inline constexpr std::size_t kMaxMessageBytes = std::size_t(64) << 20;
inline constexpr int kMaxMessageDepth = 512;
inline constexpr std::size_t kMaxHeaderLine = 8192;

/// One thing read from the stream: a message's body, a framing or JSON error (answered with
/// an error whose id is null), or the end of the stream.
struct Frame {
    enum class Kind { Message, Error, End } kind = Kind::End;
    Json message;          ///< Message: the parsed JSON body
    int errorCode = 0;     ///< Error: kParseError or kInvalidRequest
    std::string error;     ///< Error: what was wrong, in English
};

/// Reads frames from a file descriptor. read() blocks; stop() (from another thread) makes a
/// blocked read() return End.
class FrameReader {
public:
    explicit FrameReader(int fd);
    ~FrameReader();
    FrameReader(const FrameReader&) = delete;
    FrameReader& operator=(const FrameReader&) = delete;

    Frame read();
    void stop();

private:
    bool fill();                               ///< reads more bytes; false at the end or when stopped
    bool readLine(std::string& line, bool& tooLong);
    bool readBody(std::size_t length, std::string& body);
    Frame body(std::optional<std::size_t> length, const std::string& problem);

    int fd_;
    int stopPipe_[2] = {-1, -1};
    std::string buffer_;
    std::size_t pos_ = 0;
    std::optional<Frame> pending_;   ///< a frame read after skipped bytes, given after their error
};

/// The deepest nesting of arrays and objects in a JSON text (strings skipped), counted
/// without parsing, stopping once past `limit`.
int jsonDepth(std::string_view text, int limit);

/// Writes framed messages to a file descriptor; one message at a time, from any thread.
class FrameWriter {
public:
    explicit FrameWriter(int fd) : fd_(fd) {}
    void write(const Json& message);

private:
    int fd_;
    std::mutex mutex_;
};

} // namespace lsp
