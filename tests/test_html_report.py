"""`--format html`: a valid, self-contained page; hostile drafts escaped; highlights on the exact characters."""
from __future__ import annotations

import html
import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tonelint import Config, Engine
from tonelint.cli import main
from tonelint.formatters import FileReport, render
from tonelint.formatters.html import highlight
from tonelint.model import Diagnostic, Severity, Span

FR = Engine(Config(lang="fr"))
EN = Engine(Config(lang="en"))
VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base", "embed", "source", "track", "wbr"}
# What the report itself uses: anything else would have come from a draft.
ALLOWED = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "nav", "table", "thead", "tbody",
           "tr", "th", "td", "a", "section", "p", "details", "summary", "ul", "ol", "li", "div", "span", "mark", "b"}

HOSTILE = ("# Nous sommes fiers d'annoncer <script>alert(1)</script>\n\n"
           "Une solution clé en main \"><img src=x onerror=alert(2)> & </div></section> <!-- x --> ]]>\n\n"
           "Merci pour votre feedback.\n")
ACCENTED = ("Ça 🚀👩‍👩‍👧 y est : « nous sommes fiers d'annoncer » l'ouverture ! Éléonore 🎉 vous invite.\n\n"
            "Inscrivez-vous à notre newsletter 📬 et donnez-nous votre feedback.\r\n")


