"""The draft's tone profile in the editor: a code lens at the top of the document, and
the `tonelint.profile` command (workspace/executeCommand) that returns the profile as
`tonelint check --format json` has it and shows it to the writer.

Per dimension, as the CLI's profile gives it: the level (none / some / strong; dialogue:
present / missing), the 0-100 score and, for the dimensions judged by a verdict, the
evidence against the threshold.
"""
from __future__ import annotations

from lsprotocol import types

from .conversion import LintedDraft

PROFILE_COMMAND = "tonelint.profile"
NOT_LINTED = "Tone: not linted (the text reads as neither French nor English)"


def lens_title(draft: LintedDraft) -> str:
    """One line: "Tone: press-release strong 45 · self-promotion none 0 · ... · readability 62"."""
    if not draft.linted:  # its empty profile would read as a clean draft
        return NOT_LINTED
    parts = []
    for name in draft.dimensions:
        entry = draft.profile.get(name, {})
        parts.append(f"{name} {entry.get('level', 'none')} {entry.get('score', 0)}")
    metrics = draft.profile.get("metrics", {})
    if metrics.get("words") and "score" in metrics:
        parts.append(f"readability {metrics['score']:.0f}")
    return "Tone: " + " · ".join(parts)


def profile_lens(draft: LintedDraft) -> types.CodeLens:
    top = types.Range(types.Position(line=0, character=0), types.Position(line=0, character=0))
    return types.CodeLens(range=top, command=types.Command(title=lens_title(draft), command=PROFILE_COMMAND,
                                                           arguments=[draft.uri]))


def profile_message(draft: LintedDraft) -> str:
    """What the command shows: each dimension with its findings and verdict, on one line each."""
    lines = [f"tonelint: tone of {draft.uri.rsplit('/', 1)[-1]} ({draft.lang}, {draft.words} words)"]
    if not draft.linted:
        return "\n".join(lines + [NOT_LINTED, *draft.notices])
    for name in draft.dimensions:
        entry = draft.profile.get(name, {})
        line = f"{name}: {entry.get('level', 'none')}, score {entry.get('score', 0)}, {entry.get('findings', 0)} findings"
        verdict = entry.get("verdict")
        if verdict:
            line += f", evidence {verdict['strength']:g} for a threshold of {verdict['threshold']:g}"
        lines.append(line)
    metrics = draft.profile.get("metrics", {})
    if metrics.get("words") and "score" in metrics:
        lines.append(f"readability {metrics['score']:.0f} ({metrics.get('formula', '')}), "
                     f"{metrics.get('words_per_sentence', 0)} words a sentence")
    return "\n".join(lines)


def profile_result(draft: LintedDraft) -> dict:
    """The command's answer: the profile as the CLI's JSON output has it, for this version."""
    return {"uri": draft.uri, "version": draft.version, "lang": draft.lang, "words": draft.words,
            "summary": lens_title(draft), "profile": draft.profile, "linted": draft.linted}
