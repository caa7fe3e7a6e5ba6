"""Which organisation is writing? Found in the draft, so its third-person self-praise counts.

"Metro Law has recovered more than $500 million", « Marc Roy inc. a su faire preuve
d'une capacité exceptionnelle »: a company that praises itself under its own name.
The author's organisation is
- the name an "About X" / « À propos de X » heading gives, or the name that opens the text
  under a bare "About" / "About us" / « À propos » heading, and
- the name a "we" sentence is placed at: "At Acme, we…", "Here at Acme Ltd we…",
  « Chez Acme, nous… » (the writer speaks from inside the organisation), and
- the name a page welcomes its reader to: "Welcome to Acme Dental", « Bienvenue chez Acme »
  (where the organisation says "we" / « nous » in that paragraph or the next), and
- a firm's name, one with the words of a business form ("Acme Law Firm", "Roy & Associates", « JAMES
  AVOCATS », « Béton Roy inc. »), that opens a sentence and that the text names again: firms name
  themselves this way on their own pages, and
- a capitalised name (one to four words) that opens at least `min_subject` sentences
  as their subject: the text keeps talking about it (unless the text acquires it or merges
  with it: a release's other party; a name with a title of address, "Mr. Roy", is a person; a
  name the text puts things in, « à Montélimar », "in Houston", is a place). A one-word name must not be an
  everyday word ("Nous", "Vous", "Today"), which sentence-initial capitals make look
  like names.
The configured `self-names` are added by the rules themselves.
"""
from __future__ import annotations

import re
from collections import Counter

from .wordfreqs import EVERYDAY_ZIPF, frequent

# The English pronoun "I" is capitalised by grammar, not as a name: "But I", "Do I" open sentences
# without naming anyone.
_NAME_WORD = r"(?!I(?![\w&'’.-]))[A-ZÀ-Ý][\w&'’.-]*"  # "I-Tech", "I.T. Pros" stay names
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:&[ \t]+)?{_NAME_WORD}){{0,3}}"
# (on one line: `\s` would read a long run of blank lines again from each line start)
_ABOUT = re.compile(rf"^[ \t]*(?:About|À propos de|A propos de|À propos d['’]|A propos d['’])[ \t]*({_NAME})[ \t]*+(?::[ \t]*+)?$",
                    re.M)
_SUBJECT = re.compile(rf"({_NAME})(?=[ \t]+[a-zà-ÿ])")
# …or after the sentence's opening phrase: "Today, Acme represents…", « Depuis 1998, Acme Conseil accompagne… »
# (the opening phrase may hold commas of its own: « Malgré les cycles économiques, les changements de propriétaire, Acme inc. vient… »)
_SUBJECT_AFTER_OPENER = re.compile(rf"(?:[^,.;:!?\n]{{1,120}}+,[ \t]+){{1,3}}?({_NAME})(?=[ \t]+[a-zà-ÿ])")
# A bare heading, the name opening the text below it: "About\n\nAcme Ltd is a family firm…"
_ABOUT_ALONE = re.compile(r"^[ \t]*+(?:About(?:[ \t]+us)?|[ÀA] propos(?:[ \t]+de[ \t]+nous)?)[ \t]*+:?[ \t]*+$",
                          re.M | re.I)
# "At Acme, we believe…", « Chez Acme Conseil, nous croyons… »: the writer's own organisation.
_PLACE_OF_WE = {
    "en": re.compile(rf"(?<![\w-])(?:[Hh]ere[ \t]+)?[Aa]t[ \t]+({_NAME})[ \t]*+,?[ \t]*+we(?![\w'’-])"),
    "fr": re.compile(rf"(?<![\w-])(?:[Ii]ci[ \t]+)?[Cc]hez[ \t]+({_NAME})[ \t]*+,?[ \t]*+nous(?![\w'’-])"),
}

