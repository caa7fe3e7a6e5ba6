"""`acronym`: an acronym used without being explained at its first use.

Explained means: the long form in parentheses right after it ("SEO
(référencement naturel)"), the acronym in parentheses after its long form
("référencement naturel (SEO)"), or a gloss such as "c'est-à-dire" / "that
is". Acronyms every reader knows (allow lexicon, or as frequent as an everyday
word in wordfreq), `known-terms`, and words in a run of capitals (a shouted
heading, a brand written in capitals) are fine.
"""
from __future__ import annotations

import functools
import re

from ..glosses import explained_after, follows_its_name, is_gloss_itself, spelled_out_after
from ..wordfreqs import frequent
from .base import Check, Finding, number

# A word of capitals, digits and "&" (then an optional plural s); `_acronym_shape` asks for
# a second capital after any "&". The run is read once (possessive): matching the shape in
# the regex itself made a long run of capitals quadratic.
# Or a short acronym with one or two small letters inside ("CrCL", "SaaS", "IoT"): a capital on each
# side of them, so names in camel case ("FedEx", "McKay", "PayPal") are not read as acronyms.
_ACRONYM = re.compile(r"(?<![\w&.-])([A-Z][A-Z0-9&]*+|[A-Z][A-Z]?[a-z]{1,2}[A-Z][A-Z]?)(s?)(?![\w&-])")
# "12,000 BTU", "50 MB": a unit after a number, not an acronym to explain.
_UNIT_AFTER_NUMBER = re.compile(r"\d\s?$")
# "KES 1,500", "CHF 120.-": an ISO currency code before an amount (Babel's list of codes).
_AMOUNT_AFTER = re.compile(r"[ \t\u00a0\u202f]?\d")
# Acronyms are also glossed with "pour": "SEO pour Search Engine Optimization".
_EXPANDED_WITH_FOR = re.compile(r"\s*+,?\s*(?:pour|for)\s+[A-Z]")
# …or spelled out by a verb of meaning: "MEP stands for mechanical, electrical and plumbing", « PCA est
# l'acronyme de plan de continuité », the words after it giving its letters (not "a low DSCR stands for
# trouble", « un mauvais DPE signifie une baisse du prix »: a consequence).
_SPELLED_OUT = re.compile(r"\s++(?:stands\s+for|is\s+short\s+for|is\s+an?\s+(?:acronym|abbreviation|initialism)\s+(?:for|of)"
                          r"|est\s+l['’](?:acronyme|abréviation|abrégé)\s+d(?:e\s|['’])|(?:signifie|veut\s+dire)(?!\s+qu))",
                          re.IGNORECASE)


