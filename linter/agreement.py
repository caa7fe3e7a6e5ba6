"""A suggestion that reads right once applied: number, verb form and case of the words it replaces.

« vos leads » → « clients potentiels », not « client potentiel »; « boostez vos ventes »
→ « stimulez », not « stimuler »; "KPIs" mid-sentence → « indicateurs de suivi », not
« Indicateurs de suivi ». A lexicon lists the term's forms and singular, infinitive
replacements; the forms are generated here from what the writer wrote.
"""
from __future__ import annotations

import re

from .wordclasses import lemmas

# Words after which a French or English noun phrase's head is over: its prepositions and relative
# pronouns (« lettre d'information », « protection contre la foudre », "fee per visit"). A verb after a
# relative pronoun stays as written (« moulures qui cache »): lexicons give such wordings a plural line.
_PHRASE_BREAK = {
    "fr": {"de", "d'", "du", "des", "à", "au", "aux", "en", "pour", "par", "sur", "avec", "sans", "et", "ou",
           "sous", "contre", "dans", "chez", "entre", "vers", "selon", "après", "avant", "qui", "que", "qu'", "dont",
           "devant", "derrière", "parmi", "malgré", "durant", "pendant", "depuis", "jusqu'", "hors", "lors", "via",
           "afin", "près", "auprès", "outre", "suivant", "où", "quand", "si", "lorsque", "lorsqu'",
           # a determiner or a pronoun opens another phrase (« recours devant la plus haute juridiction »:
           # not « las plus hautes »)
           "le", "la", "les", "l'", "un", "une", "ce", "cet", "cette", "ces", "son", "sa", "ses", "mon", "ma", "mes",
           "votre", "vos", "notre", "nos", "leur", "leurs", "ne", "n'", "se", "s'", "y"},
    "en": {"of", "for", "to", "in", "on", "with", "and", "or", "by", "under", "over", "per", "from", "at",
           "into", "about", "that", "which", "who", "after", "before", "when", "where", "until", "between",
           "against", "as", "than", "if", "while", "because"},
}
# Adverbs inside a French noun phrase stay as written while the adjective after them agrees
# (« périodes non indemnisées », « offres jugées trop basses »).
_FRENCH_ADVERBS = {"non", "plus", "moins", "très", "trop", "bien", "pas", "peu", "assez", "aussi", "tout", "comme"}
_FRENCH_AIL_AUX = {"bail", "corail", "émail", "soupirail", "travail", "vantail", "vitrail"}
_FRENCH_INVARIABLE_AL = {"bal", "carnaval", "chacal", "festival", "récital", "régal", "final", "natal", "naval", "banal"}


def adapt(replacement: str, matched: str, forms: frozenset[str], lang: str, sentence_start: bool) -> str:
    """`replacement` in the number, verb form and case of `matched`, one of the term's `forms`
    (lower case); `sentence_start`: the match opens a sentence."""
    lowered = matched.lower()
    infinitives = sorted(f for f in forms if f.endswith("er"))
    lemma = infinitives[0] if infinitives else min(forms, key=len, default=lowered)
    adapted = replacement
    if lang == "fr" and lemma.endswith("er") and replacement.endswith("er") and " " not in replacement:
        adapted = _french_verb_like(replacement, lowered, lemma)
    elif lang == "fr" and " " in lowered and _is_verb_phrase(forms) \
            and (person := _french_verb_person(lowered.split(" ")[0])):
        adapted = _conjugated_phrase(replacement, person)  # « met en œuvre » → « applique »
    elif _is_plural_form(lowered, forms) and not _RELATIVE.search(replacement):
        # (a wording with a relative clause keeps its number: its verb would not follow, « experts qui vérifie »,
        # « pompes qui fait circuler »)
        adapted = pluralize_phrase(replacement, lang)
    return _case_like(adapted, matched, sentence_start)


