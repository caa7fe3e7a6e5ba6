"""Readability: language-correct formulas, per paragraph and per document, offline."""
from __future__ import annotations

import socket

import pytest

from tonelint import Config, Engine
from tonelint.readability import readability

EASY_FR = "Le chat dort. Il fait beau. Je bois un café. Tu lis un livre. On rit bien."
HARD_FR = ("L'opérationnalisation institutionnelle des recommandations gouvernementales nécessite "
           "préalablement l'identification systématique des problématiques organisationnelles prioritaires.")
EASY_EN = "The cat sleeps. It is sunny. I drink tea. You read a book. We laugh a lot."
HARD_EN = ("The operationalization of institutional recommendations necessitates the systematic "
           "identification of prioritized organizational problematics.")


@pytest.fixture
def no_network(monkeypatch):
    """Every socket connection fails, as on a machine with no network."""
    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_french_uses_kandel_moles_and_english_flesch(no_network):
    fr = readability("fr", [EASY_FR])
    en = readability("en", [EASY_EN])
    assert fr["formula"] == "kandel-moles" and en["formula"] == "flesch"
    assert "grade" in en and "grade" not in fr
    # Same text, different constants: Kandel-Moles is 207 - 1.015 ASL - 73.6 ASW.
    assert readability("fr", [HARD_FR])["score"] < 20 < fr["score"]
    assert readability("en", [HARD_EN])["score"] < 20 < en["score"]


def test_document_and_paragraph_figures_in_profile(no_network):
    text = EASY_FR + " Nous aimons le soleil et la mer.\n\n" + HARD_FR + " " + HARD_FR + "\n\nCourt."
    result = Engine(Config(lang="fr")).lint(text, "text")
    metrics = result.profile["metrics"]
    assert metrics["words"] == result.words and metrics["sentences"] >= 8
    paragraphs = metrics["paragraphs"]
    assert [p["line"] for p in paragraphs] == [1, 3, 5]
    assert paragraphs[0]["score"] > paragraphs[1]["score"]
    assert "score" not in paragraphs[2]  # too short to score


def test_long_sentence_and_paragraph_thresholds_come_from_config(no_network):
    from tonelint.config import config_from_dict

    sentence = "Je vous explique en détail comment préparer votre déclaration de revenus sans stress cette année."
    strict = config_from_dict({"lang": "fr", "select": ["fr.register.phrases-longues"],
                               "rules": {"fr.register.phrases-longues": {"max": 10}}})
    (d,) = Engine(strict).lint(sentence, "text").diagnostics
    assert "15 mots" in d.message and "10 mots" in d.message
    assert Engine(Config(lang="fr", select=("fr.register.phrases-longues",))).lint(sentence).diagnostics == []



def _forget_loaded_tables():
    from tonelint import readability as module

    module._language.cache_clear()
    module._english_table.cache_clear()


TEXTSTAT = ("textstat-fr-", "TEXTSTAT_TABLE_FORMAT", {"constants": (0.0, 0.0, 0.0), "hyphenator": None},
            lambda module: module._language("fr"), lambda table: table["constants"])
SYLLABLES = ("cmudict-syllables-", "SYLLABLE_TABLE_FORMAT", {"the": 9},
             lambda module: module._english_table(), lambda table: table)


@pytest.mark.parametrize("prefix, format_name, misread, load, essence", [TEXTSTAT, SYLLABLES], ids=["textstat", "syllables"])
@pytest.mark.parametrize("delta", [-1, 1], ids=["older", "newer"])
def test_a_cached_readability_table_in_another_format_is_rebuilt(tmp_path, monkeypatch, delta, prefix, format_name,
                                                                 misread, load, essence):
    from tonelint import datacache, readability as module

    current = getattr(module, format_name)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _forget_loaded_tables()
    try:
        expected = essence(load(module))
        (path,) = (tmp_path / "tonelint").glob(f"{prefix}*.pickle")
        # The same file written by another tonelint, whose layout this one would misread.
        datacache.load_or_build(path.stem, lambda: misread, version=current + delta)
        _forget_loaded_tables()
        assert essence(load(module)) == expected
        stored = datacache.load_or_build(path.stem, lambda: pytest.fail("not replaced"), version=current)
        assert essence(stored) == expected
    finally:
        _forget_loaded_tables()  # later tests load from the usual cache again


def test_french_syllables_from_the_table_are_pyphens_counts():
    from tonelint.readability import _hyphenation_table, _hyphenator, syllables

    table = _hyphenation_table("fr")
    assert len(table) > 10_000 and "maison" in table
    hyphenator = _hyphenator("fr")
    # The table holds pyphen's own counts; a word outside it is hyphenated as before.
    for word in ("maison", "entreprise", "comptabilité", "rétroaction", "anticonstitutionnellement"):
        assert syllables("fr", word) == len(hyphenator.positions(word)) + 1
    assert "anticonstitutionnellement" not in table
