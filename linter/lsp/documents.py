"""The drafts open in the editor, kept in sync with its incremental changes.

Our own copy, not pygls's (server.DraftsProtocol turns that one off): pygls
splits lines with str.splitlines(), which also breaks at U+2028, form feeds
and the like, where LSP breaks lines only at \\n, \\r\\n and \\r, so a
draft pasted from a word processor would drift. Each change is applied here
with the same line rules as the diagnostics' ranges.
"""
from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types

from .positions import PositionMap


@dataclass
class OpenDocument:
    uri: str
    language_id: str
    version: int
    text: str

    def apply(self, change: types.TextDocumentContentChangeEvent, encoding: str) -> None:
        if isinstance(change, types.TextDocumentContentChangePartial):
            positions = PositionMap(self.text, encoding)
            start, end = positions.offset(change.range.start), positions.offset(change.range.end)
            start, end = min(start, end), max(start, end)
            self.text = self.text[:start] + change.text + self.text[end:]
        else:
            self.text = change.text


class DocumentStore:
    def __init__(self) -> None:
        self._documents: dict[str, OpenDocument] = {}

    def open(self, item: types.TextDocumentItem) -> OpenDocument:
        document = OpenDocument(item.uri, item.language_id, item.version, item.text)
        self._documents[item.uri] = document
        return document

    def change(self, params: types.DidChangeTextDocumentParams, encoding: str) -> OpenDocument | None:
        document = self._documents.get(params.text_document.uri)
        if document is None:
            return None  # a change to a draft never opened: nothing to lint
        for change in params.content_changes:
            document.apply(change, encoding)
        document.version = params.text_document.version
        return document

    def close(self, uri: str) -> None:
        self._documents.pop(uri, None)

    def get(self, uri: str) -> OpenDocument | None:
        return self._documents.get(uri)

    def uris(self) -> list[str]:
        return list(self._documents)
