"""`metric`: sentence length, paragraph length and readability.

Readability uses textstat with the formula of the document's language
(French: Kandel & Moles' adaptation of Flesch; English: Flesch reading ease).
"""
from __future__ import annotations

from .base import Check, Finding, choice, number

METRICS = ("sentence-length", "paragraph-length", "readability")


class MetricCheck(Check):
    kind = "metric"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        self.metric = choice(rule, self.spec, "metric", METRICS, "sentence-length")
        if self.metric == "readability":
            self.min_score = number(rule, self.spec, "min", minimum=-1000)
            self.min_words = int(number(rule, self.spec, "min_words", 100, minimum=1))
        else:
            self.max_words = int(number(rule, self.spec, "max", minimum=1))

    @property
    def describes_document(self) -> bool:
        return self.metric == "readability"

    def run(self, analysis):
        if self.metric == "sentence-length":
            return list(self._long_sentences(analysis))
        if self.metric == "paragraph-length":
            return [Finding(n, *b.sentences[0], args={"words": b.words, "max": self.max_words})
                    for n, b in enumerate(analysis.blocks)
                    if b.words > self.max_words and b.block.kind == "paragraph" and b.sentences]
        if analysis.words < self.min_words:
            return []
        score = analysis.readability["score"]
        first = analysis.first_sentence()
        if score >= self.min_score or first is None:
            return []
        return [Finding(*first, args={"score": round(score), "min": self.min_score})]

    def _long_sentences(self, analysis):
        for number_, block in enumerate(analysis.blocks):
            for (start, end), tokens in zip(block.sentences, block.data.sentence_tokens):
                words = len(tokens)
                if words > self.max_words:
                    yield Finding(number_, start, end, args={"words": words, "max": self.max_words})
