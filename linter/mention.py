"""Mention versus use: is a flagged phrase being used, or discussed?

"We are thrilled to announce" in a release is a use; the same words in a post
that warns against them ("phrases like 'we are thrilled to announce'") are a
mention. A finding is a mention when
- it sits inside a short quotation (a quoted phrase, not a quoted speech:
  a spokesperson's quoted sentences are still the release's own words), or
- its sentence talks about words: it holds one of the pack's mention cues
  ("buzzwords", « langue de bois », "phrases like", « formules creuses »...),
  other than the flagged words themselves, or
- it stands in examples that a line ending with a colon introduces as examples
  or as words ("Avoid phrases like these:", « Par exemple, un titre : »), or
- the whole draft is about that kind of writing: a post that names press
  releases again and again (the pack's `mention.topics`) teaches or criticises
  them, and the release phrases it contains are its examples, or
- the draft mentions the same words elsewhere: a post that puts "I'm thrilled to
  announce" in quotation marks to mock it, then plays with it again unquoted,
  is still talking about those words.
Mentions are at most suggestions and weigh nothing in the document's verdict.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

from .cues import recurs
from .prefilter import Search, casefold_for_search
from .terms import same_term

# Opening quotation mark -> the marks that close it. Straight double quotes pair with themselves.
_PAIRS = {"«": "»", "“": "”", "„": "“”", "‘": "’", '"': '"', "‹": "›"}
_CLOSERS = {"»", "”", "“", "’", '"', "›"}
_LONG_LINE = 400  # characters: a line this long has far more than 15 words
_MAX_LIST_LINES = 25  # the items of a list of words to avoid, one per line, and its introduction
_LIST_ITEM_CHARS = 120  # characters: a longer line is prose, not an item of a list of words
_QUOTE_REACH = 400  # characters before a finding where the opening mark of a short quotation can be


@dataclass(frozen=True)
class MentionModel:
    """A language's cues, from its pack.yaml `mention` section."""

    cues: re.Pattern | None
    max_quoted_words: int = 8
    examples: re.Pattern | None = None  # "for example", « par exemple »: introduces examples
    # (category, cue (a Search), minimum count, not_after): a draft about that kind of writing; a cue right
    # after `not_after` ("no jargon", « sans jargon ») is a promise, not a topic.
    topics: tuple = ()
    # Dimensions whose quoted words are still used: a trade term in quotation marks (« nofollow »)
    # is still a term the reader has to know.
    quotes_still_count: frozenset = frozenset()
    # Dimensions whose words, as the headword of a list of "Term: comment" lines, are discussed:
    # "Cutting edge: as above" in a list of words to avoid, "CRM: the file of your customers".
    headword_lists: frozenset = frozenset()
    # Dimensions read the glossary way: every headword of a "Term: comment" line ("mail, email : mél.")
    # and the heading of a glossary entry on its own line ("1. Bill of Lading (B/L):", the definition
    # below) are discussed: a post that defines its terms one by one.
    definition_headings: frozenset = frozenset()
    # A line that announces a list of words with or without a colon ("never say the following
    # things…", « évitez les expressions suivantes »): the short lines after it are its examples.
    announcements: re.Pattern | None = None
    # A short quotation that a speech verb attributes ("“Our flexibility is our strength,” adds
    # Jane Roy", « Jane Roy précise : « … » ») is someone's words, not words talked about.
    attributed_after: re.Pattern | None = None
    attributed_before: re.Pattern | None = None
    # Dimension -> the weight of its findings inside someone's quoted speech: a director's
    # "our world-leading expertise" relayed by a news story is the release's voice (press-release
    # evidence), not the author praising itself.
    speech_weights: tuple = ()
    # Words that present a quotation as what a client said about the writer ("we got this feedback",
    # « un témoignage de ») : a testimonial the firm publishes, whose praise weighs fully.
    testimonial_cues: re.Pattern | None = None

    @classmethod
    def from_spec(cls, spec: dict | None, speech_words: tuple[str, ...] = ()) -> "MentionModel":
        """`speech_words`: the forms of the pack's speech verbs (`mention.speech_verbs`, a lexicon)."""
        spec = spec or {}
        cues = [c for c in spec.get("cues", []) if isinstance(c, str) and c.strip()]
        examples = [c for c in spec.get("examples", []) if isinstance(c, str) and c.strip()]
        topics = tuple((category, Search(re.compile(topic["cue"], re.IGNORECASE)), int(topic.get("min", 3)),
                        re.compile(rf"(?:{topic['not_after']})\s*$", re.IGNORECASE) if topic.get("not_after") else None)
                       for category, topic in (spec.get("topics") or {}).items())
        announcements = [c for c in spec.get("announcements", []) if isinstance(c, str) and c.strip()]
        after, before = _attribution_patterns(speech_words)
        return cls(_alternation(cues), int(spec.get("max_quoted_words", 8)), _alternation(examples), topics,
                   frozenset(spec.get("quotes_still_count") or ()), frozenset(spec.get("headword_lists") or ()),
                   frozenset(spec.get("definition_headings") or ()),
                   _alternation(announcements), after, before,
                   tuple((category, float(weight)) for category, weight in (spec.get("speech_weights") or {}).items()),
                   _alternation([c for c in spec.get("testimonial_cues", []) if isinstance(c, str) and c.strip()]))

    def speech_weight(self, category: str, text: str, start: int, end: int, memo: dict,
                      before: Callable[[], str] = str, rule_weight: float | None = None) -> float:
        """The factor for a finding of `category` at text[start:end]: its `speech_weights` entry
        when the words sit in a quotation that is someone's speech, else 1 (also for a testimonial:
        a quotation the text presents as a client's feedback; `before()` gives the blocks before,
        for a quotation that opens its paragraph). `rule_weight`: the rule's own `speech_weight`, which
        replaces its dimension's."""
        weight = next((w for c, w in self.speech_weights if c == category), None)
        if weight is not None and rule_weight is not None:
            weight = rule_weight
        if weight is None:
            return 1.0
        speeches = self._speeches_memo(text, memo)
        # Quotations do not overlap: only the last one opened before the words can hold them.
        index = bisect.bisect_left(speeches, (start, -2)) - 1
        if index < 0:
            return 1.0
        opener, closer = speeches[index]
        if not (closer < 0 or end <= closer):
            return 1.0
        return 1.0 if self._presented_as_testimonial(text, opener, before) else weight

    def _presented_as_testimonial(self, text: str, opener: int, before: Callable[[], str]) -> bool:
        """The sentence that leads to the quotation (in its paragraph, or the paragraph before when
        the quotation opens its own) presents it as feedback: « voici ce qu'un client nous a écrit : »."""
        if self.testimonial_cues is None:
            return False
        lead = text[max(0, opener - _TESTIMONIAL_LEAD):opener].rstrip()
        if not lead:
            lead = before()[-_TESTIMONIAL_LEAD:].rstrip()
        lead = lead.removesuffix(":")
        sentence_start = max(lead.rfind(mark) for mark in ".!?\n") + 1
        return self.testimonial_cues.search(lead, sentence_start) is not None

    def _speeches_memo(self, text: str, memo: dict) -> list[tuple[int, int]]:
        """`_speeches(text)`, worked out once per paragraph (`memo`: the block's)."""
        if "speech-quotations" not in memo:
            memo["speech-quotations"] = self._speeches(text)
        return memo["speech-quotations"]

    def _speeches(self, text: str) -> list[tuple[int, int]]:
        """The quotations of `text` that are someone's speech, the second half of a split quotation
        included (“…,” remarked Jane Roy, chair of Acme, “and when…”: the speaker goes on)."""
        speeches: list[tuple[int, int]] = []
        previous_closer = None
        for opener_at, closer_at in _quotations(text, with_single=True):
            goes_on = previous_closer is not None and opener_at - previous_closer < 200 \
                and not _SENTENCE_END.search(text, previous_closer + 1, opener_at)
            if goes_on or self._is_speech(text, opener_at, closer_at):
                speeches.append((opener_at, closer_at))
                previous_closer = closer_at if closer_at >= 0 else None
            else:
                previous_closer = None
        return speeches

    def _is_speech(self, text: str, opener_at: int, closer_at: int) -> bool:
        if closer_at >= 0:
            return self._attributed(text, opener_at, closer_at) or self._fills_paragraph(text, opener_at, closer_at)
        # Left open to the paragraph's end: a quotation that goes on in the next paragraph, as news
        # copy writes a long statement, when it opens the paragraph or follows "said:".
        return _opens_paragraph(text, opener_at) or self._speech_verb_before(text, opener_at)

    def discussed(self, texts: list[str]) -> set[str]:
        """The categories whose kind of writing the draft is about (its topic cue recurs); and, for a
        draft laid out as a glossary (a term on its line, its definition below, four times in a row), the
        categories read the glossary way: it is about its terms, even those its definitions use."""
        discussed = {category for category, cue, minimum, not_after in self.topics
                     if recurs(cue, texts, minimum, not_after)}
        if self.definition_headings and recurs(_GLOSSARY_RUN, texts, 1):
            discussed |= self.definition_headings
        return discussed

    def is_mention(self, text: str, sentence: tuple[int, int], start: int, end: int,
                   before: Callable[[], str] = str, category: str = "", memo: dict | None = None,
                   nearby: Callable[[], str] | None = None) -> bool:
        """Is text[start:end] (inside the sentence range) quoted or talked about?

        `before()` gives the text of the preceding blocks, for an introduction that ends with a
        colon (asked only when the block itself has no such line before the sentence). `memo`:
        the block's memo (analysis.BlockData.memo), where a sentence's cues are kept once found.
        `nearby()`: the text of the blocks around, for the other lines of a list (default: `before`)."""
        nearby = nearby or before
        memo = {} if memo is None else memo
        if category not in self.quotes_still_count and self._in_short_quotation(text, sentence, start, end, memo):
            return True
        if self._introduced_as_examples(text, sentence[0], before, memo):
            return True
        # A list's items may share the sentence of the line announcing them ("…the following things
        # in your PR:" then one item per line): read up from the finding's own line.
        if self.announcements is not None and _on_a_short_line(text, start, end) and self._introduced_as_examples(
                text, text.rfind("\n", 0, start) + 1, before, memo, colons=False):
            return True
        if _in_word_list_after_colon(text, start, end, before, memo):
            return True
        if category in self.headword_lists and _is_list_headword(
                text, start, end, nearby, memo, after_headwords=category in self.definition_headings):
            return True
        if _is_list_headword(text, start, end, nearby, memo, _DASH_HEADWORD_LINE):
            return True
        if category in self.definition_headings and _is_list_headword(text, start, end, nearby, memo, _HEADING_HEADWORD_LINE):
            return True
        if self.cues is None:
            return False
        # The flagged words are no cue for themselves: another cue must be in the sentence.
        return any(not (cue_start < end and start < cue_end)
                   for cue_start, cue_end in self._cues_in(text, sentence, memo))

    def _cues_in(self, text: str, sentence: tuple[int, int], memo: dict) -> tuple[tuple[int, int], ...]:
        """The cues of one sentence, found once however many findings it holds."""
        key = ("mention-cues", sentence)
        if key not in memo:
            memo[key] = tuple(m.span() for m in self.cues.finditer(text, *sentence))
        return memo[key]

    def _introduced_as_examples(self, text: str, end: int, before: Callable[[], str], memo: dict,
                                colons: bool = True) -> bool:
        # The nearest line before `end` that ends with a colon announces words or examples (with
        # `colons`), or a line announces a list of words, and only short lines (list items, the
        # examples themselves) stand between. The blocks before are read only when this block's
        # own lines do not decide.
        # What this block's own lines say depends on its text alone: read once per sentence start
        # (`memo`: the block's), however many findings the sentence holds.
        key = ("introduction", end, colons)
        if key not in memo:
            memo[key] = self._introduction_in(text, end, _MAX_LIST_LINES, colons)
        verdict, lines_seen = memo[key]
        if verdict is None:
            previous = before()
            verdict, _ = self._introduction_in(previous, len(previous), _MAX_LIST_LINES - lines_seen, colons)
        return bool(verdict)

    def _introduction_in(self, text: str, end: int, max_lines: int, colons: bool = True) -> tuple[bool | None, int]:
        """Read the lines before `end`, nearest first, at most `max_lines` of them: only those
        are looked at, so the cost does not grow with the length of the paragraph. Without
        `colons`, only a line that announces a list decides (a colon line is read past)."""
        seen = 0
        position = end
        while position > 0 and seen < max(1, max_lines):
            # Looked for only as far back as a long line: a paragraph on one line is not reread
            # for each of its findings.
            newline = text.rfind("\n", max(0, position - _LONG_LINE - 1), position)
            if newline < 0 and position > _LONG_LINE:  # a long line is prose, unless it introduces with a colon
                tail = text[position - _LONG_LINE:position].rstrip()
                if not (colons and tail.endswith(":")):
                    return False, seen + 1
                newline = text.rfind("\n", 0, position)
            start = newline + 1
            line = text[start:position].strip()
            position = newline if newline >= 0 else 0
            if not line:
                continue
            seen += 1
            if self.announcements is not None and self._announces(line):
                return True, seen
            if colons and line.endswith(":"):
                return any(p is not None and p.search(line) for p in (self.cues, self.examples)), seen
            if len(line.split()) > 15:
                return False, seen
        return None, seen

    def _announces(self, line: str) -> bool:
        """Does the line announce a list of words? (A line without the literals the announcements
        need is not searched: most lines announce nothing.)"""
        return self._announcement_search.may_match(line, casefold_for_search(line)) \
            and self.announcements.search(line) is not None

    @cached_property
    def _announcement_search(self) -> Search:
        return Search(self.announcements)

    def _in_short_quotation(self, text: str, sentence: tuple[int, int], start: int, end: int,
                            memo: dict | None = None) -> bool:
        # The quotation may open before the sentence splitter's start (a quoted sentence): look a
        # little before it, never across a paragraph.
        # A short quotation opens a few words before the finding: a long sentence is not rescanned.
        window_start = max(0, sentence[0] - 200, start - _QUOTE_REACH)
        newline = text.rfind("\n", window_start, start)
        if newline >= 0:
            window_start = newline + 1
        opener_at, opener = _open_quote_before(text, window_start, start)
        if opener_at < 0:
            return False
        closer_at = _closing_quote_after(text, end, opener, min(len(text), end + 200))
        if closer_at < 0:
            return False
        quoted = text[opener_at + 1:closer_at]
        if len(quoted.split()) > self.max_quoted_words:
            return False
        if self._attributed(text, opener_at, closer_at):
            return False
        # the short second half of a split quotation is the speaker's too (“…,” said Jane Roy, “and…”)
        speeches = self._speeches_memo(text, {} if memo is None else memo)
        index = bisect.bisect_left(speeches, (opener_at, closer_at))  # sorted by opening mark
        return index == len(speeches) or speeches[index] != (opener_at, closer_at)

    def _attributed(self, text: str, opener_at: int, closer_at: int) -> bool:
        """Is the quotation someone's speech: a speech verb just after it (on its line) or just
        before it, ending with a colon or comma?"""
        # The attribution follows a comma, inside the quotation or after it ("…,” he said",
        # « … », dit-il): "“World-class” adds nothing" talks about the words.
        inside = text[opener_at + 1:closer_at].rstrip()[-1:] in (",", "!", "?")
        after = self.attributed_after.match(text, closer_at + 1) if self.attributed_after is not None else None
        if after is not None and (inside or after.group("comma")):
            return True
        # No comma, but the verb comes first and a name follows it: « … » déclare Stéphane Lefebvre
        if after is not None and len(text[closer_at + 1:after.end()].split()) == 1 \
                and _NAME_AFTER_VERB.match(text, after.end()):
            return True
        if _SIGNED.match(text, closer_at + 1):
            return True
        return self._speech_verb_before(text, opener_at)

    def _fills_paragraph(self, text: str, opener_at: int, closer_at: int) -> bool:
        """A statement in quotation marks that is its whole paragraph: news copy runs a speaker's
        words over several paragraphs and attributes only one of them."""
        return _opens_paragraph(text, opener_at) and _ENDS_PARAGRAPH.match(text, closer_at + 1) is not None \
            and len(text[opener_at + 1:closer_at].split()) > self.max_quoted_words

    def _speech_verb_before(self, text: str, opener_at: int) -> bool:
        """A speech verb ends the words just before the opening mark, on its line (« précise Jane Roy : »),
        or a person and their role do, then a colon (« La parole à Olivier Huart, PDG du groupe TDF : »)."""
        line_start = text.rfind("\n", 0, opener_at) + 1
        if self.attributed_before is not None \
                and self.attributed_before.search(text, max(line_start, opener_at - 60), opener_at) is not None:
            return True
        return _CAPTIONED_BEFORE.search(text, max(line_start, opener_at - 160), opener_at) is not None


