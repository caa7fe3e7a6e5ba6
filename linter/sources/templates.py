"""Template syntax of static-site generators is never prose.

Hugo shortcodes ({{< >}}, {{% %}}), Liquid and Jinja tags ({% %}, {{ }}, {# #}),
code inside raw/highlight blocks, and MDX's import/export lines and {expressions}
are blanked (same length, line breaks kept) before the Markdown or HTML is parsed,
so offsets into the original file stay exact.
"""
from __future__ import annotations

import re

_CODE_BLOCKS = re.compile(
    r"\{%-?\s*(raw|highlight|comment)\b.*?%\}.*?\{%-?\s*end\1\s*-?%\}"
    r"|\{\{[<%]\s*(highlight|code)\b.*?[>%]\}\}.*?\{\{[<%]\s*/\2\s*[>%]\}\}",
    re.S,
)
_TAGS = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.S)
_MDX_ESM = re.compile(r"^(?:import|export)\b.*?(?=\n[ \t]*\n|\Z)", re.S | re.M)
_MDX_EXPRESSION = re.compile(r"\{[^{}\n]*\}")


_MASK = "\u00a0"  # a no-break space: not indentation for Markdown, so text after a tag stays prose
_MASKED_LINE = re.compile(r"^[ \t\u00a0]*\u00a0[ \t\u00a0]*$", re.M)


def mask_templates(source: str, mdx: bool = False) -> str:
    if "{" not in source and not mdx:
        return source
    patterns = [_CODE_BLOCKS, _TAGS] + ([_MDX_ESM, _MDX_EXPRESSION] if mdx else [])
    for pattern in patterns:
        source = pattern.sub(lambda m: re.sub(r"[^\r\n]", _MASK, m.group(0)), source)
    # A line that was only template syntax becomes a blank line, as the page renders it.
    return _MASKED_LINE.sub(lambda m: m.group(0).replace(_MASK, " "), source)
