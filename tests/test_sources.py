"""Offsets: every diagnostic points at the exact characters of the original file."""
from __future__ import annotations

import unicodedata

import pytest

from tonelint.sources import extract


def _check_maps(source: str, fmt: str):
    doc = extract(source, fmt)
    for block in doc.blocks:
        for i, ch in enumerate(block.text):
            raw = source[block.starts[i]:block.ends[i]]
            assert raw == ch or ch == " " or raw.startswith(("&", "\\")) or unicodedata.normalize("NFC", raw) == ch, \
                (ch, raw)
    return doc


def _lint(engine, source, fmt):
    return engine.lint(source, fmt).diagnostics


def _only(diagnostics, rule_suffix):
    return [d for d in diagnostics if d.rule.endswith(rule_suffix)]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_astral_characters_before_a_match(engine_fr, fmt):
    source = "😀🎉 𝔘𝔫 Nous sommes fiers d'annoncer la suite."
    found = _only(_lint(engine_fr, source, fmt), "fier-d-annoncer")
    assert [d.match for d in found] == ["fiers d'annoncer"]
    assert found[0].span.start == source.index("fiers")
    assert (found[0].line, found[0].column) == (1, source.index("fiers") + 1)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_decomposed_accents_match_like_composed_ones(engine_fr, fmt):
    # NFD, as some systems and PDF copies write accents: « e » then U+0301. The prose gets « é »; the
    # finding points at the decomposed source characters.
    source = unicodedata.normalize("NFD", "Le site a été conçu par une équipe. Un leader mondial à Québec.")
    assert len(source) > len(unicodedata.normalize("NFC", source))
    found = {d.rule.rsplit(".", 1)[1]: d for d in _lint(engine_fr, source, fmt)}
    passive = found["voix-passive"]
    assert unicodedata.normalize("NFC", source[passive.span.start:passive.span.end]) == "a été conçu"
    assert source[found["cliches"].span.start:found["cliches"].span.end] == "leader mondial"
    _check_maps(source, fmt)


def test_decomposed_accents_weigh_like_composed_ones(engine_fr):
    # Findings quote the source: the evidence counts « passionnés » and « passion » as one family
    # whether « é » is one character or two.
    text = ("Nous sommes des passionnés avec une expérience exceptionnelle et une expertise unique. "
            "Notre passion est votre réussite.")
    composed = engine_fr.lint(text, "text").verdicts
    decomposed = engine_fr.lint(unicodedata.normalize("NFD", text), "text").verdicts
    assert {k: v.evidence for k, v in decomposed.items()} == {k: v.evidence for k, v in composed.items()}


def test_crlf_line_endings_markdown(engine_fr):
    source = "# Titre\r\n\r\nUne ligne.\r\nNous sommes **fiers\r\nd'annoncer** ceci.\r\n"
    found = _only(_lint(engine_fr, source, "markdown"), "fier-d-annoncer")
    assert len(found) == 1
    d = found[0]
    assert source[d.span.start:d.span.end] == "fiers\r\nd'annoncer"
    assert (d.line, d.column, d.end_line, d.end_column) == (4, 15, 5, 11)


def test_crlf_line_endings_text(engine_fr):
    source = "Premier paragraphe.\r\n\r\nUn leader mondial ici.\r\n"
    (d,) = _only(_lint(engine_fr, source, "text"), "cliches")
    assert d.match == "leader mondial"
    assert (d.line, d.column) == (3, 4)


def test_html_entities_inside_and_before_a_match(engine_fr):
    source = "<p>Caf&eacute; &amp; th&#233; : un leader&nbsp;mondial du go&ucirc;t.</p>"
    (d,) = _only(_lint(engine_fr, source, "html"), "cliches")
    assert d.match == "leader&nbsp;mondial"
    assert d.span.start == source.index("leader")


def test_nested_emphasis_inside_flagged_phrase(engine_fr):
    source = "Nous sommes *fiers **d'annoncer*** un partenariat stratégique."
    found = _lint(engine_fr, source, "markdown")
    announce = _only(found, "fier-d-annoncer")[0]
    assert announce.match == "fiers **d'annoncer"
    cliche = _only(found, "cliches")[0]
    assert cliche.match == "partenariat stratégique"


