"""`substitution`: a term with plainer alternatives (jargon, anglicisms, clichés).

A term explained in place ("le SEO (référencement naturel)", "..., c'est-à-dire")
is not flagged: the writer already did what the rule asks.
"""
from __future__ import annotations

from ..glosses import explained_after, is_gloss_itself
from ..rulepack.schema import RuleError
from ..tokens import expand_alternations
from .base import Check, Finding, longest_hits



class SubstitutionCheck(Check):
    kind = "substitution"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        self.group = (rule.id, "swap")
        entries = dict(self._swap_entries(ctx))
        if not entries:
            raise RuleError(rule.path, "match", "needs 'swap' (term: alternatives) or 'lexicon' (term = alt | alt)")
        known = {t.lower() for t in ctx.known_terms}
        for term, alternatives in entries.items():
            for variant in expand_alternations(term):
                if variant.lower() in known:
                    continue
                try:
                    ctx.index.add(variant, (self.group, tuple(alternatives)))
                except ValueError as exc:
                    raise RuleError(rule.path, "match.swap", str(exc)) from None
        # Known terms stay in the index, with no alternatives, and are dropped after the
        # longest match is chosen: known "e-mail" must cover "mail", not hand it the match.
        for term in ctx.known_terms:
            try:
                ctx.index.add(term, (self.group, None))
            except ValueError:
                pass  # not a phrase of words ("C++"): the engine's exact-match filter handles it
        self.skip_explained = bool(self.spec.get("skip_explained", True))

    def _swap_entries(self, ctx):
        swap = self.spec.get("swap", {})
        if not isinstance(swap, dict):
            raise RuleError(self.rule.path, "match.swap", "must map each term to its alternatives")
        for term, alternatives in swap.items():
            if isinstance(alternatives, str):
                alternatives = [alternatives]
            if not isinstance(alternatives, list) or not all(isinstance(a, str) for a in alternatives):
                raise RuleError(self.rule.path, "match.swap", f"alternatives of {term!r} must be strings")
            yield str(term), alternatives
        names = self.spec.get("lexicon", [])
        for name in [names] if isinstance(names, str) else names:
            for line in ctx.lexicon(self.rule, name, "match.lexicon"):
                term, sep, rest = line.partition("=")
                if not sep or not term.strip():
                    raise RuleError(self.rule.path, "match.lexicon", f"{name}: line {line!r} must read 'term = alternative | alternative'")
                yield term.strip(), [a.strip() for a in rest.split("|") if a.strip()]

    def run(self, analysis):
        hits = self.filter_exceptions(analysis, analysis.phrase_hits.get(self.group, []))
        findings = []
        for hit in longest_hits(hits):
            if hit.payload is None:
                continue  # a known term
            text = analysis.blocks[hit.block].text
            if self.skip_explained and (explained_after(text, hit.end) or is_gloss_itself(text, hit.start, hit.end)):
                continue
            original = text[hit.start:hit.end]
            suggestions = [_match_case(original, alt) for alt in hit.payload]
            findings.append(Finding(hit.block, hit.start, hit.end,
                                    args={"suggestion": suggestions[0] if suggestions else ""},
                                    suggestions=suggestions))
        return findings




def _match_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
