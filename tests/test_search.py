"""A rule regex's matches through prefilter.Search are exactly finditer's, however they are found."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tonelint.prefilter import Search

TRICKY = [re.compile(p, f) for p, f in [
    (r"(?<=\s)ab", 0), (r"^ab", re.M), (r"^ab", 0), (r"\bab\b", re.I), (r"(?P<mark>a*)b?", 0),
    (r"x*", 0), (r"(?<!c)ab$", 0), (r"\Bb", 0), (r"(?P<mark>b)(?=\s*$)", re.M),
]]


def _naive(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    group = "mark" if "mark" in pattern.groupindex else 0
    return [m.span(group) for m in pattern.finditer(text) if m.span(group)[1] > m.span(group)[0]]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(TRICKY), st.lists(st.sampled_from(["ab", "a", "b", " ", "\n", "c", "x", "é"]), max_size=14))
def test_spans_are_finditers(pattern, pieces):
    text = "".join(pieces)
    assert Search(pattern).spans(text) == _naive(pattern, text)
