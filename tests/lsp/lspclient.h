#pragma once
// A Language Server Protocol client for the tests: starts the real `mapping-dsl lsp`, sends
// framed JSON-RPC messages (or raw bytes) and waits for what the server sends back.

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QTest>

#include <deque>
#include <functional>
#include <optional>
#include <string>

using json = nlohmann::json;

class LspClient {
public:
    explicit LspClient(const QStringList& args = {QStringLiteral("lsp")})
    {
        process_.start(QStringLiteral(MDSL_CLI), args);
        started_ = process_.waitForStarted();
    }
    ~LspClient()
    {
        if (process_.state() != QProcess::NotRunning) {
            process_.kill();
            process_.waitForFinished();
        }
    }

    [[nodiscard]] bool started() const { return started_; }

    void writeRaw(const QByteArray& bytes) { process_.write(bytes); process_.waitForBytesWritten(); }

    static QByteArray frame(const std::string& body)
    {
        return QByteArray("Content-Length: ") + QByteArray::number(qsizetype(body.size())) + "\r\n\r\n" +
               QByteArray::fromStdString(body);
    }

    void send(const json& message) { writeRaw(frame(message.dump())); }

    void notify(const std::string& method, const json& params)
    {
        send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
    }

    /// Sends a request and waits for its response (the whole message: "result" or "error").
    json request(const std::string& method, const json& params)
    {
        const int id = nextId_++;
        send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
        return waitFor([id](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); });
    }

    /// The next message the predicate accepts (earlier ones are kept for later waits);
    /// an empty object after the timeout.
    json waitFor(const std::function<bool(const json&)>& accept, int timeoutMs = 20000)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            for (auto it = received_.begin(); it != received_.end(); ++it)
                if (accept(*it)) {
                    json found = std::move(*it);
                    received_.erase(it);
                    return found;
                }
            if (timer.elapsed() > timeoutMs || process_.state() == QProcess::NotRunning)
                return json::object();
            process_.waitForReadyRead(50);
            buffer_ += process_.readAllStandardOutput();
            parseFrames();
        }
    }

    json notification(const std::string& method, int timeoutMs = 20000)
    {
        return waitFor([&](const json& m) { return m.value("method", "") == method; }, timeoutMs);
    }

    /// Diagnostics published for a URI at a version.
    json diagnostics(const std::string& uri, int version)
    {
        return waitFor([&](const json& m) {
            return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri &&
                   m["params"].value("version", -1) == version;
        });
    }

    /// Every message received and not yet taken.
    std::deque<json>& received()
    {
        process_.waitForReadyRead(100);
        buffer_ += process_.readAllStandardOutput();
        parseFrames();
        return received_;
    }

    /// Waits for the server to end; its exit code (-1: it crashed or did not end).
    int exitCode(int timeoutMs = 20000)
    {
        process_.closeWriteChannel();
        if (!process_.waitForFinished(timeoutMs))
            return -1;
        return process_.exitStatus() == QProcess::NormalExit ? process_.exitCode() : -1;
    }

    QByteArray standardError() { return process_.readAllStandardError(); }

private:
    void parseFrames()
    {
        for (;;) {
            const qsizetype headerEnd = buffer_.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QByteArray header = buffer_.left(headerEnd);
            const qsizetype at = header.indexOf("Content-Length: ");
            QVERIFY2(at >= 0, header.constData());
            const qsizetype length = header.mid(at + 16).trimmed().toLongLong();
            if (buffer_.size() < headerEnd + 4 + length)
                return;
            const QByteArray body = buffer_.mid(headerEnd + 4, length);
            buffer_.remove(0, headerEnd + 4 + length);
            received_.push_back(json::parse(body.toStdString()));
        }
    }

    QProcess process_;
    bool started_ = false;
    QByteArray buffer_;
    std::deque<json> received_;
    int nextId_ = 1;
};
