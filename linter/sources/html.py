"""HTML to prose blocks.

Uses the standard library's HTMLParser rather than a faster DOM parser because
it reports where each piece of text starts in the source and leaves entities
undecoded (convert_charrefs=False): that is what exact offsets need.
"""
from __future__ import annotations

import html
from html.parser import HTMLParser

from .block import Block, BlockBuilder

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
        super().close()
        self._flush()


def html_blocks(source: str) -> list[Block]:
    parser = _ProseParser(source)
    parser.feed(source)
    parser.close()
    return parser.blocks
