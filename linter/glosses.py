"""Does the writer explain a term right where it is used?

"le SEO (référencement naturel)", "les incoterms, ou termes du commerce
international", "a CRM, that is software that...": a term explained in place
is not jargon. Shared by the substitution, acronym and rare-term kinds.
"""
from __future__ import annotations

import re
import unicodedata

_GLOSS_WORDS = (
    r"c'est-à-dire|c'est à dire|soit|autrement dit|ou encore|aussi appelée?s?|qui signifie|qui veut dire|"
    r"that is|i\.e\.|which means|which stands for|meaning|also called|short for|or in plain terms"
)
# A parenthesis explains, unless it only gives the term's acronym: "Nil Rate Band (NRB)" introduces
# a short form, it says nothing of what the band is. An editor's square bracket explains when words
# follow (« HACCP [analyse des dangers…] »), not as a footnote "[1]" or a cross-reference "[see below]".
# (the spaces before the gloss are read once, possessively: a long run of them was read again by each
# alternative, quadratic in its length)
# An acronym's parenthesis followed by a gloss still explains: "endpoint detection and response (EDR) —
# software that watches…".
_AFTER = re.compile(rf"\s*+(?:\(\s*(?-i:[A-Z][A-Z0-9&]{{1,7}}s?)\s*\)\s*+(?:[—–]\s|[,:]?\s*+(?:{_GLOSS_WORDS})\b)|"
                    rf"\((?!\s*(?-i:[A-Z][A-Z0-9&]{{1,7}}s?)\s*\))|\[(?=\s*(?-i:[a-zà-ÿ]))(?!\s*(?:see|voir|sic|cf|ndlr)\b)|[,:]?\s*+(?:{_GLOSS_WORDS})\b|[—–]\s|"
                    rf"—(?=(?:a|an|the|un|une|le|la|les|des)\s)|[ \t]*--[ \t]*(?:or[ \t]+)?(?=\w)|,\s*+(?:ou|or)\s+\w)",
                    re.IGNORECASE)


def explained_after(text: str, end: int) -> bool:
    """A gloss starts right after the term: a parenthesis (or an editor's square bracket: « HACCP [analyse
    des dangers…] »), a dash, "c'est-à-dire", ", ou ..."."""
    return _AFTER.match(text, end) is not None


# Acronyms that share one parenthesis after what they name: « un plan de reprise (PRA/PCA) »,
# "search marketing (SEO, SEA)".
_ACRONYMS_IN_PARENTHESES = re.compile(r"\(\s*[A-Z][A-Za-z0-9&]{1,7}(?:\s*(?:/|,|\bet\b|\bou\b|\band\b|\bor\b)\s*[A-Z][A-Za-z0-9&]{1,7})+\s*\)")


_WORD_INITIAL = re.compile(r"(?<![\w'’])\w")
# the term and its acronym share the bracket: « (Recovery Time Objective ou RTO) », "(Recovery Point Objective, RPO)"
_THEN_ITS_ACRONYM = re.compile(r"\s*(?:,|\b(?:ou|or)\b)\s*[A-Z][A-Z0-9&]{1,7}s?\s*\)")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}s?")
# the term offered in parentheses as another name for the plain words before it
# (after plain words: "your DSCR (or LTV)" offers a second acronym, it explains neither)
_OR_IN_PARENTHESES = re.compile(r"(?<![\w'’])(?=[\w'’]*[a-zà-ÿ])[\w'’]+\s*\(\s*(?i:ou|or|aka|alias|also called|aussi appelée?s?|dit|dite)\s+$")


def is_gloss_itself(text: str, start: int, end: int) -> bool:
    """The term stands in parentheses after what it names: "référencement naturel (SEO)", « un audit
    (ou due diligence) », alone or
    with the acronyms of its kin (« plan de reprise (PRA/PCA) »). A group of acronyms must spell
    the words before it (« obligations (RGPD, NIS2) » gives examples, it names nothing)."""
    # a bounded window: the test runs for every occurrence of a candidate word
    if _OR_IN_PARENTHESES.search(text, max(0, start - 30), start) and text[end:end + 20].lstrip()[:1] == ")":
        return True  # « un audit (ou due diligence) », "a letter of intent (or LOI)": the plain word came first
    if text[max(0, start - 20):start].rstrip().endswith("(") and (
            text[end:end + 20].lstrip().startswith(")")
            or (not text[start:end].isupper() and _THEN_ITS_ACRONYM.match(text, end))):  # not « (RGPD, NIS2) »
        return True
    opening = text.rfind("(", max(0, start - 60), start)
    if opening < 0 or ")" in text[opening:start]:
        return False
    if _names_its_long_form(text, opening, start, end):
        return True
    group = _ACRONYMS_IN_PARENTHESES.match(text, opening)
    if group is None or group.end() < end:
        return False
    acronyms = re.findall(r"[A-Z][A-Za-z0-9&]+", group.group(0))
    initials = [m.group(0).lower() for m in _WORD_INITIAL.finditer(text, max(0, opening - 60), opening)]
    words = re.findall(r"\w+", text[max(0, opening - 60):opening].lower())[-4:]
    return any(_spells(acronym.lower(), initials) or _shortens(acronym.lower(), words) for acronym in acronyms)