class AcronymCheck(Check):
    kind = "acronym"

    def __init__(self, rule, ctx) -> None:
        super().__init__(rule, ctx)
        allowed = self._listed(rule, ctx, "allow_lexicon")
        allowed.update(str(word).upper() for word in self.spec.get("allow", []))
        allowed.update(term.upper() for term in ctx.known_terms)
        self.allowed = allowed
        self.min_length = int(number(rule, self.spec, "min_length", 2, minimum=2))
        self.max_length = int(number(rule, self.spec, "max_length", 5, minimum=2))
        # Acronyms as frequent as an everyday word (HTML, SMS) are familiar to readers.
        self.familiar_zipf = number(rule, self.spec, "familiar_zipf", 3.0)
        # wordfreq counts an acronym with its lowercase homograph: "DOT" as often as "dot", « ROI » as
        # « roi ». For the trade acronyms a lexicon lists as such, frequency says nothing of the acronym.
        self.homographs = self._listed(rule, ctx, "homograph_lexicon")
        # Codes of regions a town's name may carry after a comma ("Austin, TX"): an address, no acronym.
        self.region_codes = frozenset(self._listed(rule, ctx, "region_lexicon"))
        self.lang = ctx.lang
        # Words that make an acronym an organisation's name: « la société TDF », "KPMG LLP".
        # (an elided article may stand between: « inscrit à l'OMK », « agréé par l'AMF »; so may the
        # other names of a list those words open: "sponsored by Acme Credit Union, PWC and RBC")
        self.name_before = _word_alternation(self.spec.get("organisation_before", []), _THEN_NAMES_LISTED,
                                             flags=re.IGNORECASE)
        # (after one or two more capitalised words of the name: "FJS Plant Limited", "the FTMTA Farm Machinery Show";
        # the name must end there, or a title-case heading would pass: "Why DSCR Loans Show Growth")
        self.name_after = _word_alternation(self.spec.get("organisation_after", []), r"(?![ \t]+[A-ZÀ-Ý][a-zà-ÿ])",
                                            prefix=r"^\s+(?:[A-ZÀ-Ý][\w&'’-]*\s+){0,2}")

    def run(self, analysis):
        long_forms = _LongForms(analysis.blocks)  # the acronyms the draft's capitalised names spell, read on demand
        judged: set[str] = set()  # acronyms whose first use was judged
        findings: dict[str, Finding] = {}  # an acronym's unexplained first use, until a later use explains it
        for number_, block in enumerate(analysis.blocks):
            text = block.text
            capitals_checked = False
            for match in _ACRONYM.finditer(text):
                if not _acronym_shape(match.group(1)):
                    continue
                if not capitals_checked:  # counted only in blocks that have an acronym at all
                    capitals_checked = True
                    if _mostly_capitals(text):
                        break  # a heading in capitals is not a wall of acronyms
                acronym = match.group(1)
                if not self.min_length <= len(acronym) <= self.max_length:
                    continue
                if acronym in findings:
                    # A post may name acronyms first and explain them below (« les notions de PRA et de PCA…
                    # Le PCA (plan de continuité d'activité)… »): explained at any use, explained for the draft.
                    if _explained(text, match.start(), match.end()):
                        del findings[acronym]
                    continue
                if acronym in judged:
                    continue
                explained = _explained(text, match.start(), match.end())
                if not explained and _in_capitals_run(text, match.start(1), match.end(2)):
                    continue  # a shouted heading or a NAME IN CAPITALS says nothing of it: the next use is judged
                judged.add(acronym)  # only the first use is judged; a later use can only explain it
                if explained or _ROMAN_NUMERAL.fullmatch(acronym):
                    continue
                if acronym in self.allowed or self._a_name_or_an_amount(text, match, long_forms):
                    continue
                if _ticker(text, match.start(1)) or self._surname_in_capitals(text, match.start(1)) \
                        or self._organisation(text, match.start(1), match.end(2)):
                    continue
                if acronym not in self.homographs and frequent(self.lang, acronym, self.familiar_zipf):
                    continue
                findings[acronym] = Finding(number_, match.start(1), match.end(2), args={"acronym": acronym})
        return list(findings.values())


    def _listed(self, rule, ctx, field_name: str) -> set[str]:
        """The acronyms the lexicons named in `field_name` list, upper case (several per line)."""
        listed: set[str] = set()
        names = self.spec.get(field_name, [])
        for name in [names] if isinstance(names, str) else names:
            for line in ctx.lexicon(rule, name, f"match.{field_name}"):
                listed.update(word.upper() for word in line.split())
        return listed

    def _a_name_or_an_amount(self, text: str, match: re.Match, long_forms: "_LongForms") -> bool:
        """The acronym shortens a name the draft spells out, stands in apposition after a name, or
        is a unit or a currency with its amount: nothing a reader needs explained."""
        acronym, start, end = match.group(1), match.start(1), match.end(2)
        return _amount_in_currency(acronym) or _in_apposition(text, start, end, self.region_codes) \
            or bool(_UNIT_AFTER_NUMBER.search(text, max(0, start - 3), start)) \
            or bool(_AMOUNT_AFTER.match(text, end) and _currency_code(acronym)) or long_forms.spell(acronym.rstrip("s"))

    def _organisation(self, text: str, start: int, end: int) -> bool:
        return bool(self.name_before and self.name_before.search(text[max(0, start - 160):start])) \
            or bool(self.name_after and self.name_after.match(text[end:end + 40]))

    def _surname_in_capitals(self, text: str, start: int) -> bool:
        """"Ousmane MBAYE", "Macky SALL": a family name in capitals after a given name (a
        capitalised word that is not an everyday word, unlike "Votre CRM" or "The API")."""
        given = _GIVEN_NAME_BEFORE.search(text, max(0, start - 30), start)
        return bool(given) and not frequent(self.lang, given.group(1), 3.5)


