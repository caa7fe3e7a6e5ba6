"""GitHub Actions workflow commands: one annotation per finding."""
from __future__ import annotations

from ..model import Severity

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(reports) -> str:
    lines = []
    for report in reports:
        path = _escape_property(report.path)
        if report.error:
            lines.append(f"::error file={path},title=tonelint::{_escape_data(report.error)}")
            continue
        for d in report.result.diagnostics:
            props = (f"file={path},line={d.line},col={d.column},endLine={d.end_line},"
                     f"endColumn={d.end_column},title={_escape_property(d.rule)}")
            lines.append(f"::{_LEVEL[d.severity]} {props}::{_escape_data(d.message)}")
    return "\n".join(lines)
