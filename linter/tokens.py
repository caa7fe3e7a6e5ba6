"""Fast word tokens and phrase lookup: the hot path, no statistical model.

Words are runs of letters and digits; apostrophes and hyphens separate words
("d'annoncer" -> d, annoncer; "clé-en-main" -> clé, en, main), so a phrase
written either way matches both. A phrase never matches across hard
punctuation (. , ; : ! ? parentheses, quotes, line breaks between paragraphs).
"""
from __future__ import annotations

import itertools
import re
from typing import NamedTuple

_WORD = re.compile(r"[^\W_]+(?:[.,][0-9]+)*", re.UNICODE)
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
# Between two words of one phrase: only spaces, apostrophes, hyphens, slashes.
_SOFT_GAP_CHARS = " \t\n\r\f\v\u00a0\u2009\u202f'-/"
_ALTERNATION = re.compile(r"\{([^{}]*)\}")

WILDCARD = "*"
_NUMBER_SEPARATOR = re.compile(r"(?<=\d)[.,](?=\d)")
_STRAY_PUNCTUATION = re.compile(r"[^\w\s'’\-/*]")


class Token(NamedTuple):  # a named tuple: built 2.5x faster than a frozen dataclass, per word
    start: int
    end: int
    text: str
    lower: str
    hard_gap_before: bool  # punctuation between this word and the previous one


def tokenize(text: str) -> list[Token]:
    # One split gives the gaps and the words, alternately (gap, word, gap, ..., word, gap); their
    # lengths give every offset. The work is done by `re` and the builtins, not by a loop per word
    # (a quarter less time per draft).
    pieces = _WORD_SPLIT.split(text)
    words = pieces[1::2]
    if not words:
        return []
    bounds = list(itertools.accumulate(map(len, pieces)))
    # Punctuation between two words is a hard gap; the first word has none before it.
    hard_gaps = [False, *map(bool, map(str.strip, pieces[2:-1:2], itertools.repeat(_SOFT_GAP_CHARS)))]
    # tuple.__new__: Token(...) would run the named tuple's __new__ in Python
    return list(map(tuple.__new__, itertools.repeat(Token),
                    zip(bounds[0:-1:2], bounds[1::2], words, map(str.lower, words), hard_gaps)))


def expand_alternations(phrase: str) -> list[str]:
    """`{fier|fière|fiers} d'annoncer` -> one phrase per alternative (empty allowed)."""
    parts = _ALTERNATION.split(phrase)
    literal_parts = parts[0::2]
    choices = [group.split("|") for group in parts[1::2]]
    results = []
    for combination in itertools.product(*choices):
        pieces = [literal_parts[0]]
        for choice, literal in zip(combination, literal_parts[1:]):
            pieces.extend([choice, literal])
        results.append(" ".join("".join(pieces).split()))
    return [r for r in results if r]


def phrase_words(phrase: str) -> tuple[str, ...]:
    words = []
    for piece in phrase.split():
        if piece == WILDCARD:
            words.append(WILDCARD)
        else:
            words.extend(m.group(0).lower() for m in _WORD.finditer(piece.replace("\u2019", "'")))
    return tuple(words)


class PhraseHit(NamedTuple):  # a named tuple, as Token: one for each phrase found in each block
    key: object  # what the phrase was registered for (rule id, lexicon entry...)
    first: int  # token indexes, inclusive first, exclusive last
    last: int


class PhraseIndex:
    """All phrases of a language, matched in one pass over a block's tokens.

    Phrases of two or more words are keyed by their first two words, so a
    frequent first word ("de", "the") does not drag every phrase it starts;
    phrases of three words or more by their third word too, so a frequent pair
    (« à la »: over a hundred phrases) does not either.
    """

    def __init__(self) -> None:
        self._single: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        # Phrases of two words, or whose third is a wildcard, by their first two words.
        self._by_pair: dict[tuple[str, str], list[tuple[int, tuple[str, ...], object]]] = {}
        # Longer phrases: first two words -> third word -> phrases. The first number of each entry
        # is the order it was added in: candidates of both tables are tried in that order.
        self._by_pair_third: dict[tuple[str, str], dict[str, list[tuple[int, tuple[str, ...], object]]]] = {}
        self._pairs_added = 0
        self._pair_starts: set[str] = set()  # the first words of the phrases keyed by their first two
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}  # "over * years"
        self._wild_first: list[tuple[tuple[str, ...], object]] = []  # "* as its": checked everywhere

    def add(self, phrase: str, key: object) -> tuple[str, ...]:
        stray = _STRAY_PUNCTUATION.search(_NUMBER_SEPARATOR.sub("", phrase))
        if stray:
            # Words are matched, punctuation is not: "sources :" would silently match every "sources".
            raise ValueError(f"phrase {phrase!r} contains {stray.group(0)!r}: phrases match words only, use a regex")
        words = phrase_words(phrase)
        if not words or all(w == WILDCARD for w in words):
            raise ValueError(f"phrase {phrase!r} has no words")
        if len(words) == 1:
            self._single.setdefault(words[0], []).append((words, key))
        elif words[0] == WILDCARD:
            self._wild_first.append((words, key))
        elif words[1] == WILDCARD:
            self._by_first.setdefault(words[0], []).append((words, key))
        else:
            entry = (self._pairs_added, words, key)
            self._pairs_added += 1
            self._pair_starts.add(words[0])
            if len(words) == 2 or words[2] == WILDCARD:
                self._by_pair.setdefault((words[0], words[1]), []).append(entry)
            else:
                self._by_pair_third.setdefault((words[0], words[1]), {}).setdefault(words[2], []).append(entry)
        return words

    def find(self, tokens: list[Token]) -> list[PhraseHit]:
        hits: list[PhraseHit] = []
        count = len(tokens)
        single, by_first, wild_first = self._single, self._by_first, self._wild_first
        by_pair, by_pair_third = self._by_pair, self._by_pair_third
        pair_starts = self._pair_starts
        for i, token in enumerate(tokens):
            lower = token.lower
            for words, key in single.get(lower, ()):
                hits.append(PhraseHit(key, i, i + 1))
            pairs = ()
            # most words start no phrase of two words: no pair to make and look up
            if lower in pair_starts and i + 1 < count and not tokens[i + 1].hard_gap_before:
                pair = (lower, tokens[i + 1].lower)
                pairs = by_pair.get(pair, ())
                thirds = by_pair_third.get(pair)
                if thirds and i + 2 < count and not tokens[i + 2].hard_gap_before:
                    longer = thirds.get(tokens[i + 2].lower)
                    if longer:  # both tables' phrases, in the order they were added
                        pairs = sorted([*pairs, *longer]) if pairs else longer
            first = by_first.get(lower, ()) if by_first else ()
            if not (pairs or first or wild_first):
                continue  # most words start no phrase of two words or more
            for words, key in itertools.chain(((words, key) for _, words, key in pairs), first, wild_first):
                end = i + len(words)
                if end <= count and all(
                    (w == WILDCARD or tokens[i + k].lower == w) and (k == 0 or not tokens[i + k].hard_gap_before)
                    for k, w in enumerate(words)
                ):
                    hits.append(PhraseHit(key, i, end))
        return hits
