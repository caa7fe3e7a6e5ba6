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
from tonelint.grammar import GrammarIssue, GrammarSettings, GrammarUnavailable, LanguageToolBackend

from .fake_languagetool import FakeLanguageTool

# Waits for what must end long before (a 0.5 s budget): a hang fails the test, a slow machine does not.
HANG_GUARD = 30.0


class FakeClock:
    """A monotonic clock that moves only when the test says so."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class CountingLanguageTool(FakeLanguageTool):
    """The fake server, also counting every query it receives (`requests` holds only the POSTs)."""

    def __init__(self, **options) -> None:
        self.queries: list[str] = []
        super().__init__(**options)

    def _handler(self):
        handler, fake = super()._handler(), self

        class Counting(handler):
            def do_GET(self) -> None:
                fake.queries.append(f"GET {self.path.split('?')[0]}")
                super().do_GET()

            def do_POST(self) -> None:
                fake.queries.append(f"POST {self.path}")
                super().do_POST()

        return Counting


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


class StubBackend:
    """Answers with fixed issues, in the checked text's code points, and records what it was sent."""

    def __init__(self, issues=(), unavailable: str | None = None) -> None:
        self.issues, self.unavailable, self.sent = list(issues), unavailable, []

    def check(self, text: str, lang: str) -> list[GrammarIssue]:
        self.sent.append(text)
        if self.unavailable:
            raise GrammarUnavailable(self.unavailable)
        return [GrammarIssue(text.index(word), text.index(word) + len(word), rule, "CAT", kind, "message", [])
                for word, rule, kind in self.issues]

    def status(self) -> dict:
        return {"backend": "stub", "available": self.unavailable is None}


def _analysis(source: str, fmt: str = "markdown"):
    from tonelint.analysis import DocumentAnalysis
    from tonelint.sources import extract
    from tonelint.tokens import PhraseIndex

    return DocumentAnalysis.build("fr", extract(source, fmt), PhraseIndex())


def test_grammar_check_adapter_maps_judges_and_reports_without_a_server():
    from tonelint.grammarcheck import GrammarCheck
    from tonelint.model import Severity
    from tonelint.selection import Selection

    source = "# Titre\n\nUn **mot** faux.\n\n<!-- tonelint-disable-next-line fr.grammar.lt.B -->\nUn autre mot.\n"
    backend = StubBackend([("mot", "A", "misspelling"), ("faux", "C", "style"), ("autre", "B", "grammar")])
    outcome = GrammarCheck(backend, Selection(severity=(("fr.grammar.lt.A", "suggestion"),)),
                           Severity.SUGGESTION).run("fr", _analysis(source))
    assert backend.sent == ["Titre\n\nUn mot faux.\n\nUn autre mot."]  # prose only, never the markup
    assert [(d.rule, d.match, d.severity.label) for d in outcome.diagnostics] == [
        ("fr.grammar.lt.A", "mot", "suggestion"), ("fr.grammar.lt.C", "faux", "suggestion")]
    assert source[outcome.diagnostics[0].span.start:outcome.diagnostics[0].span.end] == "mot"
    assert outcome.status == {"backend": "stub", "available": True, "checked": True}
    shown_above = GrammarCheck(backend, Selection(), Severity.WARNING).run("fr", _analysis(source))
    assert [d.rule for d in shown_above.diagnostics] == ["fr.grammar.lt.A"]  # a misspelling is an error
    down = GrammarCheck(StubBackend(unavailable="down"), Selection(), Severity.SUGGESTION).run("fr", _analysis(source))
    assert down.diagnostics == [] and down.status == {"backend": "stub", "available": False, "checked": False,
                                                      "error": "down"}


def test_unreachable_server_keeps_tone_linting_and_reports_status():
    eng = engine("http://127.0.0.1:9")
    result = eng.lint("Nous sommes fiers d'annoncer les enfant.", "text")
    assert [d.rule for d in result.diagnostics] == ["fr.press-release.fier-d-annoncer"]
    assert result.grammar["checked"] is False and "connection refused" in result.grammar["error"]


def test_a_failing_server_is_not_asked_again_for_each_draft():
    with CountingLanguageTool(fail=True) as lt:
        eng = engine(lt.url)
        first = eng.lint("Des client.", "text")
        asked = len(lt.queries)
        second = eng.lint("Encore un texte.", "text")
    assert first.grammar["checked"] is False and second.grammar["checked"] is False
    assert asked >= 1 and len(lt.queries) == asked, "the failure is remembered for retry_after seconds"


