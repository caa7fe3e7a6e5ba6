"""Markdown (CommonMark + tables + front matter) to prose blocks.

markdown-it-py gives line ranges for blocks only, so character offsets are
rebuilt in two exact steps, never by searching the whole source:
1. each line of an inline token's content is located in its own source line
   (content lines are the source lines minus container prefixes);
2. the inline children (text, code, links...) are aligned on that content
   with a cursor that only moves forward, consuming markup as it goes.
A block that cannot be aligned exactly is never dropped nor given wrong
offsets: it is linted with its markup left in.
"""
from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from ..i18n import NP_, Message
from .block import Block, BlockBuilder, identity_map
from .html import html_blocks

_MARKUP_CHARS = frozenset("*_~[]!<> \t\n")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_PREFIX_CHARS = frozenset(" \t>-+*0123456789.)#|:")
_ESCAPE_OR_ENTITY = re.compile(r"[\\&]")
_CONTAINER_MARKERS = re.compile(r"(?:[ \t]*(?:>|[-+*](?=[ \t])|[0-9]{1,9}[.)](?=[ \t])))*[ \t]*")
_WORD = re.compile(r"\w")


class AlignmentError(Exception):
    """The inline tokens could not be matched to their source exactly."""


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)


def normalize_newlines(source: str) -> tuple[str, array]:
    """CRLF/CR to LF (as markdown-it does), with a map back to source positions.

    Returns the normalised text and `position`, where position[i] is the source
    offset of normalised offset i (len + 1 entries).
    """
    if "\r" not in source and "\x00" not in source:
        return source, array("q", range(len(source) + 1))
    out: list[str] = []
    position = array("q")
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        position.append(i)
        if ch == "\r":
            out.append("\n")
            i += 2 if i + 1 < n and source[i + 1] == "\n" else 1
        else:
            out.append("\ufffd" if ch == "\x00" else ch)
            i += 1
    position.append(n)
    return "".join(out), position


@dataclass
class MarkdownProse:
    blocks: list[Block]
    notices: list[str] = field(default_factory=list)


def markdown_blocks(source: str) -> MarkdownProse:
    """Prose blocks of a Markdown draft. Text is never dropped: a block whose inline
    markup cannot be aligned exactly is linted with its markup left in (offsets stay
    exact), and lines the parser did not reach (nesting beyond its limit) are linted
    as plain text; `notices` says when either happened."""
    text, position = normalize_newlines(source)
    identity = position if position[-1] == len(position) - 1 else identity_map(len(text))
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    row_line, row_col = -1, 0
    kind = "paragraph"
    unaligned = 0
    for token in tokens:
        if token.type.endswith("_open"):
            if token.type in ("heading_open", "th_open", "td_open"):
                kind = token.type[:-5]
            elif token.type == "paragraph_open":
                kind = "paragraph"
        if token.type == "html_block" and token.map is not None:
            blocks.extend(_to_source(b, position) for b in _html_block_prose(text, line_starts, token.map))
            continue
        if token.type != "inline" or token.map is None:
            continue
        first_line = token.map[0]
        start_col = row_col if first_line == row_line else 0
        builder = BlockBuilder(identity)
        try:
            content_map, row_col = _locate_content(token.content, text, line_starts, first_line, start_col, identity)
        except AlignmentError:
            _add_raw_lines(text, line_starts, range(*token.map), builder)
            unaligned += 1
        else:
            try:
                _align_children(token.children or [], token.content, content_map, builder)
            except AlignmentError:
                builder = BlockBuilder(identity)
                _add_run(content_map, 0, len(token.content), token.content.replace("\n", " "), builder)
                unaligned += 1
        row_line = first_line
        block = builder.build(kind)
        if block is not None:
            blocks.append(_to_source(block, position))
    notices = []
    if unaligned:
        notices.append(Message(NP_("{n} Markdown block linted with its markup left in "
                                   "(inline markup could not be mapped exactly)",
                                   "{n} Markdown blocks linted with their markup left in "
                                   "(inline markup could not be mapped exactly)"), count=unaligned))
    unreached = _unreached_lines(tokens, text, line_starts)
    if unreached:
        for line_no in unreached:
            builder = BlockBuilder()
            _add_raw_lines(text, line_starts, [line_no], builder)
            block = builder.build("paragraph")
            if block is not None:
                blocks.append(_to_source(block, position))
        blocks.sort(key=lambda b: b.starts[0])
        notices.append(Message(NP_("{n} line nested deeper than Markdown's limit ({levels} levels) "
                                   "linted as plain text",
                                   "{n} lines nested deeper than Markdown's limit ({levels} levels) "
                                   "linted as plain text"),
                               count=len(unreached), levels=_parser().options["maxNesting"]))
    return MarkdownProse(blocks, notices)


