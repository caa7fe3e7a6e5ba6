"""The tokenizer and the phrase index, checked against plain reference versions."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tonelint.tokens import PhraseIndex, Token, tokenize

_WORD = re.compile(r"[^\W_]+(?:[.,][0-9]+)*")


def _reference_tokens(text: str) -> list[tuple]:
    tokens, previous_end = [], 0
    for match in _WORD.finditer(text):
        gap = text[previous_end:match.start()]
        hard = gap != " " and bool(gap.strip(" \t\n\r\f\v\u00a0\u2009\u202f'-/")) and bool(tokens)
        tokens.append((match.start(), match.end(), match.group(0), match.group(0).lower(), hard))
        previous_end = match.end()
    return tokens


PIECES = ["le", "Prix", "d'été", "3,5", " ", "  ", "\u00a0", ", ", ". ", "-", "'", "’", "/", "_", "é", "\n", "(", "!"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20))
def test_tokens_are_the_reference_tokens(pieces):
    text = "".join(pieces)
    tokens = tokenize(text)
    assert [tuple(t) for t in tokens] == _reference_tokens(text)
    assert all(type(t) is Token and t.lower == t.text.lower() for t in tokens)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["fier", "d'annoncer", "de", "nous", "sommes", "fiers", ",", " ", "  "]), max_size=12))
def test_phrase_hits_are_every_placement_of_every_phrase(pieces):
    index = PhraseIndex()
    phrases = {"fiers d'annoncer": 1, "nous sommes fiers": 2, "de": 3, "nous * fiers": 4}
    for phrase, key in phrases.items():
        index.add(phrase, key)
    text = " ".join(pieces)
    tokens = tokenize(text)
    found = {(hit.key, hit.first, hit.last) for hit in index.find(tokens)}
    expected = set()
    for phrase, key in phrases.items():
        words = phrase.replace("'", " ").split()
        for i in range(len(tokens) - len(words) + 1):
            window = tokens[i:i + len(words)]
            if all(w == "*" or t.lower == w for w, t in zip(words, window)) \
                    and not any(t.hard_gap_before for t in window[1:]):
                expected.add((key, i, i + len(words)))
    assert found == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Le prix", " monte", ". ", "Il pleut", "! ", "  ", "M. Roy", " a dit", "? ", "\n"]),
                max_size=14))
def test_sentence_tokens_are_the_tokens_starting_in_each_sentence(pieces):
    from tonelint.analysis import BlockData

    data = BlockData("".join(pieces), PhraseIndex())
    expected = [[t for t in data.tokens if start <= t.start < end] for start, end in data.sentences]
    assert data.sentence_tokens == expected


def test_phrases_found_at_one_word_come_out_in_the_order_they_were_added():
    index = PhraseIndex()
    for key, phrase in enumerate(["à la mode", "à la", "à la mode de", "à la * de", "à la carte"]):
        index.add(phrase, key)
    assert [hit.key for hit in index.find(tokenize("à la mode de chez nous"))] == [0, 1, 2, 3]
