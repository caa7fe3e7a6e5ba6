"""Caches that see a draft's words stay within their bounds however many new words
arrive (a server meets new vocabulary in every draft)."""
from __future__ import annotations

import random

import pytest

from tonelint import nlp
from tonelint.readability import SyllableCounter, _hyphenator, syllables

from .rule_samples import TAGGED_PASSIVE_PACK


def pseudo_words(count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice("bcdfglmnprstvz") + rng.choice("aeiouéè") for _ in range(rng.randint(3, 6)))
            for _ in range(count)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_syllable_memo_and_pyphen_stay_bounded_over_many_new_words(lang):
    counter = SyllableCounter(lang, capacity=100)
    words = pseudo_words(5_000)
    total = counter.count(words)
    assert len(counter) <= 100
    assert len(_hyphenator(lang).hd.cache) == 0  # pyphen kept every word it met
    assert total == sum(syllables(lang, word) for word in words)


def test_syllable_memo_keeps_the_words_in_use(monkeypatch):
    counted = []
    monkeypatch.setattr("tonelint.readability.syllables", lambda lang, word: counted.append(word) or 2)
    counter = SyllableCounter("fr", capacity=10)
    for word in pseudo_words(40, seed=1):
        counter.count(["bonjour", word])  # met in every draft: survives each turnover
    assert counted.count("bonjour") == 1 and len(counted) == 41


def test_tagging_pipeline_is_recycled_once_its_vocabulary_has_grown():
    pipelines = nlp.Pipelines(max_new_strings=200)
    first = pipelines.get("fr")
    if first is None:
        pytest.skip("no French model installed")
    base = len(first.vocab.strings)
    words = pseudo_words(600, seed=2)
    largest = 0
    for batch in range(0, len(words), 10):  # ten drafts a request
        pipeline = pipelines.get("fr")
        list(pipeline.pipe([f"Le dossier {word} est traité par {word}s." for word in words[batch:batch + 10]]))
        largest = max(largest, len(pipeline.vocab.strings) - base)
    assert pipelines.recycled >= 3
    assert largest <= 200 + 10 * 5  # the bound, plus one request's new strings
    tags = [(t.text, t.pos_) for t in pipelines.get("fr")("Les demandes sont traitées vite.")]
    assert tags[2:4] == [("sont", "AUX"), ("traitées", "VERB")]  # a recycled pipeline tags as before


def test_docs_of_a_recycled_pipeline_are_tagged_again(engine_fr):
    """The engine's tagged-sentence cache outlives a pipeline: a rule must never match a Doc
    of the old vocabulary with a Matcher of the new one (or the reverse)."""
    from tonelint.analysis import DocumentAnalysis
    from tonelint.cache import LRU
    from tonelint.sources import extract

    pipelines = nlp.Pipelines(max_new_strings=10_000)
    if pipelines.get("fr") is None:
        pytest.skip("no French model installed")
    text = "Les demandes sont traitées par notre service.\n"
    tagged = LRU(16)
    analysis = DocumentAnalysis.build("fr", extract(text, "text"), engine_fr.pack("fr").index,
                                      lambda: pipelines.get("fr"), tagged=tagged)
    request = (0, 0, len(analysis.blocks[0].text))
    before = analysis.nlp_docs([request])[request]
    pipelines.max_new_strings = -1  # the next request recycles the pipeline
    after = analysis.nlp_docs([request])[request]
    pipelines.max_new_strings = 10_000
    assert after.vocab is pipelines.get("fr").vocab is not before.vocab
    assert [t.pos_ for t in after] == [t.pos_ for t in before]


def test_findings_are_unchanged_while_threads_recycle_the_pipeline(monkeypatch):
    """Server threads tag while another thread's request replaces the pipeline: same findings."""
    from concurrent.futures import ThreadPoolExecutor

    from tonelint import Config, Engine

    if nlp.Pipelines().get("fr") is None:
        pytest.skip("no French model installed")
    words = pseudo_words(24, seed=3)
    drafts = [f"Le dossier {a} est traité par {b}. Les demandes sont {a}ées par l'équipe.\n"
              for a, b in zip(words[::2], words[1::2])]

    def passive(engine, draft):
        return [(d.span.start, d.span.end) for d in engine.lint(draft, "text").diagnostics
                if d.rule == "fr.register.voix-passive"]

    expected = [passive(Engine(Config(lang="fr", rule_dirs=(TAGGED_PASSIVE_PACK,))), draft) for draft in drafts]
    assert all(expected)
    recycling = nlp.Pipelines(max_new_strings=60)
    engine = Engine(Config(lang="fr", rule_dirs=(TAGGED_PASSIVE_PACK,)), pipelines=recycling)
    with ThreadPoolExecutor(4) as pool:
        found = list(pool.map(lambda draft: passive(engine, draft), drafts * 2))
    assert found == expected * 2
    assert recycling.recycled >= 3, recycling.recycled


def test_a_pattern_rule_still_matches_after_the_pipeline_is_recycled(monkeypatch):
    """A Matcher built on the first pipeline's vocabulary cannot read the morphology of a
    later pipeline's Docs (the passive-voice rule silently stopped matching)."""
    from tonelint import Config, Engine

    recycling = nlp.Pipelines(max_new_strings=10_000)
    if recycling.get("fr") is None:
        pytest.skip("no French model installed")
    config = Config(lang="fr", rule_dirs=(TAGGED_PASSIVE_PACK,), select=("fr.register.voix-passive",))
    engine = Engine(config, pipelines=recycling)
    assert not engine.lint("Il est petit.\n", "text").diagnostics  # tagged: no participle seen yet
    recycling.max_new_strings = -1
    recycling.get("fr")  # a new pipeline, with a new vocabulary
    recycling.max_new_strings = 10_000
    found = engine.lint("Les demandes sont traitées par notre service.\n", "text").diagnostics
    assert [d.match for d in found] == ["sont traitées"]


def test_the_block_cache_is_bounded_by_characters_not_only_entries():
    from tonelint import Config, Engine
    from tonelint.cache import LRU

    cache = LRU(100, max_weight=1_000)
    for n in range(50):
        cache.put(n, "x", 100)
    assert cache.weight <= 1_000 and len(cache) == 10 and cache.get(49) == "x" and cache.get(0) is None
    cache.put("huge", "x", 5_000)  # larger than the whole cache: not kept, nothing evicted
    assert cache.get("huge") is None and len(cache) == 10
    engine = Engine(Config(lang="fr"))
    for n in range(6):
        engine.lint(f"Paragraphe {n} " + "mot " * 120_000)
    assert engine.block_cache.weight <= engine.block_cache.max_weight
