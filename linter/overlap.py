"""One problem, one finding: overlapping findings of one dimension are merged.

« KPI » is trade jargon and an unexplained acronym; a writer sees one problem
there, not two warnings, and the profile must count it once. Of the findings of one
category that share words, the one with the highest severity (then strength,
then the longest span) stays; it keeps the other rules' reasons in `also` and
their suggestions after its own.
Only the tone dimensions the pack judges (its `verdict` categories) are merged, as
their evidence already counts overlapping words once; findings of different
categories, and document-level findings (dialogue), stay apart.
"""
from __future__ import annotations

from dataclasses import replace

from .model import Diagnostic


def merge_overlapping(diagnostics: list[Diagnostic], categories) -> list[Diagnostic]:
    by_category: dict[str, list[Diagnostic]] = {}
    merged: list[Diagnostic] = []
    for d in diagnostics:
        if d.category in categories:
            by_category.setdefault(d.category, []).append(d)
        else:
            merged.append(d)
    for findings in by_category.values():
        findings.sort(key=lambda d: (d.span.start, d.span.end))
        cluster: list[Diagnostic] = []
        cluster_end = -1
        for d in findings:
            if cluster and d.span.start >= cluster_end:
                merged.extend(_one_finding(cluster))
                cluster = []
            cluster.append(d)
            cluster_end = max(cluster_end, d.span.end)
        if cluster:
            merged.extend(_one_finding(cluster))
    return merged


def _one_finding(cluster: list[Diagnostic]) -> list[Diagnostic]:
    """The strongest finding absorbs those that share words with it; the rest of a chain
    (« fiers d'annoncer » / « annoncer un partenariat » / « partenariat stratégique ») are other
    problems and are merged the same way among themselves."""
    if len(cluster) == 1:
        return cluster
    remaining = sorted(cluster, key=lambda d: (d.severity, d.strength, d.span.end - d.span.start), reverse=True)
    merged = []
    while remaining:
        primary, rest = remaining[0], remaining[1:]
        same = [d for d in rest if d.span.overlaps(primary.span)]
        remaining = [d for d in rest if not d.span.overlaps(primary.span)]
        merged.append(_merge_into(primary, same) if same else primary)
    return merged


def _merge_into(primary: Diagnostic, others: list[Diagnostic]) -> Diagnostic:
    originals = [replace(d, suggestions=list(d.suggestions), also=[], merged=[]) for d in [primary, *others]]
    for other in others:
        if other.rule != primary.rule and all(a["rule"] != other.rule for a in primary.also):
            primary.also.append({"rule": other.rule, "message": other.message})
        primary.suggestions.extend(s for s in other.suggestions if s not in primary.suggestions)
    primary.merged = originals
    return primary


def shown_for(diagnostic: Diagnostic, wanted) -> Diagnostic | None:
    """The finding as an output that shows only some rules presents it: led by the first
    wanted rule among those merged into it (with the others as `also`), or None."""
    if wanted(diagnostic.rule):
        return diagnostic
    for index, original in enumerate(diagnostic.merged):
        if wanted(original.rule):
            others = [d for d in diagnostic.merged if d is not original]
            return _merge_into(replace(original, suggestions=list(original.suggestions), also=[], merged=[]), others)
    return None
