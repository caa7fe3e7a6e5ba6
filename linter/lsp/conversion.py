"""Findings of the engine -> LSP diagnostics, and editor language ids -> draft formats."""
from __future__ import annotations

from dataclasses import dataclass, field

from lsprotocol import types

from ..model import Diagnostic, Severity
from ..rulepack import Rule
from ..verdict import Verdict
from .positions import UTF8, PositionMap
from .related import Evidence

SOURCE = "tonelint"

# Editor language ids we lint, and the engine's format for each.
FORMATS = {"markdown": "markdown", "mdx": "mdx", "html": "html", "plaintext": "text"}

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    # Information, not Hint: editors draw hints so faintly that writers miss them.
    Severity.SUGGESTION: types.DiagnosticSeverity.Information,
}

# Markup inside a finding's source text: replacing the whole span with a suggestion would drop it.
_MARKUP = set("*_`<>[]\\|")


def format_for(language_id: str) -> str | None:
    return FORMATS.get(language_id)


def safe_to_replace(match: str) -> bool:
    """A suggestion may replace the finding's source text only if that text is plain prose."""
    return bool(match) and not (_MARKUP & set(match))


def to_lsp(diagnostic: Diagnostic, positions: PositionMap, rule: Rule | None,
           related: list[types.DiagnosticRelatedInformation] | None = None) -> types.Diagnostic:
    link = rule.link if rule is not None else None
    return types.Diagnostic(
        range=positions.range(diagnostic.span.start, diagnostic.span.end),
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.rule,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        message=diagnostic.message,
        related_information=related,
        # What a code action needs, carried by the client with the diagnostic it shows.
        data={"suggestions": list(diagnostic.suggestions), "replaceable": safe_to_replace(diagnostic.match)},
    )


@dataclass
class LintedDraft:
    """One lint of one version of an open draft: what hovers and code actions read back."""

    uri: str
    version: int
    format: str
    lang: str
    diagnostics: list[Diagnostic]
    rules: dict[str, Rule]  # the rules that ran, by id
    positions: PositionMap
    profile: dict = field(default_factory=dict)  # the tone profile, as the CLI's JSON has it
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    dimensions: tuple[str, ...] = ()  # the tone dimensions, in the profile's order
    words: int = 0
    notices: tuple[str, ...] = ()  # what the lint says about the draft as a whole ("not linted: ...")
    linted: bool = True  # false when no rule ran (neither language): the profile then says nothing
    ui_lang: str = "en"  # the language of tonelint's own words for this draft (the profile's lens and message)

    def lsp_diagnostics(self, related: bool = False) -> list[types.Diagnostic]:
        """`related`: with related information (when the client shows it)."""
        evidence = Evidence(self) if related else None
        return [to_lsp(d, self.positions, self.rules.get(d.rule), evidence.related(d) if evidence else None)
                for d in self.diagnostics]

    def at(self, offset: int) -> list[Diagnostic]:
        """Findings whose span holds `offset` (its end included: the cursor just after a word)."""
        return [d for d in self.diagnostics if d.span.start <= offset <= d.span.end]

    def matching(self, diagnostic: types.Diagnostic) -> Diagnostic | None:
        """Our finding behind a diagnostic the editor sent back: same rule, same line, and
        the same range in the negotiated encoding or, as Neovim 0.7 sends them back, in
        bytes; else the rule's only finding on that line."""
        line = diagnostic.range.start.line
        candidates = [f for f in self.diagnostics
                      if f.rule == diagnostic.code and self.positions.line_of(f.span.start) == line]
        in_bytes = PositionMap(self.positions.text, UTF8)
        for positions in (self.positions, in_bytes):
            for finding in candidates:
                if positions.range(finding.span.start, finding.span.end) == diagnostic.range:
                    return finding
        return candidates[0] if len(candidates) == 1 else None

    def range_of(self, finding: Diagnostic) -> types.Range:
        return self.positions.range(finding.span.start, finding.span.end)
