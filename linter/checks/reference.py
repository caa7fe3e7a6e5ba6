"""`reference`: words that name someone the draft introduced elsewhere in a telling way.

A release introduces its spokesperson once, with the title (« René Roy, directeur général
d'Acme, … »), and later attributes the quotation by name alone (« …, a souligné René Roy »,
"Roy said"). Each piece alone is common in any article; the same person introduced by a
title and then quoted is the release's mechanics, whichever order and sentences they come in.

`regex` patterns find the references (the finding: the group `mark`, else the whole match);
`introductions` patterns find the introductions anywhere in the draft. Both must capture the
person in a group named `name`; a reference counts when the last word of its name (the
surname: « M. Roy », « Jean Roy », "Roy") is the last word of a name introduced at another
place (an introduction that is the reference's own words does not count). A reference may
instead capture a personal pronoun in a group named `pronoun` ("He said: “…”", « Elle précise : « … » »):
it counts when an introduction stands before it in its paragraph or in the paragraph just before,
as news copy introduces its speaker and quotes them in the next paragraph, and weighs half the
rule's strength (the pronoun may point at someone else).
"""
from __future__ import annotations

from .base import Check, Finding, blocks_to_search, compile_rule_regex, require, string_list
from ..verdict import rule_strength
from ..prefilter import Search
from ..rulepack.schema import RuleError


class ReferenceCheck(Check):
    kind = "reference"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        require(rule, self.spec, "regex", "introductions")
        self.references = _named_patterns(rule, ctx, self.spec["regex"], "match.regex")
        self.introductions = _named_patterns(rule, ctx, self.spec["introductions"], "match.introductions")

    def run(self, analysis):
        references = list(_named_hits(analysis, self.references))
        if not references:
            return []
        # Where each surname is introduced, by where the name ends: two places are enough to know
        # whether one is not the reference itself (and keep the check linear).
        introduced: dict[str, list[tuple[int, int]]] = {}
        first_in_block: dict[int, int] = {}  # where the first introduction of each paragraph ends
        for number, _, _, name_end, surname in _named_hits(analysis, self.introductions):
            places = introduced.setdefault(surname, [])
            if len(places) < 2 and (number, name_end) not in places:
                places.append((number, name_end))
            first_in_block[number] = min(name_end, first_in_block.get(number, name_end))
        findings = []
        for number, start, end, name_end, surname in references:
            if surname is None:  # a pronoun: someone introduced just before
                found = first_in_block.get(number, end) < start or number - 1 in first_in_block
            else:
                found = any(place != (number, name_end) for place in introduced.get(surname, ()))
            if found:
                # A pronoun may point at someone else than the spokesperson ("Her neighbour Tom came
                # too. He said: …"): it weighs half the rule's strength.
                findings.append(Finding(number, start, end, suggestions=list(self.rule.suggestions),
                                        strength=None if surname else rule_strength(self.rule) / 2))
        return findings


def _named_patterns(rule, ctx, value, field_name: str) -> list[tuple[Search, tuple]]:
    searches = []
    for pattern in string_list(rule, value, field_name):
        compiled, anchors = compile_rule_regex(rule, pattern, ctx, field_name)
        pronoun_allowed = field_name == "match.regex"
        if "name" not in compiled.groupindex and not (pronoun_allowed and "pronoun" in compiled.groupindex):
            raise RuleError(rule.path, field_name, f"the pattern must capture the person in a group named 'name'"
                                                   f"{' (or a pronoun in one named pronoun)' if pronoun_allowed else ''}: {pattern!r}")
        searches.append((ctx.search(compiled), tuple(anchors)))
    return searches


def _named_hits(analysis, searches):
    """(block, start, end, end of the name, surname) of each match; the span is the group `mark` or the match."""
    for search, anchors in searches:
        group = search.group
        for number, block in blocks_to_search(analysis, search, anchors):
            if not block.data.may_match(search):
                continue
            for match in search.pattern.finditer(block.text):
                if match.end(group) <= match.start(group):
                    continue
                name = match.groupdict().get("name")
                if name:
                    yield number, match.start(group), match.end(group), match.end("name"), name.split()[-1].replace("’", "'")
                elif match.groupdict().get("pronoun"):
                    yield number, match.start(group), match.end(group), match.end("pronoun"), None
