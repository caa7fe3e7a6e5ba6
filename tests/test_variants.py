"""Who the readers are: a variant orders and filters suggestions and turns regional rules on."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tonelint import Config, Engine
from tonelint.cli import main
from tonelint.config import ConfigError, config_from_dict
from tonelint.rulepack import RuleError
from tonelint.rulepack.loader import load_rule
from tonelint.variants import choose, normalize_variant, parse_variant, split_regions, variant_from_locale

NEWSLETTER = "Abonnez-vous à nos newsletters et écoutez nos podcasts."


def _suggestions(result, word):
    return next(d.suggestions for d in result.diagnostics if d.match == word)


@pytest.mark.parametrize("value, expected", [
    ("fr_CA.UTF-8", "fr-CA"), ("fr-ca", "fr-CA"), ("en_GB", "en-GB"), ("fr", None), ("de_DE", None),
    ("C.UTF-8", None), (None, None), ("fr-QC", None),
])
def test_normalize_variant(value, expected):
    assert normalize_variant(value) == expected


def test_parse_variant_is_strict_and_names_the_known_ones():
    assert parse_variant("fr-CA", "x") == "fr-CA" and parse_variant("auto", "x") is None
    assert parse_variant("fr_ca", "x") == "fr-CA" and parse_variant("EN-gb", "x") == "en-GB"
    with pytest.raises(ValueError, match="fr-CA, fr-FR"):
        parse_variant("fr-QC", "--variant")


def test_locale_order():
    assert variant_from_locale({"LANG": "fr_CA.UTF-8"}) == "fr-CA"
    assert variant_from_locale({"LC_ALL": "en_GB.UTF-8", "LANG": "fr_CA.UTF-8"}) == "en-GB"
    assert variant_from_locale({"LANG": "C.UTF-8"}) is None


def test_regions_in_a_lexicon_alternative_and_the_choice():
    assert split_regions("lettre d'information [FR BE CH]") == ("lettre d'information", frozenset({"FR", "BE", "CH"}))
    assert split_regions("retour") == ("retour", frozenset())
    suggestions, regions = ["infolettre", "lettre", "retour"], [frozenset({"CA"}), frozenset({"FR"}), frozenset()]
    assert choose(suggestions, regions, None) == (suggestions, False)
    assert choose(suggestions, regions, "fr-CA") == (["infolettre", "retour"], True)
    assert choose(suggestions, regions, "fr-CH") == (["retour"], False)


def test_quebec_and_france_readers_get_their_own_words():
    engine = Engine(Config(lang="fr"))
    quebec = engine.lint(NEWSLETTER, variant="fr-CA")
    france = engine.lint(NEWSLETTER, variant="fr-FR")
    anyone = engine.lint(NEWSLETTER)
    assert _suggestions(quebec, "newsletters") == ["infolettres"]
    assert _suggestions(france, "newsletters") == ["lettres d'information"]
    assert _suggestions(anyone, "newsletters") == ["infolettres", "lettres d'information"]
    assert "(usage québécois)" in next(d.message for d in quebec.diagnostics if d.match == "newsletters")
    assert "usage" not in next(d.message for d in anyone.diagnostics if d.match == "newsletters")
    # « podcast » is the word in use in France: nothing to change for those readers
    assert "podcasts" in {d.match for d in quebec.diagnostics}
    assert "podcasts" not in {d.match for d in france.diagnostics}


def test_regional_rules_follow_the_readers():
    engine = Engine(Config(lang="fr"))
    text = "Passez nous voir ce week-end : le parking est gratuit."
    quebec = [d for d in engine.lint(text, variant="fr-CA").diagnostics if d.rule == "fr.register.usages-de-france"]
    assert [(d.match, d.suggestions[0]) for d in quebec] == [("ce week-end", "cette fin de semaine"),
                                                             ("parking", "stationnement")]
    for other in (None, "fr-FR", "fr-BE"):
        assert not [d for d in engine.lint(text, variant=other).diagnostics if d.rule == "fr.register.usages-de-france"]


def test_a_variant_of_another_language_says_nothing():
    engine = Engine(Config(lang="fr", variant="en-GB"))
    assert _suggestions(engine.lint(NEWSLETTER), "newsletters") == ["infolettres", "lettres d'information"]


def test_precedence_caller_config_front_matter_locale():
    page = "---\nlang: fr-FR\n---\n\n" + NEWSLETTER + "\n"
    plain = Engine(Config())
    assert _suggestions(plain.lint(page, "markdown", locale_variant="fr-CA"), "newsletters") == ["lettres d'information"]
    assert _suggestions(plain.lint(NEWSLETTER, "text", "fr", locale_variant="fr-CA"), "newsletters") == ["infolettres"]
    configured = Engine(Config(variant="fr-CA"))
    assert _suggestions(configured.lint(page, "markdown"), "newsletters") == ["infolettres"]
    assert _suggestions(configured.lint(page, "markdown", variant="fr-FR"), "newsletters") == ["lettres d'information"]


def test_configuration_key_and_errors():
    assert config_from_dict({"variant": "fr-CA"}).variant == "fr-CA"
    with pytest.raises(ConfigError, match="'variant'"):
        config_from_dict({"variant": "québec"})


def test_a_rule_with_an_unknown_variant_is_refused(tmp_path):
    path = tmp_path / "fr" / "register" / "x.yaml"  # <root>/<lang>/<category>/<slug>.yaml
    path.parent.mkdir(parents=True)
    path.write_text("title: X\nkind: existence\nseverity: suggestion\nvariants: [fr-QC]\nmessage: m\n"
                    "description: d\nmatch:\n  phrases: [abc]\nexamples:\n  incorrect: ['[[abc]]']\n  correct: ['x']\n",
                    encoding="utf-8")
    with pytest.raises(RuleError, match="variants"):
        load_rule(path, tmp_path)


def test_cli_option_and_locale(tmp_path, capsys, monkeypatch):
    draft = tmp_path / "post.txt"
    draft.write_text(NEWSLETTER + "\n", encoding="utf-8")
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert main(["check", "--lang", "fr", "--format", "json", str(draft)]) in (0, 1)
    found = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    assert next(d["suggestions"] for d in found if d["match"] == "newsletters") == ["infolettres"]
    assert main(["check", "--lang", "fr", "--variant", "fr-FR", "--format", "json", str(draft)]) in (0, 1)
    found = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    assert next(d["suggestions"] for d in found if d["match"] == "newsletters") == ["lettres d'information"]
    assert main(["check", "--variant", "fr-QC", str(draft)]) == 2
    assert "unknown variant 'fr-QC'" in capsys.readouterr().err


def test_api_variant(tmp_path):
    from tonelint.server import create_app
    from tonelint.server.settings import ServerSettings

    client = create_app(ServerSettings(config=Config(), rate_limit_per_minute=0)).test_client()

    def post(body):
        return client.post("/v1/lint", data=json.dumps(body), content_type="application/json")

    answer = post({"text": NEWSLETTER, "lang": "fr", "variant": "fr-FR"}).get_json()
    assert next(d["suggestions"] for d in answer["diagnostics"] if d["match"] == "newsletters") == ["lettres d'information"]
    refused = post({"text": NEWSLETTER, "variant": "fr-QC"})
    assert refused.status_code == 422 and "variant" in refused.get_json()["error"]["message"]
