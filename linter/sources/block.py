"""Blocks of prose with an exact map from every prose character to the source.

Offsets are decided here, when text is extracted, and never found again by
searching the source: each prose character remembers the half-open range of
source characters it came from (one character for plain text, several for an
HTML entity or a Markdown escape).
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

from ..model import Span

# URLs and e-mail addresses are never prose: they are blanked (same length) so
# no rule matches inside them and offsets stay untouched.
# Linear on any input: an address, or a dotted name, is tried only where its run of
# characters begins (the lookbehinds) and its parts are never given back (possessive);
# "A." × 40,000 used to take 24 s. A name starts at its first letter or digit: what its run
# opens with ("-", "-.", as in "-.acme.com") is the `lead`, left as prose.
_URL_OR_EMAIL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"']+"
    r"|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+"
    r"|(?<![\w-])(?<![\w-]\.)(?P<lead>(?:-++\.)*+-*+)(?!https?://|ftp://|www\.)(?=\w)[\w-]++(?:\.[\w-]++)*"
    r"\.(?:com|org|net|io|fr|ca|qc\.ca|co|dev|app|info|biz|eu|be|ch)(?:/[^\s<>\"']*+)?(?![\w-])",
    re.IGNORECASE,
)
# Every URL or address has "://", or a dot or @ between two word characters: most blocks have
# none, and this search is far cheaper than trying the full pattern at each word.
_MAYBE_URL_OR_EMAIL = re.compile(r"[\w-][.@][\w-]|://")
# More than 200 characters without a space is no word of prose (a hash, base64, a minified
# blob, "A'" × 50,000): blanked too. Real drafts have paths and type names of up to ~100.
# Rules written for words (a capitalised name, then more) may cost the square of a word's
# length; bounding the word keeps every rule linear in the draft's length.
LONGEST_WORD = 200
_OVERLONG_RUN = re.compile(r"(?<!\S)(?=\S{%d})\S++" % (LONGEST_WORD + 1))
_TRAILING_PUNCT = ".,;:!?)»”’'\""
# A letter followed by combining accents (decomposed Unicode, NFD: « e » + U+0301 for « é »), as some
# systems and PDF copies write them: the prose gets the composed letter, so rules written with « é »
# match, and the letter maps to the whole source range. At most four marks: composing sorts them,
# which costs the square of their number; no letter of a real language stacks more.
_MARK = "[\u0300-\u036f]"  # the combining diacritical marks
COMBINING_MARK = re.compile(_MARK)  # also read by fix.py
_DECOMPOSED = re.compile(f"[^{_MARK[1:-1]}]{_MARK}{{1,4}}(?!{_MARK})", re.DOTALL)


@dataclass
class Block:
    """One paragraph-like unit of prose (paragraph, heading, list item, cell)."""

    text: str
    starts: array  # source start offset of each prose character
    ends: array  # source end offset (exclusive) of each prose character
    kind: str = "paragraph"

    def is_synthetic(self, source: str, start: int, end: int) -> bool:
        """Does [start, end) contain a character that is not in the source (a
        placeholder for code or an image, a blanked URL)? Checkers outside the
        engine (grammar) must not comment on those."""
        text = self.text
        for i in range(start, end):
            if text[i].isspace() and not source[self.starts[i]:self.ends[i]].isspace():
                return True
        return False

    def source_span(self, start: int, end: int) -> Span:
        """Map a prose range [start, end) to the source range it came from."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else self.ends[-1]
            return Span(pos, pos)
        return Span(self.starts[start], self.ends[end - 1])