_HEADWORD_LINE = re.compile(r"^[ \t]*+(?:[-*•–]|\d{1,2}[.)-])?[ \t]*+[^:\n.!?]{1,50}(?P<sep>:)[ \t]+\S", re.MULTILINE)
# "AFUE - Annualized Fuel Utilization Efficiency...": a glossary's "Term - definition" lines (a term of
# one to four words, then a spaced dash), which no dimension's words use: a wire dateline
# ("BOSTON - Acme today...") opens one paragraph, not three.
_DASH_HEADWORD_LINE = re.compile(r"^[ \t]*(?:[-*•][ \t]+|\d{1,2}[.)][ \t]*)?(?:[^\s:.!?]+[ \t]){0,3}[^\s:.!?-]+"
                                 r"[ \t]+(?P<sep>[-–—]{1,2})[ \t]+\S", re.MULTILINE)
# "1. Bill of Lading (B/L):" then its definition on the next line: a glossary entry's heading (numbered or
# bulleted, a term of one to six words and its abbreviation, a colon ending the line).
_HEADING_HEADWORD_LINE = re.compile(r"^[ \t]*+(?:[-*•–]|\d{1,2}[.)-])[ \t]*+[^:\n.!?]{1,60}(?P<sep>:)[ \t]*$", re.MULTILINE)
_LIST_MARK = re.compile(r"[ \t]*(?:[-*•–]|\d{1,2}[.)-])?[ \t]*")
# A glossary without colons: terms alone on their lines (at most 51 characters, no end mark), each with its
# definition on the next line (a capital, then at least five words), four entries in a row or more.
_GLOSSARY_RUN = Search(re.compile(r"(?:^[ \t]*+(?:[-*•][ \t]*+)?[^\s.!?:;][^\n.!?:;]{0,50}\n[ \t]*+[A-ZÀ-Ý][^\s\n]*+"
                                  r"(?:[ \t]++[^\s\n]++){4,}[^\n]*+(?:\n|\Z)){4}", re.MULTILINE))