# The heads of French verb phrases that lexicons list (« mettre en œuvre », « faire appel à »):
# form -> person and tense. Regular -er verbs are read from their endings instead.
_IRREGULAR_FORMS = {
    "mettre": "inf", "met": "3s", "mettent": "3p", "mettons": "1p", "mettez": "2p", "mis": "pp",
    "faire": "inf", "fait": "3s", "font": "3p", "faisons": "1p", "faites": "2p",
    "prendre": "inf", "prend": "3s", "prennent": "3p", "prenons": "1p", "prenez": "2p", "pris": "pp",
    "avoir": "inf", "a": "3s", "ont": "3p", "avons": "1p", "avez": "2p",
    "être": "inf", "est": "3s", "sont": "3p", "sommes": "1p", "êtes": "2p",
}
_IRREGULAR_CONJUGATION = {
    "faire": {"3s": "fait", "3p": "font", "1p": "faisons", "2p": "faites", "pp": "fait"},
    "mettre": {"3s": "met", "3p": "mettent", "1p": "mettons", "2p": "mettez", "pp": "mis"},
    "avoir": {"3s": "a", "3p": "ont", "1p": "avons", "2p": "avez", "pp": "eu"},
    "être": {"3s": "est", "3p": "sont", "1p": "sommes", "2p": "êtes", "pp": "été"},
}
_ER_ENDINGS = {"3s": "e", "3p": "ent", "1p": "ons", "2p": "ez", "pp": "é"}
_ER_FORM_ENDINGS = frozenset({"e", "es", "ent", "ons", "ez", "é", "ée", "és", "ées", "ait", "aient", "ant"})


def _french_verb_person(word: str) -> str | None:
    """Person and tense of the head of a matched verb phrase, when it is conjugated."""
    tag = _IRREGULAR_FORMS.get(word)
    if tag is None and len(word) > 4:
        for ending, person in (("ent", "3p"), ("ons", "1p"), ("ez", "2p"), ("é", "pp"), ("e", "3s")):
            if word.endswith(ending):
                tag = person
                break
    return tag if tag and tag != "inf" else None


def _is_verb_phrase(forms: frozenset[str]) -> bool:
    """The lexicon lists the phrase with its head conjugated: an infinitive head and a form of the
    same verb (« mettre / met en œuvre », « booster / booste »). A noun phrase listed in two numbers
    or with a synonym (« lettre / lettres de mission », « approche crânienne ») is not one."""
    heads = {form.split(" ")[0] for form in forms}
    for head in heads:
        if _IRREGULAR_FORMS.get(head) == "inf":
            if any(_IRREGULAR_FORMS.get(other) not in (None, "inf") for other in heads):
                return True
        elif head.endswith("er") and len(head) > 3:
            stem = head[:-2]
            if any(other != head and other.startswith(stem) and other[len(stem):] in _ER_FORM_ENDINGS
                   for other in heads):
                return True
    return False


def _conjugated_phrase(replacement: str, person: str) -> str:
    """The replacement's head verb (an infinitive) in `person`: « appliquer » + 3s → « applique »."""
    head, _, rest = replacement.partition(" ")
    if head in _IRREGULAR_CONJUGATION:
        conjugated = _IRREGULAR_CONJUGATION[head][person]
    elif head.endswith("er") and len(head) > 3:
        stem = head[:-2]
        if person == "1p" and stem.endswith(("c", "g")):
            stem = stem[:-1] + "ç" if stem.endswith("c") else stem + "e"
        conjugated = stem + _ER_ENDINGS[person]
    else:
        return replacement  # not an infinitive we can conjugate: leave it as the lexicon says
    return f"{conjugated} {rest}" if rest else conjugated


_RELATIVE = re.compile(r"\b(?:qui|que|qu['’]|dont|who|which|that)\b", re.IGNORECASE)


def _is_plural_form(matched: str, forms: frozenset[str]) -> bool:
    """'leads' next to 'lead', 'e-mails' next to 'e-mail', 'KPIs' next to 'KPI', and a French term
    of several words with each one in the plural: « fibrillations auriculaires » next to
    « fibrillation auriculaire »."""
    if matched.endswith(("s", "x")) and (matched[:-1] in forms or matched[:-2] in forms):
        return True
    if " " not in matched:
        return False
    singular = " ".join(w[:-1] if len(w) > 3 and w.endswith(("s", "x")) else w for w in matched.split(" "))
    return singular != matched and singular in forms


def _french_verb_like(replacement: str, matched: str, lemma: str) -> str:
    """booster → boostez gives stimuler → stimulez (regular -er verbs share their endings)."""
    stem = lemma[:-2]
    if not matched.startswith(stem):
        return replacement
    ending = matched[len(stem):]
    return replacement[:-2] + ending if ending != "er" else replacement


