"""Categories are data: pack.yaml declares them; the loader, the profile, /v1/rules and the OpenAPI
document follow the declarations (a new category needs no Python and no JavaScript)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tonelint import Config, Engine
from tonelint.rulepack import RuleError, builtin_rules_dir, load_rules
from tonelint.rulepack.categories import declared_categories
from tonelint.server import create_app
from tonelint.server.openapi import openapi_document
from tonelint.server.settings import ServerSettings
from tonelint.verdict import read_pack_settings

from .rule_samples import contract_phrase_rule

LEGALESE = """categories:
  jargon-juridique:
    title: {en: Legalese, fr: Jargon juridique}
    description: Des tournures de contrat qu'un client ne lit pas.
    colour: "#123456"
    scale: [SCALE]
"""

RULE = contract_phrase_rule()


def _user_pack(root: Path, pack: str | None, scale: str = "none, some, strong") -> Path:
    folder = root / "fr" / "jargon-juridique"
    folder.mkdir(parents=True)
    (folder / "attendu-que.yaml").write_text(RULE, encoding="utf-8")
    if pack is not None:
        (root / "fr" / "pack.yaml").write_text(pack.replace("SCALE", scale), encoding="utf-8")
    return root


def test_a_category_declared_in_a_user_pack_takes_rules_and_a_profile_score(tmp_path):
    engine = Engine(Config(lang="fr", rule_dirs=(_user_pack(tmp_path, LEGALESE),)))
    result = engine.lint("Attendu que le toit fuit, je passe demain.")
    assert [(d.rule, d.category) for d in result.diagnostics
            if d.category == "jargon-juridique"] == [("fr.jargon-juridique.attendu-que", "jargon-juridique")]
    assert result.profile["jargon-juridique"]["level"] == "strong"  # a warning, no verdict model
    assert result.dimensions[-1] == "jargon-juridique"  # after the built-in ones, in declaration order
    quiet = engine.lint("Le toit fuit, je passe demain.")
    assert quiet.profile["jargon-juridique"]["level"] == "none"  # a dimension is scored in every profile


def test_a_two_word_scale_is_a_quality_present_or_missing(tmp_path):
    engine = Engine(Config(lang="fr", rule_dirs=(_user_pack(tmp_path, LEGALESE, "sobre, lourd"),)))
    assert engine.lint("Attendu que le toit fuit.").profile["jargon-juridique"]["level"] == "lourd"
    assert engine.lint("Le toit fuit.").profile["jargon-juridique"]["level"] == "sobre"


def test_a_rule_folder_no_pack_declares_is_an_error_that_says_where_to_declare_it(tmp_path):
    _user_pack(tmp_path, None)
    with pytest.raises(RuleError) as error:
        load_rules("fr", [tmp_path])
    assert error.value.field == "path" and error.value.path.endswith("attendu-que.yaml")
    assert "unknown category folder 'jargon-juridique'" in str(error.value)
    assert "under 'categories' in fr/pack.yaml" in str(error.value)


def test_a_category_without_rules_of_its_own_is_not_a_rule_folder(tmp_path):
    """grammar's findings come from the grammar backend: a rule folder of that name is refused."""
    folder = tmp_path / "fr" / "grammar"
    folder.mkdir(parents=True)
    (folder / "attendu-que.yaml").write_text(RULE, encoding="utf-8")
    with pytest.raises(RuleError, match="unknown category folder 'grammar'"):
        load_rules("fr", [tmp_path])


GOOD = {"title": "{en: Legalese, fr: Jargon juridique}", "description": "Des tournures.", "colour": '"#123456"',
        "scale": "[none, some, strong]"}


def test_a_good_category_declaration_reads(tmp_path):
    (tmp_path / "fr").mkdir()
    body = "".join(f"    {key}: {value}\n" for key, value in GOOD.items())
    (tmp_path / "fr" / "pack.yaml").write_text(f"categories:\n  jargon-juridique:\n{body}", encoding="utf-8")
    assert declared_categories("fr", [tmp_path])["jargon-juridique"].colour == "#123456"