# "Welcome to Acme Dental", « Bienvenue chez Acme » : the page greets its reader in its own house. Read
# only in a text where the organisation speaks (« nous », "we"): "Welcome to Paris" in a travel diary
# names a city, not the writer.
_WELCOME = {
    "en": re.compile(rf"(?<![\w-])[Ww]elcome[ \t]+to[ \t]+(?:the[ \t]+)?({_NAME})"),
    "fr": re.compile(rf"(?<![\w-])[Bb]ienvenue[ \t]+chez[ \t]+({_NAME})"),
}
_ORGANISATION_SPEAKS = {
    # ("us" in small letters: "the US" is a country)
    "en": re.compile(r"(?<![\w'’-])(?:[Ww]e|[Oo]ur|us)(?![\w'’-])"),
    "fr": re.compile(r"(?<![\w'’-])(?:nous|notre|nos)(?![\w'’-])", re.I),
}

# A name with a title of address is a person's (an appointee, a spokesperson), not the writer's
# organisation, however often the text talks about them: "Mr. Verghese is a seasoned leader".
_PERSON = re.compile(r"(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Rev|Hon|M|Mme|Mlle|Me|Dre|Pr)\.?[ \t]")

# The company a release acquires or merges with is the other party, however often the text names it:
# "announces the acquisition of Hudson Valley Roofing", « l'acquisition de Béton Roy ». (Not "partner
# with": "Why partner with Acme?" is a company's own pitch.)
_OTHER_PARTY = {
    "en": re.compile(rf"\b(?:acquisition\s+of|acquires?|acquired|acquiring|merger\s+with|merges?\s+with|merged\s+with)"
                     rf"[ \t]+(?:the[ \t]+)?({_NAME})"),
    "fr": re.compile(rf"\b(?:acquisition\s+d[e'’]|rachat\s+d[e'’]|acquiert|acquis|rach[eè]te|fusion\s+avec)"
                     rf"[ \t]*(?:la[ \t]+|le[ \t]+|l['’])?({_NAME})"),
}


def author_names(lang: str, block_texts: list[str], sentence_starts: list[list[int]], min_subject: int = 2) -> list[str]:
    """The names the draft uses for its author's organisation (most used first)."""
    names: list[str] = []
    for index, text in enumerate(block_texts):
        names.extend(m.group(1).strip() for m in _ABOUT.finditer(text))
        for heading in _ABOUT_ALONE.finditer(text):
            below = text[heading.end():].lstrip()
            if not below and index + 1 < len(block_texts):
                below = block_texts[index + 1].lstrip()
            name = _opening_name(lang, below)
            if name and name not in names:
                names.append(name)
        place_of_we = _PLACE_OF_WE.get(lang)
        for match in place_of_we.finditer(text) if place_of_we else ():
            name = _trim(match.group(1))
            if name not in names and not _everyday_word(lang, name):
                names.append(name)
    welcome, speaks = _WELCOME.get(lang), _ORGANISATION_SPEAKS.get(lang)
    for index, text in enumerate(block_texts if welcome else ()):
        for match in welcome.finditer(text):
            # the organisation speaks in the welcome's paragraph or the next one
            if not any(speaks.search(nearby) for nearby in block_texts[index:index + 2]):
                continue
            name = _trim(re.split(r"[.!?]\s", match.group(1))[0])
            if name not in names and not _everyday_word(lang, name):
                names.append(name)
    subjects: Counter[str] = Counter()
    for text, starts in zip(block_texts, sentence_starts):
        for start in starts:
            match = _SUBJECT.match(text, start)
            if match is None or _everyday_word(lang, _trim(match.group(1))):  # "From…, Acme plays"
                match = _SUBJECT_AFTER_OPENER.match(text, start)
            if match and not _PERSON.match(match.group(1)):
                subjects[_trim(match.group(1))] += 1
    others = None  # read only when a name opens enough sentences
    for name, count in subjects.most_common():
        if count < min_subject or not name:
            break
        if others is None:
            others = _other_parties(lang, block_texts)
        if _everyday_word(lang, name) or name in others or _place(lang, name, block_texts) \
                or _not_a_name(lang, name, block_texts):
            continue
        if name not in names:
            names.append(name)
    for name in _firm_names(lang, subjects, block_texts):
        if others is None:
            others = _other_parties(lang, block_texts)
        if name not in names and name not in others and not _not_a_name(lang, name, block_texts):
            names.append(name)
    return names


