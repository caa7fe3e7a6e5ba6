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
from ..i18n import N_, say, translator
from .excerpt import Excerpts

_INDENT = "    "
# Words shown through a variable: listed here so that the catalogues have them.
_SHOWN_WORDS = (N_("suggestion"), N_("warning"), N_("error"),
                N_("none"), N_("some"), N_("strong"), N_("present"), N_("missing"))
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


def render_text(reports, color: bool = False, width: int | None = None, concise: bool = False,
                ui_lang: str = "en") -> str:
    """`width`: terminal cells the excerpts are fitted to (None: the terminal's, else 100).
    `concise`: one line per finding, no excerpt (like ruff's --output-format concise).
    `ui_lang`: the language of tonelint's own words (labels, summary)."""
    if width is None:
        width = shutil.get_terminal_size((100, 24)).columns  # COLUMNS first, then the terminal
    words = translator(ui_lang)
    if not color:  # CI logs and pipes: the same text, without rich's cost per line
        return "\n".join("".join(text for text, _ in line) for line in _lines(reports, width, concise, words))
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=max(width, 40),
                      highlight=False, soft_wrap=True, emoji=False)
    for line in _lines(reports, width, concise, words):
        console.print(Text.assemble(*line))
    return buffer.getvalue().rstrip("\n")


def _lines(reports, width: int, concise: bool, words):
    """Each output line as (text, style) pieces; `words` translates tonelint's own."""
    _ = words.gettext
    for report in reports:
        if report.error:
            yield [(_("{path}: error: {message}").format(path=report.path, message=say(report.error, words)), "bold red")]
            continue
        result = report.result
        excerpts = Excerpts(report.source, max(40, width - len(_INDENT)))
        # Findings about the whole draft first, as file-level findings: their span is only a pointer.
        ordered = [d for d in result.diagnostics if d.document_level] + \
                  [d for d in result.diagnostics if not d.document_level]
        for d in ordered:
            where = f"{report.path}: " if d.document_level else f"{report.path}:{d.line}:{d.column} "
            yield [(where, ""), (_(d.severity.label), _STYLE[d.severity]), (f" {d.rule} ", "dim"), (d.message, "")]
            if concise:
                continue
            shown = None if d.document_level else excerpts(d.line, d.column, d.end_line, d.end_column)
            if shown is not None:
                yield [(_INDENT + shown.line, "dim")]
                yield [(_INDENT + shown.underline, _STYLE[d.severity])]
            for other in d.also:
                yield [(_INDENT + _("also {rule}: {message}").format(rule=other["rule"], message=other["message"]), "dim")]
            if d.suggestions:
                yield [(_INDENT + _("suggestion: {suggestions}").format(suggestions=" | ".join(d.suggestions[:3])), "green")]
        for notice in report.notices:
            yield [(_("{path}: note: {notice}").format(path=report.path, notice=say(notice, words)), "dim")]
        summary = _summary(report.path, result, words)
        yield [(summary.plain, "bold")]


def _summary(path: str, result, words) -> Text:
    _, n_ = words.gettext, words.ngettext
    counts = {s: sum(1 for d in result.diagnostics if d.severity == s) for s in Severity}
    text = Text(_("{path} [{lang}, {words}]: ").format(
        path=path, lang=result.lang, words=n_("{n} word", "{n} words", result.words).format(n=result.words)), style="bold")
    errors, warnings, suggestions = counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.SUGGESTION]
    text.append(", ".join([n_("{n} error", "{n} errors", errors).format(n=errors),
                           n_("{n} warning", "{n} warnings", warnings).format(n=warnings),
                           n_("{n} suggestion", "{n} suggestions", suggestions).format(n=suggestions)]))
    if not result.linted:
        text.append(". " + _("Not linted (see the note)."))
        return text
    text.append(". " + _("Tone: "))
    parts = []
    for name in result.dimensions:
        entry = result.profile.get(name, {})
        level, count = entry.get("level", "none"), entry.get("findings", 0)
        parts.append(f"{name} {_(level)}" + (f" ({count})" if level in ("some", "strong") else ""))
    text.append(", ".join(parts))
    metrics = result.profile.get("metrics", {})
    if metrics.get("words"):
        text.append("; " + _("readability {score} ({formula}), {per_sentence} words/sentence").format(
            score=f"{metrics['score']:.0f}", formula=metrics["formula"], per_sentence=metrics["words_per_sentence"]))
    return text
