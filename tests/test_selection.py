"""Rule selection in one place: run, show, severity."""
from __future__ import annotations

from tonelint import Config, Engine
from tonelint.model import Severity
from tonelint.selection import Selection, is_grammar_id, matches_any, rule_matches


def test_names_with_and_without_the_language():
    assert rule_matches("fr.press-release.cliches", "fr.press-release")
    assert not rule_matches("fr.press-release.cliches", "fr.press")
    assert matches_any("fr.press-release.cliches", ["press-release"])
    assert matches_any("fr.press-release.cliches", ["press-release.cliches"])
    assert not matches_any("fr.press-release.cliches", ["self-promotion"])
    assert is_grammar_id("fr.grammar.lt.ACCORD") and not is_grammar_id("fr.press-release.grammar")


def test_ignore_and_off_stop_a_rule_select_only_narrows_what_is_shown():
    selection = Selection(select=("press-release",), ignore=("fr.register",),
                          severity=(("fr.dialogue", "off"), ("fr.press-release", "error"),
                                    ("fr.press-release.cliches", "suggestion")))
    assert not selection.runs("fr.register.voix-passive") and not selection.runs("fr.dialogue.aucune-invitation")
    assert selection.runs("fr.self-promotion.superlatifs") and not selection.shows("fr.self-promotion.superlatifs")
    assert selection.severity_for("fr.press-release.cliches", Severity.WARNING) == Severity.SUGGESTION  # most specific
    assert selection.severity_for("fr.press-release.annonce", Severity.WARNING) == Severity.ERROR
    assert selection.set_by_user("fr.press-release.annonce") and not selection.set_by_user("en.register.readability")


def test_a_severity_override_leaves_the_loaded_rule_as_its_file_says():
    strict = Engine(Config(lang="fr", severity=(("fr.press-release.cliches", "error"),)))
    plain = Engine(Config(lang="fr"))
    strict.pack("fr")
    assert {r.id: r.severity for r in plain.pack("fr").rules}["fr.press-release.cliches"] == Severity.WARNING
    assert {r.id: r.severity for r in strict.pack("fr").rules}["fr.press-release.cliches"] == Severity.ERROR
