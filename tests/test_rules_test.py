"""`tonelint rules test [DIR]`: a writer's own rules checked against their examples."""
from __future__ import annotations

import pytest

from tonelint.cli import main

PASSING = """\
title: Nos formules maison
kind: existence
severity: warning
message: "« {match} » : formule maison."
description: Une formule que nous évitons.
match:
  phrases: ["qualité supérieure garantie"]
examples:
  incorrect:
    - "Une [[qualité supérieure garantie]] pour vous."
  correct:
    - "Une qualité que vous pouvez vérifier."
"""

WRONG_SPAN_AND_NOISY = """\
title: Règle aux exemples faux
kind: existence
severity: warning
message: "« {match} » : formule."
description: Ses exemples ne disent pas ce qu'elle fait.
match:
  phrases: ["service hors pair"]
examples:
  incorrect:
    - "Un [[service]] hors pair."
  correct:
    - "Un service hors pair, disent-ils."
"""

SWAP = """\
title: Mots maison
kind: substitution
severity: suggestion
message: "« {match} » : dites « {suggestion} »."
description: Nos mots à nous.
match:
  swap:
    "bidule": ["{fix}"]
examples:
  incorrect:
    - text: "Un [[bidule]] utile."
      fix: "Un machin utile."
  correct:
    - "Un machin utile."
"""


def rule_dir(root, rules: dict[str, str]):
    for name, text in rules.items():
        path = root / "style" / "fr" / "self-promotion" / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "style"


def test_passing_rules_exit_zero(tmp_path, capsys):
    style = rule_dir(tmp_path, {"maison": PASSING, "mots": SWAP.replace("{fix}", "machin")})
    assert main(["rules", "test", str(style)]) == 0
    out = capsys.readouterr().out
    assert "ok   fr.self-promotion.maison (2 examples)" in out and "ok   fr.self-promotion.mots" in out
    assert "2 passed, 0 failed (2 rules, 4 examples)" in out
    assert "fr.press-release" not in out  # only the directory's rules


def test_failures_name_the_file_the_field_and_the_format(tmp_path, capsys):
    style = rule_dir(tmp_path, {"maison": PASSING, "ratee": WRONG_SPAN_AND_NOISY})
    assert main(["rules", "test", str(style)]) == 1
    out = capsys.readouterr().out
    path = style / "fr" / "self-promotion" / "ratee.yaml"
    assert "ok   fr.self-promotion.maison" in out and "FAIL fr.self-promotion.ratee" in out
    assert f"{path}: examples.incorrect[0] (text): expected [[service]] at 3-10, found [[service hors pair]] at 3-20" in out
    assert f"{path}: examples.incorrect[0] (markdown): expected [[service]], found [[service hors pair]]" in out
    assert f"{path}: examples.correct[0] (html): must stay silent, found [[service hors pair]]" in out
    assert "1 passed, 1 failed" in out


def test_a_wrong_fix_and_a_suggestion_that_still_fires_are_failures(tmp_path, capsys):
    style = rule_dir(tmp_path, {"mots": SWAP.replace("{fix}", "gros bidule")})
    assert main(["rules", "test", str(style)]) == 1
    out = capsys.readouterr().out
    assert "examples.incorrect[0].fix: expected 'Un machin utile.', the first suggestion gives 'Un gros bidule utile.'" in out
    assert "the suggestion 'gros bidule', applied, still fires" in out


def test_a_broken_rule_file_exits_2_with_its_file_and_field(tmp_path, capsys):
    style = rule_dir(tmp_path, {"maison": PASSING, "casse": PASSING.replace("kind: existence\n", "")})
    assert main(["rules", "test", str(style)]) == 2
    err = capsys.readouterr().err
    assert "casse.yaml: field 'kind': is required" in err and "Traceback" not in err


def test_default_is_the_configurations_rule_dirs(tmp_path, capsys, monkeypatch):
    rule_dir(tmp_path, {"ratee": WRONG_SPAN_AND_NOISY})
    (tmp_path / ".tonelint.toml").write_text('rule-dirs = ["style"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["rules", "test"]) == 1
    out = capsys.readouterr().out
    assert "FAIL fr.self-promotion.ratee" in out and "0 passed, 1 failed (1 rules, 2 examples)" in out


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_a_directory_without_rules_is_a_usage_error(tmp_path, capsys, make):
    target = tmp_path / "style"
    if make == "empty":
        target.mkdir()
    assert main(["rules", "test", str(target)]) == 2
    err = capsys.readouterr().err
    assert ("not a directory" if make == "missing" else "no rules found") in err


def test_builtin_rules_pass_when_nothing_is_configured(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["rules", "test", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith(tuple(f"{n} passed, 0 failed" for n in range(10, 100)))
    assert "en.press-release." in out and "fr." not in out
