"""`foreign-word`: a word of another language, found by frequency rather than listed.

"linking", "pricing", "funnel", "workflow" in a French post: each is common in
English and rare in French, which is what a reader who is not in the trade
stumbles on. Word-frequency data (wordfreq, Zipf scale) decides: a word is
foreign when its frequency in `other` reaches `min_other_zipf`, its frequency in
the post's language stays below `max_zipf`, and the gap is at least `min_gap`.
Borrowings that became everyday words ("email", "business", "week-end") are
frequent in French too and are left alone. Capitalised words (names, titles,
acronyms), words explained in place, `known-terms` and the entries of `skip_lexicon`
(terms a substitution rule already owns, with its suggestions) are skipped. Each
word is reported once, where it first appears; explained there, it is not reported.
"""
from __future__ import annotations

from ..glosses import explained_after, is_gloss_itself
from ..rulepack.schema import RuleError
from ..tokens import expand_alternations
from ..wordfreqs import other_language_plurals, other_language_words
from .base import Check, Finding, number


class ForeignWordCheck(Check):
    kind = "foreign-word"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        self.lang = ctx.lang
        self.other = self.spec.get("other")
        if not isinstance(self.other, str) or self.other == ctx.lang:
            raise RuleError(rule.path, "match.other", "must name the other language (e.g. en)")
        self.min_other = number(rule, self.spec, "min_other_zipf", 3.0)
        self.max_zipf = number(rule, self.spec, "max_zipf", 3.0)
        self.min_gap = number(rule, self.spec, "min_gap", 0.8)
        self.min_length = int(number(rule, self.spec, "min_length", 4, minimum=1))
        self.skip = {t.lower() for t in ctx.known_terms}
        for name in self.spec.get("skip_lexicon", []):
            for line in ctx.lexicon(rule, name, "match.skip_lexicon"):
                self.skip.update(v.lower() for v in expand_alternations(line.split("=", 1)[0].strip()))

    def run(self, analysis):
        # Each foreign word once, where it first appears: the reader stumbles on it there.
        findings = []
        seen: set[str] = set()
        # The two tables, looked up once per draft rather than once per word.
        tables = (other_language_words(self.lang, self.other, self.min_other, self.max_zipf),
                  other_language_plurals(self.lang, self.other, self.min_other, self.max_zipf))
        for number_, block in enumerate(analysis.blocks):
            for token in block.tokens:
                if token.lower in seen or not self._is_foreign(token, *tables):
                    continue
                seen.add(token.lower)
                if not explained_after(block.text, token.end) and not is_gloss_itself(block.text, token.start, token.end):
                    findings.append(Finding(number_, token.start, token.end))
        return self.filter_exceptions(analysis, findings)

    def _is_foreign(self, token, candidates: dict, plurals: dict) -> bool:
        # A plural is rarer than its singular ("workflows", "dashboards"): a common English
        # singular is enough, and the plural's own gap between the languages decides
        # ("adjacents", "correctives" are French plurals of words English shares).
        # Looked up first: most words are in neither table.
        frequencies = candidates.get(token.lower) or plurals.get(token.lower)
        if frequencies is None:
            return False
        word = token.text
        if len(word) < self.min_length or not word.replace("-", "").isalpha() or token.lower in self.skip:
            return False
        if not word.islower():
            return False  # a name, a title word or an acronym (the acronym rule's business)
        return frequencies[1] - frequencies[0] >= self.min_gap
