"""The tone profile: one 0-100 score per dimension, with the evidence behind it.

A score measures how strongly the draft shows a problem (0 = none). It grows
with the severity-weighted findings per 100 words, the normalisation
Acrolinx and proselint use, and saturates towards 100:
    score = 100 * (1 - exp(-weighted_per_100_words / 3))
so one warning in a 300-word post scores about 20, six score about 75. Each
dimension also gets a `level` a writer can read, a word of its category's scale in
pack.yaml (none / some / strong; dialogue: present / missing). The profile is of the
document: what an output option hides does not change it.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from .model import Diagnostic, Severity
from .rulepack.categories import Category

_WEIGHT = {Severity.SUGGESTION: 1.0, Severity.WARNING: 2.0, Severity.ERROR: 3.0}
_MIN_WORDS = 50  # a three-line draft must not score 100 for one finding


def tone_profile(diagnostics: list[Diagnostic], words: int, metrics: dict | None = None,
                 verdicts: dict | None = None, shown: list[Diagnostic] | None = None, *,
                 categories: Sequence[Category]) -> dict:
    """The profile of the whole draft, from every finding (`diagnostics`), whatever the output
    then hides (--min-severity, --select, --diff, a baseline). `shown` is the list the output
    keeps: each dimension's `evidence` gives the indexes of its findings there.
    `verdicts` (category -> verdict.Verdict) adds each dimension's evidence and threshold.
    `categories` are the pack's, in its order: every tone dimension is scored, another category
    (grammar) when it has findings."""
    shown = diagnostics if shown is None else shown
    found_in = {d.category for d in diagnostics}
    scored = [c for c in categories if c.dimension or c.id in found_in]
    declared = {c.id for c in categories}
    if found_in - declared:  # the loader refuses undeclared categories: this is a caller's mistake
        raise ValueError(f"findings of undeclared categories: {', '.join(sorted(found_in - declared))}")
    profile: dict = {}
    for category in scored:
        found = [d for d in diagnostics if d.category == category.id]
        weighted = sum(_WEIGHT[d.severity] for d in found)
        density = 100.0 * weighted / max(words, _MIN_WORDS)
        verdict = verdicts.get(category.id) if verdicts else None
        profile[category.id] = {
            "score": round(100 * (1 - math.exp(-density / 3))),
            "level": _level(category, found, verdict),
            "findings": len(found),
            "per_100_words": round(100.0 * len(found) / max(words, 1), 2),
            "rules": sorted({d.rule for d in found}),
            "evidence": [i for i, d in enumerate(shown) if d.category == category.id],
        }
        if verdict is not None:
            profile[category.id]["verdict"] = verdict.to_dict()
    if metrics is not None:
        profile["metrics"] = metrics
    return profile


def _level(category: Category, found: list[Diagnostic], verdict) -> str:
    """A word of the category's scale a writer can read: strong evidence is the verdict's, or,
    for a category without one, a finding at warning or above. Mentions are not uses."""
    used = [d for d in found if not d.mention]
    strong = verdict.passed if verdict is not None else any(d.severity >= Severity.WARNING for d in used)
    return category.level(bool(used), strong)


def refocus_profile(profile: dict, shown: list[Diagnostic]) -> dict:
    """The same profile for an output that shows fewer findings: only `evidence` follows `shown`."""
    refocused = {}
    for category, entry in profile.items():
        if category == "metrics" or not isinstance(entry, dict) or "evidence" not in entry:
            refocused[category] = entry
            continue
        refocused[category] = {**entry, "evidence": [i for i, d in enumerate(shown) if d.category == category]}
    return refocused
