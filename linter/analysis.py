"""Per-document working data shared by every check.

Everything derived from a block's text alone (normalised text, tokens,
sentences, phrase hits, per-rule memos) lives in `BlockData`, which the engine
caches by text: re-linting a draft after a one-paragraph edit recomputes one
paragraph. `BlockAnalysis` pairs that data with the block's place in this
document (its offset map).
"""
from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, NamedTuple

from .cache import LRU
from .prefilter import LiteralScan, Scanned, Search, casefold_for_search
from .sentences import split_sentences
from .sources import Block, Document
from .textnorm import normalize, normalize_keeping_quotes
from .tokens import PhraseIndex, Token, tokenize
from .wordstarts import WordStarts


class Hit(NamedTuple):  # a named tuple: one per phrase and regex match of every draft, built 2.5x faster
    """A match in block `block`, prose offsets [start, end), with optional payload."""

    block: int
    start: int
    end: int
    payload: object = None


class BlockData:
    """What a block's text alone determines. Shared between drafts: never positional."""

    def __init__(self, text: str, index: PhraseIndex, literals: LiteralScan | None = None) -> None:
        """`literals`: the pack's scan for the literals its regexes need (see prefilter.LiteralScan)."""
        self.text = normalize(text)
        # The same with its typographic double quotes kept where they tell an opening mark from a closing
        # one: what the mention model reads quotations in (the same object when there are none, or when
        # they are mixed with straight ones).
        self.quoting_text = normalize_keeping_quotes(text) or self.text
        self._literals = literals
        self.tokens: list[Token] = tokenize(self.text)
        # group -> (payload, start, end) of each of its phrases found, in text order
        self.phrase_hits: dict[object, list[tuple[object, int, int]]] = {}
        for hit in index.find(self.tokens):
            group, payload = hit.key
            self.phrase_hits.setdefault(group, []).append(
                (payload, self.tokens[hit.first].start, self.tokens[hit.last - 1].end))
        self.memo: dict = {}  # per-rule results that depend on this text only

    @cached_property
    def words(self) -> int:
        return sum(1 for t in self.tokens if not t.text.isdigit())

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return split_sentences(self.text)

    @cached_property
    def sentence_tokens(self) -> list[list[Token]]:
        """The tokens of each sentence: those starting inside it (sentences are in text order and
        never overlap, so two bisections each)."""
        tokens = self.tokens
        starts = [t.start for t in tokens]
        return [tokens[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
                for start, end in self.sentences]

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The block's words, lowercased: for rules that need one of a set of words. (A token holds no
        apostrophe: tokens.py splits words there.)"""
        return frozenset(token.lower for token in self.tokens)

    @cached_property
    def folded(self) -> str:
        return casefold_for_search(self.text)

    @cached_property
    def scanned(self) -> Scanned | None:
        """The pack's literals this block holds, found in one pass (None without a scan)."""
        return self._literals.scan(self.folded) if self._literals is not None else None

    def may_match(self, search: Search) -> bool:
        """False only when the regex cannot match this block (prefilter.Search.may_match)."""
        return search.may_match(self.text, self.folded, self.scanned)

    def syllables(self, lang: str) -> int:
        from .readability import syllable_count

        key = ("syllables", lang)
        if key not in self.memo:
            self.memo[key] = syllable_count(lang, [t.lower for t in self.tokens if not t.text.isdigit()])
        return self.memo[key]

    def readability(self, lang: str) -> dict:
        from .readability import figures_from_counts

        return figures_from_counts(lang, self.words, len(self.sentences), self.syllables(lang))

    @cached_property
    def word_starts(self) -> WordStarts:
        """Where its words start: a regex whose matches start with one of a few words, or with a
        capital, is tried there only (see wordstarts.py)."""
        return WordStarts(self.text, self.folded)

    def regex_spans(self, search: Search) -> tuple[tuple[int, int], ...] | list[tuple[int, int]]:
        """Non-empty matches of a rule's regex, or of its group named `mark` if it has one."""
        spans = self.memo.get(search.key)
        if spans is None:
            if not self.may_match(search):
                spans = ()
            elif search.first_words is not None:
                starts = self.word_starts.for_search(search.first_words, search.first_chars, search.first_symbols)
                spans = search.spans_at(self.text, starts) if starts else ()
            else:
                spans = search.spans(self.text)
            # no match: the shared empty tuple, not one more list for the garbage collector to visit
            self.memo[search.key] = spans = spans or ()
        return spans


