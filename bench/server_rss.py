"""Server memory over many distinct drafts: does RSS plateau?

A warm Engine (the object the server keeps per process) lints 20,000 drafts,
each with vocabulary never seen before (pseudo-words mixed into French and
English sentences, so the tagger, the syllable counter and spaCy's string
store all meet new words), and prints the resident set size every 2,000
drafts, with the size of the French tagger's string store. No built-in rule
tags, so the engine runs with the test pack whose passive-voice rule is the
tagger-based `pattern` kind (tests/data/tagged-pack), as a pack of one's own
would. Usage: python bench/server_rss.py [drafts] [every]
"""
from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from drafts import EN, FR  # noqa: E402

from tonelint import Config, Engine  # noqa: E402

TAGGED_PACK = Path(__file__).resolve().parents[1] / "tests" / "data" / "tagged-pack"

_CONSONANTS = "bcdfglmnprstvz"
_VOWELS = "aeiouéè"


def pseudo_word(rng: random.Random) -> str:
    """A pronounceable word that is in no dictionary (so every draft brings new strings)."""
    return "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(rng.randint(2, 5)))


def draft_with_new_words(rng: random.Random, lang: str, new_words: int = 12) -> str:
    """Four paragraphs of benchmark sentences with `new_words` pseudo-words among them;
    in French, also a passive sentence around new words, which the tagger must read."""
    bank = FR if lang == "fr" else EN
    paragraphs = []
    for _ in range(4):
        words = " ".join(rng.choice(bank) for _ in range(3)).split(" ")
        for _ in range(new_words // 4):
            words.insert(rng.randrange(len(words)), pseudo_word(rng))
        if lang == "fr":
            words += f"Le {pseudo_word(rng)} est {pseudo_word(rng)}é par {pseudo_word(rng)}.".split(" ")
        paragraphs.append(" ".join(words))
    return "\n\n".join(paragraphs) + "\n"


def rss_mb() -> float:
    """This process's resident set size now, in MiB (Linux), as bench/server_load.py reads it."""
    with open("/proc/self/status", encoding="ascii") as status:
        fields = dict(line.split(":", 1) for line in status)
    return int(fields["VmRSS"].split()[0]) / 1024


def main(total: int = 20_000, every: int = 2_000) -> None:
    rng = random.Random(12)
    engine = Engine(Config(rule_dirs=(TAGGED_PACK,)))
    for lang in ("fr", "en"):  # load models, compile packs: the server's state once warm
        engine.lint(draft_with_new_words(random.Random(0), lang), "markdown")
    print(f"{'drafts':>7} {'RSS MB':>8} {'ms/draft':>9} {'fr vocabulary':>14} {'pipelines recycled':>19}")
    print(f"{0:>7} {rss_mb():>8.1f}")
    start = time.perf_counter()
    for number in range(1, total + 1):
        engine.lint(draft_with_new_words(rng, "fr" if number % 2 else "en"), "markdown")
        if number % every == 0:
            elapsed = (time.perf_counter() - start) * 1000 / every
            recycled = engine.pipelines.recycled
            strings = len(engine.pipelines.get("fr").vocab.strings)  # the tagger's string store now
            print(f"{number:>7} {rss_mb():>8.1f} {elapsed:>9.2f} {strings:>14,} {recycled:>19}", flush=True)
            start = time.perf_counter()


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
