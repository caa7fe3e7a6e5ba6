"""Reading drafts from disk or stdin: encodings, binary files, sizes, directories."""
from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from .i18n import N_, Message
from .sources import format_for_path

DRAFT_EXTENSIONS = (".md", ".markdown", ".mdx", ".html", ".htm", ".txt", ".docx")
_SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}


class InputError(Exception):
    """A draft cannot be read; the message is one line that names the problem."""


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """Text of a draft, and a notice when it was not UTF-8."""
    text, encoding = decode_with_encoding(data)
    return text, None if encoding in ("utf-8", "utf-8-sig") else Message(N_("read as {encoding} (not UTF-8)"), encoding=encoding)


def decode_with_encoding(data: bytes) -> tuple[str, str]:
    """Text of a draft and the encoding that gives its bytes back (utf-8-sig: with a byte order mark)."""
    if b"\x00" in data[:8192]:
        raise InputError(Message(N_("binary file, not a text draft")))
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        utf8_error = exc
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "mac_roman", "utf_16"]).best()
    if best is None:
        raise InputError(Message(N_("not valid UTF-8 (byte {byte}) and no legacy encoding fits"), byte=utf8_error.start))
    return str(best), best.encoding


def read_draft(path: str, max_size: int, stdin=None) -> tuple[str, str | None]:
    if path == "-":
        stream = stdin.buffer if stdin is not None and hasattr(stdin, "buffer") else stdin
        data = stream.read(max_size + 1) if stream is not None else b""
        if isinstance(data, str):
            data = data.encode("utf-8")
    else:
        data = _read_file(path, max_size)
    if len(data) > max_size:
        raise InputError(Message(N_("input too large (over {limit} bytes: raise the limit with --max-file-size)"),
                                 limit=f"{max_size:,}"))
    if format_for_path(path) == "docx":
        text, notice = _word_text(data), None
    else:
        text, notice = decode(data, path)
    if not text.strip():
        raise InputError(Message(N_("empty file, nothing to lint")))
    return text, notice


def _word_text(data: bytes) -> str:
    """A Word draft's paragraphs, one per line (see sources/docx.py)."""
    from .sources.docx import WordError, word_text

    try:
        return word_text(data)
    except WordError as exc:
        raise InputError(str(exc)) from None


def _read_file(path: str, max_size: int) -> bytes:
    """A regular file's bytes. A FIFO, socket or device is refused: reading one can wait forever."""
    if os.path.isdir(path):
        raise InputError(Message(N_("is a directory")))
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer before it can be refused.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(Message(N_("no such file"))) from None
    except PermissionError:
        raise InputError(Message(N_("permission denied"))) from None
    except OSError as exc:  # e.g. a symlink loop
        raise InputError(Message(N_("cannot read ({reason})"), reason=exc.strerror or exc)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(Message(N_("not a regular file (a FIFO, socket or device): only files are read")))
        if info.st_size > max_size:
            raise InputError(Message(N_("file too large ({size} bytes; the limit is {limit}: raise it with --max-file-size)"),
                                     size=f"{info.st_size:,}", limit=f"{max_size:,}"))
        try:
            return handle.read(max_size + 1)
        except OSError as exc:
            raise InputError(Message(N_("cannot read ({reason})"), reason=exc.strerror or exc)) from None


def expand_paths(paths: list[str], exclude: tuple[str, ...] = ()) -> tuple[list[str], list[tuple[str, str]]]:
    """Files to lint (directories walked for drafts, sorted), and (path, error) pairs.

    While walking a directory, `exclude` patterns and a `.tonelintignore` file in
    that directory (gitignore syntax) leave files out; files named explicitly are
    always linted.
    """
    from .ignore import IgnoreRules

    files: list[str] = []
    errors: list[tuple[str, str]] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            files.append(path)
            continue
        rules = IgnoreRules(Path(path), exclude)
        found = []
        for folder, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith(".")
                             and not rules.ignored(Path(folder, d)))
            found.extend(os.path.join(folder, n) for n in names
                         if n.lower().endswith(DRAFT_EXTENSIONS) and not rules.ignored(Path(folder, n)))
        if not found:
            errors.append((path, f"no drafts found ({', '.join(DRAFT_EXTENSIONS)})"))
        files.extend(sorted(found))
    return files, errors


def guess_format(path: str, text: str) -> str:
    fmt = format_for_path(path) if path != "-" else None
    if fmt:
        return fmt
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<p>", "<div", "<article", "<body")):
        return "html"
    return "markdown"
