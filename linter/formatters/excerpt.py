"""The source excerpt under a finding in human output: its line, cut to a
bounded window around the span on long lines, and the caret underline.

Long lines are common in drafts (a paragraph per line, minified HTML): a
finding prints at most CONTEXT characters on each side of its span and at
most MAX_UNDERLINE characters of the span itself, with "…" where text was
left out, so the output stays proportional to the number of findings
whatever the line length. The underline is measured in terminal cells, so
it stays under its words after wide (CJK, emoji) and combining characters.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rich.cells import cell_len

from ..positions import LineIndex

CONTEXT = 60  # characters kept on each side of the span on a long line
MAX_UNDERLINE = 120  # characters of a long span shown before it is cut
MAX_WHOLE_LINE = 2 * CONTEXT + MAX_UNDERLINE  # lines up to this length are shown whole
ELLIPSIS = "…"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # tabs, escapes, separators: one blank cell each


@dataclass(frozen=True)
class Excerpt:
    line: str
    underline: str


class Excerpts:
    """Excerpts for the findings of one file; line starts are indexed once."""

    def __init__(self, source: str, width: int | None = None) -> None:
        self.source = source
        self.width = width  # terminal cells for the excerpt; None: the fixed window below
        self.lines = LineIndex(source)  # the same line breaks as the findings' line numbers

    def __call__(self, line: int, column: int, end_line: int, end_column: int) -> Excerpt | None:
        """The excerpt for a finding at 1-based `line`:`column` up to `end_line`:`end_column`."""
        starts = self.lines.starts
        if not 0 < line <= len(starts):
            return None
        line_start = starts[line - 1]
        line_end = starts[line] if line < len(starts) else len(self.source)
        while line_end > line_start and self.source[line_end - 1] in "\r\n":
            line_end -= 1
        length = line_end - line_start
        start = min(max(column - 1, 0), length)
        # A finding that runs onto later lines is underlined to one past this line's end.
        end = end_column - 1 if end_line == line else length + 1
        end = max(end, start + 1)
        return excerpt(self.source, line_start, line_end, start, end, self.width)


def excerpt(source: str, line_start: int, line_end: int, start: int, end: int,
            width: int | None = None) -> Excerpt:
    """The excerpt of the line source[line_start:line_end] for the span [start, end),
    in offsets from the line's start (`end` may pass the line's end by one). With a
    `width`, the window is fitted to it (as rustc and ruff fit theirs to the terminal)."""
    whole_line, max_underline, context = MAX_WHOLE_LINE, MAX_UNDERLINE, CONTEXT
    if width is not None:
        whole_line = max(40, width)
        max_underline = max(20, whole_line - 24)
        context = max(10, (whole_line - 2 - min(end - start, max_underline)) // 2)
    length = line_end - line_start
    left, right, shown_end = 0, length, end
    if length > whole_line:
        shown_end = min(end, start + max_underline)
        left = _off_combining(source, line_start, length, max(0, start - context), -1)
        right = _off_combining(source, line_start, length,
                               min(length, shown_end + (context if shown_end == end else 0)), +1)
    prefix = ELLIPSIS if left > 0 else ""
    suffix = ELLIPSIS if right < length else ""
    text = _CONTROL.sub(" ", source[line_start + left: line_start + right])
    before = prefix + text[:start - left]
    underlined = text[start - left: max(start, min(shown_end, right)) - left]
    past_line_end = max(0, shown_end - max(right, start))  # a finding that runs onto the next line
    underline = " " * cell_len(before) + "^" * max(1, cell_len(underlined) + past_line_end)
    if shown_end < end:
        underline += ELLIPSIS
    return Excerpt(prefix + text + suffix, underline)


def _off_combining(source: str, line_start: int, length: int, offset: int, step: int) -> int:
    """Move a cut off combining marks (left for a start, right for an end), so no
    accent is shown without its letter."""
    while 0 < offset < length and unicodedata.combining(source[line_start + offset]):
        offset += step
    return offset