class BlockAnalysis:
    """A block of this document with its (possibly cached) text data."""

    def __init__(self, block: Block, data: BlockData) -> None:
        self.block = block
        self.data = data
        self.text = data.text
        self.quoting_text = data.quoting_text
        self.tokens = data.tokens

    @property
    def words(self) -> int:
        return self.data.words

    @property
    def sentences(self) -> list[tuple[int, int]]:
        return self.data.sentences

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence holding `offset` (sentences are in text order: a binary search, since
        every finding asks)."""
        sentences = self.sentences
        index = bisect.bisect_right(sentences, (offset, float("inf"))) - 1
        if index >= 0:
            start, end = sentences[index]
            if start <= offset < end:
                return start, end
        return 0, len(self.text)


@dataclass
class DocumentAnalysis:
    lang: str
    document: Document
    blocks: list[BlockAnalysis]
    nlp_loader: Callable[[], object] | None = None
    # group -> its phrase hits in this draft, made when a rule first asks (see phrase_hits)
    hits_by_group: dict[object, list[Hit]] = field(default_factory=dict)
    tagged: LRU | None = None  # spaCy Docs by sentence text, shared across drafts
    # Held while tagging or matching: the pipeline's vocabulary is shared by every thread (nlp.Pipelines).
    tagging_lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(cls, lang: str, document: Document, index: PhraseIndex, nlp_loader=None,
              block_cache: LRU | None = None, tagged: LRU | None = None,
              tagging_lock: threading.Lock | None = None, literals: LiteralScan | None = None) -> "DocumentAnalysis":
        """`literals`: the pack's literal scan, with the same `index` for every draft of one block cache."""
        blocks = []
        for block in document.blocks:
            key = (lang, block.kind, block.text)
            data = block_cache.get(key) if block_cache is not None else None
            if data is None:
                data = BlockData(block.text, index, literals)
                if block_cache is not None:
                    block_cache.put(key, data, len(block.text))
            blocks.append(BlockAnalysis(block, data))
        return cls(lang, document, blocks, nlp_loader, tagged=tagged if tagged is not None else LRU(1024),
                   tagging_lock=tagging_lock or threading.Lock())

    def phrase_hits(self, group) -> list[Hit]:
        """Every hit of a phrase group of the index in this draft, block by block, in text order.
        Made when a rule first asks: the groups of a rule that stops early (a co-occurrence rule
        without targets never looks for its context words) cost nothing."""
        hits = self.hits_by_group.get(group)
        if hits is None:
            hits = self.hits_by_group[group] = [Hit(number, start, end, payload)
                                                for number, block in enumerate(self.blocks)
                                                for payload, start, end in block.data.phrase_hits.get(group, ())]
        return hits

    @cached_property
    def words(self) -> int:
        return sum(b.words for b in self.blocks)

    @cached_property
    def text(self) -> str:
        """Every block's text, one per line: a regex's required literal absent from it is
        absent from every block, so one look skips the whole draft."""
        return "\n".join(b.text for b in self.blocks)

    @cached_property
    def folded(self) -> str:
        return "\n".join(b.data.folded for b in self.blocks)

    @cached_property
    def scanned(self) -> Scanned | None:
        """The pack's literals some block holds (None when a block was read without the scan)."""
        scans = [b.data.scanned for b in self.blocks]
        if not scans or any(scan is None or scan.looked_for is not scans[0].looked_for for scan in scans):
            return None
        return Scanned(scans[0].looked_for, frozenset().union(*(scan.found for scan in scans)))

    def may_match(self, search: Search) -> bool:
        """False when the regex can match no block of the draft (one look for the whole draft)."""
        return search.may_match(self.text, self.folded, self.scanned)

    @cached_property
    def word_set(self) -> frozenset[str]:
        """Every block's words (BlockData.word_set): a word absent here is in no block."""
        return frozenset().union(*(b.data.word_set for b in self.blocks))

    @cached_property
    def readability(self) -> dict:
        """Document readability, computed once for every rule and the profile."""
        from .readability import figures_from_counts

        return figures_from_counts(self.lang, self.words, sum(len(b.sentences) for b in self.blocks),
                                   sum(b.data.syllables(self.lang) for b in self.blocks))

    @cached_property
    def author_names(self) -> list[str]:
        """The author's organisation as the draft names it (see selfnames.py)."""
        from .selfnames import author_names

        return author_names(self.lang, [b.text for b in self.blocks], [[s for s, _ in b.sentences] for b in self.blocks])

    @cached_property
    def author_name_hits(self) -> list[tuple[int, int]]:
        """(block, start) of each use of the author's names, found once for every rule that asks."""
        if not self.author_names:
            return []
        names = re.compile("|".join(rf"\b{re.escape(n)}(?!\w)" for n in self.author_names))
        return [(number, match.start()) for number, block in enumerate(self.blocks) for match in names.finditer(block.text)]

    @cached_property
    def headings(self) -> list[tuple[int, int, int]]:
        """(block, start, end) of each heading in reading order. A section runs from its heading to the
        next one. A heading is a heading block's first sentence or a short line of its own that no list
        marker opens: one that ends with "?" or ":" ("Pourquoi nous choisir ?"), or one with no end mark
        that prose or a list follows ("Our services", then a paragraph), not another such line (a list
        of short lines without markers: "Certified fitters", "Free quotes"); also a short sentence that
        ends its line with a colon ("Here's my checklist:"), what follows being what it introduces."""
        lines = []  # (block, start, end, what): "heading", "short", "open" (a short line without end mark) or None
        for number, block in enumerate(self.blocks):
            text, item = block.text, _opens_list_item(self.document.source, block.block)
            for index, (start, end) in enumerate(block.sentences):
                if index == 0 and block.block.kind == "heading":
                    what = "heading"
                elif index == 0 and item:
                    what = None
                elif _is_short_line(text, start, end):
                    what = "heading" if text[end - 1] in "?:" else "open"
                else:
                    # a short sentence ending its line with a colon introduces what follows, even after
                    # another sentence on its line: "So how are we faring? Here's my checklist:"
                    what = "heading" if _introduces_below(text, start, end) else None
                lines.append((number, start, end, what))
        return [(number, start, end) for k, (number, start, end, what) in enumerate(lines)
                if what == "heading" or (what == "open" and k + 1 < len(lines) and lines[k + 1][3] != "open")]

    def heading_before(self, block: int, offset: int) -> tuple[int, int, int] | None:
        """The heading of the section holding `offset` of `block` (None before the first heading)."""
        index = bisect.bisect_right(self.headings, (block, offset, float("inf"))) - 1
        return self.headings[index] if index >= 0 else None

    def text_before(self, block: int, blocks: int = 12, chars: int = 300) -> str:
        """The end of each of the blocks before `block` (for an introduction such as "Examples:")."""
        return "\n".join(b.text[-chars:] for b in self.blocks[max(0, block - blocks):block])

    def text_around(self, block: int, blocks: int = 12, chars: int = 300) -> str:
        """The end of each of the blocks before `block` and the start of each after it (for the
        other lines of a list that `block` belongs to)."""
        after = "\n".join(b.text[:chars] for b in self.blocks[block + 1:block + 1 + blocks])
        return self.text_before(block, blocks, chars) + "\n" + after

    def first_sentence(self) -> tuple[int, int, int] | None:
        """(block, start, end) of the document's first sentence, for document-level findings."""
        for number, block in enumerate(self.blocks):
            if block.sentences:
                start, end = block.sentences[0]
                return number, start, end
        return None

    def nlp_docs(self, requests: list[tuple[int, int, int]]) -> dict[tuple[int, int, int], object]:
        """spaCy Docs for (block, start, end) sentence ranges; each sentence text is tagged once."""
        texts = {r: self.blocks[r[0]].text[r[1]:r[2]] for r in requests}
        nlp = self.nlp_loader() if self.nlp_loader and texts else None
        if nlp is None:
            return {}
        # Docs of a pipeline recycled since (see nlp.Pipelines) are tagged again: every Doc
        # a rule sees then shares one vocabulary, and the old one can be freed.
        docs = {r: doc if (doc := self.tagged.get((self.lang, t))) is not None and doc.vocab is nlp.vocab else None
                for r, t in texts.items()}
        missing = sorted({t for r, t in texts.items() if docs[r] is None})
        if missing:
            with self.tagging_lock:
                fresh = dict(zip(missing, nlp.pipe(missing)))
            for doc in fresh.values():
                doc.tensor = doc.tensor[:0]  # tok2vec's vectors: large, and no rule reads them
            for text, doc in fresh.items():
                self.tagged.put((self.lang, text), doc, len(text))
            docs = {r: d if d is not None else fresh[texts[r]] for r, d in docs.items()}
        return docs


