"""Word drafts (.docx): the text a reader sees, one paragraph per line.

Paragraph N of the document (in reading order: headings, list items, empty paragraphs and every
paragraph of a table cell count) is line N of the extracted text, so a finding's line and column
are its paragraph number and its character offset in that paragraph plus one. Tracked insertions
are text; tracked deletions, moved-from text, comments, field codes and text boxes are not.
"""
from __future__ import annotations

import io
import zipfile

# An encrypted (password-protected) .docx, like an old .doc, is an OLE compound file, not a zip.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNCOMPRESSED = 100_000_000  # the document part once unzipped: a zip bomb stops here
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIPPED_IN_PARAGRAPH = {f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent",
                         "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


class WordError(Exception):
    """Not a readable Word draft; the message is one line."""


def word_text(data: bytes) -> str:
    """The draft's paragraphs, one per line (line breaks inside a paragraph become spaces)."""
    if data.startswith(_OLE_MAGIC):
        raise WordError("a password-protected Word file (or an old .doc): save it as an unprotected .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = archive.getinfo("word/document.xml")
            if part.file_size > MAX_UNCOMPRESSED:
                raise WordError(f"the Word document is too large once uncompressed ({part.file_size:,} bytes)")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise WordError("not a readable Word file (corrupt, or not a .docx)") from None
    import docx  # python-docx: only when a Word draft is read

    try:
        body = docx.Document(io.BytesIO(data)).element.body
        lines = [_paragraph_text(p) for p in _paragraphs(body)]
    except Exception:  # noqa: BLE001 - any failure inside the package is a corrupt file, one line
        raise WordError("not a readable Word file (corrupt, or not a .docx)") from None
    return "\n".join(lines)


def _paragraphs(container):
    """Paragraphs in reading order: the body's, each table cell's (a merged cell once), and
    those inside content controls."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            yield child
        elif tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                for cell in row.iterchildren(f"{_W}tc"):
                    yield from _paragraphs(cell)
        elif tag == f"{_W}sdt":
            for content in child.iterchildren(f"{_W}sdtContent"):
                yield from _paragraphs(content)
        elif tag in (f"{_W}ins", f"{_W}customXml", f"{_W}smartTag"):
            yield from _paragraphs(child)


def _paragraph_text(paragraph) -> str:
    pieces: list[str] = []
    _collect(paragraph, pieces)
    return "".join(pieces).replace("\r", " ").replace("\n", " ")


def _collect(element, pieces: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED_IN_PARAGRAPH:
            continue
        if tag == f"{_W}r":
            pieces.append(child.text)  # python-docx's run text: w:t, tabs, breaks; never field codes or deletions
        elif tag != f"{_W}pPr":
            _collect(child, pieces)  # hyperlinks, insertions, simple fields' results, smart tags...
