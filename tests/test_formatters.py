"""Formatters on hostile shapes of input: very long lines, wide and control
characters; fingerprints that stay stable and cost the same on any line length."""
from __future__ import annotations

import json
import time

import pytest

from tonelint.baseline import Fingerprints
from tonelint.engine import LintResult
from tonelint.positions import fill_positions
from tonelint.formatters import FileReport, render
from tonelint.formatters.excerpt import CONTEXT, ELLIPSIS, MAX_UNDERLINE, Excerpts
from tonelint.model import Diagnostic, Severity, Span

PHRASE = "leader mondial"


def report_with_findings(source: str, phrase: str = PHRASE, limit: int | None = None) -> FileReport:
    """A report with one finding on every occurrence of `phrase` (no engine: formatters only)."""
    diagnostics, start = [], source.find(phrase)
    while start >= 0 and (limit is None or len(diagnostics) < limit):
        diagnostics.append(Diagnostic("fr.press-release.leader", "press-release", Severity.WARNING, "Cliché.",
                                      Span(start, start + len(phrase)), match=phrase))
        start = source.find(phrase, start + 1)
    fill_positions(diagnostics, source)
    result = LintResult(lang="fr", diagnostics=diagnostics, profile={}, words=len(source.split()))
    return FileReport("draft.txt", result=result, source=source)


