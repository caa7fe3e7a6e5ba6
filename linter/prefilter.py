"""A literal every match of a rule's regex must contain, to skip blocks cheaply.

Most rule regexes start with `\\b`, which turns off the regex engine's own
fast scan for a leading literal: `\\bISO\\s?\\d+` is tried at every position of
every block (24x slower than `ISO\\s?\\d+` on the Debian posts). Looking for a
required literal with `in` first (C speed) and running the regex only when it
is there gives the same matches. The literal comes from Python's own regex
parser; when in doubt (inline flags, unknown constructs) there is no literal
and the regex simply always runs.
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import NamedTuple

from .wordstarts import match_starts


try:  # the parser `re` itself uses; private, so any surprise just disables the shortcut
    from re import _constants as _sre
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = _sre_parser = None


def required_literal(pattern: re.Pattern) -> str | None:
    """The longest run of plain characters (ASCII, or punctuation such as ’) in every match
    (casefolded when the pattern ignores case), or None when there is no single one."""
    literals = required_literals(pattern)
    return literals[0] if literals is not None and len(literals) == 1 else None


# More alternatives than this make the pre-check cost about what the regex search would.
_MAX_ALTERNATIVES = 24
# Requirements checked per regex: the most selective ones ("the" is in most paragraphs, "won" or
# "awarded" in few, and which is rarer is not known here).
_MAX_REQUIREMENTS = 3


def required_literals(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Runs of plain characters one of which is in every match (casefolded when the pattern
    ignores case): a single run when the pattern has one, else one run per alternative of an
    alternation every match goes through (`\\b(?:leader|pionnier)\\s` -> leader, pionnier).
    None when there is nothing worth checking. The most selective of `requirements(pattern)`."""
    found = requirements(pattern)
    return found[0] if found else None


