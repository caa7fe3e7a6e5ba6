"""The literal pre-check never hides a match of a rule's regex."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tonelint.prefilter import (LiteralScan, Search, casefold_for_search, may_match, required_literal,
                                 required_literals, requirements)

from .rule_engines import term_sets


PATTERNS = [pattern for terms in term_sets() for pattern in terms.patterns]


@pytest.mark.parametrize(("source", "flags", "literal"), [
    (r"\bISO\s?\d{3,5}\b", re.I, "iso"),
    (r"\bf/\d{1,2}\b", 0, "f/"),
    (r"!+", 0, "!"),
    (r"\b(?P<mark>(?:is|are)\s+done)\b", re.I, "done"),
    (r"\b\w{3,}(?:tion|tions)\b", re.I, "tion"),  # re's parser factors the common prefix out
    (r"abc|def", 0, None),  # no literal is in every match
    # a group with its own flags gives no literal; the runs around it, under the pattern's flags, still do
    (r"(?i:abc)d", 0, "d"),
    (r"\bSchedule\s+(?-i:[A-Z]|K-1)\b", re.I, "schedule"),
    (r"(?-i:ABC)", re.I, "abc"),  # "ABC" as written: "abc" in the casefolded text
    (r"communiqué", re.I, "communiqu"),  # letters: ASCII only
    (r"(?-i:[A-Z][a-z]+)’s", re.I, "’s"),  # punctuation means itself whatever the case flags
    (r"\w+", 0, None),
])
def test_required_literal(source, flags, literal):
    assert required_literal(re.compile(source, flags)) == literal


@pytest.mark.parametrize(("source", "flags", "literals"), [
    (r"abc|def", 0, ("abc", "def")),  # one of them is in every match
    (r"\b(?:Leader|Pionnier)\s+\w+", re.I, ("leader", "pionnier")),
    (r"\b(?:notre|nos)\b", re.I, ("no",)),  # re's parser factors "no" out: one literal beats "tre" or "s"
    (r"\b(?:élu|classé)\b", re.I, ("lu", "class")),  # letters: ASCII only
    (r"(?:abc|\w+)d", 0, ("d",)),  # a branch without a literal: the alternation requires nothing
    (r"(?:ab|cd)?e", 0, ("e",)),  # an optional alternation requires nothing
    (r"(?:ab|cd)+", 0, ("ab", "cd")),
    ("|".join(f"{c}zz{c}" for c in "abcdefghijklmnopqrstuvwxyz"), 0, None),  # too many to be worth checking one by one
])
def test_required_literals(source, flags, literals):
    assert required_literals(re.compile(source, flags)) == literals


@pytest.mark.parametrize(("source", "flags", "expected"), [
    (r"\b(?:won|awarded)\s+the\s+prize", re.I, (("prize",), ("the",), ("won", "awarded"))),
    (r"\bwe\s+(?:won|got)\b", 0, (("won", "got"), ("we",))),
    (r"\w+", 0, ()),
])
def test_every_match_holds_one_literal_of_each_requirement(source, flags, expected):
    assert requirements(re.compile(source, flags)) == expected


def test_rule_packs_have_patterns_the_pre_check_applies_to():
    assert len(PATTERNS) >= 20
    # Structural patterns (attributions, datelines) start with a name or a verb alternation and
    # have no single required literal; bench/throughput.py measures what they cost.
    assert sum(required_literal(p) is not None for p in PATTERNS) >= len(PATTERNS) * 2 // 5


@pytest.mark.parametrize("text", ["İSO 9001", "ıso 9001", "Iso 9001", "ISO 9001"])
def test_turkish_i_variants_still_reach_the_regex(text):
    pattern = re.compile(r"\bISO\s?\d{3,5}\b", re.I)
    assert pattern.search(text)
    assert may_match(pattern, text, casefold_for_search(text))


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.lower(), text.title(), text.swapcase(),
            text.replace("i", "ı").replace("I", "İ"), text.replace("s", "ſ").replace("k", "\u212a")]


@settings(max_examples=300, deadline=None)
@given(pattern=st.sampled_from(PATTERNS), data=st.data())
def test_pre_check_never_hides_a_match(pattern, data):
    literal = "".join(data.draw(st.sampled_from(literals)) for literals in requirements(pattern))
    pieces = st.sampled_from([literal, literal.upper(), " ", "\n", "ISO 9001", "f/2.8", "!", "?", "é", "İ", "1/250 s",
                              "CEO", "Section 179 of the Code", "article L. 1234-5", "a déclaré", "said"])
    text = "".join(data.draw(st.lists(st.one_of(pieces, st.text(max_size=8)), max_size=12)))
    for variant in _variants(text):
        if pattern.search(variant):
            assert may_match(pattern, variant, casefold_for_search(variant)), (pattern.pattern, variant)


LINE_START_PATTERNS = [re.compile(source, flags) for source, flags in [
    (r"(?m)^[ \t]*(?P<mark>\d{1,2}/\d{1,2}/\d{4}[ \t]*[-–])(?=[ \t]*(?:\n|$))", 0),
    (r"(?m)^(?:about|à propos de) \w+$", re.I),
    (r"(?m)^a[\s\S]*?b", 0),  # a match may run over several lines
    (r"(?m)^\s*", 0),  # empty matches are left out, as everywhere
]]


@pytest.mark.parametrize(("source", "flags", "expected"), [
    (r"(?m)^[ \t]*communiqué", re.I, True),
    (r"(?m)^a|b", 0, False),  # an alternative may start anywhere
    (r"^communiqué", 0, False),  # the block's start only: `re` already tries nothing else
    (r"(?m)x^", 0, False),
])
def test_which_patterns_are_searched_at_line_starts_only(source, flags, expected):
    assert Search(re.compile(source, flags)).at_line_starts is expected


@settings(max_examples=300, deadline=None)
@given(pattern=st.sampled_from(LINE_START_PATTERNS),
       text=st.lists(st.sampled_from(["a", "b", "\n", " ", "\t", "12/05/2025", "–", "About", "à propos de", "Acme",
                                      "x"]), max_size=14).map("".join))
def test_line_start_search_finds_what_the_regex_finds(pattern, text):
    expected = [span for m in pattern.finditer(text) if (span := m.span("mark" if "mark" in pattern.groupindex else 0))[1] > span[0]]
    assert Search(pattern).spans(text) == expected


LITERALS = sorted({literal for pattern in PATTERNS if pattern.flags & re.IGNORECASE
                   for literals in requirements(pattern) for literal in literals})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LITERALS), st.sampled_from([" ", "\n", "’", "é", "İ"]), st.text(max_size=5)),
                max_size=20).map("".join))
def test_literal_scan_finds_what_in_finds(text):
    """One pass finds every literal `in` finds (overlapping ones, prefixes of longer ones), and no other."""
    folded = casefold_for_search(text)
    scanned = LiteralScan(LITERALS).scan(folded)
    assert scanned.found == {literal for literal in LITERALS if literal in folded}
    for pattern in PATTERNS[:40]:
        assert Search(pattern).may_match(text, folded, scanned) == Search(pattern).may_match(text, folded)
