"""Cold CLI run on one 1,000-word French draft: wall time, peak RSS, and where the time goes.

Usage: python bench/cold_start.py [--runs N]
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from drafts import make_draft  # noqa: E402

PHASES = r"""
import time, sys
t0 = time.perf_counter()
import tonelint.cli
t1 = time.perf_counter()
from tonelint import Engine, Config
engine = Engine(Config(lang="fr"))
engine.pack("fr")
t2 = time.perf_counter()
from tonelint.wordclasses import lemmas
lemmas("fr", "menuiseries")  # the rare-word rule reads the lemma tables (the compiled pack holds the word classes)
t3 = time.perf_counter()
from tonelint.readability import readability
readability("fr", ["Une phrase courte. Une autre."])
t4 = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
engine.lint(text, "markdown")
t5 = time.perf_counter()
print(f"{t1-t0:.2f} {t2-t1:.2f} {t3-t2:.2f} {t4-t3:.2f} {t5-t4:.2f} {len(engine.pipelines.loaded_languages())}")
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "brouillon.md")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(make_draft("fr", 1000, seed=1))
        words = len(open(path, encoding="utf-8").read().split())
        cli = [sys.executable, "-m", "tonelint.cli", "check", "--format", "json", path]
        subprocess.run(cli, capture_output=True)  # warm the OS file cache, as for a user's second run
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            proc = subprocess.run(cli, capture_output=True)
            times.append(time.perf_counter() - start)
            if proc.returncode not in (0, 1):
                sys.exit(proc.stderr.decode())
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        phases = subprocess.run([sys.executable, "-c", PHASES, path], capture_output=True, text=True, check=True)
        imports, rules, lemma_tables, textstat, lint, models = phases.stdout.split()
    print(f"cold CLI run, French draft of {words} words, {args.runs} runs")
    print(f"  wall time  median {statistics.median(times):.2f} s   min {min(times):.2f} s   max {max(times):.2f} s")
    print(f"  peak RSS   {peak_mb:.0f} MB")
    print(f"  where the time goes: imports {imports} s, rule compilation {rules} s, "
          f"French lemma tables {lemma_tables} s, textstat warm-up {textstat} s, lint {lint} s "
          f"({models} tagging model loaded)")


if __name__ == "__main__":
    main()
