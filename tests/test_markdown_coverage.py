"""Nothing of a Markdown draft is lost: the words tonelint lints equal the words of
the prose found by an independent path (markdown-it's HTML rendering, read back
with the standard library's HTMLParser), or a notice says why they differ.

The reference renders code, raw inline HTML and images as a space (tonelint's
placeholders), reads raw HTML blocks with the same skipped elements as the HTML
source, and treats autolinks as URLs, not prose.
"""
from __future__ import annotations

import collections
import glob
import gzip
import os
import re
import unicodedata
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tonelint.sources import extract
from tonelint.sources.block import _DECOMPOSED, _blank_urls
from tonelint.sources.frontmatter import blank_out, find_front_matter
from tonelint.sources.html import _BLOCKS, _SKIPPED
from tonelint.sources.templates import mask_templates

_WORDS = re.compile(r"\w+")


def _reference_renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    for rule in ("code_inline", "code_block", "fence", "html_inline", "image"):
        md.add_render_rule(rule, lambda self, tokens, idx, options, env: " ")

    def link_open(self, tokens, idx, options, env):
        return '<a data-autolink="1">' if tokens[idx].markup == "autolink" else "<a>"

    md.add_render_rule("link_open", link_open)
    return md


class _RenderedText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping: list[str] = []
        self.in_autolink = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skipping.append(tag)
        if tag == "a" and dict(attrs).get("data-autolink"):
            self.in_autolink = True
        if tag in _BLOCKS or tag in ("br", "img"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIPPED and tag in self.skipping:
            while self.skipping and self.skipping.pop() != tag:
                pass
        if tag == "a":
            self.in_autolink = False
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping and not self.in_autolink:
            self.parts.append(data)


def _composed(text: str) -> str:
    """The prose composes a letter and up to four combining accents (see sources/block.py)."""
    return _DECOMPOSED.sub(lambda match: unicodedata.normalize("NFC", match.group()), text)


def reference_words(source: str) -> collections.Counter:
    front = find_front_matter(source)
    body = blank_out(source, front.start, front.end) if front else source
    reader = _RenderedText()
    reader.feed(_reference_renderer().render(mask_templates(body, mdx=False)))
    reader.close()
    words = collections.Counter(_WORDS.findall(_blank_urls(_composed("".join(reader.parts)))))
    if front:
        words.update(w for _, start, end in front.prose for w in _WORDS.findall(_composed(source[start:end])))
    return words


def linted_words(source: str) -> tuple[collections.Counter, list[str]]:
    document = extract(source, "markdown")
    for block in document.blocks:  # offsets stay exact whatever the fallback
        for i, ch in enumerate(block.text):
            raw = source[block.starts[i]:block.ends[i]]
            # a decomposed accented letter (« a » + U+0300) is read as the composed one
            assert raw == ch or ch == " " or raw.startswith(("&", "\\")) or unicodedata.normalize("NFC", raw) == ch, \
                (ch, raw)
    return collections.Counter(w for b in document.blocks for w in _WORDS.findall(b.text)), document.notices


def assert_nothing_lost(source: str) -> None:
    expected = reference_words(source)
    found, notices = linted_words(source)
    if found != expected:
        assert notices, f"missing {dict(expected - found)}, extra {dict(found - expected)}, and no notice"


# -- the cases reported in issue 12 -------------------------------------------

@pytest.mark.parametrize("paragraph", [
    "Du marketing & publicité pour votre commerce.",
    "Notre service R&D et notre Q&A du jeudi.",
    "Voyez https://exemple.com/?a=1&b=2 pour le détail et ?a=1&b=2 aussi.",
    r"Le fichier est dans C:\dossier\clients pour l'instant.",
    "Une ligne qui finit par une barre \\",
    "Un *accent & une* [étiquette & lien](https://exemple.com/?x&y) puis la fin.",
    "Entité inconnue &bogus; et connue &amp; puis &copy; fin.",
])
def test_bare_ampersands_and_backslashes_are_linted(paragraph):
    source = f"# Titre\n\n{paragraph}\n\nDernier paragraphe.\n"
    found, notices = linted_words(source)
    assert found == reference_words(source)
    assert not notices


def test_a_finding_inside_a_paragraph_with_an_ampersand(engine_fr):
    source = "Intro.\n\nChez Dupont & Fils, nous sommes fiers d'annoncer notre R&D.\n"
    found = [d for d in engine_fr.lint(source, "markdown").diagnostics if d.rule.endswith("fier-d-annoncer")]
    assert [source[d.span.start:d.span.end] for d in found] == ["fiers d'annoncer"]


def test_empty_table_cells_do_not_lose_the_rest_of_the_row():
    source = "| a | b | c |\n|---|---|---|\n| un |  | trois |\n|  | deux |  |\n"
    found, notices = linted_words(source)
    assert found == collections.Counter(["a", "b", "c", "un", "trois", "deux"])
    assert not notices


def test_raw_html_blocks_are_prose():
    source = "Avant.\n\n<div class=\"encadre\">Nous sommes <b>fiers</b> d&apos;annoncer.</div>\n\n<!-- note -->\n"
    found, _ = linted_words(source)
    assert found == collections.Counter(["Avant", "Nous", "sommes", "fiers", "d", "annoncer"])


def test_nesting_beyond_the_parser_limit_is_linted_with_a_notice(engine_fr):
    levels = 5000
    source = "".join("  " * i + f"- niveau{i} texte\n" for i in range(levels))
    found, notices = linted_words(source)
    assert found["texte"] == levels
    assert all(found[f"niveau{i}"] == 1 for i in range(levels))
    assert any("nested deeper" in n for n in notices)
    result = engine_fr.lint(source, "markdown")
    assert result.words >= 2 * levels
    assert any("nested deeper" in n for n in result.notices)


def test_deep_blockquote_is_linted():
    source = "> " * 40 + "citation profonde\n\nfin\n"
    found, notices = linted_words(source)
    assert found == collections.Counter(["citation", "profonde", "fin"])
    assert notices


# -- property: generated Markdown -----------------------------------------------

_WORD = st.sampled_from(["vous", "client", "élève", "Québec", "R&D", "Q&A", "a=1&b=2", r"C:\dossier",
                         "&amp;", "&eacute;", "&bogus;", "\\*", "\\", "&", "5 $", "l'été", "«", "»"])
_INLINE = st.one_of(
    _WORD,
    _WORD.map(lambda w: f"*{w}*"),
    _WORD.map(lambda w: f"**{w}**"),
    _WORD.map(lambda w: f"~~{w}~~"),
    _WORD.map(lambda w: f"`{w}`"),
    _WORD.map(lambda w: f"[{w}](https://exemple.com/?a&b)"),
    _WORD.map(lambda w: f"![{w}](image.png)"),
    _WORD.map(lambda w: f"<span>{w}</span>"),
    st.just("<https://exemple.com/page>"),
)
_LINE = st.lists(_INLINE, min_size=1, max_size=8).map(" ".join)
_BLOCK = st.one_of(
    _LINE,
    _LINE.map(lambda line: "# " + line),
    st.lists(_LINE, min_size=1, max_size=3).map("\n".join),
    st.tuples(st.integers(1, 30), _LINE).map(lambda t: "".join("  " * i + "- " + t[1] + "\n" for i in range(t[0]))),
    st.tuples(st.integers(1, 30), _LINE).map(lambda t: "> " * t[0] + t[1]),
    st.tuples(_LINE, _LINE).map(lambda t: f"| {t[0]} | |\n|---|---|\n| | {t[1]} |"),
    _LINE.map(lambda line: f"<div>{line}</div>"),
    _LINE.map(lambda line: f"```\n{line}\n```"),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BLOCK, min_size=1, max_size=6).map("\n\n".join))
def test_generated_markdown_loses_no_words(source):
    assert_nothing_lost(source)


# -- property: real Markdown shipped with the system --------------------------------

def _system_markdown() -> list[str]:
    paths = sorted(glob.glob("/usr/share/doc/**/*.md", recursive=True)
                   + glob.glob("/usr/share/doc/**/*.md.gz", recursive=True))
    # A sample spread over every package's documentation, of ordinary sizes: a machine with browsers
    # and WordPress installed has over a thousand files, among them Node.js changelogs of 800 kB that
    # took 5 s each (linear time on large drafts is tests/test_linear_time.py's work).
    paths = [p for p in paths if os.path.getsize(p) <= 100_000]
    return paths[::max(1, len(paths) // 200)][:200]


def _read(path: str) -> str:
    raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    return raw.decode("utf-8", "replace")


@pytest.mark.slow
def test_real_markdown_loses_no_words():
    paths = _system_markdown()
    if len(paths) < 20:
        pytest.skip(f"only {len(paths)} Markdown files under /usr/share/doc on this machine")
    failures = []
    for path in paths:
        try:
            assert_nothing_lost(_read(path))
        except AssertionError as error:
            failures.append(f"{path}: {str(error)[:200]}")
    assert not failures, "\n".join(failures)
