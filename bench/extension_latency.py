"""Typing-to-underline latency of the browser extension (real Chromium, extension, server).

Prints, for a 1,000-word French draft in a contenteditable: time from the end of typing to the
underlines on screen for the whole draft, and for one-word edits in it, with and without the
400 ms debounce. Needs Debian's chromium and extension/node_modules (both installed by `make test`).
Usage: python bench/extension_latency.py [--runs 10]
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from drafts import make_draft  # noqa: E402

EXTENSION = Path(__file__).resolve().parents[1] / "extension"
DEBOUNCE_MS = 400


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", 8765)) == 0:
            sys.exit("port 8765 is busy: the extension talks to its default server there")
    server = subprocess.Popen([sys.executable, "-m", "tonelint.cli", "serve", "--port", "8765"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(EXTENSION))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen("http://127.0.0.1:8765/v1/health", timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        # one paragraph of plain text (the editor receives it as typed text)
        draft = " ".join(make_draft("fr", 1000, seed=7).replace("#", "").split())
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
            handle.write(draft)
        page = f"http://127.0.0.1:{httpd.server_address[1]}/test/e2e/page.html"
        proc = subprocess.run(["node", str(EXTENSION / "test" / "e2e" / "latency.mjs"), page, handle.name, str(args.runs)],
                              capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            sys.exit(proc.stderr[-2000:])
        result = json.loads(proc.stdout.strip().splitlines()[-1])
    finally:
        server.terminate()
        httpd.shutdown()
    edits = sorted(result["edits"])
    words = len(draft.split())
    print(f"extension latency, French draft of {words} words in a contenteditable (debounce {DEBOUNCE_MS} ms)")
    print(f"  whole draft: {result['full']:.0f} ms after typing ({result['full'] - DEBOUNCE_MS:.0f} ms after the debounce)")
    median = statistics.median(edits)
    print(f"  one-word edit ({len(edits)} runs): p50 {median:.0f} ms, max {edits[-1]:.0f} ms after typing; "
          f"p50 {median - DEBOUNCE_MS:.0f} ms, max {edits[-1] - DEBOUNCE_MS:.0f} ms after the debounce")


if __name__ == "__main__":
    main()