def test_links_keep_text_and_skip_destination(engine_fr):
    source = "Voyez [notre leader mondial](https://ex.com/leader-mondial \"leader mondial\") et <https://leader-mondial.fr>."
    found = _only(_lint(engine_fr, source, "markdown"), "cliches")
    assert [(d.match, d.span.start) for d in found] == [("leader mondial", source.index("leader"))]


@pytest.mark.parametrize("source, expected_line", [
    ("- premier point\n- un leader mondial ici\n", 2),
    ("> citation\n> un leader mondial\n", 2),
    ("| a | b |\n|---|---|\n| rien | un leader mondial |\n", 3),
    ("1. 1999 était une année\n2. un leader mondial\n", 2),
    ("Titre\n=====\n\nTexte d'un leader mondial.\n", 4),
])
def test_lists_tables_blockquotes(engine_fr, source, expected_line):
    (d,) = _only(_lint(engine_fr, source, "markdown"), "cliches")
    assert d.match == "leader mondial"
    assert d.line == expected_line
    assert source[d.span.start:d.span.end] == "leader mondial"


def test_code_front_matter_urls_emails_never_linted(engine_fr):
    source = (
        "---\ntags: [leader mondial]\nlayout: leader mondial\n---\n\n"
        "```\nleader mondial\n```\n\n    leader mondial indenté\n\n"
        "Voir `leader mondial` ou https://ex.com/leader-mondial ou leader.mondial@ex.com.\n\n"
        "<div><code>leader mondial</code><!-- leader mondial --></div>\n"
    )
    assert _only(_lint(engine_fr, source, "markdown"), "cliches") == []


def test_html_script_style_attributes_never_linted(engine_fr):
    source = ('<html><head><style>.leader-mondial{}</style><script>var s="leader mondial";</script></head>'
              '<body><img alt="leader mondial" src="x.png"><p title="leader mondial">Bonjour.</p>'
              '<pre>leader mondial</pre><code>leader mondial</code></body></html>')
    assert _only(_lint(engine_fr, source, "html"), "cliches") == []


@pytest.mark.parametrize("fmt, source", [
    ("markdown", "# Un *titre* ##\n\nDu **gras** et du _souligné_, `code` &amp; \\*étoile\\*.\r\nSuite  \nfin"),
    ("markdown", "- a\n  - b *c*\n\n> > d [e](f) ![g [h]](i.png) <j@k.com>\n\n| x | y |\n|--|--|\n| &lt;z&gt; | w |\n"),
    ("html", "<div><h1>T&eacute;</h1><p>a<br>b <em>c</em> &#x1F600; d&amp</p><ul><li>e</li></ul></div>"),
    ("text", "ab\r\n\r\ncd\n  \nef"),
])
def test_every_prose_character_maps_to_its_source(fmt, source):
    doc = _check_maps(source, fmt)
    assert doc.blocks


def test_french_apostrophes_and_nbsp_do_not_defeat_matching(engine_fr):
    for apostrophe in ["'", "\u2019", "\u02bc"]:
        source = f"Nous sommes fiers d{apostrophe}annoncer\u00a0ceci."
        assert _only(_lint(engine_fr, source, "text"), "fier-d-annoncer"), apostrophe
    source = "C\u2019est un leader\u202fmondial, «\u00a0vraiment\u00a0»."
    assert _only(_lint(engine_fr, source, "text"), "cliches")[0].match == "leader\u202fmondial"


def test_phrase_does_not_match_across_sentence_punctuation(engine_fr):
    assert _only(_lint(engine_fr, "Il est leader. Mondial, ce marché.", "text"), "cliches") == []


def test_suppression_comments(engine_fr):
    source = (
        "Un leader mondial.\n\n"
        "<!-- tonelint-disable fr.press-release.cliches -->\n\nUn leader mondial.\n\n"
        "<!-- tonelint-enable -->\n\nUn leader mondial.\n\n"
        "<!-- tonelint-disable-next-line -->\nUn leader mondial.\n\n"
        "Un leader mondial.\n"
    )
    found = _only(_lint(engine_fr, source, "markdown"), "cliches")
    assert [d.line for d in found] == [1, 9, 14]


def test_suppression_by_prefix_in_html(engine_fr):
    source = "<!-- tonelint-disable fr.press-release --><p>Un leader mondial, fiers d'annoncer.</p>"
    assert [d for d in _lint(engine_fr, source, "html") if d.category == "press-release"] == []


