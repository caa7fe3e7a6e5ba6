"""End-of-run summary for many files: counts per category, the worst files, the average profile."""
from __future__ import annotations

import io
from collections import Counter

from rich.console import Console
from rich.table import Table

from ..i18n import translator


def render_summary(reports, color: bool = False, worst: int = 5, ui_lang: str = "en") -> str:
    translations = translator(ui_lang)
    _ = translations.gettext
    read = [r for r in reports if r.result is not None]
    # A draft in neither language was read but not judged: its empty profile would pull the
    # averages down and its zero scores say nothing, so it is counted apart.
    linted = [r for r in read if r.result.linted]
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=110, highlight=False)
    per_category = Counter(d.category for r in linted for d in r.result.diagnostics)
    # The tone dimensions of the files' packs, in their order (French and English packs may differ).
    dimensions = list(dict.fromkeys(name for r in linted for name in r.result.dimensions))
    words = sum(r.result.words for r in linted)
    console.print(_("tonelint: {linted} files linted, {unread} not read, {words} words").format(
        linted=len(linted), unread=len(reports) - len(read), words=f"{words:,}"))
    if len(read) > len(linted):
        unjudged = len(read) - len(linted)
        console.print(translations.ngettext(
            "{n} file not linted: it reads as neither French nor English (see its note)",
            "{n} files not linted: they read as neither French nor English (see their notes)", unjudged).format(
            n=unjudged))
    table = Table()
    table.add_column(_("dimension"))
    table.add_column(_("findings"), justify="right")
    table.add_column(_("average score"), justify="right")
    for name in dimensions + sorted(set(per_category) - set(dimensions)):
        scores = [r.result.profile.get(name, {}).get("score", 0) for r in linted]
        table.add_row(name, str(per_category[name]), f"{sum(scores) / len(scores):.0f}" if scores else "-")
    console.print(table)
    ranked = sorted(linted, key=lambda r: (-sum(r.result.profile.get(n, {}).get("score", 0) for n in dimensions), r.path))
    if ranked:
        console.print(_("files that most need work:"))
        worst_table = Table()
        worst_table.add_column(_("file"))
        worst_table.add_column(_("findings"), justify="right")
        for name in dimensions:
            worst_table.add_column(name, justify="right")
        for report in ranked[:worst]:
            profile = report.result.profile
            worst_table.add_row(report.path, str(len(report.result.diagnostics)),
                                *(str(profile.get(n, {}).get("score", 0)) for n in dimensions))
        console.print(worst_table)
    return buffer.getvalue().rstrip("\n")
