"""Forward searches that are not repeated: what keeps markup scanning linear.

A scanner that meets many openings ("{{", "<!--") looks, from each one, for the
nearest closing after it. Searched afresh every time, a draft full of openings that
never close is read once per opening: quadratic. `NextMatch` remembers its last
search and answers from it whenever that is still the answer.
"""
from __future__ import annotations

import re


class NextMatch:
    """The leftmost match of a pattern at or after a position, in one text.

    When the last search started at or before the position asked and found nothing,
    or found a match that starts at or after it, that is the answer again and the
    text is not read. Positions asked in increasing order read the text about once."""

    def __init__(self, pattern: re.Pattern, text: str) -> None:
        self._pattern = pattern
        self.text = text
        self._searched_from = -1
        self._found: re.Match | None = None

    def at_or_after(self, position: int) -> re.Match | None:
        found = self._found
        if not (0 <= self._searched_from <= position and (found is None or found.start() >= position)):
            self._searched_from = position
            found = self._found = self._pattern.search(self.text, position)
        return found
