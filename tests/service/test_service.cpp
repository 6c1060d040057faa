// mapping-dsl serve as production runs it: the six endpoints answer exactly what the command
// line prints, routed by the flags; the flags live (reloaded on change and SIGHUP, a bad file
// refused); the metrics valid for promtool; the limits answered with JSON errors.

#include "testmain.h"

#include "servicetest.h"

#include <QJsonArray>

using namespace servicetest;

namespace {

const QString kOrder = kExamples + QStringLiteral("order-export.mdsl");
const QString kOrderInput = kExamples + QStringLiteral("order-export.input.json");
/// Headerless: V2 fails at run time (division by zero), V1 answers by fallback.
const QByteArray kFailsInV2 = "x <- 1 / 0\ny <- .a\n";

QJsonObject withoutTimes(QJsonObject result)
{
    QJsonObject stats = result[QStringLiteral("stats")].toObject();
    stats.remove(QStringLiteral("elapsed_us"));
    result[QStringLiteral("stats")] = stats;
    if (result.contains(QStringLiteral("v2_failure")))
        result[QStringLiteral("v2_failure")] = withoutTimes(result[QStringLiteral("v2_failure")].toObject());
    return result;
}

/// The value of one series in a Prometheus exposition, -1 when absent.
double sample(const QString& metrics, const QString& series)
{
    for (const QString& line : metrics.split(QLatin1Char('\n'))) {
        if (line.startsWith(series + QLatin1Char(' ')))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}

/// Posts `heavy` to the dry-run endpoint and, while it is in flight, a validate request;
/// tries again until the latter is answered `status` (the timing is the scheduler's). Returns
/// that answer's error code, or "" when it never came.
QString refusedWhileBusy(Server& server, const QByteArray& heavy, int status)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(server.url(QStringLiteral("/api/v1/mappings/dry-run"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    for (int attempt = 0; attempt < 10; ++attempt) {
        std::unique_ptr<QNetworkReply> first(manager.post(request, heavy));
        QElapsedTimer waited;
        waited.start();
        while (!first->isFinished() && waited.elapsed() < 10000
               && !server.get(QStringLiteral("/metrics")).body.contains("mapping_dsl_in_flight_requests 1"))
            QTest::qWait(5);
        const Reply second = server.post(QStringLiteral("/api/v1/mappings/validate"), body("a <- .a\n"));
        waited.restart();
        while (!first->isFinished() && waited.elapsed() < 30000)
            QTest::qWait(10);
        if (second.status == status)
            return second.json()[QStringLiteral("error")].toObject()[QStringLiteral("code")].toString();
    }
    return {};
}

} // namespace

class TestService : public QObject {
    Q_OBJECT

private slots:
    void dryRunAnswersWhatTheCommandLinePrints()
    {
        Server server;
        QVERIFY2(server.start(), qPrintable(server.log()));
        const QJsonObject pinned{{QStringLiteral("now_ms"), 0}};
        for (const auto& [path, engine] : {std::pair{QStringLiteral("/api/v1/mappings/dry-run"), QStringLiteral("routed")},
                                           std::pair{QStringLiteral("/api/v1/mappings/dry-run/v1"), QStringLiteral("v1")}}) {
            const Reply r = server.post(path, body(readAll(kOrder), readAll(kOrderInput), pinned));
            QCOMPARE(r.status, 200);
            QVERIFY(r.contentType.startsWith(QStringLiteral("application/json")));
            const QJsonObject expected = QJsonDocument::fromJson(cli({QStringLiteral("dry-run"), kOrder, QStringLiteral("--input"),
                                                                      kOrderInput, QStringLiteral("--engine"), engine,
                                                                      QStringLiteral("--now"), QStringLiteral("1970-01-01T00:00:00Z")}))
                                             .object();
            QVERIFY(!expected.isEmpty());
            QCOMPARE(withoutTimes(r.json()), withoutTimes(expected));
            QCOMPARE(r.engine, engine == QStringLiteral("v1") ? QStringLiteral("v1") : QStringLiteral("v2"));
        }
        // The V2 showcase on the V1-only form: V1 refuses version 2 (E303), as the command line says.
        const Reply v1 = server.post(QStringLiteral("/api/v1/mappings/dry-run/v1"), body(readAll(kOrder), readAll(kOrderInput)));
        QCOMPARE(v1.json()[QStringLiteral("status")].toString(), QStringLiteral("invalid"));
        QCOMPARE(v1.json()[QStringLiteral("diagnostics")].toArray().first().toObject()[QStringLiteral("code")].toString(),
                 QStringLiteral("E303"));
    }

    void validateAndCompileAnswerWhatTheCommandLinePrints()
    {
        Server server;
        QVERIFY2(server.start(), qPrintable(server.log()));
        const QByteArray broken = "mapping \"m\" version 2\nx <- nosuch(.a)\ny <- .b ??\n";
        for (const QByteArray& mapping : {readAll(kOrder), broken}) {
            QTemporaryDir dir;
            const QString file = dir.filePath(QStringLiteral("m.mdsl"));
            QVERIFY(writeAtomically(file, mapping));
            for (const auto& [suffix, engine] : {std::pair{QString(), QStringLiteral("v2")},
                                                 std::pair{QStringLiteral("/v1"), QStringLiteral("v1")}}) {
                const Reply v = server.post(QStringLiteral("/api/v1/mappings/validate") + suffix, body(mapping));
                QCOMPARE(v.status, 200);
                QCOMPARE(v.engine, engine);
                QCOMPARE(v.json(), QJsonDocument::fromJson(cli({QStringLiteral("validate"), file, QStringLiteral("--format"),
                                                                 QStringLiteral("json"), QStringLiteral("--engine"), engine}))
                                       .object());
                const Reply c = server.post(QStringLiteral("/api/v1/mappings/compile") + suffix, body(mapping));
                const QByteArray plan = cli({QStringLiteral("compile"), file, QStringLiteral("--engine"), engine});
                if (plan.isEmpty()) {
                    // The command line prints the diagnostics and exits 1: the service answers 422 with them.
                    QCOMPARE(c.status, 422);
                    QVERIFY(!c.json()[QStringLiteral("diagnostics")].toArray().isEmpty());
                } else {
                    QCOMPARE(c.status, 200);
                    QCOMPARE(QJsonDocument::fromJson(c.body), QJsonDocument::fromJson(plan));
                }
            }
        }
    }

    void routesUnderEachFlagFile()
    {
        QTemporaryDir dir;
        const QString flags = dir.filePath(QStringLiteral("flags.yml"));
        const QByteArray fine = "a <- .a\n";
        struct Case {
            QStringList off;
            QString fineRouted;        ///< engine answering the V2-routed dry-run of a fine mapping
            QString failingRouted;     ///< and of one that fails in V2
            QString failingFallback;   ///< X-Mapping-Fallback of the latter
        };
        const Case cases[] = {
            {{}, QStringLiteral("v2"), QStringLiteral("v1"), QStringLiteral("true")},
            {{QStringLiteral("mapping_dsl_v2_enabled")}, QStringLiteral("v1"), QStringLiteral("v1"), QStringLiteral("false")},
            {{QStringLiteral("mapping_dsl_v1_fallback")}, QStringLiteral("v2"), QStringLiteral("v2"), QStringLiteral("false")},
        };
        for (const Case& c : cases) {
            QVERIFY(writeAtomically(flags, flagFile(c.off)));
            Server server;
            QVERIFY2(server.start({QStringLiteral("--flags"), flags}), qPrintable(server.log()));
            const QByteArray input = R"({"a": 2})";
            const Reply ok = server.post(QStringLiteral("/api/v1/mappings/dry-run"), body(fine, input));
            QCOMPARE(ok.engine, c.fineRouted);
            QCOMPARE(ok.json()[QStringLiteral("engine")].toString(), c.fineRouted);
            QCOMPARE(ok.json()[QStringLiteral("route")].toString(), QStringLiteral("v2"));
            const Reply failing = server.post(QStringLiteral("/api/v1/mappings/dry-run"), body(kFailsInV2, input));
            QCOMPARE(failing.engine, c.failingRouted);
            QCOMPARE(failing.fallback, c.failingFallback);
            QCOMPARE(failing.json()[QStringLiteral("fallback")].toBool(), c.failingFallback == QStringLiteral("true"));
            QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/validate"), body(fine)).engine, c.fineRouted);
            QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/compile"), body(fine)).engine, c.fineRouted);
            // The /v1 forms stay on V1 whatever the flags.
            for (const char* endpoint : {"validate", "compile", "dry-run"}) {
                const bool dryRun = QLatin1String(endpoint) == QLatin1String("dry-run");
                const Reply v1 = server.post(QStringLiteral("/api/v1/mappings/%1/v1").arg(QLatin1String(endpoint)),
                                             dryRun ? body(fine, input) : body(fine));
                QCOMPARE(v1.status, 200);
                QCOMPARE(v1.engine, QStringLiteral("v1"));
            }
            // A request may turn a flag off for itself, never on.
            const QJsonObject v2Off{{QStringLiteral("flags"), QJsonObject{{QStringLiteral("mapping_dsl_v2_enabled"), false}}}};
            const QJsonObject v2On{{QStringLiteral("flags"), QJsonObject{{QStringLiteral("mapping_dsl_v2_enabled"), true}}}};
            QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/dry-run"), body(fine, input, v2Off)).engine, QStringLiteral("v1"));
            QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/dry-run"), body(fine, input, v2On)).engine, c.fineRouted);
            QCOMPARE(server.stop(), 0);
        }
    }

    void flagsReloadLiveAndABadFileIsRefused()
    {
        QTemporaryDir dir;
        const QString flags = dir.filePath(QStringLiteral("flags.yml"));
        QVERIFY(writeAtomically(flags, flagFile()));
        Server server;
        QVERIFY2(server.start({QStringLiteral("--flags"), flags}), qPrintable(server.log()));
        const QByteArray request = body("a <- .a\n", R"({"a": 1})");
        QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/dry-run"), request).engine, QStringLiteral("v2"));

        // The rollback: V2 off; in effect within a second.
        QVERIFY(writeAtomically(flags, flagFile({QStringLiteral("mapping_dsl_v2_enabled")})));
        QTRY_COMPARE_WITH_TIMEOUT(server.post(QStringLiteral("/api/v1/mappings/dry-run"), request).engine,
                                  QStringLiteral("v1"), 1000);
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains(QStringLiteral("flags: reloaded")), 1000);
        QVERIFY(server.get(QStringLiteral("/metrics")).body.contains("mapping_dsl_flag{flag=\"mapping_dsl_v2_enabled\"} 0"));
        QCOMPARE(server.get(QStringLiteral("/readyz")).json()[QStringLiteral("flags")].toObject()
                     [QStringLiteral("mapping_dsl_v2_enabled")].toBool(true),
                 false);

        // A file with an error is refused: the log says so, the flags in use stay.
        QVERIFY(writeAtomically(flags, "mapping_dsl_v2_enabled: true\nmapping_dsl_v1_fallback: maybe\n"));
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains(QStringLiteral("flags: refused")), 2000);
        QVERIFY2(server.log().contains(QStringLiteral("keeping the flags in use")), qPrintable(server.log()));
        QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/dry-run"), request).engine, QStringLiteral("v1"));
        QVERIFY(server.get(QStringLiteral("/metrics")).body.contains("mapping_dsl_flag_reloads_total{result=\"refused\"} 1"));

        // SIGHUP reads the file again, fixed.
        QVERIFY(writeAtomically(flags, flagFile()));
        server.signal(SIGHUP);
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains(QStringLiteral("(SIGHUP)")), 2000);
        QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/dry-run"), request).engine, QStringLiteral("v2"));
        QCOMPARE(server.stop(), 0);
    }