def test_plain_text_one_paragraph_per_line_or_hard_wrapped():
    long_line = "Une phrase assez longue pour ressembler à un vrai paragraphe de blogue, " * 2
    per_line = "\n".join([long_line, long_line, long_line])
    assert len(extract(per_line, "text").blocks) == 3
    wrapped = "Une ligne courte coupée\nà la main comme dans un courriel\nqui continue ici\n\nEt un autre."
    assert [b.text.count("\n") for b in extract(wrapped, "text").blocks] == [2, 0]


@pytest.mark.parametrize("front", [
    '---\ntitle: "Un leader mondial"\ndescription: Une solution clé en main\nlang: fr-CA\ntags: [leader mondial]\n---\n',
    "+++\ntitle = 'Un leader mondial'\ndescription = \"Une solution clé en main\"\nlanguage = \"fr\"\n+++\n",
])
def test_front_matter_title_and_description_are_linted_and_lang_honoured(engine_en, front):
    source = front + "\nThe cat sleeps on the sofa and it dreams of mice and of the garden.\n"
    result = _lint_auto(source)
    assert result.lang == "fr"
    found = [(d.match, d.line) for d in result.diagnostics if d.category == "press-release"]
    assert found == [("leader mondial", 2), ("solution clé en main", 3)]
    for d in result.diagnostics:
        assert source[d.span.start:d.span.end] == d.match


def _lint_auto(source):
    from tonelint import Config, Engine

    return Engine(Config()).lint(source, "markdown")


def test_explicit_language_beats_front_matter(engine_en):
    from tonelint import Config, Engine

    source = "---\nlang: fr\n---\nWe are thrilled to announce this.\n"
    assert Engine(Config()).lint(source, "markdown", "en").lang == "en"


@pytest.mark.parametrize("fmt, source", [
    ("markdown", "{{< figure src=\"leader-mondial.png\" caption=\"leader mondial\" >}}\n\nUn texte.\n"),
    ("markdown", "{% include leader-mondial.html %} Un texte {{ page.leader_mondial }} et {# leader mondial #}.\n"),
    ("markdown", "{% highlight text %}\nleader mondial\n{% endhighlight %}\n\nUn texte.\n"),
    ("markdown", "{{< highlight go >}}\nleader mondial\n{{< /highlight >}}\n\nUn texte.\n"),
    ("mdx", "import Leader from './leader-mondial'\nexport const meta = { title: 'leader mondial' }\n\n"
            "Un texte {props.leaderMondial} <Leader name=\"leader mondial\" />.\n"),
    ("html", "<p>{% if leader %}Un texte{% endif %} {{ 'leader mondial' }}</p>"),
])
def test_template_syntax_is_not_prose(engine_fr, fmt, source):
    diagnostics = engine_fr.lint(source, fmt).diagnostics
    assert [d.match for d in diagnostics if d.rule.endswith("cliches")] == []
    doc = extract(source, fmt)
    assert any("texte" in b.text for b in doc.blocks)


def test_mdx_files_are_drafts():
    from tonelint.reading import guess_format

    assert guess_format("post.mdx", "") == "mdx"


def test_utf16_offsets_round_trip_with_astral_characters():
    from tonelint.utf16 import Utf16Map

    text = "a😀b𝔘c\ud800d"  # emoji, mathematical letter, a lone surrogate (one unit in JavaScript too)
    offsets = Utf16Map(text)
    assert [offsets.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7, 8, 9]
    assert [offsets.to_codepoint(offsets.to_utf16(i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))


@pytest.mark.parametrize("opening, closing", [("---\na: ", "\n---\n"), ("+++\na = ", "\n+++\n")])
def test_front_matter_nested_past_the_parsers_depth_is_not_a_crash(engine_fr, opening, closing):
    source = opening + "[" * 50_000 + "]" * 50_000 + closing + "\nNous sommes fiers d'annoncer la suite.\n"
    found = [d.rule for d in engine_fr.lint(source, "markdown").diagnostics]
    assert "fr.press-release.fier-d-annoncer" in found


def test_unreadable_front_matter_says_its_keys_were_not_read(engine_fr):
    source = "---\nlang: fr\nvariant: [fr-CA\n---\n\nAbonnez-vous à notre newsletter.\n"
    assert any("front matter is not valid" in n for n in engine_fr.lint(source, "markdown").notices)
    fine = "---\nlang: fr\n---\n\nBonjour.\n"
    assert not any("front matter" in n for n in engine_fr.lint(fine, "markdown").notices)
