"""`tonelint lsp` as an editor sees it: time from a keystroke (didChange) to the
publishDiagnostics of that version, for a one-word edit in a 1,000-word French
draft, and the server's RSS once both languages are loaded.

Prints p50/p95 of the raw delay and of the delay after the debounce (the raw
delay minus the server's debounce): the target is p50 <= 30 ms after the debounce.

    .venv/bin/python bench/lsp_latency.py [RUNS]
"""
from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from drafts import make_draft  # noqa: E402
from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from tonelint.lsp.scheduler import DEBOUNCE_SECONDS  # noqa: E402

# Distinct words, so that every edit gives the paragraph a text the block cache has not seen.
WORDS = ("maison", "cabane", "grange", "remise", "verrière", "véranda", "terrasse", "lucarne", "mansarde",
         "chaumière", "bergerie", "chalet", "atelier", "hangar", "pavillon", "manoir", "cottage", "bastide",
         "masure", "loge", "chapelle", "tourelle", "galerie", "préau", "appentis", "auvent", "corniche",
         "gouttière", "charpente", "poutre", "solive", "chevron", "linteau", "pignon", "faîtage", "ardoise",
         "tuile", "bardeau", "zinc", "cuivre")


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def main(runs: int) -> None:
    client = LanguageClient("bench", "1")
    arrivals: dict[tuple[str, int], float] = {}
    published = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: types.PublishDiagnosticsParams) -> None:
        arrivals[(params.uri, params.version)] = time.perf_counter()
        published.set()

    async def wait_for(uri: str, version: int) -> float:
        while (uri, version) not in arrivals:
            published.clear()
            await asyncio.wait_for(published.wait(), timeout=60)
        return arrivals[(uri, version)]

    # A client like VS Code's: the server asks for its settings, sends related information and
    # asks for the profile's code lens again after each lint.
    @client.feature(types.WORKSPACE_CONFIGURATION)
    def configuration(params: types.ConfigurationParams) -> list:
        return [{"lang": "auto", "variant": "auto", "select": [], "ignore": [], "grammarServer": ""}
                for _ in params.items]

    @client.feature(types.WORKSPACE_CODE_LENS_REFRESH)
    def refresh_lenses(params: None) -> None:
        return None

    capabilities = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            configuration=True, code_lens=types.CodeLensWorkspaceClientCapabilities(refresh_support=True)),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(related_information=True)))
    await client.start_io(sys.executable, "-m", "tonelint.cli", "lsp")
    folder = os.path.abspath(os.path.join(os.path.dirname(__file__), "out"))
    await client.initialize_async(types.InitializeParams(capabilities=capabilities, root_uri=f"file://{folder}"))
    client.initialized(types.InitializedParams())

    draft = make_draft("fr", 1000, seed=7)
    lines = draft.split("\n")
    line = len(lines) // 2  # a paragraph in the middle
    while not lines[line].strip():
        line += 1
    uri = f"file://{folder}/lsp-latency.md"
    start = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=draft)))
    first = await wait_for(uri, 1) - start
    print(f"first lint of the draft ({len(draft.split())} words, French model loaded lazily): {first * 1000:.0f} ms")

    # The word to replace: the paragraph's first word, then whatever the last edit put there.
    current = lines[line].split(" ")[0]
    raw = []
    for run in range(runs):
        word = WORDS[run % len(WORDS)] + ("" if run < len(WORDS) else str(run))
        version = run + 2
        edit = types.Range(types.Position(line=line, character=0), types.Position(line=line, character=len(current)))
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=edit, text=word)]))
        raw.append(await wait_for(uri, version) - sent)
        current = word
        await asyncio.sleep(0.05)
    after = [max(0.0, r - DEBOUNCE_SECONDS) for r in raw]
    print(f"one-word edit -> publishDiagnostics, {runs} runs (debounce {DEBOUNCE_SECONDS * 1000:.0f} ms):")
    print(f"  raw:                p50 {percentile(raw, 0.5) * 1000:6.1f} ms   p95 {percentile(raw, 0.95) * 1000:6.1f} ms")
    print(f"  after the debounce: p50 {percentile(after, 0.5) * 1000:6.1f} ms   p95 {percentile(after, 0.95) * 1000:6.1f} ms"
          f"   mean {statistics.mean(after) * 1000:.1f} ms")

    english = f"file://{folder}/lsp-latency-en.md"
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=english, language_id="markdown", version=1, text=make_draft("en", 1000, seed=7))))
    await wait_for(english, 1)
    print(f"server RSS with French and English loaded: {rss_mb(client._server.pid):.0f} MB")

    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 40))
