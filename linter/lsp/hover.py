"""Hover on a finding: its message, why the rule exists, and what to write instead.

The rule's message and description are in the draft's language (the packs wrote them);
tonelint's own words around them are in the interface language (`LintedDraft.ui_lang`).
"""
from __future__ import annotations

from lsprotocol import types

from ..i18n import translator
from .conversion import LintedDraft


def hover(draft: LintedDraft, position: types.Position) -> types.Hover | None:
    findings = draft.at(draft.positions.offset(position))
    if not findings:
        return None
    _ = translator(draft.ui_lang).gettext
    sections = []
    for finding in findings:
        rule = draft.rules.get(finding.rule)
        lines = [f"**{_escape(finding.message)}**"]
        if rule is not None and rule.description.strip():
            lines.append(_escape(" ".join(rule.description.split())))
        if finding.suggestions:
            quoted = ", ".join(_("“{suggestion}”").format(suggestion=_escape(s)) for s in finding.suggestions)
            lines.append(_("Suggestions: {suggestions}").format(suggestions=quoted))
        # The severity as the CLI's text output names it (its catalogue entries).
        lines.append(f"`{finding.rule}` (tonelint, {_(finding.severity.label)})")
        sections.append("\n\n".join(lines))
    first = findings[0]
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(sections)),
        range=draft.positions.range(first.span.start, first.span.end))


def _escape(text: str) -> str:
    """Markdown characters in a message or a rule's prose are shown, not interpreted."""
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)