def one_long_line(length: int, every: int = 10_000) -> str:
    """`length` characters without a line break, with the phrase every `every` characters."""
    filler = "Un texte ordinaire sans rien de particulier, " * (every // 45 + 1)
    chunk = filler[:every - len(PHRASE) - 1] + " " + PHRASE
    return (chunk * (length // every + 1))[:length]


# --- text: a bounded excerpt per finding --------------------------------------------------

@pytest.mark.parametrize("color", [False, True])
def test_text_output_per_finding_is_bounded_on_a_million_character_line(color):
    source = one_long_line(1_000_000)
    report = report_with_findings(source)
    findings = len(report.result.diagnostics)
    assert findings == 100
    out = render("text", [report], color=color)
    assert len(out) < findings * 1_000  # was the whole line (1,000,000 characters) per finding
    assert out.count(PHRASE) == findings


def test_long_line_excerpt_keeps_the_caret_under_the_span():
    source = "x" * 5_000 + " le " + PHRASE + " et " + "y" * 5_000
    start = source.index(PHRASE)
    shown = Excerpts(source)(1, start + 1, 1, start + 1 + len(PHRASE))
    assert shown.line.startswith(ELLIPSIS) and shown.line.endswith(ELLIPSIS)
    assert len(shown.line) <= 2 * CONTEXT + len(PHRASE) + 2
    caret = shown.underline.index("^")
    assert shown.line[caret:caret + len(PHRASE)] == PHRASE
    assert shown.underline.strip() == "^" * len(PHRASE)


def test_a_long_span_is_cut_with_an_ellipsis():
    source = "a" * 10_000
    shown = Excerpts(source)(1, 101, 1, 9_001)
    assert shown.underline.endswith("^" + ELLIPSIS)
    assert shown.underline.count("^") == MAX_UNDERLINE
    assert len(shown.line) <= CONTEXT + MAX_UNDERLINE + 2


def test_short_lines_are_shown_whole_with_the_usual_caret():
    source = "Nous sommes fiers d'annoncer notre solution.\n"
    shown = Excerpts(source)(1, 13, 1, 29)
    assert shown.line == source.rstrip("\n")
    assert shown.underline == " " * 12 + "^" * 16


def test_caret_is_aligned_after_wide_characters_and_control_characters():
    source = "日本語\t\x1b[31m " + PHRASE
    column = source.index(PHRASE) + 1
    shown = Excerpts(source)(1, column, 1, column + len(PHRASE))
    assert "\x1b" not in shown.line and "\t" not in shown.line  # no terminal escapes from a draft
    # 3 wide characters take 6 cells; the tab, ESC and "[31m " one cell each
    assert shown.underline == " " * (6 + 1 + 1 + 5) + "^" * len(PHRASE)


def test_lines_are_those_of_the_finding_positions_even_with_unicode_line_separators():
    # str.splitlines() also breaks at U+2028 and form feeds; the findings' line numbers do not.
    source = "Avant\u2028après\x0c, un " + PHRASE + ".\nFin.\n"
    report = report_with_findings(source)
    out = render("text", [report])
    assert f"draft.txt:1:{source.index(PHRASE) + 1} warning" in out
    lines = out.splitlines()
    caret_line = next(line for line in lines if "^" in line)
    excerpt_line = lines[lines.index(caret_line) - 1]
    caret = caret_line.index("^")
    assert excerpt_line[caret:caret + len(PHRASE)] == PHRASE


# --- SARIF and baselines: linear fingerprints ---------------------------------------------

def test_fingerprints_of_existing_baselines_are_unchanged():
    """Pinned values from the scheme baselines were written with (rule, match, whole lines)."""
    source = "Titre\n\nNous sommes fiers d'annoncer notre solution clé en main.\nDeuxième ligne, leader mondial !\n"
    fingerprint = Fingerprints(source)

    def finding(rule, start, end):
        return Diagnostic(rule, "c", Severity.WARNING, "m", Span(start, end), match=source[start:end])

    start = source.index("fiers")
    assert fingerprint(finding("fr.press-release.fier-d-annoncer", start, start + 16)) == "bb512e8daa4159a387f25f93"
    start, end = source.index("annoncer"), source.index("leader") + 6  # over two lines
    assert fingerprint(finding("x.multi", start, end)) == "c5f653921f284eac38aee045"


def test_fingerprint_on_a_long_line_ignores_edits_far_away_but_not_nearby():
    source = one_long_line(50_000)
    report = report_with_findings(source, limit=1)
    (d,) = report.result.diagnostics
    original = Fingerprints(source)(d)
    far = source[:d.span.start - 1_000] + "Ajout." + source[d.span.start - 1_000:]
    shifted = Diagnostic(d.rule, d.category, d.severity, d.message, Span(d.span.start + 6, d.span.end + 6), match=d.match)
    assert Fingerprints(far)(shifted) == original
    near = source[:d.span.start - 5] + "Ajout." + source[d.span.start - 5:]
    assert Fingerprints(near)(shifted) != original


def _sarif_seconds(source: str) -> tuple[float, str]:
    report = report_with_findings(source, limit=100)
    started = time.perf_counter()
    out = render("sarif", [report])
    return time.perf_counter() - started, out


@pytest.mark.slow
def test_sarif_cost_does_not_grow_with_line_length():
    """The same text and 100 findings, as one 1,000,000-character line or as 1,000-character
    lines: fingerprints used to re-read the whole line per finding (77 s on such a file)."""
    chunk = one_long_line(999, every=999)
    one_line, many_lines = " ".join([chunk] * 1_000), "\n".join([chunk] * 1_000)
    short_time, short_out = min(_sarif_seconds(many_lines) for _ in range(3))
    long_time, long_out = min(_sarif_seconds(one_line) for _ in range(3))
    assert long_time < 5 * short_time + 0.05
    assert len(long_out) < 2 * len(short_out)


def test_sarif_output_is_linear_in_findings():
    source = one_long_line(1_000_000)
    sizes = {n: len(render("sarif", [report_with_findings(source, limit=n)])) for n in (25, 100)}
    per_finding = (sizes[100] - sizes[25]) / 75
    assert per_finding < 2_000
    results = json.loads(render("sarif", [report_with_findings(source, limit=100)]))["runs"][0]["results"]
    assert len(results) == 100 and all(r["partialFingerprints"]["tonelint/v1"] for r in results)


def _long_line_report(tmp_path):
    from tonelint import Config, Engine

    source = "Un texte " * 80 + "nous sommes fiers d'annoncer un partenariat stratégique " + "et la suite " * 80 + "\n"
    result = Engine(Config(lang="fr")).lint(source)
    return FileReport("post.txt", result, source=source)


@pytest.mark.parametrize("columns", [80, 120])
def test_excerpts_fit_the_terminal_width(tmp_path, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    out = render("text", [_long_line_report(tmp_path)])
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "fier-d-annoncer" in line)
    excerpt, caret = lines[at + 1], lines[at + 2]
    assert len(excerpt) <= columns and "fiers d'annoncer" in excerpt
    assert excerpt[caret.index("^"):caret.index("^") + len("fiers d'annoncer")] == "fiers d'annoncer"
    assert all(len(line) <= columns for line in lines if line.startswith("    ") and "suggestion:" not in line
               and "also " not in line)


def test_concise_is_one_line_per_finding_and_document_findings_are_file_level(tmp_path, monkeypatch):
    report = _long_line_report(tmp_path)
    concise = render("concise", [report]).splitlines()
    assert len(concise) == len(report.result.diagnostics) + len(report.notices) + 1
    full = render("text", [report]).splitlines()
    document_level = [d for d in report.result.diagnostics if d.document_level]
    assert document_level, "a 400-word text with no « vous » is a document-level finding"
    for d in document_level:
        line = next(line for line in full if d.rule in line)
        assert line.startswith(f"post.txt: {d.severity.label} {d.rule} ")  # no line:column, no excerpt
        assert d.to_dict()["scope"] == "document"
    located = next(d for d in report.result.diagnostics if not d.document_level)
    assert "scope" not in located.to_dict()
    assert full.index(next(line for line in full if document_level[0].rule in line)) < \
        full.index(next(line for line in full if located.rule in line and ":1:" in line))
