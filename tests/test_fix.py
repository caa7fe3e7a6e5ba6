"""`tonelint check --fix`: safe fixes in place, never in code or markup, bytes kept, idempotent."""
from __future__ import annotations

import unicodedata

import pytest

from tonelint import Config, Engine
from tonelint.cli import main
from tonelint.fix import (DraftBytes, Edit, FixError, apply_edits, fix_text, plan_fixes, read_for_fixing,
                          safe_rule_ids, write_atomically)
from tonelint.model import Diagnostic, Severity, Span

from .rule_engines import RULES, engine_alone
from .wrapping import wrap

FR = Engine(Config(lang="fr"))
EN_ALL = Engine(Config(lang="en"))


SAFE = safe_rule_ids(RULES)
ANGLICISM = frozenset({"fr.peer-jargon.anglicismes"})


def fix(engine: Engine, source: str, fmt: str, unsafe: bool = False):
    lint = lambda text: engine.lint(text, fmt)  # noqa: E731
    return fix_text(lint, source, fmt, lint(source), SAFE, unsafe)


SAFE_FIXES = [pytest.param(rule, example, fmt, id=f"{rule.id}-fix{n}-{fmt}")
              for rule in RULES if rule.id in SAFE
              for n, example in enumerate(rule.incorrect) if example.fix
              for fmt in ("text", "markdown", "html")]


def test_there_are_safe_rules_with_fixes():
    assert len(SAFE_FIXES) >= 10 * 3


@pytest.mark.parametrize("rule, example, fmt", SAFE_FIXES)
def test_safe_rule_fix_gives_expected_text_and_silences_the_rule(rule, example, fmt):
    code = example.text  # the rule's own trigger inside code: never touched
    source, _ = wrap(example.text, example.spans, fmt, code=code)
    expected, _ = wrap(example.fix, [], fmt, code=code)
    outcome = fix(engine_alone(rule), source, fmt)
    assert outcome.text == expected
    assert not [d for d in outcome.result.diagnostics if d.rule == rule.id]


def test_a_second_fix_changes_nothing():
    source = "Merci pour votre feedback. Lisez notre newsletter et notez la deadline.\n"
    once = fix(FR, source, "text")
    assert once.applied and once.text != source
    twice = fix(FR, once.text, "text")
    assert twice.applied == [] and twice.text == once.text


def test_markdown_markup_around_the_word_is_kept():
    outcome = fix(FR, "Merci pour votre **feedback** et votre [newsletter](https://ex.com/newsletter).\n", "markdown")
    assert outcome.text == "Merci pour votre **rétroaction** et votre [infolettre](https://ex.com/newsletter).\n"


@pytest.mark.parametrize("source, fmt", [
    ("---\ntitle: Notre newsletter\n---\n\nUn mot.\n", "markdown"),  # front matter (linted, never rewritten)
    ("Le mot `newsletter` est du code.\n", "markdown"),
    ("```\nnewsletter\n```\n", "markdown"),
    ("Voyez https://exemple.com/newsletter pour la suite.\n", "markdown"),
    ("Bonjour {{ newsletter }} et {% feedback %}.\n", "markdown"),
    ('<p><a title="newsletter" href="/newsletter">Lien</a></p>', "html"),
    ("<p>Une <code>newsletter</code> ici.</p><script>var feedback = 1;</script>", "html"),
    ("<p>news&shy;letter</p>", "html"),  # an entity inside the word: the source is not the prose
])
def test_never_inside_code_front_matter_urls_tags_or_templates(source, fmt):
    outcome = fix(FR, source, fmt)
    assert outcome.applied == [] and outcome.text == source


def test_a_finding_over_markup_is_left_with_its_reason():
    source = "Merci pour votre *feed*back.\n"
    finding = Diagnostic("fr.peer-jargon.anglicismes", "peer-jargon", Severity.SUGGESTION, "m",
                         Span(17, 27), ["rétroaction"])
    plan = plan_fixes(source, "markdown", [finding], ANGLICISM)
    assert plan.edits == [] and list(plan.left) == ["not plain prose (markup, code or front matter)"]


def _finding(start: int, end: int, suggestion: str, rule: str = "fr.peer-jargon.anglicismes") -> Diagnostic:
    return Diagnostic(rule, "peer-jargon", Severity.SUGGESTION, "m", Span(start, end), [suggestion])


def test_overlapping_findings_fix_the_first_and_leave_the_other():
    source = "Une landing page claire."
    findings = [_finding(4, 11, "accueil"), _finding(4, 16, "page d'accueil"), _finding(8, 16, "feuille"), _finding(12, 16, "fiche")]
    plan = plan_fixes(source, "text", findings, ANGLICISM)
    assert plan.edits == [Edit(4, 11, "accueil", findings[0].rule), Edit(12, 16, "fiche", findings[0].rule)]
    assert plan.left == {"overlaps another fix": 2}
    assert apply_edits(source, plan.edits) == "Une accueil fiche claire."