def test_a_failing_server_is_asked_again_once_retry_after_has_passed():
    clock = FakeClock()
    with CountingLanguageTool(fail=True) as lt:
        backend = LanguageToolBackend(GrammarSettings(server=lt.url, retry_after=30), clock=clock)
        with pytest.raises(GrammarUnavailable):
            backend.check("Des client.", "fr")
        asked = len(lt.queries)
        clock.advance(29.9)
        with pytest.raises(GrammarUnavailable, match="unavailable"):
            backend.check("Des client.", "fr")
        assert len(lt.queries) == asked
        clock.advance(0.2)
        with pytest.raises(GrammarUnavailable):
            backend.check("Des client.", "fr")
        assert len(lt.queries) > asked


def test_each_query_of_the_library_gets_what_is_left_of_the_budget(monkeypatch):
    """The library gives each query 300 s and retries a failed check: the caller's budget bounds them all."""
    import requests

    clock = FakeClock()
    timeouts = []
    real_get, real_post = requests.get, requests.post

    def query(real, spent: float, failing: bool = False):
        def send(url, **options):
            timeouts.append(options["timeout"])
            clock.advance(spent)  # what this query takes, on the backend's clock
            if failing and len(timeouts) == 2:
                raise requests.exceptions.ConnectionError("connection reset")  # the library retries
            return real(url, **options)
        return send

    monkeypatch.setattr(requests, "get", query(real_get, 1.0))
    monkeypatch.setattr(requests, "post", query(real_post, 1.5, failing=True))
    with FakeLanguageTool() as lt:
        backend = LanguageToolBackend(GrammarSettings(server=lt.url, timeout=5.0), clock=clock)
        issues = backend.check("Des client.", "fr")
    assert [issue.rule_id for issue in issues] == ["ACCORD_NOMBRE"]
    assert timeouts == [5.0, 4.0, 2.5]  # languages, the check, its retry


def test_a_call_that_reaches_the_worker_after_its_budget_asks_nothing_and_says_so():
    readings = iter([1000.0])  # the caller's first reading sets its deadline; later ones are past it

    def clock() -> float:
        return next(readings, 1010.0)

    with CountingLanguageTool() as lt:
        backend = LanguageToolBackend(GrammarSettings(server=lt.url, timeout=5.0), clock=clock)
        with pytest.raises(GrammarUnavailable) as failure:
            backend.check("Des client.", "fr")
    assert lt.queries == []
    assert str(failure.value) == f"LanguageTool server {lt.url} unavailable (no answer within 5 s)"


def test_slow_server_is_bounded_by_the_timeout():
    with FakeLanguageTool(delay=3) as lt:
        (result,) = _lint_in_threads(engine(lt.url, timeout=0.5), ["Des client."])
    # Only a caller that stopped waiting at its budget says so: the server answers after 3 s.
    assert result.grammar["checked"] is False and "no answer within 0.5 s" in result.grammar["error"]


def _lint_in_threads(eng, texts) -> list:
    """Lint each text on its own thread; the results of those done before the hang guard."""
    results = []
    threads = [threading.Thread(target=lambda t=t: results.append(eng.lint(t, "text")), daemon=True) for t in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(HANG_GUARD)
    return results


def test_server_that_never_answers_is_bounded_by_the_timeout_from_the_first_query():
    # The library's constructor asks for the server's languages with its own 300 s timeout.
    with CountingLanguageTool(black_hole=True) as lt:
        (result,) = _lint_in_threads(engine(lt.url, timeout=0.5), ["Des client."])
    assert result.grammar["checked"] is False and "no answer within 0.5 s" in result.grammar["error"]
    assert lt.queries == ["GET /v2/languages"]


def test_concurrent_drafts_do_not_queue_behind_a_dead_server():
    with CountingLanguageTool(black_hole=True) as lt:
        eng = engine(lt.url, timeout=0.5)
        results = _lint_in_threads(eng, [f"Des client {i}." for i in range(4)])
    assert len(results) == 4 and all(r.grammar["checked"] is False for r in results)
    # Each caller stopped waiting at its own budget, none waited for another's call to end...
    assert all("no answer within 0.5 s" in r.grammar["error"] for r in results)
    # ...and one draft asked the dead server: the others were not queued to ask it again.
    assert lt.queries == ["GET /v2/languages"]


def test_background_connection_reports_a_dead_server_without_waiting():
    with CountingLanguageTool(black_hole=True) as lt:
        eng = engine(lt.url, timeout=HANG_GUARD)
        eng.grammar.prepare(["fr"])
        # Had prepare waited for its query, the hung server would already be reported.
        assert eng.grammar.status()["available"] is True
        lt.released.set()  # the server hangs up without answering
        status = _status_once_changed(eng.grammar)
    assert lt.queries == ["GET /v2/languages"]
    assert status["available"] is False and "unavailable" in status["error"]


def _status_once_changed(backend) -> dict:
    """The backend's status once it says unavailable (polled, up to the hang guard)."""
    for _ in range(int(HANG_GUARD / 0.01)):
        if not backend.status()["available"]:
            break
        time.sleep(0.01)
    return backend.status()


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
