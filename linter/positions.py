"""Offsets in a draft's source to the 1-based lines and columns a writer sees."""
from __future__ import annotations

import bisect
import re

from .model import Diagnostic


class LineIndex:
    """Offsets to 1-based line and column (in code points) of the original source."""

    def __init__(self, source: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def fill_positions(diagnostics: list[Diagnostic], source: str) -> None:
    """Set each finding's start and end line and column from its span."""
    lines = LineIndex(source)
    for d in diagnostics:
        d.line, d.column = lines.position(d.span.start)
        d.end_line, d.end_column = lines.position(d.span.end)