@pytest.mark.parametrize("change, field", [
    ({"colour": "red"}, "categories.jargon-juridique.colour"),
    ({"title": "{en: Legalese}"}, "categories.jargon-juridique.title"),
    ({"scale": "[a, b, c, d]"}, "categories.jargon-juridique.scale"),
    ({"scale": "[none, none]"}, "categories.jargon-juridique.scale"),
    ({"description": None}, "categories.jargon-juridique.description"),
    ({"color": '"#123456"'}, "categories.jargon-juridique.color"),
    ({"dimension": "sometimes"}, "categories.jargon-juridique.dimension"),
])
def test_a_bad_category_declaration_names_the_file_and_field(tmp_path, change, field):
    spec = {**GOOD, **change}
    body = "".join(f"    {key}: {value}\n" for key, value in spec.items() if value is not None)
    (tmp_path / "fr").mkdir()
    pack = tmp_path / "fr" / "pack.yaml"
    pack.write_text(f"categories:\n  jargon-juridique:\n{body}", encoding="utf-8")
    with pytest.raises(RuleError) as error:
        declared_categories("fr", [tmp_path])
    assert error.value.field == field and error.value.path == str(pack)
    if "color" in change:
        assert "did you mean 'colour'?" in str(error.value)


@pytest.mark.parametrize("pack, field", [
    ("verdict:\n  press-releas: {threshold: 2}\n", "verdict.press-releas"),
    ("verdict:\n  grammar: {threshold: 2}\n", "verdict.grammar"),  # not a tone dimension
    ("mention:\n  cues: []\n  quotes_still_count: [jargon]\n", "mention.quotes_still_count"),
    ("mention:\n  cues: []\n  topics:\n    communique: {cue: x, min: 2}\n", "mention.topics.communique"),
])
def test_pack_settings_must_name_declared_categories(tmp_path, pack, field):
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "pack.yaml").write_text(pack, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        read_pack_settings("fr", [builtin_rules_dir(), tmp_path])
    assert error.value.field == field and "unknown category" in str(error.value)


def test_rules_endpoint_serves_effective_severity_state_and_categories_built_once(tmp_path, monkeypatch):
    from tonelint import catalogue

    reads = []
    real_load = catalogue.load_rules
    monkeypatch.setattr(catalogue, "load_rules", lambda *args: reads.append(args[0]) or real_load(*args))
    config = Config(rule_dirs=(_user_pack(tmp_path, LEGALESE),), ignore=("fr.register.voix-passive",),
                    severity=(("fr.press-release", "error"), ("fr.dialogue.aucune-invitation", "off")))
    client = create_app(ServerSettings(config=config, rate_limit_per_minute=0)).test_client()
    body = client.get("/v1/rules?lang=fr").get_json()
    rules = {r["id"]: r for r in body["rules"]}
    fier = rules["fr.press-release.fier-d-annoncer"]
    assert (fier["severity"], fier["default_severity"], fier["enabled"]) == ("error", "warning", True)
    assert rules["fr.register.voix-passive"]["enabled"] is False
    assert rules["fr.dialogue.aucune-invitation"]["enabled"] is False
    assert rules["fr.jargon-juridique.attendu-que"]["enabled"] is True
    categories = {c["id"]: c for c in body["categories"]}
    assert categories["jargon-juridique"] == {"id": "jargon-juridique", "lang": "fr", "dimension": True,
                                              "title": {"en": "Legalese", "fr": "Jargon juridique"},
                                              "description": "Des tournures de contrat qu'un client ne lit pas.",
                                              "colour": "#123456", "scale": ["none", "some", "strong"]}
    assert categories["grammar"]["dimension"] is False
    client.get("/v1/rules?lang=fr")
    client.get("/v1/rules")
    assert sorted(reads) == ["en", "fr"]  # the rule files are read once per language, not per call


def test_openapi_profile_follows_the_categories(tmp_path):
    builtin = openapi_document()["components"]["schemas"]
    assert builtin["Profile"]["required"] == ["press-release", "self-promotion", "peer-jargon", "dialogue",
                                              "register", "metrics"]
    assert set(builtin["DimensionScore"]["properties"]["level"]["enum"]) == {"none", "some", "strong", "present",
                                                                            "missing"}
    config = Config(rule_dirs=(_user_pack(tmp_path, LEGALESE, "sobre, lourd"),))
    client = create_app(ServerSettings(config=config, rate_limit_per_minute=0)).test_client()
    served = client.get("/v1/openapi.json").get_json()["components"]["schemas"]
    # French only: not every profile has it, so it is not required; its words are levels.
    assert "jargon-juridique" not in served["Profile"]["required"]
    assert {"sobre", "lourd"} <= set(served["DimensionScore"]["properties"]["level"]["enum"])
