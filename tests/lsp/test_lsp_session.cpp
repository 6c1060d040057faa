// `mapping-dsl lsp` driven as an editor drives it: initialize, open, incremental changes,
// every request the server offers, configuration, shutdown and exit. Positions are checked
// in UTF-16 code units on lines holding non-ASCII text and an emoji.

#include "testmain.h"

#include "lspclient.h"

#include "mdsl/format.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace {

// Line 7 (0-based) holds an emoji (two UTF-16 code units, four bytes) and an "é" (one unit,
// two bytes) before the misspelt name: `whoo` starts at UTF-16 column 24.
const std::string kMapping = R"(mapping "orders" version 2
# Orders: café ☕
let who = .customer.name
table codes = { "FR": "France", "DE": "Germany" }
order {
  id <- .id
  name <- upper(who)
  note <- concat("😀é", whoo)
  lines[] <- each .items as item {
    sku <- item.sku
  }
}
country <- lookup(codes, .country)
)";

const char* kSample = R"({"id": 1, "customer": {"name": "Ada", "e-mail": "ada@example.org"},
  "items": [{"sku": "x", "qty": 2}], "country": "FR"})";

json position(int line, int character)
{
    return {{"line", line}, {"character", character}};
}

json range(int line, int from, int to)
{
    return {{"start", position(line, from)}, {"end", position(line, to)}};
}

bool hasLabel(const json& completion, const std::string& label)
{
    for (const json& item : completion["result"]["items"])
        if (item["label"] == label)
            return true;
    return false;
}

json itemOf(const json& completion, const std::string& label)
{
    for (const json& item : completion["result"]["items"])
        if (item["label"] == label)
            return item;
    return json::object();
}

} // namespace

