"""Does the writer explain a term right where it is used?

"le SEO (référencement naturel)", "les incoterms, ou termes du commerce
international", "a CRM, that is software that...": a term explained in place
is not jargon. Shared by the substitution, acronym and rare-term kinds.
"""
from __future__ import annotations

import re

_GLOSS_WORDS = (
    r"c'est-à-dire|c'est à dire|soit|autrement dit|ou encore|aussi appelée?s?|qui signifie|qui veut dire|"
    r"that is|i\.e\.|which means|which stands for|meaning|also called|short for|or in plain terms"
)
# A parenthesis explains, unless it only gives the term's acronym: "Nil Rate Band (NRB)" introduces
# a short form, it says nothing of what the band is.
_AFTER = re.compile(rf"\s*(?:\((?!\s*(?-i:[A-Z][A-Z0-9&]{{1,7}}s?)\s*\))|[,:]?\s*(?:{_GLOSS_WORDS})\b|\s*[—–]\s|,\s*(?:ou|or)\s+\w)", re.IGNORECASE)


def explained_after(text: str, end: int) -> bool:
    """A gloss starts right after the term: a parenthesis, a dash, "c'est-à-dire", ", ou ..."."""
    return _AFTER.match(text, end) is not None


# Acronyms that share one parenthesis after what they name: « un plan de reprise (PRA/PCA) »,
# "search marketing (SEO, SEA)".
_ACRONYMS_IN_PARENTHESES = re.compile(r"\(\s*[A-Z][A-Za-z0-9&]{1,7}(?:\s*(?:/|,|\bet\b|\bou\b|\band\b|\bor\b)\s*[A-Z][A-Za-z0-9&]{1,7})+\s*\)")


_WORD_INITIAL = re.compile(r"(?<![\w'’])\w")


def is_gloss_itself(text: str, start: int, end: int) -> bool:
    """The term stands in parentheses after what it names: "référencement naturel (SEO)", alone or
    with the acronyms of its kin (« plan de reprise (PRA/PCA) »). A group of acronyms must spell
    the words before it (« obligations (RGPD, NIS2) » gives examples, it names nothing)."""
    # a bounded window: the test runs for every occurrence of a candidate word
    if text[max(0, start - 20):start].rstrip().endswith("(") and text[end:end + 20].lstrip().startswith(")"):
        return True
    opening = text.rfind("(", max(0, start - 40), start)
    if opening < 0 or ")" in text[opening:start]:
        return False
    group = _ACRONYMS_IN_PARENTHESES.match(text, opening)
    if group is None or group.end() < end:
        return False
    acronyms = re.findall(r"[A-Z][A-Za-z0-9&]+", group.group(0))
    initials = [m.group(0).lower() for m in _WORD_INITIAL.finditer(text, max(0, opening - 60), opening)]
    return any(_spells(acronym.lower(), initials) for acronym in acronyms)


def _spells(acronym: str, initials: list[str]) -> bool:
    """The acronym's first two letters begin two of the last words, in order (« plan de reprise »
    for PRA): the long form stands just before it."""
    recent = initials[-(len(acronym) + 3):]
    return any(first == acronym[0] and acronym[1] in recent[i + 1:] for i, first in enumerate(recent))


# A sentence that opens with the term and defines it: « La dette senior correspond à un prêt
# classique », "A canonical tag is an HTML line that...". Definitional verbs only: « est » and "is"
# count when a noun phrase follows (« est un prêt »), not a participle (« est signé »).
_LEADING_DETERMINER = re.compile(r"(?:\b(?:le|la|les|un|une|des|du|the|a|an)\s+|\bl['’])$", re.IGNORECASE)
_DEFINES = re.compile(
    r"\s*(?:,[^,.!?\n]{0,40},\s*)?(?:"
    r"(?:est|sont|is|are)\s+(?:(?:simplement|tout simplement|en fait|donc|basically|simply|just)\s+)?(?:un|une|des|le|la|l['’]|les|ce qui|a|an|the|what|when|how)\b"
    r"|(?:correspond(?:ent)?|renvoie(?:nt)?|fait référence|font référence)\s+à|(?:désigne|signifie|représente|définit)(?:nt)?\b"
    r"|consiste(?:nt)?\s+(?:à|en)|se\s+défini(?:t|ssent)|veut\s+dire"
    r"|means|refers\s+to|stands\s+for|is\s+defined\s+as|describes|is\s+short\s+for|is\s+called)",
    re.IGNORECASE)