_WORD_LIST_ITEM = re.compile(r"[^\W\d][\w'’-]*+(?:[ \t]++(?!(?:and|or|et|ou)[ \t])[\w'’-]++){0,3}+")
_WORD_LIST_JOIN = re.compile(r"[ \t]*+,[ \t]*+(?:(?:and|or|et|ou)[ \t]++)?|[ \t]++(?:and|or|et|ou)[ \t]++")
_MIN_WORD_LIST_ITEMS = 5
_WORD_LIST_CHARS = 1000  # characters: a longer line is read as prose


_TESTIMONIAL_LEAD = 200  # characters before a quotation where its presentation is read


def _in_word_list_after_colon(text: str, start: int, end: int, before: Callable[[], str], memo: dict) -> bool:
    """The finding's line is a bare list of words ("Best-of-breed, cutting edge, leverage, synergy,
    turnkey and world class.": five items or more of one to four words, nothing else) after a line
    ending with a colon: the words a post lists to discuss them, not its own phrasing."""
    line_start = text.rfind("\n", max(0, start - _WORD_LIST_CHARS), start) + 1
    line_end = text.find("\n", end, end + _WORD_LIST_CHARS)
    line_end = len(text) if line_end < 0 and len(text) - end <= _WORD_LIST_CHARS else line_end
    if line_end < 0 or (line_start == 0 and start > _WORD_LIST_CHARS):
        return False
    key = ("word-list", line_start)
    if key not in memo:
        memo[key] = _is_word_list(text[line_start:line_end].strip().rstrip(".;…")) \
            and _colon_line_before(text, line_start, before)
    return memo[key]