def _html_block_prose(text: str, line_starts: list[int], line_range: list[int]) -> list[Block]:
    """Raw HTML in a Markdown draft is prose too: parse it as HTML, offsets moved to the draft."""
    start = line_starts[line_range[0]]
    end = line_starts[line_range[1]] if line_range[1] < len(line_starts) else len(text)
    found = html_blocks(text[start:end])
    for block in found:
        block.starts = array("q", (s + start for s in block.starts))
        block.ends = array("q", (e + start for e in block.ends))
    return found


def _unreached_lines(tokens, text: str, line_starts: list[int]) -> list[int]:
    """Lines with words that no block token covers. markdown-it stops descending past
    maxNesting and drops what lies deeper; nothing else leaves prose uncovered."""
    if not any(t.level >= _parser().options["maxNesting"] - 1 for t in tokens):
        return []
    covered = bytearray(len(line_starts))
    for token in tokens:
        if token.map is not None and token.nesting == 0:
            covered[token.map[0]:token.map[1]] = b"\x01" * (token.map[1] - token.map[0])
    unreached = []
    for line_no, line_start in enumerate(line_starts):
        if covered[line_no]:
            continue
        line_end = text.find("\n", line_start)
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        if _WORD.search(_CONTAINER_MARKERS.sub("", line, count=1)):
            unreached.append(line_no)
    return unreached


def _add_raw_lines(text: str, line_starts: list[int], line_numbers, out: BlockBuilder) -> None:
    """Lines as they are in the source, container markers ('> ', '- ', '1. ') left out."""
    for line_no in line_numbers:
        if line_no >= len(line_starts):
            break
        line_start = line_starts[line_no]
        line_end = text.find("\n", line_start)
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        markers = _CONTAINER_MARKERS.match(line)
        skip = markers.end() if markers else 0
        if len(out):
            out.add_mapped(" ", line_start, line_start)
        out.add_verbatim(line[skip:], line_start + skip)


def _to_source(block: Block, position: array) -> Block:
    if len(position) and position[-1] == len(position) - 1:
        return block  # identity map: nothing was normalised
    block.starts = array("q", (position[s] for s in block.starts))
    block.ends = array("q", (position[e] for e in block.ends))
    return block


def _locate_content(content: str, text: str, line_starts: list[int], first_line: int, start_col: int,
                    identity: array):
    """Map each content offset to an offset in `text` (one line at a time); `identity`: identity_map(len(text))."""
    content_map = array("q")
    end_col = start_col
    for k, piece in enumerate(content.split("\n")):
        line_no = first_line + k
        if line_no >= len(line_starts):
            raise AlignmentError
        line_start = line_starts[line_no]
        line_end = text.find("\n", line_start)
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        col = _column_of(piece, line, start_col if k == 0 else 0)
        content_map.extend(identity[line_start + col:line_start + col + len(piece)])
        content_map.append(line_start + col + len(piece))  # the '\n' (or end)
        end_col = col + len(piece)
    return content_map, end_col


def _column_of(piece: str, line: str, from_col: int) -> int:
    if not piece:
        return from_col  # an empty table cell: stay put, the next cell is further right
    stripped = line.rstrip(" \t")
    for candidate in (line, stripped):
        col = len(candidate) - len(piece)
        if col >= from_col and candidate.endswith(piece) and all(c in _PREFIX_CHARS for c in line[from_col:col]):
            return col
    col = line.find(piece, from_col)
    if col < 0:
        raise AlignmentError
    return col


def _align_children(children, content: str, content_map: array, out: BlockBuilder) -> None:
    cursor = 0
    in_autolink = False
    for child in children:
        kind = child.type
        if kind == "text":
            if not in_autolink:
                cursor = _align_text(child.content, content, cursor, content_map, out)
        elif kind in ("softbreak", "hardbreak"):
            newline = content.find("\n", cursor)
            if newline < 0:
                raise AlignmentError
            out.add_mapped(" ", content_map[newline], content_map[newline] + 1)
            cursor = newline + 1
        elif kind == "code_inline":
            cursor = _skip_code_span(child.markup, content, cursor, content_map, out)
        elif kind == "html_inline":
            found = content.find(child.content, cursor)
            if found < 0:
                raise AlignmentError
            cursor = found + len(child.content)
            out.add_mapped(" ", content_map[found], content_map[cursor - 1] + 1)
        elif kind == "link_open":
            in_autolink = child.markup == "autolink"
        elif kind == "link_close":
            cursor = _skip_link_tail(content, cursor, autolink=in_autolink)
            in_autolink = False
        elif kind == "image":
            start = content.find("![", cursor)
            if start < 0:
                raise AlignmentError
            label_end = _matching_bracket(content, start + 1)
            cursor = _skip_link_tail(content, label_end, autolink=False)
            out.add_mapped(" ", content_map[start], content_map[cursor - 1] + 1)
        # em/strong/s open and close: their delimiters are skipped as markup.


