"""Human output: `path:line:col severity rule message`, the source line (a bounded
excerpt of it on long lines, see excerpt.py) with a caret underline, then a
tone-profile summary per file. Colour only on a terminal."""
from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from ..model import Severity
from ..profile import DIMENSIONS
from .excerpt import Excerpts

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


def render_text(reports, color: bool = False) -> str:
    if not color:
        return _render_plain(reports)  # CI logs and pipes: the same text, without rich's cost per line
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=200,
                      highlight=False, soft_wrap=True, emoji=False)
    for report in reports:
        if report.error:
            console.print(Text(f"{report.path}: error: {report.error}", style="bold red"))
            continue
        result = report.result
        excerpts = Excerpts(report.source)
        for d in result.diagnostics:
            header = Text(f"{report.path}:{d.line}:{d.column} ")
            header.append(d.severity.label, style=_STYLE[d.severity])
            header.append(f" {d.rule} ", style="dim")
            header.append(d.message)
            console.print(header)
            shown = excerpts(d.line, d.column, d.end_line, d.end_column)
            if shown is not None:
                console.print(Text("    " + shown.line, style="dim"))
                console.print(Text("    " + shown.underline, style=_STYLE[d.severity]))
            for other in d.also:
                console.print(Text(f"    also {other['rule']}: {other['message']}", style="dim"))
            if d.suggestions:
                console.print(Text("    suggestion: " + " | ".join(d.suggestions[:3]), style="green"))
        for notice in report.notices:
            console.print(Text(f"{report.path}: note: {notice}", style="dim"))
        console.print(_summary(report.path, result))
    return buffer.getvalue().rstrip("\n")


def _render_plain(reports) -> str:
    lines: list[str] = []
    for report in reports:
        if report.error:
            lines.append(f"{report.path}: error: {report.error}")
            continue
        excerpts = Excerpts(report.source)
        for d in report.result.diagnostics:
            lines.append(f"{report.path}:{d.line}:{d.column} {d.severity.label} {d.rule} {d.message}")
            shown = excerpts(d.line, d.column, d.end_line, d.end_column)
            if shown is not None:
                lines.append("    " + shown.line)
                lines.append("    " + shown.underline)
            lines.extend(f"    also {other['rule']}: {other['message']}" for other in d.also)
            if d.suggestions:
                lines.append("    suggestion: " + " | ".join(d.suggestions[:3]))
        lines.extend(f"{report.path}: note: {notice}" for notice in report.notices)
        lines.append(_summary(report.path, report.result).plain)
    return "\n".join(lines)


def _summary(path: str, result) -> Text:
    counts = {s: sum(1 for d in result.diagnostics if d.severity == s) for s in Severity}
    text = Text(f"{path} [{result.lang}, {result.words} words]: ", style="bold")
    text.append(f"{counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
                f"{counts[Severity.SUGGESTION]} suggestions. Tone: ")
    parts = []
    for name in DIMENSIONS:
        entry = result.profile.get(name, {})
        level, count = entry.get("level", "none"), entry.get("findings", 0)
        parts.append(f"{name} {level}" + (f" ({count})" if level in ("some", "strong") else ""))
    text.append(", ".join(parts))
    metrics = result.profile.get("metrics", {})
    if metrics.get("words"):
        text.append(f"; readability {metrics['score']:.0f} ({metrics['formula']}), "
                    f"{metrics['words_per_sentence']} words/sentence")
    return text