def _is_word_list(line: str) -> bool:
    items, position = 0, 0
    while True:
        item = _WORD_LIST_ITEM.match(line, position)
        if item is None:
            return False
        items += 1
        position = item.end()
        if position == len(line):
            return items >= _MIN_WORD_LIST_ITEMS
        join = _WORD_LIST_JOIN.match(line, position)
        if join is None:
            return False
        position = join.end()


def _colon_line_before(text: str, line_start: int, before: Callable[[], str]) -> bool:
    """The nearest non-empty line before `line_start` (in the block, else the blocks before) ends with a colon."""
    window = max(0, line_start - _WORD_LIST_CHARS)  # bounded: a draft of many such lines stays linear
    previous = text[window:line_start].rstrip()
    if not previous and window == 0:
        previous = before().rstrip()
    return previous.endswith(":")


def _on_a_short_line(text: str, start: int, end: int) -> bool:
    """The finding's line is short enough to be a list item (most findings sit in prose lines:
    this answers without reading them)."""
    line_start = text.rfind("\n", max(0, start - _LIST_ITEM_CHARS - 1), start) + 1
    if line_start == 0 and start > _LIST_ITEM_CHARS + 1:
        return False  # the line began further back than a list item's length
    limit = line_start + _LIST_ITEM_CHARS
    return text.find("\n", end, limit + 1) >= 0 or len(text) <= limit


