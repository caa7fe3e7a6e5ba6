"""Character-for-character normalisation of prose before matching.

Every replacement maps one code point to one code point, so offsets into the
normalised text are offsets into the extracted prose: no map needs rebuilding.
"""
from __future__ import annotations

_TABLE = str.maketrans({
    # apostrophes and single quotes
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    # double quotes and guillemets
    "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2039": '"', "\u203a": '"',
    # non-breaking and thin spaces (French typography puts them before : ; ! ?)
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u200a": " ",
    # hyphens and dashes that join words
    "\u2010": "-", "\u2011": "-",
})


def normalize(text: str) -> str:
    return text.translate(_TABLE)
