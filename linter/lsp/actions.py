"""Code actions on tonelint's findings: apply a suggestion, ignore one finding, turn a rule off.

Each action carries its edit (no round trip): the editor applies it as is. Titles are
in the writer's interface language (`ui_lang`, English unless asked).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types

from ..i18n import translator
from ..sources.frontmatter import find_front_matter
from ..sources.suppress import disable_next_line_comment
from .config_edit import ConfigEditError, with_rule_off
from .positions import PositionMap


@dataclass(frozen=True)
class Finding:
    """A diagnostic the editor shows, with what the actions need from its lint."""

    diagnostic: types.Diagnostic
    rule_id: str
    suggestions: tuple[str, ...]
    replaceable: bool  # the finding's source text is plain prose (no markup a replacement would drop)
    range: types.Range  # where the finding is now (some clients send the diagnostic back in other units)


@dataclass(frozen=True)
class ConfigTarget:
    """The configuration file that "turn off this rule" edits."""

    path: Path
    text: str | None  # None: it does not exist yet and is created
    version: int | None = None  # when it is open in the editor
    pyproject: bool = False


# Formats whose drafts tonelint reads suppression comments in: <!-- tonelint-... -->, and
# {/* tonelint-... */} in MDX (where an HTML comment is a syntax error).
IGNORABLE_FORMATS = ("markdown", "mdx", "html", "text")
_FRONT_MATTER_FORMATS = ("markdown", "mdx")
# Lines a comment must not be appended to: code fences, thematic breaks, setext
# underlines and front matter delimiters (---, +++).
_STRUCTURAL = re.compile(r"^\s*(```|~~~|([-=*_+]\s*){3,}$)")


def code_actions(uri: str, text: str, fmt: str, encoding: str, findings: list[Finding],
                 target: ConfigTarget | None, ui_lang: str = "en") -> list[types.CodeAction]:
    _ = translator(ui_lang).gettext
    actions: list[types.CodeAction] = []
    for finding in findings:
        if finding.replaceable:
            for rank, suggestion in enumerate(finding.suggestions):
                actions.append(types.CodeAction(
                    title=_("Replace with “{suggestion}”").format(suggestion=suggestion),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[finding.diagnostic], is_preferred=rank == 0,
                    edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(finding.range, suggestion)]})))
    front = find_front_matter(text) if fmt in _FRONT_MATTER_FORMATS else None
    for finding in findings:
        in_front_matter = front is not None and finding.range.start.line < text.count("\n", 0, front.end)
        if fmt in IGNORABLE_FORMATS and not in_front_matter:  # a comment inside YAML would break the page
            edit = ignore_here_edit(text, encoding, finding.range.start.line, finding.rule_id, fmt)
            actions.append(types.CodeAction(
                title=_("Ignore {rule} here").format(rule=finding.rule_id), kind=types.CodeActionKind.QuickFix,
                diagnostics=[finding.diagnostic], edit=types.WorkspaceEdit(changes={uri: [edit]})))
    if target is not None:
        for rule_id in dict.fromkeys(f.rule_id for f in findings):
            edit = turn_off_edit(target, rule_id, encoding)
            if edit is not None:
                actions.append(types.CodeAction(
                    title=_("Turn off {rule} in this workspace").format(rule=rule_id),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[f.diagnostic for f in findings if f.rule_id == rule_id], edit=edit))
    return actions


FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.tonelint"


def fix_all_action(uri: str, fixes: list[tuple[types.Range, str]], ui_lang: str = "en") -> types.CodeAction | None:
    """One action applying the first suggestion of every safe finding (ranges in document
    order, overlapping ones left out: two fixes must never rewrite the same words)."""
    edits: list[types.TextEdit] = []
    for where, suggestion in sorted(fixes, key=lambda fix: (fix[0].start.line, fix[0].start.character)):
        if edits and _before(where.start, edits[-1].range.end):
            continue
        edits.append(types.TextEdit(where, suggestion))
    if not edits:
        return None
    _ = translator(ui_lang).gettext
    return types.CodeAction(title=_("Fix all safe tonelint findings in this file"), kind=FIX_ALL_KIND,
                            edit=types.WorkspaceEdit(changes={uri: edits}))


def wanted(action: types.CodeAction, only: list[str] | None) -> bool:
    """Whether the client asked for this kind of action (`only`: kinds or their prefixes)."""
    return not only or any(action.kind == kind or action.kind.startswith(kind + ".") for kind in only)


def _before(a: types.Position, b: types.Position) -> bool:
    return (a.line, a.character) < (b.line, b.character)


def ignore_here_edit(text: str, encoding: str, line: int, rule_id: str, fmt: str = "markdown") -> types.TextEdit:
    """`<!-- tonelint-disable-next-line RULE -->` (in MDX `{/* ... */}`) for the finding's line.

    At the start of a block it goes on its own line before it. Inside a block it goes
    at the end of the line above: a comment on a line of its own would split the
    paragraph in two when the Markdown renders."""
    positions = PositionMap(text, encoding)
    line = max(0, min(line, len(positions.line_starts) - 1))
    comment = disable_next_line_comment(fmt, rule_id)
    previous = positions.line_text(line - 1) if line > 0 else ""
    if previous.strip() and not _STRUCTURAL.match(previous):
        end_of_previous = positions.line_starts[line - 1] + len(previous)
        where = positions.position(end_of_previous)
        return types.TextEdit(types.Range(where, where), " " + comment)
    current = positions.line_text(line)
    indent = current[:len(current) - len(current.lstrip())]
    where = types.Position(line=line, character=0)
    return types.TextEdit(types.Range(where, where), f"{indent}{comment}{_line_break(text)}")


def turn_off_edit(target: ConfigTarget, rule_id: str, encoding: str) -> types.WorkspaceEdit | None:
    try:
        new_text = with_rule_off(target.text or "", rule_id, target.pyproject)
    except ConfigEditError:
        return None  # a configuration that does not parse: the writer fixes it first (it was reported)
    uri = target.path.as_uri()
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=target.version)
    if target.text is None:
        start = types.Position(line=0, character=0)
        return types.WorkspaceEdit(document_changes=[
            types.CreateFile(uri=uri, options=types.CreateFileOptions(ignore_if_exists=True)),
            types.TextDocumentEdit(text_document=document, edits=[types.TextEdit(types.Range(start, start), new_text)]),
        ])
    whole = types.Range(types.Position(line=0, character=0), PositionMap(target.text, encoding).end())
    return types.WorkspaceEdit(document_changes=[
        types.TextDocumentEdit(text_document=document, edits=[types.TextEdit(whole, new_text)])])


def _line_break(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"