def test_an_overlapping_fix_left_out_is_tried_again_on_the_fixed_text():
    """Two rounds: the second lint sees the text the first fix made."""
    calls = []

    def lint(text):
        calls.append(text)
        found = [_finding(text.index("deadline"), text.index("deadline") + 8, "échéance")] if "deadline" in text else []
        return type("R", (), {"diagnostics": found, "lang": "fr"})()

    source = "Une deadline, une deadline."
    outcome = fix_text(lint, source, "text", lint(source), ANGLICISM)
    assert outcome.text == "Une échéance, une échéance." and len(outcome.applied) == 2


def test_a_suggestion_that_brings_its_own_determiner_keeps_the_elision_right():
    lint = lambda text: FR.lint(text, "text")  # noqa: E731
    source = "Relisez l'e-mail avant de l'envoyer.\n"
    outcome = fix_text(lint, source, "text", lint(source), SAFE)
    assert outcome.text == "Relisez le courriel avant de l'envoyer.\n"  # the suggestion covers « l' »


@pytest.mark.parametrize("source", [
    "Il est habituel de mettre en œuvre une configuration simple.\n",  # « de appliquer »
])
def test_a_fix_that_would_break_a_french_elision_is_left(source):
    lint = lambda text: FR.lint(text, "text")  # noqa: E731
    result = lint(source)
    assert [d for d in result.diagnostics if d.suggestions]
    outcome = fix_text(lint, source, "text", result, SAFE)
    assert outcome.text == source and "the word before would need an elision (de → d', le → l'...)" in outcome.left


@pytest.mark.parametrize("source", [
    "Le courrier arrive dans /var/newsletter chaque matin.\n",
    "Ouvrez le fichier newsletter.log pour voir les envois.\n",
    "Le module *.feedback reste actif.\n",
    "Les notes sont dans ~/feedback depuis lundi.\n",
])
def test_a_word_inside_a_path_or_name_is_left(source):
    outcome = fix(FR, source, "text")
    assert outcome.text == source and outcome.left.get("part of a name, path or file name")


def test_a_word_before_a_full_stop_or_a_comma_is_fixed():
    outcome = fix(FR, "Merci pour votre feedback. Lisez notre newsletter, elle est mensuelle.\n", "text")
    assert outcome.text == "Merci pour votre rétroaction. Lisez notre infolettre, elle est mensuelle.\n"


def test_a_paragraph_in_the_other_language_is_left():
    source = ("Merci pour votre feedback sur notre article.\n\n"
              "Thanks for the feedback you gave us and for all the help with the website.\n")
    outcome = fix(FR, source, "text")
    assert outcome.text == source.replace("votre feedback", "votre rétroaction", 1)
    assert outcome.left["the paragraph reads as another language"] == 1


def test_html_replacement_is_escaped():
    source = "<p>Le service R and D.</p>"
    plan = plan_fixes(source, "html", [_finding(14, 21, "R&D <team>")], ANGLICISM)
    assert apply_edits(source, plan.edits) == "<p>Le service R&amp;D &lt;team&gt;.</p>"


def test_unsafe_fixes_only_when_asked():
    source = "Contactez-nous dès aujourd'hui !\n"
    assert fix(FR, source, "text").applied == []
    assert fix(FR, source, "text", unsafe=True).text == "Une question ? Écrivez-moi !\n"


def test_a_rule_says_whether_its_fix_is_safe():
    """Substitutions are safe by default; trade jargon's suggestions explain a term: unsafe."""
    by_id = {rule.id: rule for rule in RULES}
    assert {"fr.peer-jargon.anglicismes", "en.register.wordy-phrases"} <= SAFE
    assert by_id["en.peer-jargon.trade-jargon"].kind == "substitution" and by_id["en.peer-jargon.trade-jargon"].autofix == "unsafe"
    assert "en.peer-jargon.trade-jargon" not in SAFE and "fr.peer-jargon.jargon-de-metier" not in SAFE
    assert "fr.self-promotion.appel-a-l-achat" not in SAFE  # an existence rule's suggestion rewords
    source = "Get quality backlinks fast.\n"
    assert fix(EN_ALL, source, "text").applied == []
    assert fix(EN_ALL, source, "text", unsafe=True).text == "Get quality links to your site from another site fast.\n"


# -- files -------------------------------------------------------------------

def test_crlf_cp1252_file_comes_back_byte_identical_except_the_fixed_word(tmp_path, capsys):
    original = "Bonjour à tous,\r\n\r\nMerci pour votre feedback sur l'été.\r\n\r\nÀ bientôt — Zoé".encode("cp1252")
    draft = tmp_path / "billet.txt"
    draft.write_bytes(original)
    assert main(["check", "--fix", "--jobs", "1", str(draft)]) == 0
    assert draft.read_bytes() == original.replace(b"feedback", "rétroaction".encode("cp1252"))
    assert "fixed 1 finding in 1 file" in capsys.readouterr().err


