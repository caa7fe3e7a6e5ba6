"""What every kind of check shares: compile-time context, term sets, findings."""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis import DocumentAnalysis, Hit
from ..inflect import french_adjective_forms, verb_forms
from ..prefilter import Search, prefix_alternation
from ..rulepack.loader import load_lexicon, load_pattern
from ..rulepack.schema import Rule, RuleError
from ..validation import as_string_list
from ..tokens import PhraseIndex, expand_alternations
from ..wordclasses import WORD_CLASS_BUILDERS, DataUnavailable, known_classes, word_class


@dataclass
class CompileContext:
    lang: str
    index: PhraseIndex
    rule_dirs: list[Path]
    self_names: list[str] = field(default_factory=list)
    known_terms: list[str] = field(default_factory=list)
    # Rule id -> the data package its word class needs and is not installed: the engine skips the
    # rule with a notice, as it skips a tagged rule without its model.
    missing_data: dict[str, str] = field(default_factory=dict)
    # Every rule regex compiled for the pack: the literals they need are looked for in one scan of
    # each block (prefilter.LiteralScan).
    searches: list[Search] = field(default_factory=list)

    def search(self, pattern: re.Pattern, words=None) -> Search:
        """A rule regex ready to be searched, its literals added to the pack's scan."""
        search = Search(pattern, words)
        self.searches.append(search)
        return search

    def lexicon(self, rule: Rule, name: str, field_name: str) -> list[str]:
        return self._read(load_lexicon, "lexicon", rule, name, field_name)

    def pattern(self, rule: Rule, name: str, field_name: str) -> list[str]:
        """The regular expressions of a pattern file (`{{pattern:FILE}}`), one per line."""
        return self._read(load_pattern, "pattern", rule, name, field_name)

    def _read(self, load, kind: str, rule: Rule, name: str, field_name: str) -> list[str]:
        try:
            return load(name, self.lang, self.rule_dirs)
        except FileNotFoundError:
            raise RuleError(rule.path, field_name, f"{kind} file {name!r} not found in {self.lang}/lexicons/") from None

    def word_class(self, rule: Rule, name, field_name: str) -> frozenset[str]:
        """A word class of linter/wordclasses.py, e.g. `past-participle`."""
        if not isinstance(name, str) or (self.lang, name) not in WORD_CLASS_BUILDERS:
            known = ", ".join(known_classes(self.lang)) or "none"
            raise RuleError(rule.path, field_name, f"unknown word class {name!r} for {self.lang} (known: {known})")
        try:
            return word_class(self.lang, name)
        except DataUnavailable as missing:
            self.missing_data[rule.id] = missing.package
            return frozenset()


@dataclass
class Finding:
    """A check's result in prose coordinates, before the engine maps it to the source."""

    block: int
    start: int
    end: int
    args: dict = field(default_factory=dict)
    suggestions: list[str] = field(default_factory=list)
    regions: list[frozenset] | None = None  # per suggestion: where it is the usage (empty: everywhere)
    strength: float | None = None  # set when the finding weighs other than its rule's strength
    # Findings of one rule with the same key are one piece of evidence (a substitution's lexicon
    # entry, whatever variant matched); None: the matched words decide (verdict.py).
    evidence_key: str | None = None