# The name an acronym shortens, written out just before it without brackets: « la Société de Paysage
# de Tunisie SOPAT », « l'Autorité des marchés financiers AMF », "Business Email Compromise BEC".
_NAME_JOINERS = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "à", "en", "pour", "sur",
                 "of", "the", "and", "for", "on", "in", "&"}
# (or "or": "a Container Freight Station or CFS", « un plan de continuité ou PCA »)
_BEFORE_ACRONYM = re.compile(r"(?:[\s,(]+(?:or|ou)(?=\s))?[\s(\[\"“«,–—]*$")
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]«»\"“”]|\n\s*\n")  # a wrapped line goes on


def follows_its_name(text: str, start: int, acronym: str) -> bool:
    """The acronym comes right after the name it shortens, as an acronym finder pairs a short form
    with its long form: the name opens with a capital, each of its words (but « de », "of"...)
    opens with one of the acronym's letters, in order, and the acronym's other letters appear in
    order inside those words (« SOciété de PAysage de Tunisie »)."""
    letters = _letters(acronym)
    if len(letters) < 3:  # two capitalised words spell any two letters: "Please Read PR"
        return False
    window = text[max(0, start - 120):start]
    window = window[:_BEFORE_ACRONYM.search(window).start()]  # "(", a quote or a comma may come between
    clause = _CLAUSE_BREAK.split(window)[-1]  # the name itself does not run across punctuation
    words = re.findall(r"[\w&-]+", clause)[-(2 * len(letters) + 2):]
    for first in range(len(words)):  # where the name may start
        name = words[first:]
        if not name[0][0].isupper() or name[0].isupper() or _unaccented(name[0][0]).lower() != letters[0]:
            continue
        content = [w for w in name if w.lower() not in _NAME_JOINERS]
        if len(content) < 2 or len(content) > len(letters):
            continue
        initials = [_unaccented(w[0]).lower() for w in content]
        if _subsequence(initials, letters) and _subsequence(letters[1:], _unaccented(" ".join(content)).lower()[1:]):
            return True
    return False


def spelled_out_after(text: str, end: int, acronym: str) -> bool:
    """The words just after `end` spell the acronym out: their initials (but « de », "and"...) give its
    letters in order ("MEP stands for | mechanical, electrical and plumbing")."""
    letters = _letters(acronym.rstrip("s"))
    initials = _initials(re.findall(r"[\w&]+", text[end:end + 160]))
    return len(letters) >= 2 and initials[:len(letters)] == letters


def _letters(acronym: str) -> list[str]:
    """An acronym's letters, lower case and unaccented ("R&D" -> r, d)."""
    return [c for c in _unaccented(acronym).lower() if c.isalpha()]


def _initials(words: list[str]) -> list[str]:
    """The first letters of the words that carry a name's meaning (not « de », "and", "of"…)."""
    return [_unaccented(w[0]).lower() for w in words if w.lower() not in _NAME_JOINERS]


def _subsequence(items, sequence) -> bool:
    """Whether `items` appear in `sequence` in the same order (not necessarily side by side)."""
    remaining = iter(sequence)
    return all(item in remaining for item in items)


def _names_its_long_form(text: str, opening: int, start: int, end: int) -> bool:
    """An acronym closing a parenthesis after its long form, which follows the plain words:
    « la durée d'interruption admissible (Recovery Time Objective ou RTO) », "(Recovery Point
    Objective, RPO)"."""
    acronym = text[start:end]
    if not _ACRONYM.fullmatch(acronym) or not text[end:end + 3].lstrip().startswith(")"):
        return False
    initials = [m.group(0).lower() for m in _WORD_INITIAL.finditer(text, opening + 1, start)]
    return _spells(acronym.rstrip("s").lower(), initials)