def requirements(pattern: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Sets of literals every match holds one of each (see required_literals), most selective
    first: its shortest literal is the longest, then it has the fewest literals."""
    if _sre_parser is None or not isinstance(pattern.pattern, str):
        return ()
    return _requirements_of(pattern.pattern, pattern.flags)


@functools.lru_cache(maxsize=4096)
def _requirements_of(source: str, flags: int) -> tuple[tuple[str, ...], ...]:
    # Memoised: every pack compiled in a process (another configuration, an edited rule file)
    # asks again about the same regexes, and parsing them is a third of compiling a pack.
    try:
        found = _requirements(list(_sre_parser.parse(source, flags)), bool(flags & re.IGNORECASE))
    except Exception:  # noqa: BLE001 - an optimisation must never break a rule
        return ()
    if flags & re.IGNORECASE:
        found = [tuple(literal.casefold() for literal in literals) for literals in found]
    return tuple(sorted(dict.fromkeys(found), key=_selectivity)[:_MAX_REQUIREMENTS])


def _selectivity(literals: tuple[str, ...]) -> tuple[int, int]:
    return -min(map(len, literals)), len(literals)


def _requirements(items, ignore_case: bool) -> list[tuple[str, ...]]:
    """The requirements of a concatenation: its runs of literal characters, and the requirements
    of the parts every match goes through (a group, an alternation, a `+` repeat)."""
    found, current = [], ""
    for op, value in items:
        if op is _sre.LITERAL and _plain(value):
            current += chr(value)
            continue
        if op is _sre.AT:
            continue  # \b, ^, $: match no character, so the run goes on
        if current:
            found.append((current,))
        current = ""
        if op is _sre.SUBPATTERN:
            _group, add_flags, _del_flags, body = value
            # (?i:...) in a case-sensitive pattern matches what the text does not hold as written: no
            # literal (a case-sensitive group in a pattern that ignores case is only stricter).
            if not (add_flags & re.IGNORECASE and not ignore_case):
                found.extend(_requirements(list(body), ignore_case))
        elif op is _sre.BRANCH:
            branches = [_requirements(list(branch), ignore_case) for branch in value[1]]
            either = _any_of([min(branch, key=_selectivity) if branch else None for branch in branches])
            if either:
                found.append(either)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and value[0] >= 1:
            found.extend(_requirements(list(value[2]), ignore_case))  # "!+": at least one "!"
    if current:
        found.append((current,))
    return found


def _any_of(requirements: list[tuple[str, ...] | None]) -> tuple[str, ...] | None:
    """An alternation's requirement: one of its branches' (each branch must have one)."""
    if not requirements or any(r is None for r in requirements):
        return None
    literals = list(dict.fromkeys(literal for r in requirements for literal in r))
    # "mots" is in a text only if "mot" is: the shorter one says as much
    literals = tuple(literal for literal in literals if not any(other in literal for other in literals if other != literal))
    return literals if len(literals) <= _MAX_ALTERNATIVES else None


def _plain(code: int) -> bool:
    """A character that means itself whatever the case flags and the casefold: ASCII, or
    punctuation such as the typographic apostrophe or « » (a literal "’s" must be in the block
    as written). Symbols are not (Ⓐ casefolds to ⓐ)."""
    return code < 128 or unicodedata.category(chr(code)).startswith("P")


def may_match(pattern: re.Pattern, text: str, folded: str) -> bool:
    """False only when the pattern cannot match `text` (`folded` is its casefold)."""
    return Search(pattern).may_match(text, folded)


class Search:
    """A rule's compiled regex with what makes skipping text cheap, worked out once when
    the rule compiles: asking a block about it is then a dictionary look-up and an `in`.

    `key` names the regex in per-block memos: two rules with the same regex share results,
    and it hashes fast (a compiled pattern hashes its whole compiled code on every call, a
    few microseconds for the large verb alternations, for each of thousands of blocks)."""

    __slots__ = ("pattern", "key", "requirements", "ignores_case", "group", "at_line_starts", "words", "first_words",
                 "first_chars", "first_symbols")

    def __init__(self, pattern: re.Pattern, words: dict[str, tuple[str, frozenset[str]]] | None = None) -> None:
        """`words`: group name -> (word class name, its lower-case forms); a match counts only
        when each of these groups that took part holds a word of its class."""
        self.pattern = pattern
        self.words = tuple((group, forms) for group, (_, forms) in sorted((words or {}).items()))
        self.key = ("regex", pattern.pattern, pattern.flags,
                    tuple((group, name) for group, (name, _) in sorted((words or {}).items())))
        self.requirements = requirements(pattern)
        self.ignores_case = bool(pattern.flags & re.IGNORECASE)
        self.group = "mark" if "mark" in pattern.groupindex else 0  # the span a match reports
        self.at_line_starts = starts_at_line_start(pattern)
        # the words every match starts with (wordstarts.py): tried only where one starts
        # Where its matches can start (wordstarts.py): at one of its first words, at a word starting
        # with one of its first characters (a capital), or at one of its first symbols (a class to
        # search for). None: anywhere.
        starts = None if self.at_line_starts else match_starts(pattern)
        self.first_words = starts.words if starts else None
        self.first_chars = starts.chars if starts else None
        self.first_symbols = re.compile("[" + re.escape("".join(sorted(starts.symbols))) + "]") \
            if starts and starts.symbols else None

    def may_match(self, text: str, folded: str, scanned: "Scanned | None" = None) -> bool:
        """False only when the regex cannot match `text` (`folded` is its casefold). `scanned`: the
        literals of a LiteralScan found in `folded`, which answers for the literals it looked for."""
        haystack = folded if self.ignores_case else text
        for literals in self.requirements:
            if scanned is not None and self.ignores_case and scanned.looked_for.issuperset(literals):
                if scanned.found.isdisjoint(literals):
                    return False
            elif not any(map(haystack.__contains__, literals)):  # map, not a generator: asked of every block for every regex
                return False
        return True

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Non-empty matches of the regex (of its group named `mark` if it has one)."""
        if self.at_line_starts:
            return self._spans_at_line_starts(text)
        first = self.pattern.search(text)  # most blocks have no match: one call, no iterator
        if first is None:
            return []
        group = self.group
        # From the first match on: the same matches (lookbehinds and \b still see the text before it).
        return [span for match in self.pattern.finditer(text, first.start())
                if (span := match.span(group))[1] > span[0] and self._words_fit(match)]

    def spans_at(self, text: str, starts) -> list[tuple[int, int]]:
        """`spans(text)` when every match starts at one of `starts` (in order), as for a regex
        with `first_words`: the regex is tried there only, each match going on after the last."""
        spans, after_last, match_at, group = [], 0, self.pattern.match, self.group
        for start in starts:
            if start < after_last:
                continue
            match = match_at(text, start)
            if match is None:
                continue
            span = match.span(group)
            if span[1] > span[0] and self._words_fit(match):
                spans.append(span)
            after_last = match.end()  # never empty: the match holds its first word
        return spans

    def _words_fit(self, match: re.Match) -> bool:
        for group, forms in self.words:
            word = match.group(group)
            if word is None:
                continue
            word = word.lower()  # the block's text is already normalised (textnorm): apostrophes are straight
            # A compound is in the class when its last part is (« pré-rempli », « co-construit »).
            if word not in forms and word.rpartition("-")[2] not in forms:
                return False
        return True

    def _spans_at_line_starts(self, text: str) -> list[tuple[int, int]]:
        """The matches of a `(?m)^…` regex, tried only where a line starts: `re` itself would try
        every character of the block (it skips ahead only for a plain `^` or a leading literal)."""
        spans, start, after_last = [], 0, 0
        while start != -1:
            if start >= after_last and (match := self.pattern.match(text, start)):
                span = match.span(self.group)
                if span[1] > span[0] and self._words_fit(match):
                    spans.append(span)
                after_last = match.end()
            newline = text.find("\n", start)
            start = -1 if newline == -1 else newline + 1
        return spans


# Shorter literals ("a", "le", "’s") start at most positions: finding them in the scan would cost more
# than one `in` each.
_MIN_SCANNED = 3


class Scanned(NamedTuple):
    """What a LiteralScan found in a text."""

    looked_for: frozenset[str]
    found: frozenset[str]


class LiteralScan:
    """Which of a pack's required literals (casefolded, of the regexes that ignore case) a block
    holds, found at once: a draft's blocks were otherwise searched with `in` once per literal of
    every regex (~220 regexes, ~900 literals per language). The literals of three characters or
    more are found in one pass over the text, the shorter ones with one `in` each."""

    __slots__ = ("literals", "_short", "_pattern", "_with_prefixes")

    def __init__(self, literals) -> None:
        self.literals = frozenset(literals)
        self._short = tuple(sorted(literal for literal in self.literals if len(literal) < _MIN_SCANNED))
        scanned = frozenset(literal for literal in self.literals if len(literal) >= _MIN_SCANNED)
        # At each position the longest literal starting there (a lookahead, so that literals may
        # overlap); the shorter ones starting there are its prefixes.
        self._pattern = re.compile(f"(?=({prefix_alternation(scanned)}))") if scanned else None
        self._with_prefixes = {literal: frozenset(literal[:end] for end in range(_MIN_SCANNED, len(literal) + 1)
                                                  if literal[:end] in scanned) for literal in scanned}

    def scan(self, folded: str) -> Scanned:
        found = set(itertools.compress(self._short, map(folded.__contains__, self._short)))
        if self._pattern is not None:
            found.update(*map(self._with_prefixes.__getitem__, set(self._pattern.findall(folded))))
        return Scanned(self.literals, frozenset(found))


def prefix_alternation(words, piece=re.escape) -> str:
    """An alternation of `words` factored by common prefixes, greedy and longest first: `re` then tries
    each position in time proportional to a word's length, not to the number of words. `piece(char)`:
    the regex for one character (escaped by default; a rule's lexicon widens spaces and apostrophes)."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [piece(char) + build(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree)


def starts_at_line_start(pattern: re.Pattern) -> bool:
    """Whether every match of the regex starts a line: `(?m)^` first, outside any alternation."""
    if _sre_parser is None or not isinstance(pattern.pattern, str) or not pattern.flags & re.MULTILINE:
        return False
    try:
        items = list(_sre_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - an optimisation must never break a rule
        return False
    return bool(items) and items[0] == (_sre.AT, _sre.AT_BEGINNING)


def casefold_for_search(text: str) -> str:
    """The text as `re` sees it when ignoring case, for ASCII literals: every character
    `re` matches to an ASCII letter casefolds to that letter (ſ, K, ﬀ...) except the
    Turkish ı and İ (checked over all of Unicode), hence the two replacements."""
    return text.casefold().replace("ı", "i").replace("i\u0307", "i")
