"""In-process lint latency for a 1,000-word French draft: full lint (new text) and
re-lint after a one-paragraph edit (the per-block cache at work). Prints p50/p95."""
from __future__ import annotations

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from drafts import make_draft  # noqa: E402

from tonelint import Config, Engine  # noqa: E402
from tonelint.cache import LRU  # noqa: E402


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(runs: int = 40) -> None:
    engine = Engine(Config(lang="fr"))
    engine.lint(make_draft("fr", 1000, seed=999), "markdown")  # load the model, compile rules
    full, edit = [], []
    for i in range(runs):
        draft = make_draft("fr", 1000, seed=i)
        engine.block_cache, engine.tagged_cache = LRU(4096), LRU(16384)  # nothing seen before
        start = time.perf_counter()
        engine.lint(draft, "markdown")
        full.append((time.perf_counter() - start) * 1000)
        paragraphs = draft.split("\n\n")
        paragraphs[3] = paragraphs[3].replace(".", f" (modif {i}).", 1)  # one paragraph edited
        start = time.perf_counter()
        engine.lint("\n\n".join(paragraphs), "markdown")
        edit.append((time.perf_counter() - start) * 1000)
    for name, values in (("full lint", full), ("re-lint after a one-paragraph edit", edit)):
        print(f"{name:<36} p50 {statistics.median(values):6.1f} ms   p95 {percentile(values, 0.95):6.1f} ms")


if __name__ == "__main__":
    main()
