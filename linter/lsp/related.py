"""Related information: the evidence behind findings that the whole draft decides.

Findings carry one span each, not the evidence behind them. What a lint does keep, and
what is shown here, pointing at the draft's own words:
- a dimension's verdict (press release, self-promotion, jargon): a finding of a dimension
  whose evidence reached its threshold is a warning because of the dimension's other
  findings, listed with the verdict's figures (the first few, in reading order);
- the findings merged into this one (other rules on the same words), each at its words;
- for the document's readability finding, the paragraphs that read hardest (the lint
  keeps each paragraph's readability).
A finding about something missing (no invitation to reply) has nothing to point at, and
gets nothing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from ..model import Diagnostic

if TYPE_CHECKING:
    from .conversion import LintedDraft

MAX_EVIDENCE = 8  # per finding: an editor lists them all under it
MAX_PARAGRAPHS = 3


class Evidence:
    """Built once per lint: the findings that count in each dimension's verdict."""

    def __init__(self, draft: "LintedDraft") -> None:
        self.draft = draft
        self._by_category: dict[str, list[Diagnostic]] = {}
        self._counted: set[int] = set()  # ids of the findings listed above
        for d in draft.diagnostics:
            verdict = draft.verdicts.get(d.category)
            if verdict is not None and verdict.passed and d.strength > 0:  # mentions weigh nothing
                self._by_category.setdefault(d.category, []).append(d)
                self._counted.add(id(d))

    def related(self, finding: Diagnostic) -> list[types.DiagnosticRelatedInformation] | None:
        items = [*self._merged(finding), *self._verdict(finding), *self._readability(finding)]
        return items or None

    def _merged(self, finding: Diagnostic):
        for other in finding.merged:
            if other.rule != finding.rule or other.span != finding.span:
                yield self._at(other.span.start, other.span.end, f"also {other.rule}: {other.message}")

    def _verdict(self, finding: Diagnostic):
        if id(finding) not in self._counted:
            return
        verdict = self.draft.verdicts[finding.category]
        others = [d for d in self._by_category[finding.category][:MAX_EVIDENCE + 1] if d is not finding]
        for other in others[:MAX_EVIDENCE]:
            yield self._at(other.span.start, other.span.end,
                           f"evidence for the {finding.category} verdict ({verdict.evidence:.1f}, "
                           f"threshold {verdict.required:.1f}): {other.message}")

    def _readability(self, finding: Diagnostic):
        rule = self.draft.rules.get(finding.rule)
        if not finding.document_level or rule is None or rule.kind != "metric" \
                or rule.match.get("metric") != "readability":
            return
        minimum = rule.match.get("min")
        paragraphs = [p for p in self.draft.profile.get("metrics", {}).get("paragraphs", [])
                      if "score" in p and (minimum is None or p["score"] < minimum)]
        positions = self.draft.positions
        for paragraph in sorted(paragraphs, key=lambda p: p["score"])[:MAX_PARAGRAPHS]:
            line = paragraph["line"] - 1
            if not 0 <= line < len(positions.line_starts):
                continue
            start = positions.line_starts[line]
            yield self._at(start, start + len(positions.line_text(line)),
                           f"paragraph readability {paragraph['score']:.0f}: {paragraph['words']} words, "
                           f"{paragraph['words_per_sentence']} words a sentence")

    def _at(self, start: int, end: int, message: str) -> types.DiagnosticRelatedInformation:
        where = types.Location(uri=self.draft.uri, range=self.draft.positions.range(start, end))
        return types.DiagnosticRelatedInformation(location=where, message=message)
