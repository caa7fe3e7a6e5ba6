"""`acronym`: an acronym used without being explained at its first use.

Explained means: the long form in parentheses right after it ("SEO
(référencement naturel)"), the acronym in parentheses after its long form
("référencement naturel (SEO)"), or a gloss such as "c'est-à-dire" / "that
is". Acronyms every reader knows (allow lexicon) and `known-terms` are fine.
"""
from __future__ import annotations

import re

from .base import Check, Finding, number

_ACRONYM = re.compile(r"(?<![\w&.-])([A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*)(s?)(?![\w&-])")
_GLOSS_AFTER = re.compile(
    r"\s*(?:\(|[,:]?\s*(?:c'est-à-dire|c'est à dire|soit|pour|that is|i\.e\.|which (?:means|stands for)|"
    r"meaning|short for|qui signifie|qui veut dire)\b)", re.IGNORECASE)


class AcronymCheck(Check):
    kind = "acronym"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        allowed = set()
        names = self.spec.get("allow_lexicon", [])
        for name in [names] if isinstance(names, str) else names:
            for line in ctx.lexicon(rule, name, "match.allow_lexicon"):
                allowed.update(word.upper() for word in line.split())
        allowed.update(str(word).upper() for word in self.spec.get("allow", []))
        allowed.update(term.upper() for term in ctx.known_terms)
        self.allowed = allowed
        self.min_length = int(number(rule, self.spec, "min_length", 2, minimum=2))

    def run(self, analysis):
        seen: set[str] = set()
        findings = []
        for number_, block in enumerate(analysis.blocks):
            text = block.text
            if _mostly_capitals(text):
                continue  # a heading in capitals is not a wall of acronyms
            for match in _ACRONYM.finditer(text):
                acronym = match.group(1)
                if len(acronym) < self.min_length or acronym in self.allowed or acronym in seen:
                    continue
                seen.add(acronym)
                if _explained(text, match.start(), match.end()):
                    continue
                findings.append(Finding(number_, match.start(1), match.end(2), args={"acronym": acronym}))
        return findings


def _explained(text: str, start: int, end: int) -> bool:
    if _GLOSS_AFTER.match(text, end):
        return True
    return text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")")


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)