def _shortens(abbreviation: str, words: list[str]) -> bool:
    """The abbreviation is the start of one of the last words (« la sphère (SPH) », "the addition
    (ADD)"): a short form, like an acronym of the words before it."""
    return len(abbreviation) >= 3 and any(_unaccented(word).startswith(abbreviation) for word in words)


def _unaccented(word: str) -> str:
    return unicodedata.normalize("NFD", word).encode("ascii", "ignore").decode()


def _spells(acronym: str, initials: list[str]) -> bool:
    """The acronym's first two letters begin two of the last words, in order (« plan de reprise »
    for PRA): the long form stands just before it."""
    return _subsequence(acronym[:2], initials[-(len(acronym) + 3):])


# A sentence that opens with the term and defines it: « La dette senior correspond à un prêt
# classique », "A canonical tag is an HTML line that...", its acronym between them ("The depth of
# field (DOF) is the distance…"). Definitional verbs only: « est » and "is"
# count when a noun phrase follows (« est un prêt »), not a participle (« est signé ») nor a judgement
# (« est un bon investissement », "is a mess": a general word of praise or blame after the article).
# The term's other name opening the sentence before it ("The TPLO or ", « Le PER ou »), and the other
# name after it ("… or Tibial Plateau Leveling Osteotomy is"): one of the two is the other's acronym.
_OTHER_NAME_BEFORE = re.compile(r"(?:(?<=[.!?:;\n])|^)\s*(?:(?:le|la|les|un|une|the|a|an)\s+|l['’])?"
                                r"(?P<name>[\w'’-]+(?:\s+[\w'’-]+){0,5})\s+(?:or|ou)\s+$", re.IGNORECASE)
_OTHER_NAME_AFTER = re.compile(r"\s+(?:or|ou)\s+(?P<name>[^,.!?\n]{1,50}?)\s+(?=(?:est|sont|is|are)\s)", re.IGNORECASE)
_LEADING_DETERMINER = re.compile(r"(?:\b(?:le|la|les|un|une|des|du|the|a|an)\s+|\bl['’])$", re.IGNORECASE)
_DEFINES = re.compile(
    # the term's acronym or an aside between commas ("The cranial cruciate ligament (CrCL), or anterior
    # cruciate ligament in humans, is…") may stand before the verb
    r"\s*(?:\(\s*(?-i:[A-Z][A-Za-z0-9&]{1,7})\s*\)\s*)?"
    # a French term's qualifying adjective may follow it: « La due diligence juridique est l'audit… »
    r"(?:[ \t]+(?-i:[a-zà-ÿ][a-zà-ÿ-]{3,20}+)(?=[ \t])\s*)?"
    # what the term is of may follow it: « La nue-propriété d'un bien consiste à… », "The APR of a loan is…"
    r"(?:\s+(?:d['’]une?|du|de\s+la|des|of\s+(?:a|an|the|your))\s+[\w'’-]+\s*)?"
    r"(?:,[^,.!?\n]{0,60},\s*)?(?:"
    r"(?:est|sont|is|are)\s+(?:(?:simplement|tout simplement|en fait|donc|basically|simply|just)\s+)?"
    r"(?:un|une|des|le|la|l['’](?!une?\s+des\b)|les|ce qui|a|an|the|what|when|how|one\s+of\s+the|l['’]une?\s+des)\b"
    # a judgement, not a definition: « est un bon investissement », "is a mess", « est la priorité »
    r"(?!\s*(?:bon|bonne|bons|bonnes|vrai|vraie|vrais|vraies|gros|grosse|grand|grande|excellent|excellente|mauvais|mauvaise|"
    r"même|mêmes|seul|seule|premier|première|meilleur|meilleure|meilleurs|meilleures|pires?|véritable|priorité|casse-tête|cauchemar|"
    r"good|great|greatest|big|biggest|real|only|first|best|worst|bad|excellent|huge|mess|nightmare|must|priority|key|same|top|"
    # nor a ranking: "one of the most annoying settings", « l'un des plus gros postes » (how common a thing
    # is describes it: "one of the most common surgeries on dogs", « l'un des plus fréquents »)
    r"(?:most|least|plus|moins)\b(?!\s+(?:common|frequent|widely|courante?s?|fréquente?s?|répandue?s?)\b))\b)"
    r"|(?:correspond(?:ent)?|renvoie(?:nt)?|fait référence|font référence)\s+à|(?:désigne|signifie|représente|définit)(?:nt)?\b"
    r"|consiste(?:nt)?\s+(?:à|en)|se\s+défini(?:t|ssent)|veut\s+dire"
    r"|means|refers\s+to|stands\s+for|is\s+defined\s+as|describes|is\s+short\s+for|is\s+called"
    # what happens: "Thermal bridging happens when a wall meets a window", « L'effet de serre se produit quand… »,
    # "it can be summarised as the heat loss that…"
    r"|(?:happens|occurs|is\s+what\s+happens)\s+(?:when|whenever)\b|can\s+be\s+(?:\w+\s+)?(?:summari[sz]ed|described|defined|thought\s+of)\s+as"
    r"|(?:se\s+produit|survient|se\s+produisent|surviennent)\s+(?:quand|lorsque|lorsqu['’])|peu(?:t|vent)\s+se\s+résumer\s+(?:à|comme))",
    re.IGNORECASE)


