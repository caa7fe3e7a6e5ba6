"""Typing-to-underline latency of the browser extension (real Chromium, extension, server).

Prints, for a 1,000-word French draft in a contenteditable: time from the end of typing to the
underlines on screen for the whole draft, and for one-word edits in it, with and without the
400 ms debounce. Needs Debian's chromium and extension/node_modules (both installed by `make test`).
Usage: python bench/extension_latency.py [--runs 10]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from drafts import make_draft  # noqa: E402
from tests.browser_harness import EXTENSION, PortBusy, extension_pages, tonelint_server  # noqa: E402

DEBOUNCE_MS = 400


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    # one paragraph of plain text (the editor receives it as typed text)
    draft = " ".join(make_draft("fr", 1000, seed=7).replace("#", "").split())
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(draft)
    try:
        with tonelint_server(), extension_pages() as pages:
            proc = subprocess.run(["node", str(EXTENSION / "test" / "e2e" / "latency.mjs"), pages + "page.html",
                                   handle.name, str(args.runs)], capture_output=True, text=True, timeout=600)
    except PortBusy as exc:
        sys.exit(str(exc))
    finally:
        os.unlink(handle.name)
    if proc.returncode != 0:
        sys.exit(proc.stderr[-2000:])
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    edits = sorted(result["edits"])
    words = len(draft.split())
    print(f"extension latency, French draft of {words} words in a contenteditable (debounce {DEBOUNCE_MS} ms)")
    print(f"  whole draft: {result['full']:.0f} ms after typing ({result['full'] - DEBOUNCE_MS:.0f} ms after the debounce)")
    median = statistics.median(edits)
    print(f"  one-word edit ({len(edits)} runs): p50 {median:.0f} ms, max {edits[-1]:.0f} ms after typing; "
          f"p50 {median - DEBOUNCE_MS:.0f} ms, max {edits[-1] - DEBOUNCE_MS:.0f} ms after the debounce")


if __name__ == "__main__":
    main()
