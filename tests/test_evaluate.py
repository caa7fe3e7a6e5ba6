"""`tonelint eval` works on any corpus in the dev.jsonl format."""
from __future__ import annotations

import json

import pytest

from tonelint.cli import main
from tonelint.evaluate import CorpusError, evaluate, read_corpus

RECORDS = [
    {"id": "a", "lang": "fr", "text": "Nous sommes fiers d'annoncer notre solution clé en main.",
     "labels": {"press_release": True, "self_promotion": False, "peer_jargon": False},
     "spans": [{"quote": "fiers d'annoncer", "category": "press_release"}]},
    {"id": "b", "lang": "fr", "text": "Vous avez une question sur votre toit ? Écrivez-moi.",
     "labels": {"press_release": False, "self_promotion": False, "peer_jargon": False}, "spans": []},
    {"id": "c", "lang": "en", "text": "Get quality backlinks, fix your canonical tags and crawl budget, then check your DSCR and SERP position.",
     "labels": {"press_release": False, "self_promotion": False, "peer_jargon": True},
     "spans": [{"quote": "check your DSCR", "category": "peer_jargon"}]},
    {"id": "d", "lang": "en", "text": "We are thrilled to announce our new office.",
     "labels": {"press_release": False, "self_promotion": False, "peer_jargon": False}, "spans": []},
]


def _write(tmp_path, records):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def test_counts_precision_recall_span_recall_and_clean_rate(tmp_path):
    evaluation = evaluate(read_corpus(_write(tmp_path, RECORDS)))
    fr_press = evaluation.counts[("fr", "press-release")]
    assert (fr_press.tp, fr_press.fp, fr_press.fn) == (1, 0, 0)
    assert fr_press.spans == fr_press.spans_found == 1
    en_jargon = evaluation.counts[("en", "peer-jargon")]
    assert (en_jargon.tp, en_jargon.recall(), en_jargon.spans_found) == (1, 1.0, 1)
    en_press = evaluation.counts[("en", "press-release")]
    assert en_press.fp == 1 and en_press.precision() == 0.0  # "d" is labelled clean but flagged
    assert evaluation.clean_any["en"] == [1, 1] and evaluation.clean_any["fr"] == [1, 0]


def test_cli_prints_the_table(tmp_path, capsys):
    assert main(["eval", str(_write(tmp_path, RECORDS))]) == 0
    out = capsys.readouterr().out
    assert "precision" in out and "fr    press-release" in out and "clean documents flagged" in out


@pytest.mark.parametrize("content, message", [
    ("not json\n", "invalid JSON"),
    ('{"text": "x"}\n', "needs 'text' and 'lang'"),
    ("", "no records"),
])
def test_bad_corpus_is_a_clear_error(tmp_path, content, message, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        read_corpus(path)
    assert main(["eval", str(path)]) == 2
    assert message in capsys.readouterr().err


def test_flagged_means_warning_or_above_unless_told(tmp_path):
    clean_with_one_tip = {"id": "e", "lang": "fr", "text": "Je suis un leader mondial de la bonne humeur. Écrivez-moi.",
                          "labels": {"press_release": False, "self_promotion": False, "peer_jargon": False}, "spans": []}
    records = read_corpus(_write(tmp_path, [clean_with_one_tip]))
    assert evaluate(records).counts[("fr", "press-release")].fp == 0
    from tonelint.model import Severity
    evaluation = evaluate(records, min_severity=Severity.SUGGESTION)
    assert evaluation.counts[("fr", "press-release")].fp == 1
    assert any(m.startswith("e: false alarm press-release (fr.press-release.") for m in evaluation.misses)


def test_split_selects_a_part_and_keeps_locked_misses_hidden(tmp_path, capsys):
    corpus = _write(tmp_path, RECORDS)
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"working": ["a", "b"], "locked": ["c", "d"]}), encoding="utf-8")
    assert main(["eval", str(corpus), "--split", str(split), "--part", "working"]) == 0
    out = capsys.readouterr().out
    assert "fr    press-release" in out and "en    press-release" not in out
    assert main(["eval", str(corpus), "--split", str(split), "--part", "locked", "--show-misses"]) == 2
    assert "locked" in capsys.readouterr().err
    assert main(["eval", str(corpus), "--split", str(split), "--part", "nope"]) == 2
    assert main(["eval", str(corpus), "--part", "working"]) == 2
