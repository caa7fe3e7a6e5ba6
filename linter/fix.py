"""`tonelint check --fix`: apply the first suggestion of findings, in the draft's own bytes.

A fix is the first suggestion put in place of a finding's source text. It is applied only
where that text is plain prose copied one for one from the source (never code, front matter,
URLs, markup, entities or template syntax), never over another fix, and only for rules whose
replacement is safe unless unsafe fixes are asked for. Files keep their encoding, byte order
mark, line endings and final newline; they are written beside and renamed into place, and
never over a file that changed on disk since it was read.
"""
from __future__ import annotations

import bisect
import difflib
import html
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field

from .lang import detect_language
from .model import Diagnostic
from .reading import InputError, decode_with_encoding
from .sources import extract
from .sources.block import COMBINING_MARK
from .sources.frontmatter import find_front_matter

# A one-to-one term substitution keeps the sentence: safe, unless its rule says `autofix: unsafe`
# (trade jargon's suggestions explain a term in other words). Other kinds' suggestions (a hard sell
# rewritten) and LanguageTool's corrections reword or guess: applied only with --unsafe-fixes.
SAFE_KINDS = frozenset({"substitution"})
MAX_ROUNDS = 8  # a fix left out because it overlapped another is tried again on the fixed text
# Characters a replacement must not bring into Markdown or HTML: they would become markup.
_MARKUP = {"markdown": set("*_`<>[]\\|#"), "mdx": set("*_`<>[]\\|#{}"), "html": set()}


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str


@dataclass
class FixPlan:
    edits: list[Edit]
    left: Counter = field(default_factory=Counter)  # reason -> findings with a suggestion not fixed


def safe_rule_ids(rules) -> frozenset[str]:
    """The rules whose first suggestion --fix applies without --unsafe-fixes."""
    return frozenset(rule.id for rule in rules
                     if rule.autofix == "safe" or (rule.autofix is None and rule.kind in SAFE_KINDS))


def plan_fixes(source: str, fmt: str, diagnostics: list[Diagnostic], safe_rules: frozenset[str],
               unsafe: bool = False, lang: str | None = None) -> FixPlan:
    """The edits to make (in source order, none overlapping), and why the others were left.
    `safe_rules`: the ids of the rules whose fixes are safe (see safe_rule_ids); `lang`: the
    language the draft was linted in (a paragraph plainly in the other one is left alone)."""
    plan = FixPlan([])
    prose = _VerbatimProse(source, fmt)
    for d in sorted(diagnostics, key=Diagnostic.sort_key):
        if not d.suggestions or d.document_level:
            continue
        reason = _why_not(d, safe_rules, unsafe, prose, fmt, lang)
        if reason is None and plan.edits and d.span.start < plan.edits[-1].end:
            reason = "overlaps another fix"
        if reason is not None:
            plan.left[reason] += 1
            continue
        replacement = html.escape(d.suggestions[0], quote=False) if fmt == "html" else d.suggestions[0]
        plan.edits.append(Edit(d.span.start, d.span.end, replacement, d.rule))
    return plan


def _why_not(d: Diagnostic, safe_rules: frozenset[str], unsafe: bool, prose: "_VerbatimProse",
             fmt: str, lang: str | None) -> str | None:
    suggestion = d.suggestions[0]
    if not unsafe and d.rule not in safe_rules:
        return "unsafe (use --unsafe-fixes)"
    # « e » + U+0301 for « é »: the prose holds the composed letter, so a replacement cannot be
    # placed character for character (see sources/block.py).
    if COMBINING_MARK.search(prose.source, d.span.start, d.span.end):
        return "decomposed accents (save the file in composed Unicode, NFC, to fix it)"
    found = prose.block_covering(d.span.start, d.span.end) if d.span.end > d.span.start else None
    if found is None:
        return "not plain prose (markup, code or front matter)"
    block, first = found
    if not suggestion.strip() or "\n" in suggestion or "\r" in suggestion or _MARKUP.get(fmt, set()) & set(suggestion):
        return "the suggestion would change the markup"
    if _part_of_a_name(block.text, first, first + d.span.end - d.span.start):
        return "part of a name, path or file name"
    if lang and detect_language(block.text, fallback=lang) != lang:
        return "the paragraph reads as another language"
    if lang == "fr" and _needs_elision_change(prose.source[:d.span.start], suggestion):
        return "the word before would need an elision (de → d', le → l'...)"
    return None


