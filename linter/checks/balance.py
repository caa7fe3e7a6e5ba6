"""`balance`: the text talks about the writer's company more than to the reader.

Counts `self` terms (nous, notre, our company, the configured self-names)
against `reader` terms (vous, votre, you...) per paragraph or per document.
A first-person singular "je" is not self-promotion and is never counted.
"""
from __future__ import annotations

from collections import Counter

from .base import Check, Finding, TermSet, choice, number, require


class BalanceCheck(Check):
    kind = "balance"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        require(rule, self.spec, "self", "reader")
        self.self_terms = TermSet(rule, self.spec["self"], ctx, "self", names=ctx.self_names)
        self.reader_terms = TermSet(rule, self.spec["reader"], ctx, "reader")
        self.scope = choice(rule, self.spec, "scope", ("paragraph", "document"), "paragraph")
        self.min_self = int(number(rule, self.spec, "min_self", 3, minimum=1))
        self.max_ratio = number(rule, self.spec, "max_ratio", 2.0)

    @property
    def describes_document(self) -> bool:
        return self.scope == "document"

    def run(self, analysis):
        # The reader's words (« vous », "you": many hits) are counted only where the writer's
        # own reach `min_self`: below it there is no finding, whatever the reader count.
        mine = self.filter_exceptions(analysis, self.self_terms.find(analysis))
        if self.scope == "document":
            if len(mine) < self.min_self:
                return []
            return self._judge(mine, len(self.reader_terms.find(analysis)))
        mine_by_block: dict[int, list] = {}
        for hit in mine:  # grouped once: a long draft has many blocks and many hits
            mine_by_block.setdefault(hit.block, []).append(hit)
        if all(len(hits) < self.min_self for hits in mine_by_block.values()):
            return []
        reader_by_block = Counter(h.block for h in self.reader_terms.find(analysis))
        findings = []
        for block in sorted(mine_by_block):
            findings.extend(self._judge(mine_by_block[block], reader_by_block[block]))
        return findings

    def _judge(self, mine, reader_count: int):
        if len(mine) < self.min_self or len(mine) <= self.max_ratio * reader_count:
            return []
        first = mine[0]
        return [Finding(first.block, first.start, first.end, args={"self": len(mine), "reader": reader_count})]
