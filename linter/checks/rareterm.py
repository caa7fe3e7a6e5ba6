"""`rare-term`: words far rarer than everyday language, clustered in a sentence.

One rare word is often the right word; several in the same sentence are the
signature of writing aimed at peers. Proper nouns (capitalised inside a
sentence), numbers, words explained in place and `known-terms` are skipped.
"""
from __future__ import annotations

import re
from functools import cached_property

from ..glosses import explained_after
from ..wordfreqs import known, words_at_least
from .base import Check, Finding, number

# Inflected French verb forms (future, conditional, past subjunctive) are rare as
# forms even when the verb is everyday ("ouvrirons"): not vocabulary.
_FRENCH_VERB_FORM = re.compile(r"(?:rons|rez|ront|rais|rait|rions|riez|raient|assent|issent|âmes|îmes|âtes|assions|issions)$")


class RareTermCheck(Check):
    kind = "rare-term"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        self.lang = ctx.lang
        self.max_zipf = number(rule, self.spec, "max_zipf", 2.5)
        self.min_length = int(number(rule, self.spec, "min_length", 5, minimum=1))
        self.per_sentence = int(number(rule, self.spec, "min_per_sentence", 2, minimum=1))
        self.known = {t.lower() for t in ctx.known_terms}
        self.known.update(w.lower() for w in self.spec.get("allow", []))

    @cached_property
    def _frequent_words(self) -> frozenset[str]:
        return words_at_least(self.lang, self.max_zipf)

    def run(self, analysis):
        rare_by_block = [self._rare_by_sentence(block.data) for block in analysis.blocks]
        candidates = {t.lower for sentences in rare_by_block for rare in sentences
                      if len(rare) >= self.per_sentence for t in rare}
        explained = self._explained_words(analysis, candidates) if candidates else set()
        findings = []
        for number_, rare_by_sentence in enumerate(rare_by_block):
            for rare_in_sentence in rare_by_sentence:
                rare = [t for t in rare_in_sentence if t.lower not in explained]
                if len(rare) >= self.per_sentence:
                    findings.extend(Finding(number_, t.start, t.end, args={"count": len(rare)}) for t in rare)
        return findings

    def _rare_by_sentence(self, data) -> list:
        """Rare tokens of each sentence: depends on the block's text only, so memoised there."""
        key = (self.rule.id, "rare-by-sentence")
        if key not in data.memo:
            data.memo[key] = [[t for t in tokens if self._is_rare(t, start)]
                              for (start, _end), tokens in zip(data.sentences, data.sentence_tokens)]
        return data.memo[key]

    @staticmethod
    def _explained_words(analysis, candidates: set[str]) -> set[str]:
        """Candidates glossed somewhere in the document: explained once is explained."""
        return {t.lower for block in analysis.blocks for t in block.tokens
                if t.lower in candidates and explained_after(block.text, t.end)}

    def _is_rare(self, token, sentence_start: int) -> bool:
        word = token.text
        if len(word) < self.min_length or not word.isalpha() or token.lower in self.known:
            return False
        if token.lower in self._frequent_words:  # alphabetic: no apostrophe to normalise
            return False
        if word[0].isupper() and (token.start != sentence_start or not known(self.lang, token.lower)):
            return False  # a name, not vocabulary
        return not (self.lang == "fr" and _FRENCH_VERB_FORM.search(token.lower))
