"""A pack's cue (a regular expression) recurring in a draft: the mention model asks it whether a
draft is about a kind of writing (press releases, jargon), the verdict whether a draft explains
its terms (`raised_by`)."""
from __future__ import annotations

import re
from collections.abc import Iterable

from .prefilter import Search, casefold_for_search

# How far before a cue its `not_after` words are looked for: room for the longest of them
# ("confirmed yesterday in a joint", « l'un de ses »), not the whole draft for every cue.
NOT_AFTER_REACH = 60


def recurs(cue: Search, texts: Iterable[str], minimum: int, not_after: re.Pattern | None = None) -> bool:
    """Whether `cue` occurs `minimum` times or more in `texts` (a match right after `not_after`
    does not count). Stops at `minimum`: a long draft is not scanned to its end. A text without
    the literals the cue's matches need is not searched (most paragraphs hold no cue)."""
    found = 0
    for text in texts:
        if not cue.may_match(text, casefold_for_search(text)):
            continue
        for match in cue.pattern.finditer(text):
            if not_after is not None and not_after.search(text, max(0, match.start() - NOT_AFTER_REACH), match.start()):
                continue
            found += 1
            if found >= minimum:
                return True
    return False
