"""`occurrence`: too many of something in a sentence, paragraph or document.

`max` is a count per scope; `max_per_100_words` a density for the document
(only judged once the document has `min_words`). The finding marks the first
match past the limit, so the writer sees where it tips over.
"""
from __future__ import annotations

from collections import defaultdict

from .base import Check, Finding, TermSet, choice, number


class OccurrenceCheck(Check):
    kind = "occurrence"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        self.terms = TermSet(rule, self.spec, ctx, "match")
        self.scope = choice(rule, self.spec, "scope", ("sentence", "paragraph", "document"), "paragraph")
        self.density = "max_per_100_words" in self.spec
        if self.density:
            self.max_density = number(rule, self.spec, "max_per_100_words")
            self.min_words = number(rule, self.spec, "min_words", 100, minimum=1)
        else:
            self.max = int(number(rule, self.spec, "max"))

    def run(self, analysis):
        hits = self.filter_exceptions(analysis, self.terms.find(analysis))
        if self.density:
            words = analysis.words
            if words < self.min_words or not hits:
                return []
            allowed = int(self.max_density * words / 100)
            if len(hits) <= allowed:
                return []
            hit = hits[allowed]
            return [Finding(hit.block, hit.start, hit.end, args={
                "count": len(hits), "max": allowed, "density": round(100 * len(hits) / words, 1)})]
        groups: dict[tuple, list] = defaultdict(list)
        for hit in hits:
            groups[self._scope_key(analysis, hit)].append(hit)
        findings = []
        for members in groups.values():
            if len(members) > self.max:
                hit = members[self.max]
                findings.append(Finding(hit.block, hit.start, hit.end, args={"count": len(members), "max": self.max}))
        return findings

    def _scope_key(self, analysis, hit) -> tuple:
        if self.scope == "document":
            return ()
        if self.scope == "paragraph":
            return (hit.block,)
        return (hit.block, analysis.blocks[hit.block].sentence_at(hit.start))
