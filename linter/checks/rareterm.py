"""`rare-term`: words far rarer than everyday language, clustered in a sentence.

One rare word is often the right word; several in the same sentence are the
signature of writing aimed at peers. Proper nouns (capitalised inside a
sentence), numbers, words explained in place and `known-terms` are skipped.
"""
from __future__ import annotations

import re
from functools import cached_property

from ..glosses import defines, explained_after, is_gloss_itself
from ..inflect import adjective_forms
from ..wordclasses import lemmas
from ..wordfreqs import known, words_at_least
from .base import Check, Finding, number, string_list

# "Nooooon", "Yesss": a letter drawn out for effect, not a rare word.
_DRAWN_OUT = re.compile(r"(\w)\1\1")
# "créa-\ntion": a word cut at the end of a line, as text copied from print or PDF is. Markdown
# turns the line break into a space ("créa- tion"), other files end lines with \r\n: any
# whitespace after the hyphen, as long as the two halves join into a known word.
_CUT_AFTER = re.compile(r"-\s+(\w+)")


# A word this frequent (Zipf 5: « lorsque », « avec », "their") is one of two glued everyday words.
_GLUED_WORD_ZIPF = 5.0


class RareTermCheck(Check):
    kind = "rare-term"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        self.lang = ctx.lang
        self.max_zipf = number(rule, self.spec, "max_zipf", 2.5)
        self.min_length = int(number(rule, self.spec, "min_length", 5, minimum=1))
        self.per_sentence = int(number(rule, self.spec, "min_per_sentence", 2, minimum=1))
        self.known = {t.lower() for t in ctx.known_terms}
        self.known.update(w.lower() for w in self.spec.get("allow", []))
        # "autogreffe", "radiographique": a learned prefix before an everyday word reads as the word.
        prefixes = string_list(rule, self.spec.get("transparent_prefixes", []), "match.transparent_prefixes")
        self.prefixes = tuple(sorted({p.lower() for p in prefixes}, key=len, reverse=True))
        self.base_zipf = number(rule, self.spec, "transparent_base_zipf", 3.5)
        # « dévelopés », « compétants », "occurence": a misspelt everyday word is a typo, not vocabulary
        self.misspelt_base_zipf = number(rule, self.spec, "misspelt_base_zipf", 3.0)

    @cached_property
    def _frequent_words(self) -> frozenset[str]:
        return words_at_least(self.lang, self.max_zipf)

    @cached_property
    def _everyday_bases(self) -> frozenset[str]:
        return words_at_least(self.lang, self.base_zipf)

    @cached_property
    def _spelling_references(self) -> frozenset[str]:
        return words_at_least(self.lang, self.misspelt_base_zipf)

    def run(self, analysis):
        rare_by_block = [self._rare_by_sentence(block.data) for block in analysis.blocks]
        candidates = {t.lower for sentences in rare_by_block for rare in sentences
                      if len(rare) >= self.per_sentence for t in rare}
        explained = self._explained_words(analysis, candidates) if candidates else set()
        findings = []
        for number_, rare_by_sentence in enumerate(rare_by_block):
            for rare_in_sentence in rare_by_sentence:
                rare = [t for t in rare_in_sentence if t.lower not in explained]
                if len(rare) >= self.per_sentence:
                    findings.extend(Finding(number_, t.start, t.end, args={"count": len(rare)}) for t in rare)
        return findings

    def _rare_by_sentence(self, data) -> list:
        """Rare tokens of each sentence: depends on the block's text only, so memoised there."""
        key = (self.rule.id, "rare-by-sentence")
        if key not in data.memo:
            data.memo[key] = [[t for t in tokens if self._is_rare(t, start, data.text)]
                              for (start, _end), tokens in zip(data.sentences, data.sentence_tokens)]
        return data.memo[key]

    @staticmethod
    def _explained_words(analysis, candidates: set[str]) -> set[str]:
        """Candidates glossed somewhere in the document, standing in parentheses as the gloss of what
        precedes them (« le cryptage des données (ransomware) »), or opening a sentence that defines
        them (« La chiropratique est une profession qui… »): explained once is explained."""
        return {t.lower for block in analysis.blocks for t in block.tokens
                if t.lower in candidates and (explained_after(block.text, t.end)
                                              or is_gloss_itself(block.text, t.start, t.end)
                                              or defines(block.text, t.start, t.end))}

    def _is_rare(self, token, sentence_start: int, text: str) -> bool:
        word = token.text
        if len(word) < self.min_length or not word.isalpha() or token.lower in self.known:
            return False
        if token.lower in self._frequent_words:  # alphabetic: no apostrophe to normalise
            return False
        if word[0].isupper() and (token.start != sentence_start or not known(self.lang, token.lower)):
            return False  # a name, not vocabulary
        if _DRAWN_OUT.search(token.lower) or self._piece_of_cut_word(token, text) \
                or self._prefixed_everyday_word(token.lower) or self._misspelt_everyday_word(token.lower) \
                or self._two_words_glued(token.lower):
            return False
        # « lisiez », « ouvrirons », « blaguez », « menuiseries »: an inflection of an everyday word
        # (verb forms are rare as forms even when the verb is everyday), judged by the lemmas the
        # language model's tables give it
        if not self._frequent_words.isdisjoint(lemmas(self.lang, token.lower)):
            return False
        # « entrepreneuriales », « transitoirement »: a known adjective, inflected (looked up last: the
        # candidate forms cost more than every other test)
        return self._frequent_words.isdisjoint(adjective_forms(token.lower, self.lang))

    def _prefixed_everyday_word(self, lower: str) -> bool:
        """A listed prefix, then an everyday word of at least five letters ("auto" + "greffe",
        "bio" + "matériel"): the reader understands it from its parts."""
        return any(lower.startswith(prefix) and len(lower) - len(prefix) >= 5
                   and lower[len(prefix):] in self._everyday_bases for prefix in self.prefixes)

    def _misspelt_everyday_word(self, lower: str) -> bool:
        """An everyday word with the slips writers make most: a letter doubled or not (« dévelopés »,
        « solicitation », "occurence"), "a" for "e" or the reverse (« compétants »). Only these: one
        edit of any kind would take « réfaction » or "stems" for typos of other words."""
        return any(variant in self._spelling_references for variant in _spelling_slips(lower))

    def _two_words_glued(self, lower: str) -> bool:
        """Two everyday words with the space between them lost (« onattend », « plombieravec »,
        "oftheir"): a typo, not vocabulary. One of the two must be among the most frequent words (a
        function word, nearly always), so that « psychomoteur » or "backlinks" stay words of their own;
        and the whole must be no known word at all ("revalidation" is one, not "re" + "validation")."""
        return not known(self.lang, lower) and any(lower[:cut] in self._everyday_bases and lower[cut:] in self._everyday_bases
                   and (lower[:cut] in self._very_frequent_words or lower[cut:] in self._very_frequent_words)
                   for cut in range(2, len(lower) - 1))

    @cached_property
    def _very_frequent_words(self) -> frozenset[str]:
        return words_at_least(self.lang, _GLUED_WORD_ZIPF)

    def _piece_of_cut_word(self, token, text: str) -> bool:
        """Half of a word hyphenated across a line break ("ori-" and "ginal"): the half is no word,
        and the whole cannot be pointed at as one. A compound whose hyphen fell at the line's end
        ("anti-" and "inflammatoire") joins into no known word: its halves are judged as words."""
        # Read character by character: most rare words touch no hyphen.
        hyphen = token.start
        while hyphen > 0 and text[hyphen - 1].isspace():
            hyphen -= 1
        hyphen -= 1
        if hyphen < token.start - 1 and hyphen > 0 and text[hyphen] == "-":
            first = hyphen
            while first > 0 and (text[first - 1].isalnum() or text[first - 1] == "_"):
                first -= 1
            if first < hyphen:
                return known(self.lang, text[first:hyphen] + token.text)
        if text.startswith("-", token.end):
            after = _CUT_AFTER.match(text, token.end)
            return bool(after) and known(self.lang, token.text + after.group(1))
        return False


_CONFUSED_VOWELS = {"a": "e", "e": "a"}


def _spelling_slips(word: str):
    """The word with one letter doubled or undoubled, or one "a"/"e" swapped."""
    for i, letter in enumerate(word):
        yield word[:i] + letter + word[i:]
        if i + 1 < len(word) and word[i + 1] == letter:
            yield word[:i] + word[i + 1:]
        if letter in _CONFUSED_VOWELS:
            yield word[:i] + _CONFUSED_VOWELS[letter] + word[i + 1:]