# The words of a business form that end a firm's name: "Acme Law Firm", "Roy & Associates", « Tremblay Avocats »,
# « Béton Roy inc. », "Metro Ltd" (a legal form, or the profession a firm of lawyers or notaries names itself by).
_FIRM_FORM = {
    "en": re.compile(r"(?:\s(?:Law\s+(?:Firm|Group|Offices?|Partners)|LLP|LLC|PLLC|PLC|Inc\.?|Ltd\.?|Limited|Corp\.?|"
                     r"(?:&|and)\s+(?:Associates|Partners|Sons|Co\.?))|,\s+(?:Inc|LLC|LLP|Ltd)\.?)$", re.I),
    "fr": re.compile(r"\s(?:Avocats|Avocat|Notaires|Associés|S\.?A\.?S?\.?|SARL|SASU|EURL|SELARL|SCP|SCM)$", re.I),
}


# At most this many firm names are checked for coming back in the text (each check reads the whole text): a
# draft has one author, and a draft of thousands of firm names must stay linear.
_MAX_FIRM_CANDIDATES = 5


def _firm_names(lang: str, subjects: Counter, block_texts: list[str]) -> list[str]:
    """Names with a business form that open a sentence and come back elsewhere in the text, most used first."""
    form = _FIRM_FORM.get(lang)
    if form is None:
        return []
    # a form in small letters is no part of a capitalised name (« Marc Cossette inc. vient de… »): the names it
    # follows, found in one reading of the text
    followed_by_form = {m.group(1) for text in block_texts for m in _NAME_THEN_LOWERCASE_FORM.finditer(text)}
    candidates: list[str] = []
    for name, _count in subjects.most_common():
        name = _LEADING_ARTICLE.sub("", name)  # "The Johnston Law Firm" is also "the Johnston Law Firm"
        if " " in name and name not in candidates and (form.search(name) or name in followed_by_form):
            candidates.append(name)
            if len(candidates) == _MAX_FIRM_CANDIDATES:
                break
    return [name for name in candidates if sum(text.count(name) for text in block_texts) >= 2]


_LEADING_ARTICLE = re.compile(r"^(?:The|Le|La|Les)\s+")
_NAME_THEN_LOWERCASE_FORM = re.compile(rf"({_NAME}),?[ \t]+(?:inc\.|inc\b|ltée|ltd\b|ltd\.|s\.a\.|s\.e\.n\.c\.)")


# Words that open a sentence but start no name: "Our SOC", « Notre équipe ».
_POSSESSIVE = re.compile(r"(?:Our|My|Your|Their|His|Her|Its|Notre|Nos|Votre|Vos|Mon|Ma|Mes|Son|Sa|Ses|Leur|Leurs)\b")


def _not_a_name(lang: str, name: str, block_texts: list[str]) -> bool:
    """A capitalised word that opens sentences without being a name (see the three tests)."""
    return bool(_POSSESSIVE.match(name)) or _elided_word(lang, name) or _never_capitalised_inside(name, block_texts)


def _elided_word(lang: str, name: str) -> bool:
    """« L'usufruit », « N'est-ce »: a French elision then a small letter (a name keeps its capital,
    « L'Oréal »; "Joe's Plumbing" is English)."""
    elided = _ELISION.match(name) if lang == "fr" else None
    return elided is not None and name[elided.end():elided.end() + 1].islower()