def pluralize_phrase(phrase: str, lang: str) -> str:
    """Plural of a noun phrase, up to its first preposition: French marks every word
    (« client potentiel » → « clients potentiels », « lettre d'information » → « lettres
    d'information »), English the head noun ("landing page" → "landing pages")."""
    words = phrase.split(" ")
    breaks = _PHRASE_BREAK.get(lang, set())
    end = len(words)
    for index, word in enumerate(words):
        head = re.split(r"(?<=['’])", word, maxsplit=1)[0].lower()
        if index and (word.lower() in breaks or head in breaks):
            end = index
            break
    for index, word in enumerate(words[:end]):
        if word[-1:] in ",;:.)":  # punctuation ends the phrase: « bilan environnemental, social » → « bilans environnementaux, social »
            end = index + 1
            break
    marked = [i for i in range(end) if words[i].lower() not in _FRENCH_ADVERBS] if lang == "fr" else [_english_head(words, end)]
    return " ".join(_plural_word(w, lang) if i in marked else w for i, w in enumerate(words))


def _english_head(words: list[str], end: int) -> int:
    """The head noun of an English phrase that ends before `end`: its last word, or the word before a
    participle that follows it ("loan repaid after…", "income taxed when…": loan, income)."""
    head = end - 1
    while head > 0 and not words[head].lower().endswith("s") and lemmas("en", words[head].lower().rstrip(",;:.)")):
        head -= 1
    return head


def _plural_word(word: str, lang: str) -> str:
    bare = word.rstrip(",;:.)")
    if bare != word:
        return _plural_word(bare, lang) + word[len(bare):] if bare else word
    lower = word.lower()
    if "-" in word and lang == "fr":
        return word  # compounds (« remue-méninges », « mots-clés ») have their own plurals: leave them
    if lang == "en":
        if lower.endswith("s") and not lower.endswith(("ss", "us")):
            return word  # already a plural, or a word in -s with no other ("savings", "analytics", "sales")
        if lower.endswith(("s", "x", "z", "ch", "sh")):
            return word + "es"  # "process" -> "processes", "tax" -> "taxes"
        if lower.endswith("y") and lower[-2:-1] not in "aeiou":
            return word[:-1] + "ies"
        return word + "s"
    if lower.endswith(("s", "x", "z")):
        return word
    if lower in _FRENCH_AIL_AUX:
        return word[:-3] + "aux"  # « bail » -> « baux », « travail » -> « travaux »
    if lower.endswith("al") and lower not in _FRENCH_INVARIABLE_AL:
        return word[:-2] + "aux"
    if lower.endswith(("eau", "au", "eu")) and lower not in {"pneu", "bleu", "landau"}:
        return word + "x"
    return word + "s"


def _case_like(replacement: str, matched: str, sentence_start: bool) -> str:
    """Capitalised where the sentence starts or where the writer capitalised a word (an acronym
    is not a capitalised word: "vos KPIs" → « vos indicateurs »). Lexicons write replacements
    in lower case unless they are names. The first word decides: "ALTA survey" and
    "SCORM-compliant" open with an acronym, not a capitalised word."""
    first = re.split(r"[\s'’-]", matched.strip(), maxsplit=1)[0] or matched
    acronym = first.isupper() or (len(first) > 1 and first[:-1].isupper() and first[-1] == "s")
    if replacement and (sentence_start or (first[:1].isupper() and not acronym)):
        return replacement[:1].upper() + replacement[1:]
    return replacement


# French determiners that show a noun's gender: (masculine, feminine), and the form before a vowel.
_DETERMINERS = {
    "le": ("le", "la"), "la": ("le", "la"), "un": ("un", "une"), "une": ("un", "une"),
    "du": ("du", "de la"), "de la": ("du", "de la"), "au": ("au", "à la"), "à la": ("au", "à la"),
    "ce": ("ce", "cette"), "cet": ("ce", "cette"), "cette": ("ce", "cette"),
    "mon": ("mon", "ma"), "ma": ("mon", "ma"), "ton": ("ton", "ta"), "ta": ("ton", "ta"),
    "son": ("son", "sa"), "sa": ("son", "sa"),
    "l'": ("le", "la"), "l’": ("le", "la"),
}
_BEFORE_VOWEL = {"le": "l'", "la": "l'", "ce": "cet", "ma": "mon", "ta": "ton", "sa": "son",
                 "du": "de l'", "de la": "de l'"}
_DETERMINER_BEFORE = re.compile(r"(?:^|(?<=[\s(«\"“]))(de la|à la|l'|l’|le|la|un|une|du|au|ce|cet|cette|mon|ma|ton|ta|son|sa)(\s*)$",
                                re.IGNORECASE)
