"""The command's own words in the writer's language (English or French).

Rule messages are written in the draft's language by the rule packs; this module
is for what the program itself says: the summary line, labels, headings, notes.
Messages are written in English in the code, wrapped in `translator(lang).gettext`,
and translated in `locale/<lang>.po` (gettext catalogues, read with Babel: no
compilation step). The interface language is `--ui-lang`, else the locale
(LC_ALL, LC_MESSAGES, LANG), else English.
"""
from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

UI_LANGUAGES = ("en", "fr")
_CATALOGUES = Path(__file__).parent / "locale"


def ui_language(environ, requested: str | None = None) -> str:
    """`requested` (--ui-lang) if given, else the locale's language when it is one we speak."""
    if requested:
        return requested if requested in UI_LANGUAGES else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            code = value.split(".")[0].split("_")[0].split("-")[0].lower()
            return code if code in UI_LANGUAGES else "en"
    return "en"


@lru_cache(maxsize=len(UI_LANGUAGES))
def translator(lang: str) -> gettext.NullTranslations:
    """The catalogue of `lang` (English: the messages as written). Read once per process."""
    path = _CATALOGUES / f"{lang}.po"
    if lang == "en" or not path.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as source:
        catalogue = read_po(source, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is written; translated where it is shown."""
    return message


def catalogue_path(lang: str) -> Path:
    return _CATALOGUES / f"{lang}.po"
