"""The tone profile: one 0-100 score per dimension, with the evidence behind it.

A score measures how strongly the draft shows a problem (0 = none). It grows
with the severity-weighted findings per 100 words, the normalisation
Acrolinx and proselint use, and saturates towards 100:
    score = 100 * (1 - exp(-weighted_per_100_words / 3))
so one warning in a 300-word post scores about 20, six score about 75.
"""
from __future__ import annotations

import math

from .model import Diagnostic, Severity

DIMENSIONS = ("press-release", "self-promotion", "peer-jargon", "dialogue", "register")
_WEIGHT = {Severity.SUGGESTION: 1.0, Severity.WARNING: 2.0, Severity.ERROR: 3.0}
_MIN_WORDS = 50  # a three-line draft must not score 100 for one finding


def tone_profile(diagnostics: list[Diagnostic], words: int, metrics: dict | None = None,
                 verdicts: dict | None = None) -> dict:
    """`verdicts` (category -> verdict.Verdict) adds each dimension's evidence and threshold."""
    profile: dict = {}
    categories = list(DIMENSIONS) + sorted({d.category for d in diagnostics} - set(DIMENSIONS))
    for category in categories:
        evidence = [i for i, d in enumerate(diagnostics) if d.category == category]
        weighted = sum(_WEIGHT[diagnostics[i].severity] for i in evidence)
        density = 100.0 * weighted / max(words, _MIN_WORDS)
        profile[category] = {
            "score": round(100 * (1 - math.exp(-density / 3))),
            "findings": len(evidence),
            "per_100_words": round(100.0 * len(evidence) / max(words, 1), 2),
            "rules": sorted({diagnostics[i].rule for i in evidence}),
            "evidence": evidence,
        }
        if verdicts and category in verdicts:
            profile[category]["verdict"] = verdicts[category].to_dict()
    if metrics is not None:
        profile["metrics"] = metrics
    return profile
