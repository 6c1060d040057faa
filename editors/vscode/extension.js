// The Mapping DSL's VS Code extension: starts `mapping-dsl lsp` for .mdsl files and passes
// the mappingDsl.* settings to it (initialization options, then each change).
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
    const settings = vscode.workspace.getConfiguration('mappingDsl');
    const command = settings.get('serverPath') || 'mapping-dsl';
    const serverOptions = { command, args: ['lsp'] };
    const clientOptions = {
        documentSelector: [{ language: 'mapping-dsl' }],
        initializationOptions: { flagsFile: settings.get('flagsFile') || null },
        // Sends workspace/didChangeConfiguration with {"mappingDsl": {...}} on every change.
        synchronize: { configurationSection: 'mappingDsl' },
    };
    client = new LanguageClient('mapping-dsl', 'Mapping DSL', serverOptions, clientOptions);
    context.subscriptions.push(client);
    return client.start();
}

function deactivate() {
    return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
