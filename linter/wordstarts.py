"""The words a rule regex's matches can start with, so it is tried only where they start.

Under IGNORECASE, or after a leading `\\b`, `re` finds no prefix to skip ahead to and tries
its whole pattern at every character of a block: the French passive voice regex cost
~100 µs per paragraph. Most rule regexes start a match at a word start with one of a
few words (« le|la|les », "is|are|was", a verb alternation): the block's words then say
the few places worth trying, and `pattern.match` at each of them, in order, gives the
same matches as `finditer` (a match starting there is the one `search` would find there;
lookbehinds and `\\b` still see the text before it).

The words come from Python's own regex parser. Whenever a pattern is not plainly of that
form (a character class, `\\w+`, a word that may go on past the match...) there are none,
and the regex is searched as usual. A regex whose matches open with a capital (a name) is
tried where a capitalised word starts (`first_chars`). `WordStarts` is a block's index of
where its words start, made once per block.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

try:  # the parser `re` itself uses; private, so any surprise just disables the shortcut
    from _sre import unicode_iscased as _is_cased  # what `re` compiles case-insensitively
    from re import _constants as _sre
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = _sre_parser = None

# Letters beyond ASCII whose case-insensitive matches in `re` all casefold to the letter's own
# casefold (tests/test_wordstarts.py checks it over all of Unicode): a first word spelt with
# another letter gives no word set.
_FOLDS_LIKE_RE = frozenset("àâäçéèêëîïôöùûüÿœæ" + "àâäçéèêëîïôöùûüÿœæ".upper())
_MAX_WORDS = 5000  # past this the set costs more to build than the search it saves
_MAX_SMALL_REPEAT = 3  # `s?`, `(?:e|es)?`: spelt out; longer repeats give no word set


class _NoWords(Exception):
    pass


def first_words(pattern: re.Pattern) -> frozenset[str] | None:
    """The words (casefolded, see prefilter.casefold_for_search) that every match of `pattern`
    starts with: each match starts where a word starts, and the whole word there (its run of
    `\\w` characters), casefolded, is one of them. None when that cannot be shown."""
    if _sre_parser is None or not isinstance(pattern.pattern, str) or pattern.flags & re.ASCII:
        return None
    return _first_words_of(pattern.pattern, pattern.flags)


@functools.lru_cache(maxsize=4096)
def _first_words_of(source: str, flags: int) -> frozenset[str] | None:
    words: set[str] = set()
    try:
        _walk(tuple(_sre_parser.parse(source, flags)), "", False, words)
    except (_NoWords, RecursionError):
        return None
    except Exception:  # noqa: BLE001 - an optimisation must never break a rule
        return None
    return frozenset(words) if words else None


def _walk(items: tuple, word: str, at_word_start: bool, words: set[str]) -> None:
    """Add to `words` each first word the items can spell after `word`; `at_word_start`: the
    character before the match is known to be no word character (`\\b`, `(?<!\\w)`)."""
    if len(words) > _MAX_WORDS:
        raise _NoWords
    if not items:
        raise _NoWords  # the match may end inside a word that goes on
    (op, value), rest = items[0], items[1:]
    if op is _sre.LITERAL:
        char = chr(value)
        if not _is_word_char(char):
            if not word:
                raise _NoWords  # a match that starts with punctuation
            words.add(word)
            return
        if not word and not at_word_start:
            raise _NoWords  # the match may start inside a word
        _walk(rest, word + _fold(char), at_word_start, words)
    elif op is _sre.AT:
        if value is _sre.AT_BOUNDARY:
            if word:
                words.add(word)  # a boundary after a word character: the word ends here
                return
            _walk(rest, word, True, words)
        else:
            _walk(rest, word, at_word_start, words)  # ^, $, \B...: they only narrow the matches
    elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
        direction, body = value
        guards = op is _sre.ASSERT_NOT and direction == -1 and not word and _is_no_word_before(list(body))
        _walk(rest, word, at_word_start or guards, words)  # other assertions only narrow the matches
    elif op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, body = value
        if add_flags & re.ASCII:
            raise _NoWords
        _walk(tuple(body) + rest, word, at_word_start, words)
    elif op is _sre.BRANCH:
        for branch in value[1]:
            _walk(tuple(branch) + rest, word, at_word_start, words)
    elif op is _sre.IN:
        if word and _no_word_char_in(value):
            words.add(word)
            return
        if len(value) <= 12 and all(member_op is _sre.LITERAL for member_op, _ in value):
            for _op, code in value:  # (?-i:[Ll]): each letter
                _walk(((_sre.LITERAL, code),) + rest, word, at_word_start, words)
            return
        raise _NoWords
    elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, high, body = value
        body = tuple(body)
        if high <= _MAX_SMALL_REPEAT:
            for times in range(low, high + 1):
                _walk(body * times + rest, word, at_word_start, words)
            return
        if word and low >= 1 and _starts_with_no_word_char(body):
            words.add(word)  # `\s+` after a word: it ends there
            return
        raise _NoWords
    else:
        raise _NoWords


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what `\w` matches in a str pattern


def _fold(char: str) -> str:
    if char.isascii() or char in _FOLDS_LIKE_RE:
        return char.casefold()
    raise _NoWords


def _is_no_word_before(body: list) -> bool:
    """`(?<![...\\w...])`: the character before is no word character."""
    return len(body) == 1 and body[0][0] is _sre.IN and (_sre.CATEGORY, _sre.CATEGORY_WORD) in body[0][1]


def _no_word_char_in(members: list) -> bool:
    """A character class none of whose characters is a word character (`\\s`, `[ ,;]`)."""
    return all((op is _sre.LITERAL and not _is_word_char(chr(value)))
               or (op is _sre.CATEGORY and value is _sre.CATEGORY_SPACE) for op, value in members)


def _starts_with_no_word_char(body: tuple) -> bool:
    if not body:
        return False
    op, value = body[0]
    return (op is _sre.IN and _no_word_char_in(value)) or (op is _sre.LITERAL and not _is_word_char(chr(value)))


# A class of more first characters than this gives candidates at most words: not worth the look-up.
_MAX_FIRST_CHARS = 150


def first_chars(pattern: re.Pattern) -> tuple[frozenset[str], frozenset[str]] | None:
    """For a regex whose matches start with a character of a case-sensitive class (a capital:
    "(?-i:[A-Z])…", the names of attributions): (its word characters, its other characters).
    A match starting with one of the word characters starts where a word starts, and one
    starting with another character starts at that character. None when that cannot be shown."""
    if _sre_parser is None or not isinstance(pattern.pattern, str) or pattern.flags & re.ASCII:
        return None
    return _first_chars_of(pattern.pattern, pattern.flags)


@functools.lru_cache(maxsize=4096)
def _first_chars_of(source: str, flags: int) -> tuple[frozenset[str], frozenset[str]] | None:
    chars: set[str] = set()
    try:
        _walk_first(tuple(_sre_parser.parse(source, flags)), False, not flags & re.IGNORECASE, chars)
    except (_NoWords, RecursionError):
        return None
    except Exception:  # noqa: BLE001 - an optimisation must never break a rule
        return None
    if not chars or len(chars) > _MAX_FIRST_CHARS:
        return None
    return frozenset(filter(_is_word_char, chars)), frozenset(c for c in chars if not _is_word_char(c))


def _walk_first(items: tuple, at_word_start: bool, case_sensitive: bool, chars: set[str]) -> None:
    """Add to `chars` each character a match can start with (as written: case-sensitive only)."""
    if len(chars) > _MAX_FIRST_CHARS or not items:
        raise _NoWords  # too many, or a match that may be empty
    (op, value), rest = items[0], items[1:]
    if op is _sre.LITERAL or op is _sre.IN:
        for char in _class_chars([(op, value)] if op is _sre.LITERAL else value):
            if not case_sensitive and _is_cased(ord(char)):
                raise _NoWords  # which characters `re` takes for another case is its own business
            if _is_word_char(char) and not at_word_start:
                raise _NoWords  # the match may start inside a word
            chars.add(char)
    elif op is _sre.AT:
        _walk_first(rest, at_word_start or value is _sre.AT_BOUNDARY, case_sensitive, chars)
    elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
        direction, body = value
        body = list(body)
        guards = direction == -1 and ((op is _sre.ASSERT_NOT and _is_no_word_before(body))
                                      or (op is _sre.ASSERT and _starts_with_no_word_char(tuple(body[-1:]))))
        _walk_first(rest, at_word_start or guards, case_sensitive, chars)
    elif op is _sre.SUBPATTERN:
        _group, add_flags, del_flags, body = value
        if add_flags & re.ASCII:
            raise _NoWords
        if not add_flags and not del_flags:
            _walk_first(tuple(body) + rest, at_word_start, case_sensitive, chars)
            return
        # its own flags hold inside only: a group that may match nothing gives up (no rest to read)
        inner = (case_sensitive or del_flags & re.IGNORECASE) and not add_flags & re.IGNORECASE
        _walk_first(tuple(body), at_word_start, bool(inner), chars)
    elif op is _sre.BRANCH:
        for branch in value[1]:
            _walk_first(tuple(branch) + rest, at_word_start, case_sensitive, chars)
    elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, _high, body = value
        _walk_first(tuple(body), at_word_start, case_sensitive, chars)
        if low == 0:
            _walk_first(rest, at_word_start, case_sensitive, chars)
    else:
        raise _NoWords


def _class_chars(members: list) -> list[str]:
    chars: list[str] = []
    for op, value in members:
        if op is _sre.LITERAL:
            chars.append(chr(value))
        elif op is _sre.RANGE and value[1] - value[0] < _MAX_FIRST_CHARS:
            chars.extend(map(chr, range(value[0], value[1] + 1)))
        else:
            raise _NoWords  # \w, a negated class, a wide range
    return chars


class MatchStarts(NamedTuple):
    """Where a regex's matches can start: at a word of `words` (casefolded), at a word whose
    first character as written is one of `chars`, or at one of the characters `symbols`."""

    words: frozenset[str]
    chars: frozenset[str]
    symbols: frozenset[str]


def match_starts(pattern: re.Pattern) -> MatchStarts | None:
    """The first words of its matches (first_words), else their first characters (first_chars);
    for a regex that opens with an alternation, each alternative's, together (a name with a capital,
    or « nous » or « notre »). None when some alternative has neither."""
    if _sre_parser is None or not isinstance(pattern.pattern, str) or pattern.flags & re.ASCII:
        return None
    return _match_starts_of(pattern.pattern, pattern.flags)


@functools.lru_cache(maxsize=4096)
def _match_starts_of(source: str, flags: int) -> MatchStarts | None:
    try:
        items = tuple(_sre_parser.parse(source, flags))
    except Exception:  # noqa: BLE001 - an optimisation must never break a rule
        return None
    alternatives = [tuple(branch) + items[1:] for branch in items[0][1][1]] \
        if items and items[0][0] is _sre.BRANCH else [items]
    words: set[str] = set()
    chars: set[str] = set()
    for alternative in alternatives:
        found: set[str] = set()
        try:
            _walk(alternative, "", False, found)
            words |= found
            continue
        except (_NoWords, RecursionError):
            pass
        except Exception:  # noqa: BLE001
            return None
        found = set()
        try:
            _walk_first(alternative, False, not flags & re.IGNORECASE, found)
        except Exception:  # noqa: BLE001 - _NoWords, or anything unforeseen: no shortcut
            return None
        chars |= found
    if not words and not chars or len(words) > _MAX_WORDS or len(chars) > _MAX_FIRST_CHARS:
        return None
    return MatchStarts(frozenset(words), frozenset(filter(_is_word_char, chars)),
                       frozenset(c for c in chars if not _is_word_char(c)))


_WORD_RUN = re.compile(r"\w+")


class WordStarts:
    """Where each word of a text (a run of `\\w` characters) starts: by its casefold (see
    prefilter.casefold_for_search), for a regex's `first_words`, and by its first character as
    written, for its `first_chars`. Kept with a cached block: positions as tuples of numbers, which
    the garbage collector stops visiting."""

    __slots__ = ("by_word", "by_first_char", "text")

    def __init__(self, text: str, folded: str) -> None:
        """`folded`: the casefold of `text` (prefilter.casefold_for_search)."""
        from .prefilter import casefold_for_search  # here: prefilter imports this module

        by_word: dict[str, list[int]] = {}
        by_first_char: dict[str, list[int]] = {}
        # The casefolded text lines up with the text unless casefolding changed a length (ß -> ss).
        aligned = len(folded) == len(text) and len(text.casefold()) == len(text)
        for match in _WORD_RUN.finditer(text):
            start, end = match.span()
            word = folded[start:end] if aligned else casefold_for_search(match.group())
            by_word.setdefault(word, []).append(start)
            by_first_char.setdefault(text[start], []).append(start)
        self.by_word = {word: tuple(starts) for word, starts in by_word.items()}
        self.by_first_char = {char: tuple(starts) for char, starts in by_first_char.items()}
        self.text = text

    def for_search(self, words: frozenset[str], chars: frozenset[str],
                   symbols: re.Pattern | None) -> tuple[int, ...] | list[int]:
        """Where a match of a regex with these MatchStarts may start, in order: at one of `words`,
        at a word starting with one of `chars`, or at a match of `symbols`."""
        found = _looked_up(self.by_word, words) + _looked_up(self.by_first_char, chars)
        if symbols is not None:
            found.append([match.start() for match in symbols.finditer(self.text)])
        if len(found) <= 1:
            return found[0] if found else ()
        return sorted(set().union(*found))  # a capitalised first word is found twice


def _looked_up(index: dict[str, tuple[int, ...]], keys: frozenset[str]) -> list[tuple[int, ...]]:
    """The positions of the keys in the index, going through the smaller of the two."""
    if len(keys) < len(index):
        return [index[key] for key in keys if key in index]
    return [starts for key, starts in index.items() if key in keys]

