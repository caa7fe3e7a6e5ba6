"""Typing-to-underline latency of the browser extension (real Chromium, extension, server).

Prints, for a 1,000-word French draft in a contenteditable: time from the end of typing to the
underlines on screen for the whole draft, and for one-word edits in it, with and without the
400 ms debounce. Needs Debian's chromium and extension/node_modules (both installed by `make test`).
With --wordpress, the same measures in a real WordPress block editor next to them (a throwaway site,
tests/wordpress_site.py; needs Debian's wordpress, mariadb-server and php, also from `make test`).
Usage: python bench/extension_latency.py [--runs 10] [--wordpress]
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
from tests.wordpress_site import WordPressUnavailable, wordpress_site  # noqa: E402

DEBOUNCE_MS = 400


def run_node(script: str, *args: str, env: dict | None = None) -> dict:
    proc = subprocess.run(["node", str(EXTENSION / "test" / "e2e" / script), *args], capture_output=True, text=True,
                          timeout=600, env=env)
    if proc.returncode != 0:
        sys.exit(proc.stderr[-2000:])
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if "error" in result:
        sys.exit(f"{script}: {result['error']}")
    return result


def on_test_page(draft_file: str, runs: int) -> dict:
    with extension_pages() as pages:
        return run_node("latency.mjs", pages + "page.html", draft_file, str(runs))


def in_wordpress(draft_file: str, runs: int) -> dict:
    try:
        with wordpress_site() as site:
            env = {**os.environ, "WP_URL": site.url, "WP_USER": site.user, "WP_PASSWORD": site.password}
            return run_node("wordpress-latency.mjs", draft_file, str(runs), env=env)
    except WordPressUnavailable as exc:
        sys.exit(str(exc))


def report(where: str, words: int, result: dict) -> None:
    edits = sorted(result["edits"])
    print(f"extension latency, French draft of {words} words in {where} (debounce {DEBOUNCE_MS} ms)")
    print(f"  whole draft: {result['full']:.0f} ms after typing ({result['full'] - DEBOUNCE_MS:.0f} ms after the debounce)")
    median = statistics.median(edits)
    print(f"  one-word edit ({len(edits)} runs): p50 {median:.0f} ms, max {edits[-1]:.0f} ms after typing; "
          f"p50 {median - DEBOUNCE_MS:.0f} ms, max {edits[-1] - DEBOUNCE_MS:.0f} ms after the debounce")
    if "editorMs" in result:  # the editor's own handling of the input, before "after typing" starts
        print(f"  the editor's own handling of the insertion: {result['editorMs']['full']:.0f} ms for the whole draft, "
              f"p50 {statistics.median(result['editorMs']['edits']):.0f} ms for a word")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--wordpress", action="store_true", help="also in a real WordPress block editor")
    args = parser.parse_args()
    # one paragraph of plain text (the editor receives it as typed text)
    draft = " ".join(make_draft("fr", 1000, seed=7).replace("#", "").split())
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(draft)
    try:
        with tonelint_server():
            results = [("a contenteditable (test page)", on_test_page(handle.name, args.runs))]
            if args.wordpress:
                results.append(("WordPress's block editor (a paragraph block)", in_wordpress(handle.name, args.runs)))
    except PortBusy as exc:
        sys.exit(str(exc))
    finally:
        os.unlink(handle.name)
    for where, result in results:
        report(where, len(draft.split()), result)


if __name__ == "__main__":
    main()
