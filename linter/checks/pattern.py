"""`pattern`: spaCy token patterns (POS, lemma, morphology) with a marked sub-span.

The statistical tagger is the slowest part of the engine, so a pattern rule
names a cheap `trigger` regex: only sentences where the trigger matches are
tagged, and the pipeline is loaded only when some sentence needs it.
"""
from __future__ import annotations

import re

from ..nlp import tagging_lock
from ..rulepack.schema import RuleError
from .base import Check, Finding, longest_hits


class PatternCheck(Check):
    kind = "pattern"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
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
        if self._matcher is None:
            from spacy.matcher import Matcher

            matcher = Matcher(vocab, validate=True)
            try:
                matcher.add(self.rule.id, self.patterns)
            except Exception as exc:  # spaCy reports bad patterns with its own error types
                raise RuleError(self.rule.path, "match.patterns", str(exc).splitlines()[0]) from None
            self._matcher = matcher
        return self._matcher

    def run(self, analysis):
        # Findings depend on a block's text only: memoised on the (cached) block data.
        key = (self.rule.id, "pattern")
        missing = [n for n, b in enumerate(analysis.blocks) if key not in b.data.memo]
        if missing:
            found = self._find(analysis, missing)
            if found is None:
                return []  # no tagging model for this language
            for number_ in missing:
                analysis.blocks[number_].data.memo[key] = [(f.start, f.end) for f in found if f.block == number_]
        return [Finding(n, start, end) for n, b in enumerate(analysis.blocks) for start, end in b.data.memo[key]]

    def _find(self, analysis, block_numbers: list[int]) -> list[Finding] | None:
        wanted = []
        for number_ in block_numbers:
            block = analysis.blocks[number_]
            for match in self.trigger.finditer(block.text):
                sentence_key = (number_, *block.sentence_at(match.start()))
                if sentence_key not in wanted:
                    wanted.append(sentence_key)
        if not wanted:
            return []
        docs = analysis.nlp_docs(wanted)
        if not docs:
            return None
        findings = []
        for (block, offset, _end), doc in docs.items():
            with tagging_lock(analysis.lang):  # the Matcher shares spaCy's vocabulary
                matcher = self._get_matcher(doc.vocab)
                matches = matcher(doc, as_spans=False)
            for _, start, end in matches:
                if self.mark:
                    start, end = start + self.mark[0], start + self.mark[1]
                span = doc[start:end]
                findings.append(Finding(block, offset + span.start_char, offset + span.end_char))
        return longest_hits(findings)  # the Matcher reports every extension of a greedy pattern
