"""Output formats for lint reports. Each takes the list of FileReport and returns text."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..engine import LintResult
from ..model import Severity

FORMATS = ("text", "full", "concise", "json", "sarif", "github", "junit", "html")  # full: text's other name
HUMAN_FORMATS = ("text", "full", "concise")  # read by a person: progress bar, summary table, errors inline


@dataclass
class FileReport:
    path: str  # as given by the user ("-" for standard input)
    result: LintResult | None = None
    error: str | None = None
    notices: list[str] = field(default_factory=list)
    source: str = ""
    fail_on: Severity = Severity.WARNING


def render(fmt: str, reports: list[FileReport], rules: dict | None = None, color: bool = False,
           ui_lang: str = "en") -> str:
    """`ui_lang`: the language of tonelint's own words in human formats (rule messages are in the draft's)."""
    if fmt == "json":
        from .json import render_json

        return render_json(reports)
    if fmt == "sarif":
        from .sarif import render_sarif

        return render_sarif(reports, rules or {})
    if fmt == "github":
        from .github import render_github

        return render_github(reports)
    if fmt == "html":
        from .html import render_html

        return render_html(reports, rules or {})
    if fmt == "junit":
        from .junit import render_junit

        return render_junit(reports)
    from .text import render_text

    return render_text(reports, color=color, concise=fmt == "concise", ui_lang=ui_lang)
