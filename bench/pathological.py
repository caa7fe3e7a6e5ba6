"""Time of `tonelint check` on pathological drafts: short units repeated to 10k, 100k and 1M characters.

The families are the input shapes that once took quadratic time or worse (issue 12:
"?" × 40,000 took 12 s, "A." × 40,000 24 s), each linted in the formats and languages
where it did. Each draft is written to a temporary .txt/.md/.html file and linted
through the command's own code path (`tonelint.cli.main(["check", ...])`, JSON output
discarded) in this process; each run has its own engine, whose caches start empty as in
a fresh `tonelint check`. Models are loaded by a warm-up run first.

A `prose` row lints ordinary drafts of the same length (bench/drafts.py), so each
figure can be read against normal throughput. tests/test_linear_time.py holds the
same families to linear growth.

Usage: python bench/pathological.py [--sizes 10000,100000,1000000] [--family NAME ...]
                                    [--formats text,markdown,html] [--langs fr,en] [--repeat 1]
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import itertools
import os
import string
import tempfile
import time
from dataclasses import dataclass
from typing import Callable

SIZES = (10_000, 100_000, 1_000_000)
_EXTENSIONS = {"text": ".txt", "markdown": ".md", "html": ".html"}
_SELF_PRAISE = {  # words a self-praise or quotation rule needs before its regex runs at all
    "fr": " est le premier intégrateur du Québec, a déclaré le PDG.",
    "en": " is the leading provider of software, said the CEO.",
}

_HEADWORD = {  # a "Term: comment" line whose term is flagged: a glossary or a list of words to avoid
    "fr": "Leader mondial : une formule vide\n",
    "en": "Cutting edge: as above\n",
}

# A spokesperson introduced by title, then quoted by name: two findings per unit, all on one line
_INTRODUCED_AND_QUOTED = {
    "fr": "René Roy, directeur général de l'usine, parle. « Oui », a souligné René Roy. ",
    "en": "Jane Doe, CEO of Acme, spoke. “Yes,” Doe said. ",
}
_SIGNED = {  # a caption, a quotation, a signature
    "fr": "Marie Roy, ministre de l'Économie\n« Nous annonçons une aide. »\nJulie Roy, Lévis\n",
    "en": "Jane Doe, Minister of Health\n“We will open a clinic.”\nJane Roe, Portland\n",
}

_QUOTED_PRAISE = {  # attributed quotations holding self-praise, all in one paragraph
    "fr": "« Notre équipe exceptionnelle », a déclaré Marie Roy. ",
    "en": "“Our world-leading team,” said Jane Roy. ",
}

_EXCEPTED = {  # a rule's finding that one of its exceptions covers
    "fr": "impôt sur la valeur ajoutée, ",
    "en": "exceptional costs ",
}

_SUPPRESSED = {  # a comment that turns off other rules than the finding's, on the next line
    "fr": "<!-- tonelint-disable-next-line fr.register -->\nfiers d'annoncer\n\n",
    "en": "<!-- tonelint-disable-next-line en.register -->\nproud to announce\n\n",
}


@dataclass(frozen=True)
class Family:
    name: str
    make: Callable[[int, str], str]  # (characters, language) -> draft
    formats: tuple[str, ...]
    langs: tuple[str, ...] = ("fr", "en")
    cause: str = ""  # what was slow on it
    rules: bool = False  # slow in rules, which differ by language (else one language tells)


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _unit(unit: str) -> Callable[[int, str], str]:
    return lambda size, lang: repeat(unit, size)


def _paragraphs(unit: str, width: int) -> Callable[[int, str], str]:
    """Paragraphs of `width` characters of the unit, each numbered so no two are the same
    (the engine caches a paragraph it has seen)."""
    def make(size: int, lang: str) -> str:
        body = repeat(unit, width)
        return repeat("".join(f"{body} {n}{_SELF_PRAISE[lang]}\n\n" for n in range(size // width + 1)), size)
    return make


# A list of names opened by an organisation cue, one name long with capitalised small words.
_LISTED = {"en": "The gala was sponsored by the Friends" + " Of" * 40 + " all, and ABC helped. ",
           "fr": "La soirée était organisée par Jean" + " De" * 40 + " tous, et ABC aidait. "}


def _distinct_acronyms(size: int, lang: str) -> str:
    words = ("".join(c) + " abcdef " for c in itertools.product(string.ascii_uppercase, repeat=3))
    return repeat("".join(itertools.islice(words, size // 11 + 1)), size)


_FIRM_PARAGRAPH = {"en": "{} opens the door, an award-winning team.\n\n",
                   "fr": "{} ouvre la porte, une équipe exceptionnelle.\n\n"}


def _distinct_firms(size: int, lang: str) -> str:
    """Paragraphs that each open with another name and praise it: every name is a candidate author firm."""
    names = ("".join(c).capitalize() + " Qx" + "".join(c).lower() for c in itertools.product(string.ascii_uppercase, repeat=3))
    paragraphs = (_FIRM_PARAGRAPH[lang].format(name) for name in names)
    return repeat("".join(itertools.islice(paragraphs, size // 30 + 1)), size)


def _prose(size: int, lang: str) -> str:
    spec = importlib.util.spec_from_file_location("bench_drafts", os.path.join(os.path.dirname(__file__), "drafts.py"))
    drafts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(drafts)
    return repeat(drafts.make_draft(lang, size // 5, seed=size), size)


# A quotation, then its attribution far after it.
_QUOTE_THEN = {"en": ('"Great,"', "said Jane Doe."), "fr": ("« Super »", "a déclaré Marie Roy.")}
_TITLE = {"en": "CEO Jane Doe said.", "fr": "PDG Marie Roy a dit."}


# The first format is the one the test lints (the others take the same path).
TEXT, MARKUP, HTML, ALL = ("text",), ("markdown", "html"), ("html", "markdown"), ("text", "markdown", "html")
FAMILIES = [
    Family("prose", _prose, ALL, cause="(reference: ordinary drafts)"),
    # Sentence boundaries
    Family("?", _unit("?"), ALL, cause="sentence boundary regex"),
    Family(".", _unit("."), TEXT, cause="sentence boundary regex"),
    Family("!", _unit("!"), TEXT, cause="sentence boundary regex"),
    Family("…", _unit("…"), TEXT, cause="sentence boundary regex"),
    Family("A. then spaces", lambda size, lang: "A." + " " * (size - 3) + "x", TEXT, cause="sentence start after a full stop"),
    Family("go to then spaces", lambda size, lang: "Or go to" + " " * (size - 14) + "today.", TEXT, ("en",),
           cause="hard sell to a blanked link (spaces split between two quantifiers)", rules=True),
    # URLs and e-mail addresses
    Family("A.", _unit("A."), ALL, cause="URL/e-mail mask (dotted name)"),
    Family("a-.", _unit("a-."), TEXT, cause="URL/e-mail mask (dotted name)"),
    Family("1.", _unit("1."), TEXT, cause="URL/e-mail mask (dotted name)"),
    Family("a@aaa", lambda size, lang: "a@" + "a" * (size - 2), TEXT, cause="URL/e-mail mask (e-mail domain)"),
    # Decomposed accents: composing a letter sorts its marks (quadratic in their number)
    Family("e + stacked accents", lambda size, lang: "e" + "\u0301\u0316" * ((size - 1) // 2), TEXT,
           cause="composing decomposed accents"),
    # Template tags
    Family("{{", _unit("{{"), MARKUP, cause="template tags"),
    Family("{%", _unit("{%"), MARKUP, cause="template tags"),
    Family("{#", _unit("{#"), MARKUP, cause="template tags"),
    Family("{{<", _unit("{{<"), MARKUP, cause="template tags (shortcodes)"),
    Family("{% raw %}", _unit("{% raw %}"), MARKUP, cause="template code blocks (cubic)"),
    Family("{{ long tag }} x", lambda size, lang: "{{" + "a" * (size - 7) + "}} x", MARKUP, cause="masked-line regex"),
    # HTML (also Markdown's HTML blocks)
    Family("<a ", _unit("<a "), HTML, cause="HTML parser: tag never closed"),
    Family("<!--", _unit("<!--"), HTML, cause="HTML parser: comment never closed"),
    Family("<!--x>", _unit("<!--x>"), HTML, cause="HTML parser: comment never closed"),
    Family("</", _unit("</"), ("html",), cause="HTML parser: end tag never closed"),
    Family('<a x="', _unit('<a x="'), ("html",), cause="HTML parser: tag never closed"),
    Family("<![CDATA[x>", _unit("<![CDATA[x>"), ("html",), cause="HTML parser: section never closed"),
    # Front matter
    Family("title: a, spaces, b", lambda size, lang: "---\ntitle: a" + " " * (size - 24) + "b\n---\nTexte.\n",
           ("markdown",), cause="front matter field regex"),
    # Suppression comments
    Family("<!-- tonelint-disable", _unit("<!-- tonelint-disable "), ALL, cause="suppression comments"),
    Family("a disable comment per finding", lambda size, lang: repeat(_SUPPRESSED[lang], size), ("markdown",),
           cause="every finding checked against every suppression comment"),
    # Acronyms
    Family("capitals then a", lambda size, lang: "A" * (size - 1) + "a", TEXT, cause="acronym regex", rules=True),
    Family("A0 then a", lambda size, lang: repeat("A0", size - 1) + "a", TEXT, cause="acronym regex", rules=True),
    Family("distinct acronyms", _distinct_acronyms, TEXT, cause="acronym check (unit after a number)", rules=True),
    Family("sponsored by a name of Of Of…", lambda size, lang: repeat(_LISTED[lang], size), TEXT,
           cause="acronym check: a name's small words read two ways in a sponsor list (exponential)", rules=True),
    Family("acronym then spaces", lambda size, lang: "The HELOC" + " " * (size - 10) + "x", TEXT,
           cause="gloss after a term: the spaces before it read by each alternative (quadratic)", rules=True),
    Family("capitals then spaces", lambda size, lang: "CEO" + " " * (size - 5) + "x.", TEXT,
           cause="dateline rules: spaces around an optional bracket or comma (quadratic)", rules=True),
    Family("city, comma, spaces", lambda size, lang: "PARIS," + " " * (size - 8) + "x.", TEXT,
           cause="dateline rules: spaces after the city's comma read twice (quadratic)", rules=True),
    Family("glossary line, then spaces", lambda size, lang: "Backlinks: links from other sites.\n" + " " * (size - 37) + "x",
           TEXT, cause="list headwords: spaces before the headword read twice (quadratic)", rules=True),
    Family("release header then spaces", lambda size, lang: "FOR IMMEDIATE RELEASE" + " " * (size - 23) + "x.", TEXT,
           cause="release header: spaces around an optional colon (quadratic)", rules=True),
    Family("quotation, spaces, speech verb", lambda size, lang: _QUOTE_THEN[lang][0] + " " * (size - 40) + _QUOTE_THEN[lang][1],
           TEXT, cause="attributed quotations: spaces around an optional comma (quadratic)", rules=True),
    Family("lines of a non-breaking space", lambda size, lang: "A" + "\n\u00a0" * ((size - 3) // 2) + "x.", TEXT,
           cause="an About heading looked for from every line start across blank lines (quadratic)", rules=True),
    Family("speech verb, lines of a non-breaking space, title",
           lambda size, lang: _QUOTE_THEN[lang][1] + "\n\u00a0" * ((size - 30) // 2) + _TITLE[lang], TEXT,
           cause="executive quotes: a title looked for after every line start across blank lines (quadratic)", rules=True),
    # Legal citations: spaces read by two quantifiers in a row
    Family("L.Q. then spaces", lambda size, lang: "Voir la L.Q." + " " * (size - 13) + "x", TEXT,
           cause="statute citation (« L.Q. 2014, c. 1 »): spaces around an optional comma", rules=True),
    Family("article 12 then spaces", lambda size, lang: "Voir l'article 12" + " " * (size - 18) + "x", TEXT,
           cause="article of a code (« art. 165(4) C.p.c. »): spaces around an optional comma", rules=True),
    Family("announced amount then spaces", lambda size, lang: "Candia annonce 1" + " " * (size - 17) + "x", TEXT,
           langs=("fr",), cause="an amount announced (« annonce 200 M€ d'investissement »): digits and spaces read by "
                               "two quantifiers in a row", rules=True),
    Family("client count then spaces", lambda size, lang: "Nous avons plus de 1" + " " * (size - 21) + "x", TEXT,
           langs=("fr",), cause="a client count in self-praise (« plus de 500 clients »): the same", rules=True),
    # A rule's exceptions: every hit was compared with every exception of the draft
    Family("exception after exception", lambda size, lang: repeat(_EXCEPTED[lang], size), TEXT,
           cause="rule exceptions (hits x exceptions)", rules=True),
    # Rule regexes written for words, on long words
    Family("A' word, self-praise", lambda size, lang: repeat("A'", size) + _SELF_PRAISE[lang], TEXT,
           cause="rule regexes: a capitalised name (quadratic in a word's length)", rules=True),
    Family("A' words of 199, self-praise", _paragraphs("A'", 199), TEXT,
           cause="rule regexes on the longest words kept as prose", rules=True),
    Family("A' words of 199, one paragraph", lambda size, lang: repeat(repeat("A'", 199) + " ", size) + _SELF_PRAISE[lang],
           TEXT, cause="rule regexes: a name of up to four words, each of the longest kept", rules=True),
    Family("AB- words of 199 (dateline)", _paragraphs("AB-", 199), TEXT,
           cause="dateline rule: fourth power of a word's length", rules=True),
    # Lines a layout rule reads one by one, in one paragraph
    Family("glossary lines of praise", lambda size, lang: repeat(_HEADWORD[lang], size), TEXT,
           cause="list headwords: the paragraph's lines counted again for each finding", rules=True),
    Family("quotation, signature, caption", lambda size, lang: repeat(_SIGNED[lang], size), TEXT,
           cause="testimonial signatures and spokesperson captions (a line before or after a quotation)", rules=True),
    # Many findings in one paragraph written on one line
    Family("introduced and quoted, one line", lambda size, lang: repeat(_INTRODUCED_AND_QUOTED[lang], size), TEXT,
           cause="mention tests reading back to the line's start, and each quotation compared with each introduction",
           rules=True),
    Family("split quotations, one paragraph",
           lambda size, lang: repeat("“Our award-winning team,” said Dr. Jane Roy, chair of Acme, “and I know it.” ", size),
           TEXT, langs=("en",), cause="the short second half of each split quotation looked up in a list of the "
                                      "paragraph's speech (quadratic); the paragraph copied before each quotation",
           rules=True),
    Family("stray and nested guillemets, one paragraph",
           lambda size, lang: repeat("« « « nous sommes exceptionnels » et « “génial” » ", size), TEXT,
           cause="quotations nested with the same marks, and stray opening marks: each followed to its end",
           rules=True),
    Family("distinct names praised", _distinct_firms, TEXT,
           cause="each firm name a sentence opens was looked for again in every paragraph (quadratic)", rules=True),
    Family("quoted self-praise, one paragraph", lambda size, lang: repeat(_QUOTED_PRAISE[lang], size), TEXT,
           cause="self-praise inside quoted speech: each finding looked up among the paragraph's quotations",
           rules=True),
]


def lint_time(path: str, fmt: str, lang: str) -> float:
    """Seconds for `tonelint check` on one file (each run has its own engine, caches empty)."""
    from tonelint.cli import main

    argv = ["check", path, "--lang", lang, "--format", "json", "--input-format", fmt,
            "--max-file-size", str(16 * 1024 * 1024), "--jobs", "1", "--color", "never"]
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        start = time.perf_counter()
        main(argv)
        return time.perf_counter() - start


def measure(family: Family, fmt: str, lang: str, sizes, repeat_runs: int, directory: str) -> list[float]:
    times = []
    for size in sizes:
        path = os.path.join(directory, f"draft{_EXTENSIONS[fmt]}")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(family.make(size, lang))
        times.append(min(lint_time(path, fmt, lang) for _ in range(repeat_runs)))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--family", action="append", help="only this family (repeatable)")
    parser.add_argument("--formats", help="comma-separated; default: each family's own")
    parser.add_argument("--langs", help="comma-separated; default: each family's own")
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure, the fastest is printed")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as directory:
        warm = os.path.join(directory, "warm.md")
        with open(warm, "w", encoding="utf-8") as handle:
            handle.write("Nous sommes fiers d'annoncer notre solution clé en main.\n")
        for lang in ("fr", "en"):
            lint_time(warm, "markdown", lang)
        print(f"{'family':32} {'format':8} lang " + " ".join(f"{size:>10,}" for size in sizes)
              + "   growth (linear: the sizes' ratio)   cause")
        for family in FAMILIES:
            if args.family and family.name not in args.family:
                continue
            formats = args.formats.split(",") if args.formats else family.formats
            langs = args.langs.split(",") if args.langs else family.langs
            for fmt, lang in itertools.product(formats, langs):
                times = measure(family, fmt, lang, sizes, args.repeat, directory)
                growth = " ".join(f"x{b / max(a, 1e-3):<5.1f}" for a, b in zip(times, times[1:]))
                print(f"{family.name:32} {fmt:8} {lang}   " + " ".join(f"{t:9.3f}s" for t in times)
                      + f"   {growth}   {family.cause}", flush=True)


if __name__ == "__main__":
    main()