# How a definition opens: a determiner ("The percentage of visitors who leave…", « Le solde dû par
# chaque client… ») or a presentative (« C'est une liste de… », « Il s'agit de… », "It is the…").
_OPENS_DEFINITION = re.compile(r"\s*(?:a|an|the|un|une|le|la|les|l['’]|des|du|any|every|tout|toute"
                               r"|c['’]est|ce sont|il s['’]agit|it is|it['’]s|this is|these are)\b", re.IGNORECASE)
# A glossary entry's headword line: the term, after a determiner at most, alone or with its other
# names (« Balance comptable ou balance générale », "Bounce Rate (BR):"), and no sentence.
_HEADWORD_DETERMINER = r"(?:(?:le|la|les|un|une|the|a|an)\s+|l['’])"
_HEADWORD = re.compile(rf"[ \t]*{_HEADWORD_DETERMINER}?(?P<words>[^\n.!?;]{{1,80}}?)[ \t]*:?[ \t]*", re.IGNORECASE)
_TERM_DETERMINER = re.compile(rf"^{_HEADWORD_DETERMINER}", re.IGNORECASE)
_OTHER_NAME = re.compile(r"\s+(?:ou|or|/|aka)\s+|\s*[/–—]\s*|\s*\(\s*|\s*\)\s*", re.IGNORECASE)
_MAX_HEADWORD_WORDS = 10
_MAX_HEADWORD_CHARS = 120


# A question or heading, on a line of its own, that announces the term's definition: « Qu'est-ce que
# la liasse fiscale 2033 ? », "What is a canonical tag?", « Définition du maillage interne ». A
# question that only uses the term ("What is the EBITDA doing?") defines nothing.
_ASKS_WHAT = re.compile(r"[ \t]*(?:qu['’]est[- ]ce\s+qu(?:e\s+|['’]\s*)|what\s+(?:is|are)\s+|what\s+does\s+)"
                        r"(?:(?:un|une|le|la|les|l['’]|a|an|the)\s*)?", re.IGNORECASE)
_NAMES_DEFINITION = re.compile(r"[ \t]*(?:définition|definition)\s+(?:(?:de|du|des|d['’]|of)\s*)(?:(?:la|l['’]|the|a|an)\s*)?",
                               re.IGNORECASE)
_QUESTION_END = re.compile(r"(?:[ \t]+(?:[\dA-Z][\w.-]{0,9}|(?-i:[a-zà-ÿ][a-zà-ÿ-]{3,20}+)))?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?\?[ \t]*(?:\n|$)")
_HEADING_END = re.compile(r"[ \t]*+(?:\([^()\n]{1,40}\)[ \t]*+)?[:?]?[ \t]*+(?:\n|$)")