# A name in a list: capitalised words (« Caisse des Dépôts », "Acme Credit Union") or an acronym,
# after an article; names are joined by commas, "and", "or", « et », « ou ». Each name is read once
# (an atomic group) and the small words are lower case: a word such as "Of" could otherwise be
# read both as a name's word and as its joiner, and a run of them took exponential time.
_LISTED_NAME = (r"(?>(?:(?:la|le|les|des|du|the)\s+|l['’])?(?-i:[A-ZÀ-Ý])[\w&'’-]*"
                r"(?:[ \t]+(?:(?-i:[A-ZÀ-Ý])[\w&'’-]*|(?-i:des|de|du|of|for)\b|(?-i:d['’])))*)")
_NAMES_JOINED = r"\s*(?:,\s*(?:(?-i:and|or|et|ou)\s+)?|\s(?-i:and|or|et|ou)\s)\s*"
# (an article before the acronym only after other names: "look at the KPI" names nothing)
_THEN_NAMES_LISTED = rf"\s+(?:l['’]|(?:{_LISTED_NAME}{_NAMES_JOINED}){{1,8}}(?:(?:la|le|les|the)\s+|l['’])?)?$"

# "(NASDAQ: AMZN)", "(Paris:CA)", "TSX: ABC": a ticker after an exchange's name.
_TICKER_BEFORE = re.compile(r"\b(?:NASDAQ|Nasdaq|NYSE|AMEX|TSX|TSXV|CSE|OTC|OTCQB|OTCQX|LSE|AIM|ASX|NZX|SIX|Euronext|Paris|Xetra|ticker|symbol)\s*:\s*$")
_GIVEN_NAME_BEFORE = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)\s+$")


# "Henry VIII", "Part XLII", « le chapitre XXVII »: a Roman numeral up to 99 of three letters or more, not an
# acronym. Two-letter ones (IV, XI) and those with C, D or M (CDI, CCI, MCI) are too often acronyms to skip.
_ROMAN_NUMERAL = re.compile(r"(?=\w{3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def _word_alternation(words, suffix: str, prefix: str = r"\b", flags: int = 0) -> re.Pattern | None:
    words = [w for w in words if isinstance(w, str) and w.strip()]
    if not words:
        return None
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"{prefix}(?:{alternation})\\b{suffix}", flags)


@functools.lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies
    return frozenset(list_currencies())


def _currency_code(word: str) -> bool:
    return len(word) == 3 and word in _currency_codes()


def _amount_in_currency(word: str) -> bool:
    """"GBP12", "USD500": an amount written right after its currency's code ("GBP12.6 million")."""
    return len(word) > 3 and word[3:].isdigit() and _currency_code(word[:3])


# Small words inside a name ("Bank of Montreal", « Caisse des Dépôts »): they give no letter.
_NAME_JOINER = {"of", "and", "for", "the", "on", "in", "de", "du", "des", "la", "le", "les", "et", "d", "l", "&"}
_NAME_TOKENS = re.compile(r"[\w-]+|&|[,.;:!?()\[\]«»“”\"]")  # words (split at apostrophes: d'Arc) and punctuation


class _LongForms:
    """`_initialisms` of a draft, worked out at the first acronym that needs them (most drafts have none)."""

    def __init__(self, blocks) -> None:
        self._blocks, self._spelled = blocks, None

    def spell(self, acronym: str) -> bool:
        if self._spelled is None:
            self._spelled = _initialisms(self._blocks)
        return acronym in self._spelled


def _initialisms(blocks) -> frozenset[str]:
    """What the draft's runs of capitalised words spell, three letters or more ("Manitoulin Global
    Forwarding" -> MGF): an acronym one of them spells is that name's short form, wherever the name
    stands ("Associated Cargo Specialists, which operates as ACS Logistics")."""
    spelled: set[str] = set()
    for block in blocks:
        initials: list[str] = []
        for word in _NAME_TOKENS.findall(block.text):
            if not word[0].isalnum() and word != "&":
                initials = []  # a comma or a full stop ends a name ("Ford, General Motors, Tesla")
            elif word[0].isupper() and not word.isupper():
                initials.append(word[0])
                for size in range(3, min(len(initials), 8) + 1):
                    spelled.add("".join(initials[-size:]))
            elif word.lower() not in _NAME_JOINER:
                initials = []
    return frozenset(spelled)


