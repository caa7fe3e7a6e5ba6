"""Linting time grows linearly with the draft, whatever the draft (issue 12).

Short units repeated ("?" × 40,000 took 12 s, "A." × 40,000 24 s) are linted at
10,000 and 100,000 characters: the larger must cost less than MAX_GROWTH times the
smaller (linear code gives about 10, quadratic about 100). A ratio, not a wall time,
so a slow or busy machine does not fail it. The families are bench/pathological.py's
(which prints their times up to 1M characters, in every format and language), each
linted here in its first format, in both languages when rules make the difference;
hypothesis adds random repeats of short punctuation and markup units. Each figure is the fastest of a few runs of a
fresh engine (its per-paragraph caches empty, as in a fresh `tonelint check`), all of a language's engines
sharing one compiled pack.
"""
from __future__ import annotations

import functools
import importlib.util
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tonelint import Config, Engine
from tonelint.sources.suppress import Suppression

SMALL, LARGE = 10_000, 100_000
MAX_GROWTH = 25
# Nothing may cost this many times ordinary prose of the same length: a rule slow on one
# paragraph (a word of 199 characters cost the dateline rule 0.07 s) is linear, and still a hang.
MAX_COST_OF_PROSE = 50
_FLOOR = 0.02  # seconds: below this a small draft's time is mostly noise (a busy CI machine: 9 ms vs 3 ms)


def _load_bench():
    path = Path(__file__).resolve().parents[1] / "bench" / "pathological.py"
    spec = importlib.util.spec_from_file_location("bench_pathological", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


@functools.lru_cache(maxsize=None)
def _pack(lang: str):
    """The language's compiled rules, read once: a pack holds rules and reference data (word lists
    worked out at their first use), nothing of a draft, so every fresh engine below shares it instead
    of unpickling its own (0.15 s each, five times a family)."""
    return Engine(Config(lang=lang)).pack(lang)


def _seconds(text: str, fmt: str, lang: str) -> float:
    engine = Engine(Config(lang=lang))  # fresh caches and tagging models; rules compiled before the clock starts
    engine._packs[lang] = _pack(lang)
    start = time.perf_counter()
    engine.lint(text, fmt, lang)
    return time.perf_counter() - start


def _fastest(text: str, fmt: str, lang: str, runs: int) -> float:
    return min(_seconds(text, fmt, lang) for _ in range(runs))


def _growth(make, fmt: str, lang: str, runs: int = 2) -> tuple[float, float]:
    small_text, large_text = make(SMALL), make(LARGE)
    _seconds(small_text, fmt, lang)  # warm-up: models and word lists loaded
    small = _fastest(small_text, fmt, lang, runs)
    large = float("inf")
    for _ in range(runs):
        large = min(large, _seconds(large_text, fmt, lang))
        if large >= 2 * MAX_GROWTH * max(small, _FLOOR):
            break  # plainly not linear: another run would only take as long again
        if large < MAX_GROWTH / 2 * max(small, _FLOOR):
            break  # plainly linear: noise only slows a run, so another could only lower the ratio
    return small, large


def assert_linear(make, fmt: str, lang: str, what: str) -> float:
    """Time at LARGE, after checking growth; a near miss is measured again before failing."""
    small, large = _growth(make, fmt, lang)
    if MAX_GROWTH <= large / max(small, _FLOOR) < 2 * MAX_GROWTH:
        small, large = _growth(make, fmt, lang, runs=4)
    ratio = large / max(small, _FLOOR)
    assert ratio < MAX_GROWTH, (f"{what} ({fmt}, {lang}): {small:.3f} s at {SMALL:,} characters, "
                                f"{large:.3f} s at {LARGE:,}: x{ratio:.0f}, not linear")
    return large


@functools.lru_cache(maxsize=None)
def _prose_seconds(fmt: str, lang: str) -> float:
    return _fastest(bench.FAMILIES[0].make(LARGE, lang), fmt, lang, runs=2)


def _cases():
    for family in bench.FAMILIES:
        if family.name == "prose":
            continue
        for fmt in family.formats[:1]:
            for lang in family.langs if family.rules else family.langs[:1]:
                yield pytest.param(family, fmt, lang, id=f"{family.name}-{fmt}-{lang}")


@pytest.mark.parametrize(("family", "fmt", "lang"), list(_cases()))
def test_pathological_family_is_linear(family, fmt, lang):
    large = assert_linear(lambda size: family.make(size, lang), fmt, lang, repr(family.name))
    assert large < MAX_COST_OF_PROSE * max(_prose_seconds(fmt, lang), _FLOOR), (
        f"{family.name!r} ({fmt}, {lang}): {large:.2f} s at {LARGE:,} characters, "
        f"{large / _prose_seconds(fmt, lang):.0f} times ordinary prose")


def test_findings_are_not_checked_against_every_suppression_comment(monkeypatch):
    """A comment and a finding per paragraph: each finding asked every comment (quadratic,
    ~15 s at 1M characters, yet too cheap per step to show between 10k and 100k)."""
    asked = 0
    covers = Suppression.covers

    def counting(self, rule_id: str, offset: int) -> bool:
        nonlocal asked
        asked += 1
        return covers(self, rule_id, offset)

    monkeypatch.setattr(Suppression, "covers", counting)
    draft = bench.repeat(bench._SUPPRESSED["fr"], SMALL)
    findings = len(Engine(Config(lang="fr")).lint(draft, "markdown", "fr").diagnostics)
    assert findings > 100
    assert asked <= findings


# Units of one to three pieces: punctuation, markup openings and closings, letters.
_PIECES = [
    ".", "!", "?", "…", ",", ";", ":", "'", "’", '"', "«", "»", "(", ")", "[", "]", "-", "–", "/", "\\",
    "@", "#", "%", "&", "*", "_", "=", "+", "|", "~", "`", " ", "\n", "a", "A", "é", "1",
    "{", "}", "{{", "}}", "{%", "%}", "{#", "<", ">", "</", "<a ", "<!--", "-->", "<!", "<?", "<![",
    "&#", "&amp;", "](", "![", "http://", "www.", ".com",
]


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(unit=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).map("".join),
       fmt=st.sampled_from(["text", "markdown", "html"]),
       lang=st.sampled_from(["fr", "en"]))
def test_repeated_short_units_are_linear(unit, fmt, lang):
    assert_linear(lambda size: bench.repeat(unit, size), fmt, lang, repr(unit))
