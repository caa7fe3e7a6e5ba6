"""`reference`: words that name someone the draft introduced elsewhere in a telling way.

A release introduces its spokesperson once, with the title (« René Roy, directeur général
d'Acme, … »), and later attributes the quotation by name alone (« …, a souligné René Roy »,
"Roy said"). Each piece alone is common in any article; the same person introduced by a
title and then quoted is the release's mechanics, whichever order and sentences they come in.

`regex` patterns find the references (the finding: the group `mark`, else the whole match);
`introductions` patterns find the introductions anywhere in the draft. Both must capture the
person in a group named `name`; a reference counts when the last word of its name (the
surname: « M. Roy », « Jean Roy », "Roy") is the last word of an introduced name, and the
introduction is not those same words.
"""
from __future__ import annotations

from .base import Check, Finding, compile_rule_regex, require, string_list
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
        introduced = {}  # surname -> spans (block, start, end) of its introductions
        for number, start, end, _, surname in _named_hits(analysis, self.introductions):
            introduced.setdefault(surname, []).append((number, start, end))
        findings = []
        for number, start, end, (name_start, name_end), surname in references:
            elsewhere = [span for span in introduced.get(surname, ())
                         if not (span[0] == number and span[1] < name_end and name_start < span[2])]
            if elsewhere:
                findings.append(Finding(number, start, end, suggestions=list(self.rule.suggestions)))
        return findings


def _named_patterns(rule, ctx, value, field_name: str) -> list[Search]:
    searches = []
    for pattern in string_list(rule, value, field_name):
        compiled, _ = compile_rule_regex(rule, pattern, ctx, field_name)
        if "name" not in compiled.groupindex:
            raise RuleError(rule.path, field_name, f"the pattern must capture the person in a group named 'name': {pattern!r}")
        searches.append(Search(compiled))
    return searches


def _named_hits(analysis, searches):
    """(block, start, end, name span, surname) of each match; the span is the group `mark` or the match."""
    for search in searches:
        if not search.may_match(analysis.text, analysis.folded):
            continue
        group = search.group
        for number, block in enumerate(analysis.blocks):
            if not search.may_match(block.text, block.data.folded):
                continue
            for match in search.pattern.finditer(block.text):
                name = match.group("name")
                if not name or match.end(group) <= match.start(group):
                    continue
                surname = name.split()[-1].replace("’", "'")
                yield number, match.start(group), match.end(group), match.span("name"), surname
