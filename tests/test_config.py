"""Configuration: never ignored in silence, errors that name the user's file and key (issue 12)."""
from __future__ import annotations

import json

import pytest

from tonelint import Config, Engine
from tonelint.cli import main
from tonelint.config import ConfigError, config_from_dict
from tonelint.configcheck import check_config
from tonelint.rulepack import builtin_rules_dir

PROMO = "Nous sommes fiers d'annoncer notre solution clé en main.\n"

USER_RULE = """title: Maison
kind: existence
severity: warning
message: "« {match} »"
description: Une formule maison.
match:
  phrases: ["aux petits oignons"]
examples:
  incorrect: ["Un service [[aux petits oignons]]."]
  correct: ["Des oignons."]
"""


def lint_with_config(tmp_path, capsys, toml: str, text: str = PROMO):
    (tmp_path / ".tonelint.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "post.txt").write_text(text, encoding="utf-8")
    code = main(["check", "--format", "json", str(tmp_path / "post.txt")])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("toml, key, hint", [
    ('[rules."fr.self-promotion.nous-plus-que-vous"]\nbogus = 3\n', "unknown option 'bogus'", "reads: max_ratio, min_self"),
    ('[rules."fr.self-promotion.nous-plus-que-vous"]\nmin_selff = 5\n', "unknown option 'min_selff'", "did you mean 'min_self'?"),
    ('[rules."fr.register.phrases-longues"]\nmaxx = 25\n', "unknown option 'maxx'", "did you mean 'max'?"),
    ('[rules."fr.self-promotion.nous-plus-que-vous"]\nmin_self = "five"\n', "'min_self': must be a number", "nous-plus-que-vous"),
    ('[rules."fr.register.phrases-longue"]\nmax = 25\n', "no rule has this id", "did you mean 'fr.register.phrases-longues'?"),
    ('rule-dirs = ["styles"]\n', "'rule-dirs'", "is not a directory"),
    ('select = ["fr.press-releas"]\n', "'select'", "did you mean 'fr.press-release'?"),
    ('[severity]\n"fr.registre" = "off"\n', "'severity'", "did you mean 'fr.register'?"),
    ('slef-names = ["Acme"]\n', "unknown key 'slef-names'", "did you mean 'self-names'?"),
])
def test_a_configuration_mistake_names_the_users_file_and_key(tmp_path, capsys, toml, key, hint):
    code, out, err = lint_with_config(tmp_path, capsys, toml)
    assert code == 2
    message = out + err
    assert str(tmp_path / ".tonelint.toml") in message
    assert key in message and hint in message
    assert str(builtin_rules_dir()) not in message, "never blame a built-in rule file"
    assert "Traceback" not in message


def test_a_rule_in_an_unknown_category_folder_is_an_error_with_did_you_mean(tmp_path, capsys):
    folder = tmp_path / "style" / "fr" / "press-releases"
    folder.mkdir(parents=True)
    (folder / "maison.yaml").write_text(USER_RULE, encoding="utf-8")
    code, out, err = lint_with_config(tmp_path, capsys, 'rule-dirs = ["style"]\n')
    assert code == 2
    message = out + err
    assert str(tmp_path / ".tonelint.toml") in message and "'rule-dirs'" in message
    assert str(folder / "maison.yaml") in message
    assert "unknown category folder 'press-releases' (did you mean 'press-release'?" in message


def test_a_rule_directory_without_language_folders_is_an_error(tmp_path):
    (tmp_path / "style" / "press-release").mkdir(parents=True)  # one level short of style/fr/press-release
    config = config_from_dict({"rule-dirs": ["style"]}, tmp_path / ".tonelint.toml")
    with pytest.raises(ConfigError, match="has no fr/ or en/ folder"):
        check_config(config)


def test_valid_options_and_user_rules_pass_the_check(tmp_path):
    folder = tmp_path / "style" / "fr" / "self-promotion"
    folder.mkdir(parents=True)
    (folder / "maison.yaml").write_text(USER_RULE, encoding="utf-8")
    check_config(config_from_dict({
        "rule-dirs": ["style"],
        "select": ["fr", "self-promotion.maison"],
        "severity": {"fr.self-promotion.maison": "error", "fr.grammar.lt.WHITESPACE_RULE": "off"},
        "rules": {"fr.self-promotion.nous-plus-que-vous": {"min_self": 5, "max_ratio": 3},
                  "fr.register.phrases-longues": {"max": 25},
                  "fr.self-promotion.maison": {"phrases": ["aux petits oignons", "cousu main"]}},
    }, tmp_path / ".tonelint.toml"))


@pytest.mark.parametrize("name", ["Acme inc.", "Dupont & Fils", "L'Atelier (Montréal)", "Studio {Nord|Sud}"])
def test_self_names_are_literals_whatever_their_punctuation(tmp_path, capsys, name):
    code, out, err = lint_with_config(tmp_path, capsys, f"self-names = [{json.dumps(name)}]\n")
    assert code != 2, out + err
    assert "error" not in json.loads(out)["files"][0]


def test_a_self_name_with_punctuation_counts_as_the_company_speaking():
    # Named once only, so the draft alone does not reveal the author (selfnames.py needs two).
    text = "Les toitures. Chez Dupont & Fils, un savoir-faire exceptionnel depuis 1950."
    rules = ("fr.self-promotion.eloge-de-soi",)
    plain = Engine(Config(lang="fr", select=rules)).lint(text)
    named = Engine(Config(lang="fr", select=rules, self_names=("Dupont & Fils",))).lint(text)
    assert plain.diagnostics == []
    assert [d.match for d in named.diagnostics] == ["savoir-faire", "exceptionnel"]


def test_a_known_hyphenated_term_never_creates_a_finding_inside_itself():
    text = "Envoyez-moi un e-mail pour en savoir plus."
    rules = ("fr.peer-jargon",)
    assert [d.match for d in Engine(Config(lang="fr", select=rules)).lint(text).diagnostics] == ["e-mail"]
    known = Engine(Config(lang="fr", select=rules, known_terms=("e-mail",))).lint(text)
    assert known.diagnostics == [], "known 'e-mail' must not leave 'mail' to be flagged"
    # A known word is not a known compound: "mail" known, "e-mail" is still one (other) term.
    part = Engine(Config(lang="fr", select=rules, known_terms=("mail",))).lint(text)
    assert [d.match for d in part.diagnostics] == ["e-mail"]


@pytest.mark.parametrize("verdict, expected", [
    ("press-releas: {threshold: 3}", "'verdict.press-releas': unknown category (did you mean 'press-release'?"),
    ("press-release: {treshold: 3}", "verdict.press-release"),
])
def test_a_user_packs_verdict_thresholds_are_checked(tmp_path, capsys, verdict, expected):
    pack = tmp_path / "style" / "fr"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text(f"verdict:\n  {verdict}\n", encoding="utf-8")
    code, out, err = lint_with_config(tmp_path, capsys, 'rule-dirs = ["style"]\n')
    assert code == 2
    message = out + err
    assert str(tmp_path / ".tonelint.toml") in message and str(pack / "pack.yaml") in message
    assert expected in message


def test_list_and_table_rule_options_keep_the_configuration_hashable(tmp_path):
    from tonelint.config import config_from_dict
    from tonelint import Engine

    config = config_from_dict({"lang": "fr", "rules": {"fr.peer-jargon.vocabulaire-rare": {"allow": ["hypothèque"]}}})
    hash(config)
    assert config.options_for("fr.peer-jargon.vocabulaire-rare") == {"allow": ["hypothèque"]}
    text = "Le bail prévoit une clause résolutoire, une hypothèque conventionnelle et des servitudes."
    allowed = [d.match for d in Engine(config).lint(text).diagnostics if d.rule.endswith("vocabulaire-rare")]
    assert "hypothèque" not in allowed
    nested = config_from_dict({"rules": {"fr.x": {"t": {"a": [1, 2]}}}})
    hash(nested)
    assert nested.options_for("fr.x") == {"t": {"a": [1, 2]}}
