"""French-or-English detection from function words: fast, deterministic, offline."""
from __future__ import annotations

import re

from .wordfreqs import normalise, words_at_least

_FR = frozenset("""le la les un une des du de et est sont dans pour que qui pas sur avec nous vous
ce cette ces au aux il elle ils elles ne se être avoir mais ou où leur leurs notre votre nos vos
son sa ses mon ma mes je tu on y en très plus aussi comme fait peut sans chez entre après""".split())
_EN = frozenset("""the and is are of to in for that with you we our this it not be on as was by
an at from or have has your they their will can but if what which about more also how when
would there been were than its into who them these those my me he she his her""".split())
_WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœæ]+")
_ANY_WORD = re.compile(r"[^\W\d_]+")
# Measured on every labelled French and English text of the evaluation sets (over 1,000, the
# jargon-dense ones included): at least 82% of their words reach Zipf 2.5 in their language;
# German, Spanish, Italian, Portuguese, Dutch and Catalan prose reach 40-53% in French or English.
# 65% sits between, with room both sides.
_COMMON_ZIPF = 2.5
_MIN_COMMON_SHARE = 0.65
_MIN_WORDS_TO_JUDGE = 20


def detect_language(text: str, fallback: str = "fr", sample_chars: int = 20000) -> str:
    """Return 'fr' or 'en'; `fallback` when the text says too little to tell."""
    fr, en = _function_words(text, sample_chars)
    if fr + en < 3 or fr == en:
        return fallback
    return "fr" if fr > en else "en"


def clearly_other_language(text: str, lang: str, sample_chars: int = 20000) -> str | None:
    """The other language when the text is plainly written in it (at least 12 function words,
    four times as many as of `lang`'s): a writer who forced the wrong `--lang` should know."""
    fr, en = _function_words(text, sample_chars)
    ours, theirs = (fr, en) if lang == "fr" else (en, fr)
    if theirs >= 12 and theirs >= 4 * ours:
        return "en" if lang == "fr" else "fr"
    return None


def common_word_share(text: str, lang: str, sample_chars: int = 20000) -> tuple[float, int]:
    """The share of the sample's words that are common in `lang` (Zipf ≥ 2.5), and the word count.
    Elided forms are split ("l'entreprise" → "l", "entreprise")."""
    words = _ANY_WORD.findall(normalise(text[:sample_chars]))
    if not words:
        return 1.0, 0
    common = words_at_least(lang, _COMMON_ZIPF)
    return sum(word in common for word in words) / len(words), len(words)


def reads_as_neither(text: str, lang: str) -> float | None:
    """When the text is plainly in neither French nor English, the share of its words that are
    common in `lang` (the language it was detected as); None otherwise, or when it is too short to tell."""
    share, words = common_word_share(text, lang)
    if words < _MIN_WORDS_TO_JUDGE or share >= _MIN_COMMON_SHARE:
        return None
    other = "en" if lang == "fr" else "fr"
    if common_word_share(text, other)[0] >= _MIN_COMMON_SHARE:
        return None
    return share


def _function_words(text: str, sample_chars: int) -> tuple[int, int]:
    fr = en = 0
    for word in _WORD.findall(text[:sample_chars].lower()):
        if word in _FR:
            fr += 1
        if word in _EN:
            en += 1
    return fr, en
