#include "lsp/transport.h"

#include <cerrno>
#include <charconv>
#include <poll.h>
#include <unistd.h>

namespace lsp {

namespace {

constexpr std::string_view kLengthHeader = "content-length:";

std::string lowered(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

Frame frameError(int code, std::string message)
{
    Frame frame;
    frame.kind = Frame::Kind::Error;
    frame.errorCode = code;
    frame.error = std::move(message);
    return frame;
}

} // namespace

FrameReader::FrameReader(int fd) : fd_(fd)
{
    if (::pipe(stopPipe_) != 0)
        stopPipe_[0] = stopPipe_[1] = -1;
}

FrameReader::~FrameReader()
{
    for (const int end : stopPipe_)
        if (end >= 0)
            ::close(end);
}

void FrameReader::stop()
{
    if (stopPipe_[1] >= 0) {
        const char byte = 'x';
        [[maybe_unused]] const auto written = ::write(stopPipe_[1], &byte, 1);
    }
}

bool FrameReader::fill()
{
    if (pos_ > 0 && pos_ == buffer_.size()) {
        buffer_.clear();
        pos_ = 0;
    } else if (pos_ > (std::size_t(1) << 20)) {
        buffer_.erase(0, pos_);
        pos_ = 0;
    }
    pollfd fds[2] = {{fd_, POLLIN, 0}, {stopPipe_[0], POLLIN, 0}};
    for (;;) {
        const int ready = ::poll(fds, stopPipe_[0] >= 0 ? 2 : 1, -1);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (stopPipe_[0] >= 0 && (fds[1].revents & POLLIN))
            return false;
        char chunk[65536];
        const ssize_t got = ::read(fd_, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return false;
        buffer_.append(chunk, static_cast<std::size_t>(got));
        return true;
    }
}

bool FrameReader::readLine(std::string& line, bool& tooLong)
{
    line.clear();
    tooLong = false;
    for (;;) {
        const std::size_t newline = buffer_.find('\n', pos_);
        const std::size_t end = newline == std::string::npos ? buffer_.size() : newline;
        line.append(buffer_, pos_, end - pos_);
        pos_ = newline == std::string::npos ? buffer_.size() : newline + 1;
        // A line longer than any header: keep its end, where the next frame's header is when
        // the line is the rest of a bad frame.
        if (line.size() > kMaxHeaderLine) {
            line.erase(0, line.size() - kMaxHeaderLine);
            tooLong = true;
        }
        if (newline != std::string::npos) {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            return true;
        }
        if (!fill())
            return false;
    }
}

bool FrameReader::readBody(std::size_t length, std::string& body)
{
    while (buffer_.size() - pos_ < length)
        if (!fill())
            return false;
    body.assign(buffer_, pos_, length);
    pos_ += length;
    return true;
}

Frame FrameReader::read()
{
    if (pending_) {
        Frame frame = std::move(*pending_);
        pending_.reset();
        return frame;
    }
    std::string line;
    bool tooLong = false;
    std::optional<std::size_t> length;
    std::string problem;
    bool sawHeader = false;
    bool skipped = false;   // bytes outside of any frame (the rest of a bad one)
    for (;;) {
        if (!readLine(line, tooLong))
            return {};
        if (line.empty()) {
            if (!sawHeader)
                continue;   // blank lines between messages
            break;
        }
        std::string lower = lowered(line);
        if (!sawHeader) {
            // After a bad frame, what follows may be the rest of its body: resynchronise on
            // the next Content-Length header, wherever it starts on the line.
            const std::size_t at = lower.rfind(kLengthHeader);
            if (at == std::string::npos) {
                skipped = true;
                continue;
            }
            if (at > 0 || tooLong) {
                skipped = true;
                tooLong = false;
                lower.erase(0, at);
                line.erase(0, at);
            }
        }
        sawHeader = true;
        const std::size_t colon = line.find(':');
        if (tooLong || colon == std::string::npos) {
            problem = "malformed header line";
            continue;
        }
        if (lower.compare(0, kLengthHeader.size(), kLengthHeader) != 0)
            continue;   // Content-Type and other headers: accepted and ignored
        const std::string_view value = trimmed(std::string_view(line).substr(colon + 1));
        std::size_t parsed = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
        if (value.empty() || ec != std::errc() || end != value.data() + value.size())
            problem = "invalid Content-Length '" + std::string(value.substr(0, 40)) + "'";
        else if (parsed > kMaxMessageBytes)
            problem = "Content-Length " + std::string(value) + " is larger than the limit of " +
                      std::to_string(kMaxMessageBytes) + " bytes";
        else
            length = parsed;
    }
    Frame frame = body(length, problem);
    if (!skipped || frame.kind == Frame::Kind::End)
        return frame;
    pending_ = std::move(frame);
    return frameError(kParseError, "bytes outside of a message were skipped");
}

Frame FrameReader::body(std::optional<std::size_t> length, const std::string& problem)
{
    if (!problem.empty() || !length)
        return frameError(kParseError, problem.empty() ? std::string("a message without Content-Length") : problem);
    std::string text;
    if (!readBody(*length, text))
        return {};
    if (jsonDepth(text, kMaxMessageDepth) > kMaxMessageDepth)
        return frameError(kParseError, "the message nests deeper than " + std::to_string(kMaxMessageDepth) + " levels");
    Frame frame;
    try {
        frame.message = mdsl::parseJson(text);
    } catch (const Json::exception& e) {
        return frameError(kParseError, std::string("the message is not JSON: ") + e.what());
    }
    frame.kind = Frame::Kind::Message;
    return frame;
}

int jsonDepth(std::string_view text, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit)
                return deepest;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

void FrameWriter::write(const Json& message)
{
    std::string body;
    mdsl::appendJson(body, message);
    const std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    const std::lock_guard lock(mutex_);
    std::size_t done = 0;
    while (done < frame.size()) {
        const ssize_t wrote = ::write(fd_, frame.data() + done, frame.size() - done);
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0)
            return;   // the client is gone; the reader sees the end of its stream
        done += static_cast<std::size_t>(wrote);
    }
}

} // namespace lsp
