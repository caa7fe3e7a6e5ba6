"""Turn a draft (text, Markdown or HTML) into blocks of prose with source offsets."""
from __future__ import annotations

from dataclasses import dataclass, field

from .block import Block, text_blocks
from .html import html_blocks
from .markdown import markdown_blocks
from .suppress import Suppression, find_suppressions

FORMATS = ("text", "markdown", "html")
_EXTENSIONS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text",
}


@dataclass
class Document:
    source: str
    format: str
    blocks: list[Block]
    suppressions: list[Suppression] = field(default_factory=list)

    @property
    def prose(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)


def format_for_path(path: str) -> str | None:
    import os

    return _EXTENSIONS.get(os.path.splitext(path)[1].lower())


def extract(source: str, fmt: str) -> Document:
    if fmt == "markdown":
        blocks = markdown_blocks(source)
    elif fmt == "html":
        blocks = html_blocks(source)
    elif fmt == "text":
        blocks = text_blocks(source)
    else:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    suppressions = find_suppressions(source)
    return Document(source, fmt, blocks, suppressions)


__all__ = ["Block", "Document", "FORMATS", "extract", "format_for_path", "Suppression"]