# The term named after what it stands for was described in plain words: "you may have what's
# commonly known as runner's knee. Clinically, this is called patellofemoral pain syndrome", « ce
# qu'on appelle un bail commercial ».
_NAMED_AS = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|what['’]s)\s+(?:(?:commonly|also|often|usually|sometimes|simply|"
    r"technically|clinically|officially|formally|generally)\s+)?(?:called|known\s+as|referred\s+to\s+as|termed|dubbed)"
    r"|\b(?:qu['’]on|que\s+l['’]on)\s+(?:appelle|nomme)|\bon\s+(?:l['’]appelle|les\s+appelle)"
    r"|\b(?:est|sont|soit)\s+(?:(?:aussi|également|couramment|souvent|simplement)\s+)?(?:appelée?s?|nommée?s?|dénommée?s?)"
    r"|\bconnue?s?\s+sous\s+le\s+nom\s+d(?:e\s+|['’])"
    # in apposition: "a separate contract, called a managed-services contract", « un contrat spécifique,
    # appelé contrat d'infogérance »
    r"|,\s*(?:(?:also|aussi|également)\s+)?(?:called|known\s+as|termed|appelée?s?|nommée?s?|dénommée?s?)"
    # right after the noun it names: "a warehouse called a CFS", "a defect known as a weld line", « des flous
    # appelés bokeh » (not the verb: "the client called a lawyer" is no naming, nor « il a appelé un avocat »)
    r"|\b(?:an?|the|this|that|these|those)\s+[\w-]+\s+called"
    r"|\b(?<!\bas\s)(?:known\s+as|termed|dubbed|referred\s+to\s+as)"
    r"|(?<!\ba\s)(?<!\bai\s)(?<!\bas\s)(?<!\bont\s)(?<!\bavons\s)(?<!\bavez\s)(?<!\bavait\s)(?<!\bété\s)"
    r"(?<!\bavoir\s)(?<!\bayant\s)(?<=[a-zà-ÿ]\s)(?:appelée?s?|nommée?s?|dénommée?s?))"
    # the term may be the complement of the name's head noun: « appelé contrat d'infogérance »
    r"\s+(?:(?:an?|the|le|la|les|un|une|des)\s+|l['’])?(?:[\w-]+\s+(?:de\s+|du\s+|des\s+|d['’]|of\s+(?:the\s+)?))?"
    r"[\"“«‘']?\s*$", re.IGNORECASE)
# A statement that announces what terms mean, the terms right after it (one to four, coordinated):
# « rappelons ce que sont usufruit et nue-propriété », « voyons ce qu'on entend par mise en demeure ».
_ANNOUNCES_MEANING = re.compile(
    r"\bce\s+(?:qu['’](?:est|était|on\s+entend\s+par|on\s+appelle|l['’]on\s+entend\s+par)"
    r"|que\s+(?:sont|signifie|signifient|désigne|désignent|recouvre|recouvrent|veut\s+dire|veulent\s+dire"
    r"|l['’]on\s+entend\s+par|on\s+entend\s+par))"
    r"[ \t]*+(?:(?:un|une|le|la|les|des|du|l['’])[ \t]*+)?"
    r"(?:[\w'’-]++[ \t]*+(?:,|\bet\b|\band\b)[ \t]*+(?:(?:un|une|le|la|les|l['’])[ \t]*+)?){0,3}$", re.IGNORECASE)
# "…let's look at what a usufruct is", "here is what EBITDA means": the term between "what" and its verb.
_WHAT_BEFORE = re.compile(r"\bwhat[ \t]++(?:(?:an?|the)[ \t]++)?$", re.IGNORECASE)
_MEANING_AFTER = re.compile(r"[ \t]++(?:is|are|means|mean|stands[ \t]++for|refers[ \t]++to)\b", re.IGNORECASE)
# A question within a paragraph may go on with the term's complement (« qu'est-ce qu'une servitude de
# passage ? »), not with a verb ("What is the EBITDA doing?" asks something else).
_INLINE_QUESTION_END = re.compile(r"(?:[ \t]+(?:de|du|des|d['’]|of|for|in|à|en)\b[^?!.\n]{0,40}?)?[ \t]*"
                                  r"(?:\([^()\n]{1,40}\)[ \t]*)?\?", re.IGNORECASE)
# Words that may open a question before "what is": "So what is a Part 36 offer?", « Mais qu'est-ce qu'un… ».
_QUESTION_OPENER = re.compile(r"[ \t]*(?:(?:so|and|but|then|now|alors|mais|donc|bon|ok)\b[ \t,]*)?", re.IGNORECASE)