_HEADING_MAX_WORDS = 8
_LIST_ITEM_START = re.compile(r"[-*•–]\s|\d{1,2}[.)]\s")


def _introduces_below(text: str, start: int, end: int) -> bool:
    return text[end - 1:end] == ":" and (end == len(text) or text[end] == "\n") \
        and len(text[start:end].split()) <= _HEADING_MAX_WORDS


def _is_short_line(text: str, start: int, end: int) -> bool:
    """A sentence that is a whole short line, with no end mark but "?" or ":" and no list marker."""
    if (start > 0 and text[start - 1] != "\n") or (end < len(text) and text[end] != "\n"):
        return False
    line = text[start:end]
    return line[-1:] not in (".", "!", ",", ";", "…") and len(line.split()) <= _HEADING_MAX_WORDS \
        and not _LIST_ITEM_START.match(line)


# What opens a list item in the source before its text: a Markdown marker ("- ", "1. ") or an HTML <li>
# (a parsed list item's text no longer shows it; a short item is no heading).
_LIST_ITEM_SOURCE = re.compile(r"(?:^|\s)(?:[-*+•]|\d{1,9}[.)])[ \t]+$|<li\b[^>]*>\s*$", re.IGNORECASE)
_SOURCE_LOOKBACK = 200  # characters: a minified page's one long line is not read back to its start


def _opens_list_item(source: str, block: Block) -> bool:
    if not block.starts:
        return False
    offset = block.starts[0]
    line_start = source.rfind("\n", max(0, offset - _SOURCE_LOOKBACK), offset) + 1
    return bool(_LIST_ITEM_SOURCE.search(source[line_start:offset]))

