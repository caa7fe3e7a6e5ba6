"""One key for the forms of one term, shared by the verdict (the same words found again are
one piece of evidence) and the mention model (words mentioned once are mentioned wherever
the same rule finds them again)."""
from __future__ import annotations

import re
import unicodedata

# A finding may include the determiner its suggestion changes (« le bornage » → « la délimitation »):
# « le bornage », « du bornage » and « bornage » are one term.
_LEADING_DETERMINER = re.compile(r"^(?:(?:le|la|les|du|des|un|une|de la|the|a|an)\s+|de\s+l['’]|l['’]|d['’])")


def as_compared(text: str) -> str:
    """A finding's match (the source's own text) as it is compared with other words: lower case,
    and composed (the source may spell « é » as « e » + U+0301)."""
    return unicodedata.normalize("NFC", text).lower()


def same_term(match: str) -> str:
    """One key for the forms of one term: case, spacing, a determiner and a plural -s/-x do not
    make another piece of evidence (« focale » and « les focales », "85mm" and "85 mm"), and
    neither do the words of one family (« passion » and « passionnés », "expert" and "expertise"):
    one word is keyed by its first six letters."""
    words = _LEADING_DETERMINER.sub("", as_compared(match)).split()
    if len(words) == 1 and len(words[0]) >= 6 and words[0].isalpha():
        return words[0][:6]
    return "".join(w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in words)