def spread_to_repeats(diagnostics: list) -> None:
    """Words a draft mentions once (quoted, discussed) are mentioned wherever the same rule finds
    them again: the findings with the same rule and term become mentions too."""
    mentioned = {(d.rule, same_term(d.match)) for d in diagnostics if d.mention}
    if not mentioned:
        return
    for d in diagnostics:
        if not d.mention and (d.rule, same_term(d.match)) in mentioned:
            d.mention, d.strength = True, 0.0


# What joins the headwords of one glossary line ("mail, email :", "OPEX, CAPEX, EBITDA :", « bottom up / top down »).
_HEADWORD_JOINER = re.compile(r",|/|[ \t](?:ou|or|et|and)[ \t]")


def _other_headwords_before(prefix: str) -> bool:
    """`prefix` (the line before a finding) is one to four short headwords, each then a joiner."""
    pieces = _HEADWORD_JOINER.split(prefix)
    if len(pieces) < 2 or pieces[-1].strip() or len(pieces) > 5:
        return False
    return all(0 < len(piece.strip()) <= 40 and len(piece.split()) <= 4 and not re.search(r"[:.;!?]", piece)
               for piece in pieces[:-1])


def _is_list_headword(text: str, start: int, end: int, nearby: Callable[[], str], memo: dict,
                      line_form: re.Pattern = _HEADWORD_LINE, after_headwords: bool = False) -> bool:
    """The finding opens a "Term: comment" line (or a `line_form` one) among at least three such
    lines (this paragraph and the ones around it): a glossary or a list of words, which talks about its terms.
    `after_headwords`: it may also follow other headwords of its line ("mail, email : mél."), as in a
    glossary, not in a pitch's "Fast, friendly, award-winning service: …" lines."""
    # The finding must open its line (after a list mark): only the characters just before it are read.
    window = max(0, start - _LIST_ITEM_CHARS)
    line_start = text.rfind("\n", window, start) + 1
    if line_start == 0 and window > 0:
        if text[window:start].strip(" \t"):
            return False
        line_start = text.rfind("\n", 0, window) + 1  # only spaces before it: where does the line begin?
    opening = _LIST_MARK.match(text, line_start).end()
    if opening < start and not (after_headwords and _other_headwords_before(text[opening:start])):
        return False
    line_end = text.find("\n", end)
    line = line_form.match(text[line_start:line_end if line_end >= 0 else len(text)])
    if line is None:
        return False
    if line.start("sep") + line_start - end > 30:
        return False  # the term is the headword, not a word of a long one
    key = ("headword-lines", line_form.pattern)
    if key not in memo:  # counted once per paragraph, however many findings it holds
        memo[key] = len(line_form.findall(text))
    lines = memo[key]
    return lines >= 3 or lines + len(line_form.findall(nearby())) >= 3