class TermSet:
    """Phrases (shared index), regular expressions and lexicon entries of one rule field."""

    def __init__(self, rule: Rule, spec, ctx: CompileContext, field_name: str, names=()) -> None:
        """`names` (the configured self-names) are matched literally, whatever their punctuation."""
        if isinstance(spec, list):
            spec = {"phrases": spec}
        if not isinstance(spec, dict):
            raise RuleError(rule.path, field_name, "must be a list of phrases or a mapping with phrases/regex/lexicon/adjectives")
        self.group = (rule.id, field_name)
        phrases = list(string_list(rule, spec.get("phrases", []), f"{field_name}.phrases"))
        if "lexicon" in spec:
            for name in string_list(rule, spec["lexicon"], f"{field_name}.lexicon"):
                phrases.extend(ctx.lexicon(rule, name, f"{field_name}.lexicon"))
        if "adjectives" in spec:
            # Adjectives are listed by their lemma; every gender and number form is matched.
            for name in string_list(rule, spec["adjectives"], f"{field_name}.adjectives"):
                for lemma in ctx.lexicon(rule, name, f"{field_name}.adjectives"):
                    simple = ctx.lang == "fr" and " " not in lemma and "{" not in lemma
                    phrases.extend(french_adjective_forms(lemma) if simple else [lemma])
        for phrase in phrases:
            for variant in expand_alternations(phrase):
                try:
                    ctx.index.add(variant, (self.group, None))
                except ValueError as exc:
                    raise RuleError(rule.path, f"{field_name}.phrases", str(exc)) from None
        flags = 0 if spec.get("case") == "sensitive" else re.IGNORECASE
        words = self._word_classes(rule, spec, ctx, field_name)
        self.patterns = []
        # Each regex with the word sets its matches need (every match holds a word of each set).
        self.searches: list[tuple[Search, tuple[frozenset[str], ...]]] = []
        for pattern in string_list(rule, spec.get("regex", []), f"{field_name}.regex"):
            compiled, anchors = compile_rule_regex(rule, pattern, ctx, f"{field_name}.regex", flags | re.UNICODE)
            self.patterns.append(compiled)
            groups_to_test = {group: classed for group, classed in words.items() if group in compiled.groupindex}
            self.searches.append((ctx.search(compiled, groups_to_test), tuple(anchors)))
        for name in names:
            self.patterns.append(literal_name_pattern(name))
            self.searches.append((ctx.search(self.patterns[-1]), ()))
        self.empty = not phrases and not self.patterns
        unused = set(words) - {group for pattern in self.patterns for group in pattern.groupindex}
        if unused:
            raise RuleError(rule.path, f"{field_name}.words", f"no regex has a group named {sorted(unused)[0]!r}")

    @staticmethod
    def _word_classes(rule: Rule, spec: dict, ctx: CompileContext,
                      field_name: str) -> dict[str, tuple[str, frozenset[str]]]:
        """`words: {group: class}`: a regex match counts only when the group holds a word of the class."""
        words = spec.get("words", {})
        if not isinstance(words, dict) or not all(isinstance(group, str) for group in words):
            raise RuleError(rule.path, f"{field_name}.words", "must map a regex group name to a word class")
        return {group: (name, ctx.word_class(rule, name, f"{field_name}.words.{group}"))
                for group, name in words.items()}

    def find(self, analysis: DocumentAnalysis) -> list[Hit]:
        hits = list(analysis.phrase_hits(self.group))
        for search, anchors in self.searches:
            for number, block in blocks_to_search(analysis, search, anchors):
                spans = block.data.regex_spans(search)
                if spans:
                    hits.extend(Hit(number, start, end) for start, end in spans)
        return longest_hits(hits)

    def occurs_in(self, analysis: DocumentAnalysis) -> bool:
        """Whether `find` would find anything, without making or sorting the hits (a draft holds
        hundreds of « vous » when a rule only asks whether there is one)."""
        if any(self.group in block.data.phrase_hits for block in analysis.blocks):
            return True
        return any(block.data.regex_spans(search) for search, anchors in self.searches
                   for _number, block in blocks_to_search(analysis, search, anchors))


def blocks_to_search(analysis: DocumentAnalysis, search: Search, anchors: tuple[frozenset[str], ...]):
    """(number, block) of the blocks a rule's regex may match in: the draft as a whole is asked
    first (most regexes have no chance in most drafts), then each block must hold a word of every
    set the matches need (`anchors`, from `compile_rule_regex`)."""
    if not analysis.may_match(search) \
            or any(words.isdisjoint(analysis.word_set) for words in anchors):
        return
    for number, block in enumerate(analysis.blocks):
        if anchors and any(words.isdisjoint(block.data.word_set) for words in anchors):
            continue
        yield number, block


def compile_rule_regex(rule: Rule, pattern: str, ctx: CompileContext, field_name: str,
                       flags: int = re.IGNORECASE) -> tuple[re.Pattern, list[frozenset[str]]]:
    """A rule file's regular expression, lexicon macros expanded, with the anchor word sets of
    `expand_lexicon_macros`; a bad one is an error naming the file and field."""
    expanded, anchors = expand_lexicon_macros(rule, pattern, ctx, field_name)
    try:
        return re.compile(expanded, flags), anchors
    except re.error as exc:
        raise RuleError(rule.path, field_name, f"invalid regular expression {expanded!r}: {exc}") from None


