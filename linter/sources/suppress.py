"""Inline suppression comments, read from the source itself.

    <!-- tonelint-disable [RULE ...] -->      off until enabled again (all rules if none named)
    <!-- tonelint-enable [RULE ...] -->       back on
    <!-- tonelint-disable-next-line [RULE ...] -->
Rules are named by id or id prefix (`fr.press-release`). MDX drafts take the same
comments as JSX expressions, `{/* tonelint-disable-next-line RULE */}` (MDX 2 and
later reject HTML comments), and still honour the HTML form MDX 1 accepted.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..selection import rule_matches

_ACTIONS = r"tonelint-(disable-next-line|disable|enable)\b"
# Each syntax: its opening up to the action, and how it closes.
_HTML_COMMENT = (re.compile(r"<!--\s*" + _ACTIONS, re.IGNORECASE), "-->")
_JSX_COMMENT = (re.compile(r"\{\s*/\*\s*" + _ACTIONS, re.IGNORECASE), "*/}")


@dataclass(frozen=True)
class Suppression:
    start: int
    end: int
    rules: tuple[str, ...]  # empty: every rule

    def covers(self, rule_id: str, offset: int) -> bool:
        if not (self.start <= offset < self.end):
            return False
        return not self.rules or any(rule_matches(rule_id, prefix) for prefix in self.rules)


class SuppressionIndex:
    """Does any suppression cover a rule at an offset? The same answer as asking each one,
    found by bisection in the ranges of the names the rule answers to: a draft with a comment
    and a finding in every paragraph was quadratic (every finding asked every comment)."""

    def __init__(self, suppressions: list[Suppression]) -> None:
        ranges: dict[str, list[tuple[int, int]]] = {}
        for suppression in suppressions:
            for name in suppression.rules or ("",):  # "": every rule
                ranges.setdefault(name, []).append((suppression.start, suppression.end))
        self._starts: dict[str, list[int]] = {}
        self._ends: dict[str, list[int]] = {}
        for name, spans in ranges.items():
            starts, ends = self._starts[name], self._ends[name] = [], []
            for start, end in sorted(spans):
                if start >= end:
                    continue  # covers no offset
                if ends and start <= ends[-1]:
                    ends[-1] = max(ends[-1], end)
                else:
                    starts.append(start)
                    ends.append(end)

    def covers(self, rule_id: str, offset: int) -> bool:
        if not self._starts:
            return False  # most drafts have no suppression comment, and every finding asks
        # The names a rule answers to: "", then each dotted prefix of its id, then the id.
        names = [""] + [rule_id[:i] for i, c in enumerate(rule_id) if c == "."] + [rule_id]
        for name in names:
            starts = self._starts.get(name)
            if starts:
                last = bisect.bisect_right(starts, offset) - 1
                if last >= 0 and offset < self._ends[name][last]:
                    return True
        return False


def comment_syntaxes(fmt: str) -> tuple:
    """The comment syntaxes a format's drafts hold suppression comments in."""
    return (_HTML_COMMENT, _JSX_COMMENT) if fmt == "mdx" else (_HTML_COMMENT,)


def disable_next_line_comment(fmt: str, rule_id: str) -> str:
    """The comment that turns `rule_id` off for the next line, as the format writes comments."""
    if fmt == "mdx":
        return f"{{/* tonelint-disable-next-line {rule_id} */}}"
    return f"<!-- tonelint-disable-next-line {rule_id} -->"


def find_suppressions(source: str, fmt: str = "markdown") -> list[Suppression]:
    result: list[Suppression] = []
    open_ranges: dict[tuple[str, ...], int] = {}
    comments = sorted(c for syntax in comment_syntaxes(fmt) for c in _comments(source, *syntax))
    for comment_start, action, named, comment_end in comments:
        rules = tuple(named.replace(",", " ").split())
        if action == "disable-next-line":
            start, end = _next_line(source, comment_end)
            result.append(Suppression(start, end, rules))
        elif action == "disable":
            open_ranges.setdefault(rules, comment_end)
        else:  # enable: closes the matching disable, or every one if no rule named
            keys = [rules] if rules in open_ranges else (list(open_ranges) if not rules else [])
            for key in keys:
                result.append(Suppression(open_ranges.pop(key), comment_start, key))
    for rules, start in open_ranges.items():
        result.append(Suppression(start, len(source), rules))
    return result


def _comments(source: str, opening_pattern: re.Pattern, closing: str):
    """(start, action, rules as written, end) of each comment: its opening, then no
    `closing[-1]` ("-->": no ">"; "*/}": no "}") until `closing`, blanks allowed before
    the last character. Each closing character is looked for once, so openings that never
    close do not send the search to the end of the draft again and again (quadratic)."""
    last, before = closing[-1], closing[:-1]
    position = 0
    while opening := opening_pattern.search(source, position):
        close = source.find(last, opening.end())
        if close < 0:
            return
        inside = source[opening.end():close].rstrip() if before == "*/" else source[opening.end():close]
        if inside.endswith(before) and len(inside) >= len(before):
            yield opening.start(), opening.group(1).lower(), inside[:-len(before)], close + 1
        position = close + 1


def _next_line(source: str, after: int) -> tuple[int, int]:
    """The first non-blank line after the comment's line."""
    newline = source.find("\n", after)
    pos = len(source) if newline < 0 else newline + 1
    while pos < len(source):
        end = source.find("\n", pos)
        end = len(source) if end < 0 else end
        if source[pos:end].strip():
            return pos, end + 1
        pos = end + 1
    return len(source), len(source)
