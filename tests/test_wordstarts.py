"""A rule regex tried only where one of its first words starts finds exactly what finditer finds."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tonelint.analysis import BlockData
from tonelint.prefilter import Search, casefold_for_search
from tonelint.tokens import PhraseIndex
from tonelint.wordstarts import _FOLDS_LIKE_RE, first_chars, first_words, match_starts

from .rule_engines import term_sets


SEARCHES = [search for terms in term_sets() for search, _anchors in terms.searches if search.first_words is not None]


@pytest.mark.parametrize(("source", "flags", "words"), [
    (r"\b(?:le|la|les)\s+premier", re.I, {"le", "la", "les"}),
    (r"(?<![-\w])(?:a|ai)\s+été", re.I, {"a", "ai"}),
    (r"\b(?-i:[Ll])(?:e|a)\s+Conseil", re.I, {"le", "la"}),
    (r"\bélu(?:e|s)?\b", re.I, {"élu", "élue", "élus"}),
    (r"\bl['’]\s*un", re.I, {"l"}),  # the apostrophe ends the first word
    (r"\bwe(?:'re)?\s+(?:are|were)", re.I, {"we"}),
    (r"\bISO\s?\d+", 0, None),  # the word may go on: "ISO9001"
    (r"\bwon", re.I, None),  # nothing says the word ends: "wonderful"
    (r"won\b", re.I, None),  # the match may start inside a word: "Owon"
    (r"\b\w+tion\b", re.I, None),
    (r"(?<![\w-])(?-i:[A-Z])\w*", re.I, None),  # a class of letters: any capitalised word
    (r"(?m)^\s*Acme\b", 0, None),  # not at a word start
    (r"(?a)\bcafé\b", 0, None),  # ASCII word characters: another notion of word
    (r"\bcafé\b", re.I, {"café"}),
    (r"\bstraße\b", re.I, None),  # ß casefolds to "ss": only letters that fold like `re` reads them
])
def test_first_words(source, flags, words):
    found = first_words(re.compile(source, flags))
    assert (None if found is None else set(found)) == words


def test_rule_packs_have_regexes_tried_at_their_first_words():
    assert sum(bool(search.first_words) for search in SEARCHES) >= 100
    assert sum(bool(search.first_chars) for search in SEARCHES) >= 20


@pytest.mark.parametrize(("source", "flags", "starts"), [
    # each alternative its own way: a capitalised name, or « nous »
    (r"(?<![\w-])(?-i:[A-B])\w*\s+est|\bnous\s+sommes", re.I, ({"nous"}, {"A", "B"}, set())),
    (r"\b(?:le|la)\s+", re.I, ({"le", "la"}, set(), set())),
    (r"(?-i:[A-B])\w*|\bnous", re.I, None),  # the capital of the first may be inside a word
    (r"\bnous|\w+ment", re.I, None),
])
def test_match_starts(source, flags, starts):
    found = match_starts(re.compile(source, flags))
    assert (None if found is None else tuple(map(set, found))) == starts


@pytest.mark.parametrize(("source", "flags", "chars"), [
    # a capital after no word character, or after an elided article: « d'Acme »
    (r"(?:(?<![\w&.’'-])|(?<=\b[dl]['’]))(?-i:[A-C])[\w&.-]*+", re.I, ({"A", "B", "C"}, set())),
    (r"(?<![\w-])(?-i:[A-BÖ-Ø])\w*", re.I, ({"A", "B", "Ö", "Ø"}, {"×"})),  # × opens a match where it stands
    (r"[»”\"][ \t]*(?P<mark>[-–—])", re.I, (set(), {"»", "”", '"'})),  # no case to these
    (r"(?:X|Y)?(?<!\w)(?-i:Z)", re.I, None),  # X, in any case
    (r"(?-i:[A-Z])\w+", re.I, None),  # the capital may be inside a word: "McDonald"
    (r"\b(?-i:[A-Z])\w+", re.I, ({chr(c) for c in range(65, 91)}, set())),
    (r"(?<!\w)(?-i:\w)", re.I, None),
    (r"(?<!\w)(?-i:Z)?", re.I, None),  # a match may be empty
])
def test_first_chars(source, flags, chars):
    found = first_chars(re.compile(source, flags))
    assert (None if found is None else (set(found[0]), set(found[1]))) == chars


@pytest.mark.skipif(sys.maxunicode < 0x10FFFF, reason="narrow build")
def test_letters_beyond_ascii_fold_as_re_matches_them():
    """Every character that `re` matches to one of these letters, ignoring case, casefolds to it."""
    every_character = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in sorted(_FOLDS_LIKE_RE):
        for char in re.findall(re.escape(letter), every_character, re.IGNORECASE):
            assert casefold_for_search(char) == letter.casefold(), (letter, char)


def _naive(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    group = "mark" if "mark" in pattern.groupindex else 0
    return [m.span(group) for m in pattern.finditer(text) if m.span(group)[1] > m.span(group)[0]]


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.title(), text.swapcase(), text.replace("i", "ı").replace("I", "İ"),
            text.replace("s", "ſ").replace("k", "\u212a"), text.replace("ss", "ß")]


@settings(max_examples=400, deadline=None)
@given(search=st.sampled_from(SEARCHES), data=st.data())
def test_tried_at_first_words_finds_what_finditer_finds(search, data):
    words = sorted(search.first_words | {"Acme", "Roy", "L'Oréal", "× Z", "« Oui »", "“Yes,” said"})
    pieces = st.sampled_from([*data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=4)), " ", "  ", "\n", "-",
                              "'", "’", "_", "x", "ß", "été", "est", "a", "the", "is", "premier", "été annoncé", "Acme",
                              "notre", "our", "announced", "award", "1.5", ",", "."])
    text = "".join(data.draw(st.lists(st.one_of(pieces, st.text(max_size=4)), max_size=16)))
    for variant in _variants(text):
        block = BlockData(variant, PhraseIndex())  # its text normalised, as every block's
        expected = _words_fit_spans(search, block.text)
        starts = block.word_starts.for_search(search.first_words, search.first_chars, search.first_symbols)
        assert search.spans_at(block.text, starts) == expected, \
            (search.pattern.pattern[:80], block.text)
        assert list(block.regex_spans(search)) == expected


def _words_fit_spans(search: Search, text: str) -> list[tuple[int, int]]:
    """finditer's spans that pass the rule's word classes, as Search.spans gives them."""
    return [span for match in search.pattern.finditer(text)
            if (span := match.span(search.group))[1] > span[0] and search._words_fit(match)]