_GENDER_TAG = re.compile(r"\s*\((m|f)\)")


def split_gender(alternative: str) -> tuple[str, str | None]:
    """'rétroaction (f)' -> ('rétroaction', 'f'): a French noun's gender, when the lexicon says it."""
    match = _GENDER_TAG.search(alternative)
    if not match:
        return alternative, None
    return (alternative[:match.start()] + alternative[match.end():]).strip(), match.group(1)


def determiner_before(text: str, start: int) -> tuple[int, str] | None:
    """(offset, determiner) of the French determiner just before `start`, if one is there."""
    match = _DETERMINER_BEFORE.search(text, max(0, start - 8), start)
    if not match or match.end() != start:
        return None
    return match.start(1), match.group(1)


_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))(an?|An?|AN?)(\s+)$")
# Words that open with a vowel letter and a consonant sound ("a unit", "a one-off", "a European"),
# and with a silent h ("an hour").
_CONSONANT_SOUND = re.compile(r"(?:uni(?!n)|use|usu|uti|ure|eu|ewe|one\b|once\b)", re.IGNORECASE)
_SILENT_H = re.compile(r"(?:hour|honest|honou?r|heir)", re.IGNORECASE)


def article_before(text: str, start: int) -> tuple[int, str] | None:
    """(offset, article) of the English "a" or "an" just before `start`, if one is there."""
    match = _ARTICLE_BEFORE.search(text, max(0, start - 6), start)
    if not match or match.end() != start:
        return None
    return match.start(1), match.group(1)


def english_article(article: str, next_word: str) -> str:
    """"a" or "an" as the next word sounds ("an invoice", "a unit", "an hour"); case kept, and the
    space that separates it from the word."""
    vowel = (next_word[:1].lower() in "aeiou" and not _CONSONANT_SOUND.match(next_word)) \
        or bool(_SILENT_H.match(next_word))
    form = "an" if vowel else "a"
    if article[:1].isupper():
        form = form[:1].upper() + form[1:]
    return form + " "


def french_determiner(determiner: str, gender: str, next_word: str) -> str:
    """« le » for a feminine noun gives « la », « la » before a vowel « l' »; case kept.
    Returns the determiner with what separates it from the noun (a space, or none after l')."""
    lower = determiner.lower().replace("’", "'")
    masculine, feminine = _DETERMINERS[lower]
    form = feminine if gender == "f" else masculine
    if _elides_before(next_word) and form in _BEFORE_VOWEL:
        form = _BEFORE_VOWEL[form]
    if determiner[:1].isupper():
        form = form[:1].upper() + form[1:]
    return form if form.endswith("'") else form + " "


# Words whose h is "aspiré": no elision before them (« la hanche », « le haut », « le hasard »,
# « le hashtag »). The common ones, as dictionaries mark them; a prefix covers a family (« haut »,
# « hauteur »), a whole word stands alone where a longer word has a mute h (« hall », « hallucination »).
_ASPIRATED_H = ("hach", "haie", "haill", "hain", "haine", "haïr", "halte", "hamac", "hameau", "hameçon",
                "hamburger", "hamster", "hampe", "hanche", "handball", "handicap", "hangar", "hant", "happ",
                "harangu", "harass", "harcel", "hardi", "hardware", "hareng", "hargn", "haricot", "harnais",
                "harpe", "hasard", "hashtag", "hâte", "hâtif", "hauss", "haut", "havre", "hennir", "hérisson",
                "hernie", "héron", "héros", "hêtre", "heurt", "hibou", "hiérarch", "hisse", "hochet", "hocher",
                "hockey", "holding", "hollandais", "homard", "hongr", "honte", "honteu", "hoquet", "horde",
                "hors", "hotline", "hotte", "houblon", "houill", "houle", "housse", "hublot", "huée", "huer",
                "huis", "huit", "hurl", "hutte", "hyène")
_ASPIRATED_H_WORDS = frozenset({"hall", "halls", "halo", "halos", "hub", "hubs"})


def _elides_before(word: str) -> bool:
    """« l' », « cet », « mon » before a vowel or a mute h (« l'hôpital », « l'œuvre »), not before an
    aspirated h nor a y (« le yaourt »)."""
    lower = word.lower()
    if lower[:1] == "h":
        return not (lower.startswith(_ASPIRATED_H) or lower in _ASPIRATED_H_WORDS)
    return lower[:1] in "aeiouéèêàâîôûœæ"
