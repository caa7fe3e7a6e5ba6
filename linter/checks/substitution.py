"""`substitution`: a term with plainer alternatives (jargon, anglicisms, clichés).

A term explained in place ("le SEO (référencement naturel)", "..., c'est-à-dire")
is not flagged: the writer already did what the rule asks.
"""
from __future__ import annotations

import os

from ..agreement import (adapt, article_before, determiner_before, english_article, french_determiner, pluralize_phrase,
                         split_gender)
from ..wordfreqs import EVERYDAY_ZIPF, frequent
from ..glosses import defines, explained_after, is_gloss_itself
from ..variants import split_regions
from ..rulepack.schema import RuleError
from ..tokens import expand_alternations
from .base import Check, Finding, longest_hits



class SubstitutionCheck(Check):
    kind = "substitution"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        self.group = (rule.id, "swap")
        self.lang = ctx.lang
        entries = dict(self._swap_entries(ctx))
        if not entries:
            raise RuleError(rule.path, "match", "needs 'swap' (term: alternatives) or 'lexicon' (term = alt | alt)")
        known = {t.lower() for t in ctx.known_terms}
        listed = {v.lower() for term in entries for v in expand_alternations(term)}
        for term, alternatives in entries.items():
            # (wording, regions, gender) of each alternative, read once here rather than per finding
            parsed = tuple(_with_gender(split_regions(a)) for a in alternatives)
            variants = expand_alternations(term)
            # A lexicon lists a term by its lemma; its plural is generated ("Roth conversion" ->
            # "Roth conversions", « client potentiel » -> « clients potentiels ») unless listed.
            variants += [plural for plural in dict.fromkeys(_plural(v, self.lang) for v in variants)
                         if plural and plural.lower() not in listed]
            forms = frozenset(v.lower() for v in variants)
            for variant in variants:
                if variant.lower() in known:
                    continue
                try:
                    ctx.index.add(variant, (self.group, (parsed, forms, term)))
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

    def _changes_determiner(self, text: str, determiner: tuple[int, str], hit, alternatives) -> bool:
        written = text[determiner[0]:hit.start]
        return any(self._determiner_for(determiner[1], gender, _first_word(wording), written) != written
                   for wording, _regions, gender in alternatives)

    def _determiner_for(self, determiner: str, gender: str | None, next_word: str, written: str) -> str:
        """The determiner the wording needs in place of the one written (French gender and elision,
        English a/an); the written one when nothing says otherwise."""
        if self.lang == "en":
            return english_article(determiner, next_word)
        return french_determiner(determiner, gender, next_word) if gender else written

    def run(self, analysis):
        hits = longest_hits(self.filter_exceptions(analysis, analysis.phrase_hits(self.group)))
        if all(hit.payload is None for hit in hits):
            return []  # only known terms (or nothing): no finding, and no need to know what is explained
        # A term the draft defines somewhere (« La dette senior correspond à un prêt classique »),
        # names in brackets after saying it plainly (« la perte de données admissible (RPO) ») or
        # explains in place once ("endpoint detection and response (EDR) — software that…")
        # is explained for the whole draft: the reader has learnt it.
        defined = {_folded(analysis.blocks[h.block].text[h.start:h.end]) for h in hits
                   if self.skip_explained and (is_gloss_itself(analysis.blocks[h.block].text, h.start, h.end)
                                               or explained_after(analysis.blocks[h.block].text, h.end)
                                               or _explained_for_the_draft(analysis, h))}
        findings = []
        for hit in hits:
            if hit.payload is None:
                continue  # a known term
            block = analysis.blocks[hit.block]
            text = block.text
            if _inside_compound(text, hit.start, hit.end):
                continue  # a term is matched whole or not at all: "full-funnel" is not "funnel"
            # (a term explained in place, or in brackets after its plain words, is in `defined`: not
            # tested again here)
            if self.skip_explained and _learnt(_folded(text[hit.start:hit.end]), defined):
                continue
            original = text[hit.start:hit.end]
            alternatives, forms, term = hit.payload
            start = hit.start
            # « le feedback » → « la rétroaction », "an SLA" → "a service agreement": an alternative
            # brings its determiner along when the one written no longer fits.
            determiner = determiner_before(text, hit.start) if self.lang == "fr" else \
                article_before(text, hit.start) if self.lang == "en" else None
            determiner_changes = determiner is not None and self._changes_determiner(text, determiner, hit, alternatives)
            if determiner_changes:
                start = determiner[0]  # the underline covers the determiner only when it must change
            opens = not text[block.sentence_at(start)[0]:start].strip(" \t\n«»\"“”'‘’(*-–—")
            suggestions, regions = [], []
            for wording, where, gender in alternatives:
                adapted = adapt(wording, original, forms, self.lang, opens and not determiner_changes)
                if adapted.lower() == original.lower():
                    continue  # the writer's own word: nothing to suggest
                if determiner_changes:
                    adapted = self._determiner_for(determiner[1], gender, adapted, text[start:hit.start]) + adapted
                if adapted not in suggestions:
                    suggestions.append(adapted)
                    regions.append(where)
            # `regions` lets the engine keep the suggestions in use where the readers are (variants.py).
            findings.append(Finding(hit.block, start, hit.end,
                                    args={"suggestion": suggestions[0] if suggestions else "",
                                          "match": " ".join(text[hit.start:hit.end].split())},
                                    suggestions=suggestions, regions=regions, evidence_key=term))
        return findings




