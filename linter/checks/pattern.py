"""`pattern`: spaCy token patterns (POS, lemma, morphology) with a marked sub-span.

The statistical tagger is the slowest part of the engine, so a pattern rule
names a cheap `trigger` regex: only a few tokens around each trigger match are
tagged, and the pipeline is loaded only when some sentence needs it.
"""
from __future__ import annotations

import bisect
import re

from ..rulepack.schema import RuleError
from .base import Check, Finding, longest_hits


# The tagger's context: the French model's tok2vec sees 4 tokens on each side
# (MaxoutWindowEncoder, depth 4, window 1) and its tagger adds none. A window cut at
# whitespace with TOKEN_MARGIN tokens on each side of a trigger therefore gives the
# tokens there the tags the whole sentence gives them: its tokens are the sentence's
# (spaCy tokenizes each whitespace-separated chunk on its own) with the same features,
# trailing space included. The margin adds one token to the 4 because a pattern may
# reach one token beyond its trigger (an auxiliary before « été », an adverb before
# the participle). Checked on 3,300 French paragraphs: the same findings as tagging
# whole sentences, with under half of their tokens.
TAGGER_CONTEXT = 4
TOKEN_MARGIN = TAGGER_CONTEXT + 1


def _windows(block, number: int, spans: list[tuple[int, int]],
             tokenizer) -> dict[tuple[int, int, int], list[tuple[int, int]]]:
    """(block, start, end) windows to tag, each with the trigger spans ("cores") inside it."""
    text = block.text
    ranges: list[list] = []
    for core_start, core_end in spans:
        sentence_start, sentence_end = block.sentence_at(core_start)
        # Every chunk holds a token at least: TOKEN_MARGIN chunks on each side hold the margin,
        # so only they are tokenized, not the whole sentence.
        around_start = _chunks_before(text, core_start, sentence_start, TOKEN_MARGIN)
        around_end = _chunks_after(text, core_end, sentence_end, TOKEN_MARGIN)
        tokens = [around_start + t.idx for t in tokenizer(text[around_start:around_end])]
        if not tokens:
            continue
        first = max(0, bisect.bisect_right(tokens, core_start) - 1 - TOKEN_MARGIN)
        last = min(len(tokens) - 1, bisect.bisect_right(tokens, core_end - 1) - 1 + TOKEN_MARGIN)
        start = _chunk_start(text, tokens[first], sentence_start)
        end = _chunk_end(text, tokens[last], sentence_end)
        if ranges and start <= ranges[-1][1] and ranges[-1][0] >= sentence_start:
            ranges[-1][1] = max(ranges[-1][1], end)
            ranges[-1][2].append((core_start, core_end))
        else:
            ranges.append([start, end, [(core_start, core_end)]])
    return {(number, start, end): cores for start, end, cores in ranges}


def _chunk_start(text: str, offset: int, floor: int) -> int:
    """The start of the whitespace-separated chunk holding `offset`."""
    while offset > floor and not text[offset - 1].isspace():
        offset -= 1
    return offset


def _chunk_end(text: str, offset: int, ceiling: int) -> int:
    """The end of the chunk holding `offset`, with the whitespace after it (a token's trailing
    space is one of its features)."""
    while offset < ceiling and not text[offset].isspace():
        offset += 1
    while offset < ceiling and text[offset].isspace():
        offset += 1
    return offset


def _chunks_before(text: str, offset: int, floor: int, count: int) -> int:
    """The start of the chunk `count` chunks before the one holding `offset`."""
    offset = _chunk_start(text, offset, floor)
    for _ in range(count):
        while offset > floor and text[offset - 1].isspace():
            offset -= 1
        offset = _chunk_start(text, offset, floor)
    return offset


def _chunks_after(text: str, end: int, ceiling: int, count: int) -> int:
    """The end of the chunk `count` chunks after the one where a span ending at `end` ends."""
    offset = _chunk_end(text, max(end - 1, 0), ceiling)
    for _ in range(count):
        offset = _chunk_end(text, offset, ceiling)
    return offset


# Trigger matches tagged together before the limit is checked again: each call to the tagger
# costs about as much as 20 tokens, and about three matches in four are passives.
CANDIDATES_PER_BATCH = 8


