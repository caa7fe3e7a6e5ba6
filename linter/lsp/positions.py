"""Code point offsets <-> LSP positions (line, character) in the negotiated encoding.

The engine's spans are code points into the text it linted. LSP counts a
line's characters in UTF-16 code units unless the client offered UTF-8 or
UTF-32 and the server chose it; lines break at \\n, \\r\\n or \\r.
An emoji before a finding is two UTF-16 units, four UTF-8 bytes, one code point.
"""
from __future__ import annotations

import bisect
import re

from lsprotocol import types

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
UTF8, UTF16, UTF32 = (types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16,
                      types.PositionEncodingKind.Utf32)


def units(text: str, encoding: str) -> int:
    """Length of `text` in the encoding's code units (lone surrogates count as one unit each)."""
    if encoding == UTF32:
        return len(text)
    if text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class PositionMap:
    """Positions in one text, for one encoding."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def line_text(self, line: int) -> str:
        """The line's text without its line break."""
        start = self.line_starts[line]
        end = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.text)
        return _LINE_BREAK.sub("", self.text[start:end])

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        start = self.line_starts[line]
        return types.Position(line=line, character=units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The code point offset of a client position; past the end of a line means its end."""
        if position.line >= len(self.line_starts):
            return len(self.text)
        line = max(0, position.line)
        start = self.line_starts[line]
        text = self.line_text(line)
        wanted, counted = position.character, 0
        for index, char in enumerate(text):
            if counted >= wanted:
                return start + index
            counted += units(char, self.encoding)
        return start + len(text)

    def end(self) -> types.Position:
        return self.position(len(self.text))