    void aFlagFileWithErrorsIsRefusedAtStart()
    {
        QTemporaryDir dir;
        const QString flags = dir.filePath(QStringLiteral("flags.yml"));
        QVERIFY(writeAtomically(flags, "mapping_dsl_v2_enabled: 12\n"));
        QProcess process;
        process.start(QStringLiteral(MDSL_CLI), {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                                                 QStringLiteral("--flags"), flags});
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains(QStringLiteral("the flag file has errors")));
    }

    void usageErrorsAndUnusableAddressesExitTwo()
    {
        const struct {
            QStringList args;
            const char* says;
        } cases[] = {
            {{QStringLiteral("--port"), QStringLiteral("70000")}, "--port needs a number from 0 to 65535"},
            {{QStringLiteral("--jobs"), QStringLiteral("0")}, "--jobs needs a number from 1 to 1024"},
            {{QStringLiteral("file.mdsl")}, "serve takes no FILE argument"},
            {{QStringLiteral("--bogus")}, "--bogus"},
            {{QStringLiteral("--listen"), QStringLiteral("256.1.1.1"), QStringLiteral("--port"), QStringLiteral("0")},
             "cannot listen on 256.1.1.1"},
            {{QStringLiteral("--flags"), QStringLiteral("/no/such/flags.yml")}, "/no/such/flags.yml"},
        };
        for (const auto& c : cases) {
            QProcess process;
            process.start(QStringLiteral(MDSL_CLI), QStringList{QStringLiteral("serve")} + c.args);
            QVERIFY(process.waitForFinished(20000));
            const QString err = QString::fromUtf8(process.readAllStandardError());
            QCOMPARE(process.exitCode(), 2);
            QVERIFY2(err.contains(QLatin1String(c.says)), qPrintable(err));
        }
        QProcess help;
        help.start(QStringLiteral(MDSL_CLI), {QStringLiteral("serve"), QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(20000));
        QCOMPARE(help.exitCode(), 0);
        QVERIFY(help.readAllStandardOutput().contains("POST /api/v1/mappings/dry-run/v1"));
    }

    void metricsAreValidPrometheusText()
    {
        Server server;
        QVERIFY2(server.start(), qPrintable(server.log()));
        const QByteArray input = R"({"a": 2})";
        for (int i = 0; i < 3; ++i)
            QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/dry-run"), body("a <- .a\n", input)).status, 200);
        QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/dry-run"), body(kFailsInV2, input)).fallback, QStringLiteral("true"));
        QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/validate/v1"), body("a <- \n")).status, 200);
        QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/dry-run"), "{").status, 400);

        const Reply r = server.get(QStringLiteral("/metrics"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.contentType.startsWith(QStringLiteral("text/plain; version=0.0.4")));
        const QString m = QString::fromUtf8(r.body);
        QCOMPARE(sample(m, QStringLiteral(R"(mapping_dsl_requests_total{endpoint="dry-run",route="v2",engine="v2",status="ok",code="200"})")), 3.0);
        QCOMPARE(sample(m, QStringLiteral(R"(mapping_dsl_requests_total{endpoint="dry-run",route="v2",engine="v1",status="failed",code="200"})")), 1.0);
        QCOMPARE(sample(m, QStringLiteral(R"(mapping_dsl_requests_total{endpoint="dry-run",route="v2",engine="none",status="error",code="400"})")), 1.0);
        QCOMPARE(sample(m, QStringLiteral(R"(mapping_dsl_fallbacks_total{endpoint="dry-run"})")), 1.0);
        QCOMPARE(sample(m, QStringLiteral(R"(mapping_dsl_engine_runs_total{engine="v2",status="failed"})")), 1.0);
        QCOMPARE(sample(m, QStringLiteral(R"(mapping_dsl_errors_total{engine="v2",family="E4xx"})")), 1.0);
        QVERIFY(sample(m, QStringLiteral(R"(mapping_dsl_errors_total{engine="v1",family="E1xx"})")) >= 1.0);
        QCOMPARE(sample(m, QStringLiteral(R"(mapping_dsl_request_duration_seconds_count{endpoint="dry-run",engine="v2"})")), 3.0);
        QCOMPARE(sample(m, QStringLiteral(R"(mapping_dsl_request_duration_seconds_bucket{endpoint="dry-run",engine="v2",le="+Inf"})")), 3.0);
        for (const char* flag : {"mapping_dsl_v2_enabled", "mapping_dsl_v2_default", "mapping_dsl_v1_fallback",
                                 "mapping_dsl_v2_containers", "mapping_dsl_v2_jsonpath", "mapping_dsl_v2_array_ops",
                                 "mapping_dsl_v2_new_ops"})
            QCOMPARE(sample(m, QStringLiteral("mapping_dsl_flag{flag=\"%1\"}").arg(QLatin1String(flag))), 1.0);
        QVERIFY(m.contains(QStringLiteral("mapping_dsl_build_info{version=\"")));

#ifdef MDSL_PROMTOOL
        QProcess promtool;
        promtool.start(QStringLiteral(MDSL_PROMTOOL), {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(promtool.waitForStarted());
        promtool.write(r.body);
        promtool.closeWriteChannel();
        QVERIFY(promtool.waitForFinished(30000));
        const QString said = QString::fromUtf8(promtool.readAllStandardOutput() + promtool.readAllStandardError());
        QVERIFY2(promtool.exitCode() == 0 && said.trimmed().isEmpty(), qPrintable(said));
#else
        QSKIP("promtool (Debian's prometheus package) is not installed");
#endif
    }

    void bodiesPastTheLimitGet413()
    {
        Server server;
        QVERIFY2(server.start({QStringLiteral("--max-body"), QStringLiteral("4096")}), qPrintable(server.log()));
        const Reply r = server.post(QStringLiteral("/api/v1/mappings/dry-run"),
                                    body("a <- .a\n", "{\"a\": \"" + QByteArray(8000, 'x') + "\"}"));
        QCOMPARE(r.status, 413);
        QCOMPARE(r.json()[QStringLiteral("error")].toObject()[QStringLiteral("code")].toString(), QStringLiteral("payload-too-large"));
        QCOMPARE(server.post(QStringLiteral("/api/v1/mappings/dry-run"), body("a <- .a\n", R"({"a": 1})")).status, 200);
    }

    void aRunPastItsTimeGets504AndAFullQueue429()
    {
        Server server;
        QVERIFY2(server.start({QStringLiteral("--jobs"), QStringLiteral("1"), QStringLiteral("--queue"), QStringLiteral("0"),
                               QStringLiteral("--max-time-ms"), QStringLiteral("3000")}),
                 qPrintable(server.log()));
        // Enough work to outlast a millisecond, and, unbounded, a good part of a second.
        const QByteArray items = manyItems(60000);
        const QByteArray mapping = "mapping \"m\" version 2\nout <- join(sort(map(.items, upper(.s))), \",\")\n";
        // (Without V1 fallback: V1 would answer, refusing a version 2 document.)
        const QJsonObject oneMs{{QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_time_ms"), 1}}},
                                {QStringLiteral("flags"), QJsonObject{{QStringLiteral("mapping_dsl_v1_fallback"), false}}}};
        const Reply slow = server.post(QStringLiteral("/api/v1/mappings/dry-run"), body(mapping, items, oneMs));
        QCOMPARE(slow.status, 504);
        QCOMPARE(slow.json()[QStringLiteral("error")].toObject()[QStringLiteral("code")].toString(), QStringLiteral("time-limit"));
        QCOMPARE(slow.json()[QStringLiteral("result")].toObject()[QStringLiteral("status")].toString(), QStringLiteral("failed"));

        // One engine, no queue: while a long run holds it, the next request is told 429 at once.
        QCOMPARE(refusedWhileBusy(server, body(mapping, items), 429), QStringLiteral("too-many-requests"));
    }

    void aRequestThatCannotGetAnEngineInTimeGets503()
    {
        // One engine, a queue, and a short time limit: while a request with a large body holds
        // the engine (reading it takes longer than the limit), the next one gives up waiting.
        Server server;
        QVERIFY2(server.start({QStringLiteral("--jobs"), QStringLiteral("1"), QStringLiteral("--queue"), QStringLiteral("4"),
                               QStringLiteral("--max-time-ms"), QStringLiteral("100")}),
                 qPrintable(server.log()));
        const QByteArray heavy = body("a <- .items[0]\n", manyItems(300000));
        QCOMPARE(refusedWhileBusy(server, heavy, 503), QStringLiteral("overloaded"));
        QVERIFY(server.get(QStringLiteral("/metrics")).body.contains("code=\"503\"} 1"));
    }
};

MDSL_TEST_MAIN(TestService)
#include "test_service.moc"
