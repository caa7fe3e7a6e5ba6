"""Word familiarity from the `wordfreq` package (offline data), on the Zipf scale.

Zipf 6 ≈ a word per thousand ("vous", "the"); 3 ≈ one per million; below 2.5 a
word is rare in everyday French or English. Rules only ask whether a word
reaches a threshold, so the lists are kept as words grouped by Zipf value
(hundredths), derived once from wordfreq's "large" lists and cached: a set of
the words above a threshold is built on first use, without importing wordfreq
(≈0.4 s per process and per `--jobs` worker otherwise).
"""
from __future__ import annotations

import math
import threading
from functools import lru_cache

from .datacache import load_or_build

_lock = threading.Lock()


def normalise(word: str) -> str:
    return word.lower().replace("\u2019", "'")


@lru_cache(maxsize=None)
def _groups(lang: str) -> list[tuple[int, str]]:
    """(Zipf in hundredths, newline-joined words), most frequent first."""
    import importlib.metadata

    def build() -> list[tuple[int, str]]:
        import wordfreq

        groups: dict[int, list[str]] = {}
        for word, frequency in wordfreq.get_frequency_dict(lang, wordlist="large").items():
            groups.setdefault(math.floor((math.log10(frequency) + 9) * 100 + 1e-6), []).append(word)
        return [(hundredths, "\n".join(words)) for hundredths, words in sorted(groups.items(), reverse=True)]

    return load_or_build(f"wordfreq-{importlib.metadata.version('wordfreq')}-{lang}", build)


@lru_cache(maxsize=None)
def _words_at_least(lang: str, hundredths: int) -> frozenset[str]:
    with _lock:
        return frozenset(word for level, words in _groups(lang) if level >= hundredths for word in words.split("\n"))


def frequent(lang: str, word: str, min_zipf: float) -> bool:
    """Whether the word form reaches `min_zipf` (known words start at Zipf 1)."""
    return normalise(word) in _words_at_least(lang, math.ceil(min_zipf * 100 - 1e-6))


def known(lang: str, word: str) -> bool:
    """Whether the word form is in the language's word list at all."""
    return frequent(lang, word, 0.0)
