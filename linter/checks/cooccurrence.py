"""`cooccurrence`: two kinds of words in one sentence make a finding that neither makes alone.

Self-praise is the writer's company as the subject of praise: « notre savoir-faire
exceptionnel », "our award-winning team". "exceptionnel" alone may be neutral
(« revenus exceptionnels » is a tax term) and « nous » alone is warmth; together,
in one sentence, they are the company praising itself. The finding is on the
`target` words; `context` words (plus, with `self_names: true`, the configured
self-names and the author's organisation as the draft names it: selfnames.py)
only have to be in the same sentence. An `unless` term in the sentence gives the praise to
someone else: « je tiens à féliciter X, qui a remporté un prix d'excellence », "congratulations
to our partner on its award". With `without_context: <strength>`, a target in a sentence without
context words is still a finding, weighing that strength: an award nobody in the sentence claims
("the firm was named Practice of the Year") may be the writer's own, told in the third person.
With `section_context: <strength>`, a target in a section whose heading holds context words is a
finding of that strength: under « Pourquoi nous choisir ? » or "Our team", the items ("Experts
certifiés", "Award-winning engineers") describe the writer without repeating "we".
"""
from __future__ import annotations

from collections import defaultdict

from ..rulepack.loader import weight_field
from .base import Check, Finding, TermSet, require


class CooccurrenceCheck(Check):
    kind = "cooccurrence"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        require(rule, self.spec, "context", "target")
        self.use_self_names = bool(self.spec.get("self_names"))
        extra = ctx.self_names if self.use_self_names else ()
        self.context = TermSet(rule, self.spec["context"], ctx, "context", names=extra)
        self.target = TermSet(rule, self.spec["target"], ctx, "target")
        self.unless = TermSet(rule, self.spec["unless"], ctx, "unless") if "unless" in self.spec else None
        # (checked as the rule's other weights are, `unowned.strength` among them)
        self.without_context = weight_field(self.spec.get("without_context"), rule.path, "match.without_context")
        self.section_context = weight_field(self.spec.get("section_context"), rule.path, "match.section_context")

    def run(self, analysis):
        # The targets first: most drafts hold none of a rule's praise words, and then the
        # sentences with context words need not be found.
        targets = self.filter_exceptions(analysis, self.target.find(analysis))
        if not targets:
            return []
        target_blocks = {hit.block for hit in targets}
        # the sentences holding context words, in the targets' blocks (and, for sections, in headings)
        context_hits = [(hit.block, hit.start) for hit in self.context.find(analysis)]
        if self.use_self_names:
            context_hits += analysis.author_name_hits
        heading_blocks = {h[0] for h in analysis.headings} if self.section_context is not None else set()
        sentences_with_context, headings_with_context = defaultdict(set), defaultdict(set)
        for number, start in context_hits:
            if number in target_blocks:
                sentences_with_context[number].add(analysis.blocks[number].sentence_at(start))
            # a pronoun joined to an imperative is the reader's doing, not the company's name for
            # itself: « Déridons-nous », « Contactez-nous », "Let's talk" do not make a section theirs
            if number in heading_blocks and not analysis.blocks[number].text[max(0, start - 1):start] == "-":
                headings_with_context[number].add(analysis.blocks[number].sentence_at(start))
        sentences_given_away = defaultdict(set)  # the praise goes to someone else
        if self.unless is not None:
            for hit in self.unless.find(analysis):
                if hit.block in target_blocks:
                    sentences_given_away[hit.block].add(analysis.blocks[hit.block].sentence_at(hit.start))
        findings = []
        for hit in targets:
            sentence = analysis.blocks[hit.block].sentence_at(hit.start)
            if sentence in sentences_given_away.get(hit.block, ()):
                continue
            if sentence in sentences_with_context.get(hit.block, ()):
                findings.append(Finding(hit.block, hit.start, hit.end, suggestions=list(self.rule.suggestions)))
            elif self.section_context is not None and self._in_owned_section(analysis, hit, headings_with_context):
                findings.append(Finding(hit.block, hit.start, hit.end, suggestions=list(self.rule.suggestions),
                                        strength=self.section_context))
            elif self.without_context is not None:
                findings.append(Finding(hit.block, hit.start, hit.end, suggestions=list(self.rule.suggestions),
                                        strength=self.without_context))
        return findings

    @staticmethod
    def _in_owned_section(analysis, hit, headings_with_context) -> bool:
        heading = analysis.heading_before(hit.block, hit.start)
        return heading is not None and heading[1:] in headings_with_context.get(heading[0], ())
