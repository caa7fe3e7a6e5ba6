"""The grammar backend (LanguageTool, `grammar.py`) as one more check of the engine.

The backend sees only the draft's extracted prose, never its markup; its answers
come back as findings in the source, under rule ids of the form
`fr.grammar.lt.RULE_ID`, through the same selection, severity overrides and
suppression comments as tonelint's own rules. LanguageTool's rules are not in
any pack: they are judged here, one by one, as they arrive.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .analysis import DocumentAnalysis
from .grammar import GrammarUnavailable
from .model import Diagnostic, Severity
from .selection import Selection
from .sources.suppress import SuppressionIndex

# LanguageTool's issue types; any other is a warning.
ISSUE_SEVERITY = {"misspelling": Severity.ERROR, "grammar": Severity.ERROR, "typographical": Severity.SUGGESTION,
                  "style": Severity.SUGGESTION, "locale-violation": Severity.SUGGESTION}

BLOCK_SEPARATOR = "\n\n"  # between two blocks of prose in the text sent: no error spans it


@dataclass
class GrammarOutcome:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    status: dict = field(default_factory=dict)  # the backend's, and whether this draft was checked


class GrammarCheck:
    """Checks one draft's prose with `backend` and keeps what `selection` shows at or above
    `min_severity`."""

    def __init__(self, backend, selection: Selection, min_severity: Severity) -> None:
        self.backend = backend
        self.selection = selection
        self.min_severity = min_severity

    def run(self, lang: str, analysis: DocumentAnalysis) -> GrammarOutcome:
        blocks = analysis.blocks
        starts, pieces, position = [], [], 0
        for block in blocks:
            starts.append(position)
            pieces.append(block.block.text)
            position += len(block.block.text) + len(BLOCK_SEPARATOR)
        text = BLOCK_SEPARATOR.join(pieces)
        try:
            issues = self.backend.check(text, lang) if text.strip() else []
        except GrammarUnavailable as exc:
            return GrammarOutcome([], {**self.backend.status(), "checked": False, "error": str(exc)})
        source = analysis.document.source
        suppressed = SuppressionIndex(analysis.document.suppressions)
        found = []
        for issue in issues:
            number = bisect.bisect_right(starts, issue.start) - 1
            if number < 0:
                continue
            local_start, local_end = issue.start - starts[number], issue.end - starts[number]
            block = blocks[number].block
            if local_end > len(block.text) or local_end <= local_start:
                continue  # spans two blocks: the joining blank line, never a real error
            if block.is_synthetic(source, max(0, local_start - 1), min(len(block.text), local_end + 1)):
                continue  # about our placeholder for code, an image or a URL, not the writer's text
            rule_id = f"{lang}.grammar.lt.{issue.rule_id}"
            span = block.source_span(local_start, local_end)
            severity = self._severity(rule_id, ISSUE_SEVERITY.get(issue.issue_type, Severity.WARNING))
            if severity is None or suppressed.covers(rule_id, span.start):
                continue
            found.append(Diagnostic(rule=rule_id, category="grammar", severity=severity, message=issue.message,
                                    span=span, suggestions=issue.replacements, match=source[span.start:span.end]))
        return GrammarOutcome(found, {**self.backend.status(), "checked": True})

    def _severity(self, rule_id: str, default: Severity) -> Severity | None:
        """The finding's severity under the configuration; None when it is not shown."""
        if not self.selection.shows(rule_id):
            return None
        severity = self.selection.severity_for(rule_id, default)
        return severity if severity is not None and severity >= self.min_severity else None
