"""CI on a content repository: only changed lines, baselines, ignores, parallel runs, CI formats."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from tonelint.cli import main

from .sarif_schema import sarif_schema

PROMO = "Nous sommes fiers d'annoncer notre solution clé en main.\n"
CLEAN = "Vous avez une question sur votre toit ? Écrivez-moi.\n"


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A small Hugo-like content repository, committed."""
    repo = tmp_path / "site"
    (repo / "content" / "posts").mkdir(parents=True)
    (repo / "content" / "posts" / "a.md").write_text("# Titre\n\nUn paragraphe calme.\n\n" + PROMO, encoding="utf-8")
    (repo / "content" / "posts" / "b.md").write_text("---\ntitle: Un leader mondial\n---\n\n" + CLEAN, encoding="utf-8")
    (repo / "content" / "drafts").mkdir()
    (repo / "content" / "drafts" / "old.md").write_text(PROMO, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "posts")
    monkeypatch.chdir(repo)
    return repo


def diagnostics(out: str) -> dict[str, list]:
    return {Path(f["path"]).name: [(d["rule"], d["line"]) for d in f.get("diagnostics", [])]
            for f in json.loads(out)["files"]}


def test_jobs_give_the_same_result_in_the_same_order(site, capsys):
    one = run(["check", "--format", "json", "--jobs", "1", "content"], capsys)[1]
    two = run(["check", "--format", "json", "--jobs", "2", "content"], capsys)[1]
    assert one == two
    assert [Path(f["path"]).name for f in json.loads(one)["files"]] == ["old.md", "a.md", "b.md"]


def test_diff_reports_only_changed_lines_and_new_files(site, capsys):
    post = site / "content" / "posts" / "a.md"
    post.write_text(post.read_text(encoding="utf-8").replace("Un paragraphe calme.", "Un leader mondial calme."),
                    encoding="utf-8")
    (site / "content" / "posts" / "new.md").write_text(PROMO, encoding="utf-8")
    code, out, _ = run(["check", "--format", "json", "--diff", "HEAD", "content"], capsys)
    found = diagnostics(out)
    assert found["a.md"] == [("fr.press-release.cliches", 3)]  # the old line 5 finding is not reported
    assert found["new.md"] and found["old.md"] == [] and found["b.md"] == []
    assert code == 1


def test_diff_outside_git_and_bad_revision(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.md").write_text(PROMO, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["check", "--diff", "HEAD", "a.md"], capsys)
    assert code == 2 and "needs a git repository" in err


def test_diff_unknown_revision(site, capsys):
    code, _, err = run(["check", "--diff", "nope-123", "content"], capsys)
    assert code == 2 and "unknown git revision" in err


def test_baseline_keeps_old_findings_quiet_even_when_lines_move(site, capsys):
    assert run(["baseline", "create", "content", "-o", ".tonelint-baseline.json"], capsys)[0] == 0
    stored = json.loads((site / ".tonelint-baseline.json").read_text(encoding="utf-8"))
    assert stored["findings"] and "fiers" not in json.dumps(stored)  # hashes only, never the text
    post = site / "content" / "posts" / "a.md"
    post.write_text("Une nouvelle intro.\n\nEncore une.\n\n" + post.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(["check", "--format", "json", "--baseline", ".tonelint-baseline.json", "content"], capsys)
    assert code == 0 and all(not v for v in diagnostics(out).values())
    post.write_text(post.read_text(encoding="utf-8") + "\nUn partenariat stratégique.\n", encoding="utf-8")
    code, out, _ = run(["check", "--format", "json", "--baseline", ".tonelint-baseline.json", "content"], capsys)
    assert diagnostics(out)["a.md"] == [("fr.press-release.cliches", 11)] and code == 1


def test_missing_baseline_is_a_clear_error(site, capsys):
    code, _, err = run(["check", "--baseline", "nope.json", "content"], capsys)
    assert code == 2 and "baseline file not found" in err


def test_tonelintignore_and_exclude(site, capsys):
    (site / "content" / ".tonelintignore").write_text("drafts/\n", encoding="utf-8")
    names = diagnostics(run(["check", "--format", "json", "content"], capsys)[1])
    assert "old.md" not in names and "a.md" in names
    (site / ".tonelint.toml").write_text('exclude = ["posts/b.md"]\n', encoding="utf-8")
    names = diagnostics(run(["check", "--format", "json", "content"], capsys)[1])
    assert set(names) == {"a.md"}
    # a file named on the command line is always linted
    assert "old.md" in diagnostics(run(["check", "--format", "json", "content/drafts/old.md"], capsys)[1])


def test_front_matter_title_is_linted_in_ci(site, capsys):
    found = diagnostics(run(["check", "--format", "json", "content/posts/b.md"], capsys)[1])
    assert found["b.md"] == [("fr.press-release.cliches", 2)]


def test_sarif_validates_against_the_official_schema(site, capsys):
    code, out, _ = run(["check", "--format", "sarif", "content", "nope.md"], capsys)
    sarif = json.loads(out)
    jsonschema.validate(sarif, sarif_schema(), cls=jsonschema.Draft4Validator)
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert all(r["helpUri"].startswith("https://") and r["help"]["markdown"] and r["properties"]["tags"] for r in rules)
    levels = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]): r["level"]
              for r in run_["results"]}
    assert levels[("content/posts/a.md", "fr.press-release.cliches")] == "warning"  # with « fiers d'annoncer »
    assert levels[("content/posts/b.md", "fr.press-release.cliches")] == "note"  # one cliché alone: a tip
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("content/")
               for r in run_["results"])
    assert all("tonelint/v1" in r["partialFingerprints"] for r in run_["results"])
    assert run_["invocations"][0]["toolExecutionNotifications"]  # the missing file


