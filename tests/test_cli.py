"""The command line: formats, exit codes, configuration, and bad input."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from tonelint.cli import main

PROMO = "Nous sommes fiers d'annoncer notre solution clé en main.\n"
CLEAN = "Vous avez une question sur votre toit ? Écrivez-moi.\n"


def run(argv, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "promo.md").write_text(PROMO, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    sub = tmp_path / "posts"
    sub.mkdir()
    (sub / "page.html").write_text("<p>Un leader mondial.</p>", encoding="utf-8")
    (sub / "ignored.py").write_text("leader mondial", encoding="utf-8")
    return tmp_path


def test_text_output_has_location_rule_caret_and_summary(drafts, capsys):
    code, out, _ = run(["check", str(drafts / "promo.md")], capsys)
    assert code == 1
    assert f"{drafts / 'promo.md'}:1:13 warning fr.press-release.fier-d-annoncer" in out
    assert "            ^^^^^^^^^^^^^^^^" in out
    assert "Tone: press-release" in out


def test_a_text_in_neither_language_claims_no_tone(tmp_path, capsys):
    draft = tmp_path / "brief.md"
    draft.write_text("Wir freuen uns, Ihnen mitteilen zu können, dass unser Unternehmen im vergangenen Jahr stark "
                     "gewachsen ist. Unsere Kunden schätzen die Qualität unserer Arbeit und die persönliche Beratung. "
                     "Wenn Sie Fragen haben, rufen Sie uns einfach an.\n", encoding="utf-8")
    code, out, _ = run(["check", str(draft)], capsys)
    assert code == 0 and "neither French nor English" in out
    assert "Not linted (see the note)." in out and "Tone:" not in out


def test_clean_file_exits_zero(drafts, capsys):
    code, out, _ = run(["check", str(drafts / "clean.txt")], capsys)
    assert code == 0
    assert "0 errors, 0 warnings" in out


def test_directory_is_walked_for_drafts(drafts, capsys):
    code, out, _ = run(["check", "--format", "json", str(drafts)], capsys)
    paths = [f["path"] for f in json.loads(out)["files"]]
    assert sorted(p.rsplit("/", 1)[-1] for p in paths) == ["clean.txt", "page.html", "promo.md"]


def test_json_schema(drafts, capsys):
    code, out, _ = run(["check", "--format", "json", str(drafts / "promo.md")], capsys)
    data = json.loads(out)
    assert data["schema_version"] == 1
    (entry,) = data["files"]
    assert entry["lang"] == "fr"
    d = entry["diagnostics"][0]
    assert d["span"] == {"start": 12, "end": 28} and d["match"] == "fiers d'annoncer"
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (1, 13, 1, 29)
    assert entry["profile"]["press-release"]["score"] > 0


def test_sarif_output(drafts, capsys):
    code, out, _ = run(["check", "--format", "sarif", str(drafts / "promo.md")], capsys)
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    result = run_["results"][0]
    assert ids[result["ruleIndex"]] == result["ruleId"]
    assert run_["tool"]["driver"]["rules"][0]["fullDescription"]["text"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_github_annotations(drafts, capsys):
    code, out, _ = run(["check", "--format", "github", str(drafts / "promo.md")], capsys)
    line = out.splitlines()[0]
    assert line.startswith("::warning file=") and ",line=1,col=13," in line
    assert "title=fr.press-release.fier-d-annoncer::" in line


def test_stdin(capsys, monkeypatch):
    code, out, _ = run(["check", "--format", "json", "-"], capsys, stdin=PROMO.encode(), monkeypatch=monkeypatch)
    assert code == 1
    assert json.loads(out)["files"][0]["path"] == "-"


def test_fail_on_and_min_severity(drafts, capsys):
    assert run(["check", "--fail-on", "error", str(drafts / "promo.md")], capsys)[0] == 0
    assert run(["check", "--fail-on", "never", str(drafts / "promo.md")], capsys)[0] == 0
    code, out, _ = run(["check", "--min-severity", "error", "--format", "json", str(drafts / "promo.md")], capsys)
    assert json.loads(out)["files"][0]["diagnostics"] == [] and code == 0


def test_config_file_found_upward(drafts, capsys):
    (drafts / ".tonelint.toml").write_text('ignore = ["fr.press-release"]\n', encoding="utf-8")
    code, out, _ = run(["check", "--format", "json", str(drafts / "promo.md")], capsys)
    categories = {d["category"] for d in json.loads(out)["files"][0]["diagnostics"]}
    assert "press-release" not in categories


def test_pyproject_tool_section(drafts, capsys):
    (drafts / "pyproject.toml").write_text('[tool.tonelint]\nlang = "en"\n', encoding="utf-8")
    code, out, _ = run(["check", "--format", "json", str(drafts / "promo.md")], capsys)
    assert json.loads(out)["files"][0]["lang"] == "en"


@pytest.mark.parametrize("setup, expected", [
    (lambda d: d / "missing.md", "no such file"),
    (lambda d: _write(d / "bin.md", b"\x00\x01\x02binary"), "binary file"),
    (lambda d: _write(d / "empty.md", b"   \n"), "empty file"),
    (lambda d: _write(d / "huge.md", b"leader mondial. " * 330_000), "too large"),
    (lambda d: (d / "nodrafts").mkdir() or d / "nodrafts", "no drafts found"),
])
def test_bad_input_gives_one_line_error_and_exit_2_other_files_still_linted(drafts, capsys, setup, expected):
    bad = setup(drafts)
    code, out, err = run(["check", "--format", "json", str(bad), str(drafts / "promo.md")], capsys)
    assert code == 2
    files = json.loads(out)["files"]
    assert any(expected in f.get("error", "") for f in files)
    assert any(f.get("diagnostics") for f in files), "the good file is still linted"
    assert "Traceback" not in err and len([l for l in err.splitlines() if l]) == 1


def test_legacy_encoding_is_read_with_a_notice(drafts, capsys):
    _write(drafts / "latin.txt", "Nous sommes fiers d'annoncer un café à Québec, élégant et très réputé.".encode("cp1252"))
    code, out, _ = run(["check", "--format", "json", str(drafts / "latin.txt")], capsys)
    entry = json.loads(out)["files"][0]
    assert entry["diagnostics"][0]["match"] == "fiers d'annoncer"
    assert "not UTF-8" in entry["notices"][0]


@pytest.mark.parametrize("argv, message", [
    (["check", "--lang", "de", "x.md"], "invalid choice"),
    (["check", "--select", "fr.nope", "x.md"], "unknown rule"),
    (["check"], "required"),
    (["explain", "fr.nope"], "unknown rule"),
])
def test_usage_errors_exit_2(argv, message, capsys, drafts):
    code, out, err = run(argv, capsys)
    assert code == 2 and message in err and "Traceback" not in err


def test_malformed_config_is_a_clear_error(drafts, capsys):
    (drafts / ".tonelint.toml").write_text("lang = [oops", encoding="utf-8")
    code, out, err = run(["check", str(drafts / "promo.md")], capsys)
    assert code == 2
    assert "invalid TOML" in out + err


def test_rules_and_explain(capsys):
    code, out, _ = run(["rules", "--lang", "en"], capsys)
    assert code == 0 and "en.press-release.thrilled-to-announce" in out and "fr." not in out
    code, out, _ = run(["explain", "fr.press-release.fier-d-annoncer"], capsys)
    assert code == 0 and "✗" in out and "[[" in out


def test_console_script_runs_as_a_process(drafts):
    proc = subprocess.run([sys.executable, "-m", "tonelint.cli", "check", "--format", "json", str(drafts / "promo.md")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["files"][0]["diagnostics"]


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_the_console_command_tunes_the_collector_for_its_own_process(drafts):
    """The `tonelint` command owns its process: fewer collections, the start-up heap frozen."""
    import subprocess

    probe = ("import gc, sys, tonelint.runner as r\n"
             "real = r.run\n"
             "def spy(*a, **k):\n"
             "    print('GC', gc.get_threshold()[0], gc.get_freeze_count() > 0, file=sys.stderr)\n"
             "    return real(*a, **k)\n"
             "r.run = spy\n"
             "from tonelint.cli import console_main\n"
             f"sys.argv = ['tonelint', 'check', '--format', 'json', {str(drafts / 'promo.md')!r}]\n"
             "console_main()\n")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert "GC 100000 True" in proc.stderr, proc.stderr


# -- hostile files and faults: one line for the file, the others still reported (issue 12) --

def test_fifo_named_or_met_in_a_directory_is_an_error_not_a_hang(drafts):
    import os

    os.mkfifo(drafts / "named.md")
    os.mkfifo(drafts / "posts" / "walked.md")
    # A process with a timeout: before the fix, opening a FIFO waited forever for a writer.
    proc = subprocess.run([sys.executable, "-m", "tonelint.cli", "check", "--format", "json", "--jobs", "1",
                           str(drafts / "named.md"), str(drafts / "posts"), str(drafts / "promo.md")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(proc.stdout)["files"]}
    for name in ("named.md", "walked.md"):
        assert "not a regular file" in files[name]["error"]
    assert files["promo.md"]["diagnostics"] and files["page.html"]["diagnostics"]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_symlink_loop_is_that_files_error(drafts, capsys, jobs):
    (drafts / "a.md").symlink_to(drafts / "b.md")
    (drafts / "b.md").symlink_to(drafts / "a.md")
    code, out, err = run(["check", "--format", "json", "--jobs", jobs, str(drafts / "a.md"), str(drafts / "promo.md")], capsys)
    assert code == 2 and "Traceback" not in err
    loop, promo = json.loads(out)["files"]
    assert "symbolic links" in loop["error"]
    assert promo["diagnostics"]


def _fail_on_marker(monkeypatch, action):
    """Engine.lint runs `action` for drafts that contain BOOM (inherited by forked workers)."""
    import tonelint.engine

    real_lint = tonelint.engine.Engine.lint

    def lint(self, text, *args, **kwargs):
        if "BOOM" in text:
            action()
        return real_lint(self, text, *args, **kwargs)

    monkeypatch.setattr(tonelint.engine.Engine, "lint", lint)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_unexpected_exception_costs_one_file_not_the_run(drafts, capsys, monkeypatch, jobs):
    def bug():
        raise RuntimeError("something unforeseen")

    _fail_on_marker(monkeypatch, bug)
    (drafts / "bad.md").write_text("Un texte BOOM.\n", encoding="utf-8")
    code, out, err = run(["check", "--format", "json", "--jobs", jobs, str(drafts / "bad.md"), str(drafts / "promo.md")], capsys)
    assert code == 2, "an error, not the 'findings' exit code"
    bad, promo = json.loads(out)["files"]
    assert bad["error"].startswith("internal error: RuntimeError: something unforeseen at ")
    assert "please report it" in bad["error"]
    assert promo["diagnostics"]
    assert "Traceback" not in err and len([line for line in err.splitlines() if line]) == 1


def test_a_worker_process_that_dies_fails_its_file_instead_of_hanging(drafts, capsys, monkeypatch):
    import os
    import threading

    _fail_on_marker(monkeypatch, lambda: os._exit(3))  # only ever runs in a worker process (--jobs 2)
    (drafts / "bad.md").write_text("Un texte BOOM.\n", encoding="utf-8")
    outcome = {}

    def check():  # in a thread: before the fix, multiprocessing.Pool waited forever for the lost task
        outcome["result"] = run(["check", "--format", "json", "--jobs", "2", str(drafts / "bad.md"), str(drafts / "promo.md")], capsys)

    thread = threading.Thread(target=check, daemon=True)
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive(), "the run hung after a worker died"
    code, out, err = outcome["result"]
    assert code == 2 and "Traceback" not in err
    bad, promo = json.loads(out)["files"]
    assert "worker process stopped" in bad["error"]
    assert promo.get("diagnostics") or promo.get("error")  # finished first, or failed with the pool


def test_main_turns_any_unexpected_exception_into_one_line(capsys, monkeypatch):
    import tonelint.cli

    def broken(_engine, _langs):
        raise KeyError("oops")

    monkeypatch.setattr(tonelint.cli, "_list_rules", broken)
    code, out, err = run(["rules"], capsys)
    assert code == 2
    assert err.startswith("tonelint: error: internal error: KeyError: 'oops' at cli.py:")
    assert len(err.splitlines()) == 1


def test_select_and_ignore_accept_ids_of_the_configurations_own_rules(drafts, capsys):
    rule = (drafts / "style" / "fr" / "press-release")
    rule.mkdir(parents=True)
    (rule / "maison.yaml").write_text(
        "title: Maison\nkind: existence\nseverity: warning\nmessage: \"« {match} »\"\n"
        "description: Une formule maison.\nmatch:\n  phrases: [\"solution clé en main\"]\n"
        "examples:\n  incorrect: [\"Une [[solution clé en main]].\"]\n  correct: [\"Une solution.\"]\n", encoding="utf-8")
    (drafts / ".tonelint.toml").write_text('rule-dirs = ["style"]\n', encoding="utf-8")
    code, out, err = run(["check", "--format", "json", "--select", "fr.press-release.maison", str(drafts / "promo.md")], capsys)
    assert code != 2, err
    assert [d["rule"] for d in json.loads(out)["files"][0]["diagnostics"]] == ["fr.press-release.maison"]
    code, out, err = run(["check", "--format", "json", "--ignore", "fr.press-release.maison", str(drafts / "promo.md")], capsys)
    assert "fr.press-release.maison" not in out and "unknown" not in err
    code, _, err = run(["check", "--select", "fr.press-release.maisn", str(drafts / "promo.md")], capsys)
    assert code == 2 and "unknown rule id or prefix 'fr.press-release.maisn' (did you mean 'fr.press-release.maison'?)" in err


def test_a_fifo_given_as_baseline_or_config_is_refused_not_waited_on(drafts):
    import os

    os.mkfifo(drafts / "pipe")
    for option in ("--baseline", "--config"):
        proc = subprocess.run([sys.executable, "-m", "tonelint.cli", "check", "--jobs", "1", option, str(drafts / "pipe"),
                               str(drafts / "promo.md")], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2 and "not a regular file" in proc.stderr, proc.stderr
        assert len(proc.stderr.splitlines()) == 1


def test_explain_shows_thresholds_configuration_lexicon_and_did_you_mean(capsys):
    code, out, _ = run(["explain", "fr.peer-jargon.vocabulaire-rare"], capsys)
    assert code == 0
    assert "max_zipf = 2.5" in out and '[rules."fr.peer-jargon.vocabulaire-rare"]' in out
    from tonelint.rulepack import builtin_rules_dir
    from tonelint.verdict import read_pack_settings

    threshold = read_pack_settings("fr", [builtin_rules_dir()])["verdict"]["peer-jargon"].threshold
    assert f"warnings from {threshold:g}" in out and "known-terms" in out
    # a rule's own repeat decay, else its dimension's
    dimension_decay = read_pack_settings("fr", [builtin_rules_dir()])["verdict"]["peer-jargon"].repeat_decay
    assert f"weighs {dimension_decay:g} × the one before" in out
    code, out, _ = run(["explain", "fr.press-release.communique-cite"], capsys)
    assert "weighs 1 × the one before" in out
    code, out, _ = run(["explain", "fr.peer-jargon.anglicismes"], capsys)
    assert "{newsletter|newsletters} = infolettre (f) [CA]" in out
    code, _, err = run(["explain", "fr.peer-jargon.anglicisme"], capsys)
    assert code == 2 and "did you mean 'fr.peer-jargon.anglicismes'" in err


def test_main_in_process_leaves_the_hosts_collector_alone(tmp_path, capsys):
    import gc

    draft = tmp_path / "post.txt"
    draft.write_text("Nous sommes fiers d'annoncer un partenariat stratégique.\n", encoding="utf-8")
    thresholds = gc.get_threshold()
    gc.freeze()  # the host's own freeze
    frozen = gc.get_freeze_count()
    try:
        run(["check", "--lang", "fr", str(draft)], capsys)
        assert gc.get_threshold() == thresholds
        assert gc.get_freeze_count() > frozen // 2  # still frozen (objects freed since count out)
    finally:
        gc.unfreeze()


def test_python_dash_m_tonelint(tmp_path):
    import subprocess

    draft = tmp_path / "post.txt"
    draft.write_text("Nous sommes fiers d'annoncer un partenariat stratégique.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "tonelint", "check", "--lang", "fr", str(draft)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "fier-d-annoncer" in proc.stdout


def test_a_second_run_in_the_same_process_sees_an_edited_rule_file(tmp_path, capsys):
    rules = tmp_path / "style" / "fr" / "press-release"
    rules.mkdir(parents=True)
    rule = rules / "maison.yaml"

    def write_rule(phrase: str) -> None:
        rule.write_text("\n".join([
            "title: Maison", "kind: existence", "severity: warning", "message: '{match}'", "description: d",
            "match:", f"  phrases: ['{phrase}']", "examples:", f"  incorrect: ['Une [[{phrase}]].']",
            "  correct: ['Une autre.']", ""]), encoding="utf-8")

    write_rule("offre globale")
    (tmp_path / ".tonelint.toml").write_text('lang = "fr"\nrule-dirs = ["style"]\n', encoding="utf-8")
    draft = tmp_path / "post.txt"
    draft.write_text("Une offre globale et une solution maison.\n", encoding="utf-8")
    run(["check", "--format", "json", "--select", "fr.press-release.maison", str(draft)], capsys)
    write_rule("solution maison")
    code, out, _ = run(["check", "--format", "json", "--select", "fr.press-release.maison", str(draft)], capsys)
    assert [d["match"] for d in json.loads(out)["files"][0]["diagnostics"]] == ["solution maison"]
