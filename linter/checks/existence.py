"""`existence`: any of these phrases or patterns is worth a finding.

`signatures` (optional): patterns for a short line that signs the quotation on the line just
before it, as a testimonial is signed ("« Toit réparé en un jour ! »" then "Julie R., Lévis").
The layout, not the words, makes it a signature: the line must directly follow a line that
ends with a closing quotation mark, in the same paragraph or the next one.

`captions` (optional): patterns for a short line that introduces the quotation right after it,
as a release captions a spokesperson's quote ("Marie Roy, ministre de l'Économie" then « … »).
Both may use the lexicon macros of `regex`.
"""
from __future__ import annotations

import bisect
import re

from .base import Check, Finding, TermSet, compile_rule_regex, string_list

_CLOSING_MARKS = ("»", "”", '"', "“")
_OPENING_MARKS = ("«", "“", '"', "„")
_MAX_SIGNATURE_WORDS = 12  # a signature names a person, a role, a place: longer lines are prose
_MAX_SIGNATURE_CHARS = 160


class ExistenceCheck(Check):
    kind = "existence"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        self.terms = TermSet(rule, self.spec, ctx, "match")
        self.signatures = _line_patterns(rule, self.spec, ctx, "signatures")
        self.captions = _line_patterns(rule, self.spec, ctx, "captions")

    def run(self, analysis):
        hits = self.filter_exceptions(analysis, self.terms.find(analysis))
        findings = [Finding(h.block, h.start, h.end, suggestions=list(self.rule.suggestions)) for h in hits]
        if self.signatures:
            findings.extend(Finding(number, start, end, suggestions=list(self.rule.suggestions))
                            for number, start, end in self._signed_quotations(analysis))
        if self.captions:
            findings.extend(Finding(number, start, end, suggestions=list(self.rule.suggestions))
                            for number, start, end in self._captioned_quotations(analysis))
        return findings

    def _captioned_quotations(self, analysis):
        """Short lines right before a line (same block) or a block that opens with a quotation mark."""
        blocks = analysis.blocks
        for number, block in enumerate(blocks):
            lines = block.text.split("\n")
            offset = 0
            for index, line in enumerate(lines):
                stripped = line.strip()
                if index + 1 < len(lines):
                    following = lines[index + 1].lstrip()
                elif number + 1 < len(blocks):
                    following = blocks[number + 1].text[:8].lstrip()
                else:
                    following = ""
                if stripped and following.startswith(_OPENING_MARKS) and len(stripped) <= _MAX_SIGNATURE_CHARS \
                        and len(stripped.split()) <= _MAX_SIGNATURE_WORDS + 3 \
                        and any(p.fullmatch(stripped) for p in self.captions):
                    start = offset + len(line) - len(line.lstrip())
                    yield number, start, start + len(stripped)
                offset += len(line) + 1

    def _signed_quotations(self, analysis):
        """Lines that sign the quotation ending the line before them (same or previous block).

        Markdown soft breaks and HTML <br> become spaces in a block's prose: the source tells
        whether the signature starts a line of its own."""
        source = analysis.document.source
        previous = ""
        for number, block in enumerate(analysis.blocks):
            text = block.text
            openings = [m.start() for m in _OPENING.finditer(text)]
            for mark in _CLOSING_MARK.finditer(text):
                start = _SPACES.match(text, mark.end()).end()
                following = bisect.bisect_left(openings, start)
                end = openings[following] if following < len(openings) else len(text)
                line_end = text.find("\n", start, end)  # a signature is one line
                if line_end >= 0:
                    end = line_end
                if end - start > _MAX_SIGNATURE_CHARS:
                    continue
                stripped = text[start:end].rstrip()
                if stripped and self._is_signature(stripped):
                    between = source[block.block.source_span(mark.start(), start).start:
                                     block.block.source_span(start, start + 1).start]
                    if "\n" in between or "<br" in between.lower():
                        yield number, start, start + len(stripped)
            if previous.endswith(_CLOSING_MARKS):
                start = _SPACES.match(text).end()
                line_end = text.find("\n", start, start + _MAX_SIGNATURE_CHARS + 1)
                if line_end < 0:
                    line_end = len(text)
                line = text[start:line_end].rstrip()
                if line and line_end - start <= _MAX_SIGNATURE_CHARS and self._is_signature(line):
                    yield number, start, start + len(line)
            previous = text[-4:].rstrip() if text.strip() else previous

    def _is_signature(self, line: str) -> bool:
        return len(line.split()) <= _MAX_SIGNATURE_WORDS and any(p.fullmatch(line) for p in self.signatures)


_CLOSING_MARK = re.compile(r"[»”\"](?=\s*\S)")
_OPENING = re.compile(r"[«“\"]")
_SPACES = re.compile(r"\s*")


def _line_patterns(rule, spec, ctx, field: str) -> list[re.Pattern]:
    return [compile_rule_regex(rule, pattern, ctx, f"match.{field}")[0]
            for pattern in string_list(rule, spec.get(field, []), f"match.{field}")]
