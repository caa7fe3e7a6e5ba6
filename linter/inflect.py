"""Inflected forms generated from a lemma, so lexicons list lemmas, not every form.

Verbs: the forms a reporting clause uses ("a déclaré", « déclare », « ont
déclaré », « déclarait », « déclara »; "said", "says", "added"). Regular verbs follow the
language's regular conjugation; an irregular verb is written in the lexicon as
`lemma = form|form|...` and its forms are taken as given. Adjectives (French):
masculine/feminine, singular/plural from the regular endings. And the other way
(`adjective_forms`): the adjective a feminine, plural or adverb may come from, for
frequency look-ups.
"""
from __future__ import annotations

import re

from functools import lru_cache

# French auxiliaries of the passé composé and plus-que-parfait, third person (reporting clauses).
_FR_AUXILIARIES = ("a", "ont", "avait", "avaient", "aura", "auront")


def parse_entry(entry: str) -> tuple[str, list[str]]:
    """`dire = dit|disent|a dit` -> ("dire", [...]); a plain lemma -> (lemma, [])."""
    if "=" in entry:
        lemma, forms = entry.split("=", 1)
        return lemma.strip(), [f.strip() for f in forms.split("|") if f.strip()]
    return entry.strip(), []


def verb_forms(entry: str, lang: str) -> list[str]:
    lemma, given = parse_entry(entry)
    if given:
        return sorted({lemma, *given})
    if lang == "fr":
        return _french_verb(lemma)
    return _english_verb(lemma)


_OPEN_E = re.compile(r"[eé](?=(?:[bcdfgjklmnpqrstvwxz]|[bcdfgptv][lr])$)")


def _french_verb(lemma: str) -> list[str]:
    reflexive = lemma.startswith("se ")
    base = lemma[3:] if reflexive else lemma
    if not base.endswith("er"):
        return [lemma]  # only regular -er verbs are generated; others come with their forms
    stem = base[:-2]
    imperfect_stem = stem + "e" if stem.endswith("g") else stem[:-1] + "ç" if stem.endswith("c") else stem
    # Third persons (press style), « nous » (« nous annonçons ») and the future (« nous doublerons »).
    # -oyer/-uyer verbs write i before a silent e: octroyer -> octroie, octroient, octroiera.
    # Before a silent ending, an e or é followed by one consonant (or one and l/r) becomes è:
    # révéler -> révèle, célébrer -> célèbrent, lever -> lève (« appeler », « jeter » double their
    # consonant instead and come with their forms).
    opened_stem = _OPEN_E.sub("è", stem)
    mute_stem = stem[:-1] + "i" if stem.endswith(("oy", "uy")) else opened_stem
    future = mute_stem + "er"
    # The passé simple too (« déclara », « ajouta-t-elle », « annoncèrent »): wire copy from West and
    # Central Africa and narrated news still report speech in it.
    simple = [mute_stem + "e", mute_stem + "ent", imperfect_stem + "ons", imperfect_stem + "ait", imperfect_stem + "aient",
              future + "a", future + "ont", future + "ons", imperfect_stem + "a", stem + "èrent"]
    if opened_stem != stem:
        simple += [stem + "era", stem + "eront", stem + "erons"]  # the future's older spelling: révélera
    participle = stem + "é"
    if reflexive:
        pronoun = "s'" if base[0] in "aeiouéèêh" else "se "
        return sorted({pronoun + form for form in simple}
                      | {f"{aux} {participle}{agreement}" for aux in ("s'est", "se sont", "s'était", "s'étaient")
                         for agreement in ("", "e", "s", "es")})
    return sorted({base, *simple, participle, *(f"{aux} {participle}" for aux in _FR_AUXILIARIES)})


def _english_verb(lemma: str) -> list[str]:
    if _doubles_final_consonant(lemma):
        past = lemma + lemma[-1] + "ed"
    elif lemma.endswith("e"):
        past = lemma + "d"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past = lemma[:-1] + "ied"
    else:
        past = lemma + "ed"
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return sorted({lemma, past, third, _english_present_participle(lemma)})