def test_bom_and_missing_final_newline_are_kept_and_a_second_run_changes_nothing(tmp_path, capsys):
    draft = tmp_path / "billet.md"
    draft.write_bytes(b"\xef\xbb\xbf# Titre\n\nMerci pour votre feedback.")
    assert main(["check", "--fix", "--jobs", "1", str(draft)]) == 0
    fixed = draft.read_bytes()
    assert fixed == "\ufeff# Titre\n\nMerci pour votre rétroaction.".encode("utf-8")
    assert main(["check", "--fix", "--jobs", "1", str(draft)]) == 0
    assert draft.read_bytes() == fixed
    assert "fixed 0 findings in 0 files" in capsys.readouterr().err


def test_remaining_findings_are_reported_and_set_the_exit_code(tmp_path, capsys):
    draft = tmp_path / "promo.md"
    draft.write_text("Nous sommes fiers d'annoncer notre newsletter.\n", encoding="utf-8")
    code = main(["check", "--fix", "--jobs", "1", "--format", "concise", str(draft)])
    out, err = capsys.readouterr()
    assert code == 1 and "fier-d-annoncer" in out and "anglicismes" not in out
    assert draft.read_text(encoding="utf-8") == "Nous sommes fiers d'annoncer notre infolettre.\n"


def test_dry_run_prints_a_diff_and_writes_nothing(tmp_path, capsys):
    draft = tmp_path / "billet.md"
    draft.write_text("Merci pour votre feedback.\n", encoding="utf-8")
    assert main(["check", "--dry-run", "--jobs", "1", str(draft)]) == 1
    out, err = capsys.readouterr()
    assert "-Merci pour votre feedback.\n+Merci pour votre rétroaction.\n" in out and "would fix 1 finding" in err
    assert draft.read_text(encoding="utf-8") == "Merci pour votre feedback.\n"
    clean = tmp_path / "clean.md"
    clean.write_text("Merci pour votre message.\n", encoding="utf-8")
    assert main(["check", "--dry-run", "--jobs", "1", str(clean)]) == 0


def test_standard_input_and_unsafe_alone_are_usage_errors(capsys):
    assert main(["check", "--fix", "-"]) == 2
    assert main(["check", "--unsafe-fixes", "x.md"]) == 2
    assert "standard input cannot be fixed" in capsys.readouterr().err


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path):
    path = tmp_path / "billet.txt"
    path.write_text("Merci pour votre feedback.", encoding="utf-8")
    draft = read_for_fixing(str(path), 1_000_000)
    path.write_text("Réécrit par quelqu'un d'autre.", encoding="utf-8")
    with pytest.raises(FixError, match="changed on disk"):
        write_atomically(draft, b"Merci pour votre retroaction.")
    assert path.read_text(encoding="utf-8") == "Réécrit par quelqu'un d'autre."
    assert [p.name for p in tmp_path.iterdir()] == ["billet.txt"]  # no temporary file left


def test_the_written_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "billet.txt"
    path.write_text("Merci.", encoding="utf-8")
    path.chmod(0o640)
    write_atomically(DraftBytes(str(path), b"Merci.", "Merci.", "utf-8"), b"Merci bien.")
    assert path.read_bytes() == b"Merci bien." and path.stat().st_mode & 0o777 == 0o640


def test_autofix_must_be_safe_or_unsafe(tmp_path):
    from tonelint.rulepack.loader import rule_from_data
    from tonelint.rulepack.schema import RuleError

    data = {"title": "t", "kind": "substitution", "severity": "suggestion", "message": "m", "description": "d",
            "match": {"swap": {"bidule": ["machin"]}}, "autofix": "maybe",
            "examples": {"incorrect": ["Un [[bidule]]."], "correct": ["Un machin."]}}
    with pytest.raises(RuleError, match="field 'autofix': must be safe or unsafe"):
        rule_from_data(data, tmp_path / "r.yaml", "fr", "register", "r")
    assert rule_from_data({**data, "autofix": "unsafe"}, tmp_path / "r.yaml", "fr", "register", "r").autofix == "unsafe"


def test_a_finding_over_decomposed_accents_is_left_with_its_reason():
    # « céduler » written « ce » + U+0301 « duler »: the prose holds the composed letter, so the
    # replacement cannot be placed character for character; the plan says why.
    source = unicodedata.normalize("NFD", "Nous allons céduler une rencontre la semaine prochaine.\n")
    diagnostics = Engine(Config(lang="fr")).lint(source, "text").diagnostics
    assert any(d.rule == "fr.register.calques-de-l-anglais" for d in diagnostics)
    plan = plan_fixes(source, "text", diagnostics, frozenset(), unsafe=True, lang="fr")
    assert not plan.edits
    assert plan.left == {"decomposed accents (save the file in composed Unicode, NFC, to fix it)": 1}