def literal_name_pattern(name: str) -> re.Pattern:
    """A name as written, punctuation included ("Acme inc.", "Dupont & Fils", "L'Atelier"):
    either apostrophe, any spacing between words, any case, never inside a longer word."""
    pieces = []
    for part in re.split(r"(\s+|['’])", name.strip()):
        if part.isspace():
            pieces.append(r"\s+")
        elif part in ("'", "’"):
            pieces.append("['’]")
        elif part:
            pieces.append(re.escape(part))
    before = r"(?<!\w)" if re.match(r"\w", name.strip()) else ""
    after = r"(?!\w)" if re.search(r"\w$", name.strip()) else ""
    return re.compile(before + "".join(pieces) + after, re.IGNORECASE)


_MACRO = re.compile(r"\{\{(verbs|adjectives|lexicon|pattern)(!?):([\w.-]+)\}\}")


def expand_lexicon_macros(rule: Rule, pattern: str, ctx: CompileContext,
                          field_name: str) -> tuple[str, list[frozenset[str]]]:
    """`{{lexicon:titres.txt}}` -> an alternation of the lexicon's entries; `{{pattern:FILE}}` -> the
    regular expression a lexicon file holds (see _shared_pattern); `{{verbs:FILE}}` ->
    of every inflected form of the verbs it lists; `{{adjectives:FILE}}` -> of every gender and
    number form of French adjectives (the last word of an entry: « plus important » ->
    « plus importantes »). See inflect.py.

    Also returns anchor word sets (the last word of each entry or form) of the macros every match
    needs: `{{verbs:}}` always (a verb macro must be a required part of the pattern), and any
    macro written with `!` (`{{lexicon!:titres.txt}}`). A block that holds no word of an anchor
    set is skipped without running the regex."""
    anchors: list[frozenset[str]] = []

    def replace(match: re.Match) -> str:
        if match.group(1) == "pattern":
            return _shared_pattern(rule, match, ctx, field_name)
        entries = _lexicon_entries(rule, match.group(3), ctx, field_name)
        if match.group(1) == "verbs":
            entries = [form for entry in entries for form in verb_forms(entry, ctx.lang)]
        elif match.group(1) == "adjectives" and ctx.lang == "fr":
            entries = [entry.rsplit(" ", 1)[0] + " " + form if " " in entry else form
                       for entry in entries for form in french_adjective_forms(entry.rsplit(" ", 1)[-1])]
        if match.group(1) == "verbs" or match.group(2):
            anchors.append(frozenset(_last_word(e) for e in entries))
        return _trie_regex(frozenset(" ".join(e.split()) for e in entries))

    expanded = _MACRO.sub(replace, pattern)
    return expanded, list(dict.fromkeys(anchors))


def _shared_pattern(rule: Rule, match: re.Match, ctx: CompileContext, field_name: str) -> str:
    """`{{pattern:FILE}}` -> the regular expression a lexicon file holds, one alternative per line (a line
    that starts with '#' is a comment), so that rules that need the same test (is this "our" the
    company's?) share one definition. The file may use lexicon macros, not another pattern; it is no
    anchor (no `!`)."""
    if match.group(2):
        raise RuleError(rule.path, field_name, f"{match.group(0)}: a pattern macro cannot be an anchor (no '!')")
    lines = ctx.pattern(rule, match.group(3), field_name)
    if any("{{pattern:" in line for line in lines):
        raise RuleError(rule.path, field_name, f"{match.group(0)}: a pattern file cannot use another pattern")
    body = "|".join(f"(?:{line})" for line in lines)
    return "(?:" + _MACRO.sub(lambda inner: _lexicon_alternation(rule, inner, ctx, field_name), body) + ")"


def _lexicon_alternation(rule: Rule, match: re.Match, ctx: CompileContext, field_name: str) -> str:
    """A plain `{{lexicon:FILE}}` inside a pattern file (verbs, adjectives and anchors are the rule's to use)."""
    if match.group(1) != "lexicon" or match.group(2):
        raise RuleError(rule.path, field_name, f"{match.group(0)}: a pattern file may only use {{{{lexicon:FILE}}}}")
    return _trie_regex(frozenset(" ".join(e.split()) for e in _lexicon_entries(rule, match.group(3), ctx, field_name)))


