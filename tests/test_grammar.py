"""Grammar through LanguageTool: exact spans back in the source, and graceful failure."""
from __future__ import annotations

import json
import os
import threading
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
    assert elapsed < 1.2  # the library retries a check: the retry gets what is left of the budget


def _lint_in_threads(eng, texts, wait: float) -> tuple[list, float]:
    """Lint each text on its own thread; the results of those done within `wait` seconds, and the time taken."""
    results, start = [], time.monotonic()
    threads = [threading.Thread(target=lambda t=t: results.append(eng.lint(t, "text")), daemon=True) for t in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, start + wait - time.monotonic()))
    return results, time.monotonic() - start


def test_server_that_never_answers_is_bounded_by_the_timeout_from_the_first_query():
    # The library's constructor asks for the server's languages with its own 300 s timeout.
    with FakeLanguageTool(black_hole=True) as lt:
        (result,), elapsed = _lint_in_threads(engine(lt.url, timeout=0.5), ["Des client."], wait=10)
    assert result.grammar["checked"] is False and "no answer within 0.5 s" in result.grammar["error"]
    assert elapsed < 2.0


def test_concurrent_drafts_do_not_queue_behind_a_dead_server():
    with FakeLanguageTool(black_hole=True) as lt:
        eng = engine(lt.url, timeout=1.0)
        results, elapsed = _lint_in_threads(eng, [f"Des client {i}." for i in range(4)], wait=15)
    assert len(results) == 4 and all(r.grammar["checked"] is False for r in results)
    assert elapsed < 2.5  # one timeout for all of them, not one each


def test_background_connection_reports_a_dead_server_without_waiting():
    with FakeLanguageTool(black_hole=True) as lt:
        eng = engine(lt.url, timeout=0.5)
        start = time.monotonic()
        eng.grammar.prepare(["fr", "en"])
        assert time.monotonic() - start < 0.2 and eng.grammar.status()["available"] is True
        time.sleep(1.0)
        status = eng.grammar.status()
    assert status["available"] is False and "no answer within 0.5 s" in status["error"]


def test_lone_surrogate_is_sent_as_a_replacement_character():
    with FakeLanguageTool() as lt:
        result = Engine(Config(lang="en", grammar=GrammarSettings(server=lt.url))).lint("It is noot \ud800 here.")
        sent = lt.requests[-1]["text"]
    assert result.grammar["checked"] is True and "\ufffd" in sent
    assert [d.match for d in grammar_only(result)] == ["noot"]


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