class PatternCheck(Check):
    kind = "pattern"
    match_fields = ("trigger", "patterns", "mark")  # for rules/schema.json: no built-in rule uses this kind

    @property
    def needs(self) -> frozenset[str]:
        return self._needs

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        self._needs = frozenset(rule.requires) & {"pos", "lemma"}  # asked for every draft
        trigger = self.spec.get("trigger")
        if not isinstance(trigger, str) or not trigger:
            raise RuleError(rule.path, "match.trigger", "is required: a regex that pre-selects sentences to tag")
        try:
            self.trigger = re.compile(trigger, re.IGNORECASE)
        except re.error as exc:
            raise RuleError(rule.path, "match.trigger", f"invalid regular expression: {exc}") from None
        patterns = self.spec.get("patterns")
        if not isinstance(patterns, list) or not patterns or not all(isinstance(p, list) and p for p in patterns):
            raise RuleError(rule.path, "match.patterns", "must be a list of spaCy token patterns (lists of token specs)")
        self.patterns = patterns
        mark = self.spec.get("mark")
        if mark is not None and not (isinstance(mark, list) and len(mark) == 2 and all(isinstance(m, int) for m in mark)):
            raise RuleError(rule.path, "match.mark", "must be [first_token, end_token] within the pattern")
        self.mark = mark
        self._matcher = None

    def _get_matcher(self, vocab):
        if self._matcher is None or self._matcher.vocab is not vocab:  # a recycled pipeline: see nlp.Pipelines
            from spacy.matcher import Matcher

            matcher = Matcher(vocab, validate=True)
            try:
                matcher.add(self.rule.id, self.patterns)
            except Exception as exc:  # spaCy reports bad patterns with its own error types
                raise RuleError(self.rule.path, "match.patterns", str(exc).splitlines()[0]) from None
            self._matcher = matcher
        return self._matcher

    def run(self, analysis):
        # Findings depend on a block's text only: memoised on the (cached) block data. Blocks are
        # tagged in document order, a few trigger matches at a time, and tagging stops once the
        # rule's `limit` is reached: the engine keeps only the first `limit` findings anyway.
        key = (self.rule.id, "pattern")
        limit = self.rule.limit
        findings: list[Finding] = []
        pending: dict[int, list[tuple[int, int]]] = {}  # block number -> its trigger matches

        def flush() -> bool:
            found = self._find(analysis, pending)
            if found is None:
                return False  # no tagging model for this language
            for number_ in pending:
                analysis.blocks[number_].data.memo[key] = [(f.start, f.end) for f in found if f.block == number_]
                findings.extend(Finding(number_, start, end) for start, end in analysis.blocks[number_].data.memo[key])
            pending.clear()
            return True

        for number_, block in enumerate(analysis.blocks):
            if limit and len(findings) >= limit:
                break
            if key in block.data.memo:
                if pending and not flush():
                    return []
                findings.extend(Finding(number_, start, end) for start, end in block.data.memo[key])
                continue
            pending[number_] = [m.span() for m in self.trigger.finditer(block.text)]
            if sum(map(len, pending.values())) >= CANDIDATES_PER_BATCH and not flush():
                return []
        if pending and not (limit and len(findings) >= limit) and not flush():
            return []
        return findings

    def _find(self, analysis, spans: dict[int, list[tuple[int, int]]]) -> list[Finding] | None:
        """Findings in these blocks, given their trigger matches (None: no tagging model)."""
        if not any(spans.values()):
            return []  # nothing to tag: the model is not loaded
        nlp = analysis.nlp_loader() if analysis.nlp_loader else None
        if nlp is None:
            return None
        windows: dict[tuple[int, int, int], list[tuple[int, int]]] = {}
        with analysis.tagging_lock:  # the tokenizer adds to spaCy's shared vocabulary
            for number_, block_spans in spans.items():
                windows.update(_windows(analysis.blocks[number_], number_, block_spans, nlp.tokenizer))
        docs = analysis.nlp_docs(list(windows))
        if not docs:
            return None
        findings = []
        for (block, offset, _end), doc in docs.items():
            with analysis.tagging_lock:  # the Matcher shares spaCy's vocabulary
                matcher = self._get_matcher(doc.vocab)
                matches = matcher(doc, as_spans=False)
            cores = windows[(block, offset, _end)]
            for _, start, end in matches:
                if self.mark:
                    start, end = start + self.mark[0], start + self.mark[1]
                span = doc[start:end]
                first, last = offset + span.start_char, offset + span.end_char
                # Only where a trigger fired: near a window's edge the tags lack context.
                if any(first < core_end and core_start < last for core_start, core_end in cores):
                    findings.append(Finding(block, first, last))
        return longest_hits(findings)  # the Matcher reports every extension of a greedy pattern
