#pragma once
// A real `mapping-dsl serve` on the loopback (127.0.0.1, a port the service picks free), and
// a small HTTP client over Qt Network to talk to it as any client does.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

namespace servicetest {

inline const QString kExamples = QStringLiteral(MDSL_SOURCE_DIR "/resources/examples/");

inline QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Writes a file whole, as a deployment tool does (a temporary file renamed over it).
inline bool writeAtomically(const QString& path, const QByteArray& content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(content);
    return file.commit();
}

/// Production's flag file with the seven flags on, but for the ones named off.
inline QByteArray flagFile(const QStringList& off = {})
{
    QByteArray out = "# production flags\n";
    for (const char* name : {"mapping_dsl_v2_enabled", "mapping_dsl_v2_default", "mapping_dsl_v1_fallback",
                             "mapping_dsl_v2_containers", "mapping_dsl_v2_jsonpath", "mapping_dsl_v2_array_ops",
                             "mapping_dsl_v2_new_ops"})
        out += QByteArray(name) + (off.contains(QLatin1String(name)) ? ": false\n" : ": true\n");
    return out;
}

struct Reply {
    int status = 0;                   ///< 0: no HTTP answer
    QByteArray body;
    QString engine;                   ///< X-Mapping-Engine
    QString fallback;                 ///< X-Mapping-Fallback
    QString contentType;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/// One `mapping-dsl serve` process for the length of a test.
class Server {
public:
    Server() = default;
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    ~Server() { stop(); }

    /// Starts the service on 127.0.0.1, any free port; true once it listens.
    bool start(const QStringList& options = {})
    {
        QStringList args = {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                            QStringLiteral("--port"), QStringLiteral("0")};
        args += options;
        process_.start(QStringLiteral(MDSL_CLI), args);
        if (!process_.waitForStarted())
            return false;
        static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000 && process_.state() == QProcess::Running) {
            process_.waitForReadyRead(100);
            log_ += QString::fromUtf8(process_.readAllStandardError());
            const QRegularExpressionMatch m = listening.match(log_);
            if (m.hasMatch()) {
                port_ = m.captured(1).toInt();
                return true;
            }
        }
        log_ += QString::fromUtf8(process_.readAllStandardError());
        return false;
    }

    /// SIGTERM and the exit code; -1 when it did not stop within 20 s (then killed).
    int stop()
    {
        if (process_.state() == QProcess::NotRunning)
            return process_.exitStatus() == QProcess::NormalExit ? process_.exitCode() : -1;
        ::kill(static_cast<pid_t>(process_.processId()), SIGTERM);
        if (!process_.waitForFinished(20000)) {
            process_.kill();
            process_.waitForFinished();
            return -1;
        }
        log_ += QString::fromUtf8(process_.readAllStandardError());
        return process_.exitStatus() == QProcess::NormalExit ? process_.exitCode() : -1;
    }

    void signal(int sig) { ::kill(static_cast<pid_t>(process_.processId()), sig); }

    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] QString url(const QString& path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port_).arg(path);
    }
    /// Standard error so far: the service's log lines.
    QString log()
    {
        log_ += QString::fromUtf8(process_.readAllStandardError());
        return log_;
    }
    /// Standard output so far: the access log.
    QString accessLog()
    {
        access_ += QString::fromUtf8(process_.readAllStandardOutput());
        return access_;
    }
    [[nodiscard]] bool running() const { return process_.state() == QProcess::Running; }
    QProcess& process() { return process_; }

    Reply post(const QString& path, const QByteArray& body, const QByteArray& contentType = "application/json")
    {
        QNetworkRequest request(QUrl(url(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        return wait(manager_.post(request, body));
    }

    Reply get(const QString& path) { return wait(manager_.get(QNetworkRequest(QUrl(url(path))))); }

private:
    Reply wait(QNetworkReply* reply)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.engine = QString::fromLatin1(reply->rawHeader("X-Mapping-Engine"));
        r.fallback = QString::fromLatin1(reply->rawHeader("X-Mapping-Fallback"));
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        r.error = reply->error();
        reply->deleteLater();
        return r;
    }

    QProcess process_;
    QNetworkAccessManager manager_;
    int port_ = 0;
    QString log_;
    QString access_;
};

/// {"mapping": text, "input": input} (and more members), as the dry-run endpoint takes it.
inline QByteArray body(const QByteArray& mapping, const QByteArray& input = {}, const QJsonObject& extra = {})
{
    QJsonObject o = extra;
    o[QStringLiteral("mapping")] = QString::fromUtf8(mapping);
    if (!input.isNull())
        o[QStringLiteral("input")] = QJsonDocument::fromJson(input).isObject()
            ? QJsonValue(QJsonDocument::fromJson(input).object())
            : QJsonValue(QJsonDocument::fromJson(input).array());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// {"items": [{"s": "0abcdefghij"}, ...]}: an input large enough to keep an engine busy.
inline QByteArray manyItems(int count)
{
    QByteArray items = "{\"items\": [";
    for (int i = 0; i < count; ++i)
        items += (i ? ",{\"s\":\"" : "{\"s\":\"") + QByteArray::number(i) + "abcdefghij\"}";
    return items + "]}";
}

/// Runs mapping-dsl with arguments and returns its standard output.
inline QByteArray cli(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(MDSL_CLI), args);
    process.waitForFinished(60000);
    return process.readAllStandardOutput();
}

} // namespace servicetest
