"""Code point <-> UTF-16 code unit offsets (JavaScript string indices, LanguageTool offsets)."""
from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Map:
    """Converts offsets in one string. Cheap when the text has no astral characters."""

    def __init__(self, text: str) -> None:
        # Code point positions of characters outside the BMP (two UTF-16 units each).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]  # in C: this runs per request
        self._astral_utf16 = [i + k for k, i in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)

    def to_codepoint(self, offset: int) -> int:
        return offset - bisect.bisect_left(self._astral_utf16, offset)