def test_junit_xml(site, capsys):
    code, out, _ = run(["check", "--format", "junit", "content"], capsys)
    suite = ET.fromstring(out).find("testsuite")
    # b.md's front-matter title holds one cliché in an otherwise clean post: a suggestion, no failure.
    assert suite.get("tests") == "3" and suite.get("failures") == "2"
    failure = suite.find("testcase[@name='content/posts/a.md']/failure")
    assert "fr.press-release.fier-d-annoncer" in failure.text


def test_github_annotation_levels(site, capsys):
    out = run(["check", "--format", "github", "content/posts/a.md"], capsys)[1]
    assert out.startswith("::warning file=content/posts/a.md,line=5,col=13")


def test_summary_table_for_many_files(site, capsys):
    out = run(["check", "--color", "never", "content"], capsys)[1]
    assert "3 files linted" in out and "files that most need work" in out


GERMAN = ("Wir freuen uns, Ihnen mitteilen zu können, dass unser Unternehmen im vergangenen Jahr stark gewachsen "
          "ist. Unsere Kunden schätzen die Qualität unserer Arbeit und die persönliche Beratung.\n")


def test_summary_counts_a_draft_in_neither_language_apart(site, capsys):
    """Its empty profile says nothing: it is neither counted as linted nor ranked among the files to work on."""
    (site / "content" / "posts" / "brief.md").write_text(GERMAN, encoding="utf-8")
    out = run(["check", "--color", "never", "content"], capsys)[1]
    assert "3 files linted" in out
    assert "1 file not linted: it reads as neither French nor English" in out
    worst = out.split("files that most need work")[1]
    assert "brief.md" not in worst


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")
def test_pre_commit_hook_via_try_repo(site, tmp_path):
    project = Path(__file__).resolve().parents[1]
    home = tmp_path / "pre-commit-home"
    env = {"PRE_COMMIT_HOME": str(home), "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin",
           "HOME": str(tmp_path), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    (site / "content" / "posts" / "a.md").write_text(PROMO + "\nUn partenariat stratégique.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(project), "tonelint",
                           "--files", "content/posts/a.md", "content/posts/b.md"],
                          cwd=site, capture_output=True, text=True, timeout=900, env=env)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "fr.press-release.fier-d-annoncer" in output and "Failed" in output


def test_github_action_lint_step_runs(site, tmp_path):
    import yaml

    action = yaml.safe_load((Path(__file__).resolve().parents[1] / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    script = next(step["run"] for step in action["runs"]["steps"] if step.get("id") == "lint")
    output = tmp_path / "github-output"
    env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin", "HOME": str(tmp_path),
           "TL_PATHS": "content/posts content/drafts/old.md", "TL_LANG": "auto", "TL_FAIL_ON": "warning",
           "TL_FORMAT": "github", "TL_BASELINE": "", "TL_DIFF": "", "TL_UPLOAD": "true", "TL_BASE_REF": "",
           "GITHUB_OUTPUT": str(output)}
    proc = subprocess.run(["bash", "-c", script], cwd=site, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert "::warning file=content/posts/a.md,line=5" in proc.stdout
    assert json.loads((site / "tonelint.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert output.read_text(encoding="utf-8").strip() == "sarif-file=tonelint.sarif"
    env.update(TL_DIFF="HEAD", TL_UPLOAD="false")
    quiet = subprocess.run(["bash", "-c", script], cwd=site, env=env, capture_output=True, text=True, timeout=300)
    assert quiet.returncode == 0 and quiet.stdout == ""  # nothing changed since HEAD


def _profiles_without_evidence(out: str) -> dict:
    return {Path(f["path"]).name: {k: {kk: vv for kk, vv in v.items() if kk != "evidence"} if isinstance(v, dict) else v
                                   for k, v in f["profile"].items()}
            for f in json.loads(out)["files"]}


@pytest.mark.parametrize("narrowing", [["--min-severity", "warning"], ["--select", "fr.peer-jargon"],
                                       ["--diff", "HEAD"]])
def test_the_profile_is_the_documents_whatever_the_output_hides(site, capsys, narrowing):
    post = site / "content" / "posts" / "a.md"
    post.write_text(post.read_text(encoding="utf-8").replace("Un paragraphe calme.", "Un leader mondial calme."),
                    encoding="utf-8")
    whole = run(["check", "--format", "json", "content"], capsys)[1]
    narrowed = run(["check", "--format", "json", *narrowing, "content"], capsys)[1]
    assert _profiles_without_evidence(narrowed) == _profiles_without_evidence(whole)
    assert sum(len(f["diagnostics"]) for f in json.loads(narrowed)["files"]) < \
        sum(len(f["diagnostics"]) for f in json.loads(whole)["files"])
    for f in json.loads(narrowed)["files"]:  # evidence points into the list that is shown
        for name, entry in f["profile"].items():
            if isinstance(entry, dict) and "evidence" in entry:
                assert all(f["diagnostics"][i]["category"] == name for i in entry["evidence"])
    levels = {f["profile"]["press-release"]["level"] for f in json.loads(whole)["files"]}
    assert levels <= {"none", "some", "strong"} and "strong" in levels


def test_diff_finds_the_repository_from_the_files_not_the_current_directory(site, capsys, tmp_path, monkeypatch):
    post = site / "content" / "posts" / "a.md"
    post.write_text(post.read_text(encoding="utf-8").replace("Un paragraphe calme.", "Un leader mondial calme."),
                    encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # not a repository
    code, out, err = run(["check", "--format", "json", "--diff", "HEAD", str(site / "content")], capsys)
    assert code == 1, err
    assert diagnostics(out)["a.md"] == [("fr.press-release.cliches", 3)]
