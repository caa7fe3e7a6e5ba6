"""Word familiarity from the `wordfreq` package (offline data), on the Zipf scale.

Zipf 6 ≈ a word per thousand ("vous", "the"); 3 ≈ one per million; below 2.5 a
word is rare in everyday French or English. Loaded lazily, once per language.
"""
from __future__ import annotations

import math
import threading
from functools import lru_cache

_dicts: dict[str, dict] = {}
_lock = threading.Lock()


def _frequencies(lang: str) -> dict:
    if lang not in _dicts:
        with _lock:
            if lang not in _dicts:
                import wordfreq

                _dicts[lang] = wordfreq.get_frequency_dict(lang, wordlist="large")
    return _dicts[lang]


@lru_cache(maxsize=200_000)
def zipf(lang: str, word: str) -> float:
    """Zipf frequency of a word form (0 when unknown)."""
    frequency = _frequencies(lang).get(word.lower().replace("\u2019", "'"), 0.0)
    return math.log10(frequency) + 9 if frequency > 0 else 0.0
