"""Readability figures with the formula of each language (textstat, offline).

French uses Kandel & Moles' adaptation of Flesch reading ease (textstat's
"fr" constants), English the original Flesch reading ease and Flesch-Kincaid
grade. Higher reading ease = easier; 60-70 is plain language in both.
"""
from __future__ import annotations

import threading
from functools import lru_cache

from .sentences import split_sentences
from .tokens import tokenize

_LOCK = threading.Lock()


@lru_cache(maxsize=None)
def _textstat(lang: str):
    from textstat.textstat import textstatistics

    stats = textstatistics()
    stats.set_lang(lang)
    return stats


def readability(lang: str, paragraphs: list[str]) -> dict:
    text = "\n\n".join(p.strip() for p in paragraphs if p.strip())
    words = sum(1 for t in tokenize(text) if not t.text.isdigit())
    sentences = sum(len(split_sentences(p)) for p in paragraphs)
    figures = {
        "formula": "kandel-moles" if lang == "fr" else "flesch",
        "score": 0.0,
        "words": words,
        "sentences": sentences,
        "words_per_sentence": round(words / sentences, 1) if sentences else 0.0,
    }
    if words == 0:
        return figures
    with _LOCK:  # textstat keeps per-instance caches; keep calls serial
        stats = _textstat(lang)
        figures["score"] = round(float(stats.flesch_reading_ease(text)), 1)
        if lang == "en":
            figures["grade"] = round(float(stats.flesch_kincaid_grade(text)), 1)
    return figures
