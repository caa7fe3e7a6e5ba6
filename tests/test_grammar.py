"""Grammar through LanguageTool: exact spans back in the source, and graceful failure."""
from __future__ import annotations

import json
import os
import time

import pytest

from tonelint import Config, Engine
from tonelint.cli import main
from tonelint.config import config_from_dict
from tonelint.grammar import GrammarSettings

from .fake_languagetool import FakeLanguageTool


def engine(url: str, **extra) -> Engine:
    return Engine(Config(lang="fr", grammar=GrammarSettings(server=url, **extra)))


def grammar_only(result):
    return [d for d in result.diagnostics if d.category == "grammar"]


def test_grammar_is_off_by_default():
    result = Engine(Config(lang="fr")).lint("Je garde les enfant à la maison.")
    assert grammar_only(result) == [] and result.grammar is None


def test_offsets_map_back_through_emoji_accents_and_markdown():
    source = "# Été 😀🎉\n\nVoici **très** `code` [lien](http://x.fr) 𝔘 : je garde les enfant ici.\n"
    with FakeLanguageTool() as lt:
        result = engine(lt.url).lint(source, "markdown")
        sent = lt.requests[-1]
    (d,) = grammar_only(result)
    assert d.rule == "fr.grammar.lt.ACCORD_NOMBRE" and d.category == "grammar"
    assert d.match == "les enfant" and d.span.start == source.index("les enfant")
    assert d.suggestions == ["les enfants"] and d.severity.label == "error"
    assert (d.line, d.column) == (3, source.splitlines()[2].index("les enfant") + 1)
    assert "**" not in sent["text"] and "code" not in sent["text"] and "http" not in sent["text"]
    assert sent["language"] == "fr"
    assert result.grammar["checked"] is True


def test_error_length_with_astral_characters_inside():
    source = "Il a tapé noot.  😀 Fin."
    with FakeLanguageTool() as lt:
        result = Engine(Config(lang="en", grammar=GrammarSettings(server=lt.url))).lint(source)
    spans = {d.rule: d.match for d in grammar_only(result)}
    assert spans["en.grammar.lt.MORFOLOGIK_RULE_EN_US"] == "noot"
    assert spans["en.grammar.lt.WHITESPACE_RULE"] == "  "


def test_suppression_ignore_and_severity_apply_to_grammar():
    source = "<!-- tonelint-disable-next-line fr.grammar -->\nLes enfant.\n\nDes client.\n"
    with FakeLanguageTool() as lt:
        result = engine(lt.url).lint(source, "markdown")
        assert [d.match for d in grammar_only(result)] == ["Des client"]
        config = config_from_dict({"lang": "fr", "grammar": {"server": lt.url},
                                   "severity": {"fr.grammar.lt.ACCORD_NOMBRE": "suggestion"}})
        (d,) = grammar_only(Engine(config).lint("Des client.", "text"))
        assert d.severity.label == "suggestion"
        ignored = Engine(config_from_dict({"lang": "fr", "grammar": {"server": lt.url}, "ignore": ["fr.grammar"]}))
        assert grammar_only(ignored.lint("Des client.", "text")) == []


def test_picky_level_categories_disabled_rules_and_variant_are_sent():
    config = config_from_dict({"lang": "fr", "grammar": {
        "server": "http://placeholder", "level": "picky", "enabled-categories": ["STYLE"],
        "disabled-rules": ["WHITESPACE_RULE"], "languages": {"fr": "fr-CA"}}})
    with FakeLanguageTool() as lt:
        from dataclasses import replace

        config = replace(config, grammar=replace(config.grammar, server=lt.url))
        Engine(config).lint("Des client.", "text")
        sent = lt.requests[-1]
    assert sent["level"] == "picky" and sent["enabledCategories"] == "STYLE"
    assert sent["disabledRules"] == "WHITESPACE_RULE" and sent["language"] == "fr-CA"


def test_unreachable_server_keeps_tone_linting_and_reports_status():
    eng = engine("http://127.0.0.1:9")
    result = eng.lint("Nous sommes fiers d'annoncer les enfant.", "text")
    assert [d.rule for d in result.diagnostics] == ["fr.press-release.fier-d-annoncer"]
    assert result.grammar["checked"] is False and "connection refused" in result.grammar["error"]
    start = time.monotonic()
    eng.lint("Encore un texte.", "text")  # the failure is remembered: no new attempt per draft
    assert time.monotonic() - start < 1.0


def test_slow_server_is_bounded_by_the_timeout():
    with FakeLanguageTool(delay=3) as lt:
        start = time.monotonic()
        result = engine(lt.url, timeout=0.5).lint("Des client.", "text")
        elapsed = time.monotonic() - start
    assert result.grammar["checked"] is False and "no answer within 0.5 s" in result.grammar["error"]
    assert elapsed < 2.5


def test_failing_server_is_reported():
    with FakeLanguageTool(fail=True) as lt:
        result = engine(lt.url).lint("Des client.", "text")
    assert result.grammar["checked"] is False and grammar_only(result) == []


def test_cli_one_notice_per_run_and_exit_code_unaffected(tmp_path, capsys):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("Vous avez une question ? Écrivez-moi.\n", encoding="utf-8")
    code = main(["check", "--grammar-server", "http://127.0.0.1:9", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 0
    assert err.count("grammar not checked") == 1


def test_cli_json_reports_grammar(tmp_path, capsys):
    path = tmp_path / "a.md"
    path.write_text("Vous gardez les enfant ? Écrivez-moi.\n", encoding="utf-8")
    with FakeLanguageTool() as lt:
        code = main(["check", "--format", "json", "--grammar-server", lt.url, str(path)])
    entry = json.loads(capsys.readouterr().out)["files"][0]
    assert code == 1 and entry["grammar"]["checked"] is True
    assert any(d["rule"] == "fr.grammar.lt.ACCORD_NOMBRE" for d in entry["diagnostics"])


@pytest.mark.skipif(not os.environ.get("TONELINT_LANGUAGETOOL_URL"), reason="set TONELINT_LANGUAGETOOL_URL to a real LanguageTool server")
def test_real_languagetool_server():
    eng = Engine(Config(lang="fr", grammar=GrammarSettings(server=os.environ["TONELINT_LANGUAGETOOL_URL"], timeout=20)))
    source = "😀 Voici **mon** texte : les enfant joue dans le jardin.\n"
    result = eng.lint(source, "markdown")
    assert result.grammar["checked"] is True
    found = grammar_only(result)
    assert found, "LanguageTool should flag the agreement errors"
    for d in found:
        assert source[d.span.start:d.span.end] == d.match
