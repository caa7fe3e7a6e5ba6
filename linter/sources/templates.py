"""Template syntax of static-site generators is never prose.

Hugo shortcodes ({{< >}}, {{% %}}), Liquid and Jinja tags ({% %}, {{ }}, {# #}),
code inside raw/highlight blocks, and MDX's import/export lines and {expressions}
are blanked (same length, line breaks kept) before the Markdown or HTML is parsed,
so offsets into the original file stay exact.

Tags are found by scanning for their openings and then for the nearest closing,
each search for a closing remembered (`NextMatch`): a draft full of openings that
never close ("{{" × 40,000) is read a few times over, not once per opening.
"""
from __future__ import annotations

import re

from .scan import NextMatch

# {% raw %} ... {% endraw %}, {{< highlight go >}} ... {{< /highlight >}}: all code.
_CODE_BLOCK_OPENING = re.compile(r"\{%-?\s*(raw|highlight|comment)\b|\{\{[<%]\s*(highlight|code)\b")
_TAG_OPENING = re.compile(r"\{[{%#]")
# The end of a tag, by how the tag opens.
_SHORTCODE_END = re.compile(r"[>%]\}\}")  # {{< ... >}}, {{% ... %}}
_LIQUID_END = re.compile(r"%\}")  # {% ... %}
_EXPRESSION_END = re.compile(r"\}\}")  # {{ ... }}
_COMMENT_END = re.compile(r"#\}")  # {# ... #}
_MDX_ESM = re.compile(r"^(?:import|export)\b.*?(?=\n[ \t]*\n|\Z)", re.S | re.M)
_MDX_EXPRESSION = re.compile(r"\{[^{}\n]*\}")


_MASK = "\u00a0"  # a no-break space: not indentation for Markdown, so text after a tag stays prose
# A line of blanks holding at least one mask; possessive, so a long masked line is read once.
_MASKED_LINE = re.compile(r"^(?=[ \t]*+\u00a0)[ \t\u00a0]*+$", re.M)


def mask_templates(source: str, mdx: bool = False) -> str:
    if "{" not in source and not mdx:
        return source
    source = _mask(source, _code_block_spans(source))
    source = _mask(source, _tag_spans(source))
    if mdx:
        for pattern in (_MDX_ESM, _MDX_EXPRESSION):
            source = _mask(source, (match.span() for match in pattern.finditer(source)))
    # A line that was only template syntax becomes a blank line, as the page renders it.
    return _MASKED_LINE.sub(lambda m: m.group(0).replace(_MASK, " "), source)


def _code_block_spans(source: str):
    """{% raw %}...{% endraw %} and shortcode code blocks: from the opening to the nearest
    closing after the opening tag's end; an opening never closed is not a block."""
    opening_ends = {True: NextMatch(_LIQUID_END, source), False: NextMatch(_SHORTCODE_END, source)}
    closings: dict[tuple[bool, str], NextMatch] = {}
    position = 0
    while opening := _CODE_BLOCK_OPENING.search(source, position):
        liquid = opening.group(1) is not None
        keyword = opening.group(1) or opening.group(2)
        closing = None
        opening_end = opening_ends[liquid].at_or_after(opening.end())
        if opening_end is not None:
            if (liquid, keyword) not in closings:
                pattern = rf"\{{%-?\s*end{keyword}\s*-?%\}}" if liquid else rf"\{{\{{[<%]\s*/{keyword}\s*[>%]\}}\}}"
                closings[liquid, keyword] = NextMatch(re.compile(pattern), source)
            closing = closings[liquid, keyword].at_or_after(opening_end.end())
        if closing is None:
            position = opening.start() + 1
            continue
        yield opening.start(), closing.end()
        position = closing.end()


def _tag_spans(source: str):
    """Shortcodes, Liquid/Jinja tags, expressions and comments: from the opening to the
    nearest end of its kind. At one opening the kinds are tried in this order:
    {{< or {{% (shortcode), {% (tag), {{ (expression), {# (comment)."""
    shortcode_end, liquid_end = NextMatch(_SHORTCODE_END, source), NextMatch(_LIQUID_END, source)
    expression_end, comment_end = NextMatch(_EXPRESSION_END, source), NextMatch(_COMMENT_END, source)
    position = 0
    while opening := _TAG_OPENING.search(source, position):
        start, second = opening.start(), source[opening.start() + 1]
        end = None
        if second == "{" and source[start + 2:start + 3] in ("<", "%"):
            end = shortcode_end.at_or_after(start + 3)
        if end is None:
            end = {"%": liquid_end, "{": expression_end, "#": comment_end}[second].at_or_after(start + 2)
        if end is None:
            position = start + 1
            continue
        yield start, end.end()
        position = end.end()


def _mask(source: str, spans) -> str:
    """Every character of the spans but line breaks becomes the mask."""
    pieces, previous = [], 0
    for start, end in spans:
        pieces.append(source[previous:start])
        pieces.append(re.sub(r"[^\r\n]", _MASK, source[start:end]))
        previous = end
    if not pieces:
        return source
    pieces.append(source[previous:])
    return "".join(pieces)
