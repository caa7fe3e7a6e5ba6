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


TABLE_FORMAT = 3  # of the cached tables; bump when a layout changes
# A word at least this frequent (one in ten thousand) is an everyday word: a capitalised one opening a
# sentence is no name ("Today"), a plural this common is a word of its own ("goods").
EVERYDAY_ZIPF = 4.0


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

    return load_or_build(f"wordfreq-{importlib.metadata.version('wordfreq')}-{lang}", build, version=TABLE_FORMAT)


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
def other_language_words(lang: str, other: str, min_other: float, max_own: float) -> dict[str, tuple[float, float]]:
    """Words at least `min_other` frequent in `other` and below `max_own` in `lang`, with both
    Zipf values: the candidates of a foreign word. Derived once and cached (a few thousand words),
    so no process builds either language's 300,000-word dictionary."""
    return {word: (pair[0], pair[1]) for word, pair in _other_language_table(lang, other, min_other, max_own)["words"].items()}


@lru_cache(maxsize=None)
def other_language_plurals(lang: str, other: str, min_other: float, max_own: float) -> dict[str, tuple[float, float]]:
    """The -s plurals of `other_language_words` that are not candidates themselves (rarer than
    `min_other` in `other`), with both Zipf values: "workflows" (1.37 here, 2.45 in English) is
    judged by its singular, "adjacents" (2.72 here, unknown in English) is French."""
    return {word: (pair[0], pair[1]) for word, pair in _other_language_table(lang, other, min_other, max_own)["plurals"].items()}


@lru_cache(maxsize=None)
def _other_language_table(lang: str, other: str, min_other: float, max_own: float) -> dict:
    import importlib.metadata

    def build() -> dict:
        own = {word: level / 100 for level, words in _table(lang)["groups"] for word in words.split("\n")}
        others = {word: level / 100 for level, words in _table(other)["groups"] for word in words.split("\n")}
        found = {word: [own.get(word, 0.0), zipf] for word, zipf in others.items()
                 if zipf >= min_other and own.get(word, 0.0) < max_own}
        plurals = {}
        for word in found:
            plural = word + "s"
            if plural not in found and (plural in own or plural in others) and own.get(plural, 0.0) < max_own:
                plurals[plural] = [own.get(plural, 0.0), others.get(plural, 0.0)]
        return {"words": found, "plurals": plurals}

    key = f"wordfreq-{importlib.metadata.version('wordfreq')}-{lang}-not-{other}-{min_other}-{max_own}"
    return load_or_build(key, build, version=TABLE_FORMAT)
