"""`absence`: a whole document that never does something it should (address
the reader, ask a question, invite a reply). One finding on the first sentence."""
from __future__ import annotations

from .base import Check, Finding, TermSet, number


class AbsenceCheck(Check):
    kind = "absence"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        self.terms = TermSet(rule, self.spec, ctx, "match")
        self.min_words = int(number(rule, self.spec, "min_words", 80, minimum=1))

    @property
    def describes_document(self) -> bool:
        return True

    def run(self, analysis):
        if analysis.words < self.min_words or self.terms.occurs_in(analysis):
            return []
        first = analysis.first_sentence()
        if first is None:
            return []
        block, start, end = first
        return [Finding(block, start, end, args={"words": analysis.words})]
