"""Turn a draft (text, Markdown or HTML) into blocks of prose with source offsets."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import N_, Message
from .block import Block, BlockBuilder, text_blocks
from .frontmatter import blank_out, find_front_matter
from .html import html_blocks
from .markdown import markdown_blocks
from .suppress import Suppression, find_suppressions
from .templates import mask_templates

FORMATS = ("text", "markdown", "html")
_EXTENSIONS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown", ".mdx": "mdx",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text",
    ".docx": "docx",  # read as its paragraphs' text, one per line (reading.py, docx.py)
}


@dataclass
class Document:
    source: str
    format: str
    blocks: list[Block]
    suppressions: list[Suppression] = field(default_factory=list)
    meta_lang: str | None = None  # from the front matter's lang/language key
    notices: list[str] = field(default_factory=list)  # what the writer should know about the extraction
    meta_variant: str | None = None  # from the front matter: `variant: fr-CA` or `lang: fr-CA`

    @property
    def prose(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)


def format_for_path(path: str) -> str | None:
    import os

    return _EXTENSIONS.get(os.path.splitext(path)[1].lower())


def extract(source: str, fmt: str) -> Document:
    """Prose blocks of a draft. `fmt`: text, markdown, html, mdx (Markdown with JSX), or docx
    (a Word draft's extracted text: each line is one paragraph)."""
    if fmt not in (*FORMATS, "mdx", "docx"):
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    if fmt == "text":
        return Document(source, fmt, text_blocks(source), find_suppressions(source))
    if fmt == "docx":
        return Document(source, fmt, line_blocks(source))
    front = find_front_matter(source)
    parsed = blank_out(source, front.start, front.end) if front else source
    parsed = mask_templates(parsed, mdx=fmt == "mdx")
    notices: list[str] = []
    if fmt == "html":
        blocks = html_blocks(parsed)
    else:
        prose = markdown_blocks(parsed)
        blocks, notices = prose.blocks, prose.notices
    if front and not front.readable:
        notices = [Message(N_("the front matter is not valid YAML or TOML: its keys (lang, variant...) "
                              "were not read")), *notices]
    if front:
        blocks = _front_matter_blocks(source, front) + blocks
    return Document(source, fmt, blocks, find_suppressions(source, fmt), front.lang if front else None, notices,
                    front.variant if front else None)


def line_blocks(source: str) -> list[Block]:
    """One block per line: a Word draft's paragraphs, each on its own line."""
    blocks, position = [], 0
    for line in source.split("\n"):
        builder = BlockBuilder()
        builder.add_verbatim(line, position)
        block = builder.build()
        if block is not None:
            blocks.append(block)
        position += len(line) + 1
    return blocks


def _front_matter_blocks(source: str, front) -> list[Block]:
    blocks = []
    for key, start, end in front.prose:
        builder = BlockBuilder()
        builder.add_verbatim(source[start:end], start)
        block = builder.build("heading" if key == "title" else "paragraph")
        if block is not None:
            blocks.append(block)
    return blocks


__all__ = ["Block", "Document", "FORMATS", "extract", "format_for_path", "Suppression"]
