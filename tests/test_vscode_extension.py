"""The VS Code extension (editors/vscode): a language client only.

VS Code itself cannot be installed here, so: the client's code runs in Node with VS Code's
API and the language client stubbed (what it starts, with which settings), and `make vsix`
builds the package with npm's @vscode/vsce, whose contents are checked.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "editors" / "vscode"
SERVER_SETTINGS = {"lang": "fr", "variant": "fr-FR", "select": ["fr.press-release"], "ignore": ["fr.register"],
                   "grammarServer": "http://127.0.0.1:8081", "uiLang": "en"}

# Runs extension.js with `vscode` and `vscode-languageclient/node` stubbed; prints what it did.
STUBBED_HOST = r"""
const Module = require('module');
const settings = JSON.parse(process.argv[1]);
const seen = { clients: [], stopped: 0, commands: [] };
let onChange;
const vscode = {
  workspace: {
    getConfiguration: (section) => ({ get: (key) => settings[key] }),
    onDidChangeConfiguration: (listener) => { onChange = listener; return { dispose() {} }; },
  },
  window: { showErrorMessage: (m) => { seen.error = m; }, showWarningMessage: () => {}, activeTextEditor: undefined },
  commands: { registerCommand: (id) => { seen.commands.push(id); return { dispose() {} }; } },
};
class LanguageClient {
  constructor(id, name, server, client) { seen.clients.push({ id, name, server, client }); }
  start() { return settings.path === 'missing' ? Promise.reject(new Error('spawn missing ENOENT')) : Promise.resolve(); }
  stop() { seen.stopped += 1; return Promise.resolve(); }
}
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return vscode;
  if (request === 'vscode-languageclient/node') return { LanguageClient };
  return load.call(this, request, ...rest);
};
(async () => {
  const extension = require(process.argv[2]);
  await extension.activate({ subscriptions: [] });
  settings.path = '/opt/venv/bin/tonelint';
  await onChange({ affectsConfiguration: (name) => name === 'tonelint.path' });
  await onChange({ affectsConfiguration: (name) => name === 'tonelint.variant' });
  await extension.deactivate();
  console.log(JSON.stringify(seen));
})();
"""


def run_extension(settings: dict) -> dict:
    done = subprocess.run(["node", "-e", STUBBED_HOST, json.dumps(settings), str(EXTENSION / "extension.js")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed (Debian package nodejs)")
def test_the_client_starts_tonelint_lsp_with_the_settings():
    seen = run_extension({"path": "", **SERVER_SETTINGS})
    first, second = seen["clients"]  # tonelint.path changed: a new server; another setting: none
    assert first["server"] == {"command": "tonelint", "args": ["lsp"]}  # on PATH by default
    assert second["server"] == {"command": "/opt/venv/bin/tonelint", "args": ["lsp"]}
    options = first["client"]
    assert options["initializationOptions"] == SERVER_SETTINGS
    assert options["synchronize"] == {"configurationSection": "tonelint"}
    assert {s["language"] for s in options["documentSelector"]} == {"markdown", "mdx", "html", "plaintext"}
    assert seen["stopped"] == 2 and seen["commands"] == ["tonelint.showProfile"]
    assert "error" not in seen


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed (Debian package nodejs)")
def test_a_server_that_cannot_start_is_one_clear_message():
    seen = run_extension({"path": "missing", **SERVER_SETTINGS})
    assert seen["error"].startswith('tonelint: could not start "missing lsp" (spawn missing ENOENT)')
    assert "tonelint.path" in seen["error"]


def test_every_server_setting_is_declared_and_forwarded():
    from tonelint.lsp.options import KEYS

    assert set(SERVER_SETTINGS) == set(KEYS)  # the stubbed run above forwards each of the server's keys
    source = (EXTENSION / "extension.js").read_text(encoding="utf-8")
    assert "const SERVER_SETTINGS = [" + ", ".join(f"'{key}'" for key in KEYS) + "];" in source
    settings = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))["contributes"]["configuration"]["properties"]
    for key in KEYS:
        assert settings[f"tonelint.{key}"]["scope"] == "resource"  # per folder, as the server asks
    assert settings["tonelint.uiLang"]["enum"] == ["auto", "fr", "en"] and settings["tonelint.uiLang"]["default"] == "auto"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("npm") is None or shutil.which("make") is None,
                    reason="npm (Debian package npm) and make are needed to build the .vsix")
def test_make_vsix_packages_the_language_client(tmp_path):
    vsix = tmp_path / "tonelint.vsix"
    done = subprocess.run(["make", "--no-print-directory", "vsix", f"VSIX={vsix}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    npm_failed = [line for line in done.stderr.splitlines() if line.startswith(("npm error", "npm ERR!"))]
    if done.returncode != 0 and npm_failed:  # offline, or the registry refused: not the package's fault
        pytest.skip(f"the npm packages could not be installed: {' '.join(npm_failed[:2])}")
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(vsix) as package:
        names = set(package.namelist())
        manifest = json.loads(package.read("extension/package.json"))
        assert b'Id="tonelint"' in package.read("extension.vsixmanifest")
    source = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    assert manifest["name"] == "tonelint" and manifest["publisher"] == "tonelint"
    assert manifest["version"] == source["version"] and manifest["engines"]["vscode"] == source["engines"]["vscode"]
    assert manifest["main"] == "./extension.js" and "extension/extension.js" in names
    assert set(manifest["activationEvents"]) == {f"onLanguage:{lang}" for lang in ("markdown", "mdx", "html", "plaintext")}
    settings = manifest["contributes"]["configuration"]["properties"]
    assert {f"tonelint.{key}" for key in [*SERVER_SETTINGS, "path"]} <= set(settings)
    assert settings["tonelint.path"]["scope"] == "machine"  # a repository's settings never choose what runs
    # The language client and what it loads are inside; vsce (a build tool) is not.
    assert "extension/node_modules/vscode-languageclient/lib/node/main.js" in names
    assert "extension/node_modules/vscode-languageserver-protocol/package.json" in names
    assert not any(name.startswith("extension/node_modules/@vscode/vsce/") for name in names)
    assert not any(name.endswith((".d.ts", ".map")) for name in names)