def _lexicon_entries(rule: Rule, name: str, ctx: CompileContext, field_name: str) -> list[str]:
    """A lexicon's entries with their `{a|b}` variants spelled out (a verb's `lemma = forms` line kept whole)."""
    return [variant for entry in ctx.lexicon(rule, name, field_name)
            for variant in ([entry] if "=" in entry else expand_alternations(entry))]


def _last_word(entry: str) -> str:
    """The entry's last word as the tokenizer gives it (lowercase, split at apostrophes and
    hyphens and dots): « président-directeur général » -> "général", "P.-D.G." -> "g"."""
    words = re.findall(r"\w+", entry.lower())
    return words[-1] if words else entry.lower()


@functools.lru_cache(maxsize=1024)
def _trie_regex(words: frozenset[str]) -> str:
    """The lexicon's words as one alternation factored by common prefixes (hundreds of verb forms cost
    a word's length per position, not their number), a space matching any run of spaces and either
    apostrophe matching both. Greedy and longest first: "a déclaré" is preferred to a shorter form
    where both fit. Memoised: each pack compiled in a process (another configuration) expands the
    same lexicons."""
    return "(?:" + prefix_alternation(words, _lexicon_char) + ")"


def _lexicon_char(char: str) -> str:
    return "\\s+" if char == " " else "['’]" if char in "'’" else re.escape(char)


def longest_hits(hits: list) -> list:
    """Of overlapping hits (or findings) in a block, keep the earliest and longest."""
    kept: list = []
    for hit in sorted(hits, key=lambda h: (h.block, h.start, -h.end)):
        if kept and kept[-1].block == hit.block and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def string_list(rule: Rule, value, field_name: str) -> list[str]:
    """A rule field that must be a list of non-empty strings (a bad one stops with its name)."""
    strings = as_string_list(value)
    if strings is None:
        raise RuleError(rule.path, field_name, "must be a list of non-empty strings")
    return strings


def require(rule: Rule, spec: dict, *names: str) -> None:
    """Each of these `match` fields must be present."""
    for name in names:
        if name not in spec:
            raise RuleError(rule.path, f"match.{name}", "is required")


def number(rule: Rule, spec: dict, name: str, default=None, minimum: float = 0):
    value = spec.get(name, default)
    if value is None:
        raise RuleError(rule.path, f"match.{name}", "is required")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
        raise RuleError(rule.path, f"match.{name}", f"must be a number ≥ {minimum}")
    return value


def choice(rule: Rule, spec: dict, name: str, options: tuple[str, ...], default: str) -> str:
    value = spec.get(name, default)
    if value not in options:
        raise RuleError(rule.path, f"match.{name}", f"must be one of {', '.join(options)}")
    return value


def exception_filter(rule: Rule, ctx: CompileContext) -> "ExceptionFilter":
    """Hits overlapping one of the rule's `exceptions` phrases are dropped."""
    return ExceptionFilter(TermSet(rule, rule.exceptions, ctx, "exceptions") if rule.exceptions else None)


class ExceptionFilter:
    """A rule's `exceptions`, as a callable (a class, not a closure: compiled packs are pickled)."""

    def __init__(self, terms: TermSet | None) -> None:
        self.terms = terms

    def __call__(self, analysis: DocumentAnalysis, hits: list[Hit]) -> list[Hit]:
        if self.terms is None or not hits:
            return hits  # no hit: nothing to look for
        spans_by_block: dict[int, list[tuple[int, int]]] = {}
        for b in self.terms.find(analysis):
            spans_by_block.setdefault(b.block, []).append((b.start, b.end))
        blocked = {number: _SpanIndex(spans) for number, spans in spans_by_block.items()}
        return [h for h in hits if not (h.block in blocked and blocked[h.block].overlaps(h.start, h.end))]


class _SpanIndex:
    """Spans of one block: does a range overlap one of them (b.start < end and start < b.end)?
    Answered by bisection, so that many hits and many exceptions in a draft cost n log n, not
    their product ("notre solution" × 10,000 took 5 s of 8 at 400,000 characters)."""

    def __init__(self, spans) -> None:
        self.starts: list[int] = []  # disjoint after merging the spans that overlap
        self.ends: list[int] = []
        self.points: list[int] = []  # empty spans: they block a range around them
        for start, end in sorted(spans):
            if start == end:
                self.points.append(start)
            elif self.starts and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        last = bisect.bisect_left(self.starts, end) - 1  # the last span starting before `end`
        if last >= 0 and start < self.ends[last]:
            return True
        point = bisect.bisect_right(self.points, start)
        return point < len(self.points) and self.points[point] < end