class BlockBuilder:
    """Accumulates prose characters together with their source ranges.

    `identity`: optionally, array("q", range(N)) for the source at hand (see identity_map):
    verbatim runs then copy slices of it (a memory copy) instead of counting one integer at a
    time, a quarter of the time of reading a Markdown draft."""

    def __init__(self, identity: array | None = None) -> None:
        self._parts: list[str] = []
        self.starts = array("q")
        self.ends = array("q")
        self._identity = identity

    def __len__(self) -> int:
        return len(self.starts)

    def add_verbatim(self, text: str, source_start: int) -> None:
        """Characters copied from the source: one for one, except a decomposed accented letter,
        composed into one character that stands for its source range."""
        if not text:
            return
        if COMBINING_MARK.search(text):
            self._add_composed(text, source_start)
            return
        self._add_one_for_one(text, source_start)

    def _add_composed(self, text: str, source_start: int) -> None:
        position = 0
        for match in _DECOMPOSED.finditer(text):
            self._add_one_for_one(text[position:match.start()], source_start + position)
            composed = unicodedata.normalize("NFC", match.group())
            if len(composed) == 1:
                self.add_mapped(composed, source_start + match.start(), source_start + match.end())
            else:  # no precomposed letter exists: kept as written
                self._add_one_for_one(match.group(), source_start + match.start())
            position = match.end()
        self._add_one_for_one(text[position:], source_start + position)

    def _add_one_for_one(self, text: str, source_start: int) -> None:
        if not text:
            return
        self._parts.append(text)
        n = len(text)
        identity = self._identity
        if identity is not None and 0 <= source_start and source_start + n < len(identity):
            self.starts.extend(identity[source_start:source_start + n])
            self.ends.extend(identity[source_start + 1:source_start + n + 1])
            return
        self.starts.extend(range(source_start, source_start + n))
        self.ends.extend(range(source_start + 1, source_start + n + 1))

    def add_mapped(self, text: str, source_start: int, source_end: int) -> None:
        """Characters that stand for a whole source range (entity, escape, gap)."""
        self._parts.append(text)
        for _ in text:
            self.starts.append(source_start)
            self.ends.append(source_end)

    def has_prose(self) -> bool:
        return any(part.strip() for part in self._parts)

    def build(self, kind: str = "paragraph") -> Block | None:
        if not self.has_prose():
            return None
        text = _blank_urls("".join(self._parts))
        if not text.strip():
            return None
        return Block(text, self.starts, self.ends, kind)


def identity_map(length: int) -> array:
    """array("q", range(length + 1)): every offset of a text of `length` characters, and its end."""
    return array("q", range(length + 1))


def _blank_urls(text: str) -> str:
    """URLs, e-mail addresses and runs too long to be words, blanked; a sentence's
    closing punctuation right after them is kept."""
    def blank(match: re.Match) -> str:
        lead = (match.group("lead") or "") if match.re is _URL_OR_EMAIL else ""
        found = match.group(0)[len(lead):]
        kept = found.rstrip(_TRAILING_PUNCT)
        return lead + " " * len(kept) + found[len(kept):]

    if len(text) > LONGEST_WORD:
        text = _OVERLONG_RUN.sub(blank, text)
    if not _MAYBE_URL_OR_EMAIL.search(text):
        return text
    return _URL_OR_EMAIL.sub(blank, text)


def text_blocks(text: str, base: int = 0, kind: str = "paragraph") -> list[Block]:
    """Split verbatim text into paragraphs on blank lines, or on line breaks when
    the text is written one paragraph per line (no blank lines, long lines)."""
    blocks = []
    pos = 0
    separator = r"\n[ \t\r]*\n" if _has_blank_lines_or_wrapped(text) else r"\r?\n"
    for match in re.finditer(separator, text):
        _append_verbatim(blocks, text[pos:match.start()], base + pos, kind)
        pos = match.end()
    _append_verbatim(blocks, text[pos:], base + pos, kind)
    return blocks


def _has_blank_lines_or_wrapped(text: str) -> bool:
    if re.search(r"\n[ \t\r]*\n", text):
        return True
    lengths = sorted(len(line) for line in text.splitlines() if line.strip())
    # Hard-wrapped prose has short lines (≤ 80); a paragraph per line has long ones.
    return len(lengths) < 3 or lengths[len(lengths) // 2] <= 100


def _append_verbatim(blocks: list[Block], chunk: str, start: int, kind: str) -> None:
    builder = BlockBuilder()
    builder.add_verbatim(chunk, start)
    block = builder.build(kind)
    if block is not None:
        blocks.append(block)
