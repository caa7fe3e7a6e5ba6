"""Word familiarity from the `wordfreq` package (offline data), on the Zipf scale.

Zipf 6 ≈ a word per thousand ("vous", "the"); 3 ≈ one per million; below 2.5 a
word is rare in everyday French or English. Rules only ask whether a word
reaches a threshold, so the lists are kept as words grouped by Zipf value
(hundredths), derived once from wordfreq's "large" lists and cached: a set of
the words above a threshold is built on first use, without importing wordfreq
(≈0.4 s per process and per `--jobs` worker otherwise).
"""
from __future__ import annotations

import bisect
import math
import threading
from functools import lru_cache

from .datacache import load_or_build

_lock = threading.Lock()


def normalise(word: str) -> str:
    return word.lower().replace("\u2019", "'")


_FORMAT = 2  # of the cached table; bump when its layout changes


@lru_cache(maxsize=None)
def _table(lang: str) -> dict:
    """{"groups": [(Zipf in hundredths, newline-joined words)], most frequent first,
    "sorted": every word, sorted and newline-joined}."""
    import importlib.metadata

    def build() -> dict:
        import wordfreq

        groups: dict[int, list[str]] = {}
        frequencies = wordfreq.get_frequency_dict(lang, wordlist="large")
        for word, frequency in frequencies.items():
            groups.setdefault(math.floor((math.log10(frequency) + 9) * 100 + 1e-6), []).append(word)
        return {"groups": [(level, "\n".join(words)) for level, words in sorted(groups.items(), reverse=True)],
                "sorted": "\n".join(sorted(frequencies))}

    return load_or_build(f"wordfreq-{importlib.metadata.version('wordfreq')}-{lang}-{_FORMAT}", build)


@lru_cache(maxsize=None)
def _words_at_least(lang: str, hundredths: int) -> frozenset[str]:
    with _lock:
        return frozenset(word for level, words in _table(lang)["groups"] if level >= hundredths
                         for word in words.split("\n"))


@lru_cache(maxsize=None)
def _all_words(lang: str) -> list[str]:
    # Sorted and searched by bisection: a set of all 300,000 words takes 3x longer to build.
    return _table(lang)["sorted"].split("\n")


def words_at_least(lang: str, min_zipf: float) -> frozenset[str]:
    """Every word form (normalised) whose Zipf frequency reaches `min_zipf`."""
    return _words_at_least(lang, math.ceil(min_zipf * 100 - 1e-6))


def frequent(lang: str, word: str, min_zipf: float) -> bool:
    """Whether the word form reaches `min_zipf` (known words start at Zipf 1)."""
    return normalise(word) in words_at_least(lang, min_zipf)


def known(lang: str, word: str) -> bool:
    """Whether the word form is in the language's word list at all."""
    words = _all_words(lang)
    word = normalise(word)
    index = bisect.bisect_left(words, word)
    return index < len(words) and words[index] == word


@lru_cache(maxsize=None)
def _delimited_groups(lang: str) -> tuple[tuple[float, str], ...]:
    return tuple((level / 100, "\n" + words + "\n") for level, words in _table(lang)["groups"])


@lru_cache(maxsize=4096)
def zipf(lang: str, word: str) -> float:
    """The word form's Zipf frequency (0 when unknown), from the cached table.

    Found by searching each frequency group's text: a few milliseconds for one word, and no
    300,000-entry dictionary built per process (rules ask for a handful of words per draft)."""
    needle = "\n" + normalise(word) + "\n"
    for level, words in _delimited_groups(lang):
        if needle in words:
            return level
    return 0.0