_NOTHING: frozenset[str] = frozenset()


class OwnerTest:
    """A rule's `unowned.owner`: words that say whose praise it is ("we", "our", the author's
    organisation). Praise in a paragraph without them may be a third party's ("the hotel's
    cutting-edge design" in an awards release): a weaker sign of self-promotion."""

    def __init__(self, rule: Rule, ctx: CompileContext) -> None:
        use_self_names = rule.unowned.get("self_names", False)
        self.terms = TermSet(rule, rule.unowned["owner"], ctx, "unowned.owner",
                             names=ctx.self_names if use_self_names else ())
        self.use_author_names = use_self_names

    def blocks_with_owner(self, analysis: DocumentAnalysis) -> set[int]:
        blocks = {hit.block for hit in self.terms.find(analysis)}
        if self.use_author_names:
            blocks.update(number for number, _start in analysis.author_name_hits)
        return blocks


class Check:
    """A compiled rule. Subclasses read `rule.match` in __init__ and find in run()."""

    kind = ""

    def __init__(self, rule: Rule, ctx: CompileContext) -> None:
        self.rule = rule
        self.spec = rule.match
        self.filter_exceptions = exception_filter(rule, ctx)
        self.owners = OwnerTest(rule, ctx) if rule.unowned else None

    def weigh(self, analysis: DocumentAnalysis, findings: list[Finding]) -> list[Finding]:
        """The findings, those with no owner in their paragraph weighing the rule's `unowned` strength."""
        if self.owners is not None and findings:
            owned = self.owners.blocks_with_owner(analysis)
            for finding in findings:
                if finding.block not in owned:
                    finding.strength = self.rule.unowned["strength"]
        return findings

    @property
    def needs(self) -> frozenset[str]:
        """What it needs from the tagger ("pos", "lemma"): the engine loads a model only for those."""
        return _NOTHING

    @property
    def describes_document(self) -> bool:
        """Are its findings about the whole draft (no invitation, readability), their span only
        a pointer? Outputs show those as file-level findings."""
        return False

    def run(self, analysis: DocumentAnalysis) -> list[Finding]:
        raise NotImplementedError


class ReadFields(dict):
    """A rule's `match` mapping that records which fields its kind looks at: a field the
    kind never reads is a typo (`phrase:` for `phrases:`), never silently ignored. Nested
    mappings (`context:`, `target:`, `self:`) are recorded the same way."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.read: set[str] = set()
        for key, value in dict.items(self):  # not self.items(): that marks every field read
            if isinstance(value, dict) and not isinstance(value, ReadFields):
                super().__setitem__(key, ReadFields(value))

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        self.read.add(key)
        return super().__contains__(key)

    # A mapping walked whole is data (`swap:` terms), not fields: all of it counts as read.
    def __iter__(self):
        self.read.update(dict.keys(self))
        return super().__iter__()

    def items(self):
        self.read.update(dict.keys(self))
        return super().items()

    def keys(self):
        self.read.update(dict.keys(self))
        return super().keys()

    def values(self):
        self.read.update(dict.keys(self))
        return super().values()

    def unread(self, prefix: str = "") -> list[tuple[str, set[str]]]:
        """(dotted field, fields read beside it) for every field nobody read, nested ones too."""
        present = set(dict.keys(self))
        found = [(prefix + key, self.read) for key in sorted(present - self.read)]
        for key in sorted(self.read & present):
            value = dict.__getitem__(self, key)
            if isinstance(value, ReadFields):
                found += value.unread(f"{prefix}{key}.")
        return found


def compile_check(kind_class, rule: Rule, ctx: CompileContext) -> "Check":
    """The check for a rule, refusing `match` fields its kind does not read."""
    from dataclasses import replace

    from ..config import did_you_mean

    spec = ReadFields(rule.match)
    check = kind_class(replace(rule, match=spec), ctx)
    unknown = spec.unread()
    if unknown:
        name, known = unknown[0]
        last = name.rsplit(".", 1)[-1]
        raise RuleError(rule.path, f"match.{name}",
                        f"unknown field for a {rule.kind} rule{did_you_mean(last, known)} "
                        f"(read here: {', '.join(sorted(known)) or 'nothing'})")
    return check
