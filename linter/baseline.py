"""Baselines: record today's findings, then report only new ones.

A finding's fingerprint is its rule, the matched words and the text of the
line(s) it sits on, normalised: edits elsewhere in the file (lines added
above, other paragraphs rewritten) do not change it. Only hashes are stored,
never the draft's text.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path

from .model import Diagnostic
from .reading import InputError

VERSION = 1


def fingerprint(diagnostic: Diagnostic, source: str) -> str:
    line_start = source.rfind("\n", 0, diagnostic.span.start) + 1
    line_end = source.find("\n", diagnostic.span.end)
    context = source[line_start: len(source) if line_end < 0 else line_end]
    normal = lambda text: " ".join(text.lower().split())  # noqa: E731
    key = "\x1f".join((diagnostic.rule, normal(diagnostic.match), normal(re.sub(r"\W+", " ", context))))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _relative(path: str, base: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def create(reports, output: Path) -> int:
    base = output.resolve().parent
    findings = []
    for report in reports:
        if report.result is None or report.path == "-":
            continue
        for d in report.result.diagnostics:
            findings.append({"path": _relative(report.path, base), "rule": d.rule, "line": d.line,
                             "fingerprint": fingerprint(d, report.source)})
    output.write_text(json.dumps({"version": VERSION, "tool": "tonelint", "findings": findings}, indent=1) + "\n",
                      encoding="utf-8")
    return len(findings)


class Baseline:
    def __init__(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["findings"]
            if data.get("version") != VERSION or not isinstance(entries, list):
                raise ValueError
            self.counts = Counter((e["path"], e["rule"], e["fingerprint"]) for e in entries)
        except FileNotFoundError:
            raise InputError(f"{path}: baseline file not found (create it with `tonelint baseline create`)") from None
        except (OSError, ValueError, KeyError, TypeError):
            raise InputError(f"{path}: not a tonelint baseline file") from None
        self.base = path.resolve().parent

    def new_findings(self, report) -> list[Diagnostic]:
        """Findings not in the baseline (each baseline entry absorbs one identical finding)."""
        remaining = Counter(self.counts)
        kept = []
        relative = _relative(report.path, self.base)
        for d in report.result.diagnostics:
            key = (relative, d.rule, fingerprint(d, report.source))
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(d)
        return kept
