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
            return locale_language(value)
    return "en"


def locale_language(locale: str) -> str:
    """The interface language of a locale name ("fr_CA.UTF-8", an editor's "fr-CA", "fr"): its
    language when we speak it, else English."""
    code = locale.split(".")[0].split("_")[0].split("-")[0].lower()
    return code if code in UI_LANGUAGES else "en"


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


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with a plural form for the catalogue."""
    return singular, plural


# Sentences that several outputs say (the engine's notice, the reports, the editor's lens):
# one message each, so that they read the same everywhere and are translated once.
NOT_LINTED = N_("not linted: the text reads as neither French nor English")


def capitalised(text: str) -> str:
    """`text` as the start of a sentence (a message is written to follow "path: note: ")."""
    return text[:1].upper() + text[1:]


class Message(str):
    """Something tonelint says (a notice, an input error), in English as a plain string, that an
    output can say again in the writer's language: it keeps its template and values.

        Message(N_("no such file"))
        Message(NP_("{n} line nested too deep", "{n} lines nested too deep"), count=3)
    """

    def __new__(cls, template, count: int | None = None, **values):
        singular, plural = (template, None) if isinstance(template, str) else template
        english = plural if plural is not None and count != 1 else singular
        text = super().__new__(cls, english.format(n=count, **values))
        text.singular, text.plural, text.count, text.values = singular, plural, count, values
        return text

    def __reduce__(self):  # kept whole across --jobs worker processes
        template = self.singular if self.plural is None else (self.singular, self.plural)
        return _rebuild, (template, self.count, self.values)

    def said_in(self, translations: gettext.NullTranslations) -> str:
        values = {k: say(v, translations) for k, v in self.values.items()}
        if self.plural is None:
            return translations.gettext(self.singular).format(**values)
        return translations.ngettext(self.singular, self.plural, self.count).format(n=self.count, **values)


def _rebuild(template, count, values) -> Message:
    return Message(template, count, **values)


def message_of(error: BaseException) -> str:
    """An exception's one-line message, as a Message when it was raised with one."""
    if error.args and isinstance(error.args[0], Message) and len(error.args) == 1:
        return error.args[0]
    return str(error)


def say(text, translations: gettext.NullTranslations) -> str:
    """`text` in the translations' language when it is a Message; as it is otherwise."""
    return text.said_in(translations) if isinstance(text, Message) else str(text)


def catalogue_path(lang: str) -> Path:
    return _CATALOGUES / f"{lang}.po"
