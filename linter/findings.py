"""A check's finding as the writer sees it: its place in the source, its message with the
matched words, suggestions chosen for the readers, and whether the words are mentioned
rather than used (a draft about press releases quoting their phrases)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .analysis import DocumentAnalysis
from .checks.base import Finding
from .model import Diagnostic
from .rulepack import Rule
from .variants import choose
from .verdict import rule_strength

if TYPE_CHECKING:
    from .engine import CompiledPack


def to_diagnostic(rule: Rule, analysis: DocumentAnalysis, finding: Finding, pack: CompiledPack,
                  variant: str | None = None) -> Diagnostic | None:
    """None when the readers' usage leaves nothing to change (every suggestion is another
    region's and the term is theirs: « podcast » in France)."""
    block = analysis.blocks[finding.block]
    suggestions, own_usage = list(finding.suggestions), False
    if finding.regions is not None and variant is not None:
        suggestions, own_usage = choose(finding.suggestions, finding.regions, variant)
        if finding.suggestions and not suggestions:
            return None
    strength = finding.strength if finding.strength is not None else rule_strength(rule)
    mention = rule.category in pack.verdicts and pack.mention.is_mention(
        block.quoting_text, block.sentence_at(finding.start), finding.start, finding.end,
        lambda: analysis.text_before(finding.block), rule.category, block.data.memo,
        lambda: analysis.text_around(finding.block))
    if not mention:
        strength *= pack.mention.speech_weight(rule.category, block.quoting_text, finding.start, finding.end, block.data.memo,
                                               lambda: analysis.text_before(finding.block), rule.speech_weight)
    span = block.block.source_span(finding.start, finding.end)
    matched = analysis.document.source[span.start:span.end]
    args = {"match": " ".join(block.text[finding.start:finding.end].split()),
            "suggestion": suggestions[0] if suggestions else ""}
    args.update(finding.args)
    if finding.regions is not None:
        args["suggestion"] = suggestions[0] if suggestions else ""  # chosen for the readers
    message = format_message(rule.message, args)
    usage = pack.usage.get(variant) if variant else None
    if usage and (own_usage or rule.variants):
        message = f"{message} ({usage})"
    return Diagnostic(rule=rule.id, category=rule.category, severity=rule.severity,
                      message=message, span=span, suggestions=suggestions, match=matched,
                      strength=0.0 if mention else strength, mention=mention,
                      evidence_key=finding.evidence_key or "")


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, args: dict) -> str:
    """The rule's message with the finding's values; a placeholder without one stays as written."""
    try:
        return template.format_map(_KeepMissing(args))
    except (ValueError, IndexError):
        return template