def _plural(term: str, lang: str) -> str:
    """The plural a writer would use of a listed term, or "" when it would mislead: a term already in
    the plural or not a word ("Kubernetes", "2FA"), or a single word whose plural is an everyday word
    of its own while the term is not ("good" is no trade term, "goods" a common word)."""
    last = term.rsplit(" ", 1)[-1]
    if not last.isalpha() or len(last) < 3 or last[-1].lower() in "sxz" or last.isupper():
        return ""  # (an acronym's plural is its own business: « injections SQL », "the APIs")
    plural = pluralize_phrase(term, lang)
    if plural == term or (" " not in term and frequent(lang, plural, EVERYDAY_ZIPF) and not frequent(lang, term, EVERYDAY_ZIPF)):
        return ""
    return plural


def _with_gender(wording_and_regions: tuple[str, frozenset]) -> tuple[str, frozenset, str | None]:
    wording, gender = split_gender(wording_and_regions[0])
    return wording, wording_and_regions[1], gender


def _first_word(wording: str) -> str:
    return wording.split(" ", 1)[0]


def _inside_compound(text: str, start: int, end: int) -> bool:
    before = start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum()
    return before or after


def _folded(term: str) -> str:
    # « nu-propriétaire » and « nu propriétaire », « l’usufruitier » and « l'usufruitier » are one term
    return " ".join(term.lower().replace("’", "'").replace("-", " ").split())


def _singular(word: str) -> str:
    """A folded word in the singular, roughly: English and French plurals in -s or -x ("budgets", "kpis"; not
    "business", nor a word of three letters)."""
    if word[-1:] in ("s", "x") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _singular_last_word(term: str) -> str:
    head, _, last = term.rpartition(" ")
    return f"{head} {_singular(last)}"


def _learnt(term: str, defined: set[str]) -> bool:
    """The term, its singular or plural, or a word of its family, is explained in the draft: "Crawl Budgets"
    once "the crawl budget" is, "KPI" once "KPIs", « usufruitier » once « usufruit », "mandatary" once
    "mandate" (single words sharing a stem of six letters or more, most of the shorter one)."""
    if term in defined:
        return True
    if " " in term:
        return any(_singular_last_word(term) == _singular_last_word(known) for known in defined if " " in known)
    if any(_singular(term) == _singular(known) for known in defined if " " not in known):
        return True
    for known in defined:
        if " " in known:
            continue
        shared = len(os.path.commonprefix([term, known]))
        if shared >= 6 and shared >= 0.8 * min(len(term), len(known)):
            return True
    return False


def _explained_for_the_draft(analysis, hit) -> bool:
    """The draft defines the term (« La dette senior correspond à… »), or heads a glossary entry with
    it, the definition under its line or in the next block."""
    blocks = analysis.blocks
    following = blocks[hit.block + 1].text if hit.block + 1 < len(blocks) else ""
    return defines(blocks[hit.block].text, hit.start, hit.end, following)