# How a definition opens: a determiner ("The percentage of visitors who leave…", « Le solde dû par
# chaque client… ») or a presentative (« C'est une liste de… », « Il s'agit de… », "It is the…").
_DEFINITION_OPENER = (r"(?:a|an|the|un|une|le|la|les|l['’]|des|du|any|every|tout|toute"
                      r"|c['’]est|ce sont|il s['’]agit|it is|it['’]s|this is|these are)\b")
# A glossary entry: the term alone on its line, its definition on the next line ("Bounce Rate" then
# "The percentage of visitors who leave…").
_REST_OF_HEADWORD = re.compile(r"[ \t]*(?:\([^()\n]{1,20}\))?[ \t]*:?[ \t]*\n[ \t]*" + _DEFINITION_OPENER,
                               re.IGNORECASE)
_OPENS_DEFINITION = re.compile(r"\s*" + _DEFINITION_OPENER, re.IGNORECASE)
# A heading that names the term, alone or with its other name: « Balance comptable ou balance
# générale », "Escrow (or trust account):".
_HEADWORD_LINE = re.compile(r"\s*(?:(?:le|la|les|un|une|the|a|an)\s+|l['’])?(?P<words>[^\n.!?;]{1,80}?)\s*:?\s*", re.IGNORECASE)
_OTHER_NAME = re.compile(r"\s+(?:ou|or|/|aka)\s+|\s*[/–—]\s*|\s*\(\s*|\s*\)\s*", re.IGNORECASE)
_MAX_HEADING_WORDS = 10


# A question or heading, on a line of its own, that announces the term's definition: « Qu'est-ce que
# la liasse fiscale 2033 ? », "What is a canonical tag?", « Définition du maillage interne ». A
# question that only uses the term ("What is the EBITDA doing?") defines nothing.
_ASKS_WHAT = re.compile(r"[ \t]*(?:qu['’]est[- ]ce\s+qu(?:e\s+|['’]\s*)|what\s+(?:is|are)\s+|what\s+does\s+)"
                        r"(?:(?:un|une|le|la|les|l['’]|a|an|the)\s*)?", re.IGNORECASE)
_NAMES_DEFINITION = re.compile(r"[ \t]*(?:définition|definition)\s+(?:(?:de|du|des|d['’]|of)\s*)(?:(?:la|l['’]|the|a|an)\s*)?",
                               re.IGNORECASE)
_QUESTION_END = re.compile(r"(?:[ \t]+[\dA-Z][\w.-]{0,9})?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?\?[ \t]*(?:\n|$)")
_HEADING_END = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[:?]?[ \t]*(?:\n|$)")


def defines(text: str, start: int, end: int) -> bool:
    """The sentence opens with the term (after a determiner at most) and defines it, the term
    heads a glossary entry whose definition starts on the next line, or a question or heading
    announces its definition ("What is X?", « Définition de X »)."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and _REST_OF_HEADWORD.match(text, end):
        return True
    if _ASKS_WHAT.fullmatch(text, line_start, start) and _QUESTION_END.match(text, end):
        return True
    if _NAMES_DEFINITION.fullmatch(text, line_start, start) and _HEADING_END.match(text, end):
        return True
    before = text[max(0, start - 40):start]
    determiner = _LEADING_DETERMINER.search(before)
    if determiner:
        before = before[:determiner.start()]
    before = before.rstrip(" \t")
    if before and before[-1] not in ".!?:;\n•*-–—":
        return False
    return _DEFINES.match(text, end) is not None


def heads_section(heading: str, start: int, end: int, next_text: str) -> bool:
    """The term is a heading of its own (with its other name at most: « Balance comptable ou
    balance générale ») and the paragraph under it opens like a definition (« C'est une liste de
    tous les comptes… »): a glossary laid out as headings and paragraphs."""
    if "\n" in heading.strip() or len(heading.split()) > _MAX_HEADING_WORDS:
        return False
    line = _HEADWORD_LINE.fullmatch(heading)
    if not line:
        return False
    names = [name.strip(" \t:").lower() for name in _OTHER_NAME.split(line.group("words")) if name.strip(" \t:")]
    term = re.sub(r"^(?:(?:le|la|les|un|une|the|a|an)\s+|l['’])", "", heading[start:end].strip().lower())
    return term in names and _OPENS_DEFINITION.match(next_text) is not None