# An acronym in apposition between commas: post-nominal letters after a person's full name ("Carol Wilding,
# FCPA, FCA, the President"), a state or province code after a place ("Montreal, QC."). Not a list of
# acronyms after any capitalised word ("In Europe, GDPR, DORA and NIS2").
# (a person's name: capitalised words that are no sentence's opening word, "In Europe, NIS2, DORA")
_NAME_WORD = r"(?!(?:In|On|At|For|From|To|By|With|The|A|An|And|But|As|After|Before|Since|During|Under|Over|Across|Within|Like|Unlike|Dans|En|Au|Aux|Le|La|Les|Pour|Par|Avec|Chez)\b)[A-Z][a-z][\w'’.-]*"
# (a middle initial may stand inside the name, "Duncan B. Will", and credentials may be joined by slashes,
# "CPA/ABV/CFF, CFE")
_FULL_NAME_AND_COMMA = re.compile(rf"\b{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|[A-Z]\.)){{1,3}}[ \t]*,[ \t]*(?:[A-Z]{{2,6}}[ \t]*[,/][ \t]*)*$")
_PLACE_AND_COMMA = re.compile(r"\b[A-Z][a-z][\w'’.-]*[ \t]*,[ \t]*$")
_APPOSITION_END = re.compile(r"[ \t]*(?:[,.;)/]|[—–]|$)", re.M)


def _in_apposition(text: str, start: int, end: int, region_codes: frozenset[str]) -> bool:
    if not _APPOSITION_END.match(text, end):
        return False
    before = text[max(0, start - 80):start]
    return bool(_FULL_NAME_AND_COMMA.search(before)) \
        or (text[start:end] in region_codes and bool(_PLACE_AND_COMMA.search(before)))


def _acronym_shape(word: str) -> bool:
    """[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*: a capital after the first letter and after any "&"."""
    return any("A" <= c <= "Z" for c in word[max(1, word.rfind("&") + 1):])


def _ticker(text: str, start: int) -> bool:
    return bool(_TICKER_BEFORE.search(text, max(0, start - 20), start))


def _explained(text: str, start: int, end: int) -> bool:
    return explained_after(text, end) or is_gloss_itself(text, start, end) or bool(_EXPANDED_WITH_FOR.match(text, end)) \
        or _spelled_out_by_a_verb(text, start, end) or follows_its_name(text, start, text[start:end]) \
        or _spelled_out_as_its_other_name(text, start, end)


# "La DSN ou déclaration sociale nominative", "TMA ou tierce maintenance applicative", "the CFS, or container
# freight station": "or" and the words that spell it (a word may qualify the acronym before: « la DSN événementielle ou »).
_OR_AFTER = re.compile(r"(?:[ \t]++[a-zà-ÿ'’-]++)?(?:[ \t]*+,)?[ \t]++(?:ou|or|aka|autrement[ \t]+dit|i\.e\.,?)[ \t]++"
                       r"(?:(?:la|le|les|l['’]|the|a|an)[ \t]*+)?", re.IGNORECASE)


def _spelled_out_as_its_other_name(text: str, start: int, end: int) -> bool:
    other = _OR_AFTER.match(text, end)
    return other is not None and spelled_out_after(text, other.end(), text[start:end])


def _spelled_out_by_a_verb(text: str, start: int, end: int) -> bool:
    verb = _SPELLED_OUT.match(text, end)
    return verb is not None and spelled_out_after(text, verb.end(), text[start:end])


def _in_capitals_run(text: str, start: int, end: int) -> bool:
    """Part of a run of capitalised words (a shouted heading, a NAME IN CAPITALS)."""
    before = re.search(r"([A-Z][A-Z0-9&'-]+)\s+$", text[max(0, start - 40):start])
    after = re.match(r"\s+([A-Z][A-Z0-9&'-]+)\b", text[end:end + 40])
    return bool(before) or bool(after)


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)
