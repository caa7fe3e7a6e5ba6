"""Character-for-character normalisation of prose before matching.

Every replacement maps one code point to one code point, so offsets into the
normalised text are offsets into the extracted prose: no map needs rebuilding.
"""
from __future__ import annotations

_DOUBLE_QUOTES = {
    "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2039": '"', "\u203a": '"',
}
_OTHER_CHARACTERS = {
    # apostrophes and single quotes
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    # non-breaking and thin spaces (French typography puts them before : ; ! ?)
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u200a": " ",
    # hyphens and dashes that join words
    "\u2010": "-", "\u2011": "-",
}
_TABLE = str.maketrans({**_DOUBLE_QUOTES, **_OTHER_CHARACTERS})
_TABLE_KEEPING_QUOTES = str.maketrans(_OTHER_CHARACTERS)


def normalize(text: str) -> str:
    return text.translate(_TABLE)


def normalize_keeping_quotes(text: str) -> str | None:
    """`normalize` but for the guillemets and curly double quotes, which say which mark opens and which
    closes where straight quotes cannot (a stray « or a quotation inside another would otherwise pair
    every later mark of the paragraph the wrong way). For reading quotations (mention.py).

    None when there are none, or when they cannot be trusted to say it and `normalize`'s pairing one
    after another is the better reading: straight double quotes mixed in (« le mot «exceptionnel" »),
    curly ones that do not come in pairs (”world-class”, “exceptionnel“), or the rarer „ ‹ ›."""
    if not any(mark in text for mark in "«»“”") or '"' in text or any(mark in text for mark in "„‹›") \
            or text.count("“") != text.count("”"):
        return None
    return text.translate(_TABLE_KEEPING_QUOTES)
