"""The draft's tone profile in the editor: a code lens at the top of the document, and
the `tonelint.profile` command (workspace/executeCommand) that returns the profile as
`tonelint check --format json` has it and shows it to the writer.

Per dimension, as the CLI's profile gives it: the level (none / some / strong; dialogue:
present / missing), the 0-100 score and, for the dimensions judged by a verdict, the
evidence against the threshold. Both are said in the draft's interface language
(`LintedDraft.ui_lang`), with the catalogue entries the CLI's text output uses: dimension
ids as they are, levels translated.
"""
from __future__ import annotations

from lsprotocol import types

from ..i18n import N_, NOT_LINTED, capitalised, say, translator
from .conversion import LintedDraft

PROFILE_COMMAND = "tonelint.profile"


def lens_title(draft: LintedDraft) -> str:
    """One line: "Tone: press-release strong 45 · self-promotion none 0 · ... · readability 62"."""
    _ = translator(draft.ui_lang).gettext
    if not draft.linted:  # its empty profile would read as a clean draft
        return capitalised(_(NOT_LINTED))
    parts = []
    for name in draft.dimensions:
        entry = draft.profile.get(name, {})
        parts.append(f"{name} {_(entry.get('level', 'none'))} {entry.get('score', 0)}")
    metrics = draft.profile.get("metrics", {})
    if metrics.get("words") and "score" in metrics:
        parts.append(_("readability {score}").format(score=f"{metrics['score']:.0f}"))
    return _("Tone: ") + " · ".join(parts)


def profile_lens(draft: LintedDraft) -> types.CodeLens:
    top = types.Range(types.Position(line=0, character=0), types.Position(line=0, character=0))
    return types.CodeLens(range=top, command=types.Command(title=lens_title(draft), command=PROFILE_COMMAND,
                                                           arguments=[draft.uri]))


def profile_message(draft: LintedDraft) -> str:
    """What the command shows: each dimension with its findings and verdict, on one line each."""
    words = translator(draft.ui_lang)
    _, n_ = words.gettext, words.ngettext
    count = n_("{n} word", "{n} words", draft.words).format(n=draft.words)
    lines = [_("tonelint: tone of {name} ({lang}, {words})").format(
        name=draft.uri.rsplit('/', 1)[-1], lang=draft.lang, words=count)]
    if not draft.linted:
        return "\n".join(lines + [_(NOT_LINTED), *(say(n, words) for n in draft.notices)])
    for name in draft.dimensions:
        entry = draft.profile.get(name, {})
        values = {"dimension": name, "level": _(entry.get("level", "none")), "score": entry.get("score", 0),
                  "findings": n_("{n} finding", "{n} findings", entry.get("findings", 0)).format(n=entry.get("findings", 0))}
        verdict = entry.get("verdict")
        if verdict:
            lines.append(_(_WITH_VERDICT).format(strength=f"{verdict['strength']:g}",
                                                 threshold=f"{verdict['threshold']:g}", **values))
        else:
            lines.append(_(_WITHOUT_VERDICT).format(**values))
    metrics = draft.profile.get("metrics", {})
    if metrics.get("words") and "score" in metrics:
        lines.append(_("readability {score} ({formula}), {per_sentence} words/sentence").format(
            score=f"{metrics['score']:.0f}", formula=metrics.get("formula", ""),
            per_sentence=metrics.get("words_per_sentence", 0)))
    return "\n".join(lines)


_WITHOUT_VERDICT = N_("{dimension}: {level}, score {score}, {findings}")
_WITH_VERDICT = N_("{dimension}: {level}, score {score}, {findings}, evidence {strength} for a threshold of {threshold}")


def profile_result(draft: LintedDraft) -> dict:
    """The command's answer: the profile as the CLI's JSON output has it, for this version
    (`summary`: the lens's line, in the interface language)."""
    return {"uri": draft.uri, "version": draft.version, "lang": draft.lang, "words": draft.words,
            "summary": lens_title(draft), "profile": draft.profile, "linted": draft.linted}
