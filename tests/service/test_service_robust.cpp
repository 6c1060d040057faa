// mapping-dsl serve under what clients really send: malformed HTTP, bodies that are not JSON
// or not of the schema, huge bodies, slow clients and abrupt disconnects never crash it; the
// plan's rollback under load fails no request; SIGTERM lets the requests in flight finish.

#include "testmain.h"

#include "servicetest.h"

#include <QTcpSocket>

using namespace servicetest;

namespace {

/// Sends raw bytes on a new connection and returns what came back before the server closed
/// it or `waitMs` passed.
QByteArray exchange(int port, const QByteArray& bytes, int waitMs = 3000)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(port));
    if (!socket.waitForConnected(5000))
        return "no connection";
    socket.write(bytes);
    socket.waitForBytesWritten(5000);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < waitMs && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(100))
            answer += socket.readAll();
        if (answer.contains("\r\n\r\n") && answer.contains("}"))
            break;
    }
    return answer + socket.readAll();
}

QString errorCode(const Reply& r)
{
    return r.json()[QStringLiteral("error")].toObject()[QStringLiteral("code")].toString();
}

} // namespace

class TestServiceRobust : public QObject {
    Q_OBJECT

private slots:
    void malformedHttpIsAnsweredAndForgotten()
    {
        Server server;
        QVERIFY2(server.start(), qPrintable(server.log()));
        const QByteArray cases[] = {
            "GARBAGE\r\n\r\n",
            "POST /api/v1/mappings/dry-run HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}",
            "POST /api/v1/mappings/dry-run HTTP/9.9\r\n\r\n",
            "GET /" + QByteArray(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /api/v1/mappings/dry-run HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            QByteArray("\x00\x01\x02\xff\xfe\r\n\r\n", 9),
        };
        for (const QByteArray& bytes : cases) {
            const QByteArray answer = exchange(server.port(), bytes);
            QVERIFY2(answer.isEmpty() || answer.startsWith("HTTP/1.1 4"), answer.constData());
            QVERIFY(server.running());
        }
        QCOMPARE(server.get(QStringLiteral("/healthz")).status, 200);
        QCOMPARE(server.get(QStringLiteral("/nowhere")).status, 404);
        QCOMPARE(errorCode(server.get(QStringLiteral("/nowhere"))), QStringLiteral("not-found"));
        const Reply get = server.get(QStringLiteral("/api/v1/mappings/dry-run"));
        QCOMPARE(get.status, 405);
        QCOMPARE(errorCode(get), QStringLiteral("method-not-allowed"));
        QCOMPARE(server.stop(), 0);
    }

    void bodiesThatAreNotRequestsGet400WithTheReason()
    {
        Server server;
        QVERIFY2(server.start(), qPrintable(server.log()));
        const struct {
            const char* body;
            const char* says;
        } cases[] = {
            {"", "not JSON"},
            {"not json", "not JSON"},
            {"{\"mapping\": \"a <- .a\", ", "not JSON"},
            {"[1, 2]", "must be a JSON object, not array"},
            {"{\"mapping\": 3, \"input\": {}}", "/mapping must be a string"},
            {"{\"mapping\": \"a <- .a\"}", "needs 'mapping' (a string) and 'input'"},
            {"{\"input\": {}}", "needs 'mapping'"},
            {"{\"mapping\": \"a <- .a\", \"input\": {}, \"extra\": 1}", "no member 'extra'"},
            {"{\"mapping\": \"a <- .a\", \"input\": {}, \"flags\": []}", "/flags must be an object"},
            {"{\"mapping\": \"a <- .a\", \"input\": {}, \"flags\": {\"mapping_dsl_v2_enabled\": \"no\"}}", "must be a boolean"},
            {"{\"mapping\": \"a <- .a\", \"input\": {}, \"flags\": {\"v3\": true}}", "no member 'v3'"},
            {"{\"mapping\": \"a <- .a\", \"input\": {}, \"trace\": 1}", "/trace must be a boolean"},
            {"{\"mapping\": \"a <- .a\", \"input\": {}, \"now_ms\": \"today\"}", "/now_ms must be an integer"},
            {"{\"mapping\": \"a <- .a\", \"input\": {}, \"limits\": {\"max_steps\": -1}}", "positive integer"},
            {"{\"mapping\": \"a <- .a\", \"input\": {}, \"limits\": {\"max_time_ms\": 0.5}}", "positive integer"},
            {"{\"mapping\": \"a <- .a\", \"input\": {}, \"limits\": {\"forever\": 1}}", "no member 'forever'"},
        };
        for (const auto& c : cases) {
            const Reply r = server.post(QStringLiteral("/api/v1/mappings/dry-run"), c.body);
            QCOMPARE(r.status, 400);
            QCOMPARE(errorCode(r), QStringLiteral("bad-request"));
            const QString message = r.json()[QStringLiteral("error")].toObject()[QStringLiteral("message")].toString();
            QVERIFY2(message.contains(QLatin1String(c.says)), qPrintable(QLatin1String(c.body) + QStringLiteral(" -> ") + message));
        }
        // Validate and compile take no input.
        QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/validate"), R"({"mapping": "a <- .a", "input": {}})").status, 400);
        // A mapping that is not UTF-8 or not a mapping at all is a mapping with errors, not a refusal.
        const Reply junk = server.post(QStringLiteral("/api/v1/mappings/validate"), "{\"mapping\": \"\\u0000<<<{{{ ]]\"}");
        QCOMPARE(junk.status, 200);
        QVERIFY(!junk.json()[QStringLiteral("diagnostics")].toArray().isEmpty());
        // Deep nesting in the input is the run's E403, not a crash.
        const QByteArray deep = "{\"mapping\": \"a <- .a\", \"input\": {\"a\": " + QByteArray(5000, '[') + QByteArray(5000, ']') + "}}";
        const Reply nested = server.post(QStringLiteral("/api/v1/mappings/dry-run"), deep);
        QVERIFY2(nested.status == 200 || nested.status == 400, nested.body.constData());
        QVERIFY(server.running());
        QCOMPARE(server.stop(), 0);
    }

    void hugeBodiesSlowClientsAndDisconnectsLeaveItServing()
    {
        Server server;
        QVERIFY2(server.start({QStringLiteral("--read-timeout-ms"), QStringLiteral("500"), QStringLiteral("--max-body"),
                               QStringLiteral("1048576")}),
                 qPrintable(server.log()));
        // A body of 8 MiB announced and sent: 413, whatever the client does next.
        const QByteArray huge(8 << 20, ' ');
        const Reply big = server.post(QStringLiteral("/api/v1/mappings/dry-run"), huge);
        QVERIFY2(big.status == 413 || big.error != QNetworkReply::NoError, big.body.constData());

        // A client that sends half a request and goes silent is disconnected after the read
        // timeout; the others are served meanwhile.
        QTcpSocket slow;
        slow.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(server.port()));
        QVERIFY(slow.waitForConnected(5000));
        slow.write("POST /api/v1/mappings/dry-run HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"mapp");
        slow.waitForBytesWritten(1000);
        QCOMPARE(server.get(QStringLiteral("/healthz")).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(slow.state() != QAbstractSocket::ConnectedState || (slow.waitForReadyRead(50), slow.state() != QAbstractSocket::ConnectedState), 5000);

        // Clients that vanish mid-request, or right after connecting.
        for (int i = 0; i < 50; ++i) {
            QTcpSocket gone;
            gone.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(server.port()));
            QVERIFY(gone.waitForConnected(5000));
            if (i % 2)
                gone.write("POST /api/v1/mappings/dry-run HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{\"mapping\"");
            gone.waitForBytesWritten(1000);
            gone.abort();
        }
        const Reply after = server.post(QStringLiteral("/api/v1/mappings/dry-run"), body("a <- .a\n", R"({"a": 1})"));
        QCOMPARE(after.status, 200);
        QVERIFY(server.running());
        QCOMPARE(server.stop(), 0);
    }

    void accessLogHasALinePerRequest()
    {
        Server server;
        QVERIFY2(server.start(), qPrintable(server.log()));
        QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/dry-run"), body("a <- .a\n", R"({"a": 1})")).status, 200);
        QCOMPARE(server.get(QStringLiteral("/nowhere")).status, 404);
        QTRY_VERIFY(server.accessLog().contains(QStringLiteral("\"POST /api/v1/mappings/dry-run\" 200")));
        QVERIFY2(server.accessLog().contains(QStringLiteral("engine=v2 fallback=false ms=")), qPrintable(server.accessLog()));
        QTRY_VERIFY(server.accessLog().contains(QStringLiteral("\"GET /nowhere\" 404")));
        QVERIFY(server.accessLog().contains(QStringLiteral("127.0.0.1")));
    }

    void sigtermLetsTheRequestsInFlightFinish()
    {
        Server server;
        QVERIFY2(server.start({QStringLiteral("--jobs"), QStringLiteral("1")}), qPrintable(server.log()));
        const QByteArray items = manyItems(60000);
        const QByteArray mapping = "mapping \"m\" version 2\nout <- join(sort(map(.items, upper(.s))), \",\")\n";
        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(server.url(QStringLiteral("/api/v1/mappings/dry-run"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply* inFlight = manager.post(request, body(mapping, items));
        QTRY_VERIFY_WITH_TIMEOUT(server.get(QStringLiteral("/metrics")).body.contains("mapping_dsl_in_flight_requests 1")
                                     || inFlight->isFinished(),
                                 10000);
        server.signal(SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(inFlight->isFinished(), 20000);
        QCOMPARE(inFlight->error(), QNetworkReply::NoError);
        QCOMPARE(inFlight->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(QJsonDocument::fromJson(inFlight->readAll()).object().contains(QStringLiteral("output")));
        QTRY_VERIFY_WITH_TIMEOUT(!server.running(), 20000);
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.log().contains(QStringLiteral("stopping on SIGTERM")));
        delete inFlight;
    }

#ifdef MDSL_WRK
    void rollbackUnderLoadFailsNoRequest()
    {
        QTemporaryDir dir;
        const QString flags = dir.filePath(QStringLiteral("flags.yml"));
        QVERIFY(writeAtomically(flags, flagFile()));
        Server server;
        QVERIFY2(server.start({QStringLiteral("--flags"), flags, QStringLiteral("--no-access-log")}), qPrintable(server.log()));

        // wrk posts a dry-run of a mapping both engines run (rollback.lua counts who answered
        // and anything that is not a 200 with a run that ended ok).
        const QString request = dir.filePath(QStringLiteral("request.json"));
        QVERIFY(writeAtomically(request, body(readAll(kExamples + QStringLiteral("customer-v1.mdsl")),
                                              readAll(kExamples + QStringLiteral("customer-v1.input.json")))));
        QProcess wrk;
        wrk.start(QStringLiteral(MDSL_WRK), {QStringLiteral("-t2"), QStringLiteral("-c8"), QStringLiteral("-d4s"),
                                             QStringLiteral("-s"), QStringLiteral(MDSL_SOURCE_DIR "/tests/service/rollback.lua"),
                                             server.url(QStringLiteral("/api/v1/mappings/dry-run")), QStringLiteral("--"),
                                             request});
        QVERIFY(wrk.waitForStarted());
        QTest::qWait(1500);

        // The plan's rollback, mid-run: V2 off. Within a second every answer is V1's.
        QVERIFY(writeAtomically(flags, flagFile({QStringLiteral("mapping_dsl_v2_enabled")})));
        QElapsedTimer sinceFlip;
        sinceFlip.start();
        const QByteArray probe = body("a <- .a\n", R"({"a": 1})");
        while (server.post(QStringLiteral("/api/v1/mappings/dry-run"), probe).engine != QStringLiteral("v1")
               && sinceFlip.elapsed() < 5000)
            QTest::qWait(10);
        const qint64 tookMs = sinceFlip.elapsed();
        QVERIFY2(tookMs < 1000, qPrintable(QStringLiteral("the rollback took %1 ms").arg(tookMs)));

        QVERIFY(wrk.waitForFinished(30000));
        const QString out = QString::fromUtf8(wrk.readAllStandardOutput());
        const QRegularExpressionMatch m
            = QRegularExpression(QStringLiteral("RESULT v1=(\\d+) v2=(\\d+) bad=(\\d+) socket=(\\d+)")).match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out + QString::fromUtf8(wrk.readAllStandardError())));
        qInfo("rollback in effect after %lld ms; %s", static_cast<long long>(tookMs), qPrintable(m.captured(0)));
        QVERIFY2(m.captured(1).toInt() > 0 && m.captured(2).toInt() > 0, qPrintable(out));   // both engines answered
        QVERIFY2(m.captured(3).toInt() == 0, qPrintable(out));                                // no failed request
        QVERIFY2(m.captured(4).toInt() == 0, qPrintable(out));                                // no socket error
        QVERIFY(server.get(QStringLiteral("/metrics")).body.contains("mapping_dsl_flag{flag=\"mapping_dsl_v2_enabled\"} 0"));
        QCOMPARE(server.stop(), 0);
    }
#endif
};

MDSL_TEST_MAIN(TestServiceRobust)
#include "test_service_robust.moc"
