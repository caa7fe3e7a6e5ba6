"""The editor's own settings for tonelint: `initializationOptions`, and the "tonelint"
section the server pulls with `workspace/configuration` for each workspace folder:

    {"lang": "fr" | "en" | "auto", "variant": "fr-CA", "select": ["fr.press-release"],
     "ignore": ["fr.register"], "grammarServer": "http://localhost:8081", "uiLang": "fr" | "en" | "auto"}

They narrow each lint over the configuration files' settings, as the CLI's options do;
`uiLang` is the language of tonelint's own words (the profile's lens and message), as the
CLI's --ui-lang.
For each key the most specific value wins: the draft's folder's section, then the
section without a folder, then initializationOptions. A key left empty (null, "",
[], "auto") is not set. A value that makes no sense is reported and left out, never fatal.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from ..configcheck import is_rule_name, known_rule_names, unknown_rule_message
from ..i18n import UI_LANGUAGES
from ..rulepack import LANGUAGES
from ..variants import parse_variant

KEYS = ("lang", "variant", "select", "ignore", "grammarServer", "uiLang")
SECTION = "tonelint"


@dataclass(frozen=True)
class EditorOptions:
    """Each field None when the editor does not set it."""

    lang: str | None = None
    variant: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    grammar_server: str | None = None
    ui_lang: str | None = None

    def over(self, fallback: "EditorOptions") -> "EditorOptions":
        """These options, with `fallback`'s for the keys these leave unset."""
        return EditorOptions(**{f.name: getattr(self, f.name) if getattr(self, f.name) is not None
                                else getattr(fallback, f.name) for f in fields(self)})


def read_options(raw, initialization: bool = True) -> tuple[EditorOptions, list[str]]:
    """The options, and a message for each value left out. Unknown keys are reported in
    initializationOptions only: an editor's settings section also holds the editor's own
    keys (VS Code's `tonelint.path`, `tonelint.trace.server`)."""
    def where(key: str) -> str:  # how a problem names the value
        return f"initialization option {key!r}" if initialization else f"setting '{SECTION}.{key}'"

    if raw is None:
        return EditorOptions(), []
    if not isinstance(raw, dict):
        what = "initializationOptions" if initialization else f"the '{SECTION}' settings"
        return EditorOptions(), [f"{what} must be an object with {', '.join(KEYS)}"]
    problems = [f"unknown initialization option {key!r} (known: {', '.join(KEYS)})"
                for key in raw if key not in KEYS] if initialization else []
    lang = _choice(raw, "lang", LANGUAGES, where, problems)
    variant = raw.get("variant")
    if variant in (None, "", "auto"):
        variant = None
    else:
        try:
            if not isinstance(variant, str):
                raise ValueError(f"{where('variant')} must be a variant such as fr-CA, or auto")
            variant = parse_variant(variant, where("variant"))
        except ValueError as exc:
            problems.append(str(exc))
            variant = None
    grammar_server = raw.get("grammarServer")
    if grammar_server in (None, ""):
        grammar_server = None
    elif not isinstance(grammar_server, str) or not grammar_server.startswith(("http://", "https://")):
        problems.append(f"{where('grammarServer')} must be an http:// or https:// URL")
        grammar_server = None
    ui_lang = _choice(raw, "uiLang", UI_LANGUAGES, where, problems)
    lists = {key: _rule_names(raw.get(key), where(key), problems) for key in ("select", "ignore")}
    return EditorOptions(lang, variant, lists["select"], lists["ignore"], grammar_server, ui_lang), problems


def _rule_names(value, where: str, problems: list[str]) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where} must be a list of rule ids or prefixes")
        return None
    names = known_rule_names(()) if value else None
    kept = []
    for name in (v.strip() for v in value if v.strip()):
        if is_rule_name(name, names):
            kept.append(name)
        else:
            problems.append(f"{where}: {unknown_rule_message(name, names)}")
    return tuple(kept) or None


class EditorSettings:
    """The options in force for each draft: initializationOptions under what the client
    answered to `workspace/configuration`, for no folder and for each workspace folder."""

    def __init__(self, initialization: EditorOptions | None = None) -> None:
        self.initialization = initialization or EditorOptions()
        self._pulled: EditorOptions = EditorOptions()  # the section asked without a folder
        self._folders: dict[Path, EditorOptions] = {}

    def pulled(self, unscoped: EditorOptions, folders: dict[Path, EditorOptions]) -> None:
        self._pulled, self._folders = unscoped, dict(folders)

    def for_folder(self, folder: Path | None) -> EditorOptions:
        general = self._pulled.over(self.initialization)
        specific = self._folders.get(folder) if folder is not None else None
        return specific.over(general) if specific is not None else general


def _choice(raw: dict, key: str, allowed, where, problems: list[str]) -> str | None:
    """One of `allowed`, or None for unset / "auto"; anything else is reported and ignored."""
    value = raw.get(key)
    if value in (None, "", "auto"):
        return None
    if value not in allowed:
        problems.append(f"{where(key)} must be {', '.join(allowed)} or auto, not {value!r}")
        return None
    return value