def _never_capitalised_inside(name: str, block_texts: list[str]) -> bool:
    """One word written with its capital only where sentences open: a term heading its paragraphs
    ("Fees", « Démembrer »), not a name ("Zentro's app", "(Zentro)", "at Zentro")."""
    if " " in name or any(c.isupper() or c.isdigit() for c in name[1:]):
        return False  # several words, or capitals inside ("TIAP", "McKinsey"), look like a name already
    for text in block_texts:
        at = text.find(name)
        while at >= 0:
            after = text[at + len(name):at + len(name) + 1]
            whole_word = (at == 0 or not _name_char(text[at - 1])) and not (after.isalnum() or after in "&-_")
            if whole_word and _inside_a_sentence(text, at):
                return False
            at = text.find(name, at + 1)
    return True


def _name_char(char: str) -> bool:
    return char.isalnum() or char in "&'’-_"


def _inside_a_sentence(text: str, at: int) -> bool:
    """Something other than a sentence's end stands before `at` (spaces skipped, a few at most)."""
    before = at - 1
    while before >= 0 and at - before <= 8 and text[before] in " \t\u00a0":
        before -= 1
    return before >= 0 and text[before] not in ".!?:\n"


# A place is where things are, a company rarely: « C'est à Montélimar que… », "shops in Houston". A company
# is where people go, work or buy: "at Acme", "with Acme", « chez Acme » (then it is no place, whatever
# else the text puts in it: "build a report in Zentro").
_LOCATIVE = {"en": r"\b(?:in|near|around|outside|across)", "fr": r"\b(?:à|au|aux|en|dans|près\s+de|autour\s+de)"}
_AT_A_COMPANY = {"en": r"\b(?:at|with|from|by|join|contact|call|choose|hire)", "fr": r"\b(?:chez|avec|par|contactez|rejoignez|choisir|choisissez)"}


def _place(lang: str, name: str, block_texts: list[str]) -> bool:
    """Whether the text puts something in `name` and never goes to it: a town or a country that opens
    sentences, not the author."""
    locative = _LOCATIVE.get(lang)
    if locative is None:
        return False
    escaped = re.escape(name)
    placed = re.compile(rf"{locative}[ \t]+{escaped}(?![\w&'’-])")
    visited = re.compile(rf"{_AT_A_COMPANY[lang]}[ \t]+{escaped}(?![\w&-])")
    # Both need the name as written: the paragraphs without it are not read by a regex that starts
    # with a word alternation (tried at every character).
    named = [text for text in block_texts if name in text]
    return any(placed.search(text) for text in named) and not any(visited.search(text) for text in named)


def _other_parties(lang: str, block_texts: list[str]) -> set[str]:
    """The companies the draft acquires or merges with (`_OTHER_PARTY`)."""
    pattern = _OTHER_PARTY.get(lang)
    # (a name's words may hold a dot, "Acme Inc.": the sentence's end still ends the name)
    return {_trim(re.split(r"[.!?]\s", m.group(1))[0]) for text in block_texts for m in pattern.finditer(text)} \
        if pattern else set()


def _opening_name(lang: str, text: str) -> str:
    """The name that opens `text` as a sentence subject ("Acme Ltd is…"), or ""."""
    match = _SUBJECT.match(text)
    name = _trim(match.group(1)) if match else ""
    return "" if not name or _everyday_word(lang, name) else name


# French elisions open sentences with a capital: « C'est », « L'entreprise », « Qu'il », « D'abord ».
_ELISION = re.compile(r"(?i:c|d|j|l|m|n|s|t|qu|jusqu|lorsqu|puisqu)['’](?=\w)")


def _everyday_word(lang: str, name: str) -> bool:
    # A one-word "name" that is an everyday word at the start of a sentence ("The", "Nous", « C'est »,
    # « L'entreprise »; « L'Oréal » stays a name).
    if " " in name:
        return False
    elided = _ELISION.match(name) if lang == "fr" else None
    return frequent(lang, name[elided.end():] if elided else name, EVERYDAY_ZIPF)


def _trim(name: str) -> str:
    # "Acme Inc." keeps its dot; a sentence-final dot or an apostrophe-s does not belong to the name.
    name = re.sub(r"['’]s$", "", name)
    return name.rstrip(".") if not name.lower().endswith(("inc.", "ltd.", "corp.", "co.")) else name