# Between the halves of a split quotation there is only an attribution, no sentence end.
# (a title's or an initial's dot is none: “…,” said Dr. Jane Roy, “and…”)
_SENTENCE_END = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\bMrs)(?<!\bMme)(?<!\b[A-Z])"
                           r"[.!?](?:\s|$)|\n")
# A person named after a speech verb: "Jane", "M. Roy", « la Dre Roy », "the CEO" is not (lower case).
_NAME_AFTER_VERB = re.compile(r"[ \t]++(?:(?-i:M\.|Mme|Me|Dr|Dre|Mr|Mrs|Ms|le|la)[ \t]++)?(?-i:[A-ZÀ-Ý][\w'’-])")
# (read from the mark, not by copying the paragraph: a paragraph of thousands of quotations stays linear)
_LEADING_SPACE = re.compile(r"\s*+")
_ENDS_PARAGRAPH = re.compile(r"[ \t\n.,]*+\Z")


def _opens_paragraph(text: str, at: int) -> bool:
    """Only white space before `at`."""
    return _LEADING_SPACE.match(text).end() >= at


# A quotation signed by a person's name, after a dash or on the next line, as a pull quote or a
# testimonial is: "“Our flexibility is our strength”\nLoïc Van Durmen\nProject Manager",
# "“Fast and friendly.” — Jane D., Leeds".
_SIGNED = re.compile(r"[ \t]*+(?:\n[ \t]*+(?:[—–-][ \t]*+)?|[—–-][ \t]*+)"
                     r"(?-i:[A-ZÀ-Ý][\w'’-]*+\.?)(?:[ \t]++(?:(?:de|du|van|von|le|la|di|da|el)[ \t]++)?(?-i:[A-ZÀ-Ý][\w'’-]*+\.?)){1,3}"
                     r"[ \t]*+(?:,|\n|$)")


# A quotation captioned by its speaker: a capitalised first and last name, a comma, their role, a colon
# (not the company's own motto: « Chez Acme Conseil, notre promesse : « … » »).
_CAPTIONED_BEFORE = re.compile(r"(?<![Cc]hez )(?<![Aa]t )(?-i:[A-ZÀ-Ý][\w'’-]+)[ \t]+(?-i:[A-ZÀ-Ý][\w'’-]+),[ \t]+[^:\n«»“”\"]{2,80}?[ \t]*+:[ \t]*+$")


