"""Suppression comments in MDX: `{/* tonelint-... */}` (MDX 2 rejects HTML comments)."""
from __future__ import annotations

import json

from tonelint.cli import main
from tonelint.sources import extract
from tonelint.sources.suppress import disable_next_line_comment, find_suppressions

RULE = "fr.peer-jargon.anglicismes"

MDX = (
    "import Chart from './chart'\n"
    "\n"
    "# Nos nouvelles\n"
    "\n"
    f"Chaque mois, nous écrivons pour vous. {{/* tonelint-disable-next-line {RULE} */}}\n"
    "Abonnez-vous à notre newsletter pour vous tenir au courant.\n"
    "\n"
    "{/*tonelint-disable fr.peer-jargon*/ }\n"
    "Une autre newsletter ici.\n"
    "{/* tonelint-enable */}\n"
    "\n"
    "Et encore une newsletter là.\n"
)


def test_jsx_comments_suppress_in_mdx_only():
    lines = [MDX.count("\n", 0, s.start) + 1 for s in extract(MDX, "mdx").suppressions]
    assert sorted(lines) == [6, 8]  # the next line; the disable..enable range
    assert extract(MDX, "markdown").suppressions == []  # in Markdown, {/* */} is text


def test_jsx_comment_that_never_closes_or_closes_as_html_is_no_comment():
    assert find_suppressions("{/* tonelint-disable x -->\nUne newsletter.\n", "mdx") == []
    assert find_suppressions("{/* tonelint-disable x */\nUne newsletter.\n", "mdx") == []
    # The HTML form MDX 1 accepted still counts.
    html, = find_suppressions(f"<!-- tonelint-disable-next-line {RULE} -->\nUne newsletter.\n", "mdx")
    assert html.rules == (RULE,)


def test_the_comment_written_for_each_format_is_the_one_read_back():
    for fmt in ("mdx", "markdown", "html"):
        comment = disable_next_line_comment(fmt, RULE)
        suppression, = find_suppressions(f"Texte. {comment}\nUne newsletter.\n", fmt)
        assert suppression.rules == (RULE,)
    assert disable_next_line_comment("mdx", RULE) == f"{{/* tonelint-disable-next-line {RULE} */}}"


def test_cli_honours_jsx_suppression_comments_in_an_mdx_draft(tmp_path, capsys):
    draft = tmp_path / "billet.mdx"
    draft.write_text(MDX, encoding="utf-8")
    main(["check", str(draft), "--lang", "fr", "--format", "json"])
    report, = json.loads(capsys.readouterr().out)["files"]
    assert [d["line"] for d in report["diagnostics"] if d["rule"] == RULE] == [12]


def test_an_unknown_rule_in_a_jsx_comment_gets_the_notice(engine_fr):
    result = engine_fr.lint("{/* tonelint-disable-next-line fr.peer-jargn */}\nUne newsletter.\n", "mdx")
    assert any("names no rule" in str(n) for n in result.notices)
