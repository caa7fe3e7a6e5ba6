"""Baselines: record today's findings, then report only new ones.

A finding's fingerprint is its rule, the matched words and the text of the
line(s) it sits on, normalised: edits elsewhere in the file (lines added
above, other paragraphs rewritten) do not change it. On a line longer than
MAX_CONTEXT characters (minified HTML, a whole post on one line) the text
taken is a window of WINDOW characters on each side of the finding instead,
so that every finding costs the same however long its line. Only hashes are
stored, never the draft's text.

The browser extension's fingerprint (extension/src/lib/spans.js) differs on purpose: it remembers
a finding the writer dismissed while typing in that very paragraph, so it takes a few words on
each side within the sentence, not the whole line, which in a rich editor is the whole paragraph.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path

from .model import Diagnostic
from .reading import InputError
from .terms import as_compared

VERSION = 1


MAX_CONTEXT = 4096  # longer lines are fingerprinted by a window around the finding
WINDOW = 200


class Fingerprints:
    """Fingerprints of one file's findings, in time linear in the file: line breaks
    are indexed once, and each line's normalised text is computed once."""

    def __init__(self, source: str, max_context: int = MAX_CONTEXT, window: int = WINDOW) -> None:
        self.source = source
        self.max_context = max_context
        self.window = window
        self._newlines = [match.start() for match in re.finditer("\n", source)]
        self._contexts: dict[tuple[int, int], bytes] = {}

    def __call__(self, diagnostic: Diagnostic) -> str:
        start, end = diagnostic.span.start, diagnostic.span.end
        # The lines the finding sits on: from the line break before `start` to the one at or after `end`.
        before = bisect.bisect_left(self._newlines, start)
        line_start = self._newlines[before - 1] + 1 if before else 0
        after = bisect.bisect_left(self._newlines, end)
        line_end = self._newlines[after] if after < len(self._newlines) else len(self.source)
        if line_end - line_start > self.max_context:
            line_start, line_end = max(line_start, start - self.window), min(line_end, end + self.window)
        context = self._contexts.get((line_start, line_end))
        if context is None:
            context = self._contexts[(line_start, line_end)] = _encode(
                _normal(_NON_WORD.sub(" ", self.source[line_start:line_end])))
        digest = hashlib.sha256(_encode(f"{diagnostic.rule}\x1f{_normal(diagnostic.match)}\x1f"))
        digest.update(context)
        return digest.hexdigest()[:24]


_NON_WORD = re.compile(r"\W+")


def _normal(text: str) -> str:
    return " ".join(as_compared(text).split())


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _relative(path: str, base: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def create(reports, output: Path) -> int:
    base = output.resolve().parent
    findings = []
    for report in reports:
        if report.result is None or report.path == "-":
            continue
        fingerprint = Fingerprints(report.source)
        path = _relative(report.path, base)
        for d in report.result.diagnostics:
            findings.append({"path": path, "rule": d.rule, "line": d.line, "fingerprint": fingerprint(d)})
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
        fingerprint = Fingerprints(report.source)
        for d in report.result.diagnostics:
            key = (relative, d.rule, fingerprint(d))
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(d)
        return kept
