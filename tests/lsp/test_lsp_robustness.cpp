// `mapping-dsl lsp` under bad input: broken frames, bodies that are not JSON or not JSON-RPC,
// parameters of the wrong type, unknown methods and documents, positions outside the text,
// cancellation, and the lifecycle rules of the specification. Each gets its error response
// (or is ignored, for a notification) and the server goes on; nothing crashes.

#include "testmain.h"

#include "lspclient.h"

#include <tuple>

namespace {

json initializeParams()
{
    return {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}};
}

bool isErrorResponse(const json& m, int code)
{
    return m.contains("error") && m["error"]["code"] == code && m.contains("id");
}

/// The next error response with a null id (a message the server could not read).
json nullIdError(LspClient& client)
{
    return client.waitFor([](const json& m) { return m.contains("error") && m["id"].is_null(); });
}

const std::string kUri = "file:///nowhere/m.mdsl";

json hoverAt(std::int64_t line, std::int64_t character)
{
    return {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", line}, {"character", character}}}};
}

} // namespace

class TestLspRobustness : public QObject {
    Q_OBJECT

private slots:
    void brokenFramesAndMessages()
    {
        LspClient client;
        QVERIFY(client.started());
        // Before initialize: requests are refused, the server keeps listening.
        QCOMPARE(client.request("textDocument/hover", hoverAt(0, 0))["error"]["code"], json(-32002));
        QVERIFY(client.request("initialize", initializeParams()).contains("result"));
        QCOMPARE(client.request("initialize", initializeParams())["error"]["code"], json(-32600));

        // A Content-Length that is not a number (its body then skipped as bytes outside of a
        // message), one past the limit, a header without one, a body that is not JSON, one
        // nested too deep: each is answered with a parse error, and the next message is read.
        client.writeRaw("Content-Length: abc\r\n\r\n{\"jsonrpc\":\"2.0\"}");
        client.writeRaw("Content-Length: 99999999999999999999\r\n\r\n");
        client.writeRaw("Content-Type: application/json\r\n\r\n");
        client.writeRaw(LspClient::frame("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": "));
        client.writeRaw(LspClient::frame(std::string(100000, '[') + std::string(100000, ']')));
        QCOMPARE(client.request("shutdown-probe", json::object())["error"]["code"], json(-32601));
        std::string messages;
        int parseErrors = 0;
        std::deque<json>& received = client.received();
        for (auto it = received.begin(); it != received.end();) {
            if (it->contains("error") && (*it)["id"].is_null()) {
                QCOMPARE((*it)["error"]["code"], json(-32700));
                messages += (*it)["error"]["message"].get<std::string>() + "\n";
                ++parseErrors;
                it = received.erase(it);
            } else {
                ++it;
            }
        }
        QVERIFY2(parseErrors >= 5, messages.c_str());
        for (const char* expected : {"'abc'", "99999999999999999999", "not JSON", "deeper than 512"})
            QVERIFY2(messages.find(expected) != std::string::npos, messages.c_str());

        // The long rest of a bad frame, with the next frame right behind it on its line.
        client.writeRaw("Content-Length: 12\r\n\r\n{\"jsonrpc\": " + QByteArray(20000, 'x') +
                        LspClient::frame(R"({"jsonrpc":"2.0","id":99,"method":"shutdown-probe"})"));
        QVERIFY(isErrorResponse(client.waitFor([](const json& m) { return m.value("id", json()) == 99; }), -32601));
        std::deque<json>& pending = client.received();
        for (auto it = pending.begin(); it != pending.end();)
            it = it->contains("error") && (*it)["id"].is_null() ? pending.erase(it) : std::next(it);

        // Valid JSON that is not a valid message.
        client.writeRaw(LspClient::frame("[1, 2]"));
        QCOMPARE(nullIdError(client)["error"]["code"], json(-32600));
        client.writeRaw(LspClient::frame("42"));
        QCOMPARE(nullIdError(client)["error"]["code"], json(-32600));
        client.send({{"jsonrpc", "2.0"}, {"id", 5}, {"method", 5}});
        QVERIFY(isErrorResponse(client.waitFor([](const json& m) { return m.value("id", json()) == 5; }), -32600));
        client.send({{"jsonrpc", "2.0"}, {"id", {{"x", 1}}}, {"method", "textDocument/hover"}});
        QCOMPARE(nullIdError(client)["error"]["code"], json(-32600));
        client.send({{"jsonrpc", "1.0"}, {"id", 6}, {"method", "shutdown"}});
        QVERIFY(isErrorResponse(client.waitFor([](const json& m) { return m.value("id", json()) == 6; }), -32600));
        client.send({{"jsonrpc", "2.0"}, {"id", 7}, {"method", "textDocument/hover"}, {"params", "text"}});
        QVERIFY(isErrorResponse(client.waitFor([](const json& m) { return m.value("id", json()) == 7; }), -32602));

        // Unknown methods: a request gets -32601, a notification nothing.
        client.notify("$/unknownNotification", json::object());
        client.notify("workspace/somethingElse", {{"x", 1}});
        QCOMPARE(client.request("textDocument/unknown", json::object())["error"]["code"], json(-32601));

        // Requests on a document that is not open; parameters of the wrong type.
        QCOMPARE(client.request("textDocument/hover", hoverAt(0, 0))["error"]["code"], json(-32602));
        client.notify("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", 42}}}});
        QCOMPARE(client.notification("window/logMessage")["params"]["type"], json(1));
        QCOMPARE(client.request("textDocument/hover", hoverAt(0, 0))["error"]["code"], json(-32602));
        client.notify("textDocument/didOpen",
                      {{"textDocument", {{"uri", kUri}, {"version", 1}, {"text", "let a = .x\n# é 😀\nb <- a"}}}});
        QCOMPARE(client.request("textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", "0"}, {"character", 0}}}})["error"]["code"],
                 json(-32602));
        QCOMPARE(client.request("textDocument/completion", {{"textDocument", kUri}, {"position", {{"line", 0}, {"character", 0}}}})["error"]["code"],
                 json(-32602));
        QCOMPARE(client.request("textDocument/rename", hoverAt(0, 0))["error"]["code"], json(-32602));

        // Positions: a line past the end and negative numbers are errors; a character past
        // the end of its line is the end of the line (the specification), even inside the
        // emoji's surrogate pair.
        QCOMPARE(client.request("textDocument/hover", hoverAt(3, 0))["error"]["code"], json(-32602));
        QCOMPARE(client.request("textDocument/hover", hoverAt(-1, 0))["error"]["code"], json(-32602));
        QCOMPARE(client.request("textDocument/definition", hoverAt(0, std::int64_t(1) << 40))["result"], json(nullptr));
        QVERIFY(client.request("textDocument/hover", hoverAt(1, 5)).contains("result"));
        QVERIFY(client.request("textDocument/completion", hoverAt(1, 1000)).contains("result"));
        // Just past a name is still on it.
        const json definition = client.request("textDocument/definition", hoverAt(2, 6));
        QCOMPARE(definition["result"]["range"]["start"], json({{"line", 0}, {"character", 4}}));

        // A change out of range is clamped to the text, never past it.
        client.notify("textDocument/didChange",
                      {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                       {"contentChanges", json::array({{{"range", {{"start", {{"line", 90}, {"character", 0}}},
                                                                   {"end", {{"line", 99}, {"character", 9}}}}},
                                                        {"text", "\nc <- a"}}})}});
        const json published = client.diagnostics(kUri, 2);
        QCOMPARE(published["params"]["diagnostics"], json::array());
        const json references = client.request("textDocument/references",
                                               {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 4}}},
                                                {"context", {{"includeDeclaration", false}}}});
        QCOMPARE(references["result"].size(), std::size_t{2});
        QCOMPARE(references["result"][0]["range"]["start"], json({{"line", 2}, {"character", 5}}));
        QCOMPARE(references["result"][1]["range"]["start"], json({{"line", 3}, {"character", 5}}));

        // A change list with one bad change is refused whole: the text stays as it was.
        client.notify("textDocument/didChange",
                      {{"textDocument", {{"uri", kUri}, {"version", 3}}},
                       {"contentChanges", json::array({{{"range", {{"start", {{"line", 0}, {"character", 0}}},
                                                                   {"end", {{"line", 0}, {"character", 0}}}}},
                                                        {"text", "zzz\n"}},
                                                       {{"range", {{"start", "x"}}}, {"text", ""}}})}});
        QVERIFY(client.notification("window/logMessage")["params"]["message"].get<std::string>().find("textDocument/didChange") == 0);
        const json unchanged = client.request("textDocument/references",
                                              {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 4}}},
                                               {"context", {{"includeDeclaration", false}}}});
        QCOMPARE(unchanged, json({{"jsonrpc", "2.0"}, {"id", unchanged["id"]}, {"result", references["result"]}}));

        // Cancellation: a request cancelled before it is answered gets -32800.
        client.writeRaw(LspClient::frame(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":77}})") +
                        LspClient::frame(R"({"jsonrpc":"2.0","id":77,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":")" +
                                         kUri + R"("}}})"));
        QVERIFY(isErrorResponse(client.waitFor([](const json& m) { return m.value("id", json()) == 77; }), -32800));

        // The server answered all of it and is still there.
        QVERIFY(client.request("shutdown", nullptr).contains("result"));
        client.notify("exit", nullptr);
        QCOMPARE(client.exitCode(), 0);
    }

    void commandLine()
    {
        const auto run = [](const QStringList& args) {
            QProcess process;
            process.start(QStringLiteral(MDSL_CLI), args);
            process.closeWriteChannel();
            process.waitForFinished(20000);
            return std::make_pair(process.exitCode(), QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()));
        };
        auto [code, text] = run({QStringLiteral("lsp"), QStringLiteral("--help")});
        QCOMPARE(code, 0);
        QVERIFY(text.contains(QStringLiteral("Language Server Protocol")));
        std::tie(code, text) = run({QStringLiteral("lsp"), QStringLiteral("--debounce"), QStringLiteral("soon")});
        QCOMPARE(code, 2);
        QVERIFY2(text.contains(QStringLiteral("--debounce takes milliseconds")), qPrintable(text));
        std::tie(code, text) = run({QStringLiteral("lsp"), QStringLiteral("extra")});
        QCOMPARE(code, 2);
        QVERIFY2(text.contains(QStringLiteral("unexpected argument 'extra'")), qPrintable(text));
        // Standard input closed at once, before anything: the end of the input without shutdown.
        std::tie(code, text) = run({QStringLiteral("lsp"), QStringLiteral("--stdio")});
        QCOMPARE(code, 1);
    }

    void exitWithoutShutdown()
    {
        LspClient client;
        QVERIFY(client.request("initialize", initializeParams()).contains("result"));
        client.notify("exit", nullptr);
        QCOMPARE(client.exitCode(), 1);
    }

    void endOfInputWithoutExit()
    {
        LspClient client;
        QVERIFY(client.request("initialize", initializeParams()).contains("result"));
        client.writeRaw("Content-Length: 40\r\n\r\n{\"jsonrpc\"");   // cut short
        QCOMPARE(client.exitCode(), 1);
    }
};

MDSL_TEST_MAIN(TestLspRobustness)
#include "test_lsp_robustness.moc"
