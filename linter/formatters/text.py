"""Human output: `path:line:col severity rule message`, the source line (an excerpt
fitted to the terminal width on long lines, see excerpt.py) with a caret underline,
then a tone-profile summary per file. Findings about the whole draft come first,
as `path: severity rule message`. Colour only on a terminal."""
from __future__ import annotations

import io
import shutil

from rich.console import Console
from rich.text import Text

from ..model import Severity
from .excerpt import Excerpts

_INDENT = "    "
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


def render_text(reports, color: bool = False, width: int | None = None, concise: bool = False) -> str:
    """`width`: terminal cells the excerpts are fitted to (None: the terminal's, else 100).
    `concise`: one line per finding, no excerpt (like ruff's --output-format concise)."""
    if width is None:
        width = shutil.get_terminal_size((100, 24)).columns  # COLUMNS first, then the terminal
    if not color:  # CI logs and pipes: the same text, without rich's cost per line
        return "\n".join("".join(text for text, _ in line) for line in _lines(reports, width, concise))
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=max(width, 40),
                      highlight=False, soft_wrap=True, emoji=False)
    for line in _lines(reports, width, concise):
        console.print(Text.assemble(*line))
    return buffer.getvalue().rstrip("\n")


def _lines(reports, width: int, concise: bool):
    """Each output line as (text, style) pieces."""
    for report in reports:
        if report.error:
            yield [(f"{report.path}: error: {report.error}", "bold red")]
            continue
        result = report.result
        excerpts = Excerpts(report.source, max(40, width - len(_INDENT)))
        # Findings about the whole draft first, as file-level findings: their span is only a pointer.
        ordered = [d for d in result.diagnostics if d.document_level] + \
                  [d for d in result.diagnostics if not d.document_level]
        for d in ordered:
            where = f"{report.path}: " if d.document_level else f"{report.path}:{d.line}:{d.column} "
            yield [(where, ""), (d.severity.label, _STYLE[d.severity]), (f" {d.rule} ", "dim"), (d.message, "")]
            if concise:
                continue
            shown = None if d.document_level else excerpts(d.line, d.column, d.end_line, d.end_column)
            if shown is not None:
                yield [(_INDENT + shown.line, "dim")]
                yield [(_INDENT + shown.underline, _STYLE[d.severity])]
            for other in d.also:
                yield [(f"{_INDENT}also {other['rule']}: {other['message']}", "dim")]
            if d.suggestions:
                yield [(_INDENT + "suggestion: " + " | ".join(d.suggestions[:3]), "green")]
        for notice in report.notices:
            yield [(f"{report.path}: note: {notice}", "dim")]
        summary = _summary(report.path, result)
        yield [(summary.plain, "bold")]


def _summary(path: str, result) -> Text:
    counts = {s: sum(1 for d in result.diagnostics if d.severity == s) for s in Severity}
    text = Text(f"{path} [{result.lang}, {result.words} words]: ", style="bold")
    text.append(f"{counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
                f"{counts[Severity.SUGGESTION]} suggestions. Tone: ")
    parts = []
    for name in result.dimensions:
        entry = result.profile.get(name, {})
        level, count = entry.get("level", "none"), entry.get("findings", 0)
        parts.append(f"{name} {level}" + (f" ({count})" if level in ("some", "strong") else ""))
    text.append(", ".join(parts))
    metrics = result.profile.get("metrics", {})
    if metrics.get("words"):
        text.append(f"; readability {metrics['score']:.0f} ({metrics['formula']}), "
                    f"{metrics['words_per_sentence']} words/sentence")
    return text
