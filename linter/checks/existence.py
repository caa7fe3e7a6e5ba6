"""`existence`: any of these phrases or patterns is worth a finding."""
from __future__ import annotations

from .base import Check, Finding, TermSet


class ExistenceCheck(Check):
    kind = "existence"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        self.terms = TermSet(rule, self.spec, ctx, "match")

    def run(self, analysis):
        hits = self.filter_exceptions(analysis, self.terms.find(analysis))
        return [Finding(h.block, h.start, h.end, suggestions=list(self.rule.suggestions)) for h in hits]