def _english_present_participle(lemma: str) -> str:
    """announce -> announcing, plan -> planning, see -> seeing, grow -> growing."""
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        return lemma[:-1] + "ing"
    if _doubles_final_consonant(lemma):
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def _doubles_final_consonant(lemma: str) -> bool:
    """One short closed syllable doubles its consonant: plan -> planned, ship -> shipping."""
    vowels = "aeiou"
    return (3 <= len(lemma) <= 4 and lemma[-1] not in vowels + "wxy"
            and lemma[-2] in vowels and lemma[-3] not in vowels)


def french_adjective_forms(lemma: str) -> list[str]:
    """exceptionnel -> exceptionnel, exceptionnelle, exceptionnels, exceptionnelles."""
    if lemma.endswith("e"):
        feminine = lemma
    elif lemma.endswith(("el", "en", "on")):
        feminine = lemma + lemma[-1] + "e"
    elif lemma.endswith("eux"):
        feminine = lemma[:-1] + "se"
    elif lemma.endswith("if"):
        feminine = lemma[:-1] + "ve"
    elif lemma.endswith("er"):
        feminine = lemma[:-2] + "ère"
    elif lemma.endswith(("ateur", "cteur", "iteur", "uteur")):  # novatrice, protectrice, distributrice
        feminine = lemma[:-3] + "rice"
    elif lemma.endswith("eur") and not lemma.endswith(("érieur", "meilleur", "majeur", "mineur")):  # trompeur -> trompeuse
        feminine = lemma[:-1] + "se"
    else:  # meilleur, majeur, supérieur -> meilleure, majeure, supérieure
        feminine = lemma + "e"
    if lemma.endswith(("s", "x")):
        plural = lemma
    elif lemma.endswith("al"):
        plural = lemma[:-1] + "ux"
    else:
        plural = lemma + "s"
    return sorted({lemma, feminine, plural, feminine + "s"})


# Reading the other way: the adjective an inflected form or an adverb comes from. A frequency list
# knows "entrepreneurial" far better than « entrepreneuriales », « transitoire » than « transitoirement »:
# such a word is as familiar as its adjective. Plurals alone and verb forms are not guessed here: the
# language data knows them (wordclasses.lemmas: « menuiseries » -> menuiserie, "triaged" -> triage).
_PLURAL_ENDINGS = {"fr": (("aux", "al"), ("s", ""), ("x", "")), "en": ()}
_ADJECTIVE_ENDINGS = {
    "fr": (("ive", "if"), ("euse", "eux"), ("rice", "eur"), ("elle", "el"), ("enne", "en"), ("onne", "on"),
           ("ette", "et"), ("ère", "er"), ("e", ""),  # feminine
           ("amment", "ant"), ("emment", "ent"), ("ement", "e"), ("ment", "")),  # adverb
    "en": (("ily", "y"), ("ally", "al"), ("ably", "able"), ("ibly", "ible"), ("ly", "")),  # adverb
}

# The last letter of a word any of those endings can apply to.
_LAST_LETTERS = {lang: "".join({suffix[-1] for suffix, _ in _PLURAL_ENDINGS[lang] + _ADJECTIVE_ENDINGS[lang]})
                 for lang in _ADJECTIVE_ENDINGS}


@lru_cache(maxsize=65536)
def adjective_forms(word: str, lang: str) -> frozenset[str]:
    """The adjectives `word` may be a feminine, plural or adverb of (« admiratives » -> admiratif,
    « transitoirement » -> transitoire, "reliably" -> reliable): candidates to look up in a
    frequency list, not a dictionary's verdict; empty when no such ending applies."""
    if word[-1:] not in _LAST_LETTERS.get(lang, ""):
        return frozenset()  # most words: no ending to read back (checked before building any form)
    forms = {word} | _strip(word, _PLURAL_ENDINGS.get(lang, ()))
    found: set[str] = set()
    for _ in range(2):  # « -ivement » -> « -ive » -> « -if »
        forms = {base for form in forms for base in _strip(form, _ADJECTIVE_ENDINGS.get(lang, ()))}
        found |= forms
    return frozenset(found)


def _strip(word: str, endings) -> set[str]:
    return {word[:-len(suffix)] + replacement for suffix, replacement in endings
            if word.endswith(suffix) and len(word) - len(suffix) >= 4}
