"""Per-document working data shared by every check: normalised text, tokens,
sentences, phrase hits, and (only on demand) the statistical NLP pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from .sources import Block, Document
from .sentences import split_sentences
from .textnorm import normalize
from .tokens import PhraseIndex, Token, tokenize


@dataclass(frozen=True, slots=True)
class Hit:
    """A match in block `block`, prose offsets [start, end), with optional payload."""

    block: int
    start: int
    end: int
    payload: object = None


class BlockAnalysis:
    def __init__(self, block: Block) -> None:
        self.block = block
        self.text = normalize(block.text)
        self.tokens: list[Token] = tokenize(self.text)

    @cached_property
    def words(self) -> int:
        return sum(1 for t in self.tokens if not t.text.isdigit())

    @cached_property
    def word_texts(self) -> list[str]:
        return [t.text for t in self.tokens if not t.text.isdigit()]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return split_sentences(self.text)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= offset < end:
                return start, end
        return 0, len(self.text)


@dataclass
class DocumentAnalysis:
    lang: str
    document: Document
    blocks: list[BlockAnalysis]
    nlp_loader: Callable[[], object] | None = None
    phrase_hits: dict[object, list[Hit]] = field(default_factory=dict)
    _nlp_cache: dict = field(default_factory=dict)

    @classmethod
    def build(cls, lang: str, document: Document, index: PhraseIndex, nlp_loader=None) -> "DocumentAnalysis":
        blocks = [BlockAnalysis(b) for b in document.blocks]
        analysis = cls(lang, document, blocks, nlp_loader)
        for block_no, block in enumerate(blocks):
            tokens = block.tokens
            for hit in index.find(tokens):
                group, payload = hit.key
                analysis.phrase_hits.setdefault(group, []).append(
                    Hit(block_no, tokens[hit.first].start, tokens[hit.last - 1].end, payload))
        return analysis

    @cached_property
    def words(self) -> int:
        return sum(b.words for b in self.blocks)

    def first_sentence(self) -> tuple[int, int, int] | None:
        """(block, start, end) of the document's first sentence, for document-level findings."""
        for number, block in enumerate(self.blocks):
            if block.sentences:
                start, end = block.sentences[0]
                return number, start, end
        return None

    def nlp_docs(self, requests: list[tuple[int, int, int]]) -> dict[tuple[int, int, int], object]:
        """spaCy Docs for (block, start, end) sentence ranges, tagged once per document."""
        missing = [r for r in requests if r not in self._nlp_cache]
        if missing:
            nlp = self.nlp_loader() if self.nlp_loader else None
            if nlp is None:
                return {}
            texts = [self.blocks[b].text[s:e] for b, s, e in missing]
            for key, doc in zip(missing, nlp.pipe(texts)):
                self._nlp_cache[key] = doc
        return {r: self._nlp_cache[r] for r in requests if r in self._nlp_cache}
