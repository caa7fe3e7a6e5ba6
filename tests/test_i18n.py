"""tonelint's own words exist in English and in French, with the same placeholders."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from tonelint.i18n import catalogue_path, translator, ui_language

LINTER = Path(__file__).resolve().parents[1] / "linter"
KEYWORDS = {"_": None, "N_": None, "NP_": (1, 2), "n_": (1, 2), "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{\w*\}")


def _messages_in_code() -> set:
    found = set()
    for path in sorted(LINTER.rglob("*.py")):
        for _line, message, _comments, _context in extract_from_file("python", str(path), keywords=KEYWORDS):
            found.add(message)
    return found


def test_every_message_has_a_french_translation_with_the_same_placeholders():
    with catalogue_path("fr").open("rb") as source:
        catalogue = read_po(source, locale="fr")
    translated = {m.id: m for m in catalogue if m.id}
    in_code = _messages_in_code()
    assert in_code, "no message found: the extraction keywords changed?"
    missing = [m for m in in_code if m not in translated]
    assert not missing, f"not in linter/locale/fr.po: {missing}"
    unused = [m for m in translated if m not in in_code]
    assert not unused, f"in fr.po but no longer in the code: {unused}"
    for message_id, message in translated.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"empty translation for {message_id!r}"
        ids = message_id if isinstance(message_id, tuple) else (message_id,)
        for string in strings:
            assert sorted(PLACEHOLDER.findall(string)) == sorted(PLACEHOLDER.findall(ids[-1])), (message_id, string)
        assert not message.fuzzy, message_id


def test_interface_language_from_option_then_locale():
    assert ui_language({"LANG": "fr_CA.UTF-8"}) == "fr"
    assert ui_language({"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}) == "en"
    assert ui_language({"LANG": "fr_CA.UTF-8"}, "en") == "en"
    assert ui_language({"LANG": "de_DE.UTF-8"}) == "en" and ui_language({}) == "en"
    assert translator("fr").ngettext("{n} error", "{n} errors", 2) == "{n} erreurs"
    assert translator("en").gettext("Flagged:") == "Flagged:"


def test_the_command_speaks_french_to_a_french_locale(tmp_path):
    draft = tmp_path / "billet.md"
    draft.write_text("Nous sommes fiers d'annoncer un partenariat stratégique.\n", encoding="utf-8")
    env = {"LANG": "fr_CA.UTF-8", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-m", "tonelint", "check", str(draft)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert "avertissement fr.press-release" in proc.stdout
    assert "Ton : press-release marqué" in proc.stdout and "mots par phrase" in proc.stdout
    english = subprocess.run([sys.executable, "-m", "tonelint", "--ui-lang", "en", "check", str(draft)],
                             capture_output=True, text=True, env=env, timeout=120)
    assert "warning fr.press-release" in english.stdout and "Tone: " in english.stdout
    missing = subprocess.run([sys.executable, "-m", "tonelint", "check", str(tmp_path / "absent.md")],
                             capture_output=True, text=True, env=env, timeout=120)
    assert missing.returncode == 2 and ": erreur :" in (missing.stdout + missing.stderr)