def _align_text(piece: str, content: str, cursor: int, content_map: array, out: BlockBuilder) -> int:
    n = len(content)
    i = 0
    while i < len(piece):
        # Fast path: a run copied verbatim from the content.
        run = _common_run(piece, i, content, cursor)
        if run:
            _add_run(content_map, cursor, run, piece[i:i + run], out)
            i += run
            cursor += run
            continue
        if cursor >= n:
            raise AlignmentError
        ch = piece[i]
        src = content[cursor]
        if src == "\\" and cursor + 1 < n and content[cursor + 1] == ch and ch in _ASCII_PUNCT:
            out.add_mapped(ch, content_map[cursor], content_map[cursor + 1] + 1)
            cursor += 2
            i += 1
        elif src == "&" and (entity := _decoded_entity(content, cursor, piece, i)):
            decoded, entity_end = entity
            out.add_mapped(decoded, content_map[cursor], content_map[entity_end - 1] + 1)
            cursor = entity_end
            i += len(decoded)
        elif src == ch:  # a bare '&' or a backslash that escapes nothing is literal text
            out.add_mapped(ch, content_map[cursor], content_map[cursor] + 1)
            cursor += 1
            i += 1
        elif src in _MARKUP_CHARS:
            cursor += 1
        else:
            raise AlignmentError
    return cursor


def _decoded_entity(content: str, cursor: int, piece: str, i: int) -> tuple[str, int] | None:
    """The entity at content[cursor] and where it ends, if the text token holds its decoded form."""
    entity = _ENTITY.match(content, cursor)
    if entity is None:
        return None
    decoded = html.unescape(entity.group(0))
    return (decoded, entity.end()) if piece.startswith(decoded, i) else None


def _common_run(piece: str, i: int, content: str, cursor: int) -> int:
    """Length of the longest prefix of piece[i:] equal to content[cursor:], stopping
    before a backslash or an ampersand (an escape or an entity to decode)."""
    limit = min(len(piece) - i, len(content) - cursor)
    special = _ESCAPE_OR_ENTITY.search(content, cursor, cursor + limit)
    if special:
        limit = special.start() - cursor
    if piece.startswith(content[cursor:cursor + limit], i):
        return limit  # the usual case: the whole stretch is verbatim
    low, high = 0, limit  # the prefix of length `low` matches, `high` does not
    while high - low > 1:
        middle = (low + high) // 2
        if piece.startswith(content[cursor:cursor + middle], i):
            low = middle
        else:
            high = middle
    return low


def _add_run(content_map: array, cursor: int, run: int, text: str, out: BlockBuilder) -> None:
    first = content_map[cursor]
    last = content_map[cursor + run - 1]
    if last - first == run - 1:
        out.add_verbatim(text, first)
    else:  # the run crosses a line whose prefix was stripped
        for k, ch in enumerate(text):
            out.add_mapped(ch, content_map[cursor + k], content_map[cursor + k] + 1)


def _skip_code_span(ticks: str, content: str, cursor: int, content_map: array, out: BlockBuilder) -> int:
    opening = content.find(ticks, cursor)
    closing = content.find(ticks, opening + len(ticks)) if opening >= 0 else -1
    if closing < 0:
        raise AlignmentError
    end = closing + len(ticks)
    # A placeholder keeps the words on each side of the code apart.
    out.add_mapped(" ", content_map[opening], content_map[end - 1] + 1)
    return end


def _matching_bracket(content: str, open_pos: int) -> int:
    depth = 0
    i = open_pos
    while i < len(content):
        ch = content[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise AlignmentError


def _skip_link_tail(content: str, cursor: int, autolink: bool) -> int:
    """Move past `]` and the destination: `(url "title")`, `[ref]` or nothing."""
    if autolink:
        close = content.find(">", cursor)
        if close < 0:
            raise AlignmentError
        return close + 1
    while cursor < len(content) and content[cursor] in "*_~ \t\n":
        cursor += 1
    if cursor >= len(content) or content[cursor] != "]":
        raise AlignmentError
    cursor += 1
    if cursor < len(content) and content[cursor] == "(":
        return _skip_destination(content, cursor)
    if cursor < len(content) and content[cursor] == "[":
        close = content.find("]", cursor)
        if close < 0:
            raise AlignmentError
        return close + 1
    return cursor


def _skip_destination(content: str, open_paren: int) -> int:
    depth = 0
    quote = ""
    i = open_paren
    while i < len(content):
        ch = content[i]
        if ch == "\\":
            i += 2
            continue
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'" and content[i - 1] in " \t\n":
            quote = ch
        elif ch == "<":
            close = content.find(">", i)
            i = close if close >= 0 else i
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise AlignmentError