def _attribution_patterns(speech_words: tuple[str, ...]) -> tuple[re.Pattern | None, re.Pattern | None]:
    """After a closing mark: (a comma,) up to four words (a name, a pronoun, « a-t-il ») and a speech
    verb on the same line (", adds Jane Roy", "," she said", « , a-t-il précisé »). Before an opening
    mark: a speech verb, up to four words and a colon or comma (« précise Jane Roy : »), or a sentence
    that ends with its attribution (« …, assure-t-elle. « … » »: the speaker goes on)."""
    if not speech_words:
        return None, None
    verbs = "|".join(re.escape(w) for w in sorted(set(speech_words), key=len, reverse=True))
    after = re.compile(rf"[ \t]*+(?P<comma>,)?[ \t]*+(?:[\w.'’-]++[ \t]++){{0,4}}?(?:{verbs})\b", re.IGNORECASE)
    before = re.compile(rf"\b(?:{verbs})(?:[ \t]++[\w.'’-]++){{0,4}}[ \t]*+[:,][ \t]*+$"
                        # or a sentence that ends with its attribution (« …, assure-t-elle. », "…,” she said. “",
                        # « …, explique M. Roy. »)
                        rf"|,[”\"»]?[ \t]*+(?:(?:[\w'’-]++[ \t]++){{0,3}}?(?:{verbs})(?:(?:-t)?-(?:il|elle|ils|elles|on))?"
                        rf"|(?:{verbs})(?:[ \t]++(?:(?-i:M|Mr|Mrs|Ms|Dr|St)\.|[\w'’-]++)){{1,4}}?)[ \t]*+\.[ \t]*+$",
                        re.IGNORECASE)
    return after, before


def _alternation(patterns: list[str]) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


# Every character _open_quote_before acts on: the marks of _PAIRS and _CLOSERS, and the straight apostrophe
# where it may open or close a quotation; never the apostrophe inside a word (« l'idée », "it's": a letter
# before it, a letter or digit after), which neither opens (_opens_single) nor closes (_closes_single) one,
# and which French prose holds by the dozen.
_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted((set(_PAIRS) | _CLOSERS) - {"'"}))) + "]"
                         r"|'(?![^\W_])|(?<![^\s(\[—–-])'")


def _open_quote_before(text: str, lower: int, start: int) -> tuple[int, str]:
    """The innermost quotation mark opened in text[lower:start] and not closed there."""
    stack: list[tuple[int, str]] = []
    for mark in _QUOTE_MARK.finditer(text, lower, start):  # only the marks matter: go from one to the next
        i, ch = mark.start(), mark.group()
        if ch == "'":
            # Straight single quotes quote too ('optimise your sitemap'); an apostrophe sits inside
            # a word (it's, l'idée), a quotation mark at a word's edge.
            if stack and stack[-1][1] == "'" and _closes_single(text, i):
                stack.pop()
            elif _opens_single(text, i):
                stack.append((i, ch))
        elif ch == '"':
            if stack and stack[-1][1] == '"':
                stack.pop()
            else:
                stack.append((i, ch))
        elif ch in _PAIRS and ch != "’":
            if ch == "“" and stack and stack[-1][1] == "„":
                stack.pop()
            else:
                stack.append((i, ch))
        elif ch in _CLOSERS and stack and ch in _PAIRS.get(stack[-1][1], ""):
            if ch == "’" and i + 1 < len(text) and text[i + 1].isalpha():
                continue  # an apostrophe (l’idée), not a closing mark
            stack.pop()
    return stack[-1] if stack else (-1, "")


def outside_quotations(text: str) -> str:
    """`text` with its quotations blanked (same length): the author's own voice. Double quotations,
    and single ones as _single_quotations reads them (‘…’ or '…', closed where the quoted words end)."""
    chars = list(text)
    for opener_at, closer_at in _quotations(text, with_single=True):
        end = len(text) if closer_at < 0 else closer_at + 1
        chars[opener_at:end] = " " * (end - opener_at)
    return "".join(chars)


def _quotations(text: str, with_single: bool = False) -> list[tuple[int, int]]:
    """(opening mark, closing mark or -1 when left open) of each double quotation in `text`, read
    once from the start; a quotation inside another belongs to it. `with_single`: also the single
    quotations outside them (‘…’ or '…', the British and Australian way to quote a speaker; see
    _single_quotations)."""
    spans: list[tuple[int, int]] = []
    position = 0
    nested = _nested_pairs(text)
    # From each opening mark straight to the first of its closing marks (no reading in between), or to
    # the mark that closes a quotation nested in it with the same marks.
    while (opening := _DOUBLE_OPENER.search(text, position)) is not None:
        opener_at = opening.start()
        closer_at = min((at for closer in _PAIRS[opening.group()] if (at := text.find(closer, opener_at + 1)) >= 0),
                        default=-1)
        if closer_at >= 0 and nested.get(opener_at, -1) > closer_at:
            closer_at = nested[opener_at]
        spans.append((opener_at, closer_at))
        if closer_at < 0:
            break
        position = closer_at + 1
    if with_single:
        singles = _single_quotations(text, spans)
        # a double quotation inside a single one belongs to it ('Clients call it "the Leeds way", and…,' said…)
        spans = sorted(singles + [d for d in spans if not _within(d, singles)])
    return spans