class StrictTree(HTMLParser):
    """Every element closed in order; the tags, the draft's text and its marks, as the browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.problems: list[str] = []
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str, str]] = []
        self.drafts: list[list[tuple[str, str | None]]] = []  # per draft: (text, rules of its mark)
        self.doctype = False

    def handle_decl(self, decl):
        self.doctype = decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.add(tag)
        self.attributes += [(tag, k, v or "") for k, v in attrs]
        if tag in VOID:
            return
        self.stack.append((tag, attributes))
        if tag == "div" and attributes.get("class") == "draft":
            self.drafts.append([])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        classes = [a.get("class") for _, a in self.stack]
        if "draft" in classes and "card" not in classes:
            mark = next((a for t, a in reversed(self.stack) if t == "mark"), None)
            self.drafts[-1].append((data, mark.get("data-rules") if mark else None))

    def close(self):
        super().close()
        if self.stack:
            self.problems.append(f"unclosed {[t for t, _ in self.stack]}")


def parse(page: str) -> StrictTree:
    tree = StrictTree()
    tree.feed(page)
    tree.close()
    return tree


def report_for(engine: Engine, path: str, source: str, fmt: str = "markdown") -> FileReport:
    return FileReport(path, result=engine.lint(source, fmt), source=source)


def rules_of(engine: Engine, lang: str) -> dict:
    return {rule.id: rule for rule in engine.all_rules(lang)}


def test_the_page_is_well_formed_html_with_only_its_own_tags():
    page = render("html", [report_for(FR, "hostile.md", HOSTILE)], rules_of(FR, "fr"))
    tree = parse(page)
    assert tree.doctype and not tree.problems
    assert tree.tags <= ALLOWED, tree.tags - ALLOWED


def test_hostile_draft_text_is_escaped_everywhere():
    hostile_path = 'posts/<script>alert("path")</script>.md'
    page = render("html", [report_for(FR, hostile_path, HOSTILE)], rules_of(FR, "fr"))
    tree = parse(page)
    assert "script" not in tree.tags and "img" not in tree.tags
    assert not [a for a in tree.attributes if a[1].startswith("on")]
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # The draft reads back as written, character for character.
    assert "".join(text for text, _ in tree.drafts[0]) == HOSTILE


def test_no_network_and_no_script_allowed():
    page = render("html", [report_for(FR, "a.md", HOSTILE)], rules_of(FR, "fr"))
    tree = parse(page)
    assert "default-src 'none'" in page
    for tag, name, value in tree.attributes:
        assert name not in ("src", "srcset", "action"), (tag, name)
        if name == "href":
            assert value.startswith("#"), value
    assert "url(" not in page and "@import" not in page


def test_highlights_sit_on_the_exact_characters_with_emoji_and_accents():
    report = report_for(FR, "accents.md", ACCENTED)
    inline = [d for d in report.result.diagnostics if not d.document_level]
    assert {d.match for d in inline} >= {"fiers d'annoncer", "newsletter", "feedback"}
    tree = parse(render("html", [report], rules_of(FR, "fr")))
    pieces = tree.drafts[0]
    assert "".join(text for text, _ in pieces) == ACCENTED
    offset, marked = 0, {}
    for text, rules in pieces:
        if rules:
            marked[(offset, offset + len(text))] = rules
        offset += len(text)
    for d in inline:
        assert marked.get((d.span.start, d.span.end)) == d.rule, (d.match, marked)


def _diagnostic(start, end, rule, category="peer-jargon", severity=Severity.SUGGESTION):
    return Diagnostic(rule, category, severity, f"message {rule}", Span(start, end), ["autre"])


def test_overlapping_findings_split_into_stretches_listing_every_finding_over_them():
    source = "Une landing page claire."
    findings = [_diagnostic(4, 16, "a"), _diagnostic(12, 23, "b", "press-release", Severity.WARNING)]
    tree = parse(f'<div class="draft">{highlight(source, findings, "d1")}</div>')
    assert tree.drafts[0] == [("Une ", None), ("landing ", "a"), ("page", "b a"), (" claire", "b"), (".", None)]


def test_several_files_get_an_index_worst_first_and_errors_are_shown():
    reports = [report_for(FR, "propre.md", "Vous avez une question ? Écrivez-moi.\n"),
               report_for(FR, "promo.md", HOSTILE),
               FileReport("manquant.md", error="no such file")]
    page = render("html", reports, rules_of(FR, "fr"))
    tree = parse(page)
    assert not tree.problems
    index = page[page.index("<nav>"):page.index("</nav>")]
    assert index.index("promo.md") < index.index("propre.md") < index.index("manquant.md")
    assert "no such file" in page
    assert [v for t, k, v in tree.attributes if t == "h2" and k == "id"] == ["d1", "d2", "d3"]


GERMAN = ("Wir freuen uns, Ihnen mitteilen zu können, dass unser Unternehmen im vergangenen Jahr stark gewachsen "
          "ist. Unsere Kunden schätzen die Qualität unserer Arbeit und die persönliche Beratung.\n")


def test_a_draft_in_neither_language_shows_why_not_an_empty_profile():
    result = FR.lint(GERMAN, "markdown")
    unjudged = FileReport("brief.md", result=result, notices=list(result.notices), source=GERMAN)
    reports = [unjudged, report_for(FR, "propre.md", "Vous avez une question ? Écrivez-moi.\n")]
    page = render("html", reports, rules_of(FR, "fr"))
    assert not parse(page).problems
    index = page[page.index("<nav>"):page.index("</nav>")]
    assert index.index("propre.md") < index.index("brief.md")  # not ranked as the cleanest draft
    assert '<td class="error" colspan="5">Non analysé</td>' in index
    section = page[page.index('id="d1"'):page.index('id="d2"')]
    assert "<details open>" in section and "neither French nor English" in section
    assert "ni en français ni en anglais" in section
    assert 'class="chart"' not in section and "Lisibilité" not in section


def test_profile_readability_and_cards_are_in_the_page_in_the_drafts_language():
    page = render("html", [report_for(FR, "promo.md", HOSTILE)], rules_of(FR, "fr"))
    assert '<html lang="fr">' in page and "Profil de ton" in page and "Lisibilité" in page
    assert "communiqué de presse" in page and "marqué" in page  # a dimension's name and level
    chart = page[page.index('<div class="chart">'):page.index("Lisibilité")]
    assert chart.count('class="bar"') == 5 and "metrics" not in chart  # the five dimensions, nothing else
    assert "rétroaction" in page  # a suggestion, in its card
    why = rules_of(FR, "fr")["fr.press-release.fier-d-annoncer"].description
    assert html.escape(why) in page  # the why
    english = render("html", [report_for(EN, "post.md", "We are thrilled to announce our new platform.\n")],
                     rules_of(EN, "en"))
    assert '<html lang="en">' in english and "Tone profile" in english
    assert "0 erreur," in page and "(1 constat)" in page and "0 errors," in english  # each language's plural


def test_cli_writes_the_report(tmp_path, capsys):
    draft = tmp_path / "promo.md"
    draft.write_text(HOSTILE, encoding="utf-8")
    assert main(["check", "--format", "html", "--jobs", "1", str(draft)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and not parse(out).problems
    assert "Pourquoi" in out


# -- in a real browser ---------------------------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PLAYWRIGHT = Path(__file__).resolve().parents[1] / "extension" / "node_modules" / "playwright-core"
ARTEFACTS = Path(__file__).parent / ".cache" / "html-report"

_BROWSER_SCRIPT = r"""
const { chromium } = require(process.argv[2]);
(async () => {
  const [page_url, screenshot, expected] = [process.argv[3], process.argv[4], JSON.parse(process.argv[5])];
  const browser = await chromium.launch({ executablePath: process.argv[6], headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
  await page.goto(page_url);
  const boxes = await page.evaluate((expected) => {
    const draft = document.querySelector('.draft');
    const nodes = [];  // the draft's own text nodes (cards left out), with their offsets
    const walker = document.createTreeWalker(draft, NodeFilter.SHOW_TEXT,
      { acceptNode: (n) => n.parentElement.closest('.card') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
    let offset = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, offset]); offset += n.data.length; }
    // JavaScript counts UTF-16 units: code point offsets from Python are converted here.
    const text = nodes.map(([n]) => n.data).join('');
    const units = (cp) => Array.from(text).slice(0, cp).join('').length;
    const startAt = (u) => { for (const [n, o] of nodes) if (u < o + n.data.length) return [n, u - o]; };
    const endAt = (u) => { for (const [n, o] of nodes) if (u <= o + n.data.length) return [n, u - o]; };
    return expected.map(([start, end]) => {
      const range = document.createRange();
      range.setStart(...startAt(units(start)));
      range.setEnd(...endAt(units(end)));
      const words = range.getBoundingClientRect();
      const mark = range.startContainer.parentElement.closest('mark');
      const box = mark ? mark.getBoundingClientRect() : null;
      return { words: [words.x, words.y, words.width, words.height], text: range.toString(),
               mark: box && [box.x, box.y, box.width, box.height] };
    });
  }, expected);
  const hidden = await page.evaluate(() => document.querySelector('.card').getBoundingClientRect().width);
  let reached = false;  // the keyboard alone reaches the first underlined passage
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement === document.querySelector('mark.f'));
  }
  const focus = await page.evaluate(() => {
    const mark = document.querySelector('mark.f');
    const card = mark.parentElement.querySelector('.card');
    const m = mark.getBoundingClientRect(), c = card.getBoundingClientRect();
    return { card_visible: c.width > 0 && c.height > 0, card_below: c.top >= m.bottom - 1 };
  });
  focus.reached = reached;
  focus.hidden_before = hidden === 0;
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ boxes, focus }));
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
"""


@pytest.mark.skipif(not Path(CHROMIUM).exists() or not PLAYWRIGHT.exists() or not shutil.which("node"),
                    reason="needs Debian's chromium, node and npm's playwright-core (installed by `make test` as root)")
def test_in_chromium_each_mark_covers_exactly_its_words_and_its_card_shows_on_focus(tmp_path):
    report = report_for(FR, "accents.md", ACCENTED)
    inline = [d for d in report.result.diagnostics if not d.document_level]
    page = tmp_path / "report.html"
    page.write_text(render("html", [report], rules_of(FR, "fr")), encoding="utf-8")
    script = tmp_path / "boxes.js"
    script.write_text(_BROWSER_SCRIPT, encoding="utf-8")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    expected = [[d.span.start, d.span.end] for d in inline]
    run = subprocess.run(["node", str(script), str(PLAYWRIGHT), page.as_uri(), str(ARTEFACTS / "report.png"),
                          json.dumps(expected), CHROMIUM], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    for d, box in zip(inline, found["boxes"]):
        assert box["text"] == d.match
        assert box["mark"] is not None, d.match
        # Same left, top and width (the mark is a few pixels taller: its underline is a border).
        assert all(abs(a - b) < 1.5 for a, b in zip(box["words"][:3], box["mark"][:3])), (d.match, box)
    assert found["focus"] == {"reached": True, "hidden_before": True, "card_visible": True, "card_below": True}
    assert (ARTEFACTS / "report.png").stat().st_size > 10_000
