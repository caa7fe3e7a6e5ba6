// tonelint in VS Code: a language client only. It starts `tonelint lsp` (found on PATH, or the
// tonelint.path setting) for Markdown, MDX, HTML and plain text; the server lints, fixes and
// explains. The server asks for the tonelint.* settings itself (workspace/configuration, per
// folder); they are sent as initializationOptions too, for servers that cannot ask.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

const LANGUAGES = ['markdown', 'mdx', 'html', 'plaintext'];
const SERVER_SETTINGS = ['lang', 'variant', 'select', 'ignore', 'grammarServer', 'uiLang'];

let client; // the running language client, if any

function serverSettings() {
  const settings = vscode.workspace.getConfiguration('tonelint');
  return Object.fromEntries(SERVER_SETTINGS.map((key) => [key, settings.get(key)]));
}

function executable() {
  return vscode.workspace.getConfiguration('tonelint').get('path') || 'tonelint';
}

async function start() {
  const command = executable();
  client = new LanguageClient('tonelint', 'tonelint', { command, args: ['lsp'] }, {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: serverSettings(),
    // Tells the server when a tonelint.* setting changes: it then asks for them again.
    synchronize: { configurationSection: 'tonelint' },
  });
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    vscode.window.showErrorMessage(
      `tonelint: could not start "${command} lsp" (${error.message}). ` +
      'Install tonelint (pip install tonelint) or set tonelint.path.');
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

// The tone profile of the draft in the active editor, shown by the server (tonelint.profile).
async function showProfile() {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) {
    return;
  }
  try {
    await client.sendRequest('workspace/executeCommand', {
      command: 'tonelint.profile',
      arguments: [client.code2ProtocolConverter.asUri(editor.document.uri)],
    });
  } catch (error) {
    vscode.window.showWarningMessage(error.message);
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('tonelint.showProfile', showProfile),
    // Another executable: another server. The other settings reach the running one.
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('tonelint.path')) {
        await stop();
        await start();
      }
    }),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