# Characters that join a word to a path, a file name or an identifier: « /var/mail »,
# « *.target », « mail.log », « mail-server » are names, not words to translate. Read in the
# prose, where Markdown's ** and HTML's tags around a word are already gone.
_JOINERS = set("/\\_.*$~=@#%&+-")


def _part_of_a_name(prose: str, start: int, end: int) -> bool:
    before = prose[start - 1] if start > 0 else " "
    after = prose[end] if end < len(prose) else " "
    following = prose[end + 1] if end + 1 < len(prose) else " "
    if before in _JOINERS:
        return True
    return after in _JOINERS and (after not in ".-" or following.isalnum())  # a full stop ends a sentence


# French elides a short word before a vowel: « de appliquer » must read « d'appliquer », and
# « d'faire » « de faire ». A fix that would need the word before it to change is left to the writer.
_ELIDING_WORD = re.compile(r"(?:^|[^\w'’])(?:de|le|la|que|ne|je|me|te|se|ce|jusque|lorsque|puisque)\s+$", re.I)
_ELIDED_WORD = re.compile(r"(?:^|[^\w'’])(?:d|l|qu|n|j|m|t|s|c|jusqu|lorsqu|puisqu)['’]$", re.I)
_VOWEL_OR_H = re.compile(r"[aeiouyhàâäéèêëîïôöùûüœæ]", re.I)


def _needs_elision_change(before: str, replacement: str) -> bool:
    starts_with_vowel = bool(_VOWEL_OR_H.match(replacement))
    tail = before[-20:]
    if starts_with_vowel:
        return bool(_ELIDING_WORD.search(tail))
    return bool(_ELIDED_WORD.search(tail))


class _VerbatimProse:
    """Where the source reaches the prose one character for one: what a fix may rewrite."""

    def __init__(self, source: str, fmt: str) -> None:
        self.source = source
        front = find_front_matter(source) if fmt in ("markdown", "mdx") else None
        self.front_end = front.end if front else 0
        self.blocks = sorted((b for b in extract(source, fmt).blocks if len(b.starts)), key=lambda b: b.starts[0])
        self.firsts = [b.starts[0] for b in self.blocks]

    def block_covering(self, start: int, end: int):
        """(block, index of `start` in its prose) when the block holds source [start, end)
        verbatim, else None."""
        if start < self.front_end:
            return None
        number = bisect.bisect_right(self.firsts, start) - 1
        if number < 0:
            return None
        block = self.blocks[number]
        first = i = bisect.bisect_left(block.starts, start)
        for position in range(start, end):
            if i >= len(block.text) or block.starts[i] != position or block.ends[i] != position + 1 \
                    or block.text[i] != self.source[position]:
                return None
            i += 1
        return block, first


def apply_edits(source: str, edits: list[Edit]) -> str:
    pieces, position = [], 0
    for edit in edits:
        pieces += [source[position:edit.start], edit.replacement]
        position = edit.end
    pieces.append(source[position:])
    return "".join(pieces)


@dataclass
class FixOutcome:
    text: str
    result: object  # the LintResult of the fixed text: the findings that remain
    applied: list[Edit] = field(default_factory=list)
    left: Counter = field(default_factory=Counter)


def fix_text(lint, source: str, fmt: str, result, safe_rules: frozenset[str], unsafe: bool = False,
             encoding: str | None = None) -> FixOutcome:
    """Fix, lint the fixed text again, and repeat while fixes apply (a fix that overlapped
    another may fit once that one is made). `lint(text)` gives a LintResult; `result` is the
    lint of `source`. `encoding`: fixes the file's encoding cannot hold are left out."""
    outcome = FixOutcome(source, result)
    seen = {source}
    for _ in range(MAX_ROUNDS):
        plan = plan_fixes(outcome.text, fmt, outcome.result.diagnostics, safe_rules, unsafe,
                          outcome.result.lang)
        plan.edits, unencodable = _encodable(plan.edits, encoding)
        outcome.left = plan.left
        outcome.left["the file's encoding cannot hold the suggestion"] += unencodable
        if not plan.edits:
            break
        text = apply_edits(outcome.text, plan.edits)
        if text in seen:  # fixes that undo each other: stop where we are
            break
        seen.add(text)
        outcome.text, outcome.applied = text, outcome.applied + plan.edits
        outcome.result = lint(text)
    outcome.left = +outcome.left
    return outcome