class TestLspSession : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string uri_;

    json at(int line, int character) const
    {
        return {{"textDocument", {{"uri", uri_}}}, {"position", position(line, character)}};
    }

    /// Inserts text at a position of the open document, as one incremental change.
    static void insert(LspClient& client, const std::string& uri, int version, int line, int character, const std::string& text)
    {
        client.notify("textDocument/didChange",
                      {{"textDocument", {{"uri", uri}, {"version", version}}},
                       {"contentChanges", json::array({{{"range", range(line, character, character)}, {"text", text}}})}});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        QFile mapping(dir_.filePath(QStringLiteral("orders.mdsl")));
        QVERIFY(mapping.open(QIODevice::WriteOnly));
        mapping.write(QByteArray::fromStdString(kMapping));
        QFile sample(dir_.filePath(QStringLiteral("orders.input.json")));
        QVERIFY(sample.open(QIODevice::WriteOnly));
        sample.write(kSample);
        uri_ = "file://" + dir_.path().toStdString() + "/orders.mdsl";
    }

    void wholeSession()
    {
        LspClient client;
        QVERIFY(client.started());
        const std::string root = "file://" + dir_.path().toStdString();
        const json init = client.request(
            "initialize",
            {{"processId", nullptr},
             {"rootUri", root},
             {"capabilities",
              {{"textDocument",
                {{"completion", {{"completionItem", {{"snippetSupport", true}}}}},
                 {"hover", {{"contentFormat", {"markdown", "plaintext"}}}},
                 {"documentSymbol", {{"hierarchicalDocumentSymbolSupport", true}}},
                 {"rename", {{"prepareSupport", true}}}}}}},
             {"initializationOptions", {{"flagsFile", "no-such-flags.yaml"}}}});
        const json& caps = init["result"]["capabilities"];
        QCOMPARE(caps["textDocumentSync"]["change"], json(2));
        QCOMPARE(caps["positionEncoding"], json("utf-16"));
        for (const char* provider : {"hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider",
                                     "foldingRangeProvider", "documentFormattingProvider"})
            QVERIFY2(caps[provider] == true, provider);
        QVERIFY(caps.contains("completionProvider") && caps.contains("signatureHelpProvider") &&
                caps.contains("codeActionProvider") && caps["renameProvider"]["prepareProvider"] == true);
        QCOMPARE(init["result"]["serverInfo"]["name"], json("mapping-dsl"));
        // The flag file cannot be read: the user is told, and validation goes on with every flag on.
        const json unreadable = client.notification("window/showMessage");
        QCOMPARE(unreadable["params"]["type"], json(1));
        QVERIFY2(unreadable["params"]["message"].get<std::string>().find("no-such-flags.yaml") != std::string::npos,
                 unreadable.dump().c_str());
        client.notify("initialized", json::object());

        // Open: the misspelt name, at UTF-16 column 24 after the emoji and the é.
        client.notify("textDocument/didOpen",
                      {{"textDocument", {{"uri", uri_}, {"languageId", "mapping-dsl"}, {"version", 1}, {"text", kMapping}}}});
        json published = client.diagnostics(uri_, 1);
        QCOMPARE(published["params"]["diagnostics"].size(), std::size_t{1});
        const json& e201 = published["params"]["diagnostics"][0];
        QCOMPARE(e201["code"], json("E201"));
        QCOMPARE(e201["severity"], json(1));
        QCOMPARE(e201["range"], range(7, 24, 28));
        QCOMPARE(e201["source"], json("mapping-dsl"));
        const std::string href = e201["codeDescription"]["href"];
        const std::string anchor = "/diagnostics.md#e201";
        QVERIFY2(href.size() > anchor.size() && href.substr(href.size() - anchor.size()) == anchor, href.c_str());

        // The fix of the diagnostic, as a quick fix; and formatting, as a source action.
        const json actions = client.request("textDocument/codeAction",
                                            {{"textDocument", {{"uri", uri_}}}, {"range", range(7, 25, 25)},
                                             {"context", {{"diagnostics", json::array({e201})}}}});
        QVERIFY2(actions["result"].size() >= 1, actions.dump().c_str());
        const json& quickfix = actions["result"][0];
        QCOMPARE(quickfix["kind"], json("quickfix"));
        QVERIFY2(quickfix["title"].get<std::string>().find("who") != std::string::npos, quickfix.dump().c_str());
        const json fixEdit = quickfix["edit"]["changes"][uri_][0];
        QCOMPARE(fixEdit["range"], range(7, 24, 28));
        QCOMPARE(fixEdit["newText"], json("who"));

        // Incremental change: the fix applied; then typing goes on, and no older version is
        // published after a newer one (stale work is dropped).
        client.notify("textDocument/didChange",
                      {{"textDocument", {{"uri", uri_}, {"version", 2}}},
                       {"contentChanges", json::array({{{"range", range(7, 24, 28)}, {"text", "who"}}})}});
        published = client.diagnostics(uri_, 2);
        QCOMPARE(published["params"]["diagnostics"], json::array());
        for (int v = 3; v <= 7; ++v)
            insert(client, uri_, v, 12, 0, v == 7 ? "  total <- lookup(codes, \n" : "");
        published = client.diagnostics(uri_, 7);
        QVERIFY2(!published["params"]["diagnostics"].empty(), published.dump().c_str());
        int last = 0;
        for (const json& m : client.received())
            if (m.value("method", "") == "textDocument/publishDiagnostics") {
                const int version = m["params"].value("version", 0);
                QVERIFY2(version > last && version < 7, m.dump().c_str());
                last = version;
            }

        // Signature help in the open call: the second parameter.
        const json signature = client.request("textDocument/signatureHelp", at(12, 25));
        const json& help = signature["result"];
        QCOMPARE(help["signatures"][0]["label"], json("lookup(table: object, key: string, fallback?: any) -> any"));
        QCOMPARE(help["activeParameter"], json(1));
        QCOMPARE(help["signatures"][0]["parameters"][1]["label"], json({22, 33}));
        // Undo the line; add lines to complete in.
        client.notify("textDocument/didChange",
                      {{"textDocument", {{"uri", uri_}, {"version", 8}}},
                       {"contentChanges", json::array({{{"range", {{"start", position(12, 0)}, {"end", position(13, 0)}}},
                                                        {"text", ""}}})}});
        insert(client, uri_, 9, 12, 0, "x <- up\ny <- .cu\nz <- $.it\nna\n");
        insert(client, uri_, 10, 10, 0, "    w <- item.\n");
        client.diagnostics(uri_, 10);

        // Completion: functions as snippets, input paths from orders.input.json, what a name holds.
        json completion = client.request("textDocument/completion", at(13, 7));
        const json upper = itemOf(completion, "upper");
        QCOMPARE(upper["insertTextFormat"], json(2));
        QCOMPARE(upper["textEdit"]["newText"], json("upper(${1:text})$0"));
        QCOMPARE(upper["textEdit"]["range"], range(13, 5, 7));
        QVERIFY(hasLabel(completion, "who") && hasLabel(completion, "codes") && hasLabel(completion, "when"));
        completion = client.request("textDocument/completion", at(14, 8));
        QVERIFY2(hasLabel(completion, ".customer.name") && hasLabel(completion, ".customer.\"e-mail\"") &&
                     hasLabel(completion, ".items[0].sku"),
                 completion.dump().c_str());
        completion = client.request("textDocument/completion", at(15, 9));
        QVERIFY(hasLabel(completion, "$.items[*].sku"));
        completion = client.request("textDocument/completion", at(10, 14));
        QVERIFY2(hasLabel(completion, "item.sku") && hasLabel(completion, "item.qty"), completion.dump().c_str());
        // At the start of a line: the targets written.
        completion = client.request("textDocument/completion", at(16, 2));
        QVERIFY(hasLabel(completion, "name") && hasLabel(completion, "country"));

        // Hover: a function's catalog entry; a name's value.
        json hover = client.request("textDocument/hover", at(6, 12));
        QVERIFY2(hover["result"]["contents"]["value"].get<std::string>().find("upper(text: string) -> string") !=
                     std::string::npos,
                 hover.dump().c_str());
        hover = client.request("textDocument/hover", at(7, 26));
        const std::string about = hover["result"]["contents"]["value"];
        QVERIFY2(about.find("let") != std::string::npos && about.find("$.customer.name") != std::string::npos, about.c_str());
        QCOMPARE(hover["result"]["range"], range(7, 24, 27));

        // Definition, references and rename of `who`, from its use after the emoji.
        const json definition = client.request("textDocument/definition", at(7, 25));
        QCOMPARE(definition["result"]["range"], range(2, 4, 7));
        QCOMPARE(definition["result"]["uri"], json(uri_));
        json refsParams = at(7, 25);
        refsParams["context"] = {{"includeDeclaration", true}};
        const json refs = client.request("textDocument/references", refsParams);
        QCOMPARE(refs["result"].size(), std::size_t{3});
        QCOMPARE(refs["result"][2]["range"], range(7, 24, 27));
        const json prepare = client.request("textDocument/prepareRename", at(6, 17));
        QCOMPARE(prepare["result"]["placeholder"], json("who"));
        json renameParams = at(2, 5);
        renameParams["newName"] = "client";
        const json renamed = client.request("textDocument/rename", renameParams);
        const json edits = renamed["result"]["changes"][uri_];
        QCOMPARE(edits.size(), std::size_t{3});
        QCOMPARE(edits[2]["range"], range(7, 24, 27));
        QCOMPARE(edits[2]["newText"], json("client"));
        renameParams["newName"] = "when";
        QCOMPARE(client.request("textDocument/rename", renameParams)["error"]["code"], json(-32602));
        renameParams["newName"] = "codes";
        QCOMPARE(client.request("textDocument/rename", renameParams)["error"]["code"], json(-32803));
        QCOMPARE(client.request("textDocument/prepareRename", at(5, 9))["result"], json(nullptr));

        // Outline and folding.
        const json symbols = client.request("textDocument/documentSymbol", {{"textDocument", {{"uri", uri_}}}});
        const json& top = symbols["result"];
        QCOMPARE(top[0]["name"], json("who"));
        QCOMPARE(top[1]["name"], json("codes"));
        QCOMPARE(top[2]["name"], json("order"));
        QCOMPARE(top[2]["children"][3]["name"], json("lines[] as item"));
        QCOMPARE(top[2]["children"][3]["children"][0]["name"], json("sku"));
        QCOMPARE(top[2]["range"]["start"], position(4, 0));
        const json folding = client.request("textDocument/foldingRange", {{"textDocument", {{"uri", uri_}}}});
        bool orderFolds = false;
        for (const json& fold : folding["result"])
            orderFolds = orderFolds || (fold["startLine"] == 4 && fold["endLine"] == 11);
        QVERIFY2(orderFolds, folding.dump().c_str());

        // Formatting: the formatter's text, as one edit; with syntax errors, an error.
        client.notify("textDocument/didChange",
                      {{"textDocument", {{"uri", uri_}, {"version", 11}}},
                       {"contentChanges", json::array({{{"text", "mapping \"m\" version 2\nid<-.id\nname    <- .n\n"}}})}});
        const json formatted = client.request("textDocument/formatting",
                                              {{"textDocument", {{"uri", uri_}}}, {"options", {{"tabSize", 2}, {"insertSpaces", true}}}});
        QCOMPARE(formatted["result"].size(), std::size_t{1});
        QCOMPARE(formatted["result"][0]["newText"].get<std::string>(),
                 mdsl::formatDocument("mapping \"m\" version 2\nid<-.id\nname    <- .n\n").text);
        const json sourceActions = client.request("textDocument/codeAction",
                                                  {{"textDocument", {{"uri", uri_}}}, {"range", range(0, 0, 0)},
                                                   {"context", {{"diagnostics", json::array()}, {"only", {"source"}}}}});
        QCOMPARE(sourceActions["result"][0]["title"], json("Format document"));
        client.notify("textDocument/didChange",
                      {{"textDocument", {{"uri", uri_}, {"version", 12}}},
                       {"contentChanges", json::array({{{"text", "x <- (\n"}}})}});
        QCOMPARE(client.request("textDocument/formatting", {{"textDocument", {{"uri", uri_}}}})["error"]["code"], json(-32803));

        // Configuration: a flag file that keeps version 2 off re-validates every document.
        QFile flags(dir_.filePath(QStringLiteral("flags.yaml")));
        QVERIFY(flags.open(QIODevice::WriteOnly));
        flags.write("mapping_dsl_v2_enabled: false\nmapping_dsl_v2_default: false\n");
        flags.close();
        client.notify("textDocument/didChange",
                      {{"textDocument", {{"uri", uri_}, {"version", 13}}},
                       {"contentChanges", json::array({{{"text", "mapping \"m\" version 2\nitems[] <- each .items {\n}\n"}}})}});
        QCOMPARE(client.diagnostics(uri_, 13)["params"]["diagnostics"], json::array());
        client.notify("workspace/didChangeConfiguration", {{"settings", {{"mappingDsl", {{"flagsFile", "flags.yaml"}}}}}});
        published = client.diagnostics(uri_, 13);
        QVERIFY2(!published["params"]["diagnostics"].empty(), published.dump().c_str());
        QCOMPARE(published["params"]["diagnostics"][0]["code"].get<std::string>().substr(0, 2), std::string("E3"));

        // Closing clears the document's diagnostics; requests on it are then errors.
        client.notify("textDocument/didClose", {{"textDocument", {{"uri", uri_}}}});
        published = client.waitFor([&](const json& m) {
            return m.value("method", "") == "textDocument/publishDiagnostics" && !m["params"].contains("version");
        });
        QCOMPARE(published["params"]["diagnostics"], json::array());
        QCOMPARE(client.request("textDocument/hover", at(0, 0))["error"]["code"], json(-32602));

        QCOMPARE(client.request("shutdown", nullptr)["result"], json(nullptr));
        QCOMPARE(client.request("textDocument/hover", at(0, 0))["error"]["code"], json(-32600));
        client.notify("exit", nullptr);
        QCOMPARE(client.exitCode(), 0);
    }

    void workspaceSampleAndRelatedLocations()
    {
        // The workspace file's first input wins over NAME.input.json.
        QFile workspace(dir_.filePath(QStringLiteral("ws.workspace.json")));
        QVERIFY(workspace.open(QIODevice::WriteOnly));
        workspace.write(R"({"mappingStudioWorkspace": 1, "current": 1, "samples": [{"name": "b", "text": "{}"}, {"name": "big", "file": "samples/big.json"}]})");
        workspace.close();
        QVERIFY(QDir(dir_.path()).mkpath(QStringLiteral("samples")));
        QFile big(dir_.filePath(QStringLiteral("samples/big.json")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(R"({"invoice": {"number": 1}})");
        big.close();
        QFile beside(dir_.filePath(QStringLiteral("ws.input.json")));
        QVERIFY(beside.open(QIODevice::WriteOnly));
        beside.write(R"({"other": 1})");
        beside.close();

        LspClient client;
        QVERIFY(client.request("initialize", {{"processId", nullptr}, {"capabilities", json::object()}}).contains("result"));
        const std::string uri = "file://" + dir_.path().toStdString() + "/ws.mdsl";
        const std::string text = "let a = 1\nlet a = 2\nx <- .in\n";
        client.notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "mapping-dsl"}, {"version", 1}, {"text", text}}}});
        const json published = client.diagnostics(uri, 1);
        json e206;
        for (const json& d : published["params"]["diagnostics"])
            if (d["code"] == "E206")
                e206 = d;
        QVERIFY2(!e206.is_null(), published.dump().c_str());
        QCOMPARE(e206["relatedInformation"][0]["location"]["uri"], json(uri));
        QCOMPARE(e206["relatedInformation"][0]["location"]["range"], range(0, 4, 5));
        const json completion = client.request("textDocument/completion",
                                               {{"textDocument", {{"uri", uri}}}, {"position", position(2, 8)}});
        QVERIFY2(hasLabel(completion, ".invoice.number") && !hasLabel(completion, ".other"), completion.dump().c_str());
        // The sample file changes: completion follows.
        QVERIFY(big.open(QIODevice::WriteOnly | QIODevice::Truncate));
        big.write(R"({"receipt": {"total": 1}})");
        big.close();
        const json again = client.request("textDocument/completion",
                                          {{"textDocument", {{"uri", uri}}}, {"position", position(2, 8)}});
        QVERIFY2(hasLabel(again, ".receipt.total") && !hasLabel(again, ".invoice.number"), again.dump().c_str());
        // Without snippet support a function inserts its name and "(".
        const json functions = client.request("textDocument/completion",
                                              {{"textDocument", {{"uri", uri}}}, {"position", position(2, 5)}});
        QCOMPARE(itemOf(functions, "upper")["textEdit"]["newText"], json("upper("));
        QVERIFY(!itemOf(functions, "upper").contains("insertTextFormat"));
        QVERIFY(client.request("shutdown", nullptr).contains("result"));
        client.notify("exit", nullptr);
        QCOMPARE(client.exitCode(), 0);
    }
};

MDSL_TEST_MAIN(TestLspSession)
#include "test_lsp_session.moc"