def _nested_pairs(text: str) -> dict[int, int]:
    """Opening mark -> its closing mark, for the « » and “ ” of `text` paired as nested ones are, in one
    pass: « …, que nos clients appellent « la brigade », est… » closes at its last ». An opening mark
    that nothing closes (the stray « of « « die ») is in none: it closes at its first closing mark."""
    pairs: dict[int, int] = {}
    for opener, marks in _SAME_KIND_MARKS.items():
        if opener not in text:
            continue
        opened: list[int] = []
        for mark in marks.finditer(text):
            if mark.group() == opener:
                opened.append(mark.start())
            elif opened:
                pairs[opened.pop()] = mark.start()
    return pairs


# The marks that open and close a quotation of the same kind.
_SAME_KIND_MARKS = {"«": re.compile("[«»]"), "“": re.compile("[“”]")}


def _within(span: tuple[int, int], outer: list[tuple[int, int]]) -> bool:
    """`span` lies inside one of the sorted, disjoint `outer` spans."""
    index = bisect.bisect_right(outer, (span[0], float("inf"))) - 1
    return index >= 0 and outer[index][0] < span[0] and (span[1] < 0 or span[1] <= outer[index][1])


_SINGLE_OPENER = re.compile("[‘']")
_SINGLE_QUOTE_REACH = 2000  # characters: a speech quoted in single marks closes within a long paragraph


def _single_quotations(text: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The single quotations of `text` that open outside its double ones, each closed within its line
    by a mark that ends the quoted words: after their own punctuation (",’ said", ".’") or before a
    punctuation mark ("’," "’.") — not the apostrophe of "Australia’s" nor of "our customers’ trust"."""
    spans: list[tuple[int, int]] = []
    openers = [a for a, _ in doubles]
    ends = [len(text) if b < 0 else b for _, b in doubles]
    position = 0
    while (opening := _SINGLE_OPENER.search(text, position)) is not None:
        opener_at = opening.start()
        position = opener_at + 1
        index = bisect.bisect_left(openers, opener_at) - 1  # the double quotation opened last before it
        if not _opens_single(text, opener_at) or (index >= 0 and opener_at < ends[index]):
            continue
        closer = "’" if opening.group() == "‘" else "'"
        line_end = text.find("\n", opener_at, opener_at + _SINGLE_QUOTE_REACH)
        line_end = min(len(text), opener_at + _SINGLE_QUOTE_REACH) if line_end < 0 else line_end
        at = text.find(closer, opener_at + 1, line_end)
        while at >= 0 and not _ends_single_quotation(text, at):
            at = text.find(closer, at + 1, line_end)
        if at >= 0:
            spans.append((opener_at, at))
            position = at + 1
    return spans


def _ends_single_quotation(text: str, i: int) -> bool:
    return _closes_single(text, i) and (text[i - 1] in ",.!?…;:" or i + 1 == len(text) or text[i + 1] in ",.!?;:)—–\n")


_DOUBLE_OPENER = re.compile("[«“\"„]")


def _opens_single(text: str, i: int) -> bool:
    return (i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-") and i + 1 < len(text) and text[i + 1].isalnum()


def _closes_single(text: str, i: int) -> bool:
    return i > 0 and not text[i - 1].isspace() and (i + 1 == len(text) or not text[i + 1].isalnum())


def _closing_quote_after(text: str, end: int, opener: str, upper: int) -> int:
    """Where the quotation opened by `opener` closes in text[end:upper], on its line, or -1."""
    candidates = _CLOSING_CANDIDATES[opener]  # jumps from one candidate mark to the next
    position = end
    while (found := candidates.search(text, position, upper)) is not None:
        i, ch = found.start(), found.group()
        if ch == "\n":
            return -1
        if opener == "'" and not _closes_single(text, i):
            position = i + 1
        elif ch == "’" and opener != "'" and i + 1 < len(text) and text[i + 1].isalpha():
            position = i + 1  # an apostrophe (l’idée), not a closing mark
        else:
            return i
    return -1


# What ends a quotation's search, for each opening mark: a line break or one of its closing marks.
_CLOSING_CANDIDATES = {opener: re.compile("[\n" + re.escape(closers) + "]") for opener, closers in [*_PAIRS.items(), ("'", "'")]}