def _encodable(edits: list[Edit], encoding: str | None) -> tuple[list[Edit], int]:
    if encoding is None:
        return edits, 0
    kept = []
    for edit in edits:
        try:
            edit.replacement.encode(encoding)
            kept.append(edit)
        except UnicodeEncodeError:
            pass
    return kept, len(edits) - len(kept)


# -- files ------------------------------------------------------------------

class FixError(Exception):
    """A file cannot be fixed; the message is one line."""


@dataclass(frozen=True)
class DraftBytes:
    path: str
    data: bytes  # as read: the file is rewritten only if it still holds exactly these
    text: str
    encoding: str


def read_for_fixing(path: str, max_size: int) -> DraftBytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_size + 1)
    except OSError as exc:
        raise FixError(f"cannot read ({exc.strerror or exc})") from None
    if len(data) > max_size:
        raise FixError("file too large to fix")
    try:
        text, encoding = decode_with_encoding(data)
    except InputError as exc:
        raise FixError(str(exc)) from None
    if text.encode(encoding) != data:  # written back, even the unchanged words would move
        raise FixError(f"its bytes do not come back the same from {encoding}: not fixed")
    return DraftBytes(path, data, text, encoding)


def write_atomically(draft: DraftBytes, new_data: bytes) -> None:
    """Write beside the file, then rename over it, unless it changed since it was read."""
    folder = os.path.dirname(os.path.abspath(draft.path))
    try:
        mode = os.stat(draft.path).st_mode & 0o7777
        handle, temporary = tempfile.mkstemp(prefix=".tonelint-fix-", dir=folder)
    except OSError as exc:
        raise FixError(f"cannot write beside the file ({exc.strerror or exc})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(new_data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        with open(draft.path, "rb") as current:
            if current.read(len(draft.data) + 1) != draft.data:
                raise FixError("changed on disk since it was read: not fixed")
        os.replace(temporary, draft.path)
    except OSError as exc:
        raise FixError(f"cannot write ({exc.strerror or exc})") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


# -- one file of a `check` run -------------------------------------------------

@dataclass
class FileFix:
    path: str
    applied: int = 0
    left: Counter = field(default_factory=Counter)
    diff: str = ""
    error: str | None = None  # could not be fixed: the run fails
    note: str | None = None  # not fixed by design


def fix_report(report, job, unsafe: bool, write: bool, engines=None) -> FileFix:
    """Fix one linted file (`report`, linted from `job`), write it back or only give its diff,
    and leave in `report` the findings that remain."""
    from .runner import Engines, file_config
    from .reading import guess_format

    outcome = FileFix(report.path)
    if report.result is None:
        return outcome
    if job.path.lower().endswith(".docx"):
        outcome.note = "Word files are not fixed (their formatting runs could be lost): apply the suggestions in Word"
        return outcome
    try:
        engine = (engines or Engines()).engine_for(file_config(job), job.overrides)
        draft = read_for_fixing(job.path, engine.config.max_file_size)
        if draft.text != report.source:
            raise FixError("changed on disk since it was read: not fixed")
        fmt = job.input_format or guess_format(job.path, draft.text)
        safe = safe_rule_ids(engine.pack(report.result.lang).rules)
        fixed = fix_text(lambda text: engine.lint(text, fmt, job.lang, locale_variant=job.locale_variant),
                         draft.text, fmt, report.result, safe, unsafe, draft.encoding)
        outcome.applied, outcome.left = len(fixed.applied), fixed.left
        if fixed.applied:
            outcome.diff = unified_diff(report.path, draft.text, fixed.text)
            if write:
                write_atomically(draft, fixed.text.encode(draft.encoding))
                report.source, report.result = fixed.text, fixed.result
    except FixError as exc:
        outcome.error = str(exc)
    return outcome


def fix_summary(fixes: list[FileFix], write: bool) -> str:
    applied = sum(f.applied for f in fixes)
    files = sum(1 for f in fixes if f.applied)
    left = sum((f.left for f in fixes), Counter())
    verb = "fixed" if write else "would fix"
    line = f"{verb} {applied} finding{'s' * (applied != 1)} in {files} file{'s' * (files != 1)}"
    if left:
        reasons = ", ".join(f"{count} {reason}" for reason, count in left.most_common())
        line += f"; {sum(left.values())} with a suggestion left as they were: {reasons}"
    return line
