"""HTML to prose blocks.

Uses the standard library's HTMLParser rather than a faster DOM parser because
it reports where each piece of text starts in the source and leaves entities
undecoded (convert_charrefs=False): that is what exact offsets need.

That parser (before Python 3.11.13, 3.12.11 and 3.13.4) looks for the end of a
"<..." up to the end of the draft, and when there is none, does so again from the
next "<": quadratic on markup that never closes ("<a " × 40,000, "<!--x>" × 40,000).
Here, markup that cannot end is read as text at once, as that parser reads it after
its search (later ones drop the rest of the draft instead: here it stays prose,
whatever the Python), and searches for an end are remembered (`NextMatch`).
"""
from __future__ import annotations

import html
import html.parser
import re
from html.parser import HTMLParser

from .block import Block, BlockBuilder
from .scan import NextMatch

# Elements whose content is never prose for a reader of the post.
_SKIPPED = frozenset({
    "script", "style", "code", "pre", "kbd", "samp", "var", "template", "svg",
    "math", "noscript", "textarea", "select", "head", "iframe", "object", "canvas",
})
# Elements that start a new block of prose.
_BLOCKS = frozenset({
    "p", "div", "section", "article", "aside", "header", "footer", "main", "nav",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "figure", "figcaption", "table", "thead", "tbody", "tr", "td",
    "th", "caption", "hr", "address", "details", "summary", "form", "fieldset",
    "body", "html", "title", "br_block",
})
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "param", "source", "track", "wbr",
})

_TAG_END = re.compile(">")
# The parser's own end of a comment ("-->", and "--!>" where the parser accepts it).
_COMMENT_END = getattr(html.parser, "commentclose", re.compile(r"--\s*>"))
# <![CDATA[ ... ]]> and the like; <![if ...]> ... <![endif]> (Word's HTML).
_SECTION_NAME = re.compile(r"([a-zA-Z][-_.a-zA-Z0-9]*)\s*")
_SECTION_ENDS = dict.fromkeys(("temp", "cdata", "ignore", "include", "rcdata"), re.compile(r"]\s*]\s*>"))
_SECTION_ENDS.update(dict.fromkeys(("if", "else", "endif"), re.compile(r"]\s*>")))


class _ProseParser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0]
        self.line_starts.extend(i + 1 for i, ch in enumerate(source) if ch == "\n")
        self.blocks: list[Block] = []
        self.builder = BlockBuilder()
        self.kind = "paragraph"
        self.skip_stack: list[str] = []
        self.title_open = False
        self._searches: dict[re.Pattern, NextMatch] = {}
        self._at_end = False  # in close(): the parser's last pass over what feed() left

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _flush(self, next_kind: str = "paragraph") -> None:
        block = self.builder.build(self.kind)
        if block is not None:
            self.blocks.append(block)
        self.builder = BlockBuilder()
        self.kind = next_kind

    def _skipping(self) -> bool:
        return bool(self.skip_stack) and not self.title_open

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self.title_open = True
        if tag in _SKIPPED and tag not in _VOID:
            self.skip_stack.append(tag)
            return
        if self._skipping():
            return
        if tag in _BLOCKS:
            self._flush("heading" if tag[0] == "h" and tag[1:].isdigit() else "paragraph")
        elif tag in ("br", "img", "wbr"):
            start = self._offset()
            raw = self.get_starttag_text() or ""
            self.builder.add_mapped(" ", start, start + len(raw))

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.title_open = False
        if tag in _SKIPPED and tag in self.skip_stack:
            while self.skip_stack and self.skip_stack.pop() != tag:
                pass
            return
        if self._skipping():
            return
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skipping():
            return
        self.builder.add_verbatim(data, self._offset())

    def _add_reference(self, raw_body: str) -> None:
        if self._skipping():
            return
        start = self._offset()
        length = 1 + len(raw_body)
        if self.source.startswith(";", start + length):
            length += 1
        raw = self.source[start:start + length]
        decoded = html.unescape(raw if raw.endswith(";") else raw + ";")
        self.builder.add_mapped(decoded, start, start + length)

    def handle_entityref(self, name: str) -> None:
        self._add_reference(name)

    def handle_charref(self, name: str) -> None:
        self._add_reference("#" + name)

    def close(self) -> None:
        self._at_end = True
        super().close()
        self._flush()

    # -- markup that cannot end is text, found without rescanning the draft --------
    def _next(self, pattern: re.Pattern, position: int) -> re.Match | None:
        """The nearest match at or after `position` in the parser's buffer (which the
        parser replaces by its unread rest once between feed() and close())."""
        search = self._searches.get(pattern)
        if search is None or search.text is not self.rawdata:
            search = self._searches[pattern] = NextMatch(pattern, self.rawdata)
        return search.at_or_after(position)

    def _as_text(self, i: int) -> int:
        """What the parser makes of a "<" whose markup never ends: text up to the next
        ">" (included), or without one, up to the next "<". Before close() it leaves
        that to its last pass (-1), as it always has."""
        if not self._at_end:
            return -1
        rawdata = self.rawdata
        end = self._next(_TAG_END, i + 1)
        if end is not None:
            k = end.end()
        else:
            k = rawdata.find("<", i + 1)
            k = i + 1 if k < 0 else k
        self.handle_data(rawdata[i:k])
        return k

    def parse_starttag(self, i: int) -> int:
        if self._next(_TAG_END, i) is None:
            return self._as_text(i)
        return super().parse_starttag(i)

    def parse_endtag(self, i: int) -> int:
        if self._next(_TAG_END, i) is None:
            return self._as_text(i)
        return super().parse_endtag(i)

    def parse_pi(self, i: int) -> int:
        if self._next(_TAG_END, i) is None:
            return self._as_text(i)
        return super().parse_pi(i)

    def parse_html_declaration(self, i: int) -> int:
        if self._next(_TAG_END, i) is None:
            return self._as_text(i)
        return super().parse_html_declaration(i)

    def parse_comment(self, i: int, report: int = 1) -> int:
        abrupt = self.rawdata.startswith((">", "->"), i + 4)  # "<!-->", closed where the parser allows it
        if not abrupt and self._next(_COMMENT_END, i + 4) is None:
            return self._as_text(i)
        return super().parse_comment(i, report)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """<![CDATA[...]]>, <![if ...]>: the standard library's version raises
        AssertionError on an unknown or missing keyword ("<![foo", "<![ x"): text here."""
        rawdata = self.rawdata
        name = _SECTION_NAME.match(rawdata, i + 3)
        end_pattern = _SECTION_ENDS.get(name.group(1).lower()) if name else None
        end = self._next(end_pattern, i + 3) if end_pattern is not None else None
        if end is None:
            return self._as_text(i)
        if report:
            self.unknown_decl(rawdata[i + 3:end.start()])
        return end.end()


def html_blocks(source: str) -> list[Block]:
    parser = _ProseParser(source)
    parser.feed(source)
    parser.close()
    return parser.blocks
