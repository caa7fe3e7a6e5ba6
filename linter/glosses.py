"""Does the writer explain a term right where it is used?

"le SEO (référencement naturel)", "les incoterms, ou termes du commerce
international", "a CRM, that is software that...": a term explained in place
is not jargon. Shared by the substitution, acronym and rare-term kinds.
"""
from __future__ import annotations

import re

_GLOSS_WORDS = (
    r"c'est-à-dire|c'est à dire|soit|autrement dit|ou encore|aussi appelée?s?|qui signifie|qui veut dire|"
    r"that is|i\.e\.|which means|which stands for|meaning|also called|short for|or in plain terms"
)
_AFTER = re.compile(rf"\s*(?:\(|[,:]?\s*(?:{_GLOSS_WORDS})\b|\s*[—–]\s|,\s*(?:ou|or)\s+\w)", re.IGNORECASE)


def explained_after(text: str, end: int) -> bool:
    """A gloss starts right after the term: a parenthesis, a dash, "c'est-à-dire", ", ou ..."."""
    return _AFTER.match(text, end) is not None


def is_gloss_itself(text: str, start: int, end: int) -> bool:
    """The term stands in parentheses after what it names: "référencement naturel (SEO)"."""
    return text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")")