def defines(text: str, start: int, end: int, following: str = "") -> bool:
    """The sentence opens with the term (after a determiner at most) and defines it, the term
    heads a glossary entry whose definition starts on the next line (or, for a heading that is a
    block of its own, in `following`, the next block's text), a question announces its definition
    ("What is X?", « Définition de X », also within a paragraph), a statement announces what it means
    (« rappelons ce que sont usufruit et nue-propriété », "let's see what a usufruct is"), or the term
    names what the sentence has just described ("this is called X")."""
    line_start = text.rfind("\n", 0, start) + 1
    if _heads_entry(text, line_start, start, end, following):
        return True
    if _ASKS_WHAT.fullmatch(text, line_start, start) and _QUESTION_END.match(text, end):
        return True
    if _asks_what_within(text, line_start, start) and _INLINE_QUESTION_END.match(text, end):
        return True
    if _NAMED_AS.search(text, max(0, start - 60), start):
        return True
    if _ANNOUNCES_MEANING.search(text, max(line_start, start - 90), start) or (
            _WHAT_BEFORE.search(text, max(line_start, start - 12), start) and _MEANING_AFTER.match(text, end)):
        return True
    if _NAMES_DEFINITION.fullmatch(text, line_start, start) and _HEADING_END.match(text, end):
        return True
    window_start = max(0, start - 90)
    before = text[window_start:start]
    other_name = _OTHER_NAME_BEFORE.search(before)  # "The TPLO or Tibial Plateau Leveling Osteotomy is…"
    if other_name and (other_name.start() > 0 or window_start == 0) \
            and _abbreviates(other_name.group("name"), text[start:end]):
        before = before[:other_name.start()]
    else:
        before = before[-40:]
    determiner = _LEADING_DETERMINER.search(before)
    if determiner:
        before = before[:determiner.start()]
    before = _SHORT_OPENER.sub("", before).rstrip(" \t")  # "In photography, bokeh is the blur…"
    if before and before[-1] not in ".!?:;\n•*-–—":
        return False
    after = _OTHER_NAME_AFTER.match(text, end)  # "The TPLO or Tibial Plateau Leveling Osteotomy is…"
    if after and _abbreviates(text[start:end], after.group("name")):
        end = after.end()
    return _DEFINES.match(text, end) is not None


# A field named before a definition does not stop it from opening its sentence: "In photography, bokeh
# is the blur…", « En droit, l'usufruit est le droit… » (two words at most after the preposition).
_SHORT_OPENER = re.compile(r"(?:(?<=[.!?:;\n])|^)\s*(?:in|for|en|dans|pour)\s+(?:(?:the|le|la|les|l['’])\s*)?"
                           r"[\w'’-]+(?:\s+[\w'’-]+)?\s*,\s*$", re.IGNORECASE)


def _abbreviates(one: str, other: str) -> bool:
    """One name is the other's acronym (TPLO, Tibial Plateau Leveling Osteotomy): the acronym's first
    letter opens the name and the initials of the name's words (but « de », "of"…) spell it, in order."""
    for acronym, name in ((one, other), (other, one)):
        if not _ACRONYM.fullmatch(acronym.strip()):
            continue
        letters = _letters(acronym)
        initials = _initials(re.findall(r"[\w-]+", name))
        if len(initials) >= 2 and initials[0] == letters[0] and _subsequence(initials, letters):
            return True
    return False


def _asks_what_within(text: str, line_start: int, start: int) -> bool:
    """A question of its own sentence inside a paragraph asks what the term is ("…a blank
    expression. So what is a Part 36 offer?")."""
    window_start = max(line_start, start - 200)  # bounded: this runs for every hit of a trade term
    sentence_start = max(text.rfind(mark, window_start, start) for mark in ".!?")
    if sentence_start < 0:
        if window_start != line_start:
            return False
        sentence_start = line_start - 1  # the question opens its line: "So what is a Part 36 offer?"
    opener = _QUESTION_OPENER.match(text, sentence_start + 1, start)
    return _ASKS_WHAT.fullmatch(text, opener.end(), start) is not None


def _heads_entry(text: str, line_start: int, start: int, end: int, following: str) -> bool:
    """The term's line is a headword line and what comes under it opens like a definition."""
    # Bounded reads only: this runs for every hit of a trade term.
    limit = line_start + _MAX_HEADWORD_CHARS
    line_end = text.find("\n", end, limit + 1)
    if line_end < 0 and len(text) > limit:
        return False  # a line this long is prose, not a headword
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if len(line.split()) > _MAX_HEADWORD_WORDS:
        return False
    headword = _HEADWORD.fullmatch(line)
    if headword is None:
        return False
    names = {name.strip(" \t:").lower() for name in _OTHER_NAME.split(headword.group("words"))}
    term = _TERM_DETERMINER.sub("", text[start:end].strip().lower())
    if term not in names:
        return False
    under = _OPENS_DEFINITION.match(text, line_end + 1) if line_end >= 0 else _OPENS_DEFINITION.match(following)
    return under is not None
